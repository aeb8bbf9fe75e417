#define BOOST_TEST_MODULE html_charset
#include <boost/test/unit_test.hpp>

#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "common/html/charset.h"
#include "common/readers/html.h"

using namespace morgue;

namespace {

// "title|body" of a page read with an HTTP charset, or its diagnostics.
std::string read_page(const std::string& bytes, const std::string& http_charset = "") {
    std::string notes;
    PageContext context;
    context.charset = http_charset;
    const std::optional<Record> record =
        html_to_record(bytes, context, Origin{"p.html", 0},
                       [&](const Diagnostic& d) { notes += "D " + d.message + "\n"; });
    std::string out = notes;
    if (record) {
        for (const auto& [key, value] : record->fields) {
            out += (key == "title" ? "" : "|") + value;
        }
    }
    return out;
}

std::string page(const std::string& head, const std::string& text) {
    return "<html><head>" + head + "<title>" + text + "</title></head><body><p>" + text +
           "</p></body></html>";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(charset_declarations)

BOOST_AUTO_TEST_CASE(content_type_values) {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"text/html; charset=ISO-8859-1", "iso-8859-1"},
        {"text/html;charset=\"windows-1251\"", "windows-1251"},
        {"text/html; Charset = 'koi8-r' ; q=1", "koi8-r"},
        {"UTF-8", "utf-8"},
        {"text/html", ""},
        {"", ""},
    };
    for (const auto& [value, expected] : cases) {
        BOOST_TEST(html::charset_from_content_type(value) == expected, value);
    }
}

BOOST_AUTO_TEST_CASE(declared_in_the_page) {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"<meta charset=\"ISO-8859-1\">", "iso-8859-1"},
        {"<META CHARSET=windows-1251>", "windows-1251"},
        {"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">", "koi8-r"},
        {"<meta content='text/html; charset=gb2312' http-equiv='content-type'/>", "gb2312"},
        {"<!-- <meta charset=\"latin1\"> --><meta charset=\"utf-8\">", "utf-8"},
        {"<meta name=\"viewport\" content=\"width=device-width\">", ""},
        {"<metadata charset=\"latin1\">", ""},
        {"\xEF\xBB\xBF<html>", "utf-8"},
        {"\xFF\xFE<", "utf-16le"},
        {"", ""},
    };
    for (const auto& [head, expected] : cases) {
        BOOST_TEST(html::declared_charset(head) == expected, head);
    }
}

BOOST_AUTO_TEST_CASE(labels_browsers_read_as_supersets) {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"ISO-8859-1", "WINDOWS-1252"},
        {"us-ascii", "WINDOWS-1252"},
        {"latin1", "WINDOWS-1252"},
        {"GB2312", "GB18030"},
        {"Shift_JIS", "CP932"},
        {"euc-kr", "CP949"},
        {"utf8", ""},
        {"UTF-8", ""},
        {"koi8-r", "koi8-r"},
    };
    for (const auto& [label, expected] : cases) {
        BOOST_TEST(html::iconv_name(label) == expected, label);
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(charset_decoding)

BOOST_AUTO_TEST_CASE(declared_charsets_are_honoured) {
    // "Café crème" in ISO-8859-1, with the cp1252 curly quotes sites put in such pages.
    BOOST_TEST(read_page(page("<meta charset=\"ISO-8859-1\">",
                              "\x93"
                              "Caf\xE9 cr\xE8me\x94")) ==
               "\xE2\x80\x9C"
               "Caf\xC3\xA9 cr\xC3\xA8me\xE2\x80\x9D|\xE2\x80\x9C"
               "Caf\xC3\xA9 cr\xC3\xA8me\xE2\x80\x9D");
    // "Москва" in windows-1251, declared by http-equiv.
    const std::string moscow_1251 = "\xCC\xEE\xF1\xEA\xE2\xE0";
    const std::string moscow_utf8 = "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0";
    BOOST_TEST(read_page(page("<meta http-equiv=\"Content-Type\" "
                              "content=\"text/html; charset=windows-1251\">",
                              moscow_1251)) == moscow_utf8 + "|" + moscow_utf8);
    // The HTTP header outranks the page's own declaration.
    BOOST_TEST(read_page(page("<meta charset=\"iso-8859-1\">", moscow_1251),
                         "text/html; charset=windows-1251") == moscow_utf8 + "|" + moscow_utf8);
    // "Москва" in KOI8-R.
    BOOST_TEST(read_page(page("<meta charset=koi8-r>", "\xED\xCF\xD3\xCB\xD7\xC1")) ==
               moscow_utf8 + "|" + moscow_utf8);
}

BOOST_AUTO_TEST_CASE(undeclared_and_misdeclared_pages) {
    // Valid UTF-8 without a declaration stays.
    BOOST_TEST(read_page(page("", "Caf\xC3\xA9")) == "Caf\xC3\xA9|Caf\xC3\xA9");
    // Invalid UTF-8 without a declaration is read as Windows-1252.
    BOOST_TEST(read_page(page("", "Caf\xE9")) == "Caf\xC3\xA9|Caf\xC3\xA9");
    // A page declared ISO-8859-1 whose bytes are valid UTF-8 is UTF-8.
    BOOST_TEST(read_page(page("<meta charset=\"iso-8859-1\">", "Caf\xC3\xA9")) ==
               "Caf\xC3\xA9|Caf\xC3\xA9");
    // A byte invalid in the declared charset becomes U+FFFD; the rest is read.
    BOOST_TEST(read_page(page("<meta charset=\"shift_jis\">", "\x93\xFA\x96\x7B \x85")) ==
               "\xE6\x97\xA5\xE6\x9C\xAC \xEF\xBF\xBD|\xE6\x97\xA5\xE6\x9C\xAC \xEF\xBF\xBD");
    // An unknown charset is reported and the page read as UTF-8 / Windows-1252.
    BOOST_TEST(read_page(page("<meta charset=\"x-martian\">", "Caf\xE9")) ==
               "D unknown charset \"x-martian\"; read as UTF-8 (Windows-1252 where invalid)\n"
               "Caf\xC3\xA9|Caf\xC3\xA9");
}

BOOST_AUTO_TEST_CASE(utf16_with_byte_order_mark) {
    const std::string text = "<p>Hi</p>";
    std::string utf16 = "\xFF\xFE";
    for (const char c : text) {
        utf16 += c;
        utf16 += '\0';
    }
    BOOST_TEST(read_page(utf16) == "|Hi");
}

BOOST_AUTO_TEST_SUITE_END()
