#define BOOST_TEST_MODULE warc_reader
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "common/readers/http_message.h"
#include "common/readers/warc_reader.h"
#include "common/readers/warc_records.h"
#include "reader_harness.h"

using namespace morgue;
using namespace std::string_literals;
using morgue::testing::escape;
using morgue::testing::run;

namespace {

// "<html><body><p>Gzip page</p></body></html>" compressed three ways.
const std::string kGzipPage =
    "\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03\xb3\xc9\x28\xc9\xcd\xb1\xb3\x49\xca\x4f\xa9\xb4"
    "\xb3\x29\xb0\x73\xaf\xca\x2c\x50\x28\x48\x4c\x4f\xb5\xd1\x2f\xb0\xb3\xd1\x87\x08\xeb\x83"
    "\xd5\x00\x00\xa3\xed\x80\x56\x2a\x00\x00\x00"s;
const std::string kZlibPage =
    "\x78\x9c\xb3\xc9\x28\xc9\xcd\xb1\xb3\x49\xca\x4f\xa9\xb4\xb3\x29\xb0\x73\xaf\xca\x2c\x50"
    "\x28\x48\x4c\x4f\xb5\xd1\x2f\xb0\xb3\xd1\x87\x08\xeb\x83\xd5\x00\x00\x39\xbb\x0e\x67"s;
const std::string kRawDeflatePage =
    "\xb3\xc9\x28\xc9\xcd\xb1\xb3\x49\xca\x4f\xa9\xb4\xb3\x29\xb0\x73\xaf\xca\x2c\x50\x28\x48"
    "\x4c\x4f\xb5\xd1\x2f\xb0\xb3\xd1\x87\x08\xeb\x83\xd5\x00\x00"s;
const std::string kPlainPage = "<html><body><p>Gzip page</p></body></html>";

// A page reader that shows what it was given instead of extracting an article.
std::optional<Record> fake_page(std::string_view html, const PageContext& context,
                                const Origin& origin, const DiagnosticSink& diagnostics) {
    if (html.find("no article") != std::string_view::npos) {
        diagnostics(Diagnostic{Severity::warning, origin, "no article text; page skipped",
                               "no article text"});
        return std::nullopt;
    }
    Record record;
    record.fields = {{"url", context.url},
                     {"date", context.fallback_date},
                     {"charset", context.charset},
                     {"html", std::string(html)}};
    return record;
}

std::string warc(const std::string& type, const std::string& headers, const std::string& block) {
    return "WARC/1.0\r\nWARC-Type: " + type + "\r\n" + headers +
           "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

std::string http(const std::string& headers, const std::string& body) {
    return "HTTP/1.1 200 OK\r\n" + headers + "\r\n" + body;
}

std::string response(const std::string& uri, const std::string& block) {
    return warc("response",
                "WARC-Target-URI: " + uri +
                    "\r\nWARC-Date: 2017-03-06T04:02:06Z\r\n"
                    "Content-Type: application/http; msgtype=response\r\n",
                block);
}

std::string read_warc(const std::string& input, std::size_t max_block = 1 << 20) {
    WarcReader reader(fake_page, max_block);
    return run(reader, input);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(http_message)

BOOST_AUTO_TEST_CASE(chunked_bodies_are_joined) {
    struct Row {
        std::string body;
        std::string expected;  // "!" = not chunked, "...|cut" = truncated
    };
    const std::vector<Row> rows{
        {"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n", "hello world"},
        {"5;ext=1\r\nhello\r\n0\r\n", "hello"},
        {"1C\r\n" + std::string(28, 'x') + "\r\n0\r\n\r\n", std::string(28, 'x')},
        {"5\nhello\n0\n", "hello"},
        {"5\r\nhel", "hel|cut"},
        {"5\r\nhello\r\nzz\r\n", "hello|cut"},
        {"<html>", "!"},
        {"", "!"},
    };
    for (const Row& row : rows) {
        bool truncated = false;
        const std::optional<std::string> got = decode_chunked(row.body, &truncated);
        const std::string shown = got ? *got + (truncated ? "|cut" : "") : "!";
        BOOST_TEST(shown == row.expected, escape(row.body));
    }
}

BOOST_AUTO_TEST_CASE(inflates_gzip_zlib_and_raw_deflate) {
    for (const std::string& data : {kGzipPage, kZlibPage, kRawDeflatePage}) {
        const Inflated got = inflate_data(data, 1000);
        BOOST_TEST((got.status == InflateStatus::complete));
        BOOST_TEST(got.data == kPlainPage);
    }
    const Inflated cut = inflate_data(kGzipPage.substr(0, 30), 1000);
    BOOST_TEST((cut.status == InflateStatus::truncated));
    BOOST_TEST(kPlainPage.rfind(cut.data, 0) == 0);
    BOOST_TEST((inflate_data(kPlainPage, 1000).status == InflateStatus::not_compressed));
    BOOST_TEST((inflate_data(kGzipPage, 20).status == InflateStatus::too_large));
}

BOOST_AUTO_TEST_CASE(responses_are_split_and_decoded) {
    const std::string message =
        "HTTP/1.1 200 OK\r\nContent-Type: text/html;\r\n charset=\"ISO-8859-1\"\r\n"
        "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n"
        "37\r\n" +
        kGzipPage + "\r\n0\r\n\r\n";
    const std::optional<HttpResponse> parsed = parse_http_response(message);
    BOOST_REQUIRE(parsed);
    BOOST_TEST(parsed->status == 200);
    BOOST_TEST(header_parameter(header_value(parsed->headers, "content-type"), "charset") ==
               "ISO-8859-1");
    const DecodedBody body = decode_http_body(*parsed, 1000);
    BOOST_TEST(body.usable);
    BOOST_TEST(body.problem == "");
    BOOST_TEST(body.data == kPlainPage);

    BOOST_TEST(!parse_http_response("GET / HTTP/1.1\r\n\r\n"));
    BOOST_TEST(!parse_http_response("HTTP/1.1 OK\r\n\r\n"));
    const std::optional<HttpResponse> no_body = parse_http_response("HTTP/1.0 304 Not Modified");
    BOOST_REQUIRE(no_body);
    BOOST_TEST(no_body->status == 304);
    BOOST_TEST(no_body->body.empty());

    const DecodedBody brotli = decode_http_body(
        *parse_http_response("HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\nx"), 1000);
    BOOST_TEST(!brotli.usable);
    BOOST_TEST(brotli.problem == "content encoding \"br\" is not supported; record skipped");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(warc_records)

BOOST_AUTO_TEST_CASE(arc_dates_become_iso) {
    BOOST_TEST(arc_date_to_iso("20140216050221") == "2014-02-16T05:02:21Z");
    BOOST_TEST(arc_date_to_iso("201402160502") == "2014-02-16T05:02Z");
    BOOST_TEST(arc_date_to_iso("20140216") == "2014-02-16");
    BOOST_TEST(arc_date_to_iso("201404010000000000") == "");
    BOOST_TEST(arc_date_to_iso("2014-02-16") == "");
}

BOOST_AUTO_TEST_CASE(records_are_framed_with_offsets) {
    const std::string first = warc("warcinfo", "", "software: test\r\n");
    const std::string input =
        first + response("<http://example.com/a b>", "HTTP/1.1 200 OK\r\n\r\n");
    StringSource source(input);
    std::vector<std::string> problems;
    ArchiveRecordReader reader(source, [&](std::size_t n, std::string m, std::string) {
        problems.push_back(std::to_string(n) + ": " + m);
    });
    ArchiveRecord record;
    BOOST_REQUIRE(reader.next(record));
    BOOST_TEST(record.number == 1U);
    BOOST_TEST(record.offset == 0U);
    BOOST_TEST(record.type == "warcinfo");
    BOOST_TEST(record.block == "software: test\r\n");
    BOOST_REQUIRE(reader.next(record));
    BOOST_TEST(record.number == 2U);
    BOOST_TEST(record.offset == first.size());
    BOOST_TEST(record.target_uri == "http://example.com/a b");
    BOOST_TEST(record.date == "2017-03-06T04:02:06Z");
    BOOST_TEST(!reader.next(record));
    BOOST_TEST(problems.empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(warc_reader)

BOOST_AUTO_TEST_CASE(html_responses_and_resources_become_records) {
    const std::string input =
        warc("warcinfo", "WARC-Date: 2017-03-06T04:03:53Z\r\n", "software: test\r\n") +
        response("http://example.com/",
                 http("Content-Type: text/html; charset=utf-8\r\n", "<html>plain</html>")) +
        warc("request", "WARC-Target-URI: http://example.com/\r\n", "GET / HTTP/1.1\r\n\r\n") +
        response("<http://example.com/gz>",
                 http("Content-Type: text/html\r\nContent-Encoding: gzip\r\n"
                      "Transfer-Encoding: chunked\r\n",
                      "37\r\n" + kGzipPage + "\r\n0\r\n\r\n")) +
        warc("resource",
             "WARC-Target-URI: file:///page one.html\r\nWARC-Date: 2020-01-02T03:04:05Z\r\n"
             "Content-Type: text/html; charset=windows-1252\r\n",
             "<p>resource</p>") +
        warc("resource",
             "WARC-Target-URI: http://example.com/logo.png\r\nContent-Type: image/png\r\n",
             "\x89PNG") +
        response("http://example.com/style.css", http("Content-Type: text/css\r\n", "p {}")) +
        warc("metadata", "", "via: x\r\n") + warc("revisit", "", "");
    BOOST_TEST(read_warc(input) ==
               "R in:2 | url=http://example.com/ | date=2017-03-06T04:02:06Z | charset=utf-8 | "
               "html=<html>plain</html>\n"
               "R in:4 | url=http://example.com/gz | date=2017-03-06T04:02:06Z | charset= | "
               "html=" +
                   kPlainPage +
                   "\n"
                   "R in:5 | url=file:///page%20one.html | date=2020-01-02T03:04:05Z | "
                   "charset=windows-1252 | html=<p>resource</p>\n"
                   "D in: 6 records skipped: 1 warcinfo, 1 request, 1 image/png, 1 text/css, "
                   "1 metadata, 1 revisit (only HTML pages in responses and resources hold "
                   "articles) [WARC records without an HTML page]\n");
}

// Header values are bytes; a record's values are UTF-8, so bytes outside ASCII in the target
// URI and the date are read as Windows-1252.
BOOST_AUTO_TEST_CASE(header_bytes_outside_ascii_are_read_as_windows_1252) {
    const std::string input = warc("resource",
                                   "WARC-Target-URI: http://example.com/caf\xe9\r\n"
                                   "WARC-Date: 2020-01-02T03:04:05\xff\r\n"
                                   "Content-Type: text/html\r\n",
                                   "<p>resource</p>");
    BOOST_TEST(read_warc(input) ==
               "R in:1 | url=http://example.com/caf\xc3\xa9 | date=2020-01-02T03:04:05\xc3\xbf | "
               "charset= | html=<p>resource</p>\n");
}

BOOST_AUTO_TEST_CASE(http_errors_and_unstated_types) {
    const std::string input =
        response("http://a/missing", "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\nx") +
        response("http://a/moved", "HTTP/1.1 301 Moved\r\nLocation: /b\r\n\r\n") +
        response("http://a/sniffed", http("", "  <!DOCTYPE html><title>t</title>")) +
        response("http://a/blob", http("", "\x01\x02 binary")) +
        response("http://a/empty", http("Content-Type: text/html\r\n", "no article")) +
        warc("response", "WARC-Target-URI: dns:example.com\r\nContent-Type: text/dns\r\n",
             "20170306040206\nexample.com. 300 IN A 93.184.216.34\n");
    BOOST_TEST(read_warc(input) ==
               "R in:3 | url=http://a/sniffed | date=2017-03-06T04:02:06Z | charset= | "
               "html=  <!DOCTYPE html><title>t</title>\n"
               "D in:5: no article text; page skipped [no article text]\n"
               "D in: 4 records skipped: 1 HTTP 404, 1 HTTP 301, 1 no content type, 1 text/dns "
               "(only HTML pages in responses and resources hold articles) [WARC records without "
               "an HTML page]\n");
}

BOOST_AUTO_TEST_CASE(damaged_payloads_are_reported_with_their_offset) {
    const std::string first = response(
        "http://a/cut",
        http("Content-Type: text/html\r\nContent-Encoding: gzip\r\n", kGzipPage.substr(0, 40)));
    const std::string input =
        first +
        response("http://a/notchunked",
                 http("Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n", "<p>x</p>")) +
        response("http://a/br", http("Content-Type: text/html\r\nContent-Encoding: br\r\n", "x"));
    const std::string out = read_warc(input);
    const std::string cut = inflate_data(kGzipPage.substr(0, 40), 1000).data;
    BOOST_TEST(
        out ==
        "D in:1: record 1 at byte offset 0: the gzip content is cut short or damaged; the " +
            std::to_string(cut.size()) +
            " bytes decoded before it are read [damaged HTTP "
            "payload]\n"
            "R in:1 | url=http://a/cut | date=2017-03-06T04:02:06Z | charset= | html=" +
            cut +
            "\n"
            "D in:2: record 2 at byte offset " +
            std::to_string(first.size()) +
            ": marked as chunked (Transfer-Encoding) but not chunked; read as it is "
            "[damaged HTTP payload]\n"
            "R in:2 | url=http://a/notchunked | date=2017-03-06T04:02:06Z | charset= | "
            "html=<p>x</p>\n"
            "D in:3: record 3 at byte offset " +
            std::to_string(input.size() -
                           response("http://a/br", http("Content-Type: "
                                                        "text/html\r\nContent-Encoding: br\r\n",
                                                        "x"))
                               .size()) +
            ": content encoding \"br\" is not supported; record skipped [unreadable HTTP "
            "payload]\n");
}

BOOST_AUTO_TEST_CASE(malformed_and_truncated_files_go_on_or_end_with_a_message) {
    const std::string good =
        response("http://a/", http("Content-Type: text/html\r\n", "<p>ok</p>"));
    const std::string junk = "this is not a record\r\nmore junk\r\n";
    const std::string no_length = "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\n";
    const std::string input =
        junk + good + no_length + "body\r\n\r\n" + good + good.substr(0, good.size() - 10);
    const std::size_t second = junk.size() + good.size();
    const std::size_t last = second + no_length.size() + 8 + good.size();
    BOOST_TEST(read_warc(input) ==
               "D in: byte offset 0: no WARC record header (found \"this is not a record\"); "
               "skipped to the next record [malformed WARC record]\n"
               "R in:1 | url=http://a/ | date=2017-03-06T04:02:06Z | charset= | html=<p>ok</p>\n"
               "D in:2: record 2 at byte offset " +
                   std::to_string(second) +
                   ": no valid Content-Length in the WARC header; skipped to the next record "
                   "[malformed WARC record]\n"
                   "R in:3 | url=http://a/ | date=2017-03-06T04:02:06Z | charset= | "
                   "html=<p>ok</p>\n"
                   "D in:4: record 4 at byte offset " +
                   std::to_string(last) +
                   ": the file ends after 47 of the record's 53 bytes (truncated file); "
                   "the part there is read [truncated archive record]\n"
                   "R in:4 | url=http://a/ | date=2017-03-06T04:02:06Z | charset= | "
                   "html=<p>\n");
    BOOST_TEST(read_warc(good + "\r\n\x1f\x8b\r\n\r\n" + good) ==
               "R in:1 | url=http://a/ | date=2017-03-06T04:02:06Z | charset= | html=<p>ok</p>\n"
               "D in:1: byte offset " +
                   std::to_string(good.size() + 2) +
                   ": no WARC record header (found \"??\"); skipped to the next record "
                   "[malformed WARC record]\n"
                   "R in:2 | url=http://a/ | date=2017-03-06T04:02:06Z | charset= | "
                   "html=<p>ok</p>\n");
    BOOST_TEST(read_warc(good.substr(0, good.find("HTTP/1.1"))) ==
               "D in:1: record 1 at byte offset 0: the file ends after 0 of the record's 53 "
               "bytes (truncated file); record skipped [truncated archive record]\n");
    BOOST_TEST(read_warc("WARC/1.0\r\nWARC-Type: response\r\n") ==
               "D in:1: record 1 at byte offset 0: the file ends inside the WARC header "
               "(truncated file) [truncated archive record]\n");
    BOOST_TEST(read_warc("") == "");
}

// Serves its data, then fails as a truncated .warc.gz does.
class FailingSource : public ByteSource {
  public:
    explicit FailingSource(std::string data) : data_(std::move(data)) {}
    std::size_t read(char* buf, std::size_t n) override {
        if (pos_ == data_.size()) {
            throw InputError("truncated gzip input");
        }
        const std::size_t k = std::min(n, data_.size() - pos_);
        std::copy_n(data_.data() + pos_, k, buf);
        pos_ += k;
        return k;
    }

  private:
    std::string data_;
    std::size_t pos_ = 0;
};

BOOST_AUTO_TEST_CASE(damaged_compressed_data_is_located) {
    const std::string first = warc("warcinfo", "", "software: test\r\n");
    const std::string input = first + response("http://a/", http("", "<p>cut"));
    WarcReader reader(fake_page);
    FailingSource source(input.substr(0, input.size() - 8));
    std::vector<std::string> messages;
    BOOST_CHECK_THROW(reader.read(
                          source, InputInfo{"in", "in"}, [](Record&&) {},
                          [&](Diagnostic d) { messages.push_back(d.message); }),
                      InputError);
    BOOST_TEST(messages ==
                   (std::vector<std::string>{
                       "the data is damaged after byte offset " + std::to_string(input.size() - 8) +
                           " (record 2); the records before it are read",
                       "1 record skipped: 1 warcinfo (only HTML pages in responses and "
                       "resources hold articles)"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(blocks_over_the_limit_are_passed_over) {
    const std::string big =
        response("http://a/big", http("Content-Type: text/html\r\n", std::string(300, 'x')));
    const std::string small = response("http://a/", http("Content-Type: text/html\r\n", "<p/>"));
    BOOST_TEST(read_warc(big + small, 200) ==
               "D in:1: record 1 at byte offset 0: holds 344 bytes, more than the 200 bytes a "
               "record may have; skipped [WARC record too large]\n"
               "R in:2 | url=http://a/ | date=2017-03-06T04:02:06Z | charset= | html=<p/>\n");
}

BOOST_AUTO_TEST_CASE(arc_files_version_1_and_2) {
    const std::string page = "HTTP/1.1 200 OK\nContent-Type: text/html\n\n<p>arc</p>";
    const std::string desc1 = "1 0 Test\nURL IP-address Archive-date Content-type Archive-length\n";
    const std::string v1 = "filedesc://test.arc 127.0.0.1 20140216050221 text/plain " +
                           std::to_string(desc1.size()) + "\n" + desc1 + "\n" +
                           "http://example.com/a b c 93.184.216.119 20140216050221 text/html " +
                           std::to_string(page.size()) + "\n" + page + "\n" +
                           "dns:example.com 127.0.0.1 20140216050221 text/dns 3\nabc\n" +
                           "http://example.com/ 1.2.3.4 201404010000000000 text/html -1\n\n";
    BOOST_TEST(read_warc(v1) ==
               "R in:2 | url=http://example.com/a%20b%20c | date=2014-02-16T05:02:21Z | "
               "charset= | html=<p>arc</p>\n"
               "D in:4: record 4 at byte offset " +
                   std::to_string(v1.size() - 61) +
                   ": ARC header without a valid length (found \"http://example.com/ 1.2.3.4 "
                   "201404010000000000 text/html -1\"); skipped to the next record [malformed "
                   "ARC record]\n"
                   "D in: 2 records skipped: 1 filedesc, 1 text/dns (only HTML pages in "
                   "responses and resources hold articles) [WARC records without an HTML "
                   "page]\n");
    const std::string desc2 =
        "2 0 Test\nURL IP-address Archive-date Content-type Result-code "
        "Checksum Location Offset Filename Archive-length\n";
    const std::string v2 = "filedesc://test.arc 0 20140216050221 text/plain " +
                           std::to_string(desc2.size()) + "\n" + desc2 + "\n" +
                           "http://example.com/ 1.2.3.4 20140216050221 text/html 200 "
                           "ABCDEF - 0 test.arc " +
                           std::to_string(page.size()) + "\n" + page + "\n";
    BOOST_TEST(read_warc(v2) ==
               "R in:2 | url=http://example.com/ | date=2014-02-16T05:02:21Z | charset= | "
               "html=<p>arc</p>\n"
               "D in: 1 record skipped: 1 filedesc (only HTML pages in responses and resources "
               "hold articles) [WARC records without an HTML page]\n");
}

BOOST_AUTO_TEST_CASE(detection) {
    BOOST_TEST((detect_format("crawl", "WARC/1.0\r\nWARC-Type: warcinfo\r\n") == Format::warc));
    BOOST_TEST((detect_format("crawl", "filedesc://x.arc 0.0.0.0 20140216050221 text/plain 75") ==
                Format::warc));
    BOOST_TEST((detect_format("example-bad.warc.gz.bad", "WARC/1.0\r\n") == Format::warc));
    BOOST_TEST((detect_format("crawl.warc", "") == Format::warc));
    BOOST_TEST((detect_format("IA-001102.ARC", "") == Format::warc));
}

BOOST_AUTO_TEST_SUITE_END()
