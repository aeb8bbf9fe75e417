#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

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
    /// The snippet as plain text, with each highlighted match between kMarkStart and kMarkEnd.
    std::string snippet;
};

/// Private markers around a highlighted match inside Hit::snippet; formatters render them.
inline constexpr char kMarkStart = '\x01';
inline constexpr char kMarkEnd = '\x02';

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
    std::vector<std::string> warnings;  ///< lenient readings, printed on stderr
};

}  // namespace morgue
