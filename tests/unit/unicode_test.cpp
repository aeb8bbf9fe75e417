#define BOOST_TEST_MODULE unicode
#include <boost/test/unit_test.hpp>

#include "common/text/unicode.h"

#include <cstddef>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace text = morgue::text;

namespace {

struct Case {
    std::string input;
    std::string expected;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(unicode)

BOOST_AUTO_TEST_CASE(is_valid_utf8_table) {
    const std::vector<std::pair<std::string, bool>> cases = {
        {"", true},
        {"plain ASCII\t\n", true},
        {"São", true},                // U+00E3
        {"€", true},                  // U+20AC
        {"📰", true},                  // U+1F4F0
        {"\xF4\x8F\xBF\xBF", true},   // U+10FFFF
        {"\xC3", false},              // truncated
        {"\xE2\x82", false},          // truncated
        {"\x80", false},              // lone continuation
        {"\xC0\x80", false},          // overlong NUL
        {"\xE0\x80\xAF", false},      // overlong '/'
        {"\xED\xA0\x80", false},      // surrogate U+D800
        {"\xF4\x90\x80\x80", false},  // past U+10FFFF
        {"\xF5\x80\x80\x80", false},
        {"caf\xE9", false},  // Latin-1
    };
    for (const auto& [bytes, valid] : cases) {
        BOOST_TEST_CONTEXT("bytes: " << bytes) {
            BOOST_TEST(text::is_valid_utf8(bytes) == valid);
        }
    }
}

BOOST_AUTO_TEST_CASE(to_utf8_table) {
    // Octal escapes ("\200") end after three digits where a hex one would swallow a letter.
    const std::vector<Case> cases = {
        {"already valid: São Paulo — 📰\t\n", "already valid: São Paulo — 📰\t\n"},
        {"caf\xE9 cr\xE8me", "café crème"},
        {"\x93quoted\x94 \x96 \2005 \x85", "“quoted” – €5 …"},
        {"\x8A\x9A\x9F", "ŠšŸ"},
        {"a\201b\215c\217d\220e\235f", "abcdef"},  // undefined in cp1252
        {"line\r\nnext\rlast\r", "line\nnext\nlast\n"},
        {std::string("a\0b\001c\033d\x7F", 8), "abcd\x7F"},
        {"valid \xC3\xA9 then stray \xE9", "valid é then stray é"},
        {"\xC2\223C1 from Latin-1\xC2\x94", "“C1 from Latin-1”"},  // U+0093, U+0094
        {"\xC0\x80", "À€"},  // an overlong form is two cp1252 bytes
        {"", ""},
    };
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT("bytes: " << c.input) {
            const std::string out = text::to_utf8(c.input);
            BOOST_TEST(out == c.expected);
            BOOST_TEST(text::is_valid_utf8(out));
        }
    }
}

BOOST_AUTO_TEST_CASE(fold_value_table) {
    const std::vector<Case> cases = {
        {"  São   PAULO ", "são paulo"},
        {"Reuters", "reuters"},
        {"ＡＢＣ", "abc"},  // fullwidth ABC
        {"Straße", "strasse"},
        {"ﬁle", "file"},         // U+FB01 ligature
        {"Sa\xCC\x83o", "são"},  // decomposed input composed
        {"New\xC2\xA0York\t\nTimes", "new york times"},
        {"soft\xC2\xADhyphen", "softhyphen"},  // default ignorable dropped
        {"МОСКВА", "москва"},
        {"   ", ""},
        {"caf\xE9", "café"},  // invalid bytes repaired first
    };
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT("value: " << c.input) {
            BOOST_TEST(text::fold_value(c.input) == c.expected);
        }
    }
}

BOOST_AUTO_TEST_CASE(fold_accents_table) {
    const std::vector<Case> cases = {
        {"São Paulo", "Sao Paulo"},
        {"Müller", "Muller"},
        {"Crème Brûlée", "Creme Brulee"},
        {"İstanbul", "Istanbul"},      // U+0130
        {"Sa\xCC\x83o", "Sao"},        // decomposed
        {"Nguyễn Đại", "Nguyen Đai"},  // Đ has no mark
        {"Ærø Straße", "Ærø Straße"},  // no marks
        {"ﬁ", "ﬁ"},                    // ligature kept
        {"Αθήνα", "Αθηνα"},
        {"Йошкар", "Йошкар"},  // й keeps its breve: a letter of its own
        {"ёж", "ёж"},
        {"がっこう", "がっこう"},  // dakuten kept
        {"हिन्दी", "हिन्दी"},        // vowel signs kept
        {"plain ASCII, unchanged", "plain ASCII, unchanged"},
        {"", ""},
    };
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT("text: " << c.input) {
            BOOST_TEST(text::fold_accents(c.input) == c.expected);
        }
    }
}

BOOST_AUTO_TEST_CASE(trim_and_collapse_space) {
    BOOST_TEST(text::trim("  x y \t\n") == "x y");
    BOOST_TEST(text::trim("\xC2\xA0\xE3\x80\x80wide\xE3\x80\x80") == "wide");
    BOOST_TEST(text::trim("\xEF\xBB\xBFtitle") == "title");
    BOOST_TEST(text::trim("caf\xC3\xA9\xE2\x80\x83") == "café");
    BOOST_TEST(text::trim(" \t ") == "");
    BOOST_TEST(text::collapse_space(" a \t\n b\xC2\xA0\xC2\240c ") == "a b c");
    BOOST_TEST(text::collapse_space("") == "");
    BOOST_TEST(text::white_space_length("a\xE2\x80\xAF", 1) == 3u);
    BOOST_TEST(text::white_space_length("ab", 1) == 0u);
    BOOST_TEST(text::white_space_length("a", 5) == 0u);
}

BOOST_AUTO_TEST_CASE(utf8_prefix_cuts_on_code_points) {
    BOOST_TEST(text::utf8_prefix("añb", 2) == "a");
    BOOST_TEST(text::utf8_prefix("añb", 3) == "añ");
    BOOST_TEST(text::utf8_prefix("abc", 10) == "abc");
    BOOST_TEST(text::utf8_prefix("€", 2) == "");
}

BOOST_AUTO_TEST_CASE(shorten_table) {
    const std::vector<std::tuple<std::string, std::size_t, std::string>> cases = {
        {"short", 10, "short"},
        {"exactly ten", 11, "exactly ten"},
        {"one two three four", 10, "one two…"},
        {"one two three", 7, "one two…"},  // a word ending at the limit is whole
        {"Supercalifragilistic", 5, "Super…"},
        {"Monday, French President", 10, "Monday…"},
        {"a — b c d e", 5, "a…"},
        {"añññ", 4, "añ…"},
        {"lead\xC2\xA0space here", 9, "lead…"},
    };
    for (const auto& [input, max_bytes, expected] : cases) {
        BOOST_TEST_CONTEXT("text: " << input << ", max " << max_bytes) {
            BOOST_TEST(text::shorten(input, max_bytes) == expected);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
