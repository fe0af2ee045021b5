// Order dates as sales exports write them. Only the calendar day is kept: recency is counted
// in whole days, so the time of day (validated, then dropped) never shifts a customer's score.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tierlens/civil_date.h"

namespace tierlens {

/// How a date with the year last reads: 3/5/2024 is 5 March when the day comes first.
enum class DateOrder { kMonthFirst, kDayFirst };

/// "month_first", "day_first".
const char* date_order_key(DateOrder order);
/// The keys above, and "mdy"/"dmy", "m/d/y"/"d/m/y" in any ASCII case.
std::optional<DateOrder> parse_date_order(std::string_view text);

/// What a date cell may look like; quoted verbatim in skipped-row messages.
std::string accepted_date_formats(DateOrder order);

/// Parses, ignoring surrounding spaces:
/// - year first: `YYYY-M-D`, `YYYY/M/D`, `YYYY.M.D`, `YYYY年M月D日`, `YYYYMMDD`;
/// - year last: `M/D/YYYY` or `D/M/YYYY` as `order` says (also with `.` or `-`);
/// - an Excel serial day number (days since 1899-12-30), 367 to 2958465, possibly with a
///   fraction for the time;
/// each optionally followed by a time of day `H:MM[:SS[.fff]]` with an optional AM/PM.
/// Impossible dates such as 2023-02-29 or 13/1/2024 (month first) are refused rather than
/// rolled over.
std::optional<DayNumber> parse_order_date(std::string_view text, DateOrder order = DateOrder::kMonthFirst);

/// The day/month order of a column, decided from its values, never row by row.
struct DateOrderGuess {
  DateOrder order = DateOrder::kMonthFirst;
  enum class Basis {
    kNoYearLastDates,  ///< no value has the year last: the order does not matter
    kEvidence,         ///< some value only reads one way (13/3/2024 is day first)
    kConflicting,      ///< values read each way: the order of most of them is taken
    kAmbiguous,        ///< every value reads both ways: month first is assumed
  } basis = Basis::kNoYearLastDates;
  std::string example;  ///< a value that decided it
};

DateOrderGuess guess_date_order(const std::vector<std::string>& values);

}  // namespace tierlens
