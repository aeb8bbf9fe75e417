#define BOOST_TEST_MODULE schema
#include <boost/test/unit_test.hpp>

#include <string>

#include "common/schema.h"

namespace schema = morgue::schema;

BOOST_AUTO_TEST_SUITE(schema_table)

struct ValueCase {
    const char* field;
    const char* input;
    const char* expected;
};

// The same normalisation runs at index and at query time: every row is what both sides see.
const ValueCase kValueCases[] = {
    {"source", "Reuters", "reuters"},
    {"source", "  REUTERS  ", "reuters"},
    {"source", "www.NBCNews.com", "nbcnews.com"},
    {"source", "https://www.reuters.com/world", "reuters.com"},
    {"source", "Société Générale", "societe generale"},
    {"source", "The  New York\tTimes", "the new york times"},
    {"site", "www.nbcnews.com", "nbcnews.com"},
    {"site", "https://www.nbcnews.com/politics/x", "nbcnews.com"},
    {"lang", "DE", "de"},
    {"lang", "English", "en"},
    {"lang", "pt-BR", "pt"},
    {"url", "http://WWW.Example.com:80/a/b/?utm_source=x#frag", "https://example.com/a/b"},
    {"id", "http://www.example.com/story/", "https://example.com/story"},
    {"id", "  AbC-123  ", "AbC-123"},
    {"id", "sport/001.txt", "sport/001.txt"},
};

BOOST_AUTO_TEST_CASE(values_normalise_alike) {
    for (const ValueCase& c : kValueCases) {
        BOOST_TEST_CONTEXT(c.field << ":" << c.input) {
            BOOST_TEST(schema::normalise_value(c.field, c.input) == c.expected);
        }
    }
}

BOOST_AUTO_TEST_CASE(short_terms_are_prefix_and_value) {
    BOOST_TEST(schema::boolean_term("XSOURCE:", "reuters") == "XSOURCE:reuters");
}

BOOST_AUTO_TEST_CASE(long_terms_fit_with_a_digest) {
    std::string value(300, 'a');
    std::string term = schema::boolean_term("U", value);
    BOOST_TEST(term.size() == schema::kMaxTermLength);
    BOOST_TEST(term[schema::kMaxTermLength - 33] == '#');
    BOOST_TEST(term.substr(0, 5) == "Uaaaa");
    BOOST_TEST(schema::boolean_term("U", value + "b") != term);
}

BOOST_AUTO_TEST_CASE(long_terms_never_split_a_character) {
    std::string value;
    for (int i = 0; i < 150; ++i) {
        value += "é";  // two bytes each
    }
    std::string term = schema::boolean_term("XSOURCE:", value);
    std::string kept = term.substr(8, term.find('#') - 8);
    BOOST_TEST(kept.size() % 2 == 0u);
    BOOST_TEST(term.size() <= schema::kMaxTermLength);
}

BOOST_AUTO_TEST_CASE(fields_are_found_by_name) {
    BOOST_TEST(schema::find_field("source")->prefix == "XSOURCE:");
    BOOST_TEST(schema::find_field("title")->prefix == "S");
    BOOST_TEST((schema::find_field("date")->kind == schema::FieldKind::date));
    BOOST_TEST(schema::find_field("colour") == nullptr);
}

BOOST_AUTO_TEST_SUITE_END()
