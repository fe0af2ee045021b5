#include "tierlens/order_date.h"

#include <algorithm>

#include "tierlens/text.h"

namespace tierlens {
namespace {

/// A left-to-right reader over the cell; each step either consumes what it expects or fails.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  bool at_end() const { return pos_ == text_.size(); }
  std::string_view rest() const { return text_.substr(pos_); }

  bool accept(char c) {
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  bool accept(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  /// One of `choices`, answered; 0 when none is next.
  char accept_any(std::string_view choices) {
    if (pos_ < text_.size() && choices.find(text_[pos_]) != std::string_view::npos) return text_[pos_++];
    return 0;
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

/// `H:MM[:SS[.fff]]` with an optional ` AM`/` PM`, up to the end of the cell.
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
  if (cursor.at_end()) return true;
  cursor.accept(' ');
  const std::string meridiem = ascii_lower(cursor.rest());
  return (meridiem == "am" || meridiem == "pm") && *hour >= 1 && *hour <= 12;
}

std::optional<DayNumber> finish(Cursor& cursor, int year, int month, int day) {
  if (!is_valid_civil_date(year, month, day)) return std::nullopt;
  if (!cursor.at_end()) {
    if (!(cursor.accept(' ') || cursor.accept('T')) && !is_ascii_digit(cursor.rest()[0])) {
      return std::nullopt;
    }
    if (!accept_time_of_day(cursor)) return std::nullopt;
  }
  return days_from_civil(year, month, day);
}

/// `YYYY-M-D`, `YYYY/M/D`, `YYYY.M.D` (one separator throughout), or `YYYY年M月D日`.
std::optional<DayNumber> parse_year_first(Cursor cursor) {
  const auto year = cursor.number(4, 4);
  if (!year) return std::nullopt;
  if (cursor.accept("年")) {
    const auto month = cursor.number(1, 2);
    if (!month || !cursor.accept("月")) return std::nullopt;
    const auto day = cursor.number(1, 2);
    if (!day || !cursor.accept("日")) return std::nullopt;
    return finish(cursor, *year, *month, *day);
  }
  const char separator = cursor.accept_any("-/.");
  if (!separator) return std::nullopt;
  const auto month = cursor.number(1, 2);
  if (!month || !cursor.accept(separator)) return std::nullopt;
  const auto day = cursor.number(1, 2);
  if (!day) return std::nullopt;
  return finish(cursor, *year, *month, *day);
}

/// The two leading numbers of `A/B/YYYY` (or with `.` or `-`), and the year.
struct YearLast {
  int first, second, year;
};

std::optional<YearLast> read_year_last(Cursor& cursor) {
  const auto first = cursor.number(1, 2);
  if (!first) return std::nullopt;
  const char separator = cursor.accept_any("/.-");
  if (!separator) return std::nullopt;
  const auto second = cursor.number(1, 2);
  if (!second || !cursor.accept(separator)) return std::nullopt;
  const auto year = cursor.number(4, 4);
  if (!year) return std::nullopt;
  return YearLast{*first, *second, *year};
}

std::optional<DayNumber> parse_year_last(Cursor cursor, DateOrder order) {
  const auto parts = read_year_last(cursor);
  if (!parts) return std::nullopt;
  const bool month_first = order == DateOrder::kMonthFirst;
  return finish(cursor, parts->year, month_first ? parts->first : parts->second,
                month_first ? parts->second : parts->first);
}

/// `YYYYMMDD`, or an Excel serial day number with an optional fraction of a day.
std::optional<DayNumber> parse_digits(std::string_view text) {
  const std::size_t point = text.find('.');
  const std::string_view whole = text.substr(0, point);
  if (whole.empty() || whole.size() > 8) return std::nullopt;
  for (const char c : whole) {
    if (!is_ascii_digit(c)) return std::nullopt;
  }
  if (point != std::string_view::npos) {
    const std::string_view fraction = text.substr(point + 1);
    if (fraction.empty()) return std::nullopt;
    for (const char c : fraction) {
      if (!is_ascii_digit(c)) return std::nullopt;
    }
  }
  int value = 0;
  for (const char c : whole) value = value * 10 + (c - '0');
  if (whole.size() == 8 && point == std::string_view::npos) {
    const int year = value / 10000, month = value / 100 % 100, day = value % 100;
    if (year < 1900 || !is_valid_civil_date(year, month, day)) return std::nullopt;
    return days_from_civil(year, month, day);
  }
  // Excel counts days from 1899-12-30 (day 60 is its fictitious 1900-02-29); serials from
  // 1901 on are unambiguous, smaller numbers are more likely a mistake than a date.
  if (whole.size() > 7 || value < 367 || value > 2958465) return std::nullopt;
  return days_from_civil(1899, 12, 30) + value;
}

/// True when `text` ends with `suffix`, ignoring ASCII case.
bool ends_with_ignoring_case(std::string_view text, std::string_view suffix) {
  if (text.size() < suffix.size()) return false;
  const std::string_view tail = text.substr(text.size() - suffix.size());
  for (std::size_t i = 0; i < suffix.size(); ++i) {
    const char c = tail[i];
    if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != suffix[i]) return false;
  }
  return true;
}

/// The length of the weekday `text` ends with ("星期五", "周一", "Tue", "monday"), or 0.
std::size_t trailing_weekday(std::string_view text) {
  static constexpr std::string_view kChinesePrefixes[] = {"星期", "礼拜", "周"};
  static constexpr std::string_view kChineseDays[] = {"一", "二", "三", "四", "五", "六", "日", "天"};
  static constexpr std::string_view kEnglishDays[] = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
      "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"};
  for (const std::string_view day : kChineseDays) {
    if (!ends_with(text, day)) continue;
    const std::string_view before = text.substr(0, text.size() - day.size());
    for (const std::string_view prefix : kChinesePrefixes) {
      if (ends_with(before, prefix)) return prefix.size() + day.size();
    }
  }
  std::size_t longest = 0;
  for (const std::string_view day : kEnglishDays) {
    if (ends_with_ignoring_case(text, day) &&
        (text.size() == day.size() || !is_ascii_alpha(text[text.size() - day.size() - 1]))) {
      longest = std::max(longest, day.size());
    }
  }
  return longest;
}

/// Point-of-sale exports append the weekday: "2018-01-01 星期五", "2024-03-05 (Tue)". It
/// says nothing the date does not, so it is dropped unchecked: the date is what the row
/// records, and a weekday that disagrees (a shifted teaching dataset) must not lose the row.
std::string_view without_weekday(std::string_view text) {
  // Nearly every date ends in a digit: those cost one comparison, not a search.
  if (text.empty() || is_ascii_digit(text.back())) return text;
  std::string_view rest = text;
  bool bracketed = false;
  for (const std::string_view close : {")", "）"}) {
    if (ends_with(rest, close)) {
      rest.remove_suffix(close.size());
      bracketed = true;
      break;
    }
  }
  const std::size_t weekday = trailing_weekday(rest);
  if (weekday == 0) return text;
  rest.remove_suffix(weekday);
  if (bracketed) {
    bool opened = false;
    for (const std::string_view open : {"(", "（"}) {
      if (!opened && ends_with(rest, open)) {
        rest.remove_suffix(open.size());
        opened = true;
      }
    }
    if (!opened) return text;
  }
  rest = trim_spaces(rest);
  // Only a weekday after a date: "Sun" alone, or glued to other words, is not one.
  if (rest.empty() || (!is_ascii_digit(rest.back()) && !ends_with(rest, "日"))) return text;
  return rest;
}

}  // namespace

const char* date_order_key(DateOrder order) {
  return order == DateOrder::kMonthFirst ? "month_first" : "day_first";
}

std::optional<DateOrder> parse_date_order(std::string_view text) {
  const std::string key = ascii_lower(trim_spaces(text));
  if (key == "month_first" || key == "mdy" || key == "m/d/y") return DateOrder::kMonthFirst;
  if (key == "day_first" || key == "dmy" || key == "d/m/y") return DateOrder::kDayFirst;
  return std::nullopt;
}

std::string accepted_date_formats(DateOrder order) {
  return std::string("a date such as YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYY年M月D日, YYYYMMDD, ") +
         (order == DateOrder::kMonthFirst ? "M/D/YYYY (month first)" : "D/M/YYYY (day first)") +
         " or an Excel day number, with or without a time";
}

std::optional<DayNumber> parse_order_date(std::string_view text, DateOrder order) {
  text = without_weekday(trim_spaces(text));
  if (const auto day = parse_year_first(Cursor(text))) return day;
  if (const auto day = parse_year_last(Cursor(text), order)) return day;
  return parse_digits(text);
}

DateOrderGuess guess_date_order(const std::vector<std::string>& values) {
  std::size_t day_first = 0, month_first = 0, year_last = 0;
  std::string day_first_example, month_first_example;
  for (const std::string& value : values) {
    Cursor cursor(trim_spaces(value));
    const auto parts = read_year_last(cursor);
    if (!parts) continue;
    ++year_last;
    if (parts->first > 12 && parts->second <= 12) {
      if (day_first++ == 0) day_first_example = std::string(trim_spaces(value));
    } else if (parts->second > 12 && parts->first <= 12) {
      if (month_first++ == 0) month_first_example = std::string(trim_spaces(value));
    }
  }
  DateOrderGuess guess;
  if (year_last == 0) return guess;
  if (day_first == 0 && month_first == 0) {
    guess.basis = DateOrderGuess::Basis::kAmbiguous;
    return guess;
  }
  guess.basis = day_first > 0 && month_first > 0 ? DateOrderGuess::Basis::kConflicting
                                                 : DateOrderGuess::Basis::kEvidence;
  guess.order = day_first > month_first ? DateOrder::kDayFirst : DateOrder::kMonthFirst;
  guess.example = guess.order == DateOrder::kDayFirst ? day_first_example : month_first_example;
  return guess;
}

}  // namespace tierlens
