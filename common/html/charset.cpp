#include "charset.h"

#include <iconv.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "../text/unicode.h"

namespace morgue::html {

namespace {

constexpr std::string_view kSpace = " \t\r\n\f";
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// WHATWG Encoding Standard labels whose iconv name differs from the label, and the labels
// browsers read as a superset (ISO-8859-1 as windows-1252, GB2312 as GB18030 ...).
struct Alias {
    std::initializer_list<std::string_view> labels;
    std::string_view iconv;
};
const std::array<Alias, 11> kAliases = {{
    {{"utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8"},
     ""},
    {{"iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "us-ascii", "ascii",
      "ansi_x3.4-1968", "cp1252", "windows-1252", "x-cp1252", "cp819", "ibm819", "iso-ir-100",
      "csisolatin1"},
     "WINDOWS-1252"},
    {{"iso-8859-9", "iso8859-9", "latin5", "l5", "windows-1254", "cp1254"}, "WINDOWS-1254"},
    {{"iso-8859-11", "tis-620", "windows-874", "dos-874"}, "WINDOWS-874"},
    {{"gb2312", "gbk", "x-gbk", "chinese", "csgb2312", "gb18030", "gb_2312-80"}, "GB18030"},
    {{"shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "ms932", "windows-31j", "csshiftjis"},
     "CP932"},
    {{"euc-kr", "ks_c_5601-1987", "windows-949", "cseuckr", "korean"}, "CP949"},
    {{"big5", "big5-hkscs", "x-x-big5", "cn-big5", "csbig5"}, "BIG5-HKSCS"},
    {{"euc-jp", "x-euc-jp", "cseucpkdfmtjapanese"}, "EUC-JP"},
    {{"utf-16", "utf-16le"}, "UTF-16LE"},
    {{"utf-16be"}, "UTF-16BE"},
}};

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}



bool starts_with_ci(std::string_view s, std::size_t pos, std::string_view prefix) {
    if (s.size() - std::min(pos, s.size()) < prefix.size()) {
        return false;
    }
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (lower(s[pos + i]) != prefix[i]) {
            return false;
        }
    }
    return true;
}

using Attributes = std::vector<std::pair<std::string, std::string>>;

// The attributes of the tag whose name ends at pos, read as the HTML tokenizer reads them
// (quoted or bare values); pos ends after the closing '>'.
Attributes tag_attributes(std::string_view s, std::size_t& pos) {
    Attributes out;
    while (pos < s.size() && s[pos] != '>') {
        pos = std::min(s.find_first_not_of(std::string(kSpace) + "/", pos), s.size());
        const std::size_t name_end = std::min(s.find_first_of(" \t\r\n\f/=>", pos), s.size());
        std::string name = text::ascii_lower(s.substr(pos, name_end - pos));
        pos = std::min(s.find_first_not_of(kSpace, name_end), s.size());
        std::string value;
        if (pos < s.size() && s[pos] == '=') {
            pos = std::min(s.find_first_not_of(kSpace, pos + 1), s.size());
            if (pos < s.size() && (s[pos] == '"' || s[pos] == '\'')) {
                const std::size_t close = std::min(s.find(s[pos], pos + 1), s.size());
                value = s.substr(pos + 1, close - pos - 1);
                pos = std::min(close + 1, s.size());
            } else {
                const std::size_t end = std::min(s.find_first_of(" \t\r\n\f>", pos), s.size());
                value = s.substr(pos, end - pos);
                pos = end;
            }
        }
        if (!name.empty()) {
            out.emplace_back(std::move(name), std::move(value));
        }
    }
    return out;
}

std::string_view find_attribute(const Attributes& attributes, std::string_view name) {
    for (const auto& [key, value] : attributes) {
        if (key == name) {
            return value;
        }
    }
    return {};
}

// The charset a <meta> tag's attributes declare, "" when none.
std::string meta_charset(const Attributes& attributes) {
    const std::string_view charset = find_attribute(attributes, "charset");
    if (!text::trim_ascii(charset).empty()) {
        return text::ascii_lower(text::trim_ascii(charset));
    }
    if (text::ascii_lower(text::trim_ascii(find_attribute(attributes, "http-equiv"))) == "content-type") {
        return charset_from_content_type(find_attribute(attributes, "content"));
    }
    return {};
}

std::string bom_charset(std::string_view bytes) {
    if (bytes.substr(0, 3) == kUtf8Bom) {
        return "utf-8";
    }
    if (bytes.substr(0, 2) == "\xFF\xFE") {
        return "utf-16le";
    }
    if (bytes.substr(0, 2) == "\xFE\xFF") {
        return "utf-16be";
    }
    return {};
}

// Owns an iconv conversion descriptor.
struct IconvCloser {
    void operator()(void* cd) const { iconv_close(static_cast<iconv_t>(cd)); }
};
using Converter = std::unique_ptr<void, IconvCloser>;

Converter open_converter(const std::string& from) {
    iconv_t cd = iconv_open("UTF-8", from.c_str());
    if (cd == reinterpret_cast<iconv_t>(static_cast<std::intptr_t>(-1))) {
        return nullptr;
    }
    return Converter(cd);
}

// Converts with iconv; a byte sequence invalid in the charset becomes U+FFFD and conversion
// goes on, since a page with one bad byte is still worth reading.
std::string convert(std::string_view bytes, const Converter& converter) {
    auto* cd = static_cast<iconv_t>(converter.get());
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 2);
    std::vector<char> in_buffer(bytes.begin(), bytes.end());
    char* in = in_buffer.data();
    std::size_t in_left = in_buffer.size();
    std::array<char, 16384> buffer{};
    while (in_left > 0) {
        char* out_at = buffer.data();
        std::size_t out_left = buffer.size();
        const std::size_t done = iconv(cd, &in, &in_left, &out_at, &out_left);
        out.append(buffer.data(), static_cast<std::size_t>(out_at - buffer.data()));
        if (done != static_cast<std::size_t>(-1) || errno == E2BIG) {
            continue;
        }
        out += kReplacement;
        if (errno != EILSEQ) {
            break;  // EINVAL: the input ends inside a character
        }
        ++in;
        --in_left;
    }
    return out;
}

bool has_multibyte_utf8(std::string_view bytes) {
    return text::is_valid_utf8(bytes) && std::any_of(bytes.begin(), bytes.end(), [](char c) {
               return (static_cast<unsigned char>(c) & 0x80) != 0;
           });
}

std::string without_bom(std::string text) {
    if (std::string_view(text).substr(0, kUtf8Bom.size()) == kUtf8Bom) {
        text.erase(0, kUtf8Bom.size());
    }
    return text;
}

}  // namespace

std::string charset_from_content_type(std::string_view content_type) {
    const std::string lowered = text::ascii_lower(content_type);
    const std::size_t at = lowered.find("charset");
    if (at == std::string::npos) {
        const std::string_view bare = text::trim_ascii(lowered);
        return bare.find_first_of("/;= ") == std::string_view::npos ? std::string(bare) : "";
    }
    std::size_t pos = std::min(lowered.find_first_not_of(kSpace, at + 7), lowered.size());
    if (pos == lowered.size() || lowered[pos] != '=') {
        return {};
    }
    pos = std::min(lowered.find_first_not_of(kSpace, pos + 1), lowered.size());
    if (pos < lowered.size() && (lowered[pos] == '"' || lowered[pos] == '\'')) {
        ++pos;
    }
    const std::size_t end = std::min(lowered.find_first_of("\"'; \t\r\n", pos), lowered.size());
    return lowered.substr(pos, end - pos);
}

std::string declared_charset(std::string_view bytes) {
    if (std::string bom = bom_charset(bytes); !bom.empty()) {
        return bom;
    }
    const std::string_view head = bytes.substr(0, kCharsetPrescanBytes);
    std::size_t pos = head.find('<');
    while (pos != std::string_view::npos) {
        if (head.substr(pos, 4) == "<!--") {
            const std::size_t end = head.find("-->", pos + 4);
            pos = end == std::string_view::npos ? end : head.find('<', end + 3);
            continue;
        }
        if (starts_with_ci(head, pos, "<meta") && pos + 5 < head.size() &&
            std::string_view(" \t\r\n\f/").find(head[pos + 5]) != std::string_view::npos) {
            std::size_t at = pos + 5;
            std::string charset = meta_charset(tag_attributes(head, at));
            if (!charset.empty()) {
                return charset;
            }
        }
        pos = head.find('<', pos + 1);
    }
    return {};
}

std::string iconv_name(std::string_view label) {
    const std::string lowered = text::ascii_lower(text::trim_ascii(label));
    for (const Alias& alias : kAliases) {
        if (std::find(alias.labels.begin(), alias.labels.end(), lowered) != alias.labels.end()) {
            return std::string(alias.iconv);
        }
    }
    return lowered;
}

DecodedPage decode_page(std::string_view bytes, std::string_view http_charset) {
    std::string label = charset_from_content_type(http_charset);
    if (label.empty()) {
        label = declared_charset(bytes);
    }
    const std::string name = iconv_name(label);
    const bool utf16 = name.rfind("UTF-16", 0) == 0;
    // Servers and templates that declare ISO-8859-1 over UTF-8 content are common, while
    // legacy-encoded text almost never forms valid multi-byte UTF-8 by chance.
    if (name.empty() || (!utf16 && has_multibyte_utf8(bytes))) {
        return {without_bom(text::to_utf8(bytes)), "utf-8", {}};
    }
    const Converter converter = open_converter(name);
    if (!converter) {
        return {without_bom(text::to_utf8(bytes)), "utf-8",
                "unknown charset \"" + text::shorten(text::to_utf8(label), 40) +
                    "\"; read as UTF-8 (Windows-1252 where invalid)"};
    }
    return {without_bom(convert(bytes, converter)), text::ascii_lower(name), {}};
}

}  // namespace morgue::html
