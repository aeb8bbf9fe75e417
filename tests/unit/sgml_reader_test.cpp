#define BOOST_TEST_MODULE sgml_reader
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "common/readers/markup_text.h"
#include "common/readers/reader.h"
#include "common/readers/sgml_reader.h"
#include "reader_harness.h"

using namespace morgue;
using morgue::testing::escape;
using morgue::testing::run;

namespace {

struct Case {
    std::string input;
    std::string expected;
};

std::string read_sgml(const std::string& input, std::size_t max_record = 1 << 20) {
    NewswireReader reader(max_record);
    return run(reader, input);
}

// A Reuters-21578 record as the collection writes it (text written for this test): Latin-1,
// control codes as character references, a hard-wrapped body with indented paragraphs.
const std::string kReuters =
    "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n"
    "<REUTERS TOPICS=\"YES\" LEWISSPLIT=\"TRAIN\" OLDID=\"9001\" NEWID=\"42\">\n"
    "<DATE> 3-MAR-1987  09:15:05.40</DATE>\n"
    "<TOPICS><D>cocoa</D><D>coffee</D></TOPICS>\n"
    "<PLACES><D>el-salvador</D><D>usa</D></PLACES>\n"
    "<PEOPLE></PEOPLE>\n"
    "<ORGS><D>ico-coffee</D></ORGS>\n"
    "<EXCHANGES><D>nyce</D></EXCHANGES>\n"
    "<COMPANIES></COMPANIES>\n"
    "<UNKNOWN> \n&#5;&#5;&#5;C T\n&#22;&#22;&#1;f0704&#31;reute\n</UNKNOWN>\n"
    "<TEXT>&#2;\n"
    "<TITLE>GROWERS &lt;CAFE> SEE BIGGER\n HARVEST</TITLE>\n"
    "<AUTHOR>    by Ana Pe\xf1"
    "a, Reuters</AUTHOR>\n"
    "<DATELINE>    SAN SALVADOR, March 3 - </DATELINE><BODY>Growers in the western\n"
    "highlands expect a caf\xe9 harvest 10 pct above\n"
    "last season's, the growers' association said.\n"
    "    Prices paid at the mills rose to 180 &amp; 190 colones.\n"
    " Reuter\n&#3;</BODY></TEXT>\n"
    "</REUTERS>\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(markup_text)

BOOST_AUTO_TEST_CASE(entities_are_decoded_and_controls_dropped) {
    const std::vector<Case> cases{
        {"a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;", "a <b> & \"c\" 'd'"},
        {"&#5;&#5;&#22;x&#31;&#2;", "x"},
        {"tab&#9;nl&#10;", "tab\tnl\n"},
        {"&#233;&#xE9;&#XE9;&eacute;", "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"},
        {"&mdash;&nbsp;&euro;", "\xe2\x80\x94\xc2\xa0\xe2\x82\xac"},
        {"AT&T &unknown; & &; &#xZZ; &#0;&#;", "AT&T &unknown; & &; &#xZZ; &#;"},
        {"&#55296;&#1114112;", ""},
        {"5 &lt 6", "5 &lt 6"},
    };
    for (const Case& c : cases) {
        BOOST_TEST(decode_entities(c.input) == c.expected, c.input);
    }
}

BOOST_AUTO_TEST_CASE(markup_becomes_text) {
    const std::vector<Case> cases{
        {"<p>One</p><p>Two <b>bold</b></p>", "One\n\nTwo bold"},
        {"a<br>b<br/>c", "a\nb\nc"},
        {"<head><title>T</title></head><body>x</body>", "x"},
        {"<script>var a = '<p>';</script>text<style>p {}</style>", "text"},
        {"x <!-- hidden <p> --> y", "x  y"},
        {"if a < b &amp;&amp; c > d", "if a < b && c > d"},
        {"<ul><li>one</li><li>two</li></ul>", "one\ntwo"},
        {"<td>a</td><td>b</td>", "a  b"},
        {"broken <p unclosed", "broken"},
    };
    for (const Case& c : cases) {
        BOOST_TEST(escape(markup_to_text(c.input)) == escape(c.expected), c.input);
    }
}

BOOST_AUTO_TEST_CASE(elements_and_attributes) {
    BOOST_TEST(element_contents("<P><D>a</D><d>b</d><D/><D>c<D>d</P>", "D") ==
                   (std::vector<std::string_view>{"a", "b", "", "c", "d"}),
               boost::test_tools::per_element());
    BOOST_TEST(first_element("<DATELINE>x</DATELINE><DATE>y</DATE>", "DATE") == "y");
    BOOST_TEST(first_element("<TITLE>open title\n<BODY>b</BODY>", "TITLE") == "open title\n");
    BOOST_TEST(first_element("no such", "TITLE") == "");
    BOOST_TEST(without_elements("a<TITLE>t</TITLE>b<DATELINE x=1>d</DATELINE>c",
                                {"TITLE", "DATELINE"}) == "abc");
    BOOST_TEST(tag_attribute("<REUTERS TOPICS=\"YES\" NEWID=\"42\">", "newid") == "42");
    BOOST_TEST(tag_attribute("<DOC id='7' url=http://x/a>", "url") == "http://x/a");
    BOOST_TEST(tag_attribute("<DOC id='7'>", "title") == "");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(newswire)

BOOST_AUTO_TEST_CASE(reuters_records_give_every_field) {
    BOOST_TEST(read_sgml(kReuters) ==
               "R in:2 | id=reuters-42 | title=GROWERS <CAFE> SEE BIGGER HARVEST | "
               "body=Growers in the western highlands expect a caf\xc3\xa9 harvest 10 pct above "
               "last season's, the growers' association said.\\n\\nPrices paid at the mills rose "
               "to 180 & 190 colones.\\n\\nReuter | date=3-MAR-1987 09:15:05.40 | "
               "dateline=SAN SALVADOR, March 3 - | author=by Ana Pe\xc3\xb1"
               "a, Reuters | "
               "source=reuters | topics=cocoa | topics=coffee | tags=el-salvador | tags=usa | "
               "tags=ico-coffee | tags=nyce | places=el-salvador | places=usa\n");
}

BOOST_AUTO_TEST_CASE(reuters_records_without_a_body) {
    const std::string input =
        "<REUTERS NEWID=\"1\">\n<DATE>26-FEB-1987 15:41:56.54</DATE>\n"
        "<TEXT TYPE=\"BRIEF\">&#2;\n******<TITLE>FUNDS ROSE 720.4 MLN DLRS\n</TITLE>Blah blah "
        "blah.\n&#3;\n\n</TEXT>\n</REUTERS>\n"
        "<REUTERS NEWID=\"2\">\n<DATE>26-FEB-1987 17:00:00.00</DATE>\n"
        "<TEXT TYPE=\"UNPROC\">&#2;\nRESERVE REPORT - FEB 26\n Net reserves......644 vs 1,337\n"
        "&#3;\n</TEXT>\n</REUTERS>\n"
        "<REUTERS NEWID=\"3\">\n<DATE> 3-APR-1987 07:09:06.48</DATE>\n<PLACES><D>usa</D></PLACES>\n"
        "<TEXT TYPE=\"UNPROC\">&#2;\n&#3;\n\n</TEXT>\n</REUTERS>\n";
    BOOST_TEST(read_sgml(input) ==
               "R in:1 | id=reuters-1 | title=FUNDS ROSE 720.4 MLN DLRS | body=Blah blah blah. | "
               "date=26-FEB-1987 15:41:56.54 | source=reuters\n"
               "R in:10 | id=reuters-2 | body=RESERVE REPORT - FEB 26\\n Net reserves......644 vs "
               "1,337 | date=26-FEB-1987 17:00:00.00 | source=reuters\n"
               "R in:18 | id=reuters-3 | title=reuters-3 | date=3-APR-1987 07:09:06.48 | "
               "source=reuters | tags=usa | places=usa\n");
}

BOOST_AUTO_TEST_CASE(trec_records) {
    const std::string input =
        "<DOC>\n<DOCNO> LA010189-0001 </DOCNO>\n<DATE><P>January 1, 1989</P></DATE>\n"
        "<HEADLINE><P>HARBOUR WORKS &amp; DELAYS</P></HEADLINE>\n<BYLINE>By JANE ROE</BYLINE>\n"
        "<TEXT>\n<P>\nThe harbour works were delayed.\n</P>\n<P>\nA second paragraph.\n</P>\n"
        "</TEXT>\n<TEXT>More text.</TEXT>\n</DOC>\n"
        "<DOC><DOCNO>AP-2</DOCNO><HEAD>Short</HEAD><TEXT>One line.</TEXT></DOC>"
        "<DOC><DOCNO>AP-3</DOCNO><TEXT>Same line.</TEXT></DOC>\n";
    BOOST_TEST(read_sgml(input) ==
               "R in:1 | id=LA010189-0001 | title=HARBOUR WORKS & DELAYS | body=The harbour works "
               "were delayed.\\n\\nA second paragraph.\\n\\nMore text. | date=January 1, 1989 | "
               "author=By JANE ROE\n"
               "R in:16 | id=AP-2 | title=Short | body=One line.\n"
               "R in:16 | id=AP-3 | body=Same line.\n");
}

BOOST_AUTO_TEST_CASE(wikiextractor_docs) {
    BOOST_TEST(
        read_sgml("<doc id=\"12\" url=\"https://en.wikipedia.org/wiki?curid=12\" "
                  "title=\"Anarchism\">\nAnarchism\n\nAnarchism is a philosophy.\n</doc>\n") ==
        "R in:1 | id=12 | title=Anarchism | body=Anarchism\\n\\nAnarchism is a philosophy. | "
        "url=https://en.wikipedia.org/wiki?curid=12\n");
}

BOOST_AUTO_TEST_CASE(broken_markup_is_read_leniently) {
    const std::string input =
        "junk before\n"
        "<REUTERS NEWID=\"5\"><TEXT><TITLE>NO END TAG<BODY>Body five.</BODY></TEXT>\n"
        "<REUTERS NEWID=\"6\"><DATE>1-MAR-1987 10:00:00.00</DATE><TEXT><BODY>Body six.\n"
        "</REUTERS>junk between\n"
        "<REUTERS NEWID=\"7\"><TEXT><TITLE>LEFT OPEN AT THE END</TITLE>\n";
    BOOST_TEST(read_sgml(input) ==
               "R in:2 | id=reuters-5 | title=NO END TAG | body=Body five. | source=reuters\n"
               "R in:3 | id=reuters-6 | body=Body six. | date=1-MAR-1987 10:00:00.00 | "
               "source=reuters\n"
               "R in:5 | id=reuters-7 | title=LEFT OPEN AT THE END | source=reuters\n");
}

BOOST_AUTO_TEST_CASE(overlong_records_are_skipped) {
    const std::string input = "<DOC><DOCNO>1</DOCNO><TEXT>\n" + std::string(300, 'x') +
                              "\n</TEXT></DOC>\n<DOC><DOCNO>2</DOCNO><TEXT>ok</TEXT></DOC>\n";
    BOOST_TEST(read_sgml(input, 200) ==
               "D in:1: record longer than 200 bytes (an end tag missing?); record skipped "
               "[record too long]\n"
               "R in:4 | id=2 | body=ok\n");
}

BOOST_AUTO_TEST_CASE(detection) {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS TOPICS=\"YES\">", "sgml"},
        {"\n<DOC>\n<DOCNO> AP880212-0001 </DOCNO>", "sgml"},
        {"<doc id=\"12\" url=\"https://en.wikipedia.org/wiki?curid=12\" title=\"A\">", "sgml"},
        {"<DOCUMENT>x</DOCUMENT>", "xml"},
    };
    for (const auto& [head, expected] : cases) {
        const std::optional<Format> got = detect_format("wire", head);
        BOOST_TEST((got ? std::string(format_name(*got)) : "none") == expected, head);
    }
    BOOST_TEST((detect_format("reut2-000.sgm", "anything") == Format::sgml));
    BOOST_TEST((detect_format("a.SGML.gz", "") == Format::sgml));
}

BOOST_AUTO_TEST_SUITE_END()
