#pragma once

#include <string>
#include <string_view>

namespace morgue {

/// The normalised form of a URL used as an article's id and url term: scheme and host
/// lower-cased, "http" read as "https", "www." dropped from the host, default port, fragment,
/// tracking parameters (utm_*, fbclid, gclid, ...) and a trailing '/' of a non-root path
/// dropped. Also as RFC 3986 section 6 normalises: percent-escapes upper-case, unreserved
/// characters decoded, spaces and non-ASCII bytes encoded, "." and ".." segments resolved;
/// credentials dropped, an empty path made "/", path case and parameter order kept.
/// "http://WWW.Example.com:80/a/b/?utm_source=x#frag" -> "https://example.com/a/b".
/// "" when the text is not an absolute http(s) URL.
std::string normalise_url(std::string_view url);

/// The host of a URL, lower-cased, without "www." ("" when none).
std::string url_host(std::string_view url);

/// A publisher as a source value: a host loses "www." and any path; names are folded.
std::string normalise_source(std::string_view source);

/// The first 128 bits of data's SHA-256 as 32 lower-case hex digits (content ids, over-long
/// terms): stable across runs and machines.
std::string hex_digest(std::string_view data);

/// data's SHA-256 (FIPS 180-4) as 64 lower-case hex digits.
std::string sha256_hex(std::string_view data);

}  // namespace morgue
