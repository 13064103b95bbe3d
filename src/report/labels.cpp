#include "report/labels.hpp"

#include <cstdio>

namespace allot::detail {

std::string FormatDate(const std::string& iso_date, Lang lang) {
  static constexpr Key kMonths[] = {Key::kMonthJanuary, Key::kMonthFebruary, Key::kMonthMarch,
                                    Key::kMonthApril,   Key::kMonthMay,      Key::kMonthJune,
                                    Key::kMonthJuly,    Key::kMonthAugust,   Key::kMonthSeptember,
                                    Key::kMonthOctober, Key::kMonthNovember, Key::kMonthDecember};
  int year = 0, month = 0, day = 0;
  char rest = 0;
  if (iso_date.size() != 10 ||
      std::sscanf(iso_date.c_str(), "%4d-%2d-%2d%c", &year, &month, &day, &rest) != 3 ||
      iso_date[4] != '-' || iso_date[7] != '-' || month < 1 || month > 12 || day < 1 || day > 31) {
    return iso_date;
  }
  return std::to_string(day) + " " + Say(kMonths[month - 1], lang) + " " + std::to_string(year);
}

}  // namespace allot::detail
