// --recency: relevance blended with age, as a re-ranking of the best kRecencyDepth matches so
// that it needs no weighting class of its own (remote shards run only Xapian's).
#include <algorithm>
#include <chrono>
#include <cmath>

#include "dates.h"
#include "errors.h"
#include "schema.h"
#include "search.h"

namespace morgue {

namespace {

std::int64_t half_life_seconds(const SearchRequest& request, std::int64_t now) {
    dates::RangeResult bound = dates::parse_date_bound(request.recency, false, now,
                                                       dates::TimeZone());
    if (!bound.range || !bound.range->from || *bound.range->from >= now ||
        request.recency.find_first_not_of("0123456789") == 0) {
        std::string message = "--recency ";
        message += request.recency;
        message += ": expected a half-life such as 7d, 2w, 3m or 1y";
        throw QueryError(message);
    }
    return now - *bound.range->from;
}

}  // namespace

double recency_factor(std::optional<std::int64_t> date, std::int64_t now, std::int64_t half_life) {
    if (!date) {
        return 0.5;
    }
    double age = std::max<double>(0, static_cast<double>(now - *date));
    return 0.5 + 0.5 * std::exp2(-age / static_cast<double>(half_life));
}

void Searcher::add_recent_hits(const std::vector<Match>& matches, const SearchRequest& request,
                               SearchResults& results) {
    std::int64_t now = request.now.value_or(std::chrono::duration_cast<std::chrono::seconds>(
        std::chrono::system_clock::now().time_since_epoch()).count());
    std::int64_t half_life = half_life_seconds(request, now);
    std::vector<std::pair<double, const Match*>> ranked;
    for (const Match& match : matches) {
        Xapian::MSetIterator it = match.at();
        std::string value = it.get_document().get_value(schema::slot_number(schema::Slot::date));
        std::optional<std::int64_t> date;
        if (!value.empty()) {
            date = static_cast<std::int64_t>(Xapian::sortable_unserialise(value));
        }
        ranked.emplace_back(it.get_weight() * recency_factor(date, now, half_life), &match);
    }
    // Stable: equal blended scores keep the relevance order and its tie-breaks.
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t i = request.offset; i < ranked.size() && i < request.offset + request.limit;
         ++i) {
        Hit hit = make_hit(*ranked[i].second, i + 1, request.snippet_length);
        hit.score = ranked[i].first;
        results.hits.push_back(std::move(hit));
    }
}

}  // namespace morgue
