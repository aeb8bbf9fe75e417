#include "periods.h"

#include <date/date.h>
#include <date/iso_week.h>

#include <cstdio>

namespace morgue {

namespace {

/// The date of "YYYY-MM-DD", if it is one.
std::optional<date::year_month_day> parse_day(std::string_view day) {
    int y = 0;
    unsigned m = 0;
    unsigned d = 0;
    std::string text(day);
    if (day.size() != 10 || std::sscanf(text.c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3) {
        return std::nullopt;
    }
    date::year_month_day ymd{date::year{y}, date::month{m}, date::day{d}};
    return ymd.ok() ? std::optional(ymd) : std::nullopt;
}

}  // namespace

std::string period_label(std::string_view day, Period period) {
    std::optional<date::year_month_day> ymd = parse_day(day);
    if (!ymd) {
        return {};
    }
    switch (period) {
        case Period::day:
            return std::string(day);
        case Period::month:
            return std::string(day.substr(0, 7));
        case Period::year:
            return std::string(day.substr(0, 4));
        case Period::week:
            break;
    }
    iso_week::year_weeknum_weekday week{date::sys_days{*ymd}};
    char label[16];
    std::snprintf(label, sizeof label, "%04d-W%02u", static_cast<int>(week.year()),
                  static_cast<unsigned>(week.weeknum()));
    return label;
}

std::vector<std::string> periods_between(std::string_view first_day, std::string_view last_day,
                                         Period period) {
    std::optional<date::year_month_day> first = parse_day(first_day);
    std::optional<date::year_month_day> last = parse_day(last_day);
    std::vector<std::string> labels;
    if (!first || !last) {
        return labels;
    }
    for (date::sys_days day{*first}; day <= date::sys_days{*last}; day += date::days{1}) {
        std::string label = period_label(date::format("%F", day), period);
        if (labels.empty() || labels.back() != label) {
            labels.push_back(std::move(label));
        }
    }
    return labels;
}

}  // namespace morgue
