#include "tierlens/amount_text.h"

#include <utility>

#include "tierlens/text.h"

namespace tierlens {
namespace {

/// Full-width forms (what Chinese input methods type) and other look-alikes, as ASCII.
std::string to_ascii_forms(std::string_view text) {
  static const std::pair<std::string_view, char> kForms[] = {
      {"\xEF\xBC\x8B", '+'}, {"\xEF\xBC\x8D", '-'}, {"\xE2\x88\x92", '-'},  // ＋ － −
      {"\xEF\xBC\x8E", '.'}, {"\xEF\xBC\x8C", ','},                         // ． ，
      {"\xEF\xBC\x88", '('}, {"\xEF\xBC\x89", ')'},                         // （ ）
      {"\xE3\x80\x80", ' '}, {"\xC2\xA0", ' '},                             // ideographic, no-break space
  };
  std::string out;
  out.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    // ０..９ are EF BC 90..99.
    if (text.compare(at, 2, "\xEF\xBC") == 0 && at + 2 < text.size()) {
      const auto third = static_cast<unsigned char>(text[at + 2]);
      if (third >= 0x90 && third <= 0x99) {
        out += static_cast<char>('0' + (third - 0x90));
        at += 3;
        continue;
      }
    }
    bool replaced = false;
    for (const auto& [form, ascii] : kForms) {
      if (text.compare(at, form.size(), form) == 0) {
        out += ascii;
        at += form.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) out += text[at++];
  }
  return out;
}

bool remove_prefix(std::string_view& text, std::string_view prefix, bool ignore_case = false) {
  if (text.size() < prefix.size()) return false;
  const std::string_view head = text.substr(0, prefix.size());
  if (ignore_case ? ascii_lower(head) != ascii_lower(prefix) : head != prefix) return false;
  text.remove_prefix(prefix.size());
  return true;
}

bool remove_suffix(std::string_view& text, std::string_view suffix, bool ignore_case = false) {
  if (text.size() < suffix.size()) return false;
  const std::string_view tail = text.substr(text.size() - suffix.size());
  if (ignore_case ? ascii_lower(tail) != ascii_lower(suffix) : tail != suffix) return false;
  text.remove_suffix(suffix.size());
  return true;
}

/// Strips one currency sign or code from either end, with the spaces next to it.
void remove_currency(std::string_view& text) {
  static const std::string_view kSigns[] = {"\xEF\xBF\xA5", "\xC2\xA5", "$", "\xE2\x82\xAC", "\xC2\xA3", "元"};
  static const std::string_view kCodes[] = {"CNY", "RMB", "USD", "EUR", "GBP", "HKD", "JPY"};
  for (const std::string_view sign : kSigns) {
    if (remove_prefix(text, sign) || remove_suffix(text, sign)) {
      text = trim_spaces(text);
      return;
    }
  }
  for (const std::string_view code : kCodes) {
    if (remove_prefix(text, code, true) || remove_suffix(text, code, true)) {
      text = trim_spaces(text);
      return;
    }
  }
}

/// "1,234,567.8" → "1234567.8" with `group` the thousands separator and `point` the decimal
/// mark; nullopt when a separator is not between groups of three digits.
std::optional<std::string> plain_digits(std::string_view text, char group, char point) {
  const std::size_t mark = std::min(text.find(point), text.size());
  const std::string_view whole = text.substr(0, mark), fraction = text.substr(mark);
  std::string out;
  std::size_t run = 0;  // digits since the last separator
  bool grouped = false;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    const char c = whole[i];
    if (c == group || (c == ' ' && group != ' ')) {
      if (run == 0 || (grouped && run != 3) || (!grouped && run > 3)) return std::nullopt;
      grouped = true;
      run = 0;
      continue;
    }
    if (!is_ascii_digit(c)) return std::nullopt;
    out += c;
    ++run;
  }
  if (grouped && run != 3) return std::nullopt;
  if (!fraction.empty()) {
    out += '.';
    for (const char c : fraction.substr(1)) {
      if (!is_ascii_digit(c)) return std::nullopt;
      out += c;
    }
  }
  return out;
}

/// True when `text` has only what a plain decimal has (digits, a sign, and a point when the
/// point is the decimal mark): such a cell reads the same through parse_decimal alone, which
/// is how nearly every exported amount is read, without the copies the general path makes.
bool is_plain_decimal(std::string_view text, DecimalMark mark) {
  for (const char c : text) {
    if (!is_ascii_digit(c) && c != '-' && c != '+' && !(c == '.' && mark == DecimalMark::kPoint)) return false;
  }
  return true;
}

}  // namespace

const char* decimal_mark_key(DecimalMark mark) { return mark == DecimalMark::kPoint ? "point" : "comma"; }

std::string accepted_amount_formats(DecimalMark mark) {
  return std::string("a number such as ") +
         (mark == DecimalMark::kPoint ? "1234.56, 1,234.56" : "1234,56, 1.234,56") +
         ", -3 or (3.00), with or without a currency sign or code";
}

std::optional<Decimal> parse_amount(std::string_view raw, DecimalMark mark) {
  if (is_plain_decimal(raw, mark)) return parse_decimal(raw);
  const std::string ascii = to_ascii_forms(raw);
  std::string_view text = trim_spaces(ascii);
  bool negative = false;
  if (text.size() >= 2 && text.front() == '(' && text.back() == ')') {
    negative = true;
    text = trim_spaces(text.substr(1, text.size() - 2));
  }
  const auto take_sign = [&] {
    if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
      if (text.front() == '-') negative = !negative;
      text = trim_spaces(text.substr(1));
      return true;
    }
    return false;
  };
  const bool signed_before = take_sign();  // "-¥12"
  remove_currency(text);
  if (!signed_before) take_sign();  // "¥-12"
  if (text.empty()) return std::nullopt;
  const auto digits = mark == DecimalMark::kPoint ? plain_digits(text, ',', '.') : plain_digits(text, '.', ',');
  if (!digits) return std::nullopt;
  std::optional<Decimal> value = parse_decimal(*digits);
  if (value && negative) value->mantissa = -value->mantissa;
  return value;
}

DecimalMarkGuess guess_decimal_mark(const std::vector<std::string>& values) {
  DecimalMarkGuess comma, point;
  for (const std::string& value : values) {
    const std::string ascii = to_ascii_forms(value);
    const std::string_view text = trim_spaces(ascii);
    const std::size_t last_comma = text.rfind(','), last_point = text.rfind('.');
    const auto digits_after = [&](std::size_t at) {
      std::size_t n = 0;
      while (at + 1 + n < text.size() && is_ascii_digit(text[at + 1 + n])) ++n;
      return n;
    };
    const bool comma_last = last_comma != std::string_view::npos &&
                            (last_point == std::string_view::npos || last_comma > last_point);
    const bool point_last = last_point != std::string_view::npos &&
                            (last_comma == std::string_view::npos || last_point > last_comma);
    // A mark followed by other than three digits, or after the other mark, is the decimal one.
    if (comma_last && (digits_after(last_comma) != 3 || last_point != std::string_view::npos)) {
      if (comma.example.empty()) comma.example = std::string(text);
    } else if (point_last && (digits_after(last_point) != 3 || last_comma != std::string_view::npos)) {
      if (point.example.empty()) point.example = std::string(text);
    }
  }
  if (!comma.example.empty() && point.example.empty()) {
    comma.mark = DecimalMark::kComma;
    return comma;
  }
  return point;
}

}  // namespace tierlens
