#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "entities/entity.h"

namespace morgue {

enum class SortOrder { relevance, newest, oldest };

/// One hit as the formatters print it.
struct Hit {
    std::size_t rank = 0;  ///< 1-based, counting from the first result of the whole match set
    std::string id;
    double score = 0;      ///< ranking weight (relevance sort only; 0 otherwise)
    std::string title;
    std::string source;
    std::optional<std::int64_t> date;  ///< UTC seconds; nullopt for undated
    std::string url;
    std::string lang;
    std::vector<std::string> authors;
    /// With --collapse: the other copies of this story among the matches.
    struct Copies {
        std::vector<std::string> ids;
        std::vector<std::string> sources;  ///< each source once, in order of the ids
    };
    std::optional<Copies> copies;
    std::vector<std::string> topics;
    std::vector<std::string> tags;
    std::vector<Entity> entities;  ///< canonical names only (no mentions)
    /// The snippet as plain text, with each highlighted match between kMarkStart and kMarkEnd.
    std::string snippet;
};

/// Private markers around a highlighted match inside Hit::snippet; formatters render them.
inline constexpr char kMarkStart = '\x01';
inline constexpr char kMarkEnd = '\x02';

/// The fields a facet can count (--facet).
enum class FacetField { source, lang, topic, tag, person, org, place };

/// One facet asked for: a field and how many values to show.
struct FacetSpec {
    FacetField field = FacetField::source;
    std::size_t limit = 10;
};

/// A value of a facet and the number of matching documents that have it.
struct FacetValue {
    std::string value;
    std::uint64_t count = 0;
};

/// The counts of one facet over all matching documents, most frequent first.
struct Facet {
    FacetField field = FacetField::source;
    std::vector<FacetValue> values;
    bool exact = true;
    std::string note;  ///< why counts are estimates, when they are
};

/// Timeline periods (--histogram).
enum class Period { day, week, month, year };

/// One period of a timeline: matches in it, and their share of all archive articles in it.
struct Bucket {
    std::string period;  ///< "2022-02-21", "2022-W08", "2022-02", "2022", or "undated"
    std::uint64_t count = 0;
    std::optional<double> share;  ///< count / archive articles of the period; none for undated
};

/// What a search found, with what the formatters need to describe the query.
struct SearchResults {
    std::string query_text;    ///< the query as given
    std::string parsed;        ///< Xapian's description of the parsed query
    std::optional<std::int64_t> date_from;  ///< the effective date filter, UTC seconds
    std::optional<std::int64_t> date_to;
    std::size_t total_estimate = 0;
    bool total_exact = false;
    std::size_t offset = 0;
    SortOrder sort = SortOrder::relevance;
    std::vector<Hit> hits;
    std::vector<Facet> facets;          ///< as asked for with --facet, in that order
    std::optional<Period> histogram;    ///< the period of the timeline, when asked for
    std::vector<Bucket> buckets;        ///< the timeline, oldest first, "undated" last
    std::string suggestion;             ///< "did you mean": a corrected query, or ""
    std::vector<std::string> warnings;  ///< lenient readings, printed on stderr
};

/// How a query is read (--explain): everything that decides what it matches and in which order.
struct Explanation {
    std::string query_text;
    std::string parsed;  ///< Xapian's description of the query that runs
    /// The stemming languages and their Snowball algorithms ("none" when there is none).
    std::vector<std::pair<std::string, std::string>> stemmers;
    std::optional<std::int64_t> date_from;  ///< UTC seconds
    std::optional<std::int64_t> date_to;
    SortOrder sort = SortOrder::relevance;
    bool match_all_words = false;  ///< AND rather than OR between words
    bool collapse = false;         ///< each story once (--collapse)
    std::string recency;           ///< the --recency half-life, "" when off
    std::vector<std::string> warnings;
};

/// What a database holds (--stats).
struct DatabaseStats {
    std::vector<std::string> paths;  ///< the shards, as shard_addresses() names them
    std::uint64_t documents = 0;
    int schema_version = 0;
    std::optional<std::int64_t> first_date;  ///< UTC seconds of the oldest dated article
    std::optional<std::int64_t> last_date;
    std::uint64_t undated = 0;
    std::vector<std::string> languages;
    std::vector<FacetValue> top_sources;  ///< the ten largest
    std::uint64_t size_bytes = 0;         ///< on disk, all local shards
    std::vector<std::string> warnings;    ///< shards left out, sizes not known
};

/// "source", "lang", "topic", "tag", "person", "org", "place".
std::string_view facet_field_name(FacetField field);
std::optional<FacetField> facet_field_from_name(std::string_view name);
/// "relevance", "newest", "oldest".
std::string_view sort_order_name(SortOrder sort);
std::optional<SortOrder> sort_order_from_name(std::string_view name);

/// "source,person:5,place": facets with their limits (10 when not given); nullopt with *error
/// set for an unknown field or a bad limit.
std::optional<std::vector<FacetSpec>> parse_facet_list(std::string_view text, std::string* error);
/// "day", "week", "month", "year".
std::string_view period_name(Period period);
std::optional<Period> period_from_name(std::string_view name);

}  // namespace morgue
