#include "xlsx_cell_text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "tierlens/civil_date.h"

namespace tierlens {
namespace {

/// strtod on a view: the value, or nothing when the view is not a finite number as a whole.
std::optional<double> parse_double(std::string_view text) {
  char buffer[64];
  if (text.empty() || text.size() >= sizeof buffer) return std::nullopt;
  std::memcpy(buffer, text.data(), text.size());
  buffer[text.size()] = '\0';
  // Only decimal notation: strtod would also take "inf", "nan" and hexadecimal.
  for (const char c : text) {
    if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E'))
      return std::nullopt;
  }
  char* end = nullptr;
  const double value = std::strtod(buffer, &end);
  if (end != buffer + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

/// Plain decimals with at most 15 significant digits are already the shortest text of their
/// double (any two such decimals are different doubles), so most values need no arithmetic:
/// only leading and trailing zeros go. Nothing when `text` is not of that form.
std::optional<std::string> normalised_short_decimal(std::string_view text) {
  const bool negative = !text.empty() && text.front() == '-';
  if (negative) text.remove_prefix(1);
  const std::size_t point = text.find('.');
  std::string_view whole = text.substr(0, point);
  std::string_view fraction =
      point == std::string_view::npos ? std::string_view() : text.substr(point + 1);
  if (whole.empty() && fraction.empty()) return std::nullopt;
  for (const std::string_view part : {whole, fraction}) {
    for (const char c : part) {
      if (c < '0' || c > '9') return std::nullopt;
    }
  }
  while (!whole.empty() && whole.front() == '0') whole.remove_prefix(1);
  while (!fraction.empty() && fraction.back() == '0') fraction.remove_suffix(1);
  std::string digits = std::string(whole) + std::string(fraction);
  const std::size_t first = digits.find_first_not_of('0');
  if (first == std::string::npos) return std::string("0");
  const std::size_t last = digits.find_last_not_of('0');
  if (last - first + 1 > 15) return std::nullopt;
  std::string out = negative ? "-" : "";
  out += whole.empty() ? std::string_view("0") : whole;
  if (!fraction.empty()) {
    out += '.';
    out += fraction;
  }
  return out;
}

/// The shortest round-tripping digits of `value` (the fewest for which printf's correctly
/// rounded %e reads back as the same double), written without exponent when it is small.
std::string shortest_text(double value) {
  if (value == 0) return "0";
  char text[40];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(text, sizeof text, "%.*e", precision - 1, value);
    if (std::strtod(text, nullptr) == value) break;
  }
  // text is "-d.ddde±XX": split it into sign, digits and the decimal exponent.
  const std::string_view printed(text);
  const std::size_t e = printed.find('e');
  const int exponent = std::atoi(text + e + 1);
  const bool negative = printed.front() == '-';
  std::string digits;
  for (const char c : printed.substr(0, e)) {
    if (c >= '0' && c <= '9') digits += c;
  }
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  std::string out = negative ? "-" : "";
  if (exponent > 30 || exponent < -30) {
    out += digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    std::snprintf(text, sizeof text, "e%+d", exponent);
    return out + text;
  }
  const int whole_digits = exponent + 1;  // digits before the decimal point
  if (whole_digits <= 0) {
    out += "0." + std::string(static_cast<std::size_t>(-whole_digits), '0') + digits;
  } else if (static_cast<std::size_t>(whole_digits) >= digits.size()) {
    out += digits + std::string(whole_digits - digits.size(), '0');
  } else {
    out += digits.substr(0, whole_digits) + "." + digits.substr(whole_digits);
  }
  return out;
}

std::string two_digits(long value) {
  return std::string(1, static_cast<char>('0' + value / 10)) + static_cast<char>('0' + value % 10);
}

}  // namespace

std::string number_cell_text(std::string_view value) {
  if (std::optional<std::string> plain = normalised_short_decimal(value)) return *plain;
  const std::optional<double> number = parse_double(value);
  return number ? shortest_text(*number) : std::string(value);
}

std::optional<std::string> date_cell_text(std::string_view value, bool date1904) {
  const std::optional<double> serial = parse_double(value);
  // 2958465 is 9999-12-31 in the 1900 system; the 1904 system counts 1462 days fewer.
  const double last_day = date1904 ? 2958465 - 1462 : 2958465;
  if (!serial || *serial < 0 || *serial >= last_day + 1) return std::nullopt;
  const long long seconds_total = std::llround(*serial * 86400.0);
  const long long days = seconds_total / 86400;
  if (days > static_cast<long long>(last_day)) return std::nullopt;  // rounded past 9999-12-31
  const long seconds = static_cast<long>(seconds_total % 86400);
  const std::string time = two_digits(seconds / 3600) + ":" + two_digits(seconds / 60 % 60) + ":" +
                           two_digits(seconds % 60);
  std::string date;
  if (date1904) {
    date = format_iso_date(days_from_civil(1904, 1, 1) + static_cast<DayNumber>(days));
  } else if (days == 0) {
    return time;
  } else if (days == 60) {
    date = "1900-02-29";
  } else {
    // Before the phantom leap day serial 1 is 1900-01-01; from 61 on, Excel's count is one
    // day ahead of the calendar, which 1899-12-30 as day 0 absorbs.
    const DayNumber epoch =
        days < 60 ? days_from_civil(1899, 12, 31) : days_from_civil(1899, 12, 30);
    date = format_iso_date(epoch + static_cast<DayNumber>(days));
  }
  return seconds == 0 ? date : date + " " + time;
}

std::string iso_date_cell_text(std::string_view value) {
  const std::size_t t = value.find('T');
  if (t == std::string_view::npos) return std::string(value);
  std::string_view time = value.substr(t + 1);
  time = time.substr(0, std::min(time.find_first_of(".Z+"), time.size()));
  if (time == "00:00:00" || time == "00:00") return std::string(value.substr(0, t));
  return std::string(value.substr(0, t)) + " " + std::string(time);
}

}  // namespace tierlens
