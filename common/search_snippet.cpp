#include "search_snippet.h"

#include <algorithm>

#include "search_types.h"
#include "text/unicode.h"

namespace morgue {

namespace {

constexpr std::size_t kNone = std::string_view::npos;
constexpr std::string_view kOmit = "…";
constexpr std::string_view kRightQuote = "\xE2\x80\x99";  // U+2019, an apostrophe in words

/// A snippet starts at the sentence holding the first match when that starts at most this
/// share of the snippet's length before the match...
constexpr std::size_t kSentenceReach = 3;
/// ...and otherwise about this many bytes before the match, at a word boundary.
constexpr std::size_t kLeadBytes = 30;

bool is_ascii_upper(char c) {
    return c >= 'A' && c <= 'Z';
}

bool is_ascii_space(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

bool is_ascii_word(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/// The code point of the UTF-8 sequence at s[i] and its length; {0, 1} for a byte that does
/// not start a valid sequence.
std::pair<unsigned, std::size_t> decode_utf8(std::string_view s, std::size_t i) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    if (length == 0 || i + length > s.size()) {
        return {0, 1};
    }
    unsigned cp = c & (0x3F >> (length - 1));
    for (std::size_t k = 1; k < length; ++k) {
        auto next = static_cast<unsigned char>(s[i + k]);
        if ((next & 0xC0) != 0x80) {
            return {0, 1};
        }
        cp = (cp << 6) | (next & 0x3F);
    }
    return {cp, length};
}

/// The length of the word character at s[i] (letters and digits, as Xapian's term generator
/// reads them), 0 when there is none.
std::size_t word_char(std::string_view s, std::size_t i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
        return is_ascii_word(c) ? 1 : 0;
    }
    auto [cp, length] = decode_utf8(s, i);
    return cp != 0 && Xapian::Unicode::is_wordchar(cp) ? length : 0;
}

/// The length of an apostrophe at s[i] that joins two parts of a word ("year's"), 0 if none.
std::size_t joiner(std::string_view s, std::size_t i) {
    std::size_t length = s[i] == '\'' ? 1 : s.substr(i, 3) == kRightQuote ? 3 : 0;
    return length > 0 && i + length < s.size() && word_char(s, i + length) > 0 ? length : 0;
}

struct Span {
    std::size_t begin = kNone;
    std::size_t end = kNone;
};

/// The first word of s[from, limit), or an empty span.
Span next_word(std::string_view s, std::size_t from, std::size_t limit) {
    std::size_t i = from;
    while (i < limit && word_char(s, i) == 0) {
        ++i;
    }
    if (i >= limit) {
        return {};
    }
    Span word{i, i};
    while (word.end < limit) {
        std::size_t step = word_char(s, word.end);
        step = step > 0 ? step : joiner(s, word.end);
        if (step == 0) {
            break;
        }
        word.end += step;
    }
    word.end = std::min(word.end, limit);
    return word;
}

/// A word as the index holds it: lower case, accents off, curly apostrophes straight.
void fold_word(std::string_view word, std::string& out) {
    out.assign(word);
    bool ascii = true;
    for (char& c : out) {
        ascii = ascii && static_cast<unsigned char>(c) < 0x80;
        c = is_ascii_upper(c) ? static_cast<char>(c + 32) : c;
    }
    if (ascii) {
        return;
    }
    out = text::fold_accents(Xapian::Unicode::tolower(out));
    for (std::size_t at = out.find(kRightQuote); at != kNone; at = out.find(kRightQuote, at)) {
        out.replace(at, kRightQuote.size(), "'");
    }
}

/// Where the first matching word of body begins, or kNone.
std::size_t first_match(std::string_view body, const SnippetMatcher& matcher,
                        const SnippetStemmer& stemmer) {
    std::string folded;
    for (Span w = next_word(body, 0, body.size()); w.begin != kNone;
         w = next_word(body, w.end, body.size())) {
        if (!matcher.may_start_with(body[w.begin], stemmer)) {
            continue;
        }
        fold_word(body.substr(w.begin, w.end - w.begin), folded);
        if (matcher.matches(folded, stemmer)) {
            return w.begin;
        }
    }
    return kNone;
}

/// True when text at i (after white space) begins a sentence or a paragraph.
bool starts_sentence(std::string_view body, std::size_t i) {
    while (i > 0 && is_ascii_space(body[i - 1])) {
        if (body[--i] == '\n') {
            return true;
        }
    }
    return i == 0 || body[i - 1] == '.' || body[i - 1] == '?' || body[i - 1] == '!';
}

/// The start of the first word at or after i that follows white space (0 at the start).
std::size_t word_boundary_after(std::string_view body, std::size_t i) {
    while (i > 0 && i < body.size() && !is_ascii_space(body[i - 1])) {
        ++i;
    }
    while (i < body.size() && is_ascii_space(body[i])) {
        ++i;
    }
    return i;
}

/// Where the snippet starts: the sentence of the match when it starts near enough, else a few
/// words before the match.
std::size_t snippet_start(std::string_view body, std::size_t match, std::size_t length) {
    if (match == kNone || match <= kLeadBytes) {
        return 0;
    }
    std::size_t reach = length / kSentenceReach;
    for (std::size_t i = match; i + reach > match && i > 0; --i) {
        if (is_ascii_space(body[i - 1]) && !is_ascii_space(body[i]) && starts_sentence(body, i)) {
            return i;
        }
    }
    return std::min(word_boundary_after(body, match - kLeadBytes), match);
}

/// Where the snippet ends: after the last whole word within length bytes of start.
std::size_t snippet_end(std::string_view body, std::size_t start, std::size_t length) {
    if (body.size() - start <= length) {
        return body.size();
    }
    std::size_t end = start + length;
    while (end > start && !is_ascii_space(body[end])) {
        --end;
    }
    if (end == start) {  // one word longer than the snippet: cut it at a character
        end = text::utf8_prefix(body.substr(start), length).size() + start;
    }
    while (end > start && is_ascii_space(body[end - 1])) {
        --end;
    }
    return end;
}

/// body[begin, end) with each matching word between the markers.
void append_marked(std::string_view body, std::size_t begin, std::size_t end,
                   const SnippetMatcher& matcher, const SnippetStemmer& stemmer, std::string& out) {
    std::string folded;
    std::size_t copied = begin;
    for (Span w = next_word(body, begin, end); w.begin != kNone; w = next_word(body, w.end, end)) {
        if (!matcher.may_start_with(body[w.begin], stemmer)) {
            continue;
        }
        fold_word(body.substr(w.begin, w.end - w.begin), folded);
        if (!matcher.matches(folded, stemmer)) {
            continue;
        }
        out.append(body.substr(copied, w.begin - copied));
        out += kMarkStart;
        out.append(body.substr(w.begin, w.end - w.begin));
        out += kMarkEnd;
        copied = w.end;
    }
    out.append(body.substr(copied, end - copied));
}

}  // namespace

SnippetMatcher::SnippetMatcher(const Xapian::Query& query) {
    for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
        const std::string& term = *it;
        if (term.size() > 1 && term[0] == 'Z' && !is_ascii_upper(term[1])) {
            stems_.insert(term.substr(1));
            stem_initials_[static_cast<unsigned char>(term[1])] = true;
        } else if (!term.empty() && !is_ascii_upper(term[0])) {
            words_.insert(term);
            word_initials_[static_cast<unsigned char>(term[0])] = true;
        }
    }
}

bool SnippetMatcher::matches(const std::string& word, const SnippetStemmer& stemmer) const {
    if (word.empty()) {
        return false;
    }
    auto initial = static_cast<unsigned char>(word[0]);
    if (word_initials_[initial] && words_.count(word) > 0) {
        return true;
    }
    if (stems_.empty() || (stemmer.keeps_initial && !stem_initials_[initial])) {
        return false;
    }
    return stems_.count(stemmer.stem(word)) > 0;
}

SnippetStemmer snippet_stemmer(const Xapian::Stem& stem, std::string_view iso639_1) {
    // Snowball stemmers that take prefixes or initial mutations off, or may.
    static constexpr std::array<std::string_view, 9> kPrefixStrippers = {
        "ar", "el", "ga", "hy", "id", "lt", "ne", "ta", "yi"};
    bool strips = std::find(kPrefixStrippers.begin(), kPrefixStrippers.end(), iso639_1) !=
                  kPrefixStrippers.end();
    return SnippetStemmer{stem, !strips};
}

std::string make_snippet(std::string_view body, const SnippetMatcher& matcher,
                         const SnippetStemmer& stemmer, std::size_t length) {
    std::size_t match = kNone;
    if (body.size() > length && !matcher.empty()) {
        match = first_match(body, matcher, stemmer);
    }
    std::size_t start = snippet_start(body, match, length);
    // Near the end of a long body, start earlier so that the snippet still has its length.
    if (body.size() > length && body.size() - start < length) {
        start = std::min(start, word_boundary_after(body, body.size() - length));
    }
    bool cut_before = start > 0 && !starts_sentence(body, start);
    std::size_t end = snippet_end(body, start, length);
    std::string snippet;
    snippet.reserve(end - start + 16);
    if (cut_before) {
        snippet += kOmit;
    }
    if (matcher.empty()) {
        snippet.append(body.substr(start, end - start));
    } else {
        append_marked(body, start, end, matcher, stemmer, snippet);
    }
    if (end < body.size()) {
        snippet += kOmit;
    }
    return snippet;
}

}  // namespace morgue
