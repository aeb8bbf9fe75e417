#include "http_message.h"

#include <zlib.h>

#include <algorithm>
#include <array>

#include "readers_impl.h"
#include "../text/unicode.h"

namespace morgue {

namespace {

constexpr std::size_t kInflateChunk = std::size_t{64} << 10;
// A chunk size with more hex digits than this is no chunk size.
constexpr std::size_t kMaxChunkDigits = 15;

// zlib's stream, ended on every path.
class ZStream {
  public:
    explicit ZStream(int window_bits) { ok_ = inflateInit2(&z_, window_bits) == Z_OK; }
    ~ZStream() {
        if (ok_) {
            inflateEnd(&z_);
        }
    }
    ZStream(const ZStream&) = delete;
    ZStream& operator=(const ZStream&) = delete;
    bool ok() const { return ok_; }
    z_stream& get() { return z_; }

  private:
    z_stream z_{};
    bool ok_ = false;
};

// gzip members start 1f 8b; zlib streams with a deflate method byte whose pair of header
// bytes is a multiple of 31 (RFC 1950); anything else is tried as raw deflate, which servers
// that say "deflate" often send.
int window_bits_for(std::string_view data) {
    const auto b0 = data.size() > 0 ? static_cast<unsigned char>(data[0]) : 0U;
    const auto b1 = data.size() > 1 ? static_cast<unsigned char>(data[1]) : 0U;
    if (b0 == 0x1f && b1 == 0x8b) {
        return 16 + MAX_WBITS;
    }
    if ((b0 & 0x0f) == 8 && (b0 * 256 + b1) % 31 == 0) {
        return MAX_WBITS;
    }
    return -MAX_WBITS;
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

// "1c37", "1c37;name=value" -> 0x1c37; nullopt when the line is no chunk size.
std::optional<std::size_t> chunk_size(std::string_view line) {
    line = text::trim_ascii(line.substr(0, line.find(';')));
    if (line.empty() || line.size() > kMaxChunkDigits) {
        return std::nullopt;
    }
    std::size_t size = 0;
    for (const char c : line) {
        const int digit = hex_digit(c);
        if (digit < 0) {
            return std::nullopt;
        }
        size = size * 16 + static_cast<std::size_t>(digit);
    }
    return size;
}

// Applies the content coding to body (already de-chunked).
void decode_content(std::string_view body, std::string_view coding, std::size_t max_size,
                    DecodedBody& out) {
    const Inflated inflated = inflate_data(body, max_size);
    std::string problem;
    switch (inflated.status) {
        case InflateStatus::complete:
            out.data = inflated.data;
            return;
        case InflateStatus::not_compressed:
            // Some crawlers store the decoded payload and keep the header: read it as it is.
            out.data = std::string(body);
            return;
        case InflateStatus::too_large:
            problem = "the " + std::string(coding) + " content decompresses to more than " +
                      size_text(max_size) + "; record skipped";
            out.usable = false;
            break;
        case InflateStatus::truncated:
            out.data = inflated.data;
            out.usable = !out.data.empty();
            problem = "the " + std::string(coding) + " content is cut short or damaged; " +
                      (out.usable ? "the " + std::to_string(out.data.size()) +
                                        " bytes decoded before it are read"
                                  : std::string("nothing could be decoded; record skipped"));
            break;
    }
    out.problem += (out.problem.empty() ? "" : "; ") + problem;
}

}  // namespace

std::optional<HttpResponse> parse_http_response(std::string_view message) {
    if (message.substr(0, 5) != "HTTP/") {
        return std::nullopt;
    }
    const std::size_t line_end = std::min(message.find('\n'), message.size());
    const std::size_t space = message.find(' ');
    HttpResponse response;
    if (space >= line_end || line_end - space < 4) {
        return std::nullopt;
    }
    for (std::size_t i = space + 1; i < space + 4; ++i) {
        if (message[i] < '0' || message[i] > '9') {
            return std::nullopt;
        }
        response.status = response.status * 10 + (message[i] - '0');
    }
    // The header ends at the first empty line; a response without one is all header.
    std::size_t header_end = message.size();
    std::size_t body_start = message.size();
    for (std::size_t pos = line_end + 1; pos < message.size();) {
        const std::size_t nl = std::min(message.find('\n', pos), message.size());
        const std::string_view line = message.substr(pos, nl - pos);
        if (line.empty() || line == "\r") {
            header_end = pos;
            body_start = std::min(nl + 1, message.size());
            break;
        }
        pos = nl + 1;
    }
    const std::size_t headers_start = std::min(line_end + 1, message.size());
    response.headers = parse_headers(message.substr(headers_start, header_end - headers_start));
    response.body = message.substr(body_start);
    return response;
}

std::optional<std::string> decode_chunked(std::string_view body, bool* truncated) {
    std::string out;
    *truncated = false;
    std::size_t pos = 0;
    for (bool first = true;; first = false) {
        const std::size_t nl = body.find('\n', pos);
        const std::optional<std::size_t> size =
            nl == std::string_view::npos ? std::nullopt : chunk_size(body.substr(pos, nl - pos));
        if (!size) {
            if (first) {
                return std::nullopt;
            }
            *truncated = true;
            return out;
        }
        pos = nl + 1;
        if (*size == 0) {
            return out;  // trailers, if any, carry nothing we keep
        }
        if (*size > body.size() - pos) {
            out.append(body.substr(pos));
            *truncated = true;
            return out;
        }
        out.append(body.substr(pos, *size));
        pos += *size;
        pos += body.substr(pos, 2) == "\r\n" ? 2 : body.substr(pos, 1) == "\n" ? 1 : 0;
    }
}

Inflated inflate_data(std::string_view data, std::size_t max_size) {
    Inflated out;
    if (data.empty()) {
        return out;
    }
    ZStream stream(window_bits_for(data));
    if (!stream.ok()) {
        out.status = InflateStatus::not_compressed;
        return out;
    }
    z_stream& z = stream.get();
    // zlib's input pointer is not const-qualified; it never writes through it.
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    std::array<char, kInflateChunk> buffer{};
    for (;;) {
        z.next_out = reinterpret_cast<Bytef*>(buffer.data());
        z.avail_out = static_cast<uInt>(buffer.size());
        const int r = inflate(&z, Z_NO_FLUSH);
        out.data.append(buffer.data(), buffer.size() - z.avail_out);
        if (out.data.size() > max_size) {
            out.data.clear();
            out.status = InflateStatus::too_large;
            return out;
        }
        if (r == Z_STREAM_END) {
            return out;
        }
        if (r != Z_OK) {
            // Damage in the first bytes means the data was never compressed; later, it was
            // cut short (Z_BUF_ERROR: input ended) or corrupted on the way.
            out.status = r == Z_DATA_ERROR && out.data.empty() ? InflateStatus::not_compressed
                                                               : InflateStatus::truncated;
            return out;
        }
    }
}

DecodedBody decode_http_body(const HttpResponse& response, std::size_t max_size) {
    DecodedBody out;
    std::string_view body = response.body;
    std::string dechunked;
    if (text::ascii_lower(header_value(response.headers, "Transfer-Encoding")).find("chunked") !=
        std::string::npos) {
        bool truncated = false;
        std::optional<std::string> chunks = decode_chunked(body, &truncated);
        if (!chunks) {
            out.problem = "marked as chunked (Transfer-Encoding) but not chunked; read as it is";
        } else {
            dechunked = std::move(*chunks);
            body = dechunked;
            if (truncated) {
                out.problem = "the chunked body is cut short; the chunks before the cut are read";
            }
        }
    }
    const std::string coding =
        text::ascii_lower(text::trim_ascii(header_value(response.headers, "Content-Encoding")));
    if (coding.empty() || coding == "identity") {
        out.data = std::string(body);
    } else if (coding == "gzip" || coding == "x-gzip" || coding == "deflate") {
        decode_content(body, coding, max_size, out);
    } else {
        out.usable = false;
        out.problem += (out.problem.empty() ? "" : "; ") + std::string("content encoding \"") +
                       coding + "\" is not supported; record skipped";
    }
    return out;
}

}  // namespace morgue
