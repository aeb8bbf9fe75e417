#include "mentions.h"

#include <algorithm>
#include <array>
#include <optional>
#include <unordered_map>

#include "../text/unicode.h"
#include "aliases.h"

namespace morgue::entities {

namespace {

std::optional<EntityType> entity_type(NameClass cls) {
    switch (cls) {
        case NameClass::person:
            return EntityType::person;
        case NameClass::organisation:
            return EntityType::organisation;
        case NameClass::location:
            return EntityType::location;
        case NameClass::misc:
            return std::nullopt;
    }
    return std::nullopt;
}

// Days and months, and the joining words that cannot open or close a name ("the", "de" and
// "van" can: "The Hague", "de Gaulle").
bool is_edge_noise(const Token& token) {
    static constexpr std::array<std::uint64_t, 6> kJoiners = {hash_text("of"), hash_text("and"),
                                                              hash_text("&"),  hash_text("for"),
                                                              hash_text("on"), hash_text("upon")};
    return (token.cues & kCueTime) != 0 ||
           std::find(kJoiners.begin(), kJoiners.end(), token.key) != kJoiners.end();
}

// A demonym matched as a whole word (the U bit of the demonym list).
bool is_demonym(const Token& token) {
    return (token.gazetteer & list_bits(List::demonym) & 0x88888888u) != 0;
}

Mention make_mention(const Document& doc, EntityType type, std::size_t first, std::size_t end,
                     std::string_view surface) {
    Mention mention;
    mention.type = type;
    mention.surface = text::collapse_space(surface);
    mention.key = alias_key(mention.surface);
    mention.sequence = kHashSeed;
    for (std::size_t i = first; i < end; ++i) {
        const Token& token = doc.tokens[i];
        mention.sequence = extend_sequence(mention.sequence, token.key);
        if (token.flags & (kHasLetter | kHasDigit)) {
            mention.words.push_back(token.key);
        }
    }
    mention.uncased = doc.tokens[first].has(kUncased);
    mention.position = first;
    return mention;
}

// The part before the hyphen of "Moscow-backed" when the rest is one lower-case word;
// empty for "Rostov-on-Don", "Anglo-American" or "Coca-Cola".
std::string_view hyphen_head(std::string_view word) {
    const std::size_t hyphen = word.find('-');
    if (hyphen == std::string_view::npos || hyphen == 0 || hyphen + 1 >= word.size()) {
        return {};
    }
    const std::string_view tail = word.substr(hyphen + 1);
    const bool lower_word =
        std::all_of(tail.begin(), tail.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    return lower_word && tail.size() >= 3 ? word.substr(0, hyphen) : std::string_view();
}

constexpr std::uint32_t kPlaceLists = (1u << static_cast<int>(List::country)) |
                                      (1u << static_cast<int>(List::region)) |
                                      (1u << static_cast<int>(List::city));
constexpr std::uint32_t kOrgLists =
    (1u << static_cast<int>(List::organisation)) | (1u << static_cast<int>(List::company));

// The type of a hyphen head: the one the article gives the name, else the gazetteers'.
std::optional<EntityType> head_type(std::string_view head,
                                    const std::unordered_map<std::string, EntityType>& found,
                                    const Lexicon& lexicon) {
    const auto known = found.find(alias_key(head));
    if (known != found.end()) {
        return known->second;
    }
    const std::uint32_t lists = lexicon.lists_of(Lexicon::sequence_of(head));
    if (lists & kPlaceLists) {
        return EntityType::location;
    }
    if (lists & kOrgLists) {
        return EntityType::organisation;
    }
    return std::nullopt;
}

void add_hyphen_heads(const Document& doc, const Lexicon& lexicon, std::vector<Mention>& mentions) {
    std::unordered_map<std::string, EntityType> found;
    for (const Mention& mention : mentions) {
        found.try_emplace(mention.key, mention.type);
    }
    for (std::size_t i = 0; i < doc.tokens.size(); ++i) {
        if (!doc.tokens[i].has(kHyphen | kUpperFirst)) {
            continue;
        }
        const std::string_view head = hyphen_head(doc.token_text(doc.tokens[i]));
        const std::optional<EntityType> type =
            head.empty() ? std::nullopt : head_type(head, found, lexicon);
        if (type) {
            Mention mention = make_mention(doc, *type, i, i, head);
            mention.sequence = Lexicon::sequence_of(head);
            mention.words.push_back(word_key(head));
            mentions.push_back(std::move(mention));
        }
    }
    std::stable_sort(mentions.begin(), mentions.end(),
                     [](const Mention& a, const Mention& b) { return a.position < b.position; });
}

// True when the full stop of an abbreviation ("Corp.", not "U.S.") also ends its line, and
// so its sentence: the stop then belongs to the sentence rather than to the name.
bool ends_sentence(const Document& doc, std::size_t i) {
    const Token& token = doc.tokens[i];
    const std::string_view word = doc.token_text(token);
    const bool last_on_line = i + 1 == doc.tokens.size() || doc.tokens[i + 1].line != token.line;
    return last_on_line && word.size() > 2 && word.back() == '.' &&
           word.find('.') == word.size() - 1;
}

// Whole-article consistency for what the tagger left out: a capitalised word that is the
// surname of a person named in full elsewhere ("Macron" before "Emmanuel Macron"), or a
// one-word name found elsewhere, is that name here too. Words the article also writes in
// lower case are left alone.
void add_repeated_names(const Document& doc, const std::vector<Tag>& tags,
                        std::vector<Mention>& mentions) {
    std::unordered_map<std::uint64_t, EntityType> known;
    for (const Mention& mention : mentions) {
        if (mention.words.size() == 1) {
            known.try_emplace(mention.words.front(), mention.type);
        }
    }
    for (const Mention& mention : mentions) {
        if (mention.type == EntityType::person && mention.words.size() >= 2) {
            known.insert_or_assign(mention.words.back(), EntityType::person);
        }
    }
    if (known.empty()) {
        return;
    }
    for (std::size_t i = 0; i < doc.tokens.size(); ++i) {
        const Token& token = doc.tokens[i];
        // Left out: O, or a one-word MISC ("Macron" read as an adjective).
        const bool left_out = tags[i] == 0 || tags[i] == make_tag(NameClass::misc, Part::unit);
        if (!left_out || !token.has(kCandidate | kUpperFirst) || token.cues != 0 ||
            (token.flags & (kConnective | kSeenLower | kHyphen)) || is_demonym(token)) {
            continue;
        }
        const auto found = known.find(token.key);
        if (found != known.end()) {
            mentions.push_back(make_mention(doc, found->second, i, i + 1, doc.token_text(token)));
        }
    }
}

// The mention a tagged name [first, stop) makes, trimmed of what cannot be the edge of a
// name, or nullopt when nothing is left or the name is a demonym or a hyphenated adjective.
std::optional<Mention> span_mention(const Document& doc, EntityType type, std::size_t first,
                                    std::size_t stop) {
    // "Eastern Ukraine Monday", "PORT OF KHERSON", "Sen. Elizabeth Warren": days, months,
    // joining words and (for people) titles are never the edge of a name.
    while (first < stop &&
           (is_edge_noise(doc.tokens[first]) || (type == EntityType::person && first + 1 < stop &&
                                                 doc.tokens[first].cues & kCueTitle))) {
        ++first;
    }
    while (stop > first && is_edge_noise(doc.tokens[stop - 1])) {
        --stop;
    }
    if (first == stop) {
        return std::nullopt;
    }
    const Token& last = doc.tokens[stop - 1];
    const bool hyphenated = last.has(kHyphen) && !hyphen_head(doc.token_text(last)).empty();
    if (hyphenated || (stop == first + 1 && is_demonym(doc.tokens[first]))) {
        return std::nullopt;  // "Moscow-backed" (add_hyphen_heads takes its head), "Russian"
    }
    const std::size_t begin = doc.tokens[first].begin;
    std::string_view surface = std::string_view(doc.text).substr(begin, last.end - begin);
    if (ends_sentence(doc, stop - 1)) {
        surface.remove_suffix(1);  // "... shares of Lear Corp." ends the sentence too
    }
    return make_mention(doc, type, first, stop, surface);
}

}  // namespace

std::vector<Mention> collect_mentions(const Document& doc, const std::vector<Tag>& tags,
                                      const Lexicon& lexicon) {
    std::vector<Mention> mentions;
    for (std::size_t i = 0; i < tags.size(); ++i) {
        const Part part = part_of(tags[i]);
        if (part != Part::begin && part != Part::unit) {
            continue;
        }
        std::size_t end = i + 1;
        while (part == Part::begin && end < tags.size() && part_of(tags[end - 1]) != Part::last) {
            ++end;
        }
        if (const std::optional<EntityType> type = entity_type(class_of(tags[i]))) {
            if (std::optional<Mention> mention = span_mention(doc, *type, i, end)) {
                mentions.push_back(std::move(*mention));
            }
        }
        i = end - 1;
    }
    add_repeated_names(doc, tags, mentions);
    add_hyphen_heads(doc, lexicon, mentions);
    return mentions;
}

}  // namespace morgue::entities
