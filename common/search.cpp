#include "search.h"

#include <chrono>
#include <set>
#include <sstream>

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

/// Date, then id: undated articles last in both directions (they have no date value, and the
/// key maker gives them a key above every date when sorting oldest first), and equal dates in
/// id order, so that the same query on the same database always gives the same order.
Xapian::KeyMaker* date_then_id_key(bool newest_first) {
    auto* keys = new Xapian::MultiValueKeyMaker();
    keys->add_value(schema::slot_number(schema::Slot::date), newest_first,
                    newest_first ? std::string() : std::string(16, '\xff'));
    keys->add_value(schema::slot_number(schema::Slot::id));
    return keys->release();
}

/// Relevance, with ties broken by date (newest first) then id; or date order, then id.
void set_order(Xapian::Enquire& enquire, SortOrder sort) {
    if (sort == SortOrder::relevance) {
        enquire.set_sort_by_relevance_then_key(date_then_id_key(true), false);
    } else {
        enquire.set_sort_by_key(date_then_id_key(sort == SortOrder::newest), false);
    }
}

void check_shard(const std::string& path, const Xapian::Database& shard) {
    std::string version = shard.get_metadata(std::string(schema::kSchemaVersionKey));
    if (version.empty() && shard.get_doccount() == 0) {
        return;  // created by a morgue-index that has committed nothing yet: empty, not foreign
    }
    if (version.empty()) {
        throw DatabaseError("'" + path + "' is not a morgue database (no schema version)");
    }
    schema::check_schema_version(path, version, "morgue-search");
}

/// Reads of a database that a writer changes meanwhile, at most. A commit can discard the
/// revision a slow reader is on (Xapian keeps only the one before it): DatabaseModifiedError.
/// A reader that opens the database just as a compacted copy is swapped in (compaction.h) can
/// get tables of both, which look corrupt or fail to open together. Either way the reader
/// starts again from the newest revision; a database really broken fails every attempt.
constexpr int kReadAttempts = 5;

/// Opens a shard and reads its languages (into languages), from one revision.
Xapian::Database open_shard_once(const std::string& path, std::string& languages) {
    Xapian::Database shard(path);
    check_shard(path, shard);
    languages = shard.get_metadata(std::string(schema::kLanguagesKey));
    return shard;
}

Xapian::Database open_shard(const std::string& path, std::string& languages) {
    try {
        for (int attempt = 1;; ++attempt) {
            try {
                return open_shard_once(path, languages);
            } catch (const Xapian::DatabaseNotFoundError&) {
                throw;
            } catch (const Xapian::DatabaseError&) {
                if (attempt == kReadAttempts) {
                    throw;
                }
            }
        }
    } catch (const Xapian::DatabaseNotFoundError&) {
        throw DatabaseError("no database at '" + path + "'; build one with: morgue-index -d " +
                            path + " FILES...");
    } catch (const Xapian::Error& e) {
        throw DatabaseError("cannot open database '" + path + "': " + e.get_description());
    }
}

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

Searcher::Searcher(const std::vector<std::string>& databases) : paths_(databases) {
    open_shards();
}

void Searcher::open_shards() {
    Xapian::Database db;
    std::set<std::string> langs;
    for (const std::string& path : paths_) {
        std::string languages;
        Xapian::Database shard = open_shard(path, languages);
        std::istringstream words(languages);
        for (std::string lang; words >> lang;) {
            langs.insert(lang);
        }
        db.add_database(shard);
    }
    db_ = db;
    languages_.assign(langs.begin(), langs.end());
    parsers_.emplace(db_);
}

Hit Searcher::make_hit(const Xapian::MSetIterator& it, std::size_t length) {
    Article stored = decode_stored_fields(it.get_document().get_data());
    Hit hit;
    hit.rank = it.get_rank() + 1;
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
    for (int attempt = 1;; ++attempt) {
        try {
            if (attempt > 1) {
                // Opened afresh: reopen() opens the tables again only for a new revision
                // number, and a compacted copy swapped in since can have the same one.
                open_shards();
            }
            return search_once(request);
        } catch (const Xapian::DatabaseModifiedError& e) {
            if (attempt == kReadAttempts) {
                throw DatabaseError("the database changed under " + std::to_string(attempt) +
                                    " attempts to search it (" + e.get_msg() +
                                    "); try again when it is written less often");
            }
        } catch (const Xapian::DatabaseError& e) {
            if (attempt == kReadAttempts) {
                throw DatabaseError("search failed: " + e.get_description());
            }
        }
    }
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

SearchResults Searcher::search_once(const SearchRequest& request) {
    Prepared prepared = prepare(request);
    SearchResults results = std::move(prepared.header);
    try {
        Xapian::Enquire enquire(db_);
        enquire.set_query(prepared.query);
        enquire.set_weighting_scheme(relevance_weight());
        if (request.expand && request.sort == SortOrder::relevance) {
            enquire.set_query(expanded_query(enquire, prepared.query));
        }
        snippet_matcher_ = SnippetMatcher(prepared.query);
        set_order(enquire, request.sort);
        FacetCounter counter(request.facets, request.histogram);
        counter.attach(enquire);
        // Facets, timelines and exact totals must see every match, not only the page shown.
        bool exact = request.exact_total || counter.active();
        Xapian::MSet mset =
            request.collapse
                ? enquire.get_mset(0, kCollapseBatch, exact ? db_.get_doccount() : 0)
                : enquire.get_mset(request.offset, request.limit, exact ? db_.get_doccount() : 0);
        results.total_estimate = mset.get_matches_estimated();
        results.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
        if (counter.active()) {
            counter.collect(results, db_, mset.get_matches_estimated());
        }
        if (request.suggest && results.total_estimate < kSuggestBelow) {
            add_suggestion(request, results);
        }
        if (request.collapse) {
            add_stories(enquire, mset, prepared.query, request, results);
        } else if (!request.recency.empty() && request.sort == SortOrder::relevance) {
            add_recent_hits(enquire, request, results);
        } else {
            add_hits(mset, request, results);
        }
    } catch (const Xapian::DatabaseError&) {
        throw;  // search() reads again
    } catch (const Xapian::WildcardError& e) {
        throw QueryError("a wildcard matches more than " + std::to_string(request.wildcard_limit) +
                         " words (" + e.get_msg() + "); make its prefix longer");
    } catch (const Xapian::Error& e) {
        throw DatabaseError("search failed: " + e.get_description());
    }
    return results;
}

void Searcher::add_suggestion(const SearchRequest& request, SearchResults& results) const {
    try {
        std::string corrected = spelling_suggestion(request.query, db_);
        if (!corrected.empty() && corrected != request.query) {
            results.suggestion = corrected;
        }
    } catch (const Xapian::UnimplementedError&) {
        results.warnings.push_back("spelling suggestions are not available from remote databases");
    }
}

void Searcher::add_hits(const Xapian::MSet& mset, const SearchRequest& request,
                        SearchResults& results) {
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        results.hits.push_back(make_hit(it, request.snippet_length));
        if (request.sort != SortOrder::relevance) {
            results.hits.back().score = 0;
        }
    }
}

}  // namespace morgue
