#include "dates.h"

#include "date_tokens.h"

#include <date/date.h>
#include <date/tz.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <utility>

namespace morgue::dates {

namespace {

using namespace tokens;  // the lexical layer is this file's vocabulary

constexpr std::int64_t kDay = 86400;
constexpr std::int64_t kFirstSecond = -62135596800;  // 0001-01-01T00:00:00Z

constexpr std::string_view kExpected =
    "(expected YYYY, YYYY-MM, YYYY-MM-DD, a relative period such as 7d, or "
    "today/yesterday/this-week/...)";

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

std::int64_t seconds_of(date::sys_days day) {
    return static_cast<std::int64_t>(day.time_since_epoch().count()) * kDay;
}

date::sys_days day_of(std::int64_t seconds) {
    return date::sys_days{date::days{floor_div(seconds, kDay)}};
}

// What a date text said, before it is placed on the UTC time line.
struct Fields {
    int year = 1;
    unsigned month = 1;
    unsigned day = 1;
    int hour = 0;
    int minute = 0;
    int second = 0;
    Precision precision = Precision::year;
    std::optional<int> offset;  // seconds east of UTC, when the text named its zone
    bool epoch = false;         // a Unix timestamp: local already holds the instant
    std::int64_t local = 0;     // wall-clock seconds since 1970-01-01, set by validate()
};

// A calendar day as written; validate() checks it.
Fields day_fields(std::int64_t year, unsigned month, std::int64_t day) {
    Fields f;
    f.year = static_cast<int>(year);
    f.month = month;
    f.day = static_cast<unsigned>(day);
    f.precision = Precision::day;
    return f;
}

void set_clock(const Clock& clock, Fields& f) {
    f.hour = clock.hour;
    f.minute = clock.minute;
    f.second = clock.second;
    f.precision = clock.has_seconds ? Precision::second : Precision::minute;
}

// After a date: optionally ", at" and a time with a zone; then the end of the text.
bool read_clock(Scanner& in, Fields& f) {
    std::size_t start = in.pos();
    separator(in);
    std::size_t before_at = in.pos();
    if (!iequals(in.word(), "at") || !in.skip_spaces()) {
        in.reset(before_at);
    }
    std::optional<Clock> clock = read_time(in);
    if (!clock) {
        in.reset(start);
        return at_end(in);
    }
    set_clock(*clock, f);
    in.skip_spaces();
    f.offset = read_zone(in, true);
    return at_end(in);
}

// Digits alone: a year, a basic ISO date ("20220221") or date-time ("20220221101530"), or a
// Unix timestamp. Eight or fourteen digits are read as a basic ISO date only when they start
// with 19 or 20: as seconds they would be 1970 to 1973 or far in the future.
bool read_number(std::int64_t value, int n, bool fraction, Fields& f) {
    if (!fraction && n == 4) {
        f.year = static_cast<int>(value);
        return true;
    }
    std::int64_t ymd = n == 14 ? value / 1000000 : value;
    std::int64_t century = ymd / 1000000;
    if (!fraction && (n == 8 || n == 14) && (century == 19 || century == 20)) {
        std::int64_t time = n == 14 ? value % 1000000 : 0;
        f = day_fields(ymd / 10000, static_cast<unsigned>(ymd / 100 % 100), ymd % 100);
        f.hour = static_cast<int>(time / 10000);
        f.minute = static_cast<int>(time / 100 % 100);
        f.second = static_cast<int>(time % 100);
        f.precision = n == 8 ? Precision::day : Precision::second;
        return f.hour < 24 && f.minute < 60 && f.second < 61;
    }
    if (n > 13 || n == 11 || n == 12) {
        return false;
    }
    f.epoch = true;
    f.local = n == 13 ? value / 1000 : value;
    f.offset = 0;
    f.precision = Precision::second;
    return true;
}

// "2022-02", "2022-02-21", "2022/02/21", "2022.02.21", each optionally with a time and zone.
bool read_year_first(std::int64_t year, Scanner& in, Fields& f) {
    char sep = in.peek();
    in.eat(sep);
    std::int64_t month = 0;
    std::int64_t day = 0;
    int n = in.digits(month);
    if (n < 1 || n > 2) {
        return false;
    }
    f.year = static_cast<int>(year);
    f.month = static_cast<unsigned>(month);
    f.precision = Precision::month;
    if (!in.eat(sep)) {
        return at_end(in);
    }
    n = in.digits(day);
    if (n < 1 || n > 2) {
        return false;
    }
    f.day = static_cast<unsigned>(day);
    f.precision = Precision::day;
    if ((in.peek() == 'T' || in.peek() == 't') && is_digit(in.peek(1))) {
        in.reset(in.pos() + 1);
    }
    return read_clock(in, f);
}

// "21.02.2022": always day first, as the dotted form is written in Europe.
bool read_dotted(std::int64_t day, Scanner& in, Fields& f) {
    std::int64_t month = 0;
    std::int64_t year = 0;
    in.eat('.');
    int n = in.digits(month);
    if (n < 1 || n > 2 || !in.eat('.') || in.digits(year) != 4) {
        return false;
    }
    f = day_fields(year, static_cast<unsigned>(month), day);
    return read_clock(in, f);
}

// "26-FEB-1987 15:01:01.79". Reuters-21578 has stray text after the time and a few impossible
// hours ("605:12:19.12"), so anything after the date that is not a time is ignored: the date
// still stands. Newswire stamps carry no zone.
bool read_newswire(std::int64_t day, Scanner& in, Fields& f) {
    in.eat('-');
    unsigned month = month_number(in.word());
    std::int64_t year = 0;
    if (month == 0 || !in.eat('-') || in.digits(year) != 4) {
        return false;
    }
    f = day_fields(year, month, day);
    if (!in.done() && !in.skip_spaces()) {
        return false;
    }
    if (std::optional<Clock> clock = read_time(in)) {
        set_clock(*clock, f);
    }
    return true;
}

// "21 Feb 2022", "21st February, 2022 10:15:30 GMT".
bool read_day_first(std::int64_t day, Scanner& in, Fields& f) {
    skip_ordinal(in);
    in.skip_spaces();
    unsigned month = month_number(in.word());
    in.eat('.');
    std::int64_t year = 0;
    if (month == 0 || !separator(in) || in.digits(year) != 4) {
        return false;
    }
    f = day_fields(year, month, day);
    return read_clock(in, f);
}

// "February 21, 2022", "Feb. 21st 2022 10:15", "Feb 21 2022 10:15:30 GMT+0100", "Feb 2022".
bool read_month_first(unsigned month, Scanner& in, Fields& f) {
    std::int64_t first = 0;
    std::int64_t year = 0;
    in.eat('.');
    if (!in.skip_spaces()) {
        return false;
    }
    int n = in.digits(first);
    f.month = month;
    if (n == 4) {
        f.year = static_cast<int>(first);
        f.precision = Precision::month;
        return at_end(in);
    }
    skip_ordinal(in);
    if (n < 1 || n > 2 || !separator(in) || in.digits(year) != 4) {
        return false;
    }
    f.year = static_cast<int>(year);
    f.day = static_cast<unsigned>(first);
    f.precision = Precision::day;
    return read_clock(in, f);
}

// Text starting with a name: an optional weekday, then a month, or a day and a month.
bool read_worded(Scanner& in, Fields& f) {
    std::string_view w = in.word();
    if (is_weekday(w)) {
        if (!separator(in)) {
            return false;
        }
        if (is_digit(in.peek())) {
            std::int64_t day = 0;
            return in.digits(day) <= 2 && read_day_first(day, in, f);
        }
        w = in.word();
    }
    unsigned month = month_number(w);
    return month != 0 && read_month_first(month, in, f);
}

bool read_numeric(Scanner& in, Fields& f) {
    std::int64_t first = 0;
    int n = in.digits(first);
    std::size_t after = in.pos();
    std::int64_t fraction = 0;
    int fraction_digits = in.eat('.') ? in.digits(fraction) : -1;
    if (in.done() && fraction_digits != 0) {
        return read_number(first, n, fraction_digits > 0, f);
    }
    in.reset(after);
    char sep = in.peek();
    if (n == 4 && (sep == '-' || sep == '/' || sep == '.')) {
        return read_year_first(first, in, f);
    }
    if (n > 2) {
        return false;
    }
    if (sep == '.') {
        return read_dotted(first, in, f);
    }
    if (sep == '-' && is_alpha(in.peek(1))) {
        return read_newswire(first, in, f);
    }
    return (is_space(sep) || is_alpha(sep)) && read_day_first(first, in, f);
}

// Checks the calendar (no February 30th, years 1..9999) and sets f.local.
bool validate(Fields& f) {
    if (f.epoch) {
        return true;
    }
    if (f.year < 1 || f.year > 9999) {
        return false;
    }
    date::year_month_day ymd{date::year{f.year}, date::month{f.month}, date::day{f.day}};
    if (!ymd.ok()) {
        return false;
    }
    f.local = seconds_of(date::sys_days{ymd}) + f.hour * 3600 + f.minute * 60 + f.second;
    return true;
}

std::optional<Fields> parse_fields(std::string_view text) {
    Scanner in(trim(text));
    Fields f;
    bool ok = is_digit(in.peek()) ? read_numeric(in, f) : is_alpha(in.peek()) && read_worded(in, f);
    if (!ok || !validate(f)) {
        return std::nullopt;
    }
    return f;
}

std::int64_t to_utc(std::int64_t local, const Fields& f, const TimeZone& tz) {
    return f.offset ? local - *f.offset : tz.local_to_utc(local);
}

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
    return "\"" + std::string(s) + "\"";
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
    return Period{to_utc(f.local, f, tz), to_utc(next, f, tz) - 1};
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
    // they are a relative period missing its unit.
    std::optional<Fields> f =
        expr.size() < 4 && is_digit(expr.back()) ? std::nullopt : parse_fields(expr);
    if (f) {
        return PeriodResult{period_of(*f, tz), {}};
    }
    std::string in = expr == whole ? "" : " in " + quoted(whole);
    return PeriodResult{std::nullopt,
                        "malformed date " + quoted(expr) + in + " " + std::string(kExpected)};
}

}  // namespace

TimeZone::TimeZone() : name_("UTC") {}

std::optional<TimeZone> TimeZone::find(std::string_view name) {
    TimeZone tz;
    tz.name_ = std::string(name);
    Scanner in(name);
    std::optional<int> offset = read_zone(in, false);
    if (offset && in.done()) {
        tz.fixed_offset_ = *offset;
        return tz;
    }
    try {
        tz.zone_ = date::locate_zone(name);
    } catch (const std::runtime_error&) {
        return std::nullopt;  // not in the system's tz database (or there is none)
    }
    return tz;
}

std::int64_t TimeZone::local_to_utc(std::int64_t local_seconds) const {
    if (zone_ == nullptr) {
        return local_seconds - fixed_offset_;
    }
    date::local_seconds local{std::chrono::seconds{local_seconds}};
    // first is the period in force before a gap or overlap: see the header.
    return local_seconds - zone_->get_info(local).first.offset.count();
}

std::int64_t TimeZone::utc_to_local(std::int64_t utc_seconds) const {
    if (zone_ == nullptr) {
        return utc_seconds + fixed_offset_;
    }
    date::sys_seconds utc{std::chrono::seconds{utc_seconds}};
    return utc_seconds + zone_->get_info(utc).offset.count();
}

std::optional<ParsedDate> parse_date(std::string_view text, const TimeZone& tz) {
    std::optional<Fields> f = parse_fields(text);
    if (!f) {
        return std::nullopt;
    }
    return ParsedDate{to_utc(f->local, *f, tz), f->offset.has_value(), f->precision};
}

bool better_date(const ParsedDate& a, const ParsedDate& b) {
    if (a.has_zone != b.has_zone) {
        return a.has_zone;
    }
    return a.precision > b.precision;
}

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

std::string format_iso(std::int64_t seconds) {
    date::sys_days day = day_of(seconds);
    std::int64_t time = seconds - seconds_of(day);
    date::year_month_day ymd{day};
    std::array<char, 48> out{};
    std::snprintf(out.data(), out.size(), "%04d-%02u-%02uT%02d:%02d:%02dZ", int{ymd.year()},
                  unsigned{ymd.month()}, unsigned{ymd.day()}, static_cast<int>(time / 3600),
                  static_cast<int>(time / 60 % 60), static_cast<int>(time % 60));
    return out.data();
}

}  // namespace morgue::dates
