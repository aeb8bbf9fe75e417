#pragma once

// One attempt at finding the story's container: paragraphs are scored, their scores flow to
// their ancestors, the best ancestor is chosen and joined by the siblings that look like more
// of the story. Private to common/html/ (content.h is the public face).

#include <memory>
#include <string>
#include <string_view>

#include "cleanup.h"
#include "dom.h"

namespace morgue::html {

/// True for text and for the elements that flow inside a paragraph (span, a, em, img ...).
bool is_phrasing(const Node& node);

/// True for white-space text and <br>.
bool is_whitespace(const Node& node);

/// The story's container, built from page (which this rewrites: pass a copy). Along the way
/// removes the first byline-like element and stores its text in byline, and removes the
/// first h1/h2 that repeats title.
std::unique_ptr<Node> grab_article(Node& page, const ExtractionFlags& flags, std::string_view title,
                                   std::string& byline);

}  // namespace morgue::html
