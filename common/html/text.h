#pragma once

// The text of page elements, as content extraction measures it and as the body is written.

#include <cstddef>
#include <string>
#include <string_view>

#include "dom.h"

namespace morgue::html {

/// The element's text with white space runs made one space and trimmed (innerText as
/// Readability measures it).
std::string inner_text(const Node& node);

/// Length in code points, so that scripts of several bytes per letter weigh as Latin does.
std::size_t text_length(std::string_view utf8);

/// The number of commas in text, counting the commas of Arabic, Chinese and other scripts.
std::size_t count_commas(std::string_view utf8);

/// The share of the element's text that sits inside links (0 to 1); links to fragments of
/// the page ("#section-2") count 0.3, since tables of contents are part of a story.
double link_density(const Node& node);

/// True for elements that start a new paragraph when text is rendered (p, div, li, h1...).
bool is_block_tag(std::string_view tag);

/// The text below node as paragraphs separated by "\n\n": every block element starts a new
/// paragraph, <br> starts a new line, white space inside a line is made one space, <pre> keeps
/// its lines, and table cells of a row are joined by " | ".
std::string render_paragraphs(const Node& node);

/// A value from a meta tag or JSON-LD with HTML character references decoded once more
/// ("&amp;" and "&#8217;" survive in metadata that sites encode twice) and white space
/// collapsed.
std::string clean_value(std::string_view value);

}  // namespace morgue::html
