#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace morgue::dates {

/// The zone in which zone-less dates are read (--tz): "UTC", a fixed offset ("+02:00",
/// "-0530") or an IANA name ("Europe/Berlin", read from the system's tz database).
class TimeZone {
  public:
    /// UTC.
    TimeZone();
    /// nullopt when the name is neither an offset nor a zone the system knows.
    static std::optional<TimeZone> find(std::string_view name);
    /// The UTC instant of a local wall-clock time (seconds since 1970-01-01 00:00 local).
    std::int64_t local_to_utc(std::int64_t local_seconds) const;
    /// The local wall-clock time of a UTC instant.
    std::int64_t utc_to_local(std::int64_t utc_seconds) const;
    const std::string& name() const { return name_; }

  private:
    std::string name_;
    std::int64_t fixed_offset_ = 0;  ///< seconds east of UTC, when zone_ is null
    std::shared_ptr<const void> zone_;  ///< a date::time_zone, when named
};

/// How much of an instant the input gave.
enum class Precision { year = 0, month, day, minute, second };

/// A date found in a record, converted to UTC.
struct ParsedDate {
    std::int64_t seconds = 0;  ///< since the Unix epoch, UTC
    bool has_zone = false;     ///< the input named its zone (offset, "Z", "GMT", Unix timestamp)
    Precision precision = Precision::day;
};

/// Parses the date forms news dumps contain: ISO 8601 with or without time and zone, RFC 2822,
/// "February 21, 2022", "21 Feb 2022", "July 11, 2022 12:18 AM", "2022/02/21", Unix timestamps
/// (seconds, or milliseconds when 13 digits), "26-FEB-1987 15:01:01.79". Zone-less values are
/// taken in tz. nullopt when the text is not a date morgue understands, or its year is outside
/// 1..9999.
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
/// "2022-02", "2022..", "..2021-12-31", relative "7d" "2w" "3m" "1y" (that long before now,
/// calendar months and years), "today", "yesterday", "this-week", "last-week", "this-month",
/// "this-year" (ISO weeks, Monday first). now is UTC seconds; calendar periods are taken in tz.
RangeResult parse_date_range(std::string_view text, std::int64_t now, const TimeZone& tz);

/// A single date expression used as one end (--since / --until): the start of the period it
/// names (want_end false) or its last second (want_end true).
RangeResult parse_date_bound(std::string_view text, bool want_end, std::int64_t now,
                             const TimeZone& tz);

/// "2022-02-21T00:00:00Z".
std::string format_iso(std::int64_t seconds);

}  // namespace morgue::dates
