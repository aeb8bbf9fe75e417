#include "ir_metrics.h"

#include <algorithm>
#include <cmath>

namespace ir {

double average_precision(const Ranking& ranking, const std::set<std::string>& relevant,
                         std::size_t depth) {
    if (relevant.empty()) {
        return 0;
    }
    double sum = 0;
    int found = 0;
    for (std::size_t i = 0; i < ranking.size() && i < depth; ++i) {
        if (relevant.count(ranking[i]) > 0) {
            ++found;
            sum += static_cast<double>(found) / static_cast<double>(i + 1);
        }
    }
    return sum / static_cast<double>(relevant.size());
}

double precision_at(const Ranking& ranking, const std::set<std::string>& relevant,
                    std::size_t depth) {
    std::size_t found = 0;
    for (std::size_t i = 0; i < ranking.size() && i < depth; ++i) {
        found += relevant.count(ranking[i]);
    }
    return static_cast<double>(found) / static_cast<double>(depth);
}

double ndcg_at(const Ranking& ranking, const std::set<std::string>& relevant, std::size_t depth) {
    double dcg = 0;
    for (std::size_t i = 0; i < ranking.size() && i < depth; ++i) {
        if (relevant.count(ranking[i]) > 0) {
            dcg += 1 / std::log2(static_cast<double>(i) + 2);
        }
    }
    double ideal = 0;
    for (std::size_t i = 0; i < relevant.size() && i < depth; ++i) {
        ideal += 1 / std::log2(static_cast<double>(i) + 2);
    }
    return ideal == 0 ? 0 : dcg / ideal;
}

Scores score(const std::vector<Ranking>& rankings, const Judgements& relevant) {
    Scores scores;
    for (const auto& [query, docs] : relevant) {
        if (query < 1 || static_cast<std::size_t>(query) > rankings.size() || docs.empty()) {
            continue;
        }
        const Ranking& ranking = rankings[static_cast<std::size_t>(query) - 1];
        scores.map += average_precision(ranking, docs);
        scores.p10 += precision_at(ranking, docs);
        scores.ndcg += ndcg_at(ranking, docs);
        ++scores.queries;
    }
    if (scores.queries > 0) {
        scores.map /= scores.queries;
        scores.p10 /= scores.queries;
        scores.ndcg /= scores.queries;
    }
    return scores;
}

}  // namespace ir
