// The text of a number cell, as the CSV a spreadsheet would export holds it: plain decimals
// (no exponent for the magnitudes money and counts have), and dates as ISO 8601.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tierlens {

/// A cell's stored number (<v>, e.g. "82.8", "1E-007", "45296.3960069444") as the shortest
/// decimal that reads back as the same double, in plain notation: "82.8", "0.0000001",
/// "123456789012". Exponents beyond ±30 keep scientific notation ("1e+300"). Text that is
/// not a finite number comes back unchanged.
std::string number_cell_text(std::string_view value);

/// A date cell's serial number as "YYYY-MM-DD" (a whole day) or "YYYY-MM-DD HH:MM:SS"
/// (rounded to the second), in the 1900 or 1904 date system. In the 1900 system serial 60 is
/// Lotus's 1900-02-29, which Excel keeps, so serials from 61 on are days since 1899-12-30;
/// a serial below 1 there is a time of day alone, "HH:MM:SS". Nothing for values that are
/// not a number, negative, or after 9999-12-31.
std::optional<std::string> date_cell_text(std::string_view value, bool date1904);

/// A t="d" cell's ISO 8601 value ("2024-01-05T09:30:00.000Z") in the same shape as a
/// date-formatted number: "2024-01-05" at midnight, else "2024-01-05 09:30:00".
std::string iso_date_cell_text(std::string_view value);

}  // namespace tierlens
