#define BOOST_TEST_MODULE readers
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "common/readers/reader.h"
#include "common/readers/readers_impl.h"
#include "reader_harness.h"

using namespace morgue;
using morgue::testing::escape;
using morgue::testing::run;

namespace {

/// Hands out at most chunk bytes per read, to move line ends across buffer refills.
class ChunkSource : public ByteSource {
  public:
    ChunkSource(std::string data, std::size_t chunk) : data_(std::move(data)), chunk_(chunk) {}
    std::size_t read(char* buf, std::size_t n) override {
        const std::size_t count = std::min({n, chunk_, data_.size() - pos_});
        std::copy_n(data_.data() + pos_, count, buf);
        pos_ += count;
        return count;
    }

  private:
    std::string data_;
    std::size_t chunk_;
    std::size_t pos_ = 0;
};


struct Case {
    std::string input;
    std::string expected;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(byte_source)

BOOST_AUTO_TEST_CASE(line_reader_splits_lines) {
    // input, max_line -> lines as "number:text" with "!" marking a truncated line
    const std::vector<std::tuple<std::string, std::size_t, std::string>> cases{
        {"", 100, ""},
        {"a", 100, "1:a "},
        {"a\nb\n", 100, "1:a 2:b "},
        {"a\r\nb\r\n\r\nc", 100, "1:a 2:b 3: 4:c "},
        {"\n\n", 100, "1: 2: "},
        {"12345\n123456\n1234567\nx", 6, "1:12345 2:123456 3:123456! 4:x "},
        {"123456\r\n", 6, "1:123456 "},
        {"1234567890123\n\nab", 4, "1:1234! 2: 3:ab "},
        {"12345678", 4, "1:1234! "},
        {"a\rb\n", 100, "1:a\rb "},
    };
    for (const auto& [input, max_line, expected] : cases) {
        for (const std::size_t chunk : {std::size_t{1}, std::size_t{3}, std::size_t{1000}}) {
            ChunkSource source(input, chunk);
            LineReader lines(source, max_line);
            std::string line;
            std::string got;
            while (lines.next(line)) {
                got += std::to_string(lines.line_number()) + ":" + line +
                       (lines.truncated() ? "! " : " ");
            }
            BOOST_TEST(got == expected, "input '" << input << "' chunk " << chunk);
        }
    }
}

BOOST_AUTO_TEST_CASE(read_all_stops_at_the_limit) {
    const std::vector<std::tuple<std::string, std::size_t, std::string, bool>> cases{
        {"", 10, "", false},
        {"abc", 10, "abc", false},
        {"abcdefghij", 10, "abcdefghij", false},
        {"abcdefghijk", 10, "abcdefghij", true},
        {"abc", 0, "", true},
    };
    for (const auto& [input, limit, expected, expect_truncated] : cases) {
        ChunkSource source(input, 4);
        bool truncated = !expect_truncated;
        BOOST_TEST(read_all(source, limit, &truncated) == expected);
        BOOST_TEST(truncated == expect_truncated);
    }
}

BOOST_AUTO_TEST_CASE(string_source_reads_in_pieces) {
    StringSource source("hello");
    char buf[3];
    BOOST_TEST(source.read(buf, 3) == 3u);
    BOOST_TEST(std::string(buf, 3) == "hel");
    BOOST_TEST(source.read(buf, 3) == 2u);
    BOOST_TEST(std::string(buf, 2) == "lo");
    BOOST_TEST(source.read(buf, 3) == 0u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(text)

BOOST_AUTO_TEST_CASE(whole_file_is_one_record) {
    const std::vector<Case> cases{
        {"Title\n\nBody text.\n", "R in id=dir/in | body=Title\\n\\nBody text.\\n\n"},
        {"\xEF\xBB\xBFHello", "R in id=dir/in | body=Hello\n"},
        {"caf\xE9", "R in id=dir/in | body=caf\xC3\xA9\n"},
        {"", "D in: empty file; skipped [empty file]\n"},
        {" \n\t\r\n", "D in: empty file; skipped [empty file]\n"},
        {"\xEF\xBB\xBF\n", "D in: empty file; skipped [empty file]\n"},
    };
    for (const auto& c : cases) {
        TextReader reader;
        BOOST_TEST(run(reader, c.input) == c.expected);
    }
}

BOOST_AUTO_TEST_CASE(oversized_file_is_cut) {
    TextReader reader(10);
    BOOST_TEST(run(reader, "0123456789abc") ==
               "D in: file larger than 10 bytes; only its first 10 bytes read [file truncated]\n"
               "R in id=dir/in | body=0123456789\n");
    // The cut falls after the first byte of "é": the partial character is dropped.
    BOOST_TEST(run(reader, "012345678\xC3\xA9") ==
               "D in: file larger than 10 bytes; only its first 10 bytes read [file truncated]\n"
               "R in id=dir/in | body=012345678\n");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(formats)

BOOST_AUTO_TEST_CASE(names) {
    for (const Format f : {Format::jsonl, Format::json, Format::csv, Format::tsv, Format::text}) {
        BOOST_TEST((format_from_name(format_name(f)) == f));
    }
    BOOST_TEST(format_name(Format::jsonl) == "jsonl");
    BOOST_TEST(!format_from_name("auto").has_value());
    BOOST_TEST(!format_from_name("JSON").has_value());
    BOOST_CHECK_THROW(make_reader(Format::automatic, CsvOptions{}), std::invalid_argument);
    BOOST_TEST(run(*make_reader(Format::tsv, CsvOptions{}), "a\tb\n1\t2\n") ==
               "R in:2 | a=1 | b=2\n");
}

BOOST_AUTO_TEST_CASE(detect_format_table) {
    const std::optional<Format> none;
    const std::vector<std::tuple<std::string, std::string, std::optional<Format>>> cases{
        {"a.jsonl", "", Format::jsonl},
        {"dir/a.ndjson.gz", "", Format::jsonl},
        {"A.JSONLINES.ZST", "", Format::jsonl},
        {"a.json", "[{\"a\":1}]", Format::json},
        {"a.json", "{\"a\":1}\n{\"b\":2}\n{\"c\":", Format::jsonl},
        {"a.json.bz2", "{\"a\":1}\n", Format::json},
        {"a.json", "{\n  \"a\": 1\n}\n", Format::json},
        {"a.json", "{\"a\":1}\n  \"b\": 2\n", Format::json},
        {"a.csv", "anything", Format::csv},
        {"a.csv.xz", "", Format::csv},
        {"a.tsv", "", Format::tsv},
        {"a.TAB.lz4", "", Format::tsv},
        {"a.txt", std::string("\0\0\0", 3), none},
        {"a.txt", "Stray NUL \0" + std::string(4000, 'x'), Format::text},
        {"a.txt", std::string("\xff\xfeH\0i\0\0\0\0\0", 10), Format::text},
        {"a.csv", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01", 19), none},
        {"a.html", "<p>\x01\x02\x03\x04\x05 controls</p>", none},
        {"a.warc", std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00", 8), Format::warc},
        {"a.text", "{\"a\":1}\n{\"b\":2}\n", Format::text},
        {"data", "[{\"a\":1}]", Format::json},
        {"data", "\xEF\xBB\xBF  [\n  {", Format::json},
        {"data", "[]", Format::json},
        {"notes", "[Reuters] Moscow, Monday.\n", Format::text},
        {"data", "{\"a\":1}\n{\"b\":2}\n", Format::jsonl},
        {"data", "{\"a\":\"}{\\\"\"}\n\n{\"b\":2}", Format::jsonl},
        {"data", "{\"a\":1}\n", Format::json},
        {"data", "{\"a\":1} {\"b\":2}\n{\"c\":3}\n", Format::json},
        {"data.gz", "id,title\n1,Hello\n2,World\n", Format::csv},
        {"data", "id\ttitle\n1\tHello\n", Format::tsv},
        {"data", "id;title;body\n1;a;b\n", Format::csv},
        {"data", "id,title,body\n1,T,\"long body, cut", Format::csv},
        {"data", "Hello, world.\nThis is, I think, fine, really.\n", Format::text},
        {"data", "One long sentence, as prose goes on and on.\nAnother, line.\n", Format::text},
        {"data", "plain words\nmore words\n", Format::text},
        {"reut2-000.sgm", "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS>", Format::sgml},
        {"comp.os.linux/12345", "From: a@b.c\nSubject: Hi\n\nBody\n", Format::mail},
        {"empty", "", Format::text},
        {"blob", std::string("\x1f\x8b\x08\x00\x00", 5), none},
        {"blob", std::string("abc\0def", 7), none},
        {"blob", "\x01\x02\x03\x04 some text", none},
    };
    for (const auto& [name, head, expected] : cases) {
        BOOST_TEST((detect_format(name, head) == expected), "name " << name << " head " << head);
    }
}

BOOST_AUTO_TEST_CASE(detect_delimiter_table) {
    const std::vector<std::pair<std::string, std::optional<char>>> cases{
        {"a,b\n1,2\n", ','},
        {"a;b;c\n1;2;3\n", ';'},
        {"a\tb\n1\t2\n", '\t'},
        {"\xEF\xBB\xBF"
         "a;b\r\n1;2\r\n",
         ';'},
        {"a,b\n1,2,3\n", std::nullopt},
        {"one line, only", std::nullopt},
        {"a,b\n\"x,y\",z\n", ','},
        {"id,body\n1,\"multi\nline, text\"\n2,x\n", ','},
        {"a;b;c,d\n1;2;3,4\n", ';'},
        {"a,b\n\n1,2\n", ','},
        {"no delimiters\nat all\n", std::nullopt},
    };
    for (const auto& [head, expected] : cases) {
        BOOST_TEST((detect_delimiter(head) == expected), "head " << head);
    }
}

BOOST_AUTO_TEST_SUITE_END()
