#include "chars.h"

#include <utf8proc.h>

namespace morgue::entities {

namespace {

CharClass unicode_class(char32_t code) {
    // Zero-width spaces and the byte order mark separate words without showing.
    if (code == 0x200B || code == 0xFEFF || code == 0x2028 || code == 0x2029) {
        return CharClass::space;
    }
    switch (utf8proc_category(static_cast<utf8proc_int32_t>(code))) {
        case UTF8PROC_CATEGORY_LU:
        case UTF8PROC_CATEGORY_LT:
            return CharClass::upper;
        case UTF8PROC_CATEGORY_LL:
            return CharClass::lower;
        case UTF8PROC_CATEGORY_LM:
        case UTF8PROC_CATEGORY_LO:
            return CharClass::letter;
        case UTF8PROC_CATEGORY_MN:
        case UTF8PROC_CATEGORY_MC:
            return CharClass::mark;
        case UTF8PROC_CATEGORY_ND:
            return CharClass::digit;
        case UTF8PROC_CATEGORY_ZS:
            return CharClass::space;
        default:
            return CharClass::other;
    }
}

}  // namespace

Char decode_char(std::string_view s, std::size_t pos) {
    const auto first = static_cast<unsigned char>(s[pos]);
    utf8proc_int32_t code = -1;
    const utf8proc_ssize_t length =
        utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + pos),
                         static_cast<utf8proc_ssize_t>(s.size() - pos), &code);
    if (length <= 0 || code < 0) {
        return Char{first, 1, CharClass::other};
    }
    const auto decoded = static_cast<char32_t>(code);
    return Char{decoded, static_cast<std::uint8_t>(length), unicode_class(decoded)};
}

char32_t unicode_to_lower(char32_t code) {
    return static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(code)));
}

char32_t to_upper(char32_t code) {
    if (code < 0x80) {
        return code >= 'a' && code <= 'z' ? code - ('a' - 'A') : code;
    }
    return static_cast<char32_t>(utf8proc_toupper(static_cast<utf8proc_int32_t>(code)));
}

}  // namespace morgue::entities
