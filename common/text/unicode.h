#pragma once

#include <string>
#include <string_view>

namespace morgue::text {

/// Valid UTF-8 from any bytes: valid UTF-8 passes unchanged; otherwise the bytes are read as
/// Windows-1252 (the usual encoding of old dumps). NUL and other C0 controls except tab and
/// newline are dropped; "\r\n" becomes "\n".
std::string to_utf8(std::string_view bytes);

/// True when bytes are valid UTF-8.
bool is_valid_utf8(std::string_view bytes);

/// The form every boolean field value takes, at index and at query time: Unicode NFKC,
/// case-folded, surrounding white space trimmed, inner runs of white space made one space.
std::string fold_value(std::string_view value);

/// The text with accents removed (NFKD, combining marks dropped, recomposed), case kept:
/// "São Paulo" -> "Sao Paulo". Applied to free text before term generation and to queries.
std::string fold_accents(std::string_view text);

/// Trims ASCII and Unicode white space from both ends.
std::string_view trim(std::string_view s);

/// At most max_bytes of s, cut at a word boundary (or a code point boundary when one word is
/// longer), with "…" appended when anything was cut.
std::string shorten(std::string_view s, std::size_t max_bytes);

}  // namespace morgue::text
