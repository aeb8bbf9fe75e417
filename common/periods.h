#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "search_types.h"

namespace morgue {

/// The timeline period a day falls in: "2022-02-21" gives "2022-02-21" (day), "2022-W08"
/// (ISO week, Monday first; the ISO year may differ from the calendar year at its ends),
/// "2022-02" (month) or "2022" (year). "" when day is not a YYYY-MM-DD date.
std::string period_label(std::string_view day, Period period);

/// Every period from the one holding first_day to the one holding last_day, in order (so
/// that a timeline shows empty periods too). Empty when either is not a YYYY-MM-DD date.
std::vector<std::string> periods_between(std::string_view first_day, std::string_view last_day,
                                         Period period);

}  // namespace morgue
