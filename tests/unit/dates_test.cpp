#define BOOST_TEST_MODULE dates
#include <boost/test/unit_test.hpp>

#include "common/dates.h"

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace morgue::dates {

// Lets Boost.Test print a Precision when an assertion fails.
std::ostream& operator<<(std::ostream& os, Precision p) {
    constexpr std::string_view kNames[] = {"year", "month", "day", "minute", "second"};
    return os << kNames[static_cast<int>(p)];
}

}  // namespace morgue::dates

namespace {

using morgue::dates::better_date;
using morgue::dates::format_iso;
using morgue::dates::parse_date;
using morgue::dates::ParsedDate;
using morgue::dates::Precision;
using morgue::dates::TimeZone;

struct DateCase {
    std::string_view input;
    std::string_view utc;
    bool has_zone;
    Precision precision;
};

TimeZone zone(std::string_view name) {
    std::optional<TimeZone> tz = TimeZone::find(name);
    BOOST_TEST_REQUIRE(tz.has_value(), "no time zone " << name);
    return *tz;
}

void check_dates(const std::vector<DateCase>& cases, const TimeZone& tz) {
    for (const DateCase& c : cases) {
        BOOST_TEST_CONTEXT("parse_date(\"" << c.input << "\") in " << tz.name()) {
            std::optional<ParsedDate> d = parse_date(c.input, tz);
            BOOST_TEST(d.has_value());
            if (d) {
                BOOST_TEST(format_iso(d->seconds) == c.utc);
                BOOST_TEST(d->has_zone == c.has_zone);
                BOOST_TEST(d->precision == c.precision);
            }
        }
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(dates)

BOOST_AUTO_TEST_CASE(format_iso_covers_years_1_to_9999) {
    const struct {
        std::int64_t seconds;
        std::string_view iso;
    } cases[] = {
        {0, "1970-01-01T00:00:00Z"},
        {-1, "1969-12-31T23:59:59Z"},
        {-86400, "1969-12-31T00:00:00Z"},
        {951782400, "2000-02-29T00:00:00Z"},
        {1645617600, "2022-02-23T12:00:00Z"},
        {-62135596800, "0001-01-01T00:00:00Z"},
        {253402300799, "9999-12-31T23:59:59Z"},
    };
    for (const auto& c : cases) {
        BOOST_TEST(format_iso(c.seconds) == c.iso);
    }
}

BOOST_AUTO_TEST_CASE(parse_date_gives_exact_seconds) {
    const struct {
        std::string_view input;
        std::int64_t seconds;
    } cases[] = {
        {"1657513103", 1657513103},
        {"2022-02-23T12:00:00Z", 1645617600},
        {"2000-02-29", 951782400},
        {"1969-12-31T23:59:59Z", -1},
        {"0001-01-01T00:00:00Z", -62135596800},
        {"9999-12-31T23:59:59Z", 253402300799},
        {"9999-12-31T23:59:59+01:00", 253402297199},
        {"0001-01-01T00:00:00-01:00", -62135593200},
    };
    for (const auto& c : cases) {
        std::optional<ParsedDate> d = parse_date(c.input, TimeZone());
        BOOST_TEST_CONTEXT(c.input) {
            BOOST_TEST_REQUIRE(d.has_value());
            BOOST_TEST(d->seconds == c.seconds);
        }
    }
}

BOOST_AUTO_TEST_CASE(iso_8601) {
    check_dates(
        {
            {"2022-02-21", "2022-02-21T00:00:00Z", false, Precision::day},
            {"  2022-02-21\n", "2022-02-21T00:00:00Z", false, Precision::day},
            {"2022-02-21T10:15", "2022-02-21T10:15:00Z", false, Precision::minute},
            {"2022-02-21T10:15:30Z", "2022-02-21T10:15:30Z", true, Precision::second},
            {"2022-02-21t10:15:30z", "2022-02-21T10:15:30Z", true, Precision::second},
            {"2022-02-21 10:15:30+01:00", "2022-02-21T09:15:30Z", true, Precision::second},
            {"2022-02-21 10:15:30 +01:00", "2022-02-21T09:15:30Z", true, Precision::second},
            {"2022-02-21T10:15:30.123456-05:00", "2022-02-21T15:15:30Z", true, Precision::second},
            {"2022-02-21T10:15:30,5+0530", "2022-02-21T04:45:30Z", true, Precision::second},
            {"2022-02-21T23:30-03", "2022-02-22T02:30:00Z", true, Precision::minute},
            {"2022-2-5", "2022-02-05T00:00:00Z", false, Precision::day},
            {"2022-02", "2022-02-01T00:00:00Z", false, Precision::month},
            {"2022", "2022-01-01T00:00:00Z", false, Precision::year},
            {"2022/02/21", "2022-02-21T00:00:00Z", false, Precision::day},
            {"2022/02/21 10:15", "2022-02-21T10:15:00Z", false, Precision::minute},
            {"2022.02.21", "2022-02-21T00:00:00Z", false, Precision::day},
            {"20220221", "2022-02-21T00:00:00Z", false, Precision::day},
            {"19991231", "1999-12-31T00:00:00Z", false, Precision::day},
            {"20220221101530", "2022-02-21T10:15:30Z", false, Precision::second},
            {"2024-02-29", "2024-02-29T00:00:00Z", false, Precision::day},
            {"0001-01-01", "0001-01-01T00:00:00Z", false, Precision::day},
            {"9999-12-31T23:59:59Z", "9999-12-31T23:59:59Z", true, Precision::second},
            {"2016-12-31T23:59:60Z", "2017-01-01T00:00:00Z", true, Precision::second},
        },
        TimeZone());
}

BOOST_AUTO_TEST_CASE(rfc_2822) {
    check_dates(
        {
            {"Mon, 21 Feb 2022 10:15:30 +0000", "2022-02-21T10:15:30Z", true, Precision::second},
            {"Mon, 21 Feb 2022 10:15:30 -0500", "2022-02-21T15:15:30Z", true, Precision::second},
            {"21 Feb 2022 10:15:30 GMT", "2022-02-21T10:15:30Z", true, Precision::second},
            {"mon, 21 feb 2022 10:15:30 gmt", "2022-02-21T10:15:30Z", true, Precision::second},
            {"Monday, 21 February 2022 10:15:30 UTC", "2022-02-21T10:15:30Z", true,
             Precision::second},
            {"21 Feb 2022 10:15 EST", "2022-02-21T15:15:00Z", true, Precision::minute},
            {"21 Feb 2022 10:00:00 EDT", "2022-02-21T14:00:00Z", true, Precision::second},
            {"21 Feb 2022 10:00:00 CST", "2022-02-21T16:00:00Z", true, Precision::second},
            {"21 Feb 2022 10:00:00 CDT", "2022-02-21T15:00:00Z", true, Precision::second},
            {"21 Feb 2022 10:00:00 MST", "2022-02-21T17:00:00Z", true, Precision::second},
            {"21 Feb 2022 10:00:00 MDT", "2022-02-21T16:00:00Z", true, Precision::second},
            {"21 Feb 2022 10:00:00 PST", "2022-02-21T18:00:00Z", true, Precision::second},
            {"21 Feb 2022 10:00:00 PDT", "2022-02-21T17:00:00Z", true, Precision::second},
            {"21 Feb 2022 10:00:00 UT", "2022-02-21T10:00:00Z", true, Precision::second},
            {"21 Feb 2022 10:00:00 Z", "2022-02-21T10:00:00Z", true, Precision::second},
            {"Mon, 21 Feb 2022 10:15:30 +0100 (CET)", "2022-02-21T09:15:30Z", true,
             Precision::second},
            {"Mon Feb 21 2022 10:15:30 GMT+0100 (Central European Standard Time)",
             "2022-02-21T09:15:30Z", true, Precision::second},
        },
        TimeZone());
}

BOOST_AUTO_TEST_CASE(written_dates) {
    check_dates(
        {
            {"February 21, 2022", "2022-02-21T00:00:00Z", false, Precision::day},
            {"Feb 21, 2022", "2022-02-21T00:00:00Z", false, Precision::day},
            {"feb 21 2022", "2022-02-21T00:00:00Z", false, Precision::day},
            {"FEBRUARY 21, 2022", "2022-02-21T00:00:00Z", false, Precision::day},
            {"Feb. 21, 2022", "2022-02-21T00:00:00Z", false, Precision::day},
            {"Sept. 5, 2022", "2022-09-05T00:00:00Z", false, Precision::day},
            {"February 21st, 2022", "2022-02-21T00:00:00Z", false, Precision::day},
            {"Monday, February 21, 2022", "2022-02-21T00:00:00Z", false, Precision::day},
            {"21 February 2022", "2022-02-21T00:00:00Z", false, Precision::day},
            {"21 Feb 2022", "2022-02-21T00:00:00Z", false, Precision::day},
            {"21st February 2022", "2022-02-21T00:00:00Z", false, Precision::day},
            {"February 2022", "2022-02-01T00:00:00Z", false, Precision::month},
            {"feb 2022", "2022-02-01T00:00:00Z", false, Precision::month},
            {"July 11, 2022 12:18 AM", "2022-07-11T00:18:00Z", false, Precision::minute},
            {"July 11, 2022 12:18 PM", "2022-07-11T12:18:00Z", false, Precision::minute},
            {"July 11, 2022 1:05 pm", "2022-07-11T13:05:00Z", false, Precision::minute},
            {"July 11, 2022, 11:59:59 PM", "2022-07-11T23:59:59Z", false, Precision::second},
            {"July 11, 2022 at 9:30 AM EDT", "2022-07-11T13:30:00Z", true, Precision::minute},
            {"21.02.2022", "2022-02-21T00:00:00Z", false, Precision::day},
            {"1.3.2022 14:30", "2022-03-01T14:30:00Z", false, Precision::minute},
        },
        TimeZone());
}

BOOST_AUTO_TEST_CASE(unix_timestamps) {
    check_dates(
        {
            {"1657513103", "2022-07-11T04:18:23Z", true, Precision::second},
            {" 1657513103 ", "2022-07-11T04:18:23Z", true, Precision::second},
            {"1657513103.0", "2022-07-11T04:18:23Z", true, Precision::second},
            {"1657513103.999", "2022-07-11T04:18:23Z", true, Precision::second},
            {"1657513103000", "2022-07-11T04:18:23Z", true, Precision::second},
            {"1657513103999", "2022-07-11T04:18:23Z", true, Precision::second},
            {"0", "1970-01-01T00:00:00Z", true, Precision::second},
            {"86400", "1970-01-02T00:00:00Z", true, Precision::second},
        },
        zone("+02:00"));  // a timestamp names its zone: tz must not move it
}

BOOST_AUTO_TEST_CASE(newswire) {
    check_dates(
        {
            {"26-FEB-1987 15:01:01.79", "1987-02-26T15:01:01Z", false, Precision::second},
            {"3-MAR-1987  09:15:05.40", "1987-03-03T09:15:05Z", false, Precision::second},
            {"5-MAR-1987 09:15:05.40 junk", "1987-03-05T09:15:05Z", false, Precision::second},
            {"31-MAR-1987 605:12:19.12", "1987-03-31T00:00:00Z", false, Precision::day},
            {"26-FEB-1987 15:01", "1987-02-26T15:01:00Z", false, Precision::minute},
            {"26-Feb-1987", "1987-02-26T00:00:00Z", false, Precision::day},
        },
        TimeZone());
}

BOOST_AUTO_TEST_CASE(rejects) {
    const std::string_view cases[] = {"",
                                      "   ",
                                      "hello",
                                      "99999-01-01",
                                      "0000-01-01",
                                      "2022-02-30",
                                      "2021-02-29",
                                      "2022-13-01",
                                      "2022-13",
                                      "2022-00",
                                      "20221301",
                                      "2022-02-21T24:00",
                                      "2022-02-21T10:60",
                                      "2022-02-21T10:15:61",
                                      "2022-02-21T10",
                                      "2022-02-21 10:15:30 +25:00",
                                      "2022-02-21 junk",
                                      "2022-02-21T10:15:30Z extra",
                                      "February 30, 2022",
                                      "30 Feb 2022",
                                      "Feb 21",
                                      "Foo 21, 2022",
                                      "21 Foo 2022",
                                      "Mon, 21 Feb 2022 10:15:30 XYZ",
                                      "July 11, 2022 13:18 PM",
                                      "July 11, 2022 0:18 AM",
                                      "21/02/2022",
                                      "02/21/2022",
                                      "21.02.22",
                                      "12345678901",
                                      "123456789012",
                                      "123456789012345",
                                      "1657513103.",
                                      "-1",
                                      "26-FOO-1987 15:01:01.79",
                                      "31-FEB-1987 15:01:01.79"};
    for (std::string_view input : cases) {
        BOOST_TEST_CONTEXT("parse_date(\"" << input << "\")") {
            BOOST_TEST(!parse_date(input, TimeZone()).has_value());
        }
    }
}

// Dates that their zone (or tz) moves out of the years 1..9999 in UTC, where they would print
// as "10000-01-01T00:59:59Z" or "0000-12-31T23:00:00Z".
BOOST_AUTO_TEST_CASE(rejects_dates_their_zone_moves_out_of_the_years_1_to_9999) {
    const struct {
        std::string_view input;
        std::string_view tz;
    } cases[] = {
        {"9999-12-31T23:59:59-01:00", "+00:00"},
        {"Mon, 31 Dec 9999 23:59:59 -1200", "+00:00"},
        {"31.12.9999 23:59 -0100", "+00:00"},
        {"0001-01-01T00:00:00+01:00", "+00:00"},
        {"9999-12-31T23:00", "-0530"},
        {"0001", "+02:00"},
        {"0001-01-01", "+02:00"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT("parse_date(\"" << c.input << "\") in " << c.tz) {
            BOOST_TEST(!parse_date(c.input, zone(c.tz)).has_value());
        }
    }
}

BOOST_AUTO_TEST_CASE(zone_less_dates_are_read_in_a_fixed_offset) {
    check_dates(
        {
            {"2022-02-21", "2022-02-20T22:00:00Z", false, Precision::day},
            {"2022-02-21T10:15", "2022-02-21T08:15:00Z", false, Precision::minute},
            {"2022", "2021-12-31T22:00:00Z", false, Precision::year},
            {"2022-02-21T10:15Z", "2022-02-21T10:15:00Z", true, Precision::minute},
            {"21 Feb 2022 10:15:30 -0100", "2022-02-21T11:15:30Z", true, Precision::second},
        },
        zone("+02:00"));
    check_dates({{"2022-02-21", "2022-02-21T05:30:00Z", false, Precision::day}}, zone("-0530"));
}

BOOST_AUTO_TEST_CASE(zone_less_dates_are_read_in_new_york_across_dst) {
    check_dates(
        {
            {"2022-01-15 12:00", "2022-01-15T17:00:00Z", false, Precision::minute},
            {"2022-07-01 12:00", "2022-07-01T16:00:00Z", false, Precision::minute},
            // 02:30 does not exist on 2022-03-13; read with EST it is 03:30 EDT.
            {"2022-03-13 02:30", "2022-03-13T07:30:00Z", false, Precision::minute},
            // 01:30 happens twice on 2022-11-06; the first (EDT) is taken.
            {"2022-11-06 01:30", "2022-11-06T05:30:00Z", false, Precision::minute},
            {"2022-03-13", "2022-03-13T05:00:00Z", false, Precision::day},
            {"2022-03-14", "2022-03-14T04:00:00Z", false, Precision::day},
            {"July 11, 2022 12:18 AM", "2022-07-11T04:18:00Z", false, Precision::minute},
            {"2022-07-01T12:00:00Z", "2022-07-01T12:00:00Z", true, Precision::second},
        },
        zone("America/New_York"));
    TimeZone ny = zone("America/New_York");
    BOOST_TEST(ny.utc_to_local(1656691200) == 1656691200 - 4 * 3600);  // 2022-07-01T16:00Z
    BOOST_TEST(ny.utc_to_local(1642266000) == 1642266000 - 5 * 3600);  // 2022-01-15T17:00Z
    BOOST_TEST(ny.local_to_utc(1642266000 - 5 * 3600) == 1642266000);
}

BOOST_AUTO_TEST_CASE(time_zone_find) {
    const struct {
        std::string_view name;
        std::optional<std::int64_t> utc_of_local_epoch;  // nullopt: not found
    } cases[] = {
        {"UTC", 0},
        {"utc", 0},
        {"Z", 0},
        {"GMT", 0},
        {"+02:00", -7200},
        {"+0200", -7200},
        {"+02", -7200},
        {"-05", 18000},
        {"-0530", 19800},
        {"UTC+01:00", -3600},
        {"Europe/Berlin", -3600},
        {"Asia/Kolkata", -19800},
        {"Nowhere/Atlantis", std::nullopt},
        {"", std::nullopt},
        {"+25:00", std::nullopt},
        {"+02:00 junk", std::nullopt},
        {"PST", std::nullopt},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT("TimeZone::find(\"" << c.name << "\")") {
            std::optional<TimeZone> tz = TimeZone::find(c.name);
            BOOST_TEST(tz.has_value() == c.utc_of_local_epoch.has_value());
            if (tz && c.utc_of_local_epoch) {
                BOOST_TEST(tz->local_to_utc(0) == *c.utc_of_local_epoch);
                BOOST_TEST(tz->utc_to_local(*c.utc_of_local_epoch) == 0);
                BOOST_TEST(tz->name() == c.name);
            }
        }
    }
    BOOST_TEST(TimeZone().name() == "UTC");
    BOOST_TEST(TimeZone().local_to_utc(1645617600) == 1645617600);
}

BOOST_AUTO_TEST_CASE(better_date_prefers_a_zone_then_precision) {
    const ParsedDate zoned_second{0, true, Precision::second};
    const ParsedDate zoned_minute{0, true, Precision::minute};
    const ParsedDate zoned_day{0, true, Precision::day};
    const ParsedDate plain_second{0, false, Precision::second};
    const ParsedDate plain_day{0, false, Precision::day};
    const ParsedDate plain_year{0, false, Precision::year};
    const struct {
        ParsedDate a;
        ParsedDate b;
        bool better;
    } cases[] = {
        {zoned_second, plain_second, true}, {plain_second, zoned_second, false},
        {zoned_day, plain_second, true},    {plain_second, zoned_day, false},
        {zoned_minute, zoned_day, true},    {zoned_day, zoned_minute, false},
        {plain_day, plain_year, true},      {plain_year, plain_day, false},
        {zoned_day, zoned_day, false},      {plain_second, plain_second, false},
    };
    for (const auto& c : cases) {
        BOOST_TEST(better_date(c.a, c.b) == c.better);
    }
}

BOOST_AUTO_TEST_SUITE_END()
