#include "search.h"

#include <algorithm>
#include <chrono>
#include <set>
#include <utility>

#include "errors.h"
#include "copies.h"
#include "facets.h"
#include "query.h"
#include "ranking.h"
#include "schema.h"
#include "search_snippet.h"
#include "stored_fields.h"
#include "text/language.h"

namespace morgue {

namespace {

/// Fewer matches than this, and the searcher looks for a spelling correction.
constexpr Xapian::doccount kSuggestBelow = 3;

/// Matches read at a time while walking them for --collapse.
constexpr Xapian::doccount kCollapseBatch = 100;

std::int64_t clock_now() {
    using namespace std::chrono;
    return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

dates::TimeZone zone_of(const std::string& name) {
    std::optional<dates::TimeZone> tz = dates::TimeZone::find(name);
    if (!tz) {
        throw UsageError("--tz " + name + ": unknown time zone");
    }
    return *tz;
}

/// --since and --until as one range (nullopt when neither is given).
std::optional<dates::DateRange> flag_range(const SearchRequest& request, const QueryContext& ctx) {
    if (request.since.empty() && request.until.empty()) {
        return std::nullopt;
    }
    dates::DateRange range;
    for (bool end : {false, true}) {
        const std::string& expr = end ? request.until : request.since;
        if (expr.empty()) {
            continue;
        }
        dates::RangeResult r = dates::parse_date_bound(expr, end, ctx.now, ctx.tz);
        if (!r.range) {
            throw QueryError(std::string(end ? "--until: " : "--since: ") + r.error);
        }
        (end ? range.to : range.from) = end ? r.range->to : r.range->from;
    }
    return range;
}

/// The effective date bounds shown in output: the narrower of the query's and the flags'.
void merge_dates(SearchResults& results, const std::optional<dates::DateRange>& a,
                 const std::optional<dates::DateRange>& b) {
    for (const auto* r : {&a, &b}) {
        if (!*r) {
            continue;
        }
        if ((*r)->from && (!results.date_from || *(*r)->from > *results.date_from)) {
            results.date_from = (*r)->from;
        }
        if ((*r)->to && (!results.date_to || *(*r)->to < *results.date_to)) {
            results.date_to = (*r)->to;
        }
    }
}

Xapian::Query language_filter(const std::vector<std::string>& langs) {
    std::vector<Xapian::Query> terms;
    for (const std::string& lang : langs) {
        terms.emplace_back(schema::boolean_term(schema::kLangPrefix,
                                                schema::normalise_value("lang", lang)));
    }
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

std::vector<std::string> normalised_languages(const std::vector<std::string>& langs) {
    std::vector<std::string> codes;
    for (const std::string& lang : langs) {
        codes.push_back(schema::normalise_value("lang", lang));
    }
    return codes;
}

}  // namespace

Searcher::Searcher(const std::vector<std::string>& databases, ShardOptions options)
    : shards_(databases, options) {
    use_shards();
}

void Searcher::open_shards() {
    shards_.reopen();
    use_shards();
}

void Searcher::use_shards() {
    db_ = shards_.database();
    languages_ = shards_.languages();
    remote_ = !shards_.remote_names().empty();
    parsers_.emplace(db_);
}

void Searcher::retrying(const std::string& what, const std::function<void()>& run) {
    for (int attempt = 1;; ++attempt) {
        try {
            if (attempt > 1) {
                // Opened afresh: reopen() opens the tables again only for a new revision
                // number, and a compacted copy swapped in since can have the same one.
                open_shards();
            }
            run();
            return;
        } catch (const Xapian::DatabaseModifiedError& e) {
            if (attempt == kReadAttempts) {
                throw DatabaseError("the database changed under " + std::to_string(attempt) +
                                    " attempts to " + what + " (" + e.get_msg() +
                                    "); try again when it is written less often");
            }
        } catch (const Xapian::DatabaseError& e) {
            if (attempt == kReadAttempts) {
                throw DatabaseError("cannot " + what + ": " + e.get_description());
            }
        } catch (const Xapian::NetworkError& e) {
            if (attempt == kReadAttempts) {
                throw DatabaseError("cannot " + what + ": " + e.get_description());
            }
            shards_.recover(e);  // throws for a shard lost, unless it may be left out
        }
    }
}

Hit Searcher::make_hit(const Match& match, std::size_t rank, std::size_t length) {
    Xapian::MSetIterator it = match.at();
    Article stored = decode_stored_fields(it.get_document().get_data());
    Hit hit;
    hit.rank = rank;
    hit.score = it.get_weight();
    hit.id = std::move(stored.id);
    hit.title = std::move(stored.title);
    hit.source = std::move(stored.source);
    hit.date = stored.date;
    hit.url = std::move(stored.url);
    hit.lang = std::move(stored.lang);
    hit.authors = std::move(stored.authors);
    hit.topics = std::move(stored.topics);
    hit.tags = std::move(stored.tags);
    hit.entities = std::move(stored.entities);
    hit.snippet = make_snippet(stored.body, snippet_matcher_,
                               snippet_stemmer(stemmers_.get(hit.lang), hit.lang), length);
    return hit;
}

SearchResults Searcher::search(const SearchRequest& request) {
    SearchResults results;
    retrying("search", [&] { results = search_once(request); });
    const std::vector<std::string>& notices = shards_.notices();
    results.warnings.insert(results.warnings.end(), notices.begin(), notices.end());
    return results;
}

Searcher::Prepared Searcher::prepare(const SearchRequest& request) const {
    QueryContext context;
    std::vector<std::string> query_langs = languages_in_query(request.query);
    context.languages = !query_langs.empty()    ? query_langs
                        : !request.langs.empty() ? normalised_languages(request.langs)
                                                 : languages_;
    context.languages_restricted = !request.langs.empty() || !query_langs.empty();
    context.tz = zone_of(request.tz);
    context.now = request.now.value_or(clock_now());
    context.match_all_words = request.match_all_words;
    context.wildcard_limit = request.wildcard_limit;
    ParsedQuery parsed = parsers_->parse(request.query, context);
    std::optional<dates::DateRange> flags = flag_range(request, context);
    Prepared prepared{parsed.query, context.languages, {}, context};
    if (flags) {
        prepared.query = Xapian::Query(Xapian::Query::OP_FILTER, prepared.query,
                                       date_filter(*flags));
    }
    if (!request.langs.empty()) {
        prepared.query = Xapian::Query(Xapian::Query::OP_FILTER, prepared.query,
                                       language_filter(request.langs));
    }
    // --duplicates and --like rank their own candidates; the query text only narrows them.
    if (!request.duplicates_of.empty()) {
        prepared.query = Xapian::Query(Xapian::Query::OP_FILTER,
                                       copies_query(request.duplicates_of), prepared.query);
    } else if (!request.like.empty()) {
        prepared.query = Xapian::Query(Xapian::Query::OP_FILTER, like_query(request.like),
                                       prepared.query);
    }
    SearchResults& header = prepared.header;
    header.query_text = request.query;
    header.parsed = prepared.query.get_description();
    header.offset = request.offset;
    header.sort = request.sort;
    header.warnings = std::move(parsed.warnings);
    merge_dates(header, parsed.date, flags);
    return prepared;
}

Xapian::Query Searcher::expand(Xapian::Enquire& enquire, const Xapian::Query& query) const {
    MatchReader reader(enquire, db_, SortOrder::relevance, remote_);
    Xapian::MSet counted;
    std::vector<Match> best = reader.start(0, kFeedbackArticles, 0, counted);
    Xapian::RSet feedback;
    if (!best.empty() && best.front().at().get_weight() > 0) {
        for (const Match& match : best) {
            feedback.add_document(*match.at());
        }
    }
    return expanded_query(enquire, query, feedback);
}

namespace {

/// The matches a search reads first: the page, or from the first match on for the features
/// that reorder or group matches.
std::pair<Xapian::doccount, Xapian::doccount> first_window(const SearchRequest& request) {
    auto offset = static_cast<Xapian::doccount>(request.offset);
    auto limit = static_cast<Xapian::doccount>(request.limit);
    if (request.collapse) {
        return {0, kCollapseBatch};
    }
    if (!request.recency.empty() && request.sort == SortOrder::relevance) {
        return {0, std::max(kRecencyDepth, offset + limit)};
    }
    return {offset, limit};
}

}  // namespace

SearchResults Searcher::search_once(const SearchRequest& request) {
    Prepared prepared = prepare(request);
    SearchResults results = std::move(prepared.header);
    try {
        Xapian::Enquire enquire(db_);
        enquire.set_query(prepared.query);
        enquire.set_weighting_scheme(relevance_weight());
        if (request.expand && request.sort == SortOrder::relevance) {
            enquire.set_query(expand(enquire, prepared.query));
        }
        snippet_matcher_ = SnippetMatcher(prepared.query);
        MatchReader reader(enquire, db_, request.sort, remote_);
        FacetCounter counter(request.facets, request.histogram);
        counter.attach(enquire);
        // Facets, timelines and exact totals must see every match, not only the page shown.
        bool exact = request.exact_total || counter.active();
        auto [first, count] = first_window(request);
        Xapian::MSet counted;
        std::vector<Match> matches =
            reader.start(first, count, exact ? db_.get_doccount() : 0, counted);
        results.total_estimate = counted.get_matches_estimated();
        results.total_exact =
            counted.get_matches_lower_bound() == counted.get_matches_upper_bound();
        if (counter.active()) {
            counter.collect(results, db_, counted.get_matches_estimated());
        }
        if (request.suggest && results.total_estimate < kSuggestBelow) {
            add_suggestion(request, results);
        }
        if (request.collapse) {
            add_stories(reader, std::move(matches), prepared.query, request, results);
        } else if (!request.recency.empty() && request.sort == SortOrder::relevance) {
            add_recent_hits(matches, request, results);
        } else {
            add_hits(matches, request, results);
        }
    } catch (const Xapian::DatabaseError&) {
        throw;  // search() reads again
    } catch (const Xapian::NetworkError&) {
        throw;  // search() finds the shard lost, or reconnects
    } catch (const Xapian::WildcardError& e) {
        throw QueryError("a wildcard matches more than " + std::to_string(request.wildcard_limit) +
                         " words (" + e.get_msg() + "); make its prefix longer");
    } catch (const Xapian::Error& e) {
        throw DatabaseError("search failed: " + e.get_description());
    }
    return results;
}

void Searcher::add_suggestion(const SearchRequest& request, SearchResults& results) const {
    std::string corrected = spelling_suggestion(request.query, db_);
    if (!corrected.empty() && corrected != request.query) {
        results.suggestion = corrected;
    }
    if (remote_) {
        std::string names;
        for (const std::string& name : shards_.remote_names()) {
            names += (names.empty() ? "" : ", ") + name;
        }
        results.warnings.push_back("\"did you mean\" leaves out the words of the remote shards (" +
                                   names + "): Xapian's remote backend serves no spelling data");
    }
}

void Searcher::add_hits(const std::vector<Match>& matches, const SearchRequest& request,
                        SearchResults& results) {
    for (std::size_t i = 0; i < matches.size(); ++i) {
        results.hits.push_back(
            make_hit(matches[i], request.offset + i + 1, request.snippet_length));
        if (request.sort != SortOrder::relevance) {
            results.hits.back().score = 0;
        }
    }
}

}  // namespace morgue
