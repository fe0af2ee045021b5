#include "xlsx_number_format.h"

namespace tierlens {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

/// [h], [hh], [m], [mm], [s], [ss]: a count of hours, minutes or seconds.
bool is_elapsed_time_bracket(std::string_view inside) {
  if (inside.empty()) return false;
  const char unit = lower(inside[0]);
  if (unit != 'h' && unit != 'm' && unit != 's') return false;
  for (const char c : inside) {
    if (lower(c) != unit) return false;
  }
  return true;
}

}  // namespace

bool is_builtin_date_format(int id) {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || id == 45 || id == 47 ||
         (id >= 50 && id <= 58);
}

bool is_date_format_code(std::string_view code) {
  bool has_date_part = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') {
      const std::size_t close = code.find('"', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
    } else if (c == '[') {
      const std::size_t close = code.find(']', i + 1);
      if (close == std::string_view::npos) break;
      if (is_elapsed_time_bracket(code.substr(i + 1, close - i - 1))) return false;
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is shown literally (or is padding)
    } else {
      const char letter = lower(c);
      if (letter == 'd' || letter == 'm' || letter == 'y' || letter == 'h' || letter == 's')
        has_date_part = true;
    }
  }
  return has_date_part;
}

}  // namespace tierlens
