#define BOOST_TEST_MODULE shards
#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/archive_lock.h"
#include "common/dates.h"
#include "common/errors.h"
#include "common/index_writer.h"
#include "common/indexer.h"
#include "common/schema.h"
#include "common/shards.h"

namespace fs = std::filesystem;
namespace shards = morgue::shards;
using shards::Layout;
using shards::Scheme;

namespace {

struct TempDir {
    static inline int made = 0;
    fs::path path = fs::temp_directory_path() /
                    ("morgue-shards-" + std::to_string(::getpid()) + "-" + std::to_string(++made));
    TempDir() {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
    std::string write(const std::string& name, const std::string& text) const {
        std::ofstream(path / name) << text;
        return (path / name).string();
    }
};

std::string usage_error(std::optional<unsigned> count, const std::string& by) {
    try {
        shards::requested_layout(count, by);
    } catch (const morgue::UsageError& e) {
        return e.what();
    }
    return "no error";
}

std::int64_t seconds_of(const std::string& text, const std::string& zone = "UTC") {
    return morgue::dates::parse_date(text, *morgue::dates::TimeZone::find(zone))->seconds;
}

struct Run {
    int code = 0;
    std::string err;
};

/// One morgue-index run: inputs into db, with extra options set by adjust.
Run index(const fs::path& db, const std::vector<std::string>& inputs,
          const std::function<void(morgue::IndexOptions&)>& adjust = {}) {
    morgue::IndexOptions options;
    options.database = db.string();
    options.inputs = inputs;
    options.quiet = true;
    options.threads = 2;
    if (adjust) {
        adjust(options);
    }
    std::ostringstream out;
    std::ostringstream err;
    Run run;
    run.code = morgue::run_index(options, out, err);
    run.err = std::regex_replace(err.str(), std::regex(R"(; [0-9.]+ s, [0-9]+ docs/s)"), "");
    return run;
}

/// The number of documents of each shard of an archive, by shard name.
std::map<std::string, Xapian::doccount> counts(const fs::path& archive) {
    std::map<std::string, Xapian::doccount> result;
    for (const fs::directory_entry& entry : fs::directory_iterator(archive)) {
        if (entry.is_directory()) {
            result[entry.path().filename().string()] =
                Xapian::Database(entry.path().string()).get_doccount();
        }
    }
    return result;
}

/// Every metadata key and value of a database.
std::map<std::string, std::string> metadata(const fs::path& db) {
    Xapian::Database d(db.string());
    std::map<std::string, std::string> all;
    for (auto it = d.metadata_keys_begin(); it != d.metadata_keys_end(); ++it) {
        all[*it] = d.get_metadata(*it);
    }
    return all;
}

/// True for the metadata key of a file's state.
bool is_file_state(const std::string& key) {
    return key.rfind(std::string(morgue::schema::kFileStatePrefix), 0) == 0;
}

/// A map as "key=value" lines, to compare and print.
template <class Map>
std::string text(const Map& map) {
    std::ostringstream out;
    for (const auto& [key, value] : map) {
        out << key << '=' << value << '\n';
    }
    return out.str();
}

const std::string kCorpus = std::string(MORGUE_SOURCE_DIR) + "/corpus";

using Counts = std::map<std::string, Xapian::doccount>;
using Metadata = std::map<std::string, std::string>;

}  // namespace

BOOST_AUTO_TEST_SUITE(layouts)

BOOST_AUTO_TEST_CASE(flags_ask_for_layouts) {
    BOOST_TEST((shards::requested_layout(std::nullopt, "") == Layout{}));
    BOOST_TEST((shards::requested_layout(4, "") == Layout{Scheme::hash, 4}));
    BOOST_TEST((shards::requested_layout(1024, "") == Layout{Scheme::hash, 1024}));
    BOOST_TEST((shards::requested_layout(std::nullopt, "year") == Layout{Scheme::year, 0}));
    BOOST_TEST((shards::requested_layout(std::nullopt, "month") == Layout{Scheme::month, 0}));
    BOOST_TEST(usage_error(1, "") ==
               "--shards 1: give 2 to 1024 shards (leave --shards out for a single database)");
    BOOST_TEST(usage_error(1025, "").find("--shards 1025: give 2 to 1024") == 0U);
    BOOST_TEST(usage_error(2, "year") ==
               "--shards and --shard-by exclude each other: an archive is split by a hash of "
               "the ids or by date, not both");
    BOOST_TEST(usage_error(std::nullopt, "week") == "--shard-by week: give year or month");
    BOOST_TEST(usage_error(0, "").find("--shards 0: give 2 to 1024") == 0U);
}

BOOST_AUTO_TEST_CASE(recorded_values) {
    BOOST_TEST(shards::layout_value({Scheme::hash, 16}) == "hash 16");
    BOOST_TEST(shards::layout_value({Scheme::year, 0}) == "year");
    BOOST_TEST(shards::layout_value({Scheme::month, 0}) == "month");
    for (const char* value : {"hash 2", "hash 16", "hash 1024", "year", "month"}) {
        BOOST_TEST(shards::layout_value(*shards::parse_layout(value)) == value);
    }
    for (const char* value : {"", "hash", "hash 1", "hash 01", "hash 1025", "hash x", "week"}) {
        BOOST_TEST(!shards::parse_layout(value).has_value(), value);
    }
    BOOST_TEST(shards::describe({Scheme::hash, 4}) == "4 hash shards");
    BOOST_TEST(shards::describe({Scheme::month, 0}) == "one shard per month");
    BOOST_TEST(shards::flag_of({Scheme::hash, 4}) == "--shards 4");
    BOOST_TEST(shards::flag_of({Scheme::year, 0}) == "--shard-by year");
}

// Pinned: a record must stay in its shard across versions, or re-indexing would copy it.
BOOST_AUTO_TEST_CASE(hash_shards_are_pinned) {
    BOOST_TEST(shards::id_hash("Qdoc-1") == 11819438614051875604ULL);
    BOOST_TEST(shards::id_hash("") == 14695981039346656037ULL);
    struct Pin {
        const char* id;
        unsigned of2, of4, of16;
    };
    const Pin pins[] = {{"doc-1", 0, 0, 4},
                        {"doc-2", 1, 1, 13},
                        {"doc-3", 0, 2, 10},
                        {"reuters-1987-00042", 1, 3, 15},
                        {"https://example.com/a", 0, 0, 8},
                        {"http://www.Example.com/a/", 0, 0, 8}};  // the same normalised id
    for (const Pin& pin : pins) {
        std::string term = morgue::schema::id_term(pin.id);
        BOOST_TEST_CONTEXT(pin.id) {
            BOOST_TEST(shards::hash_shard(term, 2) == pin.of2);
            BOOST_TEST(shards::hash_shard(term, 4) == pin.of4);
            BOOST_TEST(shards::hash_shard(term, 16) == pin.of16);
            BOOST_TEST(shards::shard_of({Scheme::hash, 16}, term, 0) ==
                       "shard-" + std::to_string(pin.of16));
        }
    }
    std::map<unsigned, int> spread;
    for (int i = 0; i < 10000; ++i) {
        ++spread[shards::hash_shard(morgue::schema::id_term("doc-" + std::to_string(i)), 4)];
    }
    BOOST_TEST((spread == std::map<unsigned, int>{{0, 2501}, {1, 2499}, {2, 2499}, {3, 2501}}));
}

struct TimeCase {
    std::int64_t seconds;
    const char* year;
    const char* month;
};

BOOST_AUTO_TEST_CASE(time_shards_are_utc_years_and_months) {
    const TimeCase cases[] = {
        {1640995199, "2021", "2021-12"},  // 2021-12-31T23:59:59Z
        {1640995200, "2022", "2022-01"},  // 2022-01-01T00:00:00Z
        {0, "1970", "1970-01"},
        {-1, "1969", "1969-12"},
        {seconds_of("2022-01-01T00:30:00+01:00"), "2021", "2021-12"},
        {seconds_of("2021-12-31T23:30:00-01:00"), "2022", "2022-01"},
        {seconds_of("2022-03-01 00:30", "Europe/Berlin"), "2022", "2022-02"},
        {seconds_of("2022-02-28 23:30", "America/New_York"), "2022", "2022-03"},
        {seconds_of("0001-01-01"), "0001", "0001-01"},
        {seconds_of("9999-12-31T23:59:59Z"), "9999", "9999-12"},
    };
    for (const TimeCase& c : cases) {
        BOOST_TEST_CONTEXT(c.seconds) {
            BOOST_TEST(shards::time_shard_name(Scheme::year, c.seconds) == c.year);
            BOOST_TEST(shards::time_shard_name(Scheme::month, c.seconds) == c.month);
            BOOST_TEST(shards::shard_of({Scheme::month, 0}, "Qx", c.seconds) == c.month);
        }
    }
    BOOST_TEST(shards::time_shard_name(Scheme::year, std::nullopt) == "undated");
    BOOST_TEST(shards::shard_of({Scheme::month, 0}, "Qx", std::nullopt) == "undated");
}

BOOST_AUTO_TEST_CASE(shard_names_and_their_order) {
    BOOST_TEST(shards::is_shard_name({Scheme::hash, 4}, "shard-3"));
    BOOST_TEST(!shards::is_shard_name({Scheme::hash, 4}, "shard-4"));
    BOOST_TEST(!shards::is_shard_name({Scheme::hash, 4}, "shard-03"));
    BOOST_TEST(!shards::is_shard_name({Scheme::hash, 4}, "2021"));
    BOOST_TEST(shards::is_shard_name({Scheme::year, 0}, "2021"));
    BOOST_TEST(shards::is_shard_name({Scheme::year, 0}, "undated"));
    BOOST_TEST(!shards::is_shard_name({Scheme::year, 0}, "2021-02"));
    BOOST_TEST(shards::is_shard_name({Scheme::month, 0}, "2021-02"));
    BOOST_TEST(!shards::is_shard_name({Scheme::month, 0}, "2021-13"));
    BOOST_TEST(!shards::is_any_shard_name("XAPIANDB"));
    BOOST_TEST(!shards::is_any_shard_name(".shard-0.compacted-12"));
    std::vector<std::string> hash = {"shard-10", "shard-2", "shard-0", "shard-1"};
    shards::sort_for_stub(hash);
    BOOST_TEST(hash == (std::vector<std::string>{"shard-0", "shard-1", "shard-2", "shard-10"}),
               boost::test_tools::per_element());
    std::vector<std::string> months = {"undated", "2022-01", "2021-12", "1987-03"};
    shards::sort_for_stub(months);
    BOOST_TEST(months == (std::vector<std::string>{"1987-03", "2021-12", "2022-01", "undated"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(archives)

BOOST_AUTO_TEST_CASE(what_a_path_holds) {
    using Kind = shards::Archive::Kind;
    TempDir dir;
    BOOST_TEST((shards::inspect((dir.path / "new").string()).kind == Kind::absent));
    BOOST_TEST((shards::inspect(dir.path.string()).kind == Kind::empty_folder));
    dir.write("notes.txt", "hello");
    BOOST_TEST((shards::inspect(dir.path.string()).kind == Kind::other));
    BOOST_TEST(index(dir.path / "one", {kCorpus}).code == 0);
    BOOST_TEST((shards::inspect((dir.path / "one").string()).kind == Kind::database));
    BOOST_TEST(index(dir.path / "arc", {kCorpus}, [](auto& o) { o.shard_by = "year"; }).code == 0);
    shards::Archive archive = shards::inspect((dir.path / "arc").string());
    BOOST_TEST((archive.kind == Kind::archive));
    BOOST_TEST((archive.layout == Layout{Scheme::year, 0}));
    BOOST_TEST(archive.shards == (std::vector<std::string>{"2022", "2023", "2024", "undated"}),
               boost::test_tools::per_element());
    // The stub itself names the archive too.
    archive = shards::inspect((dir.path / "arc" / "XAPIANDB").string());
    BOOST_TEST(archive.folder == (dir.path / "arc").string());
    // A run killed before it wrote the stub leaves an archive all the same.
    fs::remove(dir.path / "arc" / "XAPIANDB");
    BOOST_TEST((shards::inspect((dir.path / "arc").string()).kind == Kind::archive));
}

BOOST_AUTO_TEST_CASE(contradictions_are_usage_errors) {
    TempDir dir;
    BOOST_TEST(index(dir.path / "one", {kCorpus}).code == 0);
    BOOST_TEST(index(dir.path / "arc", {kCorpus}, [](auto& o) { o.shards = 2; }).code == 0);
    dir.write("notes.txt", "hello");
    dir.write("other.stub", "remote news1.example:33333\n");
    fs::create_directories(dir.path / "foreign");
    dir.write("foreign/XAPIANDB", "auto ../one\n");
    std::string where = dir.path.string();
    struct Case {
        std::string db;
        std::function<void(morgue::IndexOptions&)> adjust;
        std::string message;
    };
    const Case cases[] = {
        {where + "/arc", [](auto& o) { o.shards = 4; },
         "'" + where +
             "/arc' is an archive of 2 hash shards (made with --shards 2), which "
             "--shards 4 contradicts; leave the flag out to add to the archive as it is laid out, "
             "or "
             "index into a new folder\n"},
        {where + "/arc", [](auto& o) { o.shard_by = "month"; },
         "(made with --shards 2), which --shard-by month contradicts"},
        {where + "/one", [](auto& o) { o.shards = 2; },
         "'" + where +
             "/one' is a database that is not sharded; --shards 2 lays out a new "
             "archive only: leave it out to add to this database, or give -d a new folder\n"},
        {where, [](auto& o) { o.shard_by = "year"; },
         "holds files that are not a morgue archive; give -d a new or empty folder"},
        {where + "/other.stub", [](auto& o) { o.shards = 2; },
         "other.stub': a stub file, not a sharded archive (a folder holding XAPIANDB and its "
         "shards)"},
        {where + "/foreign",
         {},
         "foreign/XAPIANDB', line 1, lists a database that is not a shard in the archive's "
         "folder; give -d a new or empty folder for a sharded archive"},
        {where + "/arc/shard-1",
         {},
         "'" + where + "/arc/shard-1' is a shard of the sharded archive '" + where +
             "/arc'; index into the archive instead: -d " + where + "/arc\n"},
        {where + "/one", [](auto& o) { o.merge = true; },
         "--merge: '" + where + "/one' is not a sharded archive, so there is nothing to merge"},
        {where + "/arc", [](auto& o) { o.merge = true, o.shards = 2; },
         "--merge combines the shards of an existing archive; it does not go with --shards 2\n"},
    };
    for (const Case& c : cases) {
        Run run = index(c.db, {kCorpus}, c.adjust);
        BOOST_TEST_CONTEXT(c.message) {
            BOOST_TEST(run.code == 2);
            BOOST_TEST(run.err.find("morgue-index: error: ") == 0U, run.err);
            BOOST_TEST(run.err.find(c.message) != std::string::npos, run.err);
        }
    }
    // Nothing was written by the refused runs.
    BOOST_TEST(text(counts(dir.path / "arc")) == text(Counts{{"shard-0", 12}, {"shard-1", 17}}));
    BOOST_TEST(Xapian::Database((dir.path / "one").string()).get_doccount() == 29U);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(sharded_runs)

BOOST_AUTO_TEST_CASE(hash_shards_hold_the_database_split) {
    TempDir dir;
    BOOST_TEST_REQUIRE(index(dir.path / "one", {kCorpus}).code == 0);
    Run run = index(dir.path / "arc", {kCorpus}, [](auto& o) { o.shards = 3; });
    BOOST_TEST_REQUIRE(run.code == 0, run.err);
    BOOST_TEST(text(counts(dir.path / "arc")) ==
               text(Counts{{"shard-0", 7}, {"shard-1", 15}, {"shard-2", 7}}));
    Metadata one = metadata(dir.path / "one");
    Metadata files;
    for (const char* shard : {"shard-0", "shard-1", "shard-2"}) {
        Metadata meta = metadata(dir.path / "arc" / shard);
        BOOST_TEST(meta["morgue:sharding"] == "hash 3");
        BOOST_TEST(meta["morgue:schema_version"] == "1");
        std::erase_if(meta, [](const auto& kv) { return !is_file_state(kv.first); });
        files.insert(meta.begin(), meta.end());
    }
    // Every file is recorded where its documents went, with the state the database has.
    std::erase_if(one, [](const auto& kv) { return !is_file_state(kv.first); });
    BOOST_TEST(text(files) == text(one));
    BOOST_TEST(metadata(dir.path / "arc" / "shard-1")["morgue:languages"] == "de en");
    BOOST_TEST(metadata(dir.path / "one")["morgue:languages"] == "de en zh");
    // The run again reads nothing: every file is unchanged.
    run = index(dir.path / "arc", {kCorpus});
    BOOST_TEST(run.err.find("0 added, 0 replaced, 0 skipped, 0 undated; 0 files read, "
                            "16 unchanged") != std::string::npos,
               run.err);
}

BOOST_AUTO_TEST_CASE(records_move_with_their_dates) {
    TempDir dir;
    std::string dump = dir.write("dump.jsonl",
                                 R"({"id":"a","title":"Alpha","text":"one","date":"2021-05-01"}
{"id":"b","title":"Beta","text":"two","date":"2022-01-01"}
{"id":"c","title":"Gamma","text":"three"}
)");
    Run run = index(dir.path / "arc", {dump}, [](auto& o) { o.shard_by = "year"; });
    BOOST_TEST(run.err.find("3 added, 0 replaced, 0 skipped, 1 undated") != std::string::npos);
    BOOST_TEST(text(counts(dir.path / "arc")) ==
               text(Counts{{"2021", 1}, {"2022", 1}, {"undated", 1}}));
    // a moves on, c gets a date, d comes twice in the run (the last copy wins), b stays.
    dir.write("dump.jsonl", R"({"id":"a","title":"Alpha","text":"one","date":"2023-05-01"}
{"id":"b","title":"Beta","text":"two","date":"2022-01-01"}
{"id":"c","title":"Gamma","text":"three","date":"2021-02-02"}
{"id":"d","title":"Delta","text":"four","date":"2020-01-01"}
{"id":"d","title":"Delta again","text":"five","date":"2019-01-01"}
)");
    run = index(dir.path / "arc", {dump});
    BOOST_TEST(run.err.find("1 added, 4 replaced, 0 skipped, 0 undated") != std::string::npos,
               run.err);
    BOOST_TEST(
        text(counts(dir.path / "arc")) ==
        text(Counts{
            {"2019", 1}, {"2020", 0}, {"2021", 1}, {"2022", 1}, {"2023", 1}, {"undated", 0}}));
    Xapian::Database all((dir.path / "arc").string());
    BOOST_TEST(all.get_doccount() == 4U);
    BOOST_TEST(all.get_termfreq("Qd") == 1U);
    // The file's state is where its documents are now, and where it was before: no shard
    // keeps an older one.
    std::string key = morgue::file_state_key(fs::weakly_canonical(dump).string());
    std::string state = metadata(dir.path / "arc" / "2023")[key];
    BOOST_TEST(!state.empty());
    for (const char* shard : {"2019", "2020", "2021", "2022", "2023", "undated"}) {
        Metadata meta = metadata(dir.path / "arc" / shard);
        BOOST_TEST((meta.count(key) == 0 || meta[key] == state), shard);
    }
    BOOST_TEST(metadata(dir.path / "arc" / "2021")[key] == state);
    // --delete finds an id in whichever shard holds it.
    run = index(dir.path / "arc", {}, [](auto& o) { o.delete_ids = {"c", "zz"}; });
    BOOST_TEST(run.err.find("1 deleted") != std::string::npos, run.err);
    BOOST_TEST((counts(dir.path / "arc")["2021"] == 0U));
}

BOOST_AUTO_TEST_CASE(merging_keeps_documents_and_metadata) {
    TempDir dir;
    BOOST_TEST_REQUIRE(index(dir.path / "one", {kCorpus}).code == 0);
    BOOST_TEST_REQUIRE(
        index(dir.path / "arc", {kCorpus}, [](auto& o) { o.shard_by = "month"; }).code == 0);
    Run run = index(dir.path / "arc", {}, [](auto& o) { o.merge = true; });
    BOOST_TEST_REQUIRE(run.code == 0, run.err);
    BOOST_TEST(
        run.err.find("morgue-index: merged 7 shards into one database: ") != std::string::npos,
        run.err);
    BOOST_TEST(!fs::exists(dir.path / "arc" / "XAPIANDB"));
    BOOST_TEST(fs::exists(dir.path / "arc" / "iamglass"));
    BOOST_TEST(text(metadata(dir.path / "arc")) == text(metadata(dir.path / "one")));
    Xapian::Database merged((dir.path / "arc").string());
    BOOST_TEST(merged.get_doccount() == 29U);
    // Only the temporary folders of the test: the work folder is gone.
    BOOST_TEST(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 2);
    // An unsharded database again: the next run adds to it as to any other.
    run = index(dir.path / "arc", {kCorpus});
    BOOST_TEST(run.err.find("16 unchanged") != std::string::npos, run.err);
}

// Ids written differently but normalised alike are one document, also where a fresh database
// or shard is written in segments on several threads.
BOOST_AUTO_TEST_CASE(ids_normalised_alike_are_one_document) {
    TempDir dir;
    std::string dump = dir.write("dump.jsonl", R"({"id":"http://www.example.com/a","text":"one"}
{"id":"https://example.com/a","text":"two"}
)");
    const std::function<void(morgue::IndexOptions&)> layouts[] = {
        {}, [](auto& o) { o.shards = 2; }, [](auto& o) { o.shard_by = "year"; }};
    for (std::size_t i = 0; i < 3; ++i) {
        Run run = index(dir.path / std::to_string(i), {dump}, layouts[i]);
        BOOST_TEST(run.err.find("1 added, 1 replaced") != std::string::npos, run.err);
        BOOST_TEST(Xapian::Database((dir.path / std::to_string(i)).string()).get_doccount() == 1U);
    }
}

BOOST_AUTO_TEST_CASE(an_archive_of_no_record_keeps_its_layout) {
    TempDir dir;
    std::string empty = dir.write("empty.jsonl", "");
    BOOST_TEST(index(dir.path / "arc", {empty}, [](auto& o) { o.shard_by = "month"; }).code == 0);
    std::ifstream stub(dir.path / "arc" / "XAPIANDB");
    BOOST_TEST(std::string(std::istreambuf_iterator<char>(stub), {}) == "auto undated\n");
    BOOST_TEST(metadata(dir.path / "arc" / "undated")["morgue:sharding"] == "month");
    Run run = index(dir.path / "arc", {empty});
    BOOST_TEST(run.code == 0);
    BOOST_TEST(run.err.find("0 files read, 1 unchanged") != std::string::npos, run.err);
}

BOOST_AUTO_TEST_CASE(every_shard_is_checked_and_locked) {
    TempDir dir;
    BOOST_TEST_REQUIRE(
        index(dir.path / "arc", {kCorpus}, [](auto& o) { o.shard_by = "year"; }).code == 0);
    {
        // Another writer holds the archive.
        morgue::ArchiveLock held((dir.path / "arc").string(), {});
        Run run = index(dir.path / "arc", {kCorpus}, [](auto& o) { o.force = true; });
        BOOST_TEST(run.code == 3);
        BOOST_TEST(run.err == "morgue-index: error: archive '" + (dir.path / "arc").string() +
                                  "' is locked by another writer (is another morgue-index "
                                  "running?); try again when it has finished, or use --wait\n");
    }
    // Xapian reads an archive's metadata from its first shard only: each shard is checked.
    {
        Xapian::WritableDatabase shard((dir.path / "arc" / "2023").string());
        shard.set_metadata("morgue:schema_version", "9");
        shard.commit();
    }
    Run run = index(dir.path / "arc", {kCorpus}, [](auto& o) { o.force = true; });
    BOOST_TEST(run.code == 3);
    BOOST_TEST(run.err == "morgue-index: error: database '" + (dir.path / "arc" / "2023").string() +
                              "' has schema version 9, newer than this morgue's 1; use a newer "
                              "morgue-index\n");
}

/// Sets a file state in one shard, as a run killed between the commits of two shards leaves it.
void set_state(const fs::path& shard, const std::string& key, const std::string& state) {
    Xapian::WritableDatabase db(shard.string());
    db.set_metadata(key, state);
    db.commit();
}

BOOST_AUTO_TEST_CASE(file_states_that_disagree_are_dropped) {
    TempDir dir;
    std::string dump = dir.write("dump.jsonl",
                                 R"({"id":"a","title":"Alpha","text":"one","date":"2021-05-01"}
{"id":"b","title":"Beta","text":"two","date":"2022-01-01"}
{"id":"c","title":"Gamma","text":"three","date":"2023-01-01"}
)");
    BOOST_TEST_REQUIRE(index(dir.path / "arc", {dump}, [](auto& o) { o.shard_by = "year"; }).code ==
                       0);
    std::string key = morgue::file_state_key(fs::weakly_canonical(dump).string());
    // The shard in the middle disagrees with the two others: the file is read again.
    set_state(dir.path / "arc" / "2022", key, "1 1");
    Run run = index(dir.path / "arc", {dump});
    BOOST_TEST(run.err.find("0 added, 3 replaced, 0 skipped, 0 undated; 1 files read") !=
                   std::string::npos,
               run.err);
    std::string state = metadata(dir.path / "arc" / "2021")[key];
    BOOST_TEST(metadata(dir.path / "arc" / "2022")[key] == state);
    // A merge keeps no state the shards disagree on, nor the layout.
    set_state(dir.path / "arc" / "2023", key, "1 1");
    BOOST_TEST_REQUIRE(index(dir.path / "arc", {}, [](auto& o) { o.merge = true; }).code == 0);
    BOOST_TEST(metadata(dir.path / "arc").count(key) == 0U);
    BOOST_TEST(metadata(dir.path / "arc").count("morgue:sharding") == 0U);
}

BOOST_AUTO_TEST_SUITE_END()
