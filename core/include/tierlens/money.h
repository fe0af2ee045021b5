// Money as exact integers. Amounts are held in micro-units (millionths of the currency unit),
// so per-customer sums are exact, customers with the same spend tie exactly, and the native
// and WebAssembly builds cannot drift apart through floating-point rounding.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tierlens {

/// Millionths of a currency unit: 1.25 is 1'250'000.
using Micros = std::int64_t;
inline constexpr Micros kMicrosPerUnit = 1'000'000;

/// A decimal read exactly from text: value = mantissa / 10^scale.
struct Decimal {
  std::int64_t mantissa = 0;
  int scale = 0;  ///< digits after the decimal point, 0..9
};

/// What an amount cell may look like; quoted verbatim in skipped-row messages.
inline constexpr const char* kAcceptedNumberFormat =
    "a plain number such as 1234.56 or -3 (at most 18 digits, 9 after the point)";

/// Parses `[+-]digits[.digits]` (also `.5` and `5.`), ignoring surrounding spaces.
/// Refuses anything else, including thousands separators and exponents.
std::optional<Decimal> parse_decimal(std::string_view text);

/// The decimal in micro-units, rounded half away from zero past the 6th decimal;
/// nullopt when it does not fit.
std::optional<Micros> to_micros(Decimal value);

/// quantity × unit price in micro-units, exact up to the final rounding; nullopt on overflow.
std::optional<Micros> multiply_to_micros(Decimal quantity, Decimal unit_price);

/// Exact decimal text with at least `min_decimals` and at most 6 decimals, no trailing zeros
/// beyond the minimum: 77183600000 → "77183.60", 1250 → "0.00125".
std::string format_micros(Micros value, int min_decimals = 2);

/// Units as a double, for JSON summaries and charts (never for arithmetic).
inline double micros_to_units(Micros value) {
  return static_cast<double>(value) / static_cast<double>(kMicrosPerUnit);
}

}  // namespace tierlens
