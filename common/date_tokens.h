#pragma once

// The lexical layer of morgue::dates: a cursor over date text and readers for the pieces all
// date forms share (names, times, zones). dates.cpp, which holds the grammar of whole dates, and
// date_ranges.cpp, which reads query ranges, are its only users. Everything works on
// string_views and ASCII, independent of the C locale, and nothing allocates: parse_date runs
// once per indexed record.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace morgue::dates::tokens {

/// '0'..'9'.
inline bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
/// ASCII letters only: month and zone names are English.
inline bool is_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
/// White space as it appears in dumps, including the newline a CSV cell may end with.
inline bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/// True when a, in any case, equals the lower-case b.
inline bool iequals(std::string_view a, std::string_view lower_b) {
    if (a.size() != lower_b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        char c = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
        if (c != lower_b[i]) {
            return false;
        }
    }
    return true;
}

/// s without surrounding white space.
inline std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) {
        s.remove_prefix(1);
    }
    while (!s.empty() && is_space(s.back())) {
        s.remove_suffix(1);
    }
    return s;
}

/// A cursor over date text. Every read consumes what it matched and nothing on a mismatch, so
/// the grammar needs no backtracking beyond an occasional reset().
class Scanner {
  public:
    /// A cursor at the start of text, which must outlive the scanner.
    explicit Scanner(std::string_view text) : text_(text) {}
    /// True at the end of the text.
    bool done() const { return pos_ == text_.size(); }
    /// The character ahead characters on, '\0' past the end.
    char peek(std::size_t ahead = 0) const {
        return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
    }
    /// The position, for reset().
    std::size_t pos() const { return pos_; }
    /// Goes back (or forward) to pos.
    void reset(std::size_t pos) { pos_ = pos; }
    /// Consumes c if it is next.
    bool eat(char c) {
        if (done() || text_[pos_] != c) {
            return false;
        }
        ++pos_;
        return true;
    }
    /// Consumes white space; false when there was none.
    bool skip_spaces() {
        std::size_t start = pos_;
        while (is_space(peek())) {
            ++pos_;
        }
        return pos_ > start;
    }
    /// Consumes a digit run and returns its length (0: none). Digits past the 18th are counted
    /// but not added, so value cannot overflow; callers reject such lengths.
    int digits(std::int64_t& value) {
        value = 0;
        int n = 0;
        for (; is_digit(peek()); ++pos_, ++n) {
            if (n < 18) {
                value = value * 10 + (text_[pos_] - '0');
            }
        }
        return n;
    }
    /// Consumes a run of ASCII letters (empty when there is none).
    std::string_view word() {
        std::size_t start = pos_;
        while (is_alpha(peek())) {
            ++pos_;
        }
        return text_.substr(start, pos_ - start);
    }

  private:
    std::string_view text_;
    std::size_t pos_ = 0;
};

/// 1-based index of the name w abbreviates in any case, with at least three letters ("Feb",
/// "Sept", "Thurs"); 0 when none.
template <std::size_t N>
unsigned find_name(const std::array<std::string_view, N>& names, std::string_view w) {
    if (w.size() < 3) {
        return 0;
    }
    for (std::size_t i = 0; i < N; ++i) {
        if (w.size() <= names[i].size() && iequals(w, names[i].substr(0, w.size()))) {
            return static_cast<unsigned>(i + 1);
        }
    }
    return 0;
}

/// 1..12 for an English month name or abbreviation, 0 otherwise.
inline unsigned month_number(std::string_view w) {
    static constexpr std::array<std::string_view, 12> kMonths = {
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december",
    };
    return find_name(kMonths, w);
}

/// True for an English weekday name or abbreviation.
inline bool is_weekday(std::string_view w) {
    static constexpr std::array<std::string_view, 7> kWeekdays = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    };
    return find_name(kWeekdays, w) != 0;
}

/// Reads "+02:00", "+0200", "+02", "-5": seconds east of UTC.
inline std::optional<int> read_offset(Scanner& in) {
    std::size_t start = in.pos();
    int sign = in.eat('+') ? 1 : in.eat('-') ? -1 : 0;
    std::int64_t hours = 0;
    std::int64_t minutes = 0;
    int n = sign == 0 ? 0 : in.digits(hours);
    if (n == 4) {
        minutes = hours % 100;
        hours /= 100;
    } else if (n == 0 || n > 2 || (in.eat(':') && in.digits(minutes) != 2)) {
        in.reset(start);
        return std::nullopt;
    }
    if (hours > 23 || minutes > 59) {
        in.reset(start);
        return std::nullopt;
    }
    return sign * static_cast<int>(hours * 3600 + minutes * 60);
}

/// Reads a zone as seconds east of UTC: an offset, "Z"/"UT"/"UTC"/"GMT" optionally followed by
/// an offset ("GMT+0100", as JavaScript writes), or, with us_names, RFC 2822's North American
/// names (EST..PDT). Those are left out of --tz, where "PST" in July would silently be wrong.
inline std::optional<int> read_zone(Scanner& in, bool us_names) {
    // Names of UTC first, then the North American ones, each with its offset in hours.
    static constexpr std::array<std::string_view, 12> kNames = {
        "z", "ut", "utc", "gmt", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt"};
    static constexpr std::array<int, 12> kHours = {0, 0, 0, 0, -5, -4, -6, -5, -7, -6, -8, -7};
    constexpr std::size_t kUtcNames = 4;
    std::size_t start = in.pos();
    if (std::optional<int> offset = read_offset(in)) {
        return offset;
    }
    std::string_view w = in.word();
    for (std::size_t i = 0; i < (us_names ? kNames.size() : kUtcNames); ++i) {
        if (iequals(w, kNames[i])) {
            std::optional<int> offset = i < kUtcNames ? read_offset(in) : std::nullopt;
            return offset ? *offset : kHours[i] * 3600;
        }
    }
    in.reset(start);
    return std::nullopt;
}

/// True at the end of the text, after white space and an RFC 2822 comment such as "(UTC)".
inline bool at_end(Scanner& in) {
    in.skip_spaces();
    if (in.eat('(')) {
        while (!in.done() && !in.eat(')')) {
            in.reset(in.pos() + 1);
        }
        in.skip_spaces();
    }
    return in.done();
}

/// Consumes an optional "," and white space between parts; false when there is neither.
inline bool separator(Scanner& in) {
    bool comma = in.eat(',');
    return in.skip_spaces() || comma;
}

/// Consumes "st", "nd", "rd" or "th" after a day number: it adds nothing to the digits.
inline void skip_ordinal(Scanner& in) {
    std::size_t start = in.pos();
    std::string_view w = in.word();
    if (!iequals(w, "st") && !iequals(w, "nd") && !iequals(w, "rd") && !iequals(w, "th")) {
        in.reset(start);
    }
}

/// A 12-hour clock's "AM"/"PM" turns hour into 0..23 (12 AM is midnight); false when the hour
/// cannot be on a 12-hour clock.
inline bool read_meridiem(Scanner& in, std::int64_t& hour) {
    std::size_t start = in.pos();
    in.skip_spaces();
    std::string_view w = in.word();
    bool pm = iequals(w, "pm");
    if (!pm && !iequals(w, "am")) {
        in.reset(start);
        return true;
    }
    if (hour < 1 || hour > 12) {
        return false;
    }
    hour = hour % 12 + (pm ? 12 : 0);
    return true;
}

/// A time of day as written.
struct Clock {
    int hour = 0;
    int minute = 0;
    int second = 0;
    bool has_seconds = false;
};

/// Reads "10:15", "10:15:30", "10:15:30.79" (the fraction is dropped), then "AM"/"PM". A second
/// of 60 is a leap second, kept so that it rolls over into the next minute.
inline std::optional<Clock> read_time(Scanner& in) {
    std::size_t start = in.pos();
    std::int64_t hour = 0;
    std::int64_t minute = 0;
    std::int64_t second = 0;
    int n = in.digits(hour);
    bool ok = n >= 1 && n <= 2 && in.eat(':') && in.digits(minute) == 2;
    bool has_seconds = ok && in.eat(':');
    if (has_seconds && in.digits(second) != 2) {
        ok = false;
    }
    if (has_seconds && ok && (in.peek() == '.' || in.peek() == ',') && is_digit(in.peek(1))) {
        std::int64_t fraction = 0;
        in.reset(in.pos() + 1);
        in.digits(fraction);
    }
    if (!ok || !read_meridiem(in, hour) || hour > 23 || minute > 59 || second > 60) {
        in.reset(start);
        return std::nullopt;
    }
    return Clock{static_cast<int>(hour), static_cast<int>(minute), static_cast<int>(second),
                 has_seconds};
}

}  // namespace morgue::dates::tokens
