#define BOOST_TEST_MODULE indexer_threads
#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/indexer.h"

namespace fs = std::filesystem;

namespace {

struct TempDir {
    static inline int made = 0;
    fs::path path = fs::temp_directory_path() / ("morgue-threads-" + std::to_string(::getpid()) +
                                                 "-" + std::to_string(++made));
    TempDir() {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
};

struct Run {
    int exit_code = 0;
    std::string out;
    std::string err;  ///< without the timing figures, which differ from run to run
};

/// batch_size: small, so that commits happen while later records are still in flight.
Run index(const std::vector<std::string>& inputs, const fs::path& db, std::size_t threads,
          std::size_t batch_size, bool dry_run = false) {
    morgue::IndexOptions options;
    options.database = db.string();
    options.inputs = inputs;
    options.threads = threads;
    options.batch_size = batch_size;
    options.dry_run = dry_run;
    std::ostringstream out;
    std::ostringstream err;
    Run run;
    run.exit_code = morgue::run_index(options, out, err);
    run.out = out.str();
    run.err = std::regex_replace(err.str(), std::regex(R"(; [0-9.]+ s, [0-9]+ docs/s)"), "");
    return run;
}

/// Everything Xapian keeps of one document: terms with wdf and positions, values, data.
std::string dump(const Xapian::Document& doc) {
    std::ostringstream s;
    for (auto term = doc.termlist_begin(); term != doc.termlist_end(); ++term) {
        s << *term << ':' << term.get_wdf() << '[';
        for (auto pos = term.positionlist_begin(); pos != term.positionlist_end(); ++pos) {
            s << *pos << ' ';
        }
        s << "]\n";
    }
    for (auto value = doc.values_begin(); value != doc.values_end(); ++value) {
        s << '#' << value.get_valueno() << '=' << *value << '\n';
    }
    s << doc.get_data();
    return s.str();
}

/// The documents, by docid, and the metadata of two databases are the same.
void check_same(const fs::path& a, const fs::path& b) {
    Xapian::Database one(a.string());
    Xapian::Database two(b.string());
    BOOST_TEST_REQUIRE(one.get_doccount() == two.get_doccount());
    BOOST_TEST_REQUIRE(one.get_lastdocid() == two.get_lastdocid());
    for (Xapian::docid id = 1; id <= one.get_lastdocid(); ++id) {
        BOOST_TEST_REQUIRE(dump(one.get_document(id)) == dump(two.get_document(id)),
                           "document " << id);
    }
    std::vector<std::string> keys_one(one.metadata_keys_begin(), one.metadata_keys_end());
    std::vector<std::string> keys_two(two.metadata_keys_begin(), two.metadata_keys_end());
    BOOST_TEST(keys_one == keys_two, boost::test_tools::per_element());
    for (const std::string& key : keys_one) {
        BOOST_TEST(one.get_metadata(key) == two.get_metadata(key), key);
    }
    std::vector<std::string> spelling_one(one.spellings_begin(), one.spellings_end());
    std::vector<std::string> spelling_two(two.spellings_begin(), two.spellings_end());
    BOOST_TEST(spelling_one == spelling_two);
}

void check_threads_change_nothing(const std::vector<std::string>& inputs,
                                  std::size_t batch_size) {
    TempDir dir;
    Run single = index(inputs, dir.path / "one", 1, batch_size);
    BOOST_TEST_REQUIRE(single.exit_code == 0, single.err);
    for (std::size_t threads : {2, 4}) {
        fs::path db = dir.path / ("threads-" + std::to_string(threads));
        Run parallel = index(inputs, db, threads, batch_size);
        BOOST_TEST(parallel.exit_code == single.exit_code);
        BOOST_TEST(parallel.err == single.err);
        check_same(dir.path / "one", db);
    }
}

const std::string kSource = MORGUE_SOURCE_DIR;

}  // namespace

BOOST_AUTO_TEST_SUITE(indexer_threads)

BOOST_AUTO_TEST_CASE(corpus_indexes_the_same_on_any_number_of_threads) {
    check_threads_change_nothing({kSource + "/corpus"}, 7);
}

BOOST_AUTO_TEST_CASE(dry_run_prints_the_same_on_any_number_of_threads) {
    TempDir dir;
    Run single = index({kSource + "/corpus"}, dir.path / "unused", 1, 7, true);
    Run parallel = index({kSource + "/corpus"}, dir.path / "unused", 3, 7, true);
    BOOST_TEST(!single.out.empty());
    BOOST_TEST(parallel.out == single.out);
    BOOST_TEST(parallel.err == single.err);
}

/// A JSON Lines dump of count articles in which the records at repeat_at repeat the id of
/// the record at repeated (with other text): the later copy replaces the earlier one.
void write_dump(const fs::path& path, int count, int repeat_at, int repeated) {
    std::ofstream out(path);
    const char* words[] = {"harbour", "ferry", "council", "budget", "storm", "wheat", "court"};
    for (int i = 0; i < count; ++i) {
        int id = i == repeat_at ? repeated : i;
        out << R"({"id":"story-)" << id << R"(","title":"Story )" << i << ' ' << words[i % 7]
            << R"(","body":"The )" << words[(i * 3) % 7] << " and the " << words[(i * 5) % 7]
            << R"( were in the news on day )" << i << R"(.","date":"2024-01-)"
            << (1 + i % 28) << R"("})" << '\n';
    }
}

BOOST_AUTO_TEST_CASE(repeated_ids_are_replaced_the_same_on_any_number_of_threads) {
    TempDir dir;
    // Batches of 7 make segments of 7 documents and a merge every 700: the repeated id comes
    // back within the segments, after a merge, and before any segment.
    const std::pair<int, int> cases[] = {{40, 3}, {900, 5}, {2, 1}};
    for (auto [repeat_at, repeated] : cases) {
        fs::path dump = dir.path / ("dump-" + std::to_string(repeat_at) + ".jsonl");
        write_dump(dump, 1000, repeat_at, repeated);
        check_threads_change_nothing({dump.string()}, 7);
    }
}

BOOST_AUTO_TEST_CASE(real_news_indexes_the_same_on_any_number_of_threads) {
    // One file of each kind of real dump: a newswire file, a folder of text files, mail.
    const std::string news = kSource + "/../shared/corpora/news";
    if (!fs::exists(news)) {
        BOOST_TEST_MESSAGE("skipped: " << news << " is absent");
        return;
    }
    check_threads_change_nothing({news + "/reuters21578/sgm-data/reut2-003.sgm",
                                  news + "/bbc/tech"},
                                 300);
}

BOOST_AUTO_TEST_SUITE_END()
