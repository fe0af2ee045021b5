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

}  // namespace tierlens
