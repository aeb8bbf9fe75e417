#define BOOST_TEST_MODULE csv_reader
#include <boost/test/unit_test.hpp>

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

}  // namespace

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
