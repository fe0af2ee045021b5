// Amounts as exports write them: "¥1,234.50", "(300.00)", "1.234,56 €", "１２３", "USD 99",
// "500元". Each cell is reduced to a plain decimal, then read exactly by parse_decimal.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tierlens/money.h"

namespace tierlens {

/// Which character separates the decimals: "1,234.56" (point) or "1.234,56" (comma).
enum class DecimalMark { kPoint, kComma };

/// "point", "comma".
const char* decimal_mark_key(DecimalMark mark);

/// What an amount cell may look like; quoted verbatim in skipped-row messages.
std::string accepted_amount_formats(DecimalMark mark);

/// Reads an amount cell. Accepted around the number: a currency sign (¥ ￥ $ € £ 元) or code
/// (CNY RMB USD EUR GBP HKD JPY) before or after it, a sign before it, parentheses for a
/// negative, full-width digits and signs, and thousands separators in groups of three (`,`
/// or a space; `.` or a space when the decimal mark is a comma). Nullopt for anything else.
std::optional<Decimal> parse_amount(std::string_view text, DecimalMark mark);

/// The decimal mark of a column, decided from its values: "12,50" or "1.234,5" read only as a
/// decimal comma, "12.50" or "1,234.5" only as a point; "1,234" reads both ways. A decimal
/// comma needs evidence and no counter-evidence.
struct DecimalMarkGuess {
  DecimalMark mark = DecimalMark::kPoint;
  std::string example;  ///< a value that decided it; empty when nothing did
};

DecimalMarkGuess guess_decimal_mark(const std::vector<std::string>& values);

}  // namespace tierlens
