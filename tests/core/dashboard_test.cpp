#include "tierlens/dashboard.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_support.h"

namespace tierlens {
namespace {

using testing::classify_text;

// Six customers, 3 bins, analysis date 2024-01-31, worked by hand:
//   customer  orders (day: amount)            region  R    F  M      scores R F M
//   P         01-20: 400, 01-30: 600          North   1    2  1000   3 3 3
//   Q         01-25: 300                      North   6    1  300    2 1 2
//   R         01-01: 250, 01-10: 150, 01-15: 100  South 16  3  500    2 3 3
//   S         2023-12-01: 100                 South   61   1  100    1 1 2
//   T         01-29: 60                       East    2    1  60     3 1 1
//   U         01-05: 50, 01-06: −80 (return)  (none)  26   1  −30    1 1 1
// Breakpoints (type 7 at 1/3, 2/3; h = 5/3, 10/3): R on 1 2 6 16 26 61 → 4.67, 19.33;
// F on 1 1 1 1 2 3 → 1, 1.33; M on −30 60 100 300 500 1000 → 86.67, 366.67.
// Net revenue 1930; positive revenue 1960 (U holds none).
// ABC by revenue 70/20: P (nothing above) A, R (1000/1960 = 51 % above) A, Q (1500 = 76.5 %) B,
// S, T C, U (no positive revenue) C.
// Tiers: Top (abc = A): P, R; North (region = North): Q; Rest: S, T, U.
constexpr const char* kOrders =
    "customer_id,order_date,amount,region\n"
    "P,2024-01-20,400,North\n"
    "P,2024-01-30,600,North\n"
    "Q,2024-01-25,300,North\n"
    "R,2024-01-01,250,South\n"
    "R,2024-01-10,150,South\n"
    "R,2024-01-15,100,South\n"
    "S,2023-12-01,100,South\n"
    "T,2024-01-29,60,East\n"
    "U,2024-01-05,50,\n"
    "U,2024-01-06,-80,\n";

constexpr const char* kPolicy = R"({
  "tierlens_policy": 1,
  "name": "dashboard fixture",
  "analysis_date": "2024-01-31",
  "rfm": {"bins": 3},
  "dimensions": [
    {"id": "abc", "name": "ABC", "type": "abc", "by": "revenue", "cuts": [70, 20], "labels": ["A", "B", "C"]}
  ],
  "tiers": [
    {"name": "Top", "when": {"field": "abc", "op": "=", "value": "A"}},
    {"name": "North", "when": {"field": "region", "op": "=", "value": "North"}},
    {"name": "Rest"}
  ]
})";

constexpr Micros units(std::int64_t value) { return value * kMicrosPerUnit; }

class DashboardOfSixCustomers : public ::testing::Test {
 protected:
  void SetUp() override {
    result_ = classify_text(kOrders, kPolicy);
    ASSERT_EQ(result_.customer_count(), 6u);
    dashboard_ = compute_dashboard(result_);
  }
  Classification result_;
  Dashboard dashboard_;
};

TEST_F(DashboardOfSixCustomers, RfmGridCountsCustomersAndRevenuePerRAndFScore) {
  const RfmGrid& grid = dashboard_.rfm_grid;
  ASSERT_EQ(grid.bins, 3);
  ASSERT_EQ(grid.cells.size(), 9u);
  const auto cell = [&](int r, int f) { return grid.cells[(r - 1) * 3 + (f - 1)]; };
  // (1,1): S and U; (2,1): Q; (2,3): R; (3,1): T; (3,3): P.
  EXPECT_EQ(cell(1, 1).customers, 2u);
  EXPECT_EQ(cell(1, 1).revenue, units(70));
  EXPECT_EQ(cell(2, 1).customers, 1u);
  EXPECT_EQ(cell(2, 1).revenue, units(300));
  EXPECT_EQ(cell(2, 3).revenue, units(500));
  EXPECT_EQ(cell(3, 1).revenue, units(60));
  EXPECT_EQ(cell(3, 3).revenue, units(1000));
  for (const auto& [r, f] : {std::pair{1, 2}, {1, 3}, {2, 2}, {3, 2}}) EXPECT_EQ(cell(r, f).customers, 0u);
}

TEST_F(DashboardOfSixCustomers, LorenzCurveRanksByMonetaryAndCountsOnlyPositiveRevenue) {
  const LorenzCurve& curve = dashboard_.lorenz;
  EXPECT_EQ(curve.customers, 6u);
  EXPECT_EQ(curve.revenue, units(1960));
  // Fewer than 100 customers: each count once, from none to all.
  ASSERT_EQ(curve.points.size(), 7u);
  const Micros expected[] = {0, 1000, 1500, 1800, 1900, 1960, 1960};
  for (std::size_t k = 0; k < 7; ++k) {
    EXPECT_EQ(curve.points[k].customers, k);
    EXPECT_EQ(curve.points[k].revenue, units(expected[k])) << k;
  }
}

TEST_F(DashboardOfSixCustomers, AbcCutsAreThePolicysOwnWithTheShareOfCustomersAndRevenueAboveThem) {
  ASSERT_EQ(dashboard_.abc_cuts.size(), 1u);
  const AbcCuts& abc = dashboard_.abc_cuts[0];
  EXPECT_EQ(abc.dimension_id, "abc");
  ASSERT_EQ(abc.cuts.size(), 2u);
  EXPECT_EQ(abc.cuts[0].label, "A");
  EXPECT_EQ(abc.cuts[0].percent, 70);
  EXPECT_EQ(abc.cuts[0].customers, 2u);  // P and R
  EXPECT_EQ(abc.cuts[0].revenue, units(1500));
  EXPECT_EQ(abc.cuts[1].label, "B");
  EXPECT_EQ(abc.cuts[1].percent, 90);
  EXPECT_EQ(abc.cuts[1].customers, 3u);  // and Q
  EXPECT_EQ(abc.cuts[1].revenue, units(1800));
}

TEST_F(DashboardOfSixCustomers, HistogramsHaveNiceEdges) {
  // Recency 1 2 6 16 26 61 to its maximum: steps of 5 need 13 bins, so 10.
  const Histogram& recency = dashboard_.recency;
  EXPECT_EQ(recency.edges, (std::vector<std::int64_t>{0, 10, 20, 30, 40, 50, 60, 70}));
  EXPECT_EQ(recency.counts, (std::vector<std::uint64_t>{3, 1, 1, 0, 0, 0, 1}));
  EXPECT_EQ(recency.tail, 0u);
  EXPECT_FALSE(recency.tail_cut);
  EXPECT_EQ(recency.p99, 61);
  // Frequency 1 1 1 1 2 3: one bin per order count.
  EXPECT_EQ(dashboard_.frequency.edges, (std::vector<std::int64_t>{1, 2, 3, 4}));
  EXPECT_EQ(dashboard_.frequency.counts, (std::vector<std::uint64_t>{4, 1, 1}));
  // Monetary −30 … 1000: steps of 50 need 22 bins, 100 need 12 (from −100).
  const Histogram& monetary = dashboard_.monetary;
  ASSERT_EQ(monetary.edges.size(), 13u);
  EXPECT_EQ(monetary.edges.front(), units(-100));
  EXPECT_EQ(monetary.edges.back(), units(1100));
  EXPECT_EQ(monetary.counts, (std::vector<std::uint64_t>{1, 1, 1, 0, 1, 0, 1, 0, 0, 0, 0, 1}));
  EXPECT_EQ(monetary.min, units(-30));
  EXPECT_EQ(monetary.max, units(1000));
}

TEST_F(DashboardOfSixCustomers, RegionBreakdownIsByRevenueWithCustomersPerTierAndNoValueLast) {
  ASSERT_EQ(dashboard_.breakdowns.size(), 1u);  // region; customer_name has no column
  const Breakdown& region = dashboard_.breakdowns[0];
  EXPECT_EQ(region.field, "region");
  EXPECT_EQ(region.name, "region");
  EXPECT_EQ(region.distinct, 3u);
  EXPECT_FALSE(region.skipped);
  ASSERT_EQ(region.groups.size(), 4u);
  const auto expect_group = [](const BreakdownGroup& group, const std::string& value, std::uint64_t customers,
                               Micros revenue, std::vector<std::uint64_t> tiers) {
    EXPECT_EQ(group.value, value);
    EXPECT_EQ(group.totals.customers, customers) << value;
    EXPECT_EQ(group.totals.revenue, revenue) << value;
    EXPECT_EQ(group.tier_customers, tiers) << value;
  };
  expect_group(region.groups[0], "North", 2, units(1300), {1, 1, 0});
  expect_group(region.groups[1], "South", 2, units(600), {1, 0, 1});
  expect_group(region.groups[2], "East", 1, units(60), {0, 0, 1});
  EXPECT_EQ(region.groups[3].kind, BreakdownGroup::Kind::kNone);
  expect_group(region.groups[3], "", 1, units(-30), {0, 0, 1});
}

TEST_F(DashboardOfSixCustomers, TierSegmentsSplitEachTierByRfmSegment) {
  ASSERT_EQ(dashboard_.tier_segments.size(), 3u);
  // Top: P (R 3 → 5, FM 3 → 5: Champions) and R (R 2 → 3, FM 3 → 5: Loyal Customers).
  const auto& top = dashboard_.tier_segments[0];
  EXPECT_EQ(top[static_cast<int>(Segment::kChampions)].revenue, units(1000));
  EXPECT_EQ(top[static_cast<int>(Segment::kLoyalCustomers)].revenue, units(500));
  std::uint64_t in_top = 0, in_rest = 0;
  for (const SegmentTotals& cell : top) in_top += cell.customers;
  for (const SegmentTotals& cell : dashboard_.tier_segments[2]) in_rest += cell.customers;
  EXPECT_EQ(in_top, 2u);
  EXPECT_EQ(in_rest, 3u);
}

TEST_F(DashboardOfSixCustomers, JsonCarriesTheFiguresInUnitsAndShares) {
  const auto json = nlohmann::json::parse(dashboard_json(result_));
  EXPECT_EQ(json["customers"], 6);
  EXPECT_DOUBLE_EQ(json["revenue"].get<double>(), 1930);
  const auto& cell11 = json["rfm_grid"]["cells"][0];
  EXPECT_EQ(cell11["r"], 1);
  EXPECT_EQ(cell11["f"], 1);
  EXPECT_EQ(cell11["customers"], 2);
  EXPECT_DOUBLE_EQ(cell11["mean_monetary"].get<double>(), 35);
  EXPECT_TRUE(json["rfm_grid"]["cells"][1]["mean_monetary"].is_null());  // (1,2) is empty
  const auto& point = json["lorenz"]["points"][2];
  EXPECT_DOUBLE_EQ(point["customer_share"].get<double>(), 2.0 / 6);
  EXPECT_DOUBLE_EQ(point["revenue_share"].get<double>(), 1500.0 / 1960);
  const auto& cut = json["abc_cuts"][0]["cuts"][0];
  EXPECT_EQ(cut["label"], "A");
  EXPECT_EQ(json["abc_cuts"][0]["by"], "revenue");
  EXPECT_DOUBLE_EQ(cut["customer_share"].get<double>(), 2.0 / 6);
  EXPECT_DOUBLE_EQ(cut["revenue_share"].get<double>(), 1500.0 / 1960);
  const auto& monetary = json["histograms"]["monetary"];
  EXPECT_EQ(monetary["unit"], "money");
  EXPECT_DOUBLE_EQ(monetary["edges"][0].get<double>(), -100);
  EXPECT_DOUBLE_EQ(monetary["min"].get<double>(), -30);
  const auto& north = json["breakdowns"][0]["groups"][0];
  EXPECT_EQ(north["value"], "North");
  EXPECT_DOUBLE_EQ(north["revenue_share"].get<double>(), 1300.0 / 1930);
  EXPECT_EQ(north["tiers"], nlohmann::json({1, 1, 0}));
  EXPECT_EQ(json["breakdowns"][0]["groups"][3]["kind"], "none");
  EXPECT_EQ(json["tier_segments"][0]["tier"], "Top");
  EXPECT_EQ(json["tier_segments"][0]["segments"][0]["segment"], "Champions");
}

TEST(Dashboard, WithoutAnAbcDimensionThereAreNoCuts) {
  const Classification result = classify_text(kOrders, R"({"tierlens_policy": 1, "rfm": {"bins": 3}})");
  const Dashboard dashboard = compute_dashboard(result);
  EXPECT_TRUE(dashboard.abc_cuts.empty());
  EXPECT_TRUE(dashboard.tier_segments.empty());
  EXPECT_TRUE(dashboard.breakdowns.empty());  // nothing asked for region
}

/// One customer per region R01…R`count`, customer k spending k × 100 with one order.
std::string one_customer_per_region(int count) {
  std::string csv = "customer_id,order_date,amount,region\n";
  for (int k = 1; k <= count; ++k) {
    const std::string id = (k < 10 ? "R0" : "R") + std::to_string(k);
    csv += "C" + id + ",2024-01-01," + std::to_string(k * 100) + "," + id + "\n";
  }
  return csv;
}

constexpr const char* kRegionPolicy = R"({"tierlens_policy": 1,
  "tiers": [{"name": "North", "when": {"field": "region", "op": "=", "value": "R01"}}, {"name": "Rest"}]})";

TEST(Dashboard, PastTwelveValuesTheLeastRevenueIsMergedIntoOther) {
  const Dashboard dashboard = compute_dashboard(classify_text(one_customer_per_region(14), kRegionPolicy));
  ASSERT_EQ(dashboard.breakdowns.size(), 1u);
  const Breakdown& region = dashboard.breakdowns[0];
  EXPECT_EQ(region.distinct, 14u);
  ASSERT_EQ(region.groups.size(), 13u);
  EXPECT_EQ(region.groups[0].value, "R14");
  EXPECT_EQ(region.groups[11].value, "R03");
  const BreakdownGroup& other = region.groups[12];
  EXPECT_EQ(other.kind, BreakdownGroup::Kind::kOther);
  EXPECT_EQ(other.distinct, 2u);  // R02 and R01
  EXPECT_EQ(other.totals.customers, 2u);
  EXPECT_EQ(other.totals.revenue, units(300));
  EXPECT_EQ(other.tier_customers, (std::vector<std::uint64_t>{1, 1}));
}

TEST(Dashboard, AnAttributeWithTooManyValuesIsSkippedAndSaysHowMany) {
  const Dashboard dashboard = compute_dashboard(classify_text(one_customer_per_region(61), kRegionPolicy));
  ASSERT_EQ(dashboard.breakdowns.size(), 1u);
  EXPECT_TRUE(dashboard.breakdowns[0].skipped);
  EXPECT_EQ(dashboard.breakdowns[0].distinct, 61u);
  EXPECT_TRUE(dashboard.breakdowns[0].groups.empty());
}

TEST(Dashboard, HeavyTailedMonetaryIsBinnedToItsNinetyNinthPercentilePlusATail) {
  // 99 customers spending 1 … 99, one spending 10,000: p99 (the 99th of 100) is 99.
  std::string csv = "customer_id,order_date,amount\n";
  for (int k = 1; k <= 99; ++k) csv += "C" + std::to_string(k) + ",2024-01-01," + std::to_string(k) + "\n";
  csv += "BIG,2024-01-01,10000\n";
  const Dashboard dashboard = compute_dashboard(classify_text(csv, R"({"tierlens_policy": 1})"));
  const Histogram& monetary = dashboard.monetary;
  EXPECT_TRUE(monetary.tail_cut);
  EXPECT_EQ(monetary.p99, units(99));
  // 1 … 99 in steps of 10 (5 would need 20 bins): 0, 10, …, 100.
  ASSERT_EQ(monetary.edges.size(), 11u);
  EXPECT_EQ(monetary.edges.front(), 0);
  EXPECT_EQ(monetary.edges.back(), units(100));
  EXPECT_EQ(monetary.counts.front(), 9u);  // 1 … 9
  EXPECT_EQ(monetary.counts.back(), 10u);  // 90 … 99
  EXPECT_EQ(monetary.tail, 1u);            // 10,000
  // 100 customers: a Lorenz point at every percent, the top 1 % holding 10,000 of 14,950.
  ASSERT_EQ(dashboard.lorenz.points.size(), 101u);
  EXPECT_EQ(dashboard.lorenz.points[1].customers, 1u);
  EXPECT_EQ(dashboard.lorenz.points[1].revenue, units(10000));
  EXPECT_EQ(dashboard.lorenz.revenue, units(14950));
}

TEST(Dashboard, NoCustomersGiveEmptyFigures) {
  const Dashboard dashboard = compute_dashboard(Classification{});
  EXPECT_EQ(dashboard.customers, 0u);
  EXPECT_TRUE(dashboard.recency.edges.empty());
  ASSERT_EQ(dashboard.lorenz.points.size(), 1u);
  EXPECT_EQ(dashboard.lorenz.points[0].customers, 0u);
  EXPECT_EQ(dashboard.rfm_grid.cells.size(), 25u);
}

}  // namespace
}  // namespace tierlens
