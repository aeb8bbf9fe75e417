#include "features.h"

#include "chars.h"

namespace morgue::entities {

namespace {

// Feature templates. Their numbers are part of the weights: changing them means a new
// kFeatureSchema and retraining.
enum class Template : std::uint64_t {
    kBias = 1,
    kWord,
    kShape,
    kShortShape,
    kPrefix,
    kSuffix,
    kPrevWord,
    kNextWord,
    kPrev2Word,
    kNext2Word,
    kPrevWordWord,
    kWordNextWord,
    kPrevShapeShape,
    kShapeNextShape,
    kPrevTag,
    kStartShape,
    kModeShape,
    kGazetteer,
    kGazetteerMode,
    kCues,
    kPrevCues,
    kPrev2Cues,
    kNextCues,
    kDocumentCase,
    kDocumentCaseShape,
    kDateline,
    kHyphenHead,
    kHyphenHeadLists,
    kLength,
    kTitleShape,
    kPrevGazetteer,
    kNextGazetteer,
    kHistory,
    kHistoryMode,
    kNextHistory,
    kWordMode,
    kListsPrevWord,
    kListsNextWord,
};

void add(FeatureSet& out, Template feature_template, std::uint64_t value) {
    out.add(static_cast<std::uint64_t>(feature_template), value);
}

constexpr std::uint64_t kBefore = hash_text("<line>");
constexpr std::uint64_t kAfter = hash_text("</line>");

// The shape the model sees: on an uncased line the case of letters says nothing.
std::uint64_t shape_of(const Token& token) {
    return token.has(kUncased) ? token.lower_shape : token.shape;
}

std::uint64_t short_shape_of(const Token& token) {
    return token.has(kUncased) ? token.lower_shape : token.short_shape;
}

// Prefix and suffix hashes of the lower-cased word, one to four characters long.
void add_affixes(const Document& doc, const Token& token, FeatureSet& out) {
    std::array<char32_t, 64> chars{};
    std::size_t n = 0;
    for (std::size_t pos = token.begin; pos < token.end && n < chars.size();) {
        const Char c = char_at(doc.text, pos);
        chars[n++] = to_lower(c.code);
        pos += c.length;
    }
    std::uint64_t prefix = kHashSeed;
    std::uint64_t suffix = kHashSeed;
    for (std::size_t k = 1; k <= 4 && k < n; ++k) {
        prefix = hash_step(prefix, chars[k - 1]);
        suffix = hash_step(suffix, chars[n - k]);
        if (k >= 2) {
            add(out, Template::kPrefix, hash_mix(prefix, k));
        }
        add(out, Template::kSuffix, hash_mix(suffix, k));
    }
}

// Lists of a gazetteer bit set, each with its B/I/L/U position.
void add_gazetteer(const Token& token, FeatureSet& out) {
    for (int list = 0; list < kListCount && token.gazetteer != 0; ++list) {
        const std::uint32_t bits = token.gazetteer >> (4 * list) & 0xFu;
        if (bits != 0) {
            const std::uint64_t value = static_cast<std::uint64_t>(list) << 4 | bits;
            add(out, Template::kGazetteer, value);
            add(out, Template::kGazetteerMode, value << 1 | (token.has(kUncased) ? 1 : 0));
        }
    }
}

// The lists a neighbouring token is in, without positions.
std::uint64_t list_summary(const Token& token) {
    std::uint64_t lists = 0;
    for (int list = 0; list < kListCount; ++list) {
        lists |= (token.gazetteer >> (4 * list) & 0xFu) != 0 ? 1u << list : 0;
    }
    return lists;
}

// "Moscow-backed", "Toronto-based": the word before the hyphen and the lists it is in.
void add_hyphen_head(const Document& doc, const Token& token, const Lexicon& lexicon,
                     FeatureSet& out) {
    const std::string_view word = doc.token_text(token);
    const std::size_t hyphen = word.find('-');
    if (hyphen == std::string_view::npos || hyphen == 0) {
        return;
    }
    const std::uint64_t head = word_key(word.substr(0, hyphen));
    add(out, Template::kHyphenHead, head);
    const std::uint32_t lists = lexicon.lists_of(extend_sequence(kHashSeed, head));
    if (lists != 0) {
        add(out, Template::kHyphenHeadLists, lists);
    }
}

void add_context(const Document& doc, std::size_t i, const Line& line, FeatureSet& out) {
    const std::vector<Token>& t = doc.tokens;
    const Token& token = t[i];
    const bool has_prev = i > line.first;
    const bool has_prev2 = i > line.first + 1;
    const bool has_next = i + 1 < line.end;
    const bool has_next2 = i + 2 < line.end;
    const std::uint64_t prev = has_prev ? t[i - 1].key : kBefore;
    const std::uint64_t next = has_next ? t[i + 1].key : kAfter;
    add(out, Template::kPrevWord, prev);
    add(out, Template::kNextWord, next);
    add(out, Template::kPrev2Word, has_prev2 ? t[i - 2].key : kBefore);
    add(out, Template::kNext2Word, has_next2 ? t[i + 2].key : kAfter);
    add(out, Template::kPrevWordWord, hash_mix(prev, token.key));
    add(out, Template::kWordNextWord, hash_mix(token.key, next));
    const std::uint64_t shape = short_shape_of(token);
    add(out, Template::kPrevShapeShape,
        hash_mix(has_prev ? short_shape_of(t[i - 1]) : kBefore, shape));
    add(out, Template::kShapeNextShape,
        hash_mix(shape, has_next ? short_shape_of(t[i + 1]) : kAfter));
    add(out, Template::kPrevCues, has_prev ? t[i - 1].cues : 0xFF);
    add(out, Template::kNextCues, has_next ? t[i + 1].cues : 0xFF);
    if (has_prev2 && t[i - 2].cues != 0) {
        add(out, Template::kPrev2Cues, t[i - 2].cues);
    }
    add(out, Template::kPrevGazetteer, has_prev ? list_summary(t[i - 1]) : 0x1FF);
    add(out, Template::kNextGazetteer, has_next ? list_summary(t[i + 1]) : 0x1FF);
}

}  // namespace

std::uint32_t transition_feature(Tag prev) {
    FeatureSet one;
    add(one, Template::kPrevTag, prev);
    return one.ids[0];
}

void compute_features(const Document& doc, std::size_t i, const TagContext& context,
                      const Lexicon& lexicon, FeatureSet& out) {
    out.size = 0;
    const Token& token = doc.tokens[i];
    const std::uint64_t shape = short_shape_of(token);
    const bool start = token.has(kSentenceStart);
    const bool uncased = token.has(kUncased);
    add(out, Template::kBias, 0);
    add(out, Template::kWord, token.key);
    add(out, Template::kShape, shape_of(token));
    add(out, Template::kShortShape, shape);
    add_affixes(doc, token, out);
    add_context(doc, i, doc.lines[token.line], out);
    add(out, Template::kStartShape, hash_mix(start, shape));
    add(out, Template::kModeShape, hash_mix(uncased, token.short_shape));
    add_gazetteer(token, out);
    // "Putin said" and "Russia said": whether the word is in a list decides what the
    // context makes of it, so lists and neighbours are also seen together.
    const std::uint64_t lists = list_summary(token);
    const Line& line = doc.lines[token.line];
    add(out, Template::kListsPrevWord,
        hash_mix(lists, i > line.first ? doc.tokens[i - 1].key : kBefore));
    add(out, Template::kListsNextWord,
        hash_mix(lists, i + 1 < line.end ? doc.tokens[i + 1].key : kAfter));
    if (token.cues != 0) {
        add(out, Template::kCues, token.cues);
    }
    const std::uint64_t seen =
        (token.has(kSeenLower) ? 1u : 0u) | (token.has(kSeenCapital) ? 2u : 0u);
    add(out, Template::kDocumentCase, seen | (start ? 4u : 0u) | (uncased ? 8u : 0u));
    add(out, Template::kDocumentCaseShape, hash_mix(seen, shape));
    if (token.has(kDateline)) {
        add(out, Template::kDateline, 1);
    }
    if (token.has(kHyphen)) {
        add_hyphen_head(doc, token, lexicon, out);
    }
    add(out, Template::kLength, token.letters < 8 ? token.letters : 8);
    if (token.has(kTitle)) {
        add(out, Template::kTitleShape, shape);
    }
    add(out, Template::kHistory, context.word);
    add(out, Template::kHistoryMode, context.word << 2 | (uncased ? 2u : 0u) | (start ? 1u : 0u));
    add(out, Template::kNextHistory, context.next);
    add(out, Template::kWordMode, hash_mix(token.key, uncased));
}

}  // namespace morgue::entities
