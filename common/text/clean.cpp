#include "clean.h"

#include "unicode.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace morgue::text {

namespace {

// Page furniture: a line starting with one of these ends the story. Markers of five or more
// words or ending in ':' are specific enough to match as a prefix; shorter ones only match a
// heading-like line (see is_heading_like), so "More from the minister's speech came ..." stays.
// Comment forms are never story text, so they cut after the first paragraph; the others only
// in the last 60% of the text, so a story quoting "Read more:" early is safe.
constexpr std::array<std::string_view, 4> kCommentMarkers = {
    "leave a reply",
    "leave a comment",
    "post a comment",
    "your email address will not be published",
};
constexpr std::array<std::string_view, 24> kTailMarkers = {
    "you may also like",
    "you might also like",
    "you may also be interested in",
    "related articles",
    "related stories",
    "related posts",
    "related news",
    "related:",
    "read more:",
    "also read:",
    "see also:",
    "more from",
    "more stories",
    "recommended for you",
    "recommended stories",
    "share this:",
    "share this article",
    "share this story",
    "sign up for our newsletter",
    "subscribe to our newsletter",
    "comments",
    "most popular",
    "most read",
    "trending now",
};
constexpr double kTailStart = 0.4;

// Single lines dropped wherever they appear (compared without surrounding punctuation).
constexpr std::array<std::string_view, 7> kNoiseLines = {
    "advertisement",
    "advertisements",
    "story continues below advertisement",
    "article continues below advertisement",
    "skip advertisement",
    "continue reading the main story",
    "scroll to continue with content",
};

// Attribution lines: "Source: X", "This article originally appeared in X", "Originally
// published at X". X is taken as the publisher only when it is short, as names are.
constexpr std::array<std::string_view, 4> kAttributionSubjects = {
    "this article ",
    "this story ",
    "this post ",
    "this piece ",
};
constexpr std::array<std::string_view, 8> kAttributionVerbs = {
    "originally appeared ",      "originally belongs ",       "originally belonged ",
    "was originally published ", "originally was published ", "originally was posted ",
    "was originally posted ",    "originally ran ",
};
constexpr std::array<std::string_view, 5> kAttributionPrepositions = {"in ", "on ", "to ", "at ",
                                                                      "by "};
constexpr std::size_t kMaxPublisherBytes = 80;
constexpr std::size_t kMaxPublisherWords = 8;

bool is_ascii_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

std::size_t word_count(std::string_view collapsed) {
    if (collapsed.empty()) {
        return 0;
    }
    return static_cast<std::size_t>(std::count(collapsed.begin(), collapsed.end(), ' ')) + 1;
}

// True when s has a letter (any non-ASCII character counts as one).
bool has_letter(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               static_cast<std::uint8_t>(c) >= 0x80;
    });
}

// Removes a prefix (case already folded) and reports whether it was there.
bool consume(std::string_view& s, std::string_view prefix) {
    if (!s.starts_with(prefix)) {
        return false;
    }
    s.remove_prefix(prefix.size());
    return true;
}

template <std::size_t N>
bool consume_any(std::string_view& s, const std::array<std::string_view, N>& prefixes) {
    return std::any_of(prefixes.begin(), prefixes.end(),
                       [&s](std::string_view p) { return consume(s, p); });
}

// A line as furniture headings are: short and not a sentence.
bool is_heading_like(std::string_view line) {
    return word_count(line) <= 8 && !line.ends_with('.');
}

bool starts_with_marker(std::string_view lower, std::string_view marker) {
    if (!lower.starts_with(marker)) {
        return false;
    }
    const std::string_view rest = lower.substr(marker.size());
    if (marker.ends_with(':') || rest.empty()) {
        return true;
    }
    if (is_ascii_alnum(rest.front())) {
        return false;  // a longer word: "commentsection" is not "comments"
    }
    if (word_count(marker) == 1) {
        return !has_letter(rest);  // "Comments (12)", not "Comments by the minister ...".
    }
    return word_count(marker) >= 5 || is_heading_like(lower);
}

template <std::size_t N>
bool starts_with_any(std::string_view lower, const std::array<std::string_view, N>& markers) {
    return std::any_of(markers.begin(), markers.end(),
                       [lower](std::string_view m) { return starts_with_marker(lower, m); });
}

// The line lower-cased without the punctuation and symbols around it, for whole-line lists.
std::string_view bare(std::string_view lower) {
    while (!lower.empty() && !is_ascii_alnum(lower.front())) {
        lower.remove_prefix(1);
    }
    while (!lower.empty() && !is_ascii_alnum(lower.back())) {
        lower.remove_suffix(1);
    }
    return lower;
}

bool is_noise_line(std::string_view lower) {
    const std::string_view b = bare(lower);
    return std::find(kNoiseLines.begin(), kNoiseLines.end(), b) != kNoiseLines.end();
}

// The publisher named after an attribution phrase: up to the first sentence end or " | ",
// without closing punctuation; nullopt when too long to be a name.
std::optional<std::string> publisher_name(std::string_view rest) {
    for (const std::string_view stop : {std::string_view(". "), std::string_view(" | ")}) {
        if (const std::size_t at = rest.find(stop); at != std::string_view::npos) {
            rest = rest.substr(0, at);
        }
    }
    while (!rest.empty() &&
           std::string_view(".,;:!|").find(rest.back()) != std::string_view::npos) {
        rest.remove_suffix(1);
    }
    std::string name = collapse_space(rest);
    if (name.empty() || name.size() > kMaxPublisherBytes || word_count(name) > kMaxPublisherWords) {
        return std::nullopt;
    }
    return name;
}

// The publisher named by an attribution line, nullopt when the line is not one.
std::optional<std::string> attribution(std::string_view line) {
    const std::string lower_copy = ascii_lower(line);
    std::string_view lower = lower_copy;
    const bool source_label = consume(lower, "source:") || consume(lower, "source -");
    while (!lower.empty() &&
           std::string_view(" |-:").find(lower.front()) != std::string_view::npos) {
        lower.remove_prefix(1);
    }
    std::string_view phrase = lower;
    consume_any(phrase, kAttributionSubjects);
    if ((consume_any(phrase, kAttributionVerbs) && consume_any(phrase, kAttributionPrepositions)) ||
        (consume(phrase, "originally published ") &&
         consume_any(phrase, kAttributionPrepositions))) {
        lower = phrase;
    } else if (!source_label) {
        return std::nullopt;
    }
    // Lower-casing kept every byte in place, so the same offset finds the original spelling.
    return publisher_name(line.substr(line.size() - lower.size()));
}

struct Line {
    std::string text;  // white space collapsed
    std::size_t offset;
};

std::vector<Line> split_lines(std::string_view body) {
    std::vector<Line> lines;
    std::size_t start = 0;
    while (start <= body.size()) {
        std::size_t end = body.find('\n', start);
        if (end == std::string_view::npos) {
            end = body.size();
        }
        lines.push_back({collapse_space(body.substr(start, end - start)), start});
        start = end + 1;
    }
    return lines;
}

// Appends a kept line: a blank line (or several) becomes one paragraph break.
void append_line(std::string& out, const std::string& line, bool& pending_break) {
    if (line.empty()) {
        pending_break = !out.empty();
        return;
    }
    if (!out.empty()) {
        out += pending_break ? "\n\n" : "\n";
    }
    out += line;
    pending_break = false;
}

// split_title: a headline is a short first line that is not a sentence; a fallback title is
// the first sentence, shortened.
constexpr std::size_t kMaxHeadlineBytes = 200;
constexpr std::size_t kMaxHeadlineWords = 25;
constexpr std::size_t kMaxTitleBytes = 120;
// Hard-wrapped text has lines of about one width; a first line at least this long, followed by
// one within kWrapSlack bytes of its length, is the start of a paragraph, not a headline.
constexpr std::size_t kMinWrappedBytes = 50;
constexpr std::size_t kWrapSlack = 20;

// Words whose full stop is not a sentence end (compared without surrounding punctuation).
constexpr std::array<std::string_view, 44> kAbbreviations = {
    "Mr",   "Mrs", "Ms",  "Dr",   "St",  "Sr",  "Jr",  "Prof",   "Gen", "Sen", "Rep",
    "Gov",  "Lt",  "Col", "Capt", "Sgt", "Adm", "Rev", "Hon",    "Mt",  "Ft",  "Inc",
    "Corp", "Co",  "Ltd", "No",   "vs",  "etc", "Jan", "Feb",    "Mar", "Apr", "Jun",
    "Jul",  "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "approx", "est", "Ave", "Blvd",
};

char32_t code_point_at(std::string_view s, std::size_t i) {
    utf8proc_int32_t cp = -1;
    if (i < s.size()) {
        utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                         static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    }
    return cp < 0 ? 0 : static_cast<char32_t>(cp);
}

std::size_t code_point_length(std::string_view s, std::size_t i) {
    std::size_t n = 1;
    while (i + n < s.size() && (static_cast<std::uint8_t>(s[i + n]) & 0xC0) == 0x80) {
        ++n;
    }
    return n;
}

// True when what starts at s[i] can open a sentence: an upper-case letter or a quote.
bool opens_sentence(std::string_view s, std::size_t i) {
    const char32_t cp = code_point_at(s, i);
    if (cp == '"' || cp == '\'' || cp == U'\u201C' || cp == U'\u2018' || cp == U'\u00AB') {
        return true;
    }
    const utf8proc_category_t category = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    return category == UTF8PROC_CATEGORY_LU || category == UTF8PROC_CATEGORY_LT;
}

bool is_closer(char32_t cp) {
    return cp == '"' || cp == '\'' || cp == ')' || cp == U'\u201D' || cp == U'\u2019' ||
           cp == U'\u00BB';
}

// "U.S", "D.C", "J", "e.g": single letters joined by full stops.
bool is_initials(std::string_view word) {
    for (std::size_t i = 0; i < word.size(); ++i) {
        const bool letter_slot = i % 2 == 0;
        const bool letter =
            (word[i] >= 'a' && word[i] <= 'z') || (word[i] >= 'A' && word[i] <= 'Z');
        if (letter_slot != letter || (!letter_slot && word[i] != '.')) {
            return false;
        }
    }
    return !word.empty();
}

// True when the full stop at s[dot] ends an abbreviation or an initial.
bool ends_abbreviation(std::string_view s, std::size_t dot) {
    std::size_t start = s.rfind(' ', dot);
    start = start == std::string_view::npos ? 0 : start + 1;
    std::string_view word = s.substr(start, dot - start);
    while (!word.empty() && !is_ascii_alnum(word.front())) {
        word.remove_prefix(1);
    }
    return is_initials(word) ||
           std::find(kAbbreviations.begin(), kAbbreviations.end(), word) != kAbbreviations.end();
}

// The first sentence of a collapsed paragraph: up to the first '.', '!' or '?' (with any
// closing quotes) that is followed by a space and something opening a sentence.
std::string_view first_sentence(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '.' && s[i] != '!' && s[i] != '?') {
            continue;
        }
        std::size_t end = i + 1;
        while (end < s.size() && is_closer(code_point_at(s, end))) {
            end += code_point_length(s, end);
        }
        if (end + 1 < s.size() && s[end] == ' ' && opens_sentence(s, end + 1) &&
            !(s[i] == '.' && ends_abbreviation(s, i))) {
            return s.substr(0, end);
        }
    }
    return s;
}

// The text's first line and what follows it.
std::pair<std::string_view, std::string_view> first_line(std::string_view text) {
    const std::size_t end = text.find('\n');
    if (end == std::string_view::npos) {
        return {text, {}};
    }
    return {text.substr(0, end), text.substr(end + 1)};
}

bool looks_wrapped(std::string_view line, std::string_view next) {
    return line.size() >= kMinWrappedBytes && next.size() + kWrapSlack >= line.size() &&
           line.size() + kWrapSlack >= next.size();
}

// True when line (collapsed) reads as a headline over rest, the text after it.
bool is_headline(std::string_view line, std::string_view rest) {
    if (line.empty() || line.size() > kMaxHeadlineBytes || word_count(line) > kMaxHeadlineWords ||
        std::string_view(".,;:").find(line.back()) != std::string_view::npos ||
        trim(rest).empty()) {
        return false;
    }
    const std::string next = collapse_space(first_line(rest).first);
    if (next.empty()) {
        return true;  // a blank line follows
    }
    return opens_sentence(next, 0) && !looks_wrapped(line, next);
}

// The first paragraph (up to a blank line) with its lines joined.
std::string first_paragraph(std::string_view text) {
    std::string paragraph;
    while (!text.empty()) {
        const auto [line, rest] = first_line(text);
        const std::string collapsed = collapse_space(line);
        if (collapsed.empty()) {
            break;
        }
        paragraph += paragraph.empty() ? collapsed : " " + collapsed;
        text = rest;
    }
    return paragraph;
}

}  // namespace

CleanBody clean_body(std::string_view body) {
    CleanBody result;
    const auto tail_start = static_cast<std::size_t>(static_cast<double>(body.size()) * kTailStart);
    bool pending_break = false;
    bool story_paragraph_seen = false;
    for (const Line& line : split_lines(body)) {
        const std::string lower = ascii_lower(line.text);
        if (starts_with_any(lower, kCommentMarkers) && story_paragraph_seen) {
            break;
        }
        if (line.offset >= tail_start && starts_with_any(lower, kTailMarkers)) {
            break;
        }
        if (is_noise_line(lower)) {
            continue;
        }
        if (std::optional<std::string> publisher = attribution(line.text)) {
            if (result.source_hint.empty()) {
                result.source_hint = std::move(*publisher);
            }
            continue;
        }
        story_paragraph_seen = story_paragraph_seen || !line.text.empty();
        append_line(result.body, line.text, pending_break);
    }
    return result;
}

TitledText split_title(std::string_view text) {
    text = trim(text);
    const auto [first, rest] = first_line(text);
    std::string headline = collapse_space(first);
    if (is_headline(headline, rest)) {
        return {std::move(headline), std::string(trim(rest))};
    }
    return {shorten(first_sentence(first_paragraph(text)), kMaxTitleBytes), std::string(text)};
}

}  // namespace morgue::text
