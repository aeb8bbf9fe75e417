#include "dates.h"

#include "date_fields.h"
#include "date_tokens.h"

#include <date/date.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace morgue::dates {

namespace {

using namespace tokens;  // the lexical layer
using namespace fields;  // parsed dates, turned here into periods

constexpr std::string_view kExpected =
    "(expected YYYY, YYYY-MM, YYYY-MM-DD, a relative period such as 7d, or "
    "today/yesterday/this-week/...)";

// A span of UTC seconds, inclusive. A relative expression ("7d") is an instant: as the end of
// a range it stands for start, not for now.
struct Period {
    std::int64_t start = 0;
    std::int64_t end = 0;
    bool relative = false;
};

struct PeriodResult {
    std::optional<Period> period;
    std::string error;
};

std::string quoted(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    out += '"';
    out += s;
    out += '"';
    return out;
}

// The second a period stands for as one end of a range.
std::int64_t bound_of(const Period& p, bool want_end) {
    return want_end && !p.relative ? p.end : p.start;
}

// The whole period a parsed date names: its year, month, day, minute or second.
Period period_of(const Fields& f, const TimeZone& tz) {
    std::int64_t next = f.local + 1;
    if (f.precision == Precision::year) {
        next = seconds_of(date::year{f.year + 1} / date::January / 1);
    } else if (f.precision == Precision::month) {
        next = seconds_of(date::year{f.year} / date::month{f.month} / 1 + date::months{1});
    } else if (f.precision == Precision::day) {
        next = f.local + kDay;
    } else if (f.precision == Precision::minute) {
        next = f.local + 60;
    }
    // A zone can move the first or last hours of the years 1..9999 out of them.
    return Period{std::clamp(to_utc(f.local, f, tz), kFirstSecond, kLastSecond),
                  std::clamp(to_utc(next, f, tz) - 1, kFirstSecond, kLastSecond)};
}

// Local days [first, next) as UTC seconds.
Period local_days(date::sys_days first, date::sys_days next, const TimeZone& tz) {
    return Period{tz.local_to_utc(seconds_of(first)), tz.local_to_utc(seconds_of(next)) - 1};
}

// "today", "this-week", ...: calendar periods around now, in tz.
std::optional<Period> calendar_period(std::string_view expr, std::int64_t now, const TimeZone& tz) {
    date::sys_days today = day_of(tz.utc_to_local(now));
    date::sys_days monday = today - (date::weekday{today} - date::Monday);
    date::year_month_day ymd{today};
    date::year_month_day month = ymd.year() / ymd.month() / 1;
    date::year_month_day year = ymd.year() / date::January / 1;
    const std::array<std::pair<std::string_view, Period>, 8> periods = {{
        {"today", local_days(today, today + date::days{1}, tz)},
        {"yesterday", local_days(today - date::days{1}, today, tz)},
        {"this-week", local_days(monday, monday + date::weeks{1}, tz)},
        {"last-week", local_days(monday - date::weeks{1}, monday, tz)},
        {"this-month", local_days(month, month + date::months{1}, tz)},
        {"last-month", local_days(month - date::months{1}, month, tz)},
        {"this-year", local_days(year, year + date::years{1}, tz)},
        {"last-year", local_days(year - date::years{1}, year, tz)},
    }};
    for (const auto& [name, period] : periods) {
        if (iequals(expr, name)) {
            return period;
        }
    }
    return std::nullopt;
}

// now minus a number of calendar months on tz's wall clock, the day clamped to the month's
// length (Mar 31 - 1m is Feb 28); nullopt before the year 1.
std::optional<std::int64_t> months_before(std::int64_t now, std::int64_t months,
                                          const TimeZone& tz) {
    std::int64_t local = tz.utc_to_local(now);
    date::sys_days today = day_of(local);
    date::year_month_day ymd{today};
    std::int64_t index = int{ymd.year()} * 12 + (unsigned{ymd.month()} - 1) - months;
    if (index < 12) {
        return std::nullopt;
    }
    date::year_month ym{date::year{static_cast<int>(index / 12)},
                        date::month{static_cast<unsigned>(index % 12 + 1)}};
    date::day day = std::min(ymd.day(), (ym / date::last).day());
    return tz.local_to_utc(seconds_of(ym / day) + (local - seconds_of(today)));
}

// "7d", "2w", "3m", "1y": from that long before now until now; months and years are calendar
// ones. nullopt when expr is not relative.
std::optional<PeriodResult> relative_period(std::string_view expr, std::int64_t now,
                                            const TimeZone& tz) {
    Scanner in(expr);
    std::int64_t n = 0;
    int length = in.digits(n);
    std::string_view unit = in.word();
    char u = unit.size() == 1 ? static_cast<char>(unit[0] | 0x20) : '\0';  // ASCII lower case
    if (length == 0 || !in.done() || (u != 'd' && u != 'w' && u != 'm' && u != 'y')) {
        return std::nullopt;
    }
    // A billion days is beyond 9999 years in any unit; the limit keeps the products in range.
    std::optional<std::int64_t> start;
    if (length <= 9 && (u == 'd' || u == 'w')) {
        start = now - n * (u == 'w' ? 7 : 1) * kDay;
    } else if (length <= 9) {
        start = months_before(now, n * (u == 'y' ? 12 : 1), tz);
    }
    if (!start || *start < kFirstSecond) {
        return PeriodResult{std::nullopt,
                            "relative period " + quoted(expr) + " reaches back before the year 1"};
    }
    return PeriodResult{Period{*start, now, true}, {}};
}

// One date expression: relative, a calendar keyword, or any date parse_date reads (its
// precision giving the length of the period). whole is the text to quote in errors.
PeriodResult eval_period(std::string_view expr, std::string_view whole, std::int64_t now,
                         const TimeZone& tz) {
    if (expr.empty()) {
        return PeriodResult{std::nullopt, "empty date expression " + std::string(kExpected)};
    }
    if (std::optional<PeriodResult> relative = relative_period(expr, now, tz)) {
        return *relative;
    }
    if (std::optional<Period> period = calendar_period(expr, now, tz)) {
        return PeriodResult{period, {}};
    }
    // Numbers of one to three digits are Unix timestamps in 1970 to parse_date, but in a query
    // they are a relative period missing its unit; five to seven digits are a year past 9999
    // or a mistyped date rather than a moment in January 1970.
    bool digits = std::all_of(expr.begin(), expr.end(), is_digit);
    bool ambiguous = (expr.size() < 4 && is_digit(expr.back())) ||
                     (digits && expr.size() > 4 && expr.size() < 8);
    std::optional<Fields> f = ambiguous ? std::nullopt : parse_fields(expr);
    if (f) {
        return PeriodResult{period_of(*f, tz), {}};
    }
    std::string in = expr == whole ? "" : " in " + quoted(whole);
    return PeriodResult{std::nullopt,
                        "malformed date " + quoted(expr) + in + " " + std::string(kExpected)};
}

}  // namespace

RangeResult parse_date_range(std::string_view text, std::int64_t now, const TimeZone& tz) {
    std::string_view whole = trim(text);
    std::size_t dots = whole.find("..");
    if (dots == std::string_view::npos) {
        PeriodResult p = eval_period(whole, whole, now, tz);
        if (!p.period) {
            return RangeResult{std::nullopt, p.error};
        }
        return RangeResult{DateRange{p.period->start, p.period->end}, {}};
    }
    std::string_view left = trim(whole.substr(0, dots));
    std::string_view right = trim(whole.substr(dots + 2));
    if (left.empty() && right.empty()) {
        return RangeResult{std::nullopt, "empty date range " + quoted(whole) +
                                             " (give at least one end, e.g. 2022.. or "
                                             "..2021-12-31)"};
    }
    DateRange range;
    for (bool is_end : {false, true}) {
        std::string_view expr = is_end ? right : left;
        if (expr.empty()) {
            continue;
        }
        PeriodResult p = eval_period(expr, whole, now, tz);
        if (!p.period) {
            return RangeResult{std::nullopt, p.error};
        }
        (is_end ? range.to : range.from) = bound_of(*p.period, is_end);
    }
    if (range.from && range.to && *range.from > *range.to) {
        return RangeResult{std::nullopt, "date range " + quoted(whole) + " ends before it starts"};
    }
    return RangeResult{range, {}};
}

RangeResult parse_date_bound(std::string_view text, bool want_end, std::int64_t now,
                             const TimeZone& tz) {
    std::string_view expr = trim(text);
    PeriodResult p = eval_period(expr, expr, now, tz);
    if (!p.period) {
        return RangeResult{std::nullopt, p.error};
    }
    DateRange range;
    (want_end ? range.to : range.from) = bound_of(*p.period, want_end);
    return RangeResult{range, {}};
}

}  // namespace morgue::dates
