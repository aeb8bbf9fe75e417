#pragma once

// HTTP responses as web archives store them: status line, headers, then the body as it went
// over the wire (chunked, gzip- or deflate-compressed). Private to common/readers/.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "header_fields.h"

namespace morgue {

/// An HTTP response split into its parts; body points into the message.
struct HttpResponse {
    int status = 0;
    HeaderFields headers;
    std::string_view body;
};

/// The parts of an HTTP response message; nullopt when it does not start with a status line
/// ("HTTP/1.1 200 OK") or its header never ends.
std::optional<HttpResponse> parse_http_response(std::string_view message);

/// A response body with its transfer and content codings removed.
struct DecodedBody {
    std::string data;
    bool usable = true;   ///< false when nothing readable came out (data is then empty)
    std::string problem;  ///< what went wrong, for a message; empty when all went well
};

/// The body of a response as its sender meant it: chunked transfer coding undone, then gzip
/// or deflate content coding (zlib). A body marked chunked that is not is read as it is; a
/// compressed body cut short gives what could be decoded, with a problem; a body that
/// decompresses past max_size, or an unknown coding (br, compress), is unusable.
DecodedBody decode_http_body(const HttpResponse& response, std::size_t max_size);

/// The chunks of a chunked body joined; nullopt when body does not start with a chunk size.
/// A body cut short gives the chunks received, with *truncated set.
std::optional<std::string> decode_chunked(std::string_view body, bool* truncated);

/// How inflate_data() ended.
enum class InflateStatus {
    complete,
    truncated,       ///< the stream was cut short or damaged: data holds what came before
    not_compressed,  ///< the first bytes are not compressed data
    too_large,       ///< it decompresses past the limit
};

/// Inflated data and how it ended.
struct Inflated {
    std::string data;
    InflateStatus status = InflateStatus::complete;
};

/// data inflated with zlib (gzip, zlib or raw deflate, told apart by their headers), at most
/// max_size bytes.
Inflated inflate_data(std::string_view data, std::size_t max_size);

}  // namespace morgue
