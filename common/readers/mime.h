#pragma once

// MIME (RFC 2045-2047) as far as reading the text of mail and news takes it: encoded header
// words, transfer encodings, multipart bodies and declared charsets. Private to
// common/readers/.

#include <cstddef>
#include <string>
#include <string_view>

#include "header_fields.h"

namespace morgue {

/// A message or body part: its header block (parsed) and its body.
struct MimeEntity {
    HeaderFields headers;
    std::string_view body;
};

/// Splits text at its first empty line into header block and body; text with no empty line
/// is all header, text whose first line is no header line (nor a continuation) all body.
MimeEntity split_entity(std::string_view text);

/// A header value as UTF-8: RFC 2047 encoded words ("=?utf-8?B?...?=", "=?iso-8859-1?Q?...?=")
/// decoded from their charset, the white space between two adjacent encoded words dropped,
/// other bytes kept as UTF-8 or read as Windows-1252.
std::string decode_header_text(std::string_view value);

/// Quoted-printable decoded: "=XX" escapes and soft line breaks ("=" at the end of a line);
/// in header mode (RFC 2047 "Q"), '_' is a space. A malformed escape is kept as written.
std::string decode_quoted_printable(std::string_view text, bool header_mode = false);

/// Base64 decoded; line breaks and other characters outside the alphabet are ignored, and
/// decoding stops at the padding.
std::string decode_base64(std::string_view text);

/// The readable text of a message: the first text/plain part that is not an attachment
/// (multipart parts searched depth first), else the first text/html part with its tags
/// stripped; transfer encoding undone and the declared charset honoured (undeclared 8-bit
/// text is read as UTF-8 or Windows-1252). Empty when the message holds no text part.
std::string message_text(const MimeEntity& message);

}  // namespace morgue
