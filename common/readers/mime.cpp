#include "mime.h"

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "../text/charset.h"
#include "../text/unicode.h"
#include "markup_text.h"

namespace morgue {

namespace {

// Multipart bodies nest (mixed holding alternative holding related); real mail stays within
// a few levels, and a bound keeps a hostile message from recursing without end.
constexpr std::size_t kMaxDepth = 8;

int hex_value(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    return -1;
}

int base64_value(char c) {
    if (c >= 'A' && c <= 'Z') {
        return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
        return c - '0' + 52;
    }
    return c == '+' || c == '-' ? 62 : c == '/' || c == '_' ? 63 : -1;
}

// One encoded word at text[pos] ("=?charset?B?text?="): its decoded text and where it ends;
// nullopt when text[pos] starts no well-formed encoded word.
std::optional<std::string> encoded_word(std::string_view text, std::size_t pos, std::size_t* end) {
    const std::size_t q1 = text.find('?', pos + 2);
    const std::size_t q2 = q1 == std::string_view::npos ? q1 : text.find('?', q1 + 1);
    const std::size_t close = q2 == std::string_view::npos ? q2 : text.find("?=", q2 + 1);
    if (close == std::string_view::npos || q2 != q1 + 2) {
        return std::nullopt;
    }
    // RFC 2231 lets a language follow the charset: "utf-8*en".
    std::string_view charset = text.substr(pos + 2, q1 - pos - 2);
    charset = charset.substr(0, charset.find('*'));
    const char encoding = static_cast<char>(text[q1 + 1] | 0x20);
    const std::string_view payload = text.substr(q2 + 1, close - q2 - 1);
    if (charset.empty() || (encoding != 'b' && encoding != 'q') ||
        payload.find_first_of(" \t") != std::string_view::npos) {
        return std::nullopt;
    }
    *end = close + 2;
    const std::string bytes =
        encoding == 'b' ? decode_base64(payload) : decode_quoted_printable(payload, true);
    return text::decode_charset(bytes, charset);
}

bool is_attachment(const HeaderFields& headers) {
    return istarts_with(text::trim_ascii(header_value(headers, "Content-Disposition")), "attachment");
}

std::string part_media(const HeaderFields& headers) {
    const std::string media = media_type(header_value(headers, "Content-Type"));
    return media.empty() ? "text/plain" : media;
}

// The parts of a multipart body, between its "--boundary" lines; a body whose closing
// delimiter is missing ends its last part at its end.
std::vector<std::string_view> multipart_parts(std::string_view body, std::string_view boundary) {
    const std::string delimiter = "--" + std::string(boundary);
    std::vector<std::string_view> parts;
    std::optional<std::size_t> part_start;
    for (std::size_t pos = 0; pos < body.size();) {
        const std::size_t end = std::min(body.find('\n', pos), body.size());
        const std::string_view line = text::trim_ascii(body.substr(pos, end - pos));
        if (line.substr(0, delimiter.size()) == delimiter) {
            if (part_start) {
                // The line break before a delimiter belongs to the delimiter.
                std::size_t part_end = pos > *part_start ? pos - 1 : pos;
                part_end -= part_end > *part_start && body[part_end - 1] == '\r' ? 1 : 0;
                parts.push_back(body.substr(*part_start, part_end - *part_start));
            }
            if (line.substr(delimiter.size(), 2) == "--") {
                return parts;
            }
            part_start = end + 1;
        }
        pos = end + 1;
    }
    if (part_start && *part_start < body.size()) {
        parts.push_back(body.substr(*part_start));
    }
    return parts;
}

// The first part of type media, depth first, attachments left out.
std::optional<MimeEntity> find_part(const MimeEntity& entity, std::string_view media,
                                    std::size_t depth) {
    const std::string type = part_media(entity.headers);
    if (depth > 0 && is_attachment(entity.headers)) {
        return std::nullopt;
    }
    if (type.rfind("multipart/", 0) == 0 && depth < kMaxDepth) {
        const std::string boundary =
            header_parameter(header_value(entity.headers, "Content-Type"), "boundary");
        if (!boundary.empty()) {
            for (const std::string_view part : multipart_parts(entity.body, boundary)) {
                std::optional<MimeEntity> found = find_part(split_entity(part), media, depth + 1);
                if (found) {
                    return found;
                }
            }
            return std::nullopt;
        }
        // A multipart without a boundary can only be read as text.
        return media == "text/plain" ? std::optional<MimeEntity>(entity) : std::nullopt;
    }
    return type == media ? std::optional<MimeEntity>(entity) : std::nullopt;
}

// A text part's content as UTF-8: transfer encoding undone, charset honoured.
std::string decode_part(const MimeEntity& part) {
    const std::string encoding =
        text::ascii_lower(text::trim_ascii(header_value(part.headers, "Content-Transfer-Encoding")));
    std::string bytes;
    if (encoding == "base64") {
        bytes = decode_base64(part.body);
    } else if (encoding == "quoted-printable") {
        bytes = decode_quoted_printable(part.body);
    } else {
        bytes = std::string(part.body);
    }
    return text::decode_charset(
        bytes, header_parameter(header_value(part.headers, "Content-Type"), "charset"));
}

}  // namespace

MimeEntity split_entity(std::string_view text) {
    const std::string_view first_line = text.substr(0, text.find('\n'));
    if (!first_line.empty() && first_line[0] != ' ' && first_line[0] != '\t' &&
        !is_header_line(first_line)) {
        return MimeEntity{{}, text};  // no header at all
    }
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t end = std::min(text.find('\n', pos), text.size());
        const std::string_view line = text.substr(pos, end - pos);
        if (line.empty() || line == "\r") {
            return MimeEntity{parse_headers(text.substr(0, pos)),
                              text.substr(std::min(end + 1, text.size()))};
        }
        pos = end + 1;
    }
    return MimeEntity{parse_headers(text), {}};
}

std::string decode_header_text(std::string_view value) {
    std::string out;
    std::size_t pos = 0;
    bool after_word = false;  // white space between two encoded words is dropped
    while (pos < value.size()) {
        const std::size_t start = value.find("=?", pos);
        std::size_t end = 0;
        std::optional<std::string> word =
            start == std::string_view::npos ? std::nullopt : encoded_word(value, start, &end);
        const std::size_t plain_end = word ? start : std::min(start, value.size());
        const std::string_view plain = value.substr(pos, plain_end - pos);
        if (!(after_word && word && text::trim_ascii(plain).empty())) {
            out += text::to_utf8(plain);
        }
        if (!word) {
            if (start == std::string_view::npos) {
                break;
            }
            out += text::to_utf8(value.substr(start, 2));
            pos = start + 2;
            after_word = false;
            continue;
        }
        out += *word;
        pos = end;
        after_word = true;
    }
    return out;
}

std::string decode_quoted_printable(std::string_view text, bool header_mode) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (header_mode && c == '_') {
            out += ' ';
        } else if (c != '=') {
            out += c;
        } else if (i + 1 < text.size() && text[i + 1] == '\n') {
            i += 1;  // soft line break
        } else if (i + 2 < text.size() && text[i + 1] == '\r' && text[i + 2] == '\n') {
            i += 2;
        } else if (i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
                   hex_value(text[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

std::string decode_base64(std::string_view text) {
    std::string out;
    out.reserve(text.size() * 3 / 4);
    std::uint32_t bits = 0;
    int count = 0;
    for (const char c : text) {
        if (c == '=') {
            break;
        }
        const int value = base64_value(c);
        if (value < 0) {
            continue;
        }
        bits = (bits << 6) | static_cast<std::uint32_t>(value);
        count += 6;
        if (count >= 8) {
            count -= 8;
            out += static_cast<char>((bits >> count) & 0xFF);
        }
    }
    return out;
}

std::string message_text(const MimeEntity& message) {
    if (std::optional<MimeEntity> plain = find_part(message, "text/plain", 0)) {
        return decode_part(*plain);
    }
    if (std::optional<MimeEntity> html = find_part(message, "text/html", 0)) {
        return markup_to_text(decode_part(*html));
    }
    return {};
}

}  // namespace morgue
