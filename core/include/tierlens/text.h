// Small byte-level text helpers shared by the readers. Locale-independent on purpose: the
// same bytes must give the same answer natively and in WebAssembly.
#pragma once

#include <string>
#include <string_view>

namespace tierlens {

inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

inline bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

/// Strips ASCII spaces and tabs from both ends (exports often pad cells). Inline: the reader
/// calls it on every cell it reads.
inline std::string_view trim_spaces(std::string_view text) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t'; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

/// ASCII lower-case; other bytes (e.g. UTF-8 Chinese) are kept as they are.
std::string ascii_lower(std::string_view text);

/// A number as people write it: up to `max_decimals` (0..6) decimals, no trailing zeros
/// ("12", "0.25", "100").
std::string format_number(double value, int max_decimals = 6);

}  // namespace tierlens
