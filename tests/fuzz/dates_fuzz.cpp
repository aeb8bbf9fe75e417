// The date parser and the query's date expressions, on any text, in UTC, a fixed offset and a
// zone with daylight saving (UTC again where the system has no zone files).

#include <array>

#include "common/dates.h"
#include "fuzz_support.h"

namespace {

using morgue::dates::TimeZone;

constexpr std::int64_t kNow = 1645617600;  // 2022-02-23T12:00:00Z

const std::array<TimeZone, 3>& zones() {
    static const std::array<TimeZone, 3> kZones{
        TimeZone(), TimeZone::find("-05:30").value_or(TimeZone()),
        TimeZone::find("Europe/Berlin").value_or(TimeZone())};
    return kZones;
}

// Dates print as "2022-02-21T00:00:00Z": the years 1..9999 in UTC.
void check_printable(std::int64_t seconds) {
    const std::string iso = morgue::dates::format_iso(seconds);
    morgue::fuzz::check(iso.size() == 20 && iso.compare(0, 4, "0000") != 0,
                        "a date is in the years 1..9999 in UTC");
}

// A range that was read is never empty (an end before the start is an error), and its ends
// print as dates.
void check_range(const morgue::dates::RangeResult& result) {
    morgue::fuzz::check(result.range.has_value() != !result.error.empty(),
                        "a date range is either read or explained");
    if (!result.range) {
        return;
    }
    for (const std::optional<std::int64_t>& end : {result.range->from, result.range->to}) {
        if (end) {
            check_printable(*end);
        }
    }
    if (result.range->from && result.range->to) {
        morgue::fuzz::check(*result.range->from <= *result.range->to,
                            "a date range does not end before it starts");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace morgue::dates;
    const std::string_view text = morgue::fuzz::as_text(data, size);
    for (const TimeZone& tz : zones()) {
        if (const std::optional<ParsedDate> date = parse_date(text, tz)) {
            morgue::fuzz::check(!better_date(*date, *date), "no date is better than itself");
            check_printable(date->seconds);
        }
        check_range(parse_date_range(text, kNow, tz));
        check_range(parse_date_bound(text, false, kNow, tz));
        check_range(parse_date_bound(text, true, kNow, tz));
    }
    return 0;
}
