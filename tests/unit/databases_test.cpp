#define BOOST_TEST_MODULE databases
#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/databases.h"
#include "common/errors.h"
#include "common/index_writer.h"
#include "common/schema.h"
#include "common/search.h"

namespace fs = std::filesystem;
using morgue::ShardAddress;
using Kind = ShardAddress::Kind;

namespace {

/// A temporary folder, removed at the end of the test.
struct TempFolder {
    fs::path path;
    TempFolder() {
        std::string pattern = (fs::temp_directory_path() / "morgue-databases-XXXXXX").string();
        path = ::mkdtemp(pattern.data());
    }
    ~TempFolder() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
    std::string write(const std::string& name, const std::string& text) const {
        fs::create_directories((path / name).parent_path());
        std::ofstream(path / name) << text;
        return (path / name).string();
    }
    std::string operator/(const std::string& name) const { return (path / name).string(); }
};

template <typename F>
std::string error_of(F&& run) {
    try {
        run();
    } catch (const std::exception& e) {
        return e.what();
    }
    return "no error";
}

morgue::Article article(int i) {
    morgue::Article a;
    // Ids in another order than the documents, so that document order breaks no tie right.
    a.id = "story-" + std::to_string((i * 7) % 31 + 100);
    a.title = i % 2 == 0 ? "Harbour news" : "Crab season";
    a.body = i % 3 == 0   ? "The harbour board met about the harbour."
             : i % 3 == 1 ? "Crab boats left the harbour before dawn."
                          : "The council voted on trams.";
    if (i % 5 != 0) {
        a.date = 1645488000 + (i % 4) * 86400;  // four dates, many articles on each
    }
    a.source = i % 4 == 0 ? "Coastal Courier" : "Northern Ledger";
    a.lang = i % 6 == 5 ? "de" : "en";
    return a;
}

void write_articles(const std::string& path, const std::vector<int>& which) {
    fs::create_directories(fs::path(path).parent_path());
    morgue::IndexWriter writer(path);
    morgue::DocumentBuilder builder;
    for (int i : which) {
        morgue::Article a = article(i);
        writer.write(builder.build(a), morgue::schema::id_term(a.id), a.lang);
    }
    writer.commit();
}

/// One database of 31 articles full of ties, the same articles as three shards, and stubs
/// listing the shards as local databases and as remote ones (xapian-progsrv on a pipe, which
/// speaks the protocol of xapian-tcpsrv).
struct Archive {
    TempFolder dir;
    std::string single = dir / "single";
    std::string local_stub;
    std::string remote_stub;
    Archive() {
        std::vector<int> all;
        std::vector<std::vector<int>> parts(3);
        for (int i = 0; i < 31; ++i) {
            all.push_back(i);
            parts[(i * 5) % 3].push_back(i);
        }
        write_articles(single, all);
        std::string local;
        std::string remote;
        for (int s = 0; s < 3; ++s) {
            std::string shard = dir / ("shards/shard-" + std::to_string(s));
            write_articles(shard, parts[s]);
            local += "auto shard-" + std::to_string(s) + "\n";
            remote += "remote :xapian-progsrv " + shard + "\n";
        }
        local_stub = dir.write("shards/XAPIANDB", local);
        remote_stub = dir.write("remote.stub", remote);
    }
};

struct Found {
    std::vector<std::string> ids;
    std::vector<std::size_t> ranks;
    std::vector<long> scores;  ///< in millionths
    std::size_t total = 0;
};

Found search(const std::string& database, morgue::SearchRequest request) {
    request.now = 1645617600;
    request.exact_total = true;
    request.suggest = false;
    morgue::Searcher searcher({database});
    Found found;
    morgue::SearchResults results = searcher.search(request);
    for (const morgue::Hit& hit : results.hits) {
        found.ids.push_back(hit.id);
        found.ranks.push_back(hit.rank);
        found.scores.push_back(std::lround(hit.score * 1e6));
    }
    found.total = results.total_estimate;
    return found;
}

void expect_same(const Found& a, const Found& b) {
    BOOST_TEST(a.ids == b.ids, boost::test_tools::per_element());
    BOOST_TEST(a.ranks == b.ranks, boost::test_tools::per_element());
    BOOST_TEST(a.scores == b.scores, boost::test_tools::per_element());
    BOOST_TEST(a.total == b.total);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(addresses)

BOOST_AUTO_TEST_CASE(tcp_addresses) {
    auto address = morgue::tcp_address("tcp://127.0.0.1:8100");
    BOOST_REQUIRE(address.has_value());
    BOOST_TEST((address->kind == Kind::tcp));
    BOOST_TEST(address->host == "127.0.0.1");
    BOOST_TEST(address->port == 8100U);
    BOOST_TEST(address->name() == "tcp://127.0.0.1:8100");
    address = morgue::tcp_address("tcp://[::1]:65535");
    BOOST_REQUIRE(address.has_value());
    BOOST_TEST(address->host == "::1");
    BOOST_TEST(address->port == 65535U);
    BOOST_TEST(address->name() == "tcp://[::1]:65535");
    BOOST_TEST(morgue::tcp_address("news.db").has_value() == false);
    BOOST_TEST(morgue::tcp_address("./tcp://x:1").has_value() == false);
}

BOOST_AUTO_TEST_CASE(malformed_tcp_addresses_are_usage_errors) {
    for (const char* bad : {"tcp://", "tcp://host", "tcp://host:", "tcp://:8100", "tcp://host:0",
                            "tcp://host:65536", "tcp://host:80a", "tcp://::1:8100",
                            "tcp://[::1]8100", "tcp://host:8100/db", "tcp://a b:1"}) {
        BOOST_TEST_INFO(bad);
        std::string error;
        try {
            morgue::tcp_address(bad);
            error = "no error";
        } catch (const morgue::UsageError& e) {
            error = e.what();
        }
        BOOST_TEST(error == std::string("-d ") + bad +
                                ": expected tcp://HOST:PORT, a port from 1 to 65535 (IPv6: "
                                "tcp://[ADDRESS]:PORT)");
    }
}

BOOST_AUTO_TEST_CASE(stubs_expand_nested_and_name_their_lines) {
    TempFolder dir;
    fs::create_directories(dir.path / "archive/2021");
    dir.write("archive/XAPIANDB", "auto 2021\n# older years\nauto ../old.stub\n");
    std::string old =
        dir.write("old.stub", "remote 10.0.0.7:8100\nremote :xapian-progsrv /srv/2019\ninmemory\n");
    std::vector<std::string> repeated;
    std::vector<ShardAddress> shards = morgue::shard_addresses(
        {dir / "archive", "tcp://news.example:8101", dir / "archive/2021"}, &repeated);
    BOOST_REQUIRE_EQUAL(shards.size(), 5U);
    BOOST_TEST((shards[0].kind == Kind::local));
    BOOST_TEST(shards[0].path == dir / "archive/2021");
    BOOST_TEST(shards[0].listed_by == dir / "archive/XAPIANDB" + ", line 1");
    BOOST_TEST(shards[1].name() == "tcp://10.0.0.7:8100");
    BOOST_TEST(shards[1].listed_by == old + ", line 1");
    BOOST_TEST(shards[1].described() == "tcp://10.0.0.7:8100 (listed by " + old + ", line 1)");
    BOOST_TEST(shards[2].name() == "remote :xapian-progsrv /srv/2019");
    BOOST_TEST(shards[2].remote());
    BOOST_TEST(shards[3].name() == "inmemory");
    BOOST_TEST(shards[4].name() == "tcp://news.example:8101");
    BOOST_TEST(shards[4].listed_by.empty());
    BOOST_TEST(repeated == std::vector<std::string>{"'" + dir / "archive/2021" + "'"});
}

BOOST_AUTO_TEST_CASE(a_plain_database_is_not_a_stub) {
    TempFolder dir;
    std::vector<ShardAddress> shards = morgue::shard_addresses({dir / "missing", dir.path});
    BOOST_REQUIRE_EQUAL(shards.size(), 2U);
    BOOST_TEST(shards[0].path == dir / "missing");
    BOOST_TEST(shards[1].described() == "'" + dir.path.string() + "'");
}

BOOST_AUTO_TEST_CASE(a_single_file_database_is_not_a_stub) {
    TempFolder dir;
    write_articles(dir / "db", {1, 2});
    std::string file = dir / "single.db";
    BOOST_REQUIRE_EQUAL(
        std::system(
            ("xapian-compact --single-file " + dir / "db" + " " + file + " > /dev/null").c_str()),
        0);
    std::vector<ShardAddress> shards = morgue::shard_addresses({file});
    BOOST_REQUIRE_EQUAL(shards.size(), 1U);
    BOOST_TEST(shards[0].path == file);
    BOOST_TEST(morgue::ShardSet({file}, {}).database().get_doccount() == 2U);
}

BOOST_AUTO_TEST_CASE(stub_loops_are_refused) {
    TempFolder dir;
    std::string self = dir.write("self.stub", "auto self.stub\n");
    BOOST_TEST(error_of([&] { morgue::shard_addresses({self}); }) ==
               "stub databases list each other in a loop: " + self + ", line 1 -> " + self +
                   " again; a stub must not lead back to itself");
    std::string a = dir.write("a/XAPIANDB", "auto ../b.stub\n");
    std::string b = dir.write("b.stub", "# back\nauto a\n");
    BOOST_TEST(error_of([&] { morgue::shard_addresses({dir / "a"}); }) ==
               "stub databases list each other in a loop: " + a + ", line 1 -> " + b +
                   ", line 2 -> " + dir / "a/XAPIANDB" +
                   " again; a stub must not lead back "
                   "to itself");
}

BOOST_AUTO_TEST_CASE(a_bad_stub_line_is_named) {
    TempFolder dir;
    std::string stub = dir.write("bad.stub", "auto a\nremote nowhere\n");
    BOOST_TEST(error_of([&] { morgue::shard_addresses({stub}); }) ==
               "stub database '" + stub +
                   "', line 2: 'remote nowhere' is not HOST:PORT (a port from 1 to 65535)");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(opening)

BOOST_AUTO_TEST_CASE(metadata_is_merged_from_every_shard) {
    TempFolder dir;
    write_articles(dir / "en", {0, 1});
    write_articles(dir / "de", {5});
    // Xapian would read the languages of the first shard only.
    morgue::ShardSet shards({dir / "en", dir / "de"}, {});
    BOOST_TEST(shards.languages() == (std::vector<std::string>{"de", "en"}),
               boost::test_tools::per_element());
    BOOST_TEST(shards.database().get_doccount() == 3U);
    BOOST_TEST(shards.names() == (std::vector<std::string>{dir / "en", dir / "de"}),
               boost::test_tools::per_element());
    BOOST_TEST(shards.remote_names().empty());
}

BOOST_AUTO_TEST_CASE(a_newer_shard_is_named_with_its_stub_line) {
    TempFolder dir;
    write_articles(dir / "a/2021", {0});
    write_articles(dir / "a/2022", {1});
    {
        Xapian::WritableDatabase newer(dir / "a/2022");
        newer.set_metadata(std::string(morgue::schema::kSchemaVersionKey), "99");
    }
    std::string stub = dir.write("a/XAPIANDB", "auto 2021\nauto 2022\n");
    BOOST_TEST(error_of([&] { morgue::ShardSet({dir / "a"}, {}); }) ==
               "database '" + dir / "a/2022" +
                   "' has schema version 99, newer than this morgue's 1; use a newer "
                   "morgue-search (listed by " +
                   stub + ", line 2); --partial searches the other shards without it");
}

BOOST_AUTO_TEST_CASE(missing_shards_fail_or_are_left_out) {
    TempFolder dir;
    write_articles(dir / "a/2021", {0, 1});
    std::string stub = dir.write("a/XAPIANDB", "auto 2021\nauto 2022\n");
    BOOST_TEST(error_of([&] { morgue::ShardSet({dir / "a"}, {}); }) ==
               "no database at '" + dir / "a/2022" + "' (listed by " + stub +
                   ", line 2); --partial searches the other shards without it");
    morgue::ShardSet partial({dir / "a"}, {true, 1000});
    BOOST_TEST(partial.database().get_doccount() == 2U);
    BOOST_TEST(partial.notices() ==
                   std::vector<std::string>{"shard '" + dir / "a/2022" + "' (listed by " + stub +
                                            ", line 2) left out (--partial): no database there"},
               boost::test_tools::per_element());
    BOOST_TEST(error_of([&] { morgue::ShardSet({dir / "none"}, {}); }) ==
               "no database at '" + dir / "none" + "'; build one with: morgue-index -d " +
                   dir / "none" + " FILES...");
}

BOOST_AUTO_TEST_CASE(no_shard_at_all_is_an_error_even_when_partial) {
    TempFolder dir;
    std::string stub = dir.write("a.stub", "auto x\nremote :xapian-progsrv " + dir / "y" + "\n");
    std::string error = error_of([&] { morgue::ShardSet({stub}, {true, 5000}); });
    BOOST_TEST(error.rfind("none of the 2 shards can be searched: " + dir / "x" +
                               ": no database there; remote :xapian-progsrv " + dir / "y" + ": ",
                           0) == 0,
               error);
    std::string empty = dir.write("empty.stub", "# nothing yet\n");
    BOOST_TEST(error_of([&] { morgue::ShardSet({empty}, {}); }) ==
               "no shard to search: the stub databases given list none");
}

BOOST_AUTO_TEST_CASE(ipv6_shards_get_a_reason) {
    std::string error = error_of([] { morgue::ShardSet({"tcp://[::1]:9"}, {}); });
    BOOST_TEST(error.find("cannot reach shard tcp://[::1]:9: ") == 0, error);
    BOOST_TEST(error.find("connects to remote databases over IPv4 only") != std::string::npos,
               error);
}

BOOST_AUTO_TEST_CASE(refused_connections_name_the_shard) {
    TempFolder dir;
    write_articles(dir / "a", {0});
    // Port 9 (discard) on the loopback interface: nothing listens there on a test machine.
    std::string error = error_of([&] { morgue::ShardSet({dir / "a", "tcp://127.0.0.1:9"}, {}); });
    BOOST_TEST(error ==
               "cannot reach shard tcp://127.0.0.1:9: Couldn't connect (Connection "
               "refused); --partial searches the other shards without it");
    morgue::ShardSet partial({dir / "a", "tcp://127.0.0.1:9"}, {true, 1000});
    BOOST_TEST(partial.names() == std::vector<std::string>{dir / "a"});
    BOOST_TEST(
        partial.notices() ==
            std::vector<std::string>{"shard tcp://127.0.0.1:9 left out (--partial): Couldn't "
                                     "connect (Connection refused)"},
        boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(sharded_search)

BOOST_AUTO_TEST_CASE(remote_shards_are_remote) {
    Archive archive;
    morgue::ShardSet shards({archive.remote_stub}, {});
    BOOST_TEST(shards.remote_names().size() == 3U);
    BOOST_TEST(shards.database().get_doccount() == 31U);
    BOOST_TEST(shards.languages() == (std::vector<std::string>{"de", "en"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(shards_order_matches_as_one_database_does) {
    Archive archive;
    struct Window {
        std::size_t offset;
        std::size_t limit;
    };
    for (const char* query : {"harbour", "*", "harbour OR crab", "source:\"northern ledger\"",
                              "crab NOT date:2022-02-22", "title:harbour"}) {
        for (auto sort :
             {morgue::SortOrder::relevance, morgue::SortOrder::newest, morgue::SortOrder::oldest}) {
            for (Window window : {Window{0, 100}, Window{0, 1}, Window{3, 4}, Window{5, 7},
                                  Window{19, 5}, Window{28, 10}}) {
                morgue::SearchRequest request;
                request.query = query;
                request.sort = sort;
                request.offset = window.offset;
                request.limit = window.limit;
                BOOST_TEST_INFO(query << " sort " << static_cast<int>(sort) << " offset "
                                      << window.offset << " limit " << window.limit);
                Found one = search(archive.single, request);
                expect_same(one, search(archive.local_stub, request));
                expect_same(one, search(archive.remote_stub, request));
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(recency_and_expansion_read_the_same_best_matches) {
    Archive archive;
    morgue::SearchRequest request;
    request.query = "harbour OR crab";
    request.limit = 12;
    request.recency = "1d";
    Found one = search(archive.single, request);
    BOOST_TEST(one.ids.size() == 12U);
    expect_same(one, search(archive.remote_stub, request));
    request.recency.clear();
    request.expand = true;
    one = search(archive.single, request);
    expect_same(one, search(archive.remote_stub, request));
}

BOOST_AUTO_TEST_CASE(remote_shards_have_no_spelling_data) {
    Archive archive;
    morgue::SearchRequest request;
    request.query = "harbur";
    morgue::SearchResults local = morgue::Searcher({archive.local_stub}).search(request);
    BOOST_TEST(local.suggestion == "harbour");
    BOOST_TEST(local.warnings.empty());
    morgue::SearchResults remote = morgue::Searcher({archive.remote_stub}).search(request);
    BOOST_TEST(remote.suggestion == "");
    BOOST_REQUIRE_EQUAL(remote.warnings.size(), 1U);
    BOOST_TEST(remote.warnings[0].find("\"did you mean\" leaves out the words of the remote "
                                       "shards (remote :xapian-progsrv ") == 0,
               remote.warnings[0]);
}

BOOST_AUTO_TEST_SUITE_END()
