// Searcher::explain and Searcher::stats: describing a query and a database rather than
// running a search.
#include <filesystem>
#include <set>

#include "errors.h"
#include "schema.h"
#include "search.h"
#include "text/language.h"

namespace morgue {

namespace {

std::uint64_t size_on_disk(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(path, ec)) {
        return std::filesystem::file_size(path, ec);  // a single-file database
    }
    std::uint64_t total = 0;
    for (std::filesystem::recursive_directory_iterator it(path, ec), end; !ec && it != end;
         it.increment(ec)) {
        if (it->is_regular_file(ec)) {
            total += it->file_size(ec);
        }
    }
    return total;
}

std::vector<FacetValue> largest_sources(const Xapian::Database& db, std::size_t limit) {
    Xapian::Enquire all(db);
    all.set_query(Xapian::Query::MatchAll);
    Xapian::ValueCountMatchSpy sources(schema::slot_number(schema::Slot::source));
    all.add_matchspy(&sources);
    all.get_mset(0, 0, db.get_doccount());
    std::vector<FacetValue> top;
    for (Xapian::TermIterator it = sources.top_values_begin(limit);
         it != sources.top_values_end(limit); ++it) {
        top.push_back(FacetValue{*it, it.get_termfreq()});
    }
    return top;
}

std::optional<std::int64_t> date_bound(const std::string& serialised) {
    if (serialised.empty()) {
        return std::nullopt;
    }
    return static_cast<std::int64_t>(Xapian::sortable_unserialise(serialised));
}

}  // namespace

Explanation Searcher::explain(const SearchRequest& request) {
    Prepared prepared;
    retrying("read the query", [&] { prepared = prepare(request); });
    Explanation explanation;
    explanation.query_text = request.query;
    explanation.parsed = prepared.header.parsed;
    for (const std::string& lang : prepared.languages) {
        std::string algorithm = text::snowball_algorithm(lang);
        explanation.stemmers.emplace_back(lang, algorithm.empty() ? "none" : algorithm);
    }
    explanation.date_from = prepared.header.date_from;
    explanation.date_to = prepared.header.date_to;
    explanation.sort = request.sort;
    explanation.match_all_words = request.match_all_words;
    explanation.collapse = request.collapse;
    explanation.recency = request.recency;
    explanation.warnings = std::move(prepared.header.warnings);
    const std::vector<std::string>& notices = shards_.notices();
    explanation.warnings.insert(explanation.warnings.end(), notices.begin(), notices.end());
    return explanation;
}

DatabaseStats Searcher::stats() {
    DatabaseStats stats;
    retrying("describe the database", [&] {
        stats = DatabaseStats{};
        stats.paths = shards_.names();
        stats.documents = db_.get_doccount();
        stats.schema_version = shards_.schema_version();
        auto date = schema::slot_number(schema::Slot::date);
        stats.first_date = date_bound(db_.get_value_lower_bound(date));
        stats.last_date = date_bound(db_.get_value_upper_bound(date));
        stats.undated = stats.documents - db_.get_value_freq(date);
        stats.languages = languages_;
        stats.top_sources = largest_sources(db_, 10);
        for (const std::string& path : shards_.local_paths()) {
            stats.size_bytes += size_on_disk(path);
        }
    });
    stats.warnings = shards_.notices();
    std::string remote;
    for (const std::string& name : shards_.remote_names()) {
        remote += (remote.empty() ? "the remote shards (" : ", ") + name;
    }
    if (!remote.empty()) {
        remote += ")";
        stats.warnings.push_back("the size on disk counts the local shards only: that of " +
                                 remote + " is not known here");
    }
    return stats;
}

}  // namespace morgue
