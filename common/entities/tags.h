#pragma once

#include <cstdint>

namespace morgue::entities {

/// The classes the model tells apart. MISC (nationalities, events, works) is learnt so that
/// the other three are not asked to absorb it, and dropped from the output.
enum class NameClass : std::uint8_t { person, organisation, location, misc };
/// Number of name classes.
inline constexpr int kClassCount = 4;

/// Where a token sits in a name: the BILOU scheme.
enum class Part : std::uint8_t { outside, begin, inside, last, unit };

/// A tag: 0 is outside (O), then begin, inside, last, unit for each class in turn.
using Tag = std::uint8_t;
/// Number of tags.
inline constexpr int kTagCount = 1 + 4 * kClassCount;
/// A set of tags, bit t for tag t.
using TagMask = std::uint32_t;

/// The tag of a class and a part.
constexpr Tag make_tag(NameClass cls, Part part) {
    return part == Part::outside
               ? Tag{0}
               : static_cast<Tag>(1 + 4 * static_cast<int>(cls) + static_cast<int>(part) - 1);
}

/// The part of a tag.
constexpr Part part_of(Tag tag) {
    return tag == 0 ? Part::outside : static_cast<Part>(1 + (tag - 1) % 4);
}

/// The class of a tag other than O.
constexpr NameClass class_of(Tag tag) {
    return static_cast<NameClass>((tag - 1) / 4);
}

/// The tags that may follow prev; can_continue says whether the next token may be in the
/// same name (a candidate on the same line), so a name is always closed in time.
constexpr TagMask allowed_after(Tag prev, bool can_continue) {
    const Part part = part_of(prev);
    if (part == Part::begin || part == Part::inside) {
        const NameClass cls = class_of(prev);
        const TagMask last = TagMask{1} << make_tag(cls, Part::last);
        return can_continue ? last | TagMask{1} << make_tag(cls, Part::inside) : last;
    }
    TagMask mask = 1;  // O
    for (int c = 0; c < kClassCount; ++c) {
        const auto cls = static_cast<NameClass>(c);
        mask |= TagMask{1} << make_tag(cls, Part::unit);
        mask |= can_continue ? TagMask{1} << make_tag(cls, Part::begin) : 0;
    }
    return mask;
}

}  // namespace morgue::entities
