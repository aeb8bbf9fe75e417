#include "unicode.h"

#include <utf8proc.h>

#include <array>
#include <cstdint>
#include <cstdlib>
#include <memory>

namespace morgue::text {

namespace {

// Windows-1252 bytes 0x80-0x9F, eight to a row; 0 marks the five bytes the code page leaves
// undefined, which we drop like the C1 controls they would otherwise decode to.
// clang-format off
constexpr std::array<char32_t, 32> kCp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};
// clang-format on

std::uint8_t byte_at(std::string_view s, std::size_t i) {
    return static_cast<std::uint8_t>(s[i]);
}

bool is_continuation(std::string_view s, std::size_t i) {
    return i < s.size() && (byte_at(s, i) & 0xC0) == 0x80;
}

// The length of the well-formed UTF-8 sequence at s[i] (Unicode table 3-7: no overlong forms,
// no surrogates, nothing past U+10FFFF), 0 when the bytes there do not form one.
std::size_t sequence_length(std::string_view s, std::size_t i) {
    const std::uint8_t b = byte_at(s, i);
    if (b < 0x80) {
        return 1;
    }
    std::size_t n = 0;
    std::uint8_t lo = 0x80;
    std::uint8_t hi = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
        n = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
        n = 3;
        lo = b == 0xE0 ? 0xA0 : 0x80;
        hi = b == 0xED ? 0x9F : 0xBF;
    } else if (b >= 0xF0 && b <= 0xF4) {
        n = 4;
        lo = b == 0xF0 ? 0x90 : 0x80;
        hi = b == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 0;
    }
    if (i + 1 >= s.size() || byte_at(s, i + 1) < lo || byte_at(s, i + 1) > hi) {
        return 0;
    }
    for (std::size_t k = 2; k < n; ++k) {
        if (!is_continuation(s, i + k)) {
            return 0;
        }
    }
    return n;
}

// Decodes the well-formed sequence of length n at s[i].
char32_t decode(std::string_view s, std::size_t i, std::size_t n) {
    if (n == 1) {
        return byte_at(s, i);
    }
    char32_t cp = byte_at(s, i) & (0x7F >> n);
    for (std::size_t k = 1; k < n; ++k) {
        cp = (cp << 6) | (byte_at(s, i + k) & 0x3F);
    }
    return cp;
}


// True for the ASCII bytes to_utf8 must rewrite: C0 controls other than tab and newline
// (carriage return included, since it becomes a newline).
bool needs_rewrite(std::uint8_t b) {
    return b < 0x20 && b != '\t' && b != '\n';
}

// Appends one ASCII byte, applying to_utf8's control and line-ending rules.
void append_ascii(std::string& out, std::string_view bytes, std::size_t i) {
    const std::uint8_t b = byte_at(bytes, i);
    if (b == '\r') {
        if (i + 1 >= bytes.size() || bytes[i + 1] != '\n') {
            out += '\n';
        }
    } else if (!needs_rewrite(b)) {
        out += static_cast<char>(b);
    }
}

// A byte outside any well-formed sequence, read as Windows-1252 (0xA0-0xFF are Latin-1).
void append_cp1252(std::string& out, std::uint8_t b) {
    const char32_t cp = b >= 0xA0 ? char32_t{b} : kCp1252High[b - 0x80];
    if (cp != 0) {
        append_utf8(out, cp);
    }
}

bool is_c1_control(char32_t cp) {
    return cp >= 0x80 && cp <= 0x9F;
}

// True unless bytes are valid UTF-8 free of the controls to_utf8 removes: the common case,
// which then costs one scan and one copy.
bool needs_repair(std::string_view bytes) {
    std::size_t i = 0;
    while (i < bytes.size()) {
        const std::size_t n = sequence_length(bytes, i);
        if (n == 0 || (n == 1 && needs_rewrite(byte_at(bytes, i))) ||
            (n == 2 && is_c1_control(decode(bytes, i, n)))) {
            return true;
        }
        i += n;
    }
    return false;
}

bool is_white_space(char32_t cp) {
    switch (cp) {
        case 0x85:
        case 0xA0:
        case 0x1680:
        case 0x2028:
        case 0x2029:
        case 0x202F:
        case 0x205F:
        case 0x3000:
        case 0xFEFF:
            return true;
        default:
            return cp >= 0x2000 && cp <= 0x200A;
    }
}

bool is_ascii(std::string_view s) {
    for (const char c : s) {
        if (static_cast<std::uint8_t>(c) >= 0x80) {
            return false;
        }
    }
    return true;
}

// Latin and Greek letters: the scripts whose combining marks are accents that readers and
// searchers routinely omit.
bool is_latin_or_greek(char32_t cp) {
    return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || (cp >= 0xC0 && cp <= 0x24F) ||
           (cp >= 0x370 && cp <= 0x3FF) || (cp >= 0x1E00 && cp <= 0x1FFF) ||
           (cp >= 0x2C60 && cp <= 0x2C7F) || (cp >= 0xA720 && cp <= 0xA7FF) ||
           (cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A);
}

// The blocks of combining diacritics (not the script-specific marks of Indic, Arabic, kana...).
bool is_diacritic(char32_t cp) {
    return (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
           (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
           (cp >= 0xFE20 && cp <= 0xFE2F);
}

// The base letter of cp when its canonical decomposition is that letter plus diacritics only,
// else cp itself.
char32_t strip_diacritics(char32_t cp) {
    std::array<utf8proc_int32_t, 8> parts{};
    int boundclass = 0;
    const utf8proc_ssize_t n =
        utf8proc_decompose_char(static_cast<utf8proc_int32_t>(cp), parts.data(), parts.size(),
                                UTF8PROC_DECOMPOSE, &boundclass);
    if (n < 2 || n > static_cast<utf8proc_ssize_t>(parts.size())) {
        return cp;
    }
    for (utf8proc_ssize_t k = 1; k < n; ++k) {
        if (!is_diacritic(static_cast<char32_t>(parts[k]))) {
            return cp;
        }
    }
    return static_cast<char32_t>(parts[0]);
}

// Where the last white space starting at or before budget begins (a word ending exactly at
// the budget counts as whole), 0 when none does.
std::size_t last_space_within(std::string_view s, std::size_t budget) {
    std::size_t last = 0;
    std::size_t i = 0;
    while (i <= budget && i < s.size()) {
        if (const std::size_t n = white_space_length(s, i)) {
            last = i;
            i += n;
        } else {
            const std::size_t len = sequence_length(s, i);
            i += len == 0 ? 1 : len;
        }
    }
    return last;
}

// s trimmed of white space and of punctuation that would dangle before an ellipsis.
std::string_view strip_dangling(std::string_view s) {
    static constexpr std::array<std::string_view, 6> kDangling = {",", ";", ":", "-", "–", "—"};
    bool changed = true;
    while (changed) {
        s = trim(s);
        changed = false;
        for (const std::string_view tail : kDangling) {
            if (s.ends_with(tail)) {
                s.remove_suffix(tail.size());
                changed = true;
            }
        }
    }
    return s;
}

}  // namespace

void append_utf8(std::string& out, char32_t cp) {
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        cp = 0xFFFD;
    }
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool is_valid_utf8(std::string_view bytes) {
    std::size_t i = 0;
    while (i < bytes.size()) {
        const std::size_t n = sequence_length(bytes, i);
        if (n == 0) {
            return false;
        }
        i += n;
    }
    return true;
}

namespace {
thread_local std::uint64_t g_fallbacks = 0;
}  // namespace

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

std::string_view trim_ascii(std::string_view s) {
    constexpr std::string_view kAsciiSpace = " \t\r\n\f\v";
    const std::size_t first = s.find_first_not_of(kAsciiSpace);
    if (first == std::string_view::npos) {
        return {};
    }
    return s.substr(first, s.find_last_not_of(kAsciiSpace) - first + 1);
}

std::uint64_t windows1252_fallbacks() {
    return g_fallbacks;
}

std::string to_utf8(std::string_view bytes) {
    if (!needs_repair(bytes)) {
        return std::string(bytes);
    }
    bool fell_back = false;
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    std::size_t i = 0;
    while (i < bytes.size()) {
        const std::size_t n = sequence_length(bytes, i);
        if (n == 1) {
            append_ascii(out, bytes, i);
        } else if (n > 1) {
            const char32_t cp = decode(bytes, i, n);
            if (is_c1_control(cp)) {
                // cp1252 text once decoded as Latin-1 ("\u0093quoted\u0094"): undo that.
                append_cp1252(out, static_cast<std::uint8_t>(cp));
            } else {
                out.append(bytes.substr(i, n));
            }
        } else {
            append_cp1252(out, byte_at(bytes, i));
            fell_back = true;
        }
        i += n == 0 ? 1 : n;
    }
    g_fallbacks += fell_back ? 1 : 0;
    return out;
}

std::string fold_value(std::string_view value) {
    const std::string valid = to_utf8(value);
    utf8proc_uint8_t* folded = nullptr;
    const auto options = static_cast<utf8proc_option_t>(
        UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE);
    const utf8proc_ssize_t n =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(valid.data()),
                     static_cast<utf8proc_ssize_t>(valid.size()), &folded, options);
    if (n < 0) {
        // Unreachable for valid UTF-8 short of memory exhaustion; folding space is still useful.
        return collapse_space(valid);
    }
    const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(folded, &std::free);
    return collapse_space(
        std::string_view(reinterpret_cast<const char*>(folded), static_cast<std::size_t>(n)));
}

std::string fold_accents(std::string_view text) {
    if (is_ascii(text)) {
        return std::string(text);
    }
    std::string out;
    out.reserve(text.size());
    bool after_latin = false;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t n = sequence_length(text, i);
        if (n == 0) {
            // Not ours to repair (to_utf8 is); keep the byte so nothing is lost.
            out += text[i++];
            after_latin = false;
            continue;
        }
        const char32_t cp = decode(text, i, n);
        if (is_diacritic(cp) && after_latin) {
            // A separate mark on a Latin or Greek base (decomposed input): drop it.
        } else if (n > 1 && is_latin_or_greek(cp)) {
            append_utf8(out, strip_diacritics(cp));
        } else {
            out.append(text.substr(i, n));
        }
        after_latin = is_latin_or_greek(cp) || (after_latin && is_diacritic(cp));
        i += n;
    }
    return out;
}

std::size_t white_space_length(std::string_view s, std::size_t pos) {
    if (pos >= s.size()) {
        return 0;
    }
    const std::uint8_t b = byte_at(s, pos);
    if (b < 0x80) {
        return (b == ' ' || (b >= '\t' && b <= '\r')) ? 1 : 0;
    }
    const std::size_t n = sequence_length(s, pos);
    return n > 1 && is_white_space(decode(s, pos, n)) ? n : 0;
}

std::string_view trim(std::string_view s) {
    std::size_t begin = 0;
    while (const std::size_t n = white_space_length(s, begin)) {
        begin += n;
    }
    std::size_t end = s.size();
    while (end > begin) {
        // White space is at most 3 bytes long; find where the last character starts.
        std::size_t start = end - 1;
        while (start > begin && end - start < 4 && (byte_at(s, start) & 0xC0) == 0x80) {
            --start;
        }
        if (white_space_length(s, start) != end - start) {
            break;
        }
        end = start;
    }
    return s.substr(begin, end - begin);
}

std::string collapse_space(std::string_view s) {
    const std::string_view trimmed = trim(s);
    std::string out;
    out.reserve(trimmed.size());
    bool in_space = false;
    std::size_t i = 0;
    while (i < trimmed.size()) {
        if (const std::size_t n = white_space_length(trimmed, i)) {
            in_space = true;
            i += n;
            continue;
        }
        if (in_space) {
            out += ' ';
            in_space = false;
        }
        out += trimmed[i++];
    }
    return out;
}

std::string_view utf8_prefix(std::string_view s, std::size_t max_bytes) {
    if (s.size() <= max_bytes) {
        return s;
    }
    std::size_t end = max_bytes;
    while (end > 0 && (byte_at(s, end) & 0xC0) == 0x80) {
        --end;
    }
    return s.substr(0, end);
}

std::string shorten(std::string_view s, std::size_t max_bytes) {
    if (s.size() <= max_bytes) {
        return std::string(s);
    }
    std::string_view kept = strip_dangling(s.substr(0, last_space_within(s, max_bytes)));
    if (kept.empty()) {
        kept = utf8_prefix(s, max_bytes);
    }
    return std::string(kept) + "…";
}

}  // namespace morgue::text
