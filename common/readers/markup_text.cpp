#include "markup_text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <optional>
#include <utility>

#include "../text/unicode.h"
#include "header_fields.h"

namespace morgue {

namespace {

// HTML's names for U+00A0..U+00BF and U+00C0..U+00FF, in code point order.
constexpr std::array<std::string_view, 32> kLatin1Symbols{
    "nbsp",  "iexcl",  "cent", "pound", "curren", "yen",    "brvbar", "sect",
    "uml",   "copy",   "ordf", "laquo", "not",    "shy",    "reg",    "macr",
    "deg",   "plusmn", "sup2", "sup3",  "acute",  "micro",  "para",   "middot",
    "cedil", "sup1",   "ordm", "raquo", "frac14", "frac12", "frac34", "iquest"};
constexpr std::array<std::string_view, 64> kLatin1Letters{
    "Agrave", "Aacute", "Acirc",  "Atilde", "Auml",   "Aring",  "AElig", "Ccedil",
    "Egrave", "Eacute", "Ecirc",  "Euml",   "Igrave", "Iacute", "Icirc", "Iuml",
    "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde", "Ouml",  "times",
    "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN", "szlig",
    "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",  "aelig", "ccedil",
    "egrave", "eacute", "ecirc",  "euml",   "igrave", "iacute", "icirc", "iuml",
    "eth",    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",  "divide",
    "oslash", "ugrave", "uacute", "ucirc",  "uuml",   "yacute", "thorn", "yuml"};
constexpr std::array<std::pair<std::string_view, char32_t>, 28> kOtherNames{{
    {"lt", '<'},        {"gt", '>'},        {"amp", '&'},       {"quot", '"'},
    {"apos", '\''},     {"ndash", 0x2013},  {"mdash", 0x2014},  {"lsquo", 0x2018},
    {"rsquo", 0x2019},  {"sbquo", 0x201A},  {"ldquo", 0x201C},  {"rdquo", 0x201D},
    {"bdquo", 0x201E},  {"dagger", 0x2020}, {"Dagger", 0x2021}, {"bull", 0x2022},
    {"hellip", 0x2026}, {"permil", 0x2030}, {"lsaquo", 0x2039}, {"rsaquo", 0x203A},
    {"euro", 0x20AC},   {"trade", 0x2122},  {"OElig", 0x0152},  {"oelig", 0x0153},
    {"Scaron", 0x0160}, {"scaron", 0x0161}, {"ensp", 0x2002},   {"emsp", 0x2003},
}};
// Longer than any name above or any number worth decoding.
constexpr std::size_t kMaxReference = 12;

// Tags after which the text starts a new paragraph, and those that only break a line.
constexpr std::array<std::string_view, 24> kParagraphTags{
    "p",      "div", "h1",    "h2",         "h3",      "h4",      "h5",      "h6",
    "ul",     "ol",  "table", "blockquote", "pre",     "section", "article", "header",
    "footer", "hr",  "dl",    "figure",     "address", "center",  "form",    "main"};
constexpr std::array<std::string_view, 6> kLineTags{"br", "li", "tr", "dt", "dd", "caption"};
constexpr std::array<std::string_view, 5> kDroppedTags{"script", "style", "head", "title",
                                                       "noscript"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& names, std::string_view name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}


// "#233", "#xE9" -> U+00E9; 0 when the number is no character (&#0;, a surrogate), nullopt
// when it is malformed.
std::optional<char32_t> numeric_reference(std::string_view ref) {
    const bool hex = ref.size() > 1 && (ref[1] == 'x' || ref[1] == 'X');
    const std::string_view digits = ref.substr(hex ? 2 : 1);
    if (digits.empty()) {
        return std::nullopt;
    }
    std::uint32_t cp = 0;
    for (const char c : digits) {
        int d = -1;
        if (c >= '0' && c <= '9') {
            d = c - '0';
        } else if (hex && c >= 'a' && c <= 'f') {
            d = c - 'a' + 10;
        } else if (hex && c >= 'A' && c <= 'F') {
            d = c - 'A' + 10;
        }
        if (d < 0) {
            return std::nullopt;
        }
        if (cp > 0x10FFFF) {
            return 0;
        }
        cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
    }
    const bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
    return cp > 0x10FFFF || surrogate ? 0 : static_cast<char32_t>(cp);
}

char32_t named_reference(std::string_view name) {
    for (std::size_t i = 0; i < kLatin1Symbols.size(); ++i) {
        if (kLatin1Symbols[i] == name) {
            return static_cast<char32_t>(0xA0 + i);
        }
    }
    for (std::size_t i = 0; i < kLatin1Letters.size(); ++i) {
        if (kLatin1Letters[i] == name) {
            return static_cast<char32_t>(0xC0 + i);
        }
    }
    for (const auto& [known, cp] : kOtherNames) {
        if (known == name) {
            return cp;
        }
    }
    return 0;
}

// Newswire control codes (&#2; start of text, &#5; &#22; &#31; framing) carry no text.
bool dropped_control(char32_t cp) {
    return cp < 0x20 && cp != '\t' && cp != '\n';
}

// The lower-case name of the tag starting at markup[pos] ('<'), its end (past '>'), and
// whether it closes; name empty when '<' starts no tag.
struct Tag {
    std::string name;
    bool closing = false;
    std::size_t end = 0;
};

Tag read_tag(std::string_view markup, std::size_t pos) {
    Tag tag;
    std::size_t i = pos + 1;
    tag.closing = i < markup.size() && markup[i] == '/';
    i += tag.closing ? 1 : 0;
    while (i < markup.size() && (std::isalnum(static_cast<unsigned char>(markup[i])) != 0 ||
                                 markup[i] == ':' || markup[i] == '.' || markup[i] == '-')) {
        tag.name += static_cast<char>(std::tolower(static_cast<unsigned char>(markup[i])));
        ++i;
    }
    const std::size_t gt = markup.find('>', i);
    tag.end = gt == std::string_view::npos ? markup.size() : gt + 1;
    if (tag.name.empty() || !std::isalpha(static_cast<unsigned char>(tag.name[0]))) {
        tag.name.clear();
    }
    return tag;
}

// Where the element opened at pos ends: past its end tag, or the end of the markup.
std::size_t skip_element(std::string_view markup, const Tag& open) {
    std::size_t pos = open.end;
    while ((pos = markup.find("</", pos)) != std::string_view::npos) {
        const Tag tag = read_tag(markup, pos);
        if (tag.name == open.name) {
            return tag.end;
        }
        pos += 2;
    }
    return markup.size();
}

// Spaces before line breaks dropped, at most one blank line in a row, none at the ends.
std::string tidy_lines(std::string_view text) {
    std::string out;
    std::size_t newlines = 0;
    for (const char c : text) {
        if (c == '\n') {
            while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) {
                out.pop_back();
            }
            ++newlines;
            continue;
        }
        if (newlines > 0 && !out.empty()) {
            out.append(std::min<std::size_t>(newlines, 2), '\n');
        }
        newlines = 0;
        out += c;
    }
    return std::string(text::trim_ascii(out));
}

// Where the tag <name or </name starts at or after pos; npos when none.
std::size_t find_tag(std::string_view text, std::string_view name, std::size_t pos, bool closing) {
    const std::string prefix = closing ? "</" : "<";
    while ((pos = text.find(prefix, pos)) != std::string_view::npos) {
        const std::size_t after = pos + prefix.size() + name.size();
        if (after <= text.size() && iequals(text.substr(pos + prefix.size(), name.size()), name) &&
            (after == text.size() || text[after] == '>' || text[after] == '/' ||
             std::isspace(static_cast<unsigned char>(text[after])) != 0)) {
            return pos;
        }
        pos += prefix.size();
    }
    return std::string_view::npos;
}

// The span [start, end) of the content of the element whose start tag begins at open, and
// where the search for the next one goes on.
struct Span {
    std::size_t start = 0;
    std::size_t end = 0;
    std::size_t next = 0;
};

Span element_span(std::string_view text, std::string_view name, std::size_t open,
                  OpenEnd open_end) {
    Span span;
    const std::size_t gt = text.find('>', open);
    span.start = gt == std::string_view::npos ? text.size() : gt + 1;
    if (gt != std::string_view::npos && gt > open && text[gt - 1] == '/') {
        span.end = span.next = span.start;  // <D/>: empty
        return span;
    }
    const std::size_t close = find_tag(text, name, span.start, true);
    const std::size_t sibling = find_tag(text, name, span.start, false);
    if (close != std::string_view::npos && close < sibling) {
        span.end = close;
        span.next = close + 2 + name.size();
    } else {
        const std::size_t next_tag =
            open_end == OpenEnd::next_tag ? text.find('<', span.start) : std::string_view::npos;
        span.end = std::min({next_tag, sibling, text.size()});
        span.next = span.end;
    }
    return span;
}

}  // namespace

std::string decode_entities(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    for (std::size_t amp = text.find('&'); amp != std::string_view::npos;
         amp = text.find('&', pos)) {
        out.append(text.substr(pos, amp - pos));
        const std::size_t semi = text.find(';', amp + 1);
        if (semi == std::string_view::npos || semi - amp - 1 > kMaxReference || semi == amp + 1) {
            out += '&';
            pos = amp + 1;
            continue;
        }
        const std::string_view ref = text.substr(amp + 1, semi - amp - 1);
        const std::optional<char32_t> cp =
            ref[0] == '#' ? numeric_reference(ref) : std::optional<char32_t>(named_reference(ref));
        if (!cp || (*cp == 0 && ref[0] != '#')) {
            out.append(text.substr(amp, semi - amp + 1));  // unknown or malformed: as written
        } else if (*cp != 0 && !dropped_control(*cp)) {
            text::append_utf8(out, *cp);
        }
        pos = semi + 1;
    }
    out.append(text.substr(pos));
    return out;
}

std::string markup_to_text(std::string_view markup) {
    std::string out;
    out.reserve(markup.size());
    std::size_t pos = 0;
    while (pos < markup.size()) {
        const std::size_t lt = markup.find('<', pos);
        out.append(markup.substr(pos, std::min(lt, markup.size()) - pos));
        if (lt == std::string_view::npos) {
            break;
        }
        if (markup.substr(lt, 4) == "<!--") {
            const std::size_t end = markup.find("-->", lt + 4);
            pos = end == std::string_view::npos ? markup.size() : end + 3;
            continue;
        }
        const Tag tag = read_tag(markup, lt);
        if (tag.name.empty() && markup.substr(lt, 2) != "<!" && markup.substr(lt, 2) != "<?") {
            out += '<';  // "a < b" is text
            pos = lt + 1;
            continue;
        }
        pos =
            !tag.closing && contains(kDroppedTags, tag.name) ? skip_element(markup, tag) : tag.end;
        if (contains(kParagraphTags, tag.name)) {
            out += "\n\n";
        } else if (contains(kLineTags, tag.name) && !tag.closing) {
            out += '\n';
        } else if (tag.name == "td" || tag.name == "th") {
            out += ' ';
        }
    }
    return tidy_lines(decode_entities(out));
}

std::vector<std::string_view> element_contents(std::string_view text, std::string_view name,
                                               OpenEnd open_end) {
    std::vector<std::string_view> out;
    std::size_t pos = 0;
    while ((pos = find_tag(text, name, pos, false)) != std::string_view::npos) {
        const Span span = element_span(text, name, pos, open_end);
        out.push_back(text.substr(span.start, span.end - span.start));
        pos = span.next;
    }
    return out;
}

std::string_view first_element(std::string_view text, std::string_view name, OpenEnd open_end) {
    const std::size_t open = find_tag(text, name, 0, false);
    if (open == std::string_view::npos) {
        return {};
    }
    const Span span = element_span(text, name, open, open_end);
    return text.substr(span.start, span.end - span.start);
}

std::string without_elements(std::string_view text, const std::vector<std::string_view>& names) {
    std::string out(text);
    for (const std::string_view name : names) {
        std::size_t open = 0;
        while ((open = find_tag(out, name, open, false)) != std::string::npos) {
            const Span span = element_span(out, name, open, OpenEnd::next_tag);
            std::size_t end = span.next;
            if (span.next == span.end) {
                // Left open: only its start tag and text go.
                end = span.end;
            } else {
                end = std::min(out.find('>', span.next), out.size());
                end += end < out.size() ? 1 : 0;
            }
            out.erase(open, end - open);
        }
    }
    return out;
}

std::string tag_attribute(std::string_view tag, std::string_view name) {
    std::size_t pos = 0;
    while ((pos = tag.find('=', pos)) != std::string_view::npos) {
        std::size_t key_end = pos;
        while (key_end > 0 && tag[key_end - 1] == ' ') {
            --key_end;
        }
        std::size_t key_start = key_end;
        while (key_start > 0 && tag[key_start - 1] != ' ' && tag[key_start - 1] != '<' &&
               tag[key_start - 1] != '\t' && tag[key_start - 1] != '\n') {
            --key_start;
        }
        std::size_t value_start = tag.find_first_not_of(' ', pos + 1);
        if (value_start == std::string_view::npos) {
            break;
        }
        const char quote =
            tag[value_start] == '"' || tag[value_start] == '\'' ? tag[value_start] : 0;
        value_start += quote != 0 ? 1 : 0;
        const std::size_t value_end =
            quote != 0 ? tag.find(quote, value_start) : tag.find_first_of(" \t\n>", value_start);
        const std::size_t end = std::min(value_end, tag.size());
        if (iequals(tag.substr(key_start, key_end - key_start), name)) {
            return std::string(tag.substr(value_start, end - value_start));
        }
        pos = end;
    }
    return {};
}

}  // namespace morgue
