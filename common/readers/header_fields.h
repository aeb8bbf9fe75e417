#pragma once

// Header blocks in the RFC 822 style ("Name: value" lines, folded continuation lines), as WARC
// records, HTTP responses and mail messages write them. Private to common/readers/.

#include <string>
#include <string_view>
#include <vector>

namespace morgue {

/// One "Name: value" line of a header block, continuation lines unfolded.
struct HeaderField {
    std::string name;
    std::string value;  ///< trimmed, folded lines joined with one space
};

using HeaderFields = std::vector<HeaderField>;

/// The fields of a header block (lines end in "\n" or "\r\n"). A line starting with a space
/// or a tab continues the previous field; a line without a ':' is ignored, as mail readers do.
HeaderFields parse_headers(std::string_view block);

/// The value of the first field called name (ASCII case-insensitively); empty when absent.
std::string_view header_value(const HeaderFields& fields, std::string_view name);

/// True when the block has a field called name.
bool has_header(const HeaderFields& fields, std::string_view name);

/// True when line is a header line: a field name (printable ASCII, no space or ':') then ':'.
bool is_header_line(std::string_view line);

/// The media type of a Content-Type value, lower-case, without parameters ("text/html").
std::string media_type(std::string_view content_type);

/// The value of a parameter of a Content-Type-like value ("charset", "boundary"), with its
/// quotes removed; empty when absent.
std::string header_parameter(std::string_view value, std::string_view name);

/// ASCII case-insensitive equality.
bool iequals(std::string_view a, std::string_view b);

/// ASCII case-insensitive prefix test.
bool istarts_with(std::string_view s, std::string_view prefix);

}  // namespace morgue
