#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace morgue::text {

/// bytes converted from the named character set ("iso-8859-2", "koi8-r", "shift_jis", any
/// name glibc's iconv knows, case-insensitively) to UTF-8; nullopt when iconv does not know the
/// name or the bytes are not valid in that set.
std::optional<std::string> convert_charset(std::string_view bytes, std::string_view charset);

/// bytes as UTF-8, honouring a declared charset: decoded from it when iconv knows it and the
/// bytes are valid in it; otherwise (no charset, an unknown one, or bytes that contradict it)
/// valid UTF-8 is kept and any other byte read as Windows-1252. Labels that mean ASCII or
/// Latin-1 are read as Windows-1252, as web browsers do, since senders that say "iso-8859-1"
/// mostly write Windows-1252. The result passes through to_utf8, so it holds no C0 controls
/// other than tab and newline.
std::string decode_charset(std::string_view bytes, std::string_view charset);

/// True when the label names UTF-8 ("utf-8", "UTF8", "utf-8" with spaces or quotes around).
bool is_utf8_label(std::string_view charset);

}  // namespace morgue::text
