#define BOOST_TEST_MODULE xml_reader
#include <boost/test/unit_test.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/readers/field_map.h"
#include "common/readers/reader.h"
#include "common/readers/xml_reader.h"
#include "reader_harness.h"

using namespace morgue;
using morgue::testing::run;

namespace {

std::string read_xml(const std::string& input, std::size_t max = 1 << 20) {
    XmlReader reader(max);
    return run(reader, input);
}

// The record the reader makes of input (it must make exactly one).
Record record_of(const std::string& input) {
    XmlReader reader;
    StringSource source(input);
    std::vector<Record> records;
    reader.read(
        source, InputInfo{"in", "dir/in"},
        [&](Record&& record) { records.push_back(std::move(record)); }, [](const Diagnostic&) {});
    BOOST_REQUIRE(records.size() == 1U);
    return records.front();
}

// An article as the BuzzFeed-Webis corpus writes one (text written for this test).
const std::string kPortalArticle =
    "<article>\n"
    "    <author>Kim Lee</author>\n"
    "    <hyperlink href=\"http://example.com/a\">\n        <end>20</end>\n"
    "        <start>10</start>\n    </hyperlink>\n"
    "    <mainText>The harbour board approved the dredging plan on Monday.</mainText>\n"
    "    <orientation>mainstream</orientation>\n"
    "    <portal>harbour-news</portal>\n"
    "    <title>Dredging Plan Approved</title>\n"
    "    <uri>http://harbour.example.com/2016/09/dredging</uri>\n"
    "    <veracity>mostly true</veracity>\n"
    "<number_of_quotes>0</number_of_quotes></article>\n";

// A NITF 3.x story (text written for this test).
const std::string kNitf =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<nitf version=\"-//IPTC//DTD NITF 3.6//EN\" xml:lang=\"en-GB\">\n"
    " <head>\n  <title>Harbour story (head title)</title>\n"
    "  <docdata>\n   <doc-id id-string=\"harbour-2024-0115\"/>\n"
    "   <date.issue norm=\"20240115T093000+0100\"/>\n"
    "   <doc.copyright holder=\"Harbour Gazette Ltd\"/>\n"
    "   <key-list><keyword key=\"dredging\"/><keyword key=\"port\"/></key-list>\n"
    "  </docdata>\n"
    "  <pubdata type=\"web\" name=\"Harbour Gazette\" ex-ref=\"https://gazette.example/h/1\"/>\n"
    " </head>\n <body>\n  <body.head>\n"
    "   <hedline><hl1>Dredging starts in the harbour</hl1><hl2>Work runs to May</hl2></hedline>\n"
    "   <byline>By <person>Kim Lee</person>, <byttl>Port correspondent</byttl></byline>\n"
    "   <dateline><location>PORTSMOUTH</location>, <story.date norm=\"20240115\">Jan. 15"
    "</story.date></dateline>\n"
    "  </body.head>\n  <body.content>\n"
    "   <p>Dredgers began work on <chron norm=\"20240115\">Monday</chron>.</p>\n"
    "   <p>The channel will be\n     two metres deeper.</p>\n"
    "   <block><hl2>Costs</hl2><p>It costs &#163;4m.</p></block>\n"
    "  </body.content>\n  <body.end><tagline>Reporting by Kim Lee</tagline></body.end>\n"
    " </body>\n</nitf>\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(generic_xml)

BOOST_AUTO_TEST_CASE(elements_become_dotted_fields) {
    BOOST_TEST(read_xml(kPortalArticle) ==
               "R in id=dir/in | author=Kim Lee | hyperlink@href=http://example.com/a | "
               "hyperlink.end=20 | hyperlink.start=10 | mainText=The harbour board approved the "
               "dredging plan on Monday. | orientation=mainstream | portal=harbour-news | "
               "title=Dredging Plan Approved | uri=http://harbour.example.com/2016/09/dredging | "
               "veracity=mostly true | number_of_quotes=0\n");
}

BOOST_AUTO_TEST_CASE(common_spellings_apply) {
    const Record record = record_of(kPortalArticle);
    const FieldMap map;
    BOOST_TEST(map.values(record, Field::source) == std::vector<std::string>{"harbour-news"});
    BOOST_TEST(map.values(record, Field::body) ==
               std::vector<std::string>{"The harbour board approved the dredging plan on Monday."});
    BOOST_TEST(map.values(record, Field::url) ==
               std::vector<std::string>{"http://harbour.example.com/2016/09/dredging"});
    BOOST_TEST(map.values(record, Field::title) ==
               std::vector<std::string>{"Dredging Plan Approved"});
    FieldMap mapped;
    BOOST_REQUIRE(mapped.add_override("title=orientation", nullptr));
    BOOST_TEST(mapped.values(record, Field::title) == std::vector<std::string>{"mainstream"});
}

BOOST_AUTO_TEST_CASE(attributes_namespaces_and_text_blocks) {
    const std::string input =
        "<?xml version=\"1.0\"?>\n"
        "<story xmlns:dc=\"http://purl.org/dc/elements/1.1/\" id=\"s1\" xml:lang=\"de\">"
        "<dc:title>Titel</dc:title><meta><published>2024-01-15</published>"
        "<tags><tag>a</tag><tag>b</tag></tags></meta>"
        "<text><p>Erster <em>Absatz</em>.</p><p>Zweiter<br/>Teil.</p></text>"
        "<note>mixed <b>content</b> here</note><script>ignored()</script>"
        "<raw><![CDATA[<b>not markup</b>]]></raw><empty/></story>";
    BOOST_TEST(read_xml(input) ==
               "R in id=dir/in | id=s1 | lang=de | title=Titel | meta.published=2024-01-15 | "
               "meta.tags.tag=a | meta.tags.tag=b | text=Erster Absatz.\\n\\nZweiter\\nTeil. | "
               "note=mixed content here | script=ignored() | raw=<b>not markup</b>\n");
    BOOST_TEST(read_xml("<doc-text>Only text</doc-text>") == "R in id=dir/in | body=Only text\n");
}

BOOST_AUTO_TEST_CASE(character_sets) {
    BOOST_TEST(read_xml("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a><t>caf\xe9</t></a>") ==
               "R in id=dir/in | t=caf\xc3\xa9\n");
    BOOST_TEST(read_xml("<a><t>\x93quoted\x94 caf\xe9</t></a>") ==
               "R in id=dir/in | t=\xe2\x80\x9cquoted\xe2\x80\x9d caf\xc3\xa9\n");
    BOOST_TEST(read_xml("\xef\xbb\xbf<a><t>caf\xc3\xa9 &amp; &#x263A;</t></a>") ==
               "R in id=dir/in | t=caf\xc3\xa9 & \xe2\x98\xba\n");
}

// libxml2's recovery keeps bytes that are not in the declared encoding, in names and in text;
// they are read as Windows-1252, as in undeclared files.
BOOST_AUTO_TEST_CASE(bytes_outside_the_declared_encoding_are_read_as_windows_1252) {
    const std::string out = read_xml(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a b\xff\xff"
        "c=\"d\"><t>caf\xe9</t></a>");
    BOOST_TEST(out.substr(out.find("\nR ") + 1) ==
               "R in id=dir/in | b\xc3\xbf\xc3\xbf"
               "c=d | t=caf\xc3\xa9\n");
}

BOOST_AUTO_TEST_CASE(broken_files) {
    BOOST_TEST(read_xml("<a><title>Kept</title><body>cut off") ==
               "D in: malformed XML (Premature end of data in tag body line 1 at line 1); read as "
               "far as it could be recovered [malformed XML]\n"
               "R in id=dir/in | title=Kept | body=cut off\n");
    BOOST_TEST(read_xml("plain words, not XML") ==
               "D in: not XML that can be read (Start tag expected, '<' not found at line 1); "
               "file skipped [invalid XML]\n");
    BOOST_TEST(read_xml("") ==
               "D in: not XML that can be read (Document is empty at line 1); file skipped "
               "[invalid XML]\n");
    BOOST_TEST(read_xml("<a>" + std::string(100, 'x') + "</a>", 50) ==
               "D in: file larger than 50 bytes; file skipped [file too large]\n");
}

BOOST_AUTO_TEST_CASE(internal_entities_are_expanded) {
    const std::string input =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY board \"harbour board\">]>\n"
        "<a><t>The &board; met.</t><text><p>The &board; voted.</p></text></a>";
    BOOST_TEST(read_xml(input) ==
               "R in id=dir/in | t=The harbour board met. | text=The harbour board voted.\n");
}

BOOST_AUTO_TEST_CASE(no_external_entities) {
    const std::string input =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
        "<a><t>before &secret; after</t></a>";
    const std::string out = read_xml(input);
    BOOST_TEST(out.find("root:") == std::string::npos);
    BOOST_TEST(out.find("R in id=dir/in | t=before") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(nitf)

BOOST_AUTO_TEST_CASE(nitf_fields_are_recognised) {
    const std::string out = read_xml(kNitf);
    const std::string expected_start =
        "R in id=dir/in | id=harbour-2024-0115 | title=Dredging starts in the harbour | "
        "body=Dredgers began work on Monday.\\n\\nThe channel will be two metres deeper.\\n\\n"
        "Costs\\n\\nIt costs \xc2\xa3"
        "4m. | date=2024-01-15T09:30:00+01:00 | date=2024-01-15 | "
        "date=Jan. 15 | dateline=PORTSMOUTH, Jan. 15 | author=Kim Lee | "
        "source=Harbour Gazette | url=https://gazette.example/h/1 | lang=en-GB | "
        "tags=dredging | tags=port | ";
    BOOST_TEST(out.substr(0, expected_start.size()) == expected_start);
    // Then the generic fields, without the body again.
    BOOST_TEST(out.find("head.title=Harbour story (head title)") != std::string::npos);
    BOOST_TEST(out.find("body.body.head.hedline=Dredging starts in the harbour\\n\\nWork runs to "
                        "May") != std::string::npos);
    BOOST_TEST(out.find("body.body.end=Reporting by Kim Lee") != std::string::npos);
    BOOST_TEST(out.find("Dredgers", expected_start.size()) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(nitf_fallbacks) {
    const std::string input =
        "<nitf><head><title>Head title</title><docdata>"
        "<doc.copyright holder=\"Gazette Ltd\"/></docdata></head>"
        "<body><body.head><byline>By Jo Roe <byttl>Staff</byttl></byline>"
        "<dateline>LONDON, 15 Jan 2024</dateline></body.head>"
        "<body.content><p>Text.</p></body.content></body></nitf>";
    const std::string out = read_xml(input);
    const std::string expected_start =
        "R in id=dir/in | title=Head title | body=Text. | date=LONDON, 15 Jan 2024 | "
        "dateline=LONDON, 15 Jan 2024 | author=By Jo Roe | source=Gazette Ltd | ";
    BOOST_TEST(out.substr(0, expected_start.size()) == expected_start);
}

BOOST_AUTO_TEST_CASE(compact_dates_are_expanded) {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"20240115T093000+0100", "2024-01-15T09:30:00+01:00"},
        {"20240115T093000Z", "2024-01-15T09:30:00Z"},
        {"20240115T0930", "2024-01-15T09:30"},
        {"20240115", "2024-01-15"},
        {"2024-01-15", "2024-01-15"},
        {"Jan. 15", "Jan. 15"},
        {"", ""},
    };
    for (const auto& [input, expected] : cases) {
        BOOST_TEST(expand_compact_date(input) == expected, input);
    }
}

BOOST_AUTO_TEST_CASE(detection) {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"<?xml version=\"1.0\"?>\n<nitf>", "xml"},
        {"<article>\n    <author>x</author>", "xml"},
        {"<!-- export -->\n<?xml-stylesheet href=\"a\"?><feed xmlns=\"x\">", "xml"},
        {"<?xml version=\"1.0\"?><!DOCTYPE html><html>", "html"},
        {"<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", "html"},
        {"<p>A paragraph of a saved page</p>", "html"},
        {"<3 this story", "text"},
    };
    for (const auto& [head, expected] : cases) {
        const std::optional<Format> got = detect_format("0001", head);
        BOOST_TEST((got ? std::string(format_name(*got)) : "none") == expected, head);
    }
    BOOST_TEST((detect_format("0000.xml", "<article>") == Format::xml));
    BOOST_TEST((detect_format("story.nitf", "") == Format::xml));
}

BOOST_AUTO_TEST_SUITE_END()
