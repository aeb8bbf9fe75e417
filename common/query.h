#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "dates.h"

namespace morgue {

/// What a query is read against.
struct QueryContext {
    std::vector<std::string> languages;  ///< ISO 639-1 codes to stem with (all present in the db)
    bool languages_restricted = false;   ///< languages named by --lang or lang:, not all the db
    dates::TimeZone tz;                  ///< for dates in the query
    std::int64_t now = 0;                ///< UTC seconds, for relative dates
    bool match_all_words = false;        ///< AND instead of the default OR
    Xapian::termcount wildcard_limit = 1000;
};

/// A query as morgue will run it.
struct ParsedQuery {
    Xapian::Query query;
    std::optional<dates::DateRange> date;  ///< the date: filter, when the query has one
    std::vector<std::string> warnings;      ///< lenient readings (unbalanced quotes, ...)
};

struct DateState;

/// The query parsers of one database, one per stemming language, kept from query to query:
/// setting a parser up (fields, stemmer, stopwords) costs more than the parse itself. Reads
/// queries as parse_query does. The database must not change meanwhile (the counts of its
/// language terms are kept too). Not thread-safe.
class QueryParsers {
  public:
    explicit QueryParsers(Xapian::Database db);
    ~QueryParsers();
    QueryParsers(QueryParsers&&) noexcept;
    /// parse_query(text, db, context) with the parsers kept here.
    ParsedQuery parse(std::string_view text, const QueryContext& context);

  private:
    Xapian::QueryParser& parser_for(const std::string& lang);

    Xapian::Database db_;
    std::unique_ptr<DateState> dates_;  ///< held apart: the parsers' date fields point to it
    std::map<std::string, Xapian::QueryParser> parsers_;
    std::map<std::string, Xapian::doccount> termfreqs_;  ///< of language terms, once asked
};

/// Reads a user's query: free text (OR of the words by default, stopwords of questions
/// dropped, BM25-ranked), phrases, AND/OR/NOT/NEAR, trailing wildcards, the schema's fields and
/// date ranges. Documents of each language of the context read the text with that language's
/// stemmer and stopwords; documents without a language read it unstemmed. An empty query or "*" matches everything. Throws QueryError for a
/// query it will not guess at (unknown field, malformed date, wildcard past the limit).
ParsedQuery parse_query(std::string_view text, const Xapian::Database& db,
                        const QueryContext& context);

/// The query with misspelt words replaced by the archive's own words (Xapian's spelling data,
/// built at index time), or "" when there is nothing to correct or no spelling data.
std::string spelling_suggestion(std::string_view text, const Xapian::Database& db);

/// A filter matching the documents dated within range (open ends allowed).
Xapian::Query date_filter(const dates::DateRange& range);

/// The ISO codes named by lang: filters in the query text (to stem only with those).
std::vector<std::string> languages_in_query(std::string_view text);

}  // namespace morgue
