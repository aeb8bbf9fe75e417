#define BOOST_TEST_MODULE mail_reader
#include <boost/test/unit_test.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/readers/mail_reader.h"
#include "common/readers/mime.h"
#include "common/readers/reader.h"
#include "common/text/charset.h"
#include "reader_harness.h"

using namespace morgue;
using morgue::testing::escape;
using morgue::testing::run;

namespace {

struct Case {
    std::string input;
    std::string expected;
};

std::string read_mail(const std::string& input, std::size_t max = 1 << 20) {
    MailReader reader(max);
    return run(reader, input);
}

std::string read_mbox(const std::string& input, std::size_t max = 1 << 20) {
    MboxReader reader(max);
    return run(reader, input);
}

// The body of the only record of a message, or a diagnostic.
std::string body_of(const std::string& message) {
    const std::string out = read_mail(message);
    const std::size_t body = out.find("| body=");
    return body == std::string::npos ? out : out.substr(body + 7, out.size() - body - 8);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(mime)

BOOST_AUTO_TEST_CASE(encoded_header_words) {
    const std::vector<Case> cases{
        {"plain subject", "plain subject"},
        {"=?utf-8?B?SsO2cmcgTcO8bGxlcg==?=", "J\xc3\xb6rg M\xc3\xbcller"},
        {"=?ISO-8859-1?Q?Caf=E9_cr=E8me?= today", "Caf\xc3\xa9 cr\xc3\xa8me today"},
        {"=?utf-8?q?a?= =?utf-8?q?b?=", "ab"},
        {"=?utf-8?q?a?=  x  =?utf-8?q?b?=", "a  x  b"},
        {"=?koi8-r?B?8NLJ18XU?=", "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82"},
        {"=?utf-8*en?Q?hi?=", "hi"},
        {"=?broken =?utf-8?X?abc?= =?", "=?broken =?utf-8?X?abc?= =?"},
        {"=?no-such-charset?Q?caf=E9?=", "caf\xc3\xa9"},
        {"raw latin-1 caf\xe9", "raw latin-1 caf\xc3\xa9"},
    };
    for (const Case& c : cases) {
        BOOST_TEST(decode_header_text(c.input) == c.expected, c.input);
    }
}

BOOST_AUTO_TEST_CASE(transfer_encodings) {
    BOOST_TEST(decode_quoted_printable("caf=E9 =\r\nsoft=\nbreak =3D x=ZZ") ==
               "caf\xe9 softbreak = x=ZZ");
    BOOST_TEST(decode_quoted_printable("a_b=5F", true) == "a b_");
    BOOST_TEST(decode_base64("aGVs\r\nbG8g d29y bGQ=") == "hello world");
    BOOST_TEST(decode_base64("YQ") == "a");
    BOOST_TEST(decode_base64("") == "");
}

BOOST_AUTO_TEST_CASE(charsets) {
    BOOST_TEST(text::decode_charset("caf\xe9", "ISO-8859-1") == "caf\xc3\xa9");
    BOOST_TEST(text::decode_charset("\x93quoted\x94", "us-ascii") ==
               "\xe2\x80\x9cquoted\xe2\x80\x9d");
    BOOST_TEST(text::decode_charset("\xbf", "iso-8859-2") == "\xc5\xbc");
    BOOST_TEST(text::decode_charset("caf\xc3\xa9", "\"UTF-8\"") == "caf\xc3\xa9");
    BOOST_TEST(text::decode_charset("caf\xe9", "utf-8") == "caf\xc3\xa9");
    BOOST_TEST(text::decode_charset("caf\xe9", "x-unknown") == "caf\xc3\xa9");
    BOOST_TEST(!text::convert_charset("\xff\xfe\xfd", "utf-8"));
    BOOST_TEST(*text::convert_charset("\xc4\xe3", "gb2312") == "\xe4\xbd\xa0");
}

BOOST_AUTO_TEST_CASE(the_text_part_is_chosen) {
    const std::string alternative =
        "Content-Type: multipart/alternative; boundary=\"b1\"\n\n"
        "preamble\n--b1\nContent-Type: text/html; charset=utf-8\n\n<p>html version</p>\n"
        "--b1\nContent-Type: text/plain; charset=iso-8859-1\n"
        "Content-Transfer-Encoding: quoted-printable\n\nPlain caf=E9 version.=\n"
        "\n--b1--\nepilogue\n";
    BOOST_TEST(body_of(alternative) == "Plain caf\xc3\xa9 version.");
    const std::string nested =
        "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=outer\n\n"
        "--outer\nContent-Type: text/plain\nContent-Disposition: attachment; filename=a.txt\n\n"
        "attached notes\n--outer\nContent-Type: multipart/alternative; boundary=\"inner\"\n\n"
        "--inner\r\nContent-Type: text/plain; charset=utf-8\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\nSGVsbG8sIHfDtnJsZA==\r\n--inner--\r\n"
        "--outer--\n";
    BOOST_TEST(body_of(nested) == "Hello, w\xc3\xb6rld");
    const std::string html_only =
        "Content-Type: text/html; charset=windows-1252\n\n<html><head><title>t</title></head>"
        "<body><p>First &amp; \x93quoted\x94</p><p>Second</p></body></html>\n";
    BOOST_TEST(escape(body_of(html_only)) == "First & \xe2\x80\x9cquoted\xe2\x80\x9d\\n\\nSecond");
    const std::string no_text =
        "Subject: scan\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n\n"
        "JVBERi0=\n";
    BOOST_TEST(read_mail(no_text) == "R in id=dir/in | title=scan | source=dir\n");
    const std::string unclosed =
        "Content-Type: multipart/mixed; boundary=x\n\n--x\n\nfirst part, no closing line\n";
    BOOST_TEST(escape(body_of(unclosed)) == "first part, no closing line\\n");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(messages)

BOOST_AUTO_TEST_CASE(authors_and_folders) {
    const std::vector<Case> authors{
        {"Jane Doe <jane@example.com>", "Jane Doe"},
        {"\"Doe, Jane \\\"JD\\\"\" <jane@example.com>", "Doe, Jane \"JD\""},
        {"<jane@example.com>", "jane@example.com"},
        {"jane@example.com (Jane Doe)", "Jane Doe"},
        {"jane@example.com ()", "jane@example.com"},
        {"jane@example.com", "jane@example.com"},
        {"  ", ""},
    };
    for (const Case& c : authors) {
        BOOST_TEST(author_name(c.input) == c.expected, c.input);
    }
    BOOST_TEST(mail_folder("20news-bydate-train/alt.atheism/49960", "x") == "alt.atheism");
    BOOST_TEST(mail_folder("Maildir/work/cur/1700000000.M1.host:2,S", "x") == "work");
    BOOST_TEST(mail_folder("new/1", "x") == "new");
    BOOST_TEST(mail_folder("49960", "spool/sci.space/49960") == "sci.space");
    BOOST_TEST(mail_folder("49960", "49960") == "");
}

BOOST_AUTO_TEST_CASE(usenet_posts) {
    const std::string post =
        " wupost!uunet!olivea!sgigate\n"
        "From: kim@lab.example.org (Kim Lee)\n"
        "Subject: Re: Harbour dredging\n <1993Apr1.1@news.example.org> <2@x.example>\n"
        "Organization: Example Lab,\n\tHarbour Division\n"
        "Lines: 3\n"
        "\n"
        "In article <1@x> someone wrote:\n> quoted\nreply text\n";
    BOOST_TEST(read_mail(post) ==
               "R in id=dir/in | title=Re: Harbour dredging | author=Kim Lee | source=dir | "
               "organization=Example Lab, Harbour Division | body=In article <1@x> someone "
               "wrote:\\n> quoted\\nreply text\\n\n");
    const std::string with_group =
        "Path: news.example.org!not-for-mail\nNewsgroups: sci.space, sci.astro\n"
        "Message-ID: <abc@news.example.org>\nDate: Mon, 5 Apr 1993 12:00:00 GMT\n"
        "From: =?ISO-8859-1?Q?J=F6rg?= <j@example.org>\nSubject: Launch\n\nBody.\n";
    BOOST_TEST(read_mail(with_group) ==
               "R in id=dir/in | id=abc@news.example.org | title=Launch | author=J\xc3\xb6rg | "
               "date=Mon, 5 Apr 1993 12:00:00 GMT | source=sci.space | body=Body.\\n\n");
}

BOOST_AUTO_TEST_CASE(empty_and_oversized_files) {
    BOOST_TEST(read_mail("\n  \n") == "D in: empty file; skipped [empty file]\n");
    BOOST_TEST(read_mail("Subject: x\n\n" + std::string(100, 'y'), 50) ==
               "D in: message larger than 50 bytes; message skipped [message too long]\n");
    BOOST_TEST(read_mail("no header at all\n") ==
               "R in id=dir/in | source=dir | body=no header at all\\n\n");
}

BOOST_AUTO_TEST_CASE(mbox_files) {
    const std::string mbox =
        "From jane@example.com Mon Apr  5 12:00:00 1993\n"
        "From: Jane <jane@example.com>\nSubject: First\nMessage-ID: <1@example.com>\n\n"
        "Line one\n>From the harbour\n>>From quoted twice\nFrom here, not a separator\n\n"
        "From kim@example.org Tue Apr  6 09:00:00 1993\n"
        "From: kim@example.org\nSubject: Second\nNewsgroups: misc.test\n\nSecond body\n";
    BOOST_TEST(read_mbox(mbox) ==
               "R in:1 | id=1@example.com | title=First | author=Jane | source=in | "
               "body=Line one\\nFrom the harbour\\n>From quoted twice\\nFrom here, not a "
               "separator\\n\\n\n"
               "R in:11 | title=Second | author=kim@example.org | source=misc.test | "
               "body=Second body\\n\n");
    BOOST_TEST(read_mbox("") == "");
    BOOST_TEST(read_mbox("From a\nSubject: big\n\n" + std::string(100, 'x') +
                             "\n\nFrom b\n"
                             "Subject: small\n\nok\n",
                         60) ==
               "D in:1: message longer than 60 bytes; message skipped [message too long]\n"
               "R in:6 | title=small | source=in | body=ok\\n\n");
}

BOOST_AUTO_TEST_CASE(detection) {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"From: a@b.example\nSubject: hi\n\nbody", "mail"},
        {"Xref: news.example.org sci.space:1\nPath: a!b\nFrom: x\n\n", "mail"},
        {" wupost!uunet!olivea\nSubject: Re: x\nFrom: y\nLines: 3\n\nbody", "mail"},
        {"Orginization: ODU\nFrom: Kay <k@example.edu>\nSubject: q\n\n", "mail"},
        {"Title: Harbour\nAuthor: Kim\n\nbody", "text"},
        {"Subject: only one header line\n\nbody", "text"},
        {"From jane@example.com Mon Apr  5 12:00:00 1993\nFrom: Jane\nSubject: x\n\n", "mbox"},
        {"From the desk of the editor\nwe write to you", "text"},
    };
    for (const auto& [head, expected] : cases) {
        const std::optional<Format> got = detect_format("49960", head);
        BOOST_TEST((got ? std::string(format_name(*got)) : "none") == expected, head);
    }
    BOOST_TEST((detect_format("letter.eml", "") == Format::mail));
    BOOST_TEST((detect_format("box.MBOX.gz", "") == Format::mbox));
    BOOST_TEST((detect_format("box.mbx", "") == Format::mbox));
}

BOOST_AUTO_TEST_SUITE_END()
