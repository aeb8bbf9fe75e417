#pragma once

#include <string>
#include <string_view>

namespace morgue {

/// The normalised form of a URL used as an article's id and url term: scheme and host
/// lower-cased, "http" read as "https", "www." dropped from the host, default port, fragment,
/// tracking parameters (utm_*, fbclid, gclid, ...) and a trailing '/' of a non-root path
/// dropped. "" when the text is not an absolute http(s) URL.
std::string normalise_url(std::string_view url);

/// The host of a URL, lower-cased, without "www." ("" when none).
std::string url_host(std::string_view url);

/// A publisher as a source value: a host loses "www." and any path; names are folded.
std::string normalise_source(std::string_view source);

/// The first 128 bits of data's SHA-256 as 32 lower-case hex digits (content ids, over-long
/// terms): stable across runs and machines.
std::string hex_digest(std::string_view data);

}  // namespace morgue
