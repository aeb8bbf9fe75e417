#pragma once

// Character sets of web pages: what a page or its HTTP response declares, and the page's
// bytes made UTF-8 (gumbo, like the rest of morgue, reads UTF-8 only).

#include <string>
#include <string_view>

namespace morgue::html {

/// How far declared_charset() looks for a <meta> declaration. The HTML5 prescan stops at 1024
/// bytes; real pages often put long scripts and styles first, so this goes further.
inline constexpr std::size_t kCharsetPrescanBytes = 16 * 1024;

/// The charset named by a Content-Type value ("text/html; charset=ISO-8859-1" ->
/// "iso-8859-1"); a bare name is returned lower-cased. "" when none is named.
std::string charset_from_content_type(std::string_view content_type);

/// The charset a page declares in its first bytes: a byte order mark (UTF-8, UTF-16), else
/// <meta charset=...> or <meta http-equiv="Content-Type" content="...; charset=...">,
/// lower-cased. "" when none.
std::string declared_charset(std::string_view bytes);

/// The name iconv knows for a charset label, following the WHATWG Encoding Standard's
/// aliases: "iso-8859-1", "latin1" and "us-ascii" are windows-1252 as browsers read them,
/// "gb2312" is GB18030, "shift_jis" is CP932 ... "" for utf-8 and for labels not known.
std::string iconv_name(std::string_view label);

/// A page's bytes as UTF-8 and how they were read.
struct DecodedPage {
    std::string text;
    std::string charset;  ///< the charset used ("utf-8", "windows-1252", "koi8-r" ...)
    std::string problem;  ///< a declaration that could not be honoured, for a diagnostic
};

/// Converts a page to UTF-8 with the charset declared outside it (http_charset, from a
/// Content-Type header; may be empty), else the one it declares itself. A declared charset
/// is converted with iconv; undeclared, unknown or UTF-8 pages go through text::to_utf8 (valid
/// UTF-8 stays, other bytes read as Windows-1252).
DecodedPage decode_page(std::string_view bytes, std::string_view http_charset);

}  // namespace morgue::html
