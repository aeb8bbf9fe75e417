#define BOOST_TEST_MODULE stub
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "common/errors.h"
#include "common/stub.h"

namespace fs = std::filesystem;
namespace stub = morgue::stub;
using Kind = stub::Entry::Kind;

namespace {

/// A temporary folder, removed at the end of the test.
struct TempFolder {
    fs::path path;
    TempFolder() {
        std::string pattern = (fs::temp_directory_path() / "morgue-stub-XXXXXX").string();
        path = ::mkdtemp(pattern.data());
    }
    ~TempFolder() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
    std::string write(const std::string& name, const std::string& text) const {
        std::ofstream(path / name) << text;
        return (path / name).string();
    }
};

std::string error_of(const std::string& stub_path) {
    try {
        stub::read(stub_path);
    } catch (const morgue::DatabaseError& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(stub_files)

BOOST_AUTO_TEST_CASE(every_kind_of_line) {
    TempFolder dir;
    std::string path = dir.write("archive.stub",
                                 "# the shards\n"
                                 "auto 2021\n"
                                 "\n"
                                 "glass  /srv/morgue/2022  \n"
                                 "chert ../old\n"
                                 "remote news1.example:33333\n"
                                 "remote [::1]:8100\n"
                                 "remote :ssh news2 xapian-progsrv /srv/2023\n"
                                 "inmemory\n");
    std::vector<stub::Entry> entries = stub::read(path);
    BOOST_REQUIRE_EQUAL(entries.size(), 7U);
    BOOST_TEST((entries[0].kind == Kind::local));
    BOOST_TEST(entries[0].path == (dir.path / "2021").string());
    BOOST_TEST(entries[0].line == 2);
    BOOST_TEST(entries[1].path == "/srv/morgue/2022");
    BOOST_TEST(entries[2].path == (dir.path.parent_path() / "old").string());
    BOOST_TEST((entries[3].kind == Kind::tcp));
    BOOST_TEST(entries[3].host == "news1.example");
    BOOST_TEST(entries[3].port == 33333U);
    BOOST_TEST(entries[3].line == 6);
    BOOST_TEST(entries[4].host == "::1");
    BOOST_TEST(entries[4].port == 8100U);
    BOOST_TEST((entries[5].kind == Kind::program));
    BOOST_TEST(entries[5].program == "ssh news2 xapian-progsrv /srv/2023");
    BOOST_TEST((entries[6].kind == Kind::inmemory));
}

struct BadLine {
    const char* text;
    const char* message;
};

const BadLine kBadLines[] = {
    {"auto\n", "line 1: 'auto' names no database"},
    {"remote news1.example\n", "line 1: 'remote news1.example' is not HOST:PORT"},
    {"remote news1.example:0\n", "is not HOST:PORT (a port from 1 to 65535)"},
    {"remote news1.example:65536\n", "is not HOST:PORT"},
    {"remote :33333x\n", "no error"},  // a program, as Xapian reads it
    {"remote news1.example:12ab\n", "is not HOST:PORT"},
    {"\n\ntcp 127.0.0.1 8100\n", "line 3: 'tcp 127.0.0.1 8100' is not a stub line"},
    {"inmemory extra\n", "line 1: 'inmemory extra' is not a stub line"},
};

BOOST_AUTO_TEST_CASE(bad_lines_name_the_file_and_line) {
    TempFolder dir;
    for (const BadLine& bad : kBadLines) {
        std::string path = dir.write("bad.stub", bad.text);
        std::string error = error_of(path);
        BOOST_TEST_INFO(bad.text);
        BOOST_TEST(error.find(bad.message) != std::string::npos, error);
        if (std::string(bad.message) != "no error") {
            BOOST_TEST(error.find("'" + path + "'") != std::string::npos, error);
        }
    }
}

BOOST_AUTO_TEST_CASE(missing_stub) {
    TempFolder dir;
    std::string error = error_of((dir.path / "none").string());
    BOOST_TEST(error.find("cannot read stub database") != std::string::npos, error);
}

BOOST_AUTO_TEST_CASE(folders_with_a_stub_and_files_are_stubs) {
    TempFolder dir;
    fs::create_directories(dir.path / "plain");
    fs::create_directories(dir.path / "sharded");
    std::string inside = dir.write("sharded/XAPIANDB", "auto a\n");
    std::string file = dir.write("list.stub", "auto a\n");
    BOOST_TEST(!stub::stub_file((dir.path / "plain").string()).has_value());
    BOOST_TEST(!stub::stub_file((dir.path / "absent").string()).has_value());
    BOOST_TEST(stub::stub_file((dir.path / "sharded").string()).value() == inside);
    BOOST_TEST(stub::stub_file(file).value() == file);
    // A single-file database (xapian-compact --single-file) is a regular file but no stub.
    std::string single = dir.write("single.glass", std::string("\x0f\x0dXapian Glass\0\1", 16));
    BOOST_TEST(!stub::stub_file(single).has_value());
}

BOOST_AUTO_TEST_CASE(written_stubs_read_back_and_replace_the_old) {
    TempFolder dir;
    std::string path = (dir.path / stub::kStubName).string();
    stub::write(path, {"2021", "2022"});
    stub::write(path, {"2021", "2022", "undated"});
    std::vector<stub::Entry> entries = stub::read(path);
    BOOST_REQUIRE_EQUAL(entries.size(), 3U);
    BOOST_TEST(entries[2].path == (dir.path / "undated").string());
    std::ifstream in(path);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    BOOST_TEST(text == "auto 2021\nauto 2022\nauto undated\n");
    BOOST_TEST(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);
}

BOOST_AUTO_TEST_CASE(unwritable_stub) {
    BOOST_CHECK_THROW(stub::write("/nonexistent-folder/XAPIANDB", {"a"}), morgue::DatabaseError);
}

BOOST_AUTO_TEST_SUITE_END()
