#define BOOST_TEST_MODULE periods
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "common/periods.h"
#include "common/search_types.h"

using morgue::Period;

BOOST_AUTO_TEST_SUITE(periods)

struct LabelCase {
    const char* day;
    Period period;
    const char* expected;
};

const LabelCase kLabels[] = {
    {"2022-02-21", Period::day, "2022-02-21"},
    {"2022-02-21", Period::week, "2022-W08"},
    {"2022-02-21", Period::month, "2022-02"},
    {"2022-02-21", Period::year, "2022"},
    // ISO weeks: 1 January 2021 is a Friday, in the last week of 2020.
    {"2021-01-01", Period::week, "2020-W53"},
    // 31 December 2024 is a Tuesday, in the first week of 2025.
    {"2024-12-31", Period::week, "2025-W01"},
    {"2022-02-30", Period::month, ""},
    {"2022-2-21", Period::day, ""},
    {"", Period::year, ""},
};

BOOST_AUTO_TEST_CASE(labels) {
    for (const LabelCase& c : kLabels) {
        BOOST_TEST_CONTEXT(c.day << " by " << morgue::period_name(c.period)) {
            BOOST_TEST(morgue::period_label(c.day, c.period) == c.expected);
        }
    }
}

BOOST_AUTO_TEST_CASE(periods_between_include_empty_ones) {
    using V = std::vector<std::string>;
    BOOST_TEST(morgue::periods_between("2022-11-30", "2023-02-01", Period::month) ==
                   (V{"2022-11", "2022-12", "2023-01", "2023-02"}),
               boost::test_tools::per_element());
    BOOST_TEST(morgue::periods_between("2022-02-27", "2022-03-08", Period::week) ==
                   (V{"2022-W08", "2022-W09", "2022-W10"}),
               boost::test_tools::per_element());
    BOOST_TEST(morgue::periods_between("2022-02-27", "2022-03-01", Period::day) ==
                   (V{"2022-02-27", "2022-02-28", "2022-03-01"}),
               boost::test_tools::per_element());
    BOOST_TEST(morgue::periods_between("2023-01-01", "2022-01-01", Period::year).empty());
    BOOST_TEST(morgue::periods_between("", "2022-01-01", Period::year).empty());
}

BOOST_AUTO_TEST_CASE(facet_lists) {
    std::string error;
    auto specs = morgue::parse_facet_list("source,person:5,place", &error);
    BOOST_TEST_REQUIRE(specs.has_value());
    BOOST_TEST(specs->size() == 3u);
    BOOST_TEST((specs->at(0).field == morgue::FacetField::source));
    BOOST_TEST(specs->at(0).limit == 10u);
    BOOST_TEST((specs->at(1).field == morgue::FacetField::person));
    BOOST_TEST(specs->at(1).limit == 5u);
    for (const char* bad : {"colour", "source:0", "source:x", "source:", "person:5x"}) {
        BOOST_TEST_CONTEXT(bad) {
            BOOST_TEST(!morgue::parse_facet_list(bad, &error).has_value());
            BOOST_TEST(error.find(std::string("'") + bad + "' is not a facet") == 0u);
        }
    }
}

BOOST_AUTO_TEST_CASE(names_round_trip) {
    for (const char* name : {"source", "lang", "topic", "tag", "person", "org", "place"}) {
        BOOST_TEST(morgue::facet_field_name(*morgue::facet_field_from_name(name)) == name);
    }
    for (const char* name : {"day", "week", "month", "year"}) {
        BOOST_TEST(morgue::period_name(*morgue::period_from_name(name)) == name);
    }
    BOOST_TEST(!morgue::period_from_name("fortnight").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
