#define BOOST_TEST_MODULE date_ranges
#include <boost/test/unit_test.hpp>

#include "common/dates.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace {

using morgue::dates::format_iso;
using morgue::dates::parse_date_bound;
using morgue::dates::parse_date_range;
using morgue::dates::RangeResult;
using morgue::dates::TimeZone;

constexpr std::int64_t kNow = 1645617600;  // 2022-02-23T12:00:00Z, a Wednesday
constexpr std::string_view kExpected =
    " (expected YYYY, YYYY-MM, YYYY-MM-DD, a relative period such as 7d, or "
    "today/yesterday/this-week/...)";

TimeZone zone(std::string_view name) {
    std::optional<TimeZone> tz = TimeZone::find(name);
    BOOST_TEST_REQUIRE(tz.has_value(), "no time zone " << name);
    return *tz;
}

// A range end as ISO text, "" when open, so tables can spell the whole range.
std::string iso_or_open(const std::optional<std::int64_t>& seconds) {
    return seconds ? format_iso(*seconds) : "";
}

struct RangeCase {
    std::string_view input;
    std::string_view from;
    std::string_view to;
};

void check_range(const RangeCase& c, std::int64_t now, const TimeZone& tz) {
    BOOST_TEST_CONTEXT("parse_date_range(\"" << c.input << "\", " << format_iso(now) << ") in "
                                             << tz.name()) {
        RangeResult r = parse_date_range(c.input, now, tz);
        BOOST_TEST(r.error == "");
        BOOST_TEST(r.range.has_value());
        if (r.range) {
            BOOST_TEST(iso_or_open(r.range->from) == c.from);
            BOOST_TEST(iso_or_open(r.range->to) == c.to);
        }
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(date_ranges)

BOOST_AUTO_TEST_CASE(absolute_ranges_cover_whole_periods) {
    const RangeCase cases[] = {
        {"2022-02-01..2022-02-28", "2022-02-01T00:00:00Z", "2022-02-28T23:59:59Z"},
        {"2022-02..2022-03", "2022-02-01T00:00:00Z", "2022-03-31T23:59:59Z"},
        {"2022-02-21..2022-02-21", "2022-02-21T00:00:00Z", "2022-02-21T23:59:59Z"},
        {" 2022 .. 2023 ", "2022-01-01T00:00:00Z", "2023-12-31T23:59:59Z"},
        {"2022", "2022-01-01T00:00:00Z", "2022-12-31T23:59:59Z"},
        {"2022-02", "2022-02-01T00:00:00Z", "2022-02-28T23:59:59Z"},
        {"2024-02", "2024-02-01T00:00:00Z", "2024-02-29T23:59:59Z"},
        {"2022-12", "2022-12-01T00:00:00Z", "2022-12-31T23:59:59Z"},
        {"2022-02-21", "2022-02-21T00:00:00Z", "2022-02-21T23:59:59Z"},
        {"9999", "9999-01-01T00:00:00Z", "9999-12-31T23:59:59Z"},
        {"2022..", "2022-01-01T00:00:00Z", ""},
        {"..2021-12-31", "", "2021-12-31T23:59:59Z"},
        {"Feb 21, 2022", "2022-02-21T00:00:00Z", "2022-02-21T23:59:59Z"},
        {"20220221", "2022-02-21T00:00:00Z", "2022-02-21T23:59:59Z"},
        {"1657513103", "2022-07-11T04:18:23Z", "2022-07-11T04:18:23Z"},
    };
    for (const RangeCase& c : cases) {
        check_range(c, kNow, TimeZone());
    }
}

BOOST_AUTO_TEST_CASE(relative_ranges_and_calendar_periods) {
    const RangeCase cases[] = {
        {"7d", "2022-02-16T12:00:00Z", "2022-02-23T12:00:00Z"},
        {"7D", "2022-02-16T12:00:00Z", "2022-02-23T12:00:00Z"},
        {"0d", "2022-02-23T12:00:00Z", "2022-02-23T12:00:00Z"},
        {"2w", "2022-02-09T12:00:00Z", "2022-02-23T12:00:00Z"},
        {"3m", "2021-11-23T12:00:00Z", "2022-02-23T12:00:00Z"},
        {"1y", "2021-02-23T12:00:00Z", "2022-02-23T12:00:00Z"},
        {"7d..", "2022-02-16T12:00:00Z", ""},
        {"..7d", "", "2022-02-16T12:00:00Z"},
        {"30d..7d", "2022-01-24T12:00:00Z", "2022-02-16T12:00:00Z"},
        {"2022-01..7d", "2022-01-01T00:00:00Z", "2022-02-16T12:00:00Z"},
        {"today", "2022-02-23T00:00:00Z", "2022-02-23T23:59:59Z"},
        {"Today", "2022-02-23T00:00:00Z", "2022-02-23T23:59:59Z"},
        {"yesterday", "2022-02-22T00:00:00Z", "2022-02-22T23:59:59Z"},
        {"this-week", "2022-02-21T00:00:00Z", "2022-02-27T23:59:59Z"},
        {"last-week", "2022-02-14T00:00:00Z", "2022-02-20T23:59:59Z"},
        {"this-month", "2022-02-01T00:00:00Z", "2022-02-28T23:59:59Z"},
        {"last-month", "2022-01-01T00:00:00Z", "2022-01-31T23:59:59Z"},
        {"this-year", "2022-01-01T00:00:00Z", "2022-12-31T23:59:59Z"},
        {"last-year", "2021-01-01T00:00:00Z", "2021-12-31T23:59:59Z"},
        {"last-month..today", "2022-01-01T00:00:00Z", "2022-02-23T23:59:59Z"},
        {"..yesterday", "", "2022-02-22T23:59:59Z"},
    };
    for (const RangeCase& c : cases) {
        check_range(c, kNow, TimeZone());
    }
}

BOOST_AUTO_TEST_CASE(calendar_edges) {
    const struct {
        std::int64_t now;
        RangeCase range;
    } cases[] = {
        // 2022-03-31T12:00Z: a month back clamps to the shorter month.
        {1648728000, {"1m", "2022-02-28T12:00:00Z", "2022-03-31T12:00:00Z"}},
        {1648728000, {"13m", "2021-02-28T12:00:00Z", "2022-03-31T12:00:00Z"}},
        {1648728000, {"1y", "2021-03-31T12:00:00Z", "2022-03-31T12:00:00Z"}},
        // 2024-02-29T12:00Z: a year back has no February 29th; four years back has.
        {1709208000, {"1y", "2023-02-28T12:00:00Z", "2024-02-29T12:00:00Z"}},
        {1709208000, {"4y", "2020-02-29T12:00:00Z", "2024-02-29T12:00:00Z"}},
        // Weeks run Monday to Sunday, around 2022-02-27T12:00Z (Sunday),
        // 2022-02-21T00:00Z (Monday) and 2022-02-20T23:59:59Z (Sunday).
        {1645963200, {"this-week", "2022-02-21T00:00:00Z", "2022-02-27T23:59:59Z"}},
        {1645401600, {"this-week", "2022-02-21T00:00:00Z", "2022-02-27T23:59:59Z"}},
        {1645401600, {"last-week", "2022-02-14T00:00:00Z", "2022-02-20T23:59:59Z"}},
        {1645401599, {"this-week", "2022-02-14T00:00:00Z", "2022-02-20T23:59:59Z"}},
        // 2022-01-15T00:00Z: last month is in last year.
        {1642204800, {"last-month", "2021-12-01T00:00:00Z", "2021-12-31T23:59:59Z"}},
    };
    for (const auto& c : cases) {
        check_range(c.range, c.now, TimeZone());
    }
}

BOOST_AUTO_TEST_CASE(ranges_are_taken_in_the_time_zone) {
    // 2022-02-23T23:30Z is already 2022-02-24 01:30 at +02:00.
    const std::int64_t late = 1645659000;
    const RangeCase plus_two[] = {
        {"today", "2022-02-23T22:00:00Z", "2022-02-24T21:59:59Z"},
        {"this-week", "2022-02-20T22:00:00Z", "2022-02-27T21:59:59Z"},
        {"1m", "2022-01-23T23:30:00Z", "2022-02-23T23:30:00Z"},
        {"2022-02", "2022-01-31T22:00:00Z", "2022-02-28T21:59:59Z"},
    };
    for (const RangeCase& c : plus_two) {
        check_range(c, late, zone("+02:00"));
    }
    const RangeCase new_york[] = {
        {"today", "2022-02-23T05:00:00Z", "2022-02-24T04:59:59Z"},
        {"2022-03-13", "2022-03-13T05:00:00Z", "2022-03-14T03:59:59Z"},  // 23 hours
        {"2022-11-06", "2022-11-06T04:00:00Z", "2022-11-07T04:59:59Z"},  // 25 hours
    };
    for (const RangeCase& c : new_york) {
        check_range(c, kNow, zone("America/New_York"));
    }
    // Periods that the zone moves past the years 1..9999 in UTC end with them.
    const RangeCase minus_five_thirty[] = {
        {"9999", "9999-01-01T05:30:00Z", "9999-12-31T23:59:59Z"},
        {"9999-12-31T23:30", "9999-12-31T23:59:59Z", "9999-12-31T23:59:59Z"},
        {"2022..9999", "2022-01-01T05:30:00Z", "9999-12-31T23:59:59Z"},
    };
    for (const RangeCase& c : minus_five_thirty) {
        check_range(c, kNow, zone("-05:30"));
    }
    check_range({"0001-01-01", "0001-01-01T00:00:00Z", "0001-01-01T21:59:59Z"}, kNow,
                zone("+02:00"));
}

BOOST_AUTO_TEST_CASE(bounds_for_since_and_until) {
    const struct {
        std::string_view input;
        bool want_end;
        std::string_view from;
        std::string_view to;
    } cases[] = {
        {"2022-02", false, "2022-02-01T00:00:00Z", ""},
        {"2022-02", true, "", "2022-02-28T23:59:59Z"},
        {"2022", true, "", "2022-12-31T23:59:59Z"},
        {" 2022-02-21 ", true, "", "2022-02-21T23:59:59Z"},
        {"7d", false, "2022-02-16T12:00:00Z", ""},
        {"7d", true, "", "2022-02-16T12:00:00Z"},
        {"this-week", false, "2022-02-21T00:00:00Z", ""},
        {"this-week", true, "", "2022-02-27T23:59:59Z"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT("parse_date_bound(\"" << c.input << "\", " << c.want_end << ")") {
            RangeResult r = parse_date_bound(c.input, c.want_end, kNow, TimeZone());
            BOOST_TEST(r.error == "");
            BOOST_TEST_REQUIRE(r.range.has_value());
            BOOST_TEST(iso_or_open(r.range->from) == c.from);
            BOOST_TEST(iso_or_open(r.range->to) == c.to);
        }
    }
}

BOOST_AUTO_TEST_CASE(errors_quote_the_bad_part) {
    const std::string expected(kExpected);
    const struct {
        std::string_view input;
        std::string error;
    } cases[] = {
        {"2022-13..2023", "malformed date \"2022-13\" in \"2022-13..2023\"" + expected},
        {"2022-13", "malformed date \"2022-13\"" + expected},
        {"2022..2022-02-30", "malformed date \"2022-02-30\" in \"2022..2022-02-30\"" + expected},
        {"2022...2023", "malformed date \".2023\" in \"2022...2023\"" + expected},
        {"99999-01-01", "malformed date \"99999-01-01\"" + expected},
        {"99999", "malformed date \"99999\"" + expected},
        {"2022..1234567", "malformed date \"1234567\" in \"2022..1234567\"" + expected},
        {"7x", "malformed date \"7x\"" + expected},
        {"7", "malformed date \"7\"" + expected},
        {"tomorrow", "malformed date \"tomorrow\"" + expected},
        {"", "empty date expression" + expected},
        {"..", "empty date range \"..\" (give at least one end, e.g. 2022.. or ..2021-12-31)"},
        {"2023..2022", "date range \"2023..2022\" ends before it starts"},
        {"7d..30d", "date range \"7d..30d\" ends before it starts"},
        {"3000y", "relative period \"3000y\" reaches back before the year 1"},
        {"99999999999d", "relative period \"99999999999d\" reaches back before the year 1"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT("parse_date_range(\"" << c.input << "\")") {
            RangeResult r = parse_date_range(c.input, kNow, TimeZone());
            BOOST_TEST(!r.range.has_value());
            BOOST_TEST(r.error == c.error);
        }
    }
    RangeResult bound = parse_date_bound("2022-13", true, kNow, TimeZone());
    BOOST_TEST(!bound.range.has_value());
    BOOST_TEST(bound.error == "malformed date \"2022-13\"" + expected);
}

BOOST_AUTO_TEST_SUITE_END()
