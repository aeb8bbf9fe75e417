#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace morgue::text {

/// Valid UTF-8 from any bytes: valid UTF-8 sequences pass unchanged; every byte that is not
/// part of one is read as Windows-1252 (the usual encoding of old dumps), so wholly cp1252
/// text is decoded and a UTF-8 dump with a stray cp1252 byte keeps its UTF-8. NUL and other
/// C0 controls except tab and newline are dropped, as are the five bytes cp1252 leaves
/// undefined; "\r\n" and a lone "\r" become "\n". C1 controls (U+0080-U+009F), the trace of
/// cp1252 once decoded as Latin-1, become the cp1252 characters ("\u0093" -> "“").
std::string to_utf8(std::string_view bytes);

/// Appends a code point as UTF-8; NUL, surrogates and values past U+10FFFF become U+FFFD.
void append_utf8(std::string& out, char32_t cp);

/// How many to_utf8 calls on this thread met bytes that are not UTF-8 and read them as
/// Windows-1252: a reader and the pipeline run on one thread per record, so the difference
/// across a record tells whether its text needed the fallback.
std::uint64_t windows1252_fallbacks();

/// True when bytes are valid UTF-8.
bool is_valid_utf8(std::string_view bytes);

/// The form every boolean field value takes, at index and at query time: Unicode NFKC,
/// case-folded, surrounding white space trimmed, inner runs of white space made one space.
std::string fold_value(std::string_view value);

/// The text with accents removed, case kept: "São Paulo" -> "Sao Paulo", "Müller" -> "Muller".
/// Only Latin and Greek letters lose their combining diacritics (canonical decomposition,
/// marks dropped); other scripts pass unchanged, since their marks are letters in effect
/// (Cyrillic "й", Japanese dakuten, Devanagari vowel signs). Compatibility characters are
/// kept ("ﬁ" stays "ﬁ"; NFKC is fold_value's job). ASCII input is returned as it is. Applied to
/// free text before term generation and to queries.
std::string fold_accents(std::string_view text);

/// ASCII letters lower-cased, other bytes unchanged: for markup names, header names, charset
/// labels and record keys, which are ASCII by definition.
std::string ascii_lower(std::string_view s);

/// Trims ASCII white space (space, \t, \r, \n, \f, \v) from both ends.
std::string_view trim_ascii(std::string_view s);

/// Trims ASCII and Unicode white space (and U+FEFF, the byte order mark) from both ends.
std::string_view trim(std::string_view s);

/// The length in bytes of the white-space character starting at s[pos], 0 when there is none.
std::size_t white_space_length(std::string_view s, std::size_t pos);

/// s trimmed, with every inner run of white space (line breaks included) made one ' '.
std::string collapse_space(std::string_view s);

/// The longest prefix of s of at most max_bytes that ends on a code point boundary.
std::string_view utf8_prefix(std::string_view s, std::size_t max_bytes);

/// At most max_bytes of s, cut at a word boundary (or a code point boundary when one word is
/// longer), with trailing ",;:" and dashes removed and "…" appended (3 more bytes) when
/// anything was cut; s whole when it fits.
std::string shorten(std::string_view s, std::size_t max_bytes);

}  // namespace morgue::text
