#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xapian.h>

namespace morgue {

/// The words of a query to look for in a body, lower-case and unprefixed: its free-text terms
/// and the stems of its stemmed terms (field terms are left out: they are not in the body).
std::vector<std::string> snippet_needles(const Xapian::Query& query);

/// [begin, end) of the part of body a snippet of `length` bytes is made from: from the word
/// holding the first needle that begins a word (or the start of the body) to two snippet
/// lengths further. Cuts fall after ASCII white space only, so words are never split; bodies
/// of up to three lengths are taken whole.
std::pair<std::size_t, std::size_t> snippet_window(std::string_view body,
                                                   const std::vector<std::string>& needles,
                                                   std::size_t length);

/// Xapian's snippet (matches between start and end markers, "…" where text is left out),
/// without its background model, made from the window of the body rather than from all of it:
/// stemming a whole article word by word and looking up each word's frequency cost many times
/// the search itself. The snippet shows the first match, even deep in a long article.
std::string window_snippet(const Xapian::MSet& mset, const std::string& body,
                           const std::vector<std::string>& needles, std::size_t length,
                           const Xapian::Stem& stemmer);

}  // namespace morgue
