#include "resolve.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <unordered_map>

#include "chars.h"

namespace morgue::entities {

namespace {

constexpr std::uint32_t kPlaceLists = (1u << static_cast<int>(List::country)) |
                                      (1u << static_cast<int>(List::region)) |
                                      (1u << static_cast<int>(List::city));

// The longer person names of an article, each listed once, and for each shorter name the
// longest of them it is part of ("Putin" of "Vladimir Putin"). Every lookup is cached: an
// article may mention a name thousands of times, never thousands of names.
class FullerPersons {
  public:
    explicit FullerPersons(const std::vector<Mention>& mentions) {
        std::unordered_map<std::string, bool> seen;
        for (const Mention& mention : mentions) {
            if (mention.type == EntityType::person && mention.words.size() >= 2 &&
                seen.try_emplace(mention.key, true).second) {
                persons_.push_back(&mention);
            }
        }
    }

    /// The longest person name part is a part of, or nullptr.
    const Mention* of(const Mention& part) {
        const auto [cached, added] = cache_.try_emplace(part.key, nullptr);
        if (added) {
            for (const Mention* whole : persons_) {
                if (is_partial_name(part.words, whole->words) &&
                    (!cached->second || whole->words.size() > cached->second->words.size())) {
                    cached->second = whole;
                }
            }
        }
        return cached->second;
    }

  private:
    std::vector<const Mention*> persons_;
    std::unordered_map<std::string, const Mention*> cache_;
};

void fix_types(std::vector<Mention>& mentions, const AliasTable& aliases) {
    for (Mention& mention : mentions) {
        if (const std::optional<EntityType> type = aliases.fixed_type(mention.key)) {
            mention.type = *type;
            mention.fixed = true;
        }
    }
    FullerPersons fuller(mentions);
    for (Mention& mention : mentions) {
        if (!mention.fixed && mention.words.size() <= 2 && fuller.of(mention) != nullptr) {
            mention.type = EntityType::person;
        }
    }
}

// Every mention of a name gets the type most of its mentions have; on a tie a known place
// is a location, else the first mention decides.
void vote_types(std::vector<Mention>& mentions, const Lexicon& lexicon) {
    std::unordered_map<std::string, std::array<int, 3>> votes;
    for (const Mention& mention : mentions) {
        votes[mention.key][static_cast<std::size_t>(mention.type)] += mention.fixed ? 100 : 1;
    }
    std::unordered_map<std::string, EntityType> winners;
    for (Mention& mention : mentions) {
        const auto [winner, added] = winners.try_emplace(mention.key, mention.type);
        if (added) {
            const std::array<int, 3>& count = votes[mention.key];
            const auto top = std::max_element(count.begin(), count.end());
            const bool place = (lexicon.lists_of(mention.sequence) & kPlaceLists) != 0;
            if (place && count[static_cast<std::size_t>(EntityType::location)] == *top) {
                winner->second = EntityType::location;
            } else if (count[static_cast<std::size_t>(mention.type)] != *top) {
                winner->second = static_cast<EntityType>(top - count.begin());
            }
        }
        mention.type = winner->second;
    }
}

// "NSC" for "National Security Council": the capitals of the longer name's words.
bool is_acronym_of(std::string_view acronym, std::string_view name) {
    std::string initials;
    bool word_start = true;
    for (const char c : name) {
        if (c == ' ' || c == '-') {
            word_start = true;
        } else {
            if (word_start && c >= 'A' && c <= 'Z') {
                initials.push_back(c);
            }
            word_start = false;
        }
    }
    return initials.size() >= 2 && initials == acronym;
}

bool is_all_caps(std::string_view name) {
    bool letter = false;
    for (std::size_t pos = 0; pos < name.size();) {
        const Char c = char_at(name, pos);
        if (c.kind == CharClass::lower) {
            return false;
        }
        letter = letter || c.kind == CharClass::upper;
        pos += c.length;
    }
    return letter;
}

// "BORIS YELTSIN" -> "Boris Yeltsin", for a person only seen on ALL CAPS lines.
std::string title_case(std::string_view name) {
    std::string out;
    bool word_start = true;
    for (std::size_t pos = 0; pos < name.size();) {
        const Char c = char_at(name, pos);
        const std::string_view bytes = name.substr(pos, c.length);
        if (c.kind == CharClass::upper && !word_start && c.code < 0x80) {
            out.push_back(static_cast<char>(to_lower(c.code)));
        } else {
            out.append(bytes);
        }
        word_start = !is_wordish(c.kind);
        pos += c.length;
    }
    return out;
}

// The canonical name of each mention, decided once per distinct (type, name): the fullest
// form of a person, the organisation an acronym stands for, else the mention itself; then
// the alias table; then, for an ALL CAPS form, the article's or the gazetteers' spelling.
class CanonicalNames {
  public:
    CanonicalNames(const std::vector<Mention>& mentions, const Lexicon& lexicon,
                   const AliasTable& aliases)
        : persons_(mentions), lexicon_(lexicon), aliases_(aliases) {
        std::unordered_map<std::string, bool> seen;
        for (const Mention& mention : mentions) {
            if (!is_all_caps(mention.surface)) {
                cased_.try_emplace(mention.key, tidy_name(mention.surface));
            }
            if (mention.type == EntityType::organisation && mention.words.size() >= 2 &&
                seen.try_emplace(mention.key, true).second) {
                organisations_.push_back(&mention);
            }
        }
    }

    /// The canonical name of a mention ("" for none).
    const std::string& of(const Mention& mention) {
        auto& cache = cache_[static_cast<std::size_t>(mention.type)];
        const auto [cached, added] = cache.try_emplace(mention.key);
        if (added) {
            std::string name = base_name(mention);
            if (const auto canonical = aliases_.canonical(mention.type, alias_key(name))) {
                name = std::string(*canonical);
            }
            cached->second = fix_caps(std::move(name), mention);
        }
        return cached->second;
    }

  private:
    std::string base_name(const Mention& mention) {
        if (mention.type == EntityType::person) {
            if (const Mention* whole = persons_.of(mention)) {
                return tidy_name(whole->surface);
            }
        }
        if (mention.type == EntityType::organisation && mention.words.size() == 1 &&
            is_all_caps(mention.surface)) {
            for (const Mention* other : organisations_) {
                if (is_acronym_of(mention.surface, other->surface)) {
                    return tidy_name(other->surface);
                }
            }
        }
        return tidy_name(mention.surface);
    }

    // "MOSCOW" of a dateline, "PUTIN" of a wire headline: in the case the article or the
    // gazetteers write it. Acronyms keep their capitals, as the gazetteers write them.
    std::string fix_caps(std::string name, const Mention& mention) const {
        if (!is_all_caps(name)) {
            return name;
        }
        const auto cased = cased_.find(alias_key(name));
        if (cased != cased_.end()) {
            return cased->second;
        }
        const std::string_view spelling = lexicon_.spelling_of(Lexicon::sequence_of(name));
        if (!spelling.empty()) {
            return std::string(spelling);
        }
        return mention.type == EntityType::person && mention.uncased ? title_case(name) : name;
    }

    FullerPersons persons_;
    std::vector<const Mention*> organisations_;
    std::unordered_map<std::string, std::string> cased_;
    const Lexicon& lexicon_;
    const AliasTable& aliases_;
    std::array<std::unordered_map<std::string, std::string>, 3> cache_;
};

}  // namespace

bool is_partial_name(const std::vector<std::uint64_t>& part,
                     const std::vector<std::uint64_t>& whole) {
    if (part.empty() || part.size() >= whole.size()) {
        return false;
    }
    return std::equal(part.begin(), part.end(), whole.begin()) ||
           std::equal(part.begin(), part.end(), whole.end() - static_cast<long>(part.size()));
}

std::vector<Entity> resolve_entities(std::vector<Mention> mentions, const Lexicon& lexicon,
                                     const AliasTable& aliases) {
    fix_types(mentions, aliases);
    vote_types(mentions, lexicon);
    std::vector<Entity> entities;
    std::map<std::pair<EntityType, std::string>, std::size_t> index;
    CanonicalNames names(mentions, lexicon, aliases);
    for (const Mention& mention : mentions) {
        const std::string& name = names.of(mention);
        if (name.empty()) {
            continue;
        }
        const auto [found, added] =
            index.try_emplace({mention.type, alias_key(name)}, entities.size());
        if (added) {
            entities.push_back(Entity{mention.type, name, {}});
        }
        std::vector<std::string>& forms = entities[found->second].mentions;
        if (std::find(forms.begin(), forms.end(), mention.surface) == forms.end()) {
            forms.push_back(mention.surface);
        }
    }
    return entities;
}

}  // namespace morgue::entities
