#include "search_snippet.h"

#include <algorithm>

#include "search_types.h"

namespace morgue {

namespace {

constexpr std::size_t kNone = std::string_view::npos;

bool is_ascii_upper(char c) {
    return c >= 'A' && c <= 'Z';
}

bool is_ascii_space(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/// Bytes of other scripts count as word breaks: a needle after a curly quote still begins a
/// word, and a rare false start only moves the window.
bool is_word_byte(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/// Where the first needle that begins a word starts, or kNone.
std::size_t first_match(std::string_view body, const std::vector<std::string>& needles) {
    std::string lower(body);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](char c) { return is_ascii_upper(c) ? static_cast<char>(c + 32) : c; });
    std::size_t best = kNone;
    for (const std::string& needle : needles) {
        for (std::size_t at = lower.find(needle); at != kNone && at < best;
             at = lower.find(needle, at + 1)) {
            if (at == 0 || !is_word_byte(lower[at - 1])) {
                best = at;
                break;
            }
        }
    }
    return best;
}

/// The start of the white-space-delimited token holding byte i, so that Xapian can keep an
/// opening quote or bracket before the match.
std::size_t token_start(std::string_view body, std::size_t i) {
    while (i > 0 && !is_ascii_space(body[i - 1])) {
        --i;
    }
    return i;
}

/// True when text from i on starts a sentence as Xapian's snippets judge it: the last
/// character before the white space is a full stop, question or exclamation mark.
bool starts_sentence(std::string_view body, std::size_t i) {
    while (i > 0 && is_ascii_space(body[i - 1])) {
        --i;
    }
    return i == 0 || body[i - 1] == '.' || body[i - 1] == '?' || body[i - 1] == '!';
}

/// The byte after the first white space at or after `from` (the white space is kept, so that
/// Xapian still marks the text left out after it with "…"), or the end of the body.
std::size_t cut_after(std::string_view body, std::size_t from) {
    for (std::size_t i = from; i < body.size(); ++i) {
        if (is_ascii_space(body[i])) {
            return i + 1;
        }
    }
    return body.size();
}

/// True when the snippet's text begins with the window's first word, i.e. Xapian started it at
/// the cut, which it takes for the start of the text.
bool begins_at_cut(std::string_view snippet, std::string_view window) {
    if (!snippet.empty() && snippet[0] == kMarkStart) {
        snippet.remove_prefix(1);
    }
    std::size_t word = 0;
    while (word < window.size() && word < 16 && is_word_byte(window[word])) {
        ++word;
    }
    return word > 0 && snippet.substr(0, word) == window.substr(0, word);
}

}  // namespace

std::vector<std::string> snippet_needles(const Xapian::Query& query) {
    std::vector<std::string> needles;
    for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
        std::string term = *it;
        if (!term.empty() && term[0] == 'Z') {
            term.erase(0, 1);
        }
        if (!term.empty() && !is_ascii_upper(term[0])) {
            needles.push_back(std::move(term));
        }
    }
    return needles;
}

std::pair<std::size_t, std::size_t> snippet_window(std::string_view body,
                                                   const std::vector<std::string>& needles,
                                                   std::size_t length) {
    // Short bodies cost little: they are scanned whole, exactly as Xapian would.
    if (body.size() <= 3 * length) {
        return {0, body.size()};
    }
    // Without a background model Xapian's snippet starts at its first match and looks no further
    // than two lengths on, so the window need not hold more.
    std::size_t match = first_match(body, needles);
    std::size_t begin = match == kNone ? 0 : token_start(body, match);
    return {begin, cut_after(body, begin + 2 * length)};
}

std::string window_snippet(const Xapian::MSet& mset, const std::string& body,
                           const std::vector<std::string>& needles, std::size_t length,
                           const Xapian::Stem& stemmer) {
    static const std::string kStart(1, kMarkStart);
    static const std::string kEnd(1, kMarkEnd);
    static const std::string kOmit = "…";
    auto [begin, end] = snippet_window(body, needles, length);
    if (begin == 0 && end == body.size()) {
        return mset.snippet(body, length, stemmer, 0, kStart, kEnd, kOmit);
    }
    std::string_view window(body.data() + begin, end - begin);
    std::string snippet = mset.snippet(std::string(window), length, stemmer, 0, kStart, kEnd, kOmit);
    // Xapian takes the cut for the start of the text; say that text was left out before it.
    if (!starts_sentence(body, begin) && snippet.compare(0, kOmit.size(), kOmit) != 0 &&
        begins_at_cut(snippet, window)) {
        snippet.insert(0, kOmit);
    }
    return snippet;
}

}  // namespace morgue
