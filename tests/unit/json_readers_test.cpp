#define BOOST_TEST_MODULE json_readers
#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/readers/reader.h"
#include "common/readers/readers_impl.h"
#include "reader_harness.h"

using namespace morgue;
using morgue::testing::escape;
using morgue::testing::run;

namespace {

struct Case {
    std::string input;
    std::string expected;
};

std::string deep_json(std::size_t depth) {
    return "{\"a\":" + std::string(depth, '[') + std::string(depth, ']') + "}";
}

}  // namespace

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
