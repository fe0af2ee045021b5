#include "tierlens/money.h"

#include <cstdlib>

#include "tierlens/text.h"

namespace tierlens {
namespace {

constexpr int kMaxDigits = 18;  // 10^18 < 2^63: any 18-digit mantissa fits
constexpr int kMaxScale = 9;
constexpr int kMicrosScale = 6;

std::int64_t power_of_ten(int exponent) {
  std::int64_t result = 1;
  while (exponent-- > 0) result *= 10;
  return result;
}

/// value / 10^exponent, rounded half away from zero.
std::int64_t divide_rounded(std::int64_t value, int exponent) {
  const std::int64_t divisor = power_of_ten(exponent);
  const std::int64_t quotient = value / divisor;
  const std::int64_t remainder = value % divisor;
  if (std::llabs(remainder) * 2 >= divisor) return quotient + (value < 0 ? -1 : 1);
  return quotient;
}

/// value at `scale` decimals rescaled to micro-units; nullopt on overflow.
std::optional<Micros> rescale_to_micros(std::int64_t value, int scale) {
  if (scale >= kMicrosScale) return divide_rounded(value, scale - kMicrosScale);
  Micros result = 0;
  if (__builtin_mul_overflow(value, power_of_ten(kMicrosScale - scale), &result)) {
    return std::nullopt;
  }
  return result;
}

}  // namespace

std::optional<Decimal> parse_decimal(std::string_view text) {
  text = trim_spaces(text);
  bool negative = false;
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  Decimal result;
  int digits = 0;
  int significant_digits = 0;
  bool seen_point = false;
  for (const char c : text) {
    if (c == '.' && !seen_point) {
      seen_point = true;
      continue;
    }
    if (!is_ascii_digit(c)) return std::nullopt;
    ++digits;
    if (seen_point && ++result.scale > kMaxScale) return std::nullopt;
    // Leading zeros do not count against the 18-digit budget.
    if (result.mantissa != 0 || c != '0') ++significant_digits;
    if (significant_digits > kMaxDigits) return std::nullopt;
    result.mantissa = result.mantissa * 10 + (c - '0');
  }
  if (digits == 0) return std::nullopt;
  if (negative) result.mantissa = -result.mantissa;
  return result;
}

std::optional<Micros> to_micros(Decimal value) {
  return rescale_to_micros(value.mantissa, value.scale);
}

std::optional<Micros> multiply_to_micros(Decimal quantity, Decimal unit_price) {
  std::int64_t product = 0;
  if (__builtin_mul_overflow(quantity.mantissa, unit_price.mantissa, &product)) {
    return std::nullopt;
  }
  return rescale_to_micros(product, quantity.scale + unit_price.scale);
}

std::string format_micros(Micros value, int min_decimals) {
  const bool negative = value < 0;
  // Work on the magnitude as unsigned so that the most negative value formats correctly.
  const std::uint64_t magnitude =
      negative ? ~static_cast<std::uint64_t>(value) + 1 : static_cast<std::uint64_t>(value);
  std::string fraction = std::to_string(magnitude % kMicrosPerUnit);
  fraction.insert(0, kMicrosScale - fraction.size(), '0');
  while (static_cast<int>(fraction.size()) > min_decimals && fraction.back() == '0') {
    fraction.pop_back();
  }
  std::string text = negative && magnitude != 0 ? "-" : "";
  text += std::to_string(magnitude / kMicrosPerUnit);
  if (!fraction.empty()) text += "." + fraction;
  return text;
}

}  // namespace tierlens
