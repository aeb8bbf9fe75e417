#define BOOST_TEST_MODULE field_map
#include <boost/test/unit_test.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/readers/field_map.h"

using namespace morgue;

BOOST_AUTO_TEST_SUITE(field_map)

Record record_of(std::vector<std::pair<std::string, std::string>> fields) {
    Record record;
    record.fields = std::move(fields);
    return record;
}

std::string joined(const std::vector<std::string>& values) {
    std::string out;
    for (const std::string& v : values) {
        out += (out.empty() ? "" : "|") + v;
    }
    return out;
}

BOOST_AUTO_TEST_CASE(common_spellings) {
    struct MapCase {
        std::vector<std::pair<std::string, std::string>> fields;
        Field field;
        std::string expected;
    };
    const std::vector<MapCase> cases{
        {{{"headline", "H"}, {"Title", "T"}}, Field::title, "T"},
        {{{"headline", "H"}, {"subject", "S"}}, Field::title, "H"},
        {{{"name", "N"}}, Field::title, ""},
        {{{"title", "  "}, {"head", "X"}}, Field::title, "X"},
        {{{"description", "d"}, {"TEXT", "t"}}, Field::body, "t"},
        {{{"maintext", "m"}, {"description", "d"}}, Field::body, "m"},
        {{{"timestamp", "1657513103"},
          {"pubDate", "Mon, 11 Jul 2022"},
          {"date", "2022-07-11"},
          {"date_modify", "2022-07-12"}},
         Field::date,
         "2022-07-11|Mon, 11 Jul 2022|1657513103|2022-07-12"},
        {{{"publishedAt", "2022-07-11T10:00:00Z"}}, Field::date, "2022-07-11T10:00:00Z"},
        {{{"source.id", "reuters"}, {"source.name", "Reuters"}}, Field::source, "Reuters"},
        {{{"publisher", "P"}, {"Source", "S"}}, Field::source, "S"},
        {{{"site_name", "N"}, {"domain", "d.com"}}, Field::source, "d.com"},
        {{{"authors", "A"}, {"authors", "B"}, {"byline", "C"}}, Field::author, "A|B"},
        {{{"authors.name", "A"}, {"authors.url", "u"}}, Field::author, "A"},
        {{{"_id", "x"}, {"uuid", "y"}}, Field::id, "x"},
        {{{"link", "l"}, {"canonical_url", "c"}}, Field::url, "l"},
        {{{"Language", "de"}}, Field::lang, "de"},
        {{{"body", "b"}}, Field::lang, ""},
    };
    const FieldMap map;
    for (const auto& c : cases) {
        BOOST_TEST(joined(map.values(record_of(c.fields), c.field)) == c.expected);
    }
}

BOOST_AUTO_TEST_CASE(overrides) {
    const Record record = record_of({{"title", "T"},
                                     {"Headline.Main", "H"},
                                     {"date", "d"},
                                     {"crawled", "c"},
                                     {"tags", "x"},
                                     {"tags", "y"}});
    FieldMap map;
    std::string error;
    BOOST_TEST(map.add_override("title=headline.main", &error));
    BOOST_TEST(map.add_override(" Date = CRAWLED ", &error));
    BOOST_TEST(map.add_override("author=tags", &error));
    BOOST_TEST(map.add_override("url=missing", &error));
    BOOST_TEST(joined(map.values(record, Field::title)) == "H");
    BOOST_TEST(joined(map.values(record, Field::date)) == "c");
    BOOST_TEST(joined(map.values(record, Field::author)) == "x|y");
    BOOST_TEST(joined(map.values(record, Field::url)) == "");
    BOOST_TEST(joined(map.values(record, Field::body)) == "");
    BOOST_TEST(map.add_override("title=title", &error));
    BOOST_TEST(joined(map.values(record, Field::title)) == "T");
}

BOOST_AUTO_TEST_CASE(bad_overrides) {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"headline=title",
         "unknown field 'headline' in --map headline=title (fields: id, title, body, date, "
         "source, url, author, lang, topic, tag, person, org, place, organization)"},
        {"title=", "no record key in --map title= (write FIELD=KEY, e.g. title=headline.main)"},
        {"title", "no record key in --map title (write FIELD=KEY, e.g. title=headline.main)"},
    };
    for (const auto& [spec, expected] : cases) {
        FieldMap map;
        std::string error;
        BOOST_TEST(!map.add_override(spec, &error));
        BOOST_TEST(error == expected);
    }
}

BOOST_AUTO_TEST_CASE(field_names) {
    BOOST_TEST((field_from_name("title") == Field::title));
    BOOST_TEST((field_from_name("Author") == Field::author));
    BOOST_TEST((field_from_name("lang") == Field::lang));
    BOOST_TEST(!field_from_name("authors").has_value());
    BOOST_TEST(!field_from_name("").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
