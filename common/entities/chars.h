#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace morgue::entities {

/// What a character is to the tokeniser.
enum class CharClass : std::uint8_t { space, newline, upper, lower, letter, digit, mark, other };

/// One decoded character: its code point, its byte length and its class.
struct Char {
    char32_t code = 0;
    std::uint8_t length = 1;
    CharClass kind = CharClass::other;
};

/// Decodes a non-ASCII character at s[pos] (char_at's slow path).
Char decode_char(std::string_view s, std::size_t pos);

/// The class of an ASCII character.
constexpr CharClass ascii_class(unsigned char c) {
    if (c == '\n') {
        return CharClass::newline;
    }
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
        return CharClass::space;
    }
    if (c >= 'A' && c <= 'Z') {
        return CharClass::upper;
    }
    if (c >= 'a' && c <= 'z') {
        return CharClass::lower;
    }
    return c >= '0' && c <= '9' ? CharClass::digit : CharClass::other;
}

/// The classes of the ASCII characters, a table for char_at's fast path.
inline constexpr std::array<CharClass, 128> kAsciiClasses = [] {
    std::array<CharClass, 128> classes{};
    for (unsigned c = 0; c < 128; ++c) {
        classes[c] = ascii_class(static_cast<unsigned char>(c));
    }
    return classes;
}();

/// Decodes the character at s[pos]; a byte that starts no valid UTF-8 sequence is read as
/// itself (class other), so malformed input never stops the tokeniser. Inline: most text
/// is ASCII, and the tokeniser asks for every character.
inline Char char_at(std::string_view s, std::size_t pos) {
    const auto first = static_cast<unsigned char>(s[pos]);
    if (first < 0x80) {
        return Char{first, 1, kAsciiClasses[first]};
    }
    return decode_char(s, pos);
}

/// The lower-case form of a non-ASCII code point, through Unicode's tables.
char32_t unicode_to_lower(char32_t code);

/// The lower-case form of a code point.
inline char32_t to_lower(char32_t code) {
    if (code < 0x80) {
        return code >= 'A' && code <= 'Z' ? code + ('a' - 'A') : code;
    }
    return unicode_to_lower(code);
}

/// The upper-case form of a code point.
char32_t to_upper(char32_t code);

/// True for a letter or a combining mark: the characters that make up a word.
inline bool is_wordish(CharClass kind) {
    return kind == CharClass::upper || kind == CharClass::lower || kind == CharClass::letter ||
           kind == CharClass::mark;
}

}  // namespace morgue::entities
