#include "tierlens/order_date.h"

#include "tierlens/text.h"

namespace tierlens {
namespace {

/// A left-to-right reader over the cell; each step either consumes what it expects or fails.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  bool at_end() const { return pos_ == text_.size(); }

  bool accept(char c) {
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  /// Reads between min_digits and max_digits decimal digits.
  std::optional<int> number(int min_digits, int max_digits) {
    int value = 0;
    int digits = 0;
    while (digits < max_digits && pos_ < text_.size() && is_ascii_digit(text_[pos_])) {
      value = value * 10 + (text_[pos_] - '0');
      ++pos_;
      ++digits;
    }
    if (digits < min_digits) return std::nullopt;
    return value;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

/// `HH:MM[:SS[.fff]]` up to the end of the cell; hours may have one digit.
bool accept_time_of_day(Cursor& cursor) {
  const auto hour = cursor.number(1, 2);
  if (!hour || *hour > 23 || !cursor.accept(':')) return false;
  const auto minute = cursor.number(2, 2);
  if (!minute || *minute > 59) return false;
  if (cursor.accept(':')) {
    const auto second = cursor.number(2, 2);
    if (!second || *second > 60) return false;  // 60: a leap second
    if (cursor.accept('.') && !cursor.number(1, 9)) return false;
  }
  return cursor.at_end();
}

std::optional<DayNumber> finish(Cursor& cursor, int year, int month, int day, char time_separator) {
  if (!is_valid_civil_date(year, month, day)) return std::nullopt;
  if (!cursor.at_end()) {
    const bool separated = cursor.accept(' ') || (time_separator == 'T' && cursor.accept('T'));
    if (!separated || !accept_time_of_day(cursor)) return std::nullopt;
  }
  return days_from_civil(year, month, day);
}

std::optional<DayNumber> parse_iso(Cursor cursor) {
  const auto year = cursor.number(4, 4);
  if (!year || !cursor.accept('-')) return std::nullopt;
  const auto month = cursor.number(1, 2);
  if (!month || !cursor.accept('-')) return std::nullopt;
  const auto day = cursor.number(1, 2);
  if (!day) return std::nullopt;
  return finish(cursor, *year, *month, *day, 'T');
}

std::optional<DayNumber> parse_us(Cursor cursor) {
  const auto month = cursor.number(1, 2);
  if (!month || !cursor.accept('/')) return std::nullopt;
  const auto day = cursor.number(1, 2);
  if (!day || !cursor.accept('/')) return std::nullopt;
  const auto year = cursor.number(4, 4);
  if (!year) return std::nullopt;
  return finish(cursor, *year, *month, *day, ' ');
}

}  // namespace

std::optional<DayNumber> parse_order_date(std::string_view text) {
  text = trim_spaces(text);
  if (text.size() >= 5 && text[4] == '-') return parse_iso(Cursor(text));
  return parse_us(Cursor(text));
}

}  // namespace tierlens
