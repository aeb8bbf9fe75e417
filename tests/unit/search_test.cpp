#define BOOST_TEST_MODULE search
#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "common/errors.h"
#include "common/index_writer.h"
#include "common/schema.h"
#include "common/query.h"
#include "common/search.h"

namespace {

constexpr std::int64_t kNow = 1645617600;  // 2022-02-23T12:00:00Z, a Wednesday

morgue::Article article(std::string id, std::string title, std::string body,
                        std::optional<std::int64_t> date, std::string source,
                        std::string lang = "en") {
    morgue::Article a;
    a.id = std::move(id);
    a.title = std::move(title);
    a.body = std::move(body);
    a.date = date;
    a.source = std::move(source);
    a.lang = std::move(lang);
    return a;
}

/// A small database of known articles, built once per test.
struct Fixture {
    std::filesystem::path path = std::filesystem::temp_directory_path() /
                                 ("morgue-search-" + std::to_string(::getpid()));
    Fixture() {
        std::filesystem::remove_all(path);
        morgue::IndexWriter writer(path.string());
        morgue::DocumentBuilder builder;
        for (const morgue::Article& a : {
                 article("a", "Harbour dredging approved", "The harbour board approved dredging "
                         "of the outer channel.", 1645488000, "Coastal Courier"),
                 article("b", "Fishermen fear silt", "Fishermen said dredging the harbour "
                         "would bury crab grounds.", 1645574400, "coastal-courier.example"),
                 article("c", "Council votes on trams", "The council voted to extend the tram "
                         "line to the harbour district.", std::nullopt, "Northern Ledger"),
                 article("d", "Häfen am Schwarzen Meer", "Die Preise für Weizen steigen, "
                         "Händler fürchten Ausfälle.", 1643673600, "handelsblatt", "de"),
                 article("e", "Crab season opens", "Crab boats left port before dawn as the "
                         "season opened.", 1640995200, "Coastal Courier"),
             }) {
            writer.write(builder.build(a), morgue::schema::id_term(a.id), a.lang);
        }
        writer.commit();
    }
    ~Fixture() { std::filesystem::remove_all(path); }

    std::vector<std::string> ids(morgue::SearchRequest request) {
        request.now = kNow;
        request.limit = 100;
        morgue::Searcher searcher({path.string()});
        std::vector<std::string> out;
        for (const morgue::Hit& hit : searcher.search(request).hits) {
            out.push_back(hit.id);
        }
        return out;
    }
    std::vector<std::string> ids(const std::string& query,
                                 morgue::SortOrder sort = morgue::SortOrder::relevance) {
        morgue::SearchRequest request;
        request.query = query;
        request.sort = sort;
        return ids(request);
    }
};

using Ids = std::vector<std::string>;

}  // namespace

BOOST_FIXTURE_TEST_SUITE(search, Fixture)

BOOST_AUTO_TEST_CASE(empty_query_and_star_match_everything) {
    BOOST_TEST(ids("").size() == 5u);
    BOOST_TEST(ids("*").size() == 5u);
}

BOOST_AUTO_TEST_CASE(words_are_ored_and_ranked) {
    // "a" has harbour in title and body; "b" and "c" in the body only.
    BOOST_TEST(ids("harbour") == (Ids{"a", "b", "c"}), boost::test_tools::per_element());
    BOOST_TEST(ids("harbour crab").size() == 4u);
}

BOOST_AUTO_TEST_CASE(all_words_mode_requires_every_word) {
    morgue::SearchRequest request;
    request.query = "harbour crab";
    request.match_all_words = true;
    BOOST_TEST(ids(request) == (Ids{"b"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(question_words_are_not_needed) {
    // Stopwords dropped: without that, every article containing "the" would match.
    BOOST_TEST(ids("what did the fishermen say") == (Ids{"b"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(stemming_matches_word_forms) {
    BOOST_TEST(ids("dredge") == (Ids{"a", "b"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(phrases_and_boolean_operators) {
    BOOST_TEST(ids("\"outer channel\"") == (Ids{"a"}), boost::test_tools::per_element());
    BOOST_TEST(ids("\"channel outer\"").empty());
    BOOST_TEST(ids("harbour NOT dredging") == (Ids{"c"}), boost::test_tools::per_element());
    BOOST_TEST(ids("crab AND season") == (Ids{"e"}), boost::test_tools::per_element());
    BOOST_TEST(ids("harbour NEAR/3 district") == (Ids{"c"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(fields_are_normalised_like_the_index) {
    BOOST_TEST(ids("source:\"coastal courier\"", morgue::SortOrder::oldest) == (Ids{"e", "a"}),
               boost::test_tools::per_element());
    BOOST_TEST(ids("source:COASTAL-COURIER.EXAMPLE") == (Ids{"b"}),
               boost::test_tools::per_element());
    BOOST_TEST(ids("lang:German") == (Ids{"d"}), boost::test_tools::per_element());
    BOOST_TEST(ids("title:trams") == (Ids{"c"}), boost::test_tools::per_element());
    BOOST_TEST(ids("id:b") == (Ids{"b"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(accents_are_folded) {
    BOOST_TEST(ids("Hafen") == (Ids{"d"}), boost::test_tools::per_element());
    BOOST_TEST(ids("Häfen") == (Ids{"d"}), boost::test_tools::per_element());
    BOOST_TEST(ids("handler") == (Ids{"d"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(dates_filter_and_undated_never_match) {
    BOOST_TEST(ids("date:2022-02", morgue::SortOrder::oldest) == (Ids{"d", "a", "b"}),
               boost::test_tools::per_element());
    BOOST_TEST(ids("date:2022-02-22..2022-02-22") == (Ids{"a"}), boost::test_tools::per_element());
    BOOST_TEST(ids("date:..2022-01-31") == (Ids{"e"}), boost::test_tools::per_element());
    BOOST_TEST(ids("date:2021..", morgue::SortOrder::oldest).size() == 4u);
    BOOST_TEST(ids("date:yesterday") == (Ids{"a"}), boost::test_tools::per_element());
    BOOST_TEST(ids("date:today") == (Ids{"b"}), boost::test_tools::per_element());
    morgue::SearchRequest request;
    request.since = "2022-02-22";
    request.until = "2022-02";
    request.sort = morgue::SortOrder::newest;
    BOOST_TEST(ids(request) == (Ids{"b", "a"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(sorting_puts_undated_last_both_ways) {
    BOOST_TEST(ids("*", morgue::SortOrder::newest) == (Ids{"b", "a", "d", "e", "c"}),
               boost::test_tools::per_element());
    BOOST_TEST(ids("*", morgue::SortOrder::oldest) == (Ids{"e", "d", "a", "b", "c"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(wildcards_expand_up_to_the_limit) {
    BOOST_TEST(ids("fisher*") == (Ids{"b"}), boost::test_tools::per_element());
    morgue::SearchRequest request;
    request.query = "s*";
    request.wildcard_limit = 2;
    BOOST_CHECK_THROW(ids(request), morgue::QueryError);
}

BOOST_AUTO_TEST_CASE(queries_it_will_not_guess_at_are_errors) {
    BOOST_CHECK_THROW(ids("colour:red"), morgue::QueryError);
    BOOST_CHECK_THROW(ids("date:2022-13"), morgue::QueryError);
    morgue::SearchRequest request;
    request.since = "soon";
    BOOST_CHECK_THROW(ids(request), morgue::QueryError);
    // Colons elsewhere are no field: times and URLs.
    BOOST_TEST(ids("12:30").empty());
}

// A malformed date is raised once Xapian's parser has returned (an exception thrown through it
// leaked the parser's state), in the reading of any language and in the lenient reading of a
// query whose syntax does not parse; the first one is named, and the next query is unaffected.
BOOST_AUTO_TEST_CASE(malformed_dates_are_errors_after_parsing) {
    const std::string expected =
        "malformed date \"2022-13\" (expected YYYY, YYYY-MM, YYYY-MM-DD, a relative period "
        "such as 7d, or today/yesterday/this-week/...)";
    for (const std::string query : {"date:2022-13", "harbour OR date:2022-13 OR date:1999-99",
                                    "(crab date:2022-13", "lang:de date:2022-13"}) {
        std::string error;
        try {
            ids(query);
        } catch (const morgue::QueryError& e) {
            error = e.what();
        }
        BOOST_TEST(error == expected, query);
    }
    BOOST_TEST(ids("date:2022-02-22") == (Ids{"a"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(odd_syntax_is_read_leniently_with_a_warning) {
    morgue::Searcher searcher({path.string()});
    morgue::SearchRequest request;
    request.query = "\"harbour board";
    morgue::SearchResults results = searcher.search(request);
    BOOST_TEST(results.hits.size() == 1u);
    BOOST_TEST(results.warnings.size() == 1u);
    request.query = "harbour AND";
    BOOST_TEST(searcher.search(request).hits.size() == 3u);
    // Control characters are dropped, as from indexed text.
    request.query = std::string("harb\x01our");
    BOOST_TEST(searcher.search(request).hits.size() == 3u);
}

BOOST_AUTO_TEST_CASE(snippets_mark_matches) {
    morgue::Searcher searcher({path.string()});
    morgue::SearchRequest request;
    request.query = "silt";
    morgue::SearchResults results = searcher.search(request);
    BOOST_TEST(results.hits.size() == 1u);
    BOOST_TEST(results.hits[0].snippet ==
               "Fishermen said dredging the harbour would bury crab grounds.");
    request.query = "crab";
    request.sort = morgue::SortOrder::oldest;
    results = searcher.search(request);
    BOOST_TEST(results.hits[0].snippet == "\x01" "Crab\x02 boats left port before dawn as the "
                                          "season opened.");
}

BOOST_AUTO_TEST_CASE(one_searcher_reads_each_query_afresh) {
    // The searcher keeps its query parsers: settings and dates of one query must not leak
    // into the next.
    struct Case {
        std::string query;
        bool all_words;
        std::int64_t now;
        std::vector<std::string> langs;
        Ids expected;
    };
    const std::vector<Case> cases = {
        {"date:yesterday", false, kNow, {}, {"a"}},
        {"harbour silt", true, kNow, {}, {"b"}},
        {"harbour silt", false, kNow, {}, {"b", "a", "c"}},
        {"date:today", false, kNow, {}, {"b"}},
        {"date:today", false, kNow - 86400, {}, {"a"}},
        {"weizens", false, kNow, {"en"}, {}},
        {"weizens", false, kNow, {}, {"d"}},
    };
    morgue::Searcher searcher({path.string()});
    for (const Case& c : cases) {
        morgue::SearchRequest request;
        request.query = c.query;
        request.match_all_words = c.all_words;
        request.now = c.now;
        request.langs = c.langs;
        morgue::SearchResults results = searcher.search(request);
        Ids found;
        for (const morgue::Hit& hit : results.hits) {
            found.push_back(hit.id);
        }
        BOOST_TEST_CONTEXT(c.query) {
            BOOST_TEST(found == c.expected, boost::test_tools::per_element());
            BOOST_TEST(results.date_from.has_value() == (c.query.rfind("date:", 0) == 0));
        }
    }
}

BOOST_AUTO_TEST_CASE(languages_of_the_database_stem_the_query) {
    // German stemming reads "weizens" as "weiz", matching "Weizen"; English does not.
    BOOST_TEST(ids("weizens") == (Ids{"d"}), boost::test_tools::per_element());
    morgue::SearchRequest request;
    request.query = "weizens";
    request.langs = {"en"};
    BOOST_TEST(ids(request).empty());
    // German capitalises nouns: its documents read capitalised words stemmed ("Preis" finds
    // "Preise"), while English ones keep them exact.
    BOOST_TEST(ids("Preis") == (Ids{"d"}), boost::test_tools::per_element());
    BOOST_TEST(ids("Preis AND NOT Händler").empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(analysis, Fixture)

BOOST_AUTO_TEST_CASE(spelling_corrects_only_words_the_archive_lacks) {
    Xapian::Database db(path.string());
    const std::pair<const char*, const char*> cases[] = {
        {"harbur dredgng", "harbour dredging"},
        {"crab harbur", "crab harbour"},       // "crab" is in the archive: kept as it is
        {"crab boats", ""},                    // nothing to correct
        {"source:harbur harbr", "source:harbur harbour"},  // a field's value is not a word
        {"harbr* OR counsil", "harbr* OR council"},        // wildcards and operators stay
        {"trams 2022", ""},
    };
    for (auto [query, expected] : cases) {
        BOOST_TEST(morgue::spelling_suggestion(query, db) == expected, query);
    }
}

BOOST_AUTO_TEST_CASE(a_language_of_few_articles_is_read_by_its_words) {
    // 150 English articles and one German: German gets no reading of its own (one per 100 is
    // the least), so the German article matches by its words, and by its stems under --lang de.
    std::filesystem::path big = path.string() + "-minor";
    std::filesystem::remove_all(big);
    {
        morgue::IndexWriter writer(big.string());
        morgue::DocumentBuilder builder;
        for (int i = 0; i < 150; ++i) {
            auto a = article("en" + std::to_string(i), "Harbour report " + std::to_string(i),
                             "Ships unloaded grain at the harbour.", 1645488000, "courier");
            writer.write(builder.build(a), morgue::schema::id_term(a.id), a.lang);
        }
        auto de = article("de1", "Gewerkschaften streiken", "Die Gewerkschaften rufen zum "
                          "Streik auf.", 1645488000, "handelsblatt", "de");
        writer.write(builder.build(de), morgue::schema::id_term(de.id), de.lang);
        writer.commit();
    }
    auto found = [&](const std::string& query, std::vector<std::string> langs) {
        morgue::SearchRequest request;
        request.query = query;
        request.langs = std::move(langs);
        request.now = kNow;
        morgue::Searcher searcher({big.string()});
        std::vector<std::string> out;
        for (const morgue::Hit& hit : searcher.search(request).hits) {
            out.push_back(hit.id);
        }
        return out;
    };
    BOOST_TEST(found("gewerkschaften", {}) == Ids{"de1"});
    BOOST_TEST(found("streik", {}) == Ids{"de1"});
    BOOST_TEST(found("gewerkschaft", {"de"}) == Ids{"de1"});
    BOOST_TEST(found("harbour", {}).size() == 10U);  // the English articles keep their stems
    BOOST_TEST(found("harbours", {}).size() == 10U);
    morgue::QueryContext context;
    context.languages = {"de", "en"};
    auto parsed = [&](const std::string& query) {
        return morgue::parse_query(query, Xapian::Database(big.string()), context)
            .query.get_description();
    };
    // No German reading: the German article is read unstemmed, picked out by its L term.
    BOOST_TEST(parsed("streik") == "Query(((Zstreik@1 FILTER Len) OR (streik@1 FILTER Lde)))");
    {
        morgue::IndexWriter writer(big.string());
        morgue::DocumentBuilder builder;
        auto unknown = article("x1", "Streik", "Streik", 1645488000, "wire", "");
        writer.write(builder.build(unknown), morgue::schema::id_term(unknown.id), "");
        writer.commit();
    }
    BOOST_TEST(parsed("streik") ==
               "Query(((Zstreik@1 FILTER Len) OR (streik@1 FILTER (Lde OR Lund))))");
    BOOST_TEST(found("streik", {}) == Ids({"x1", "de1"}), boost::test_tools::per_element());
    {
        // An article of a database written before "Lund" existed: no L term at all.
        morgue::IndexWriter writer(big.string());
        morgue::DocumentBuilder builder;
        Xapian::Document old = builder.build(article("x2", "Streik", "Streik", 1645488000,
                                                     "wire", ""));
        old.remove_term("Lund");
        writer.write(old, morgue::schema::id_term("x2"), "");
        writer.commit();
    }
    BOOST_TEST(parsed("streik") == "Query(((Zstreik@1 FILTER Len) OR (streik@1 AND_NOT Len)))");
    BOOST_TEST(found("streik", {}).size() == 3U);
    std::filesystem::remove_all(big);
}

BOOST_AUTO_TEST_CASE(facets_count_every_match) {
    morgue::Searcher searcher({path.string()});
    morgue::SearchRequest request;
    request.query = "*";
    request.limit = 1;
    request.facets = {{morgue::FacetField::source, 2}, {morgue::FacetField::lang, 10}};
    morgue::SearchResults results = searcher.search(request);
    BOOST_TEST(results.total_exact);
    BOOST_TEST_REQUIRE(results.facets.size() == 2u);
    const auto& source = results.facets[0].values;
    BOOST_TEST_REQUIRE(source.size() == 2u);
    BOOST_TEST(source[0].value == "coastal courier");
    BOOST_TEST(source[0].count == 2u);
    // Ties in value order.
    BOOST_TEST(source[1].value == "coastal-courier.example");
    BOOST_TEST(source[1].count == 1u);
    const auto& lang = results.facets[1].values;
    BOOST_TEST_REQUIRE(lang.size() == 2u);
    BOOST_TEST(lang[0].value == "en");
    BOOST_TEST(lang[0].count == 4u);
    BOOST_TEST(lang[1].value == "de");
    BOOST_TEST(lang[1].count == 1u);
}

BOOST_AUTO_TEST_CASE(histogram_adds_up_to_the_matches) {
    morgue::Searcher searcher({path.string()});
    morgue::SearchRequest request;
    request.query = "harbour OR crab";
    request.histogram = morgue::Period::month;
    morgue::SearchResults results = searcher.search(request);
    // a, b (2022-02), c (undated), e (2022-01): January and February, then undated.
    BOOST_TEST_REQUIRE(results.buckets.size() == 3u);
    BOOST_TEST(results.buckets[0].period == "2022-01");
    BOOST_TEST(results.buckets[0].count == 1u);
    BOOST_TEST(*results.buckets[0].share == 1.0);
    BOOST_TEST(results.buckets[1].period == "2022-02");
    BOOST_TEST(results.buckets[1].count == 2u);
    // d is also from February 2022 but does not match: two of three.
    BOOST_TEST(*results.buckets[1].share == 2.0 / 3.0, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(results.buckets[2].period == "undated");
    BOOST_TEST(results.buckets[2].count == 1u);
    BOOST_TEST(!results.buckets[2].share.has_value());
}

BOOST_AUTO_TEST_CASE(exact_totals_on_request) {
    morgue::Searcher searcher({path.string()});
    morgue::SearchRequest request;
    request.query = "harbour";
    request.limit = 0;
    request.exact_total = true;
    morgue::SearchResults results = searcher.search(request);
    BOOST_TEST(results.total_exact);
    BOOST_TEST(results.total_estimate == 3u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(recency, Fixture)

BOOST_AUTO_TEST_CASE(factor_halves_with_each_half_life) {
    BOOST_TEST(morgue::recency_factor(kNow, kNow, 86400) == 1.0);
    BOOST_TEST(morgue::recency_factor(kNow - 86400, kNow, 86400) == 0.75);
    BOOST_TEST(morgue::recency_factor(kNow - 2 * 86400, kNow, 86400) == 0.625);
    BOOST_TEST(morgue::recency_factor(std::nullopt, kNow, 86400) == 0.5);
    // A date after now counts as now.
    BOOST_TEST(morgue::recency_factor(kNow + 500, kNow, 86400) == 1.0);
}

BOOST_AUTO_TEST_CASE(blends_relevance_with_age) {
    morgue::Searcher searcher({path.string()});
    morgue::SearchRequest request;
    request.query = "harbour";
    request.now = kNow;
    morgue::SearchResults plain = searcher.search(request);
    BOOST_TEST_REQUIRE(plain.hits.size() == 3u);
    request.recency = "1d";
    morgue::SearchResults recent = searcher.search(request);
    BOOST_TEST_REQUIRE(recent.hits.size() == 3u);
    // Each score is the relevance times the factor of the article's age; best first.
    std::map<std::string, double> expected;
    for (const morgue::Hit& hit : plain.hits) {
        expected[hit.id] = hit.score * morgue::recency_factor(hit.date, kNow, 86400);
    }
    for (std::size_t i = 0; i < recent.hits.size(); ++i) {
        BOOST_TEST(recent.hits[i].rank == i + 1);
        BOOST_TEST(recent.hits[i].score == expected[recent.hits[i].id],
                   boost::test_tools::tolerance(1e-12));
        if (i > 0) {
            BOOST_TEST(recent.hits[i - 1].score >= recent.hits[i].score);
        }
    }
    // By relevance alone e ("Crab" in its title) leads b; e is 53 days older, and with a
    // half-life of a week b's factor is 0.98 against e's 0.50, so b comes first.
    request.query = "crab";
    request.recency = "";
    BOOST_TEST(searcher.search(request).hits.front().id == "e");
    request.recency = "1w";
    morgue::SearchResults crab = searcher.search(request);
    BOOST_TEST_REQUIRE(crab.hits.size() == 2u);
    BOOST_TEST(crab.hits[0].id == "b");
    BOOST_TEST(crab.hits[1].id == "e");
    request.recency = "soon";
    BOOST_CHECK_THROW(searcher.search(request), morgue::QueryError);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(spelling, Fixture)

BOOST_AUTO_TEST_CASE(suggests_the_archives_own_words_when_little_is_found) {
    morgue::Searcher searcher({path.string()});
    morgue::SearchRequest request;
    request.query = "harbor dredgin";
    morgue::SearchResults results = searcher.search(request);
    BOOST_TEST(results.total_estimate == 0u);
    BOOST_TEST(results.suggestion == "harbour dredging");
    // Enough matches: no suggestion, even for a misspelt word among them.
    request.query = "harbour OR crabb";
    BOOST_TEST(searcher.search(request).suggestion.empty());
    request.query = "harbor";
    request.suggest = false;
    BOOST_TEST(searcher.search(request).suggestion.empty());
}

BOOST_AUTO_TEST_SUITE_END()
