#pragma once

// Bylines as pages write them ("By Jane Doe and John Roe", "Par Sébastien Farcis") turned
// into one name per author.

#include <string>
#include <string_view>
#include <vector>

namespace morgue::html {

/// Bylines longer than this are prose, not a list of names.
inline constexpr std::size_t kMaxBylineLength = 100;

/// The names in a byline: a leading "By", "Written by", "Von", "Par", "Por" is dropped, the
/// rest split at "and", "&", ";" and the "and" of a few other languages, and at commas when
/// every part has two or more words (so "Doe, John" stays one name). URLs, e-mail addresses
/// and over-long text give no name.
std::vector<std::string> split_byline(std::string_view byline);

/// Appends each name not already present in names.
void add_names(std::vector<std::string>& names, const std::vector<std::string>& more);

}  // namespace morgue::html
