// The CDNOW 1/10 sample as lifetimes ships it (2,357 customers, 39 weeks of calibration), read
// in place from ../shared/data/cdnow-lifetimes; never copied into the repository.
#pragma once

#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace tierlens::testing {

/// A CSV of numbers under a header row, by column name.
using NumericColumns = std::map<std::string, std::vector<double>>;

/// The columns of `relative` under ../shared/data, or nothing when the file is not there.
inline std::optional<NumericColumns> read_cdnow_csv(const std::string& relative) {
  std::ifstream in(shared_data_path(relative));
  if (!in) return std::nullopt;
  std::string line;
  const auto next_line = [&] {
    if (!std::getline(in, line)) return false;
    if (!line.empty() && line.back() == '\r') line.pop_back();  // the files end lines in CRLF
    return true;
  };
  next_line();
  std::vector<std::string> names;
  std::istringstream header(line);
  for (std::string name; std::getline(header, name, ',');) names.push_back(name);
  NumericColumns columns;
  while (next_line()) {
    if (line.empty()) continue;
    std::istringstream row(line);
    std::string cell;
    for (std::size_t i = 0; i < names.size() && std::getline(row, cell, ','); ++i) {
      columns[names[i]].push_back(std::strtod(cell.c_str(), nullptr));
    }
  }
  return columns;
}

inline const char* kCdnowMissing =
    "cdnow-lifetimes not found under ../shared/data (set TIERLENS_SHARED_DATA); the published "
    "CDNOW figures were not checked";

}  // namespace tierlens::testing
