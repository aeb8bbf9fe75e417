#define BOOST_TEST_MODULE readers
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include "common/readers/field_map.h"
#include "common/readers/reader.h"
#include "common/readers/readers_impl.h"

using namespace morgue;

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

std::string escape(std::string_view s) {
    std::string out;
    for (const char c : s) {
        out += c == '\n' ? std::string("\\n") : std::string(1, c);
    }
    return out;
}

/// What a reader produced, one line per record or diagnostic, in arrival order:
/// "R in:2 | key=value | ..." (with " id=..." for whole-file records) and
/// "D in:3: message [reason]".
std::string run(Reader& reader, std::string input) {
    const InputInfo info{"in", "dir/in"};
    std::string out;
    StringSource source(std::move(input));
    reader.read(
        source, info,
        [&](Record&& record) {
            out += "R " + to_string(record.origin);
            if (!record.file_id.empty()) {
                out += " id=" + record.file_id;
            }
            for (const auto& [key, value] : record.fields) {
                out += " | " + key + "=" + escape(value);
            }
            out += "\n";
        },
        [&](Diagnostic d) {
            const std::string where = to_string(d.where);
            out += "D " + where + ": " + d.message + " [" + d.reason + "]\n";
        });
    return out;
}

struct Case {
    std::string input;
    std::string expected;
};

std::string deep_json(std::size_t depth) {
    return "{\"a\":" + std::string(depth, '[') + std::string(depth, ']') + "}";
}

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

BOOST_AUTO_TEST_SUITE(jsonl)

BOOST_AUTO_TEST_CASE(records_and_diagnostics) {
    const std::string tape =
        "invalid JSON (TAPE_ERROR: the JSON document has an improper "
        "structure: missing or superfluous commas, braces, missing keys, "
        "etc.); record skipped [invalid JSON]\n";
    const std::vector<Case> cases{
        {R"({"id":"a1","n":1657513103,"f":1.50,"e":-2E+3,"ok":true,"no":false,"x":null})",
         "R in:1 | id=a1 | n=1657513103 | f=1.50 | e=-2E+3 | ok=true | no=false\n"},
        {R"({"meta":{"title":"T","tags":["a","b"]},"authors":[{"name":"A"},{"name":"B"}]})",
         "R in:1 | meta.title=T | meta.tags=a | meta.tags=b | authors.name=A | authors.name=B\n"},
        {R"({"m":[[1,2],[3]],"e":{},"f":[],"big":123456789012345678901234567890})",
         "R in:1 | m=1 | m=2 | m=3 | big=123456789012345678901234567890\n"},
        {R"({"a\"b":"x\ny","t":"caf\u00e9","":"empty key"})",
         "R in:1 | a\"b=x\\ny | t=caf\xC3\xA9 | =empty key\n"},
        {"\n  \r\n{\"a\":1}\r\n\n{\"b\":2}", "R in:3 | a=1\nR in:5 | b=2\n"},
        {"\xEF\xBB\xBF{\"a\":1}\n", "R in:1 | a=1\n"},
        {"{\"t\":\"caf\xE9 \x93quoted\x94\"}",
         "R in:1 | t=caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D\n"},
        {"{}", "R in:1\n"},
        {"{\"a\":1}\n{\"a\":1,}\n{\"b\":2}\n", "R in:1 | a=1\nD in:2: " + tape + "R in:3 | b=2\n"},
        {"[1,2]\n\"s\"\n42\nnull",
         "D in:1: not a JSON object; record skipped [not a JSON object]\n"
         "D in:2: not a JSON object; record skipped [not a JSON object]\n"
         "D in:3: not a JSON object; record skipped [not a JSON object]\n"
         "D in:4: not a JSON object; record skipped [not a JSON object]\n"},
        {R"({"a":1)",
         "D in:1: invalid JSON (INCOMPLETE_ARRAY_OR_OBJECT: JSON document ended early in the "
         "middle of an object or array.); record skipped [invalid JSON]\n"},
        {R"({"a":1}})",
         "D in:1: invalid JSON (TRAILING_CONTENT: unexpected trailing content in the JSON "
         "input.); record skipped [invalid JSON]\n"},
        {R"({"a":12ab})",
         "D in:1: invalid JSON (NUMBER_ERROR: problem while parsing a number); record skipped "
         "[invalid JSON]\n"},
        {R"({"a":01})",
         "D in:1: invalid JSON (NUMBER_ERROR: problem while parsing a number); record skipped "
         "[invalid JSON]\n"},
        {R"({"a":"unclosed})",
         "D in:1: invalid JSON (UNCLOSED_STRING: a string is opened, but never closed.); "
         "record skipped [invalid JSON]\n"},
        {R"({"a":"bad \q escape"})",
         "D in:1: invalid JSON (STRING_ERROR: problem while parsing a string); record skipped "
         "[invalid JSON]\n"},
        {deep_json(2000),
         "D in:1: invalid JSON (DEPTH_ERROR: the JSON document was too deep (too many nested "
         "objects and arrays)); record skipped [invalid JSON]\n"},
        {deep_json(511), "R in:1\n"},
        {deep_json(512),
         "D in:1: invalid JSON (DEPTH_ERROR: the JSON document was too deep (too many nested "
         "objects and arrays)); record skipped [invalid JSON]\n"},
    };
    for (const auto& c : cases) {
        JsonlReader reader;
        const std::string got = run(reader, c.input);
        BOOST_TEST(got == c.expected, "input: " << c.input.substr(0, 80) << "\ngot:\n" << got);
    }
}

BOOST_AUTO_TEST_CASE(overlong_line_is_skipped) {
    JsonlReader reader(16);
    const std::string input = "{\"a\":\"0123456789012345\"}\n{\"b\":1}\n";
    BOOST_TEST(run(reader, input) ==
               "D in:1: line longer than 16 bytes; record skipped [line too long]\n"
               "R in:2 | b=1\n");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(json)

BOOST_AUTO_TEST_CASE(arrays_and_objects) {
    const std::vector<Case> cases{
        {R"([{"a":1}, 2, {"b":"x","c":[true,null]}, [{"d":1}]])",
         "R in:1 | a=1\n"
         "D in:2: element 2 is not a JSON object; element skipped [not a JSON object]\n"
         "R in:3 | b=x | c=true\n"
         "D in:4: element 4 is not a JSON object; element skipped [not a JSON object]\n"},
        {"[]", ""},
        {"\xEF\xBB\xBF [ {\"t\": \"caf\xE9\"} ]\n", "R in:1 | t=caf\xC3\xA9\n"},
        {"{\n  \"title\": \"T\",\n  \"meta\": {\"date\": \"2022-01-01\"}\n}\n",
         "R in id=dir/in | title=T | meta.date=2022-01-01\n"},
        {R"([{"a":1}, {"b":}, {"c":3}])",
         "R in:1 | a=1\n"
         "D in:2: invalid JSON (TAPE_ERROR: the JSON document has an improper structure: "
         "missing or superfluous commas, braces, missing keys, etc.); rest of file skipped "
         "[invalid JSON]\n"},
        {R"([{"a":1}] x)",
         "D in: invalid JSON (INCOMPLETE_ARRAY_OR_OBJECT: JSON document ended early in the "
         "middle of an object or array.); file skipped [invalid JSON]\n"},
        {R"([{"a":1}]])",
         "R in:1 | a=1\n"
         "D in: invalid JSON (TRAILING_CONTENT: unexpected trailing content in the JSON input.); "
         "content after the array ignored [invalid JSON]\n"},
        {"{\"a\":1}\n{\"b\":2}\n",
         "D in: invalid JSON (TRAILING_CONTENT: unexpected trailing content in the JSON input.); "
         "file skipped (one object per line is JSON Lines: use the jsonl format) "
         "[invalid JSON]\n"},
        {R"({"a":)",
         "D in: invalid JSON (INCOMPLETE_ARRAY_OR_OBJECT: JSON document ended early in the "
         "middle of an object or array.); file skipped [invalid JSON]\n"},
        {"\"just a string\"",
         "D in: not a JSON array or object; file skipped [not a JSON object]\n"},
        {"", "D in: empty file; skipped [empty file]\n"},
        {" \n\t", "D in: empty file; skipped [empty file]\n"},
        {"[" + std::string(2000, '[') + std::string(2000, ']') + ", {\"a\":1}]",
         "D in:1: element 1 is not a JSON object; element skipped [not a JSON object]\n"
         "R in:2 | a=1\n"},
        {"[" + deep_json(2000) + "]",
         "D in:1: invalid JSON (DEPTH_ERROR: the JSON document was too deep (too many nested "
         "objects and arrays)); rest of file skipped [invalid JSON]\n"},
    };
    for (const auto& c : cases) {
        JsonReader reader;
        const std::string got = run(reader, c.input);
        BOOST_TEST(got == c.expected, "input: " << c.input.substr(0, 80) << "\ngot:\n" << got);
    }
}

BOOST_AUTO_TEST_CASE(oversized_file_is_skipped) {
    JsonReader reader(16);
    BOOST_TEST(run(reader, R"([{"a":"0123456789"}])") ==
               "D in: file larger than 16 bytes; skipped (split it, or convert it to JSON Lines, "
               "which is read line by line) [file too large]\n");
    BOOST_TEST(run(reader, R"([{"a":"01234"}])") == "R in:1 | a=01234\n");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(csv)

struct CsvCase {
    Format format;
    CsvOptions options;
    std::string input;
    std::string expected;
};

BOOST_AUTO_TEST_CASE(dialects_and_broken_rows) {
    const CsvOptions defaults;
    CsvOptions semicolon;
    semicolon.delimiter = ';';
    CsvOptions single_quote;
    single_quote.quote = '\'';
    CsvOptions columns;
    columns.header = false;
    columns.columns = {"title", "body"};
    CsvOptions numbered;
    numbered.header = false;
    const std::vector<CsvCase> cases{
        {Format::csv, defaults,
         "id,title,body\n1,Hello,World\n2,\"Quoted, comma\",\"He said \"\"hi\"\"\"\n",
         "R in:2 | id=1 | title=Hello | body=World\n"
         "R in:3 | id=2 | title=Quoted, comma | body=He said \"hi\"\n"},
        {Format::csv, defaults, "id,body\n1,\"line one\n\nline three\"\n2,x\n",
         "R in:2 | id=1 | body=line one\\n\\nline three\nR in:5 | id=2 | body=x\n"},
        {Format::csv, defaults, "id,body\r\n1,\"a\r\nb\"\r\n\r\n2,c\r\n",
         "R in:2 | id=1 | body=a\\nb\nR in:5 | id=2 | body=c\n"},
        {Format::csv, defaults, "\xEF\xBB\xBFid,title\n\n1,a\n\n\n2,b",
         "R in:3 | id=1 | title=a\nR in:6 | id=2 | title=b\n"},
        {Format::csv, defaults, "a,b\n  \n1,\"x\n  \ny\"\n", "R in:3 | a=1 | b=x\\n  \\ny\n"},
        {Format::tsv, defaults, "a\tb\n\t\n1\t2\n", "R in:3 | a=1 | b=2\n"},
        {Format::csv, defaults, "a,b,c\n1,,3\n,,\n",
         "R in:2 | a=1 | b= | c=3\nR in:3 | a= | b= | c=\n"},
        {Format::csv, defaults, "a,b\nx\"y,\"p\"q\n", "R in:2 | a=x\"y | b=pq\n"},
        {Format::csv, defaults, "a,b,c\n1,2\n1,2,3,4\n5\n",
         "D in:2: 2 fields where the header has 3; record kept with the fields it has "
         "[ragged row]\nR in:2 | a=1 | b=2\n"
         "D in:3: 4 fields where the header has 3; extra values ignored [ragged row]\n"
         "R in:3 | a=1 | b=2 | c=3\n"
         "D in:4: 1 field where the header has 3; record kept with the fields it has "
         "[ragged row]\nR in:4 | a=5\n"},
        {Format::csv, defaults, "a,b\n1,\"open\n2,3\n",
         "D in:2: quoted field still open at the end of the file; record skipped "
         "[malformed CSV]\n"},
        {Format::csv, defaults, "t\ncaf\xE9\n", "R in:2 | t=caf\xC3\xA9\n"},
        {Format::csv, defaults, "a,b\n", ""},
        {Format::csv, defaults, "", "D in: empty file; skipped [empty file]\n"},
        {Format::csv, semicolon, "id;title\n1;\"a;b\"\n", "R in:2 | id=1 | title=a;b\n"},
        {Format::tsv, defaults, "id\ttitle\tbody\n1\tT\t\"x\ty\"\n",
         "R in:2 | id=1 | title=T | body=x\ty\n"},
        {Format::csv, single_quote, "a,b\n'x,y',\"z\"\n'it''s',w\n",
         "R in:2 | a=x,y | b=\"z\"\nR in:3 | a=it's | b=w\n"},
        {Format::csv, columns, "Hello,World\nT2,B2,extra\n",
         "R in:1 | title=Hello | body=World\n"
         "D in:2: 3 fields where the column list has 2; extra values ignored [ragged row]\n"
         "R in:2 | title=T2 | body=B2\n"},
        {Format::csv, numbered, "x,y,z\n1\n", "R in:1 | 1=x | 2=y | 3=z\nR in:2 | 1=1\n"},
    };
    for (const auto& c : cases) {
        CsvReader reader(c.format, c.options);
        const std::string got = run(reader, c.input);
        BOOST_TEST(got == c.expected, "input: " << c.input << "\ngot:\n" << got);
    }
}

BOOST_AUTO_TEST_CASE(runaway_quote_resyncs) {
    CsvReader reader(Format::csv, CsvOptions{}, 16);
    const std::string input = "a,b\n1,\"never closed\nmore text here\n2,ok\n3,fine\n";
    BOOST_TEST(run(reader, input) ==
               "D in:2: quoted field longer than 16 bytes (a quote left open?); record skipped, "
               "reading resumes at line 4 [malformed CSV]\n"
               "R in:4 | a=2 | b=ok\nR in:5 | a=3 | b=fine\n");
    BOOST_TEST(run(reader, "a,b\n1,01234567890123456789\n2,x\n") ==
               "D in:2: line longer than 16 bytes; record skipped [line too long]\n"
               "R in:3 | a=2 | b=x\n");
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
        {"a.txt", std::string("\0\0\0", 3), Format::text},
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
        {"reut2-000.sgm", "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS>", Format::text},
        {"comp.os.linux/12345", "From: a@b.c\nSubject: Hi\n\nBody\n", Format::text},
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

BOOST_AUTO_TEST_SUITE(field_map)

Record record_of(std::vector<std::pair<std::string, std::string>> fields) {
    Record record;
    record.fields = std::move(fields);
    return record;
}

std::string joined(const std::vector<std::string>& values) {
    std::string out;
    for (const std::string& v : values) {
        out += (out.empty() ? "" : "|") + v;
    }
    return out;
}

BOOST_AUTO_TEST_CASE(common_spellings) {
    struct MapCase {
        std::vector<std::pair<std::string, std::string>> fields;
        Field field;
        std::string expected;
    };
    const std::vector<MapCase> cases{
        {{{"headline", "H"}, {"Title", "T"}}, Field::title, "T"},
        {{{"headline", "H"}, {"subject", "S"}}, Field::title, "H"},
        {{{"name", "N"}}, Field::title, ""},
        {{{"title", "  "}, {"head", "X"}}, Field::title, "X"},
        {{{"description", "d"}, {"TEXT", "t"}}, Field::body, "t"},
        {{{"maintext", "m"}, {"description", "d"}}, Field::body, "m"},
        {{{"timestamp", "1657513103"},
          {"pubDate", "Mon, 11 Jul 2022"},
          {"date", "2022-07-11"},
          {"date_modify", "2022-07-12"}},
         Field::date,
         "2022-07-11|Mon, 11 Jul 2022|1657513103|2022-07-12"},
        {{{"publishedAt", "2022-07-11T10:00:00Z"}}, Field::date, "2022-07-11T10:00:00Z"},
        {{{"source.id", "reuters"}, {"source.name", "Reuters"}}, Field::source, "Reuters"},
        {{{"publisher", "P"}, {"Source", "S"}}, Field::source, "S"},
        {{{"site_name", "N"}, {"domain", "d.com"}}, Field::source, "d.com"},
        {{{"authors", "A"}, {"authors", "B"}, {"byline", "C"}}, Field::author, "A|B"},
        {{{"authors.name", "A"}, {"authors.url", "u"}}, Field::author, "A"},
        {{{"_id", "x"}, {"uuid", "y"}}, Field::id, "x"},
        {{{"link", "l"}, {"canonical_url", "c"}}, Field::url, "l"},
        {{{"Language", "de"}}, Field::lang, "de"},
        {{{"body", "b"}}, Field::lang, ""},
    };
    const FieldMap map;
    for (const auto& c : cases) {
        BOOST_TEST(joined(map.values(record_of(c.fields), c.field)) == c.expected);
    }
}

BOOST_AUTO_TEST_CASE(overrides) {
    const Record record = record_of({{"title", "T"},
                                     {"Headline.Main", "H"},
                                     {"date", "d"},
                                     {"crawled", "c"},
                                     {"tags", "x"},
                                     {"tags", "y"}});
    FieldMap map;
    std::string error;
    BOOST_TEST(map.add_override("title=headline.main", &error));
    BOOST_TEST(map.add_override(" Date = CRAWLED ", &error));
    BOOST_TEST(map.add_override("author=tags", &error));
    BOOST_TEST(map.add_override("url=missing", &error));
    BOOST_TEST(joined(map.values(record, Field::title)) == "H");
    BOOST_TEST(joined(map.values(record, Field::date)) == "c");
    BOOST_TEST(joined(map.values(record, Field::author)) == "x|y");
    BOOST_TEST(joined(map.values(record, Field::url)) == "");
    BOOST_TEST(joined(map.values(record, Field::body)) == "");
    BOOST_TEST(map.add_override("title=title", &error));
    BOOST_TEST(joined(map.values(record, Field::title)) == "T");
}

BOOST_AUTO_TEST_CASE(bad_overrides) {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"headline=title",
         "unknown field 'headline' in --map headline=title (fields: id, title, body, date, "
         "source, url, author, lang)"},
        {"title=", "no record key in --map title= (write FIELD=KEY, e.g. title=headline.main)"},
        {"title", "no record key in --map title (write FIELD=KEY, e.g. title=headline.main)"},
    };
    for (const auto& [spec, expected] : cases) {
        FieldMap map;
        std::string error;
        BOOST_TEST(!map.add_override(spec, &error));
        BOOST_TEST(error == expected);
    }
}

BOOST_AUTO_TEST_CASE(field_names) {
    BOOST_TEST((field_from_name("title") == Field::title));
    BOOST_TEST((field_from_name("Author") == Field::author));
    BOOST_TEST((field_from_name("lang") == Field::lang));
    BOOST_TEST(!field_from_name("authors").has_value());
    BOOST_TEST(!field_from_name("").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
