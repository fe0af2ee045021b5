#include "tierlens/segments.h"

#include <array>

namespace tierlens {
namespace {

struct SegmentDefinition {
  const char* name;
  std::vector<std::string> cells;
};

const std::array<SegmentDefinition, kSegmentCount>& definitions() {
  static const std::array<SegmentDefinition, kSegmentCount> kDefinitions = {{
      {"Champions", {"55", "54", "45"}},
      {"Loyal Customers", {"53", "44", "35", "34"}},
      {"Potential Loyalists", {"52", "42", "33", "43"}},
      {"Recent Customers", {"51"}},
      {"Promising", {"41", "31"}},
      {"Customers Needing Attention", {"32", "23", "22"}},
      {"About to Sleep", {"21"}},
      {"At Risk", {"25", "24", "13"}},
      {"Can't Lose Them", {"15", "14"}},
      {"Hibernating", {"12"}},
      {"Lost", {"11"}},
  }};
  return kDefinitions;
}

/// The 25 cells indexed [r − 1][fm − 1], built once from the definitions above so that the
/// table a reader checks and the lookup the code uses cannot disagree.
const std::array<std::array<Segment, 5>, 5>& grid() {
  static const auto kGrid = [] {
    std::array<std::array<Segment, 5>, 5> cells{};
    for (int s = 0; s < kSegmentCount; ++s) {
      for (const std::string& cell : definitions()[s].cells) {
        cells[cell[0] - '1'][cell[1] - '1'] = static_cast<Segment>(s);
      }
    }
    return cells;
  }();
  return kGrid;
}

}  // namespace

const char* segment_name(Segment segment) {
  return definitions()[static_cast<int>(segment)].name;
}

const std::vector<std::string>& segment_cells(Segment segment) {
  return definitions()[static_cast<int>(segment)].cells;
}

int fm_score(int f_score, int m_score) { return (f_score + m_score + 1) / 2; }

int grid_score(int score, int bins) {
  if (bins == 5) return score;
  // round_half_up(x / d) = floor((2x + d) / (2d)) with x = (score − 1)·4, d = bins − 1.
  const int numerator = (score - 1) * 4;
  const int denominator = bins - 1;
  return 1 + (2 * numerator + denominator) / (2 * denominator);
}

Segment segment_for_cell(int r_grid, int fm_grid) { return grid()[r_grid - 1][fm_grid - 1]; }

std::string grid_mapping_description(int bins) {
  if (bins == 5) return "scores 1..5 are the grid cells themselves";
  std::string mapping;
  for (int score = 1; score <= bins; ++score) {
    if (!mapping.empty()) mapping += ", ";
    mapping += std::to_string(score) + "→" + std::to_string(grid_score(score, bins));
  }
  return "R and FM scores 1.." + std::to_string(bins) +
         " are placed on the 5×5 grid as 1 + round_half_up((score − 1) × 4 / " +
         std::to_string(bins - 1) + "): " + mapping;
}

}  // namespace tierlens
