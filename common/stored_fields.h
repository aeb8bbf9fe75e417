#pragma once

#include <string>
#include <string_view>

#include "article.h"

namespace morgue {

/// The document data of an indexed article: a JSON object with the stored fields (id, title,
/// source, date as UTC seconds or null, url, lang, authors, body, origin), enough to print a
/// result without re-reading the source.
std::string encode_stored_fields(const Article& article);

/// The article back from its document data; fields missing from the data stay empty, and data
/// that is not a JSON object gives an empty article.
Article decode_stored_fields(std::string_view data);

}  // namespace morgue
