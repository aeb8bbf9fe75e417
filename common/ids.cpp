#include "ids.h"

#include "text/unicode.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

namespace morgue {

namespace {

// Query parameters that say how a reader arrived, not what they read.
constexpr std::array<std::string_view, 12> kTrackingParameters = {
    "fbclid", "gclid",   "mc_cid", "mc_eid", "ocid", "cmpid",
    "ref",    "ref_src", "smid",   "taid",   "_ga",  "dclid",
};
constexpr std::string_view kHexDigits = "0123456789ABCDEF";

char ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), ascii_lower);
    return out;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    c = ascii_lower(c);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

// RFC 3986 unreserved characters: percent-encoding them changes nothing, so they are decoded.
bool is_unreserved(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

// Bytes that may not appear raw in a URL: controls, space, non-ASCII (IRIs) and the few
// delimiters RFC 3986 excludes.
bool must_encode(char c) {
    const auto b = static_cast<std::uint8_t>(c);
    return b <= 0x20 || b >= 0x7F ||
           std::string_view("\"<>\\^`{|}").find(c) != std::string_view::npos;
}

void append_escape(std::string& out, std::uint8_t b) {
    out += '%';
    out += kHexDigits[b >> 4];
    out += kHexDigits[b & 0x0F];
}

// One percent-encoding for equal URLs (RFC 3986 6.2.2): escapes upper-case, unreserved
// characters decoded, raw bytes that need it encoded.
std::string normalise_escapes(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const int hi = s[i] == '%' && i + 2 < s.size() ? hex_value(s[i + 1]) : -1;
        const int lo = hi >= 0 ? hex_value(s[i + 2]) : -1;
        if (lo >= 0) {
            const auto decoded = static_cast<char>(hi * 16 + lo);
            if (is_unreserved(decoded)) {
                out += decoded;
            } else {
                append_escape(out, static_cast<std::uint8_t>(hi * 16 + lo));
            }
            i += 2;
        } else if (must_encode(s[i]) || s[i] == '%') {
            append_escape(out, static_cast<std::uint8_t>(s[i]));
        } else {
            out += s[i];
        }
    }
    return out;
}

// RFC 3986 5.2.4: "/a/./b/../c" -> "/a/c".
std::string remove_dot_segments(std::string_view path) {
    std::vector<std::string_view> segments;
    std::size_t start = 1;
    while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        end = end == std::string_view::npos ? path.size() : end;
        const std::string_view segment = path.substr(start, end - start);
        if (segment == "..") {
            if (!segments.empty()) {
                segments.pop_back();
            }
        } else if (segment != ".") {
            segments.push_back(segment);
        }
        start = end + 1;
    }
    std::string out;
    for (const std::string_view segment : segments) {
        out += '/';
        out += segment;
    }
    return out.empty() ? "/" : out;
}

bool is_tracking_parameter(std::string_view parameter) {
    const std::string name = lower(parameter.substr(0, parameter.find('=')));
    return name.starts_with("utm_") ||
           std::find(kTrackingParameters.begin(), kTrackingParameters.end(), name) !=
               kTrackingParameters.end();
}

// The query without tracking and empty parameters, others in their order; "" when none remain.
std::string clean_query(std::string_view query) {
    std::string out;
    std::size_t start = 0;
    while (start <= query.size()) {
        std::size_t end = query.find('&', start);
        end = end == std::string_view::npos ? query.size() : end;
        const std::string_view parameter = query.substr(start, end - start);
        if (!parameter.empty() && !is_tracking_parameter(parameter)) {
            out += out.empty() ? "" : "&";
            out += normalise_escapes(parameter);
        }
        start = end + 1;
    }
    return out;
}

struct UrlParts {
    std::string_view scheme;
    std::string_view host;
    std::string_view port;
    std::string_view path;   // from '/' (or empty), without query and fragment
    std::string_view query;  // without '?'
};

// Splits "scheme://[userinfo@]host[:port][/path][?query][#fragment]"; the scheme is left empty
// when the text has no "scheme://" or no host.
UrlParts split_url(std::string_view url) {
    UrlParts parts;
    const std::size_t colon = url.find("://");
    if (colon == std::string_view::npos || colon == 0) {
        return parts;
    }
    std::string_view rest = url.substr(colon + 3);
    rest = rest.substr(0, rest.find('#'));
    const std::size_t authority_end = std::min(rest.find_first_of("/?"), rest.size());
    std::string_view authority = rest.substr(0, authority_end);
    rest.remove_prefix(authority_end);
    if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
        authority.remove_prefix(at + 1);  // credentials never identify an article
    }
    const std::size_t bracket = authority.rfind(']');
    const std::size_t port = authority.rfind(':');
    if (port != std::string_view::npos && (bracket == std::string_view::npos || port > bracket)) {
        parts.port = authority.substr(port + 1);
        authority = authority.substr(0, port);
    }
    parts.host = authority;
    const std::size_t question = rest.find('?');
    parts.path = rest.substr(0, question);
    parts.query = question == std::string_view::npos ? "" : rest.substr(question + 1);
    parts.scheme = parts.host.empty() ? "" : url.substr(0, colon);
    return parts;
}

// A registered name (letters, digits, "-._~", escapes, non-ASCII for IDNs) or a bracketed IP
// literal; anything else means the text was not a URL.
bool is_valid_host(std::string_view host) {
    if (host.starts_with('[')) {
        return host.size() > 2 && host.ends_with(']') &&
               host.substr(1, host.size() - 2).find_first_not_of("0123456789abcdefABCDEF:.") ==
                   std::string_view::npos;
    }
    return !host.empty() && std::all_of(host.begin(), host.end(), [](char c) {
        return is_unreserved(c) || c == '%' || static_cast<std::uint8_t>(c) >= 0x80;
    });
}

bool is_valid_port(std::string_view port) {
    return std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Host lower-cased, without "www." and a final '.'.
std::string normalise_host(std::string_view host) {
    std::string out = lower(host);
    while (out.ends_with('.')) {
        out.pop_back();
    }
    if (out.starts_with("www.")) {
        out.erase(0, 4);
    }
    return out;
}

// "nbcnews.com", "Reuters.co.uk/world": dot-separated labels of letters, digits and hyphens
// ending in an alphabetic top-level label, then perhaps a port or path. Not "U.S." or "3.5".
bool looks_like_host(std::string_view s) {
    s = s.substr(0, s.find_first_of("/:"));
    const std::size_t last_dot = s.rfind('.');
    if (last_dot == std::string_view::npos || s.front() == '.' ||
        s.find("..") != std::string_view::npos) {
        return false;
    }
    const bool host_chars = std::all_of(
        s.begin(), s.end(), [](char c) { return is_unreserved(c) && c != '_' && c != '~'; });
    const std::string_view tld = s.substr(last_dot + 1);
    return host_chars && tld.size() >= 2 && std::all_of(tld.begin(), tld.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
           });
}

// SHA-256 (FIPS 180-4): round constants, the first 32 bits of the fractional parts of the cube
// roots of the first 64 primes.
constexpr std::array<std::uint32_t, 64> kSha256Rounds = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};
// Initial hash value: the first 32 bits of the fractional parts of the square roots of the
// first 8 primes.
constexpr std::array<std::uint32_t, 8> kSha256Initial = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
};

using Sha256State = std::array<std::uint32_t, 8>;

constexpr std::uint32_t rotr(std::uint32_t x, int n) {
    return (x >> n) | (x << (32 - n));
}

// The message schedule W0..W63 of one 64-byte block (FIPS 180-4 6.2.2 step 1).
std::array<std::uint32_t, 64> message_schedule(const std::uint8_t* block) {
    std::array<std::uint32_t, 64> w{};
    for (std::size_t t = 0; t < 16; ++t) {
        w[t] = std::uint32_t{block[4 * t]} << 24 | std::uint32_t{block[4 * t + 1]} << 16 |
               std::uint32_t{block[4 * t + 2]} << 8 | std::uint32_t{block[4 * t + 3]};
    }
    for (std::size_t t = 16; t < 64; ++t) {
        const std::uint32_t s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3);
        const std::uint32_t s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10);
        w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    return w;
}

// FIPS 180-4 6.2.2 steps 2-4 over one block.
void compress(Sha256State& h, const std::uint8_t* block) {
    const std::array<std::uint32_t, 64> w = message_schedule(block);
    auto [a, b, c, d, e, f, g, hh] = h;
    for (std::size_t t = 0; t < 64; ++t) {
        const std::uint32_t s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
        const std::uint32_t choose = (e & f) ^ (~e & g);
        const std::uint32_t t1 = hh + s1 + choose + kSha256Rounds[t] + w[t];
        const std::uint32_t s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
        const std::uint32_t majority = (a & b) ^ (a & c) ^ (b & c);
        const std::uint32_t t2 = s0 + majority;
        hh = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    const Sha256State add = {a, b, c, d, e, f, g, hh};
    for (std::size_t i = 0; i < h.size(); ++i) {
        h[i] += add[i];
    }
}

// The padded tail (FIPS 180-4 5.1.1): the last partial block, 0x80, zeros, and the message
// length in bits as a big-endian 64-bit number; one or two blocks.
std::vector<std::uint8_t> final_blocks(std::string_view data) {
    const std::size_t tail = data.size() % 64;
    std::vector<std::uint8_t> out(data.end() - static_cast<std::ptrdiff_t>(tail), data.end());
    out.push_back(0x80);
    out.resize(tail < 56 ? 64 : 128, 0);
    const std::uint64_t bits = static_cast<std::uint64_t>(data.size()) * 8;
    for (std::size_t i = 0; i < 8; ++i) {
        out[out.size() - 1 - i] = static_cast<std::uint8_t>(bits >> (8 * i));
    }
    return out;
}

Sha256State sha256(std::string_view data) {
    Sha256State h = kSha256Initial;
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(data.data());
    const std::size_t whole = data.size() - data.size() % 64;
    for (std::size_t offset = 0; offset < whole; offset += 64) {
        compress(h, bytes + offset);
    }
    const std::vector<std::uint8_t> tail = final_blocks(data);
    for (std::size_t offset = 0; offset < tail.size(); offset += 64) {
        compress(h, tail.data() + offset);
    }
    return h;
}

std::string hex_words(const Sha256State& h, std::size_t words) {
    static constexpr std::string_view kLowerHex = "0123456789abcdef";
    std::string out;
    out.reserve(words * 8);
    for (std::size_t i = 0; i < words; ++i) {
        for (int shift = 28; shift >= 0; shift -= 4) {
            out += kLowerHex[(h[i] >> shift) & 0x0F];
        }
    }
    return out;
}

}  // namespace

std::string normalise_url(std::string_view url) {
    const UrlParts parts = split_url(text::trim(url));
    const std::string scheme = lower(parts.scheme);
    if ((scheme != "http" && scheme != "https") || !is_valid_host(parts.host) ||
        !is_valid_port(parts.port)) {
        return {};
    }
    const std::string host = normalise_host(parts.host);
    if (host.empty()) {
        return {};
    }
    std::string out = "https://" + host;
    if (!parts.port.empty() && parts.port != "80" && parts.port != "443") {
        out += ':';
        out += parts.port;
    }
    std::string path = remove_dot_segments(normalise_escapes(parts.path));
    while (path.size() > 1 && path.ends_with('/')) {
        path.pop_back();
    }
    out += path;
    if (const std::string query = clean_query(parts.query); !query.empty()) {
        out += '?';
        out += query;
    }
    return out;
}

std::string url_host(std::string_view url) {
    url = text::trim(url);
    // A scheme-relative "//host/path" names a host as well as a full URL does.
    const std::string with_scheme = url.starts_with("//") ? "x:" + std::string(url) : "";
    return normalise_host(split_url(with_scheme.empty() ? url : with_scheme).host);
}

std::string normalise_source(std::string_view source) {
    source = text::trim(source);
    if (source.find("://") != std::string_view::npos) {
        if (std::string host = url_host(source); !host.empty()) {
            return host;
        }
    }
    if (looks_like_host(source)) {
        return normalise_host(source.substr(0, source.find_first_of("/:")));
    }
    return text::fold_value(source);
}

std::string sha256_hex(std::string_view data) {
    return hex_words(sha256(data), 8);
}

std::string hex_digest(std::string_view data) {
    return hex_words(sha256(data), 4);
}

}  // namespace morgue
