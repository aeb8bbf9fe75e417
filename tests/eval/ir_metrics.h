#pragma once

#include <set>
#include <string>
#include <vector>

#include "ir_collection.h"

namespace ir {

/// Documents ranked for one query, best first.
using Ranking = std::vector<std::string>;

/// The mean scores of one system on one collection.
struct Scores {
    double map = 0;   ///< mean average precision over the first 100 results
    double p10 = 0;   ///< mean precision of the first 10
    double ndcg = 0;  ///< mean nDCG of the first 10, relevance binary
    int queries = 0;  ///< queries with at least one relevant document (the others are left out)
};

/// Average precision over the first `depth` results, divided by every relevant document.
double average_precision(const Ranking& ranking, const std::set<std::string>& relevant,
                         std::size_t depth = 100);

/// The share of the first `depth` results that are relevant.
double precision_at(const Ranking& ranking, const std::set<std::string>& relevant,
                    std::size_t depth = 10);

/// Normalised discounted cumulative gain of the first `depth` results (gain 1 per relevant).
double ndcg_at(const Ranking& ranking, const std::set<std::string>& relevant,
               std::size_t depth = 10);

/// The means over the judged queries; rankings[i] answers query i + 1.
Scores score(const std::vector<Ranking>& rankings, const Judgements& relevant);

}  // namespace ir
