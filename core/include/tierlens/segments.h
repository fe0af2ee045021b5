// The 11 named RFM segments, placed on a 5 × 5 grid of R score × FM score, where
// FM = (F + M) / 2 rounded half up. With other bin counts the scores are first mapped onto
// the 1..5 grid (grid_score), so the same segment names keep the same meaning.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tierlens {

enum class Segment : std::uint8_t {
  kChampions,
  kLoyalCustomers,
  kPotentialLoyalists,
  kRecentCustomers,
  kPromising,
  kCustomersNeedingAttention,
  kAboutToSleep,
  kAtRisk,
  kCantLoseThem,
  kHibernating,
  kLost,
};
inline constexpr int kSegmentCount = 11;

/// "Champions", "Can't Lose Them" …
const char* segment_name(Segment segment);

/// The grid cells of a segment, each "R then FM" on the 1..5 grid, e.g. {"55", "54", "45"}.
const std::vector<std::string>& segment_cells(Segment segment);

/// (F + M) / 2 rounded half up.
int fm_score(int f_score, int m_score);

/// A score 1..bins placed on the 1..5 grid: 1 + round_half_up((score − 1) · 4 / (bins − 1)).
/// Identity for 5 bins; for 3 bins 1, 2, 3 → 1, 3, 5; for 4 bins 1..4 → 1, 2, 4, 5.
int grid_score(int score, int bins);

/// The segment of a grid cell (both scores already on the 1..5 grid).
Segment segment_for_cell(int r_grid, int fm_grid);

/// One sentence saying how scores of `bins` bins are placed on the 5 × 5 grid.
std::string grid_mapping_description(int bins);

}  // namespace tierlens
