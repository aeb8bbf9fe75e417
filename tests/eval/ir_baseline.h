#pragma once

#include <string>
#include <vector>

#include "ir_collection.h"
#include "ir_metrics.h"

namespace ir {

/// What a Xapian user gets by default, with libxapian alone: each document's title and text
/// indexed by a TermGenerator with the English stemmer (STEM_SOME), into a new database at
/// db_path; each query read by a QueryParser with the English stemmer, STEM_SOME and its
/// default operator (OR), and ranked by BM25 with its default parameters. Returns the first
/// `depth` document numbers of each query, in query order.
std::vector<Ranking> baseline_rankings(const Collection& collection, const std::string& db_path,
                                       std::size_t depth);

}  // namespace ir
