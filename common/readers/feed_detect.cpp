#include "feed_detect.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "header_fields.h"
#include "readers_impl.h"
#include "../text/unicode.h"

namespace morgue {

namespace {

constexpr std::string_view kSpace = " \t\r\n\f\v";

// Header names only mail and news carry; one of them makes a header block a message.
constexpr std::array<std::string_view, 24> kMailHeaders{
    "from",         "to",           "cc",          "subject",
    "date",         "message-id",   "newsgroups",  "path",
    "xref",         "received",     "return-path", "organization",
    "reply-to",     "sender",       "in-reply-to", "references",
    "mime-version", "delivered-to", "lines",       "nntp-posting-host",
    "x-mailer",     "article-i.d.", "followup-to", "content-transfer-encoding"};
// Elements that start HTML written without <html> (fragments, saved bodies). <article> and
// <section> are left out: XML exports use them as their root.
constexpr std::array<std::string_view, 18> kHtmlElements{
    "html",  "head", "body",   "meta",  "title", "div", "p",  "span", "a",
    "table", "link", "script", "style", "br",    "h1",  "h2", "ul",   "center"};
// A header block longer than this is no message header.
constexpr std::size_t kMaxHeaderLines = 200;

bool is_name_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-' || c == '.' ||
           c == ':';
}

// The text after leading white space, comments and processing instructions ("<?xml ...?>").
std::string_view skip_prolog(std::string_view text, bool* declared_xml) {
    for (;;) {
        text.remove_prefix(std::min(text.find_first_not_of(kSpace), text.size()));
        const bool comment = text.substr(0, 4) == "<!--";
        if (!comment && text.substr(0, 2) != "<?") {
            return text;
        }
        *declared_xml = *declared_xml || text.substr(0, 5) == "<?xml";
        const std::size_t end = text.find(comment ? "-->" : "?>");
        if (end == std::string_view::npos) {
            return {};
        }
        text.remove_prefix(end + (comment ? 3 : 2));
    }
}

// The lower-case element name text starts with ("<NITF ..." -> "nitf"); empty when text does
// not start with a start tag.
std::string element_name(std::string_view text) {
    if (text.size() < 2 || text[0] != '<' ||
        (std::isalpha(static_cast<unsigned char>(text[1])) == 0 && text[1] != '_')) {
        return {};
    }
    std::size_t end = 1;
    while (end < text.size() && is_name_char(text[end])) {
        ++end;
    }
    if (end < text.size() && kSpace.find(text[end]) == std::string_view::npos && text[end] != '>' &&
        text[end] != '/') {
        return {};
    }
    return text::ascii_lower(text.substr(1, end - 1));
}

std::optional<Format> detect_markup(std::string_view text) {
    bool declared_xml = false;
    text = skip_prolog(text, &declared_xml);
    if (istarts_with(text, "<!DOCTYPE")) {
        const std::string_view doctype = text::trim_ascii(text.substr(9, text.find('>') - 9));
        if (istarts_with(doctype, "html")) {
            return Format::html;
        }
        text.remove_prefix(std::min(text.find('>'), text.size()));
        text = skip_prolog(text.substr(std::min<std::size_t>(1, text.size())), &declared_xml);
    }
    const std::string name = element_name(text);
    if (name == "reuters" || name == "doc") {
        return Format::sgml;
    }
    if (name == "html" || (!declared_xml && std::find(kHtmlElements.begin(), kHtmlElements.end(),
                                                      name) != kHtmlElements.end())) {
        return Format::html;
    }
    if (!name.empty() || declared_xml) {
        return Format::xml;
    }
    return std::nullopt;
}

// The lines of a header block: each a header line or a continuation, with a known mail
// header among them. A message whose first header was lost may open with a continuation.
bool header_block(std::string_view text) {
    std::size_t headers = 0;
    bool known = false;
    std::size_t pos = 0;
    for (std::size_t n = 0; n < kMaxHeaderLines && pos < text.size(); ++n) {
        const std::size_t end = std::min(text.find('\n', pos), text.size());
        std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        if (line.empty()) {
            break;
        }
        if (line[0] == ' ' || line[0] == '\t') {
            continue;
        }
        if (!is_header_line(line)) {
            return false;
        }
        ++headers;
        const std::string name = text::ascii_lower(line.substr(0, line.find(':')));
        known = known ||
                std::find(kMailHeaders.begin(), kMailHeaders.end(), name) != kMailHeaders.end();
    }
    return headers >= 2 && known;
}

}  // namespace

std::optional<Format> detect_feed_format(std::string_view head) {
    head = strip_bom(head);
    // Mail keeps the white space that starts its first line: a continuation line.
    const std::string_view lines =
        head.substr(std::min(head.find_first_not_of("\r\n"), head.size()));
    const std::string_view text =
        head.substr(std::min(head.find_first_not_of(kSpace), head.size()));
    if (text.substr(0, 5) == "WARC/" || text.substr(0, 11) == "filedesc://") {
        return Format::warc;
    }
    if (!text.empty() && text[0] == '<') {
        return detect_markup(text);
    }
    if (lines.substr(0, 5) == "From ") {
        const std::size_t nl = lines.find('\n');
        return nl != std::string_view::npos && header_block(lines.substr(nl + 1))
                   ? std::optional<Format>(Format::mbox)
                   : std::nullopt;
    }
    return header_block(lines) ? std::optional<Format>(Format::mail) : std::nullopt;
}

}  // namespace morgue
