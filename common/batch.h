#pragma once

#include <istream>
#include <ostream>

#include "searcher.h"

namespace morgue {

/// Runs `morgue-search --batch`: one query per line of in, either plain query text searched
/// with the command's options, or a JSON object of options ({"query": "...", "limit": 5,
/// "sort": "newest", "facet": "source", ...}, the names of the flags). Writes one JSON line per
/// query, with the database opened once; a bad line gives an error object for that line and
/// the batch goes on. Returns 0, or 3 when the database cannot be opened.
int run_batch(const SearchCommand& defaults, std::istream& in, std::ostream& out,
              std::ostream& err);

}  // namespace morgue
