#pragma once

// Finding the story in a page: paragraph scoring in the manner of Mozilla Readability (see
// docs/html-extraction.md for the method and the reasons behind its numbers).

#include <cstddef>
#include <string>
#include <string_view>

#include "dom.h"

namespace morgue::html {

/// An extraction that finds less text than this tries again with fewer judgements in force.
inline constexpr std::size_t kMinArticleChars = 500;

/// The story of a page.
struct ExtractedContent {
    /// The story's text: paragraphs separated by "\n\n"; empty when the page holds none.
    std::string text;
    /// The text of the first byline-like element (rel=author, itemprop=author, class or id
    /// "byline", "author" ...) of under 100 characters; it is left out of text.
    std::string byline;
};

/// Extracts the story from a parsed page (root is left unchanged). title, when known, lets
/// a heading that repeats it be left out of the text.
ExtractedContent extract_content(const Node& root, std::string_view title);

}  // namespace morgue::html
