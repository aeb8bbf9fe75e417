#include "lexicon.h"

#include <algorithm>
#include <array>
#include <utility>

#include "list_file.h"

namespace morgue::entities {

namespace {

constexpr std::uint32_t kPrefixBit = 1u << 31;
constexpr unsigned kCueShift = 8;
constexpr std::size_t kMaxNameTokens = 8;

constexpr std::uint32_t bit(List list) {
    return 1u << static_cast<unsigned>(list);
}

}  // namespace

Lexicon::Lexicon(const Reader& read) {
    static constexpr std::array<std::pair<std::string_view, List>, 7> kLists = {{
        {"regions.txt", List::region},
        {"cities.txt", List::city},
        {"given-names.txt", List::given_name},
        {"person-names.txt", List::person_name},
        {"companies.txt", List::company},
        {"organisations.txt", List::organisation},
        {"demonyms.tsv", List::demonym},
    }};
    files_.reserve(kLists.size() + 2);
    slots_.resize(1u << 18);
    for (const auto& [name, list] : kLists) {
        files_.push_back(read(name));
        const bool spell =
            list != List::given_name && list != List::person_name && list != List::demonym;
        add_list(files_.back(), bit(list), spell);
    }
    files_.push_back(read("countries.tsv"));
    for_each_entry(files_.back(), [this](std::string_view line) {
        add_name(field(line, 1), bit(List::country), true);
        for_each_variant(field(line, 2), [this](std::string_view variant) {
            add_name(variant, bit(List::country), true);
        });
    });
    files_.push_back(read("cues.tsv"));
    for_each_entry(files_.back(), [this](std::string_view line) {
        const std::string_view kind = field(line, 0);
        const std::uint16_t cue = kind == "title" ? kCueTitle
                                  : kind == "org" ? kCueOrg
                                  : kind == "loc" ? kCueLoc
                                                  : kCueTime;
        add_name(field(line, 1), static_cast<std::uint32_t>(cue) << kCueShift, false);
    });
}

void Lexicon::add_list(const std::string& content, std::uint32_t bits, bool keep_spelling) {
    for_each_entry(content,
                   [&](std::string_view line) { add_name(field(line, 0), bits, keep_spelling); });
}

void Lexicon::add_name(std::string_view name, std::uint32_t bits, bool keep_spelling) {
    scratch_.clear();
    tokenize(name, scratch_);
    if (scratch_.empty() || scratch_.size() > kMaxNameTokens) {
        return;
    }
    std::uint64_t sequence = kHashSeed;
    for (std::size_t i = 0; i < scratch_.size(); ++i) {
        sequence = extend_sequence(sequence, scratch_[i].key);
        if (i + 1 < scratch_.size()) {
            slot_for(sequence).bits |= kPrefixBit;
        }
    }
    Slot& slot = slot_for(sequence);
    slot.bits |= bits;
    if (keep_spelling && slot.spelling < 0) {
        slot.spelling = static_cast<std::int32_t>(spellings_.size());
        spellings_.push_back(name);
    }
}

Lexicon::Slot& Lexicon::slot_for(std::uint64_t key) {
    key = key == 0 ? 1 : key;
    if (2 * (used_ + 1) > slots_.size()) {
        grow();
    }
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = key & mask;; i = (i + 1) & mask) {
        if (slots_[i].key == key) {
            return slots_[i];
        }
        if (slots_[i].key == 0) {
            slots_[i].key = key;
            ++used_;
            return slots_[i];
        }
    }
}

const Lexicon::Slot* Lexicon::find(std::uint64_t key) const {
    key = key == 0 ? 1 : key;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = key & mask;; i = (i + 1) & mask) {
        if (slots_[i].key == key) {
            return &slots_[i];
        }
        if (slots_[i].key == 0) {
            return nullptr;
        }
    }
}

void Lexicon::grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    used_ = 0;
    for (const Slot& slot : old) {
        if (slot.key != 0) {
            slot_for(slot.key) = slot;
        }
    }
}

std::uint32_t Lexicon::lists_of(std::uint64_t sequence) const {
    const Slot* slot = find(sequence);
    return slot ? slot->bits & 0xFFu : 0;
}

std::string_view Lexicon::spelling_of(std::uint64_t sequence) const {
    const Slot* slot = find(sequence);
    return slot && slot->spelling >= 0 ? spellings_[static_cast<std::size_t>(slot->spelling)]
                                       : std::string_view();
}

std::uint64_t Lexicon::sequence_of(std::string_view name) {
    std::vector<Token> tokens;
    tokenize(name, tokens);
    std::uint64_t sequence = kHashSeed;
    for (const Token& token : tokens) {
        sequence = extend_sequence(sequence, token.key);
    }
    return sequence;
}

void Lexicon::annotate(std::vector<Token>& tokens) const {
    std::array<std::size_t, kListCount> covered{};
    std::size_t cues_done = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (!tokens[i].has(kCandidate)) {
            continue;
        }
        // Cue words matter beside candidates only: look up those, not every word.
        for (std::size_t k = std::max(cues_done, i >= 2 ? i - 2 : 0);
             k < std::min(tokens.size(), i + 3); ++k) {
            if (tokens[k].has(kHasLetter)) {
                const Slot* slot = find(extend_sequence(kHashSeed, tokens[k].key));
                tokens[k].cues =
                    slot ? static_cast<std::uint16_t>(slot->bits >> kCueShift & 0xFu) : 0;
            }
            cues_done = k + 1;
        }
        mark_names_from(tokens, i, covered);
    }
}

void Lexicon::mark_names_from(std::vector<Token>& tokens, std::size_t i,
                              std::array<std::size_t, kListCount>& covered) const {
    std::array<std::size_t, kListCount> best{};
    std::uint64_t sequence = kHashSeed;
    for (std::size_t j = i;
         j < tokens.size() && j < i + kMaxNameTokens && tokens[j].line == tokens[i].line; ++j) {
        sequence = extend_sequence(sequence, tokens[j].key);
        const Slot* slot = find(sequence);
        if (slot == nullptr) {
            break;
        }
        for (int list = 0; list < kListCount; ++list) {
            best[list] = slot->bits & (1u << list) ? j + 1 : best[list];
        }
        if (!(slot->bits & kPrefixBit)) {
            break;
        }
    }
    for (int list = 0; list < kListCount; ++list) {
        if (best[list] == 0 || i < covered[list]) {
            continue;  // no match, or inside a longer match of the same list
        }
        const unsigned shift = 4 * static_cast<unsigned>(list);
        if (best[list] == i + 1) {
            tokens[i].gazetteer |= 8u << shift;
        } else {
            tokens[i].gazetteer |= 1u << shift;
            for (std::size_t k = i + 1; k + 1 < best[list]; ++k) {
                tokens[k].gazetteer |= 2u << shift;
            }
            tokens[best[list] - 1].gazetteer |= 4u << shift;
        }
        covered[list] = best[list];
    }
}

}  // namespace morgue::entities
