#include "tierlens/segments.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace tierlens {
namespace {

TEST(Segments, EveryCellOfTheGrid) {
  // The table, typed out again independently of segments.cpp.
  const std::map<std::string, std::string> expected = {
      {"55", "Champions"}, {"54", "Champions"}, {"45", "Champions"},
      {"53", "Loyal Customers"}, {"44", "Loyal Customers"}, {"35", "Loyal Customers"},
      {"34", "Loyal Customers"},
      {"52", "Potential Loyalists"}, {"42", "Potential Loyalists"},
      {"33", "Potential Loyalists"}, {"43", "Potential Loyalists"},
      {"51", "Recent Customers"},
      {"41", "Promising"}, {"31", "Promising"},
      {"32", "Customers Needing Attention"}, {"23", "Customers Needing Attention"},
      {"22", "Customers Needing Attention"},
      {"21", "About to Sleep"},
      {"25", "At Risk"}, {"24", "At Risk"}, {"13", "At Risk"},
      {"15", "Can't Lose Them"}, {"14", "Can't Lose Them"},
      {"12", "Hibernating"},
      {"11", "Lost"},
  };
  ASSERT_EQ(expected.size(), 25u);
  for (int r = 1; r <= 5; ++r) {
    for (int fm = 1; fm <= 5; ++fm) {
      const std::string cell = std::to_string(r) + std::to_string(fm);
      EXPECT_EQ(segment_name(segment_for_cell(r, fm)), expected.at(cell)) << "cell " << cell;
    }
  }
}

TEST(Segments, CellsListedPerSegmentCoverTheGridOnce) {
  int cells = 0;
  for (int s = 0; s < kSegmentCount; ++s) {
    for (const std::string& cell : segment_cells(static_cast<Segment>(s))) {
      ++cells;
      EXPECT_EQ(static_cast<int>(segment_for_cell(cell[0] - '0', cell[1] - '0')), s) << cell;
    }
  }
  EXPECT_EQ(cells, 25);
}

TEST(Segments, FmIsTheMeanRoundedHalfUp) {
  EXPECT_EQ(fm_score(1, 1), 1);
  EXPECT_EQ(fm_score(1, 2), 2);  // 1.5 → 2
  EXPECT_EQ(fm_score(4, 5), 5);  // 4.5 → 5
  EXPECT_EQ(fm_score(1, 5), 3);
  EXPECT_EQ(fm_score(2, 5), 4);  // 3.5 → 4
}

TEST(Segments, OtherBinCountsMapOntoTheFiveGrid) {
  EXPECT_EQ(grid_score(3, 5), 3);
  EXPECT_EQ(grid_score(1, 3), 1);
  EXPECT_EQ(grid_score(2, 3), 3);
  EXPECT_EQ(grid_score(3, 3), 5);
  EXPECT_EQ(grid_score(1, 4), 1);
  EXPECT_EQ(grid_score(2, 4), 2);  // 2.33 → 2
  EXPECT_EQ(grid_score(3, 4), 4);  // 3.67 → 4
  EXPECT_EQ(grid_score(4, 4), 5);
  EXPECT_EQ(grid_score(2, 2), 5);
  EXPECT_EQ(grid_score(5, 9), 3);  // 1 + 2 = 3
  EXPECT_EQ(grid_mapping_description(4),
            "R and FM scores 1..4 are placed on the 5×5 grid as 1 + round_half_up((score − 1) × "
            "4 / 3): 1→1, 2→2, 3→4, 4→5");
}

}  // namespace
}  // namespace tierlens
