#include "dates.h"

#include "date_fields.h"
#include "date_tokens.h"

#include <date/date.h>
#include <date/tz.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <stdexcept>

namespace morgue::dates {

namespace {

using namespace tokens;  // the lexical layer is this file's vocabulary
using namespace fields;  // and Fields, which its grammar fills

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

}  // namespace

std::optional<fields::Fields> fields::parse_fields(std::string_view text) {
    Scanner in(trim(text));
    Fields f;
    bool ok = is_digit(in.peek()) ? read_numeric(in, f) : is_alpha(in.peek()) && read_worded(in, f);
    if (!ok || !validate(f)) {
        return std::nullopt;
    }
    return f;
}

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
    // A zone can move the first or last hours of the years 1..9999 out of them.
    const std::int64_t utc = to_utc(f->local, *f, tz);
    if (utc < kFirstSecond || utc > kLastSecond) {
        return std::nullopt;
    }
    return ParsedDate{utc, f->offset.has_value(), f->precision};
}

bool better_date(const ParsedDate& a, const ParsedDate& b) {
    if (a.has_zone != b.has_zone) {
        return a.has_zone;
    }
    return a.precision > b.precision;
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
