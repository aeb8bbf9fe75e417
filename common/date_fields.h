#pragma once

// The calendar layer of morgue::dates, shared by dates.cpp (the grammar of whole dates, which
// fills Fields) and date_ranges.cpp (query ranges, which turn Fields into periods): what a date
// text said, and the conversions between seconds and days that both need.

#include "dates.h"

#include <date/date.h>

#include <cstdint>
#include <optional>
#include <string_view>

namespace morgue::dates::fields {

/// Seconds in a day.
inline constexpr std::int64_t kDay = 86400;

/// The first and last instants morgue dates: 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z.
inline constexpr std::int64_t kFirstSecond = -62135596800;
inline constexpr std::int64_t kLastSecond = 253402300799;

/// a / b rounded towards minus infinity, so that instants before 1970 fall on the right day.
inline std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/// The first second of a day, counted from 1970-01-01.
inline std::int64_t seconds_of(date::sys_days day) {
    return static_cast<std::int64_t>(day.time_since_epoch().count()) * kDay;
}

/// The day a second falls on.
inline date::sys_days day_of(std::int64_t seconds) {
    return date::sys_days{date::days{floor_div(seconds, kDay)}};
}

/// What a date text said, before it is placed on the UTC time line.
struct Fields {
    int year = 1;
    unsigned month = 1;
    unsigned day = 1;
    int hour = 0;
    int minute = 0;
    int second = 0;
    Precision precision = Precision::year;
    std::optional<int> offset;  ///< seconds east of UTC, when the text named its zone
    bool epoch = false;         ///< a Unix timestamp: local already holds the instant
    std::int64_t local = 0;     ///< wall-clock seconds since 1970-01-01, set by validate()
};

/// Reads any form parse_date accepts; nullopt when text is not a real calendar date in the
/// years 1..9999.
std::optional<Fields> parse_fields(std::string_view text);

/// The UTC instant of local wall-clock seconds: by the zone the text named, else by tz.
inline std::int64_t to_utc(std::int64_t local, const Fields& f, const TimeZone& tz) {
    return f.offset ? local - *f.offset : tz.local_to_utc(local);
}

}  // namespace morgue::dates::fields
