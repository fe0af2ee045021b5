// Calendar dates as day numbers, so that recency is plain integer subtraction.
// Proleptic Gregorian calendar; algorithms from Howard Hinnant's "chrono-Compatible Low-Level
// Date Algorithms", which are exact for every representable year.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tierlens {

/// Days since 1970-01-01 (negative before it).
using DayNumber = std::int32_t;

struct CivilDate {
  int year;
  int month;  ///< 1..12
  int day;    ///< 1..31
};

bool is_valid_civil_date(int year, int month, int day);
DayNumber days_from_civil(int year, int month, int day);
CivilDate civil_from_days(DayNumber days);

/// "YYYY-MM-DD".
std::string format_iso_date(DayNumber days);

/// Strict "YYYY-MM-DD" (used for options such as the analysis date).
std::optional<DayNumber> parse_iso_date(std::string_view text);

}  // namespace tierlens
