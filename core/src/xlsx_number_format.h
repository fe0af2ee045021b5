// Which number formats make a cell's number a date or a time: Excel stores dates as serial
// numbers, and only the cell's format (styles.xml) says that 45296 means 2024-01-05.
#pragma once

#include <string_view>

namespace tierlens {

/// The built-in formats that show a date or time: ids 14–22, 27–36, 45, 47 and 50–58
/// (27–36 and 50–58 are the East Asian date formats). Id 46, [h]:mm:ss, is an elapsed time,
/// a duration rather than a moment, and stays a number.
bool is_builtin_date_format(int id);

/// True when a format code shows a date or time: it has d, m, y, h or s outside quoted text,
/// [brackets] (colours, locales, conditions), backslash escapes and _x / *x padding. Elapsed
/// times ([h]:mm, [mm]:ss) are durations, not dates.
bool is_date_format_code(std::string_view code);

}  // namespace tierlens
