#define BOOST_TEST_MODULE search_snippet
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "common/search_snippet.h"

namespace {

/// A long body: `before` filler sentences, then the sentence with the match, then more filler.
std::string body_with(const std::string& sentence, int before, int after) {
    std::string filler = "The weather was mild and the roads were quiet all day. ";
    std::string body;
    for (int i = 0; i < before; ++i) {
        body += filler;
    }
    body += sentence + " ";
    for (int i = 0; i < after; ++i) {
        body += filler;
    }
    return body;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(search_snippet)

BOOST_AUTO_TEST_CASE(needles_are_free_text_words_and_stems) {
    std::vector<Xapian::Query> terms{Xapian::Query("Zharbour"), Xapian::Query("harbours"),
                                     Xapian::Query("XSOURCE:reuters"), Xapian::Query("Sdock"),
                                     Xapian::Query("ZSquay")};
    Xapian::Query query(Xapian::Query::OP_OR, terms.begin(), terms.end());
    std::vector<std::string> expected{"harbour", "harbours"};
    std::vector<std::string> needles = morgue::snippet_needles(query);
    std::sort(needles.begin(), needles.end());
    BOOST_TEST(needles == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(short_bodies_are_taken_whole) {
    std::string body = body_with("Crab boats left the harbour.", 2, 2);
    auto window = morgue::snippet_window(body, {"harbour"}, 240);
    BOOST_TEST(window.first == 0u);
    BOOST_TEST(window.second == body.size());
}

BOOST_AUTO_TEST_CASE(long_bodies_start_at_the_first_match) {
    std::string body = body_with("Crab boats left the (Harbour) before dawn.", 40, 40);
    auto [begin, end] = morgue::snippet_window(body, {"harbour"}, 240);
    BOOST_TEST(body.substr(begin, 9) == "(Harbour)");
    BOOST_TEST(body[end - 1] == ' ');
    BOOST_TEST(end - begin > 2 * 240u);
    BOOST_TEST(end - begin < 2 * 240u + 16);
}

BOOST_AUTO_TEST_CASE(a_needle_inside_a_word_is_no_match) {
    std::string body = body_with("Theharbour was shut.", 40, 40);
    auto [begin, end] = morgue::snippet_window(body, {"harbour"}, 240);
    BOOST_TEST(begin == 0u);
    BOOST_TEST(end < 2 * 240u + 16);
}

BOOST_AUTO_TEST_SUITE_END()
