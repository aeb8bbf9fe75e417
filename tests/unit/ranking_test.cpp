#define BOOST_TEST_MODULE ranking
#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "common/indexer.h"
#include "common/ranking.h"
#include "common/search.h"

namespace fs = std::filesystem;

namespace {

using Ids = std::vector<std::string>;

const std::string kSampleArticle = "corpus/sample-article.txt";
const std::string kDispatchShelling =
    "https://eastern-dispatch.example/world/donetsk-shelling-basements";
const std::string kLedgerShelling =
    "https://northern-ledger.example/world/donetsk-families-basements";
const std::string kTramExtension = "https://northern-ledger.example/city/tram-extension";
const std::string kNightFerry =
    "https://coastalcourier.example/harbour/2023/11/21/night-ferry-trial";
const std::string kDredgingNote = "corpus/notes/harbour-dredging.txt";
const std::string kDredgingWire = "reuters-90001";
const std::string kHarbourPost = "corpus/usenet/comp.example/1001";

/// corpus/ indexed as morgue-index indexes it, once for the whole suite.
struct Corpus {
    fs::path path = fs::temp_directory_path() / ("morgue-ranking-" + std::to_string(::getpid()));
    Corpus() {
        fs::remove_all(path);
        morgue::IndexOptions options;
        options.database = path.string();
        options.inputs = {std::string(MORGUE_SOURCE_DIR) + "/corpus"};
        options.quiet = true;
        std::ostringstream out;
        std::ostringstream err;
        BOOST_TEST_REQUIRE(morgue::run_index(options, out, err) == 0, err.str());
    }
    ~Corpus() { fs::remove_all(path); }
};

const Corpus& corpus() {
    static const Corpus instance;
    return instance;
}

morgue::SearchResults search(morgue::SearchRequest request) {
    request.limit = 100;
    request.suggest = false;
    return morgue::Searcher({corpus().path.string()}).search(request);
}

morgue::SearchRequest request(const std::string& query) {
    morgue::SearchRequest r;
    r.query = query;
    return r;
}

Ids ids(const morgue::SearchRequest& r, std::size_t top = 100) {
    Ids out;
    for (const morgue::Hit& hit : search(r).hits) {
        if (out.size() < top) {
            out.push_back(hit.id);
        }
    }
    return out;
}

Ids ids(const std::string& query, std::size_t top = 100) {
    return ids(request(query), top);
}

Ids sorted(Ids v) {
    std::sort(v.begin(), v.end());
    return v;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ranking)

BOOST_AUTO_TEST_CASE(keywords_rank_in_a_fixed_order) {
    // The sample article has both words, in its headline-like first sentence too; the two
    // Donetsk stories have "shelling" in their titles.
    BOOST_TEST(
        ids("ukraine shelling", 3) == (Ids{kSampleArticle, kDispatchShelling, kLedgerShelling}),
        boost::test_tools::per_element());
    BOOST_TEST(search(request("ukraine shelling")).hits.front().score == 7.50458,
               boost::test_tools::tolerance(1e-5));
    BOOST_TEST(ids("harbour dredging", 4) ==
                   (Ids{kDredgingNote, kDredgingWire, kHarbourPost, kNightFerry}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_question_finds_what_it_asks_about) {
    BOOST_TEST(ids("what did the council vote on", 1) == Ids{kTramExtension},
               boost::test_tools::per_element());
    BOOST_TEST(ids("What did the Kremlin say about the evacuations", 1) == Ids{kSampleArticle},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_word_no_article_has_does_not_empty_a_question) {
    // Any word may match by default; --all asks for every one.
    const std::string question = "did the harbour board approve the zeppelin ferry";
    BOOST_TEST(ids(question, 3) == (Ids{kNightFerry, kDredgingNote, "cmn-2023-0416-ferry"}),
               boost::test_tools::per_element());
    morgue::SearchRequest all = request(question);
    all.match_all_words = true;
    BOOST_TEST(ids(all).empty());
}

BOOST_AUTO_TEST_CASE(a_headline_in_title_case_reads_like_lower_case) {
    const Ids typed = ids("Families Shelter In Basements As Donetsk Shelling Intensifies");
    BOOST_TEST(typed == ids("families shelter in basements as donetsk shelling intensifies"),
               boost::test_tools::per_element());
    BOOST_TEST(typed.front() == kLedgerShelling);
}

BOOST_AUTO_TEST_CASE(expand_reorders_the_same_matches) {
    morgue::SearchRequest expanded = request("harbour dredging");
    expanded.expand = true;
    BOOST_TEST(ids(expanded, 4) == (Ids{kDredgingWire, kDredgingNote, kHarbourPost, kNightFerry}),
               boost::test_tools::per_element());
    BOOST_TEST(sorted(ids(expanded)) == sorted(ids("harbour dredging")),
               boost::test_tools::per_element());
    // A filter alone has no ranking to learn from: nothing changes.
    morgue::SearchRequest filter = request("source:reuters");
    filter.expand = true;
    BOOST_TEST(ids(filter) == ids("source:reuters"), boost::test_tools::per_element());
}

struct CaseRow {
    const char* typed;
    const char* read;
};

BOOST_AUTO_TEST_CASE(capitals_that_mark_no_name_are_lowered) {
    const CaseRow rows[] = {
        {"ukraine shelling", "ukraine shelling"},
        {"What did the Kremlin say", "what did the Kremlin say"},
        {"Putin. Sanctions? Oil", "putin. sanctions? oil"},
        {"Sao Paulo frost", "Sao Paulo frost"},
        {"Kremlin denies", "kremlin denies"},
        {"Russia Launches New Offensive", "russia launches new offensive"},
        {"Bank of England Raises Rates", "bank of england raises rates"},
        {"talks with Vladimir Putin", "talks with Vladimir Putin"},
        {"Fuzzy Requests: An Approach to Boolean Searches",
         "fuzzy requests: an approach to boolean searches"},
        {"Putin, Macron, Scholz Meet", "putin, Macron, Scholz Meet"},
        {"NATO Summit", "NATO Summit"},
        {"Summit AND Ukraine", "summit AND Ukraine"},
        {"\"Security Council\" Votes", "\"Security Council\" Votes"},
        {"source:reuters Oil Prices Rise Again", "source:reuters oil prices rise again"},
        {"Élections Législatives Anticipées", "élections législatives anticipées"},
        {"", ""},
    };
    for (const CaseRow& row : rows) {
        BOOST_TEST_CONTEXT("typed: " << row.typed) {
            BOOST_TEST(morgue::lower_incidental_capitals(row.typed) == row.read);
        }
    }
}

BOOST_AUTO_TEST_CASE(weighting_is_bm25_with_the_chosen_parameters) {
    const Xapian::Weight& weight = morgue::relevance_weight();
    BOOST_TEST(weight.name() == "Xapian::BM25Weight");
    BOOST_TEST(weight.serialise() ==
               Xapian::BM25Weight(morgue::kBm25K1, 0, 1, morgue::kBm25B, 0.5).serialise());
    BOOST_TEST(morgue::kBm25K1 == 1.5);
    BOOST_TEST(morgue::kBm25B == 0.7);
}

BOOST_AUTO_TEST_SUITE_END()
