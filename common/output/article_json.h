#pragma once

#include <ostream>

#include "../article.h"

namespace morgue {

/// How many bytes of the body a --dry-run line shows (cut back to a UTF-8 boundary).
inline constexpr std::size_t kBodyStartBytes = 200;

/// Writes one JSON line for `morgue-index --dry-run`: the normalised article with the field names
/// of search hits, its origin, the body's length and its start (docs/output-formats.md).
void write_article_json(const Article& article, std::ostream& out);

}  // namespace morgue
