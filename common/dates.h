#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// Only a pointer to a zone of Howard Hinnant's date library is held here, so that including this
// header does not pull <date/tz.h> into every user of morgue::common.
namespace date {
class time_zone;
}

namespace morgue::dates {

/// The zone in which zone-less dates are read (--tz): "UTC", a fixed offset ("+02:00",
/// "-0530") or an IANA name ("Europe/Berlin", read from the system's tz database).
class TimeZone {
  public:
    /// UTC.
    TimeZone();
    /// nullopt when the name is neither an offset nor a zone the system knows.
    static std::optional<TimeZone> find(std::string_view name);
    /// The UTC instant of a local wall-clock time (seconds since 1970-01-01 00:00 local). A time
    /// skipped or repeated by a daylight-saving change is read with the offset in force before
    /// the change (as Python's fold=0 does): 02:30 on a spring-forward night is 03:30.
    std::int64_t local_to_utc(std::int64_t local_seconds) const;
    /// The local wall-clock time of a UTC instant. IANA zones follow the system's tz files, which
    /// only record transitions up to 2037: later daylight saving is not applied.
    std::int64_t utc_to_local(std::int64_t utc_seconds) const;
    /// The name find() was given ("UTC" for the default zone).
    const std::string& name() const { return name_; }

  private:
    std::string name_;
    std::int64_t fixed_offset_ = 0;          ///< seconds east of UTC, when zone_ is null
    const date::time_zone* zone_ = nullptr;  ///< owned by the process-wide tz database
};

/// How much of an instant the input gave.
enum class Precision { year = 0, month, day, minute, second };

/// A date found in a record, converted to UTC.
struct ParsedDate {
    std::int64_t seconds = 0;  ///< since the Unix epoch, UTC
    bool has_zone = false;     ///< the input named its zone (offset, "Z", "GMT", Unix timestamp)
    Precision precision = Precision::day;
};

/// Parses the date forms news dumps contain: ISO 8601 with or without time and zone ("2022",
/// "2022-02", "2022-02-21T10:15:30.5+01:00", basic "20220221" and "20220221101530"), RFC 2822
/// ("Mon, 21 Feb 2022 10:15:30 +0000", zone names UT GMT Z EST..PDT), JavaScript's
/// "Mon Feb 21 2022 10:15:30 GMT+0100 (CET)", "February 21, 2022", "Feb. 21st 2022",
/// "21 Feb 2022", "February 2022", "July 11, 2022 12:18 AM", "2022/02/21", "21.02.2022",
/// Unix timestamps (up to 10 digits: seconds, 13: milliseconds, a fraction ignored) and
/// newswire "26-FEB-1987 15:01:01.79" (text after its time is ignored). Month and weekday names
/// are English, any case. Zone-less values are taken in tz. nullopt when the text is not a date
/// morgue understands, is not a real calendar date, or its year (as written or in UTC) is
/// outside 1..9999.
std::optional<ParsedDate> parse_date(std::string_view text, const TimeZone& tz);

/// True when a is the better source for a record's date: zone-aware beats zone-less, then the
/// more precise wins.
bool better_date(const ParsedDate& a, const ParsedDate& b);

/// An inclusive range of UTC seconds; an absent end is open.
struct DateRange {
    std::optional<std::int64_t> from;
    std::optional<std::int64_t> to;
};

/// The outcome of reading a date expression from a query.
struct RangeResult {
    std::optional<DateRange> range;  ///< set on success
    std::string error;               ///< on failure: what is wrong, quoting the offending part
};

/// Reads a query's date expression: "2022-02-01..2022-02-28" (whole days, inclusive), "2022",
/// "2022-02", "2022..", "..2021-12-31", relative "7d" "2w" "3m" "1y" (from that long before now
/// until now; calendar months and years, the day clamped to the month's length), "today",
/// "yesterday", "this-week", "last-week", "this-month", "last-month", "this-year", "last-year"
/// (ISO weeks, Monday first). Each end is a whole period (any parse_date form, precision
/// deciding its length, but no bare number shorter than a year: "7" is a relative period
/// missing its unit), except that a relative end is the instant now minus that much. now is
/// UTC seconds; calendar periods and zone-less dates are taken in tz. A range ending before it
/// starts is an error.
RangeResult parse_date_range(std::string_view text, std::int64_t now, const TimeZone& tz);

/// A single date expression used as one end (--since / --until): the start of the period it
/// names in range.from (want_end false) or its last second in range.to (want_end true). A
/// relative "7d" is the instant now minus seven days either way.
RangeResult parse_date_bound(std::string_view text, bool want_end, std::int64_t now,
                             const TimeZone& tz);

/// "2022-02-21T00:00:00Z", for any instant in the years 1..9999.
std::string format_iso(std::int64_t seconds);

}  // namespace morgue::dates
