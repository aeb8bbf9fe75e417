#define BOOST_TEST_MODULE search_snippet
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "common/search_snippet.h"
#include "common/search_types.h"

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

morgue::SnippetMatcher matcher_of(const std::vector<std::string>& terms) {
    std::vector<Xapian::Query> queries(terms.begin(), terms.end());
    return morgue::SnippetMatcher(Xapian::Query(Xapian::Query::OP_OR, queries.begin(),
                                                queries.end()));
}

/// The snippet with its markers shown as [ and ].
std::string shown(std::string snippet) {
    for (char& c : snippet) {
        c = c == morgue::kMarkStart ? '[' : c == morgue::kMarkEnd ? ']' : c;
    }
    return snippet;
}

const Xapian::Stem kEnglishStem("english");
const morgue::SnippetStemmer kEnglish = morgue::snippet_stemmer(kEnglishStem, "en");

}  // namespace

BOOST_AUTO_TEST_SUITE(search_snippet)

BOOST_AUTO_TEST_CASE(field_terms_are_not_looked_for) {
    morgue::SnippetMatcher matcher = matcher_of({"XSOURCE:reuters", "Sdock", "ZSquay"});
    BOOST_TEST(matcher.empty());
    BOOST_TEST(morgue::make_snippet("Dock and quay.", matcher, kEnglish, 240) == "Dock and quay.");
}

BOOST_AUTO_TEST_CASE(words_match_as_they_are_and_stems_by_stem) {
    morgue::SnippetMatcher matcher = matcher_of({"Zharbour", "ferry"});
    std::string snippet = morgue::make_snippet("Harbours, ferries and one ferry.", matcher,
                                               kEnglish, 240);
    BOOST_TEST(shown(snippet) == "[Harbours], ferries and one [ferry].");
}

BOOST_AUTO_TEST_CASE(accents_apostrophes_and_case_are_folded) {
    morgue::SnippetMatcher matcher = matcher_of({"sao", "Zyear"});
    std::string snippet = morgue::make_snippet("In São Paulo last year’s crop failed.", matcher,
                                               kEnglish, 240);
    BOOST_TEST(shown(snippet) == "In [São] Paulo last [year’s] crop failed.");
}

BOOST_AUTO_TEST_CASE(stems_of_prefix_stripping_languages_match_whatever_the_initial) {
    // Indonesian stems "membaca" as "baca": its words are stemmed whatever letter they start with.
    Xapian::Stem indonesian("indonesian");
    BOOST_TEST(indonesian("membaca") == "baca");
    std::string snippet = morgue::make_snippet("Mereka membaca buku.", matcher_of({"Zbaca"}),
                                               morgue::snippet_stemmer(indonesian, "id"), 240);
    BOOST_TEST(shown(snippet) == "Mereka [membaca] buku.");
}

BOOST_AUTO_TEST_CASE(a_needle_inside_a_word_is_no_match) {
    morgue::SnippetMatcher matcher = matcher_of({"harbour"});
    BOOST_TEST(morgue::make_snippet("Theharbour was shut.", matcher, kEnglish, 240) ==
               "Theharbour was shut.");
}

BOOST_AUTO_TEST_CASE(long_bodies_start_at_the_sentence_of_the_first_match) {
    std::string body = body_with("Crab boats left the harbour before dawn.", 40, 40);
    std::string snippet = morgue::make_snippet(body, matcher_of({"harbour"}), kEnglish, 240);
    BOOST_TEST(shown(snippet).rfind("Crab boats left the [harbour] before dawn. The weather", 0) ==
               0u);
    BOOST_TEST(snippet.size() <= 240u + 2 + 3);
    BOOST_TEST(snippet.substr(snippet.size() - 3) == "…");
}

BOOST_AUTO_TEST_CASE(a_match_deep_in_a_long_sentence_keeps_a_few_words_before_it) {
    std::string words;
    for (int i = 0; i < 60; ++i) {
        words += "and more ";
    }
    std::string body = body_with("Boats " + words + "left the harbour at last.", 40, 40);
    std::string snippet = morgue::make_snippet(body, matcher_of({"harbour"}), kEnglish, 240);
    std::size_t match = shown(snippet).find("[harbour] at last.");
    BOOST_TEST(snippet.rfind("…", 0) == 0u);
    BOOST_TEST(match > 3 + 10);
    BOOST_TEST(match <= 3 + 30u);
    BOOST_TEST(shown(snippet).substr(3, match - 3).find(" more ") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(without_a_match_the_snippet_is_the_start_of_the_body) {
    std::string body = body_with("Nothing here.", 40, 40);
    std::string snippet = morgue::make_snippet(body, matcher_of({"harbour"}), kEnglish, 240);
    BOOST_TEST(snippet.rfind("The weather was mild", 0) == 0u);
    BOOST_TEST(snippet.substr(snippet.size() - 3) == "…");
    BOOST_TEST(snippet.size() <= 240u + 3);
}

BOOST_AUTO_TEST_CASE(a_match_near_the_end_still_fills_the_snippet) {
    std::string body = body_with("The harbour closed.", 40, 0);
    std::string snippet = morgue::make_snippet(body, matcher_of({"harbour"}), kEnglish, 240);
    BOOST_TEST(shown(snippet).find("The [harbour] closed.") > 150u);
    BOOST_TEST(snippet.size() > 200u);
    BOOST_TEST(snippet.substr(snippet.size() - 3) != "…");
}

BOOST_AUTO_TEST_CASE(a_start_after_a_full_stop_has_no_ellipsis) {
    std::string body = "Tides were high all through the night and the morning. " + body_with("", 0, 10);
    std::string snippet = morgue::make_snippet(body, matcher_of({"Zweather"}), kEnglish, 240);
    BOOST_TEST(shown(snippet).rfind("The [weather] was mild", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(short_bodies_are_shown_whole) {
    std::string body = "A ferry.\n\nThe harbour is open.";
    BOOST_TEST(shown(morgue::make_snippet(body, matcher_of({"harbour"}), kEnglish, 240)) ==
               "A ferry.\n\nThe [harbour] is open.");
}

BOOST_AUTO_TEST_SUITE_END()
