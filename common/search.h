#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "databases.h"
#include "query.h"
#include "match_reader.h"
#include "ranking.h"
#include "search_types.h"
#include "search_snippet.h"
#include "search_stems.h"

namespace morgue {

/// One search, as a command line or a batch line asks for it.
struct SearchRequest {
    std::string query;
    std::size_t limit = 10;
    std::size_t offset = 0;
    SortOrder sort = SortOrder::relevance;
    std::string since;                ///< --since, a date expression; empty for none
    std::string until;                ///< --until
    std::string tz = "UTC";           ///< zone of zone-less dates and calendar periods
    std::vector<std::string> langs;   ///< --lang: only these languages (filter and stemming)
    bool match_all_words = false;     ///< --all: every word must match
    Xapian::termcount wildcard_limit = 1000;
    std::optional<std::int64_t> now;  ///< UTC seconds for relative dates (default: the clock)
    std::size_t snippet_length = 240;
    std::vector<FacetSpec> facets;    ///< --facet: count these over every match
    std::optional<Period> histogram;  ///< --histogram: matches per period
    bool exact_total = false;         ///< count every match (--count); facets imply it
    bool collapse = false;            ///< --collapse: each story once, with its copies
    std::string duplicates_of;        ///< --duplicates ID: the copies of one article
    std::string like;                 ///< --like ID: articles similar to one
    std::string recency;              ///< --recency HALFLIFE ("30d", "2w"): favour recent articles
    bool suggest = true;              ///< "did you mean" when the query finds little
    bool expand = false;              ///< --expand: reorder by the words of the best matches
};

/// The factor --recency gives an article's relevance: 0.5 + 0.5 * 2^(-age / half_life), from
/// 1 for an article of now down to 0.5 for a very old one; 0.5 for an undated one.
double recency_factor(std::optional<std::int64_t> date, std::int64_t now, std::int64_t half_life);

/// The read side of one or more databases (shards), opened once and searched many times:
/// the only user of Enquire.
class Searcher {
  public:
    /// Opens the databases (databases.h). Throws UsageError for a malformed tcp:// address,
    /// DatabaseError when a shard cannot be searched (see ShardOptions::partial).
    explicit Searcher(const std::vector<std::string>& databases, ShardOptions options = {});
    /// Runs one search. Throws QueryError for a query it will not guess at, DatabaseError when
    /// the database fails while reading or a shard is lost (see ShardOptions::partial).
    SearchResults search(const SearchRequest& request);

    /// How the request's query is read, without running it (--explain).
    Explanation explain(const SearchRequest& request);
    /// What the databases hold (--stats).
    DatabaseStats stats();

  private:
    /// A request's query, ready to run, and what the output says about it.
    struct Prepared {
        Xapian::Query query;
        std::vector<std::string> languages;  ///< the stemming languages used
        SearchResults header;                ///< everything but counts and hits
        QueryContext context;                ///< how the query text was read
    };
    /// Runs run, again on the shards opened afresh when a writer changed one meanwhile or a
    /// remote shard failed (leaving it out under partial). Throws DatabaseError naming what.
    void retrying(const std::string& what, const std::function<void()>& run);
    /// Opens the shards again, then use_shards().
    void open_shards();
    /// Takes db_, languages_ and the query parsers from the shards open.
    void use_shards();
    Prepared prepare(const SearchRequest& request) const;
    SearchResults search_once(const SearchRequest& request);
    Xapian::docid find_article(const std::string& id) const;
    Xapian::Query copies_query(const std::string& id) const;
    Xapian::Query like_query(const std::string& id) const;
    Xapian::Query expand(Xapian::Enquire& enquire, const Xapian::Query& query) const;
    void add_suggestion(const SearchRequest& request, SearchResults& results) const;
    void add_hits(const std::vector<Match>& matches, const SearchRequest& request,
                  SearchResults& results);
    void add_recent_hits(const std::vector<Match>& matches, const SearchRequest& request,
                         SearchResults& results);
    void add_stories(MatchReader& reader, std::vector<Match> matches, const Xapian::Query& query,
                     const SearchRequest& request, SearchResults& results);
    /// The hit of a match, ranked rank (1 for the first match of all).
    Hit make_hit(const Match& match, std::size_t rank, std::size_t length);

    ShardSet shards_;
    Xapian::Database db_;
    std::vector<std::string> languages_;
    bool remote_ = false;  ///< a shard is remote: stock sorts, no spelling data from it
    SearchStemmers stemmers_;
    SnippetMatcher snippet_matcher_;  ///< of the query being run, for make_hit
    /// Made once the shards are open; a cache, so filled even by the const prepare().
    mutable std::optional<QueryParsers> parsers_;
};

/// How many of the best matches --recency re-ranks: a recent article below this depth by
/// relevance alone is not brought up.
inline constexpr Xapian::doccount kRecencyDepth = 200;

}  // namespace morgue
