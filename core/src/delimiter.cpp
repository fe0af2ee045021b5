#include "tierlens/delimiter.h"

namespace tierlens {

char detect_delimiter(std::string_view header_record, char quote) {
  constexpr char kCandidates[] = {',', ';', '\t', '|'};  // in order of preference on a tie
  int counts[4] = {0, 0, 0, 0};
  bool in_quotes = false;
  for (const char c : header_record) {
    if (c == quote) in_quotes = !in_quotes;
    if (in_quotes) continue;
    for (int i = 0; i < 4; ++i) counts[i] += c == kCandidates[i];
  }
  int best = 0;
  for (int i = 1; i < 4; ++i) {
    if (counts[i] > counts[best]) best = i;
  }
  return kCandidates[best];
}

const char* delimiter_name(char delimiter) {
  switch (delimiter) {
    case ',': return "comma";
    case ';': return "semicolon";
    case '\t': return "tab";
    case '|': return "pipe";
  }
  return "other";
}

char detect_quote(std::string_view head, char delimiter) {
  // Naive fields (split on the delimiter and line breaks): single-quoted ones wrapped whole
  // (a field holding the delimiter only makes the count smaller), double-quoted ones opening.
  std::size_t single_quoted_lines = 0, double_quoted = 0;
  std::size_t line_start = 0;
  constexpr std::size_t kLinesLookedAt = 50;
  for (std::size_t line = 0; line < kLinesLookedAt && line_start < head.size(); ++line) {
    std::size_t line_end = head.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = head.size();
    std::string_view text = head.substr(line_start, line_end - line_start);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    bool single_here = false;
    std::size_t field_start = 0;
    while (field_start <= text.size()) {
      std::size_t field_end = text.find(delimiter, field_start);
      if (field_end == std::string_view::npos) field_end = text.size();
      const std::string_view field = text.substr(field_start, field_end - field_start);
      if (field.size() >= 2 && field.front() == '\'' && field.back() == '\'') single_here = true;
      if (!field.empty() && field.front() == '"') ++double_quoted;  // may hold the delimiter
      field_start = field_end + 1;
    }
    single_quoted_lines += single_here ? 1 : 0;
    line_start = line_end + 1;
  }
  return single_quoted_lines >= 2 && double_quoted == 0 ? '\'' : '"';
}

}  // namespace tierlens
