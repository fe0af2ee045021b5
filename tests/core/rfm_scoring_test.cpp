#include "tierlens/rfm_scoring.h"

#include <gtest/gtest.h>

namespace tierlens {
namespace {

using Values = std::vector<double>;

void expect_breakpoints(const Values& actual, const Values& expected) {
  ASSERT_EQ(actual.size(), expected.size());
  for (std::size_t i = 0; i < actual.size(); ++i) EXPECT_DOUBLE_EQ(actual[i], expected[i]) << i;
}

TEST(Quantile, Type7MatchesHandComputedValues) {
  // h = (n − 1)·p; Q = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]) on 1, 5, 9, 24, 38.
  const Values sorted{1, 5, 9, 24, 38};
  EXPECT_DOUBLE_EQ(quantile_type7(sorted, 1, 5), 4.2);
  EXPECT_DOUBLE_EQ(quantile_type7(sorted, 2, 5), 7.4);
  EXPECT_DOUBLE_EQ(quantile_type7(sorted, 3, 5), 15.0);
  EXPECT_DOUBLE_EQ(quantile_type7(sorted, 4, 5), 26.8);
  EXPECT_DOUBLE_EQ(quantile_type7(sorted, 0, 5), 1.0);
  EXPECT_DOUBLE_EQ(quantile_type7(sorted, 5, 5), 38.0);
  EXPECT_DOUBLE_EQ(quantile_type7({7}, 1, 2), 7.0);
}

TEST(Quantile, IndexIsExactWhereFloatingPointWouldMissIt) {
  // 7 values at 1/3 and 2/3: h = 2 and 4 exactly, so the breakpoints are the values
  // themselves, exactly, and customers holding them score as "not above".
  const Values sorted{10, 20, 30, 40, 50, 60, 70};
  EXPECT_EQ(quantile_type7(sorted, 1, 3), 30.0);
  EXPECT_EQ(quantile_type7(sorted, 2, 3), 50.0);
  for (int n = 2; n <= 9; ++n) {
    for (int k = 0; k <= n; ++k) {
      // (N − 1)·k/n is whole whenever n divides (N − 1)·k; with N − 1 = n·6 it always is.
      Values many;
      for (int v = 0; v <= n * 6; ++v) many.push_back(v * 1.1);
      EXPECT_EQ(quantile_type7(many, k, n), many[static_cast<std::size_t>(6 * k)]) << k << "/" << n;
    }
  }
}

TEST(Quantile, BreakpointsSortTheirInput) {
  expect_breakpoints(quantile_breakpoints({4, 1, 3, 2}, 4), {1.75, 2.5, 3.25});
  EXPECT_TRUE(quantile_breakpoints({}, 5).empty());
}

TEST(Scoring, HigherIsBetterForFrequencyAndMonetary) {
  const Values breaks{10, 20, 30, 40};
  EXPECT_EQ(rfm_score(RfmMetric::kFrequency, 5, breaks, 5), 1);
  EXPECT_EQ(rfm_score(RfmMetric::kFrequency, 10, breaks, 5), 1);  // equal is not greater
  EXPECT_EQ(rfm_score(RfmMetric::kFrequency, 10.5, breaks, 5), 2);
  EXPECT_EQ(rfm_score(RfmMetric::kMonetary, 40, breaks, 5), 4);
  EXPECT_EQ(rfm_score(RfmMetric::kMonetary, 41, breaks, 5), 5);
}

TEST(Scoring, FewerDaysIsBetterForRecency) {
  const Values breaks{10, 20, 30, 40};
  EXPECT_EQ(rfm_score(RfmMetric::kRecency, 0, breaks, 5), 5);
  EXPECT_EQ(rfm_score(RfmMetric::kRecency, 10, breaks, 5), 5);
  EXPECT_EQ(rfm_score(RfmMetric::kRecency, 11, breaks, 5), 4);
  EXPECT_EQ(rfm_score(RfmMetric::kRecency, 400, breaks, 5), 1);
}

TEST(Scoring, TiesAlwaysGetEqualScores) {
  // Ten customers, values with many repeats: equal values must share a score.
  const Values values{3, 3, 3, 7, 7, 7, 7, 9, 12, 12};
  // Sorted: 3 3 3 7 7 7 7 9 12 12; h = 9·k/5 = 1.8, 3.6, 5.4, 7.2.
  const Values breaks = quantile_breakpoints(values, 5);
  expect_breakpoints(breaks, {3, 7, 7, 9.6});
  for (std::size_t a = 0; a < values.size(); ++a) {
    for (std::size_t b = 0; b < values.size(); ++b) {
      if (values[a] == values[b]) {
        EXPECT_EQ(rfm_score(RfmMetric::kMonetary, values[a], breaks, 5),
                  rfm_score(RfmMetric::kMonetary, values[b], breaks, 5));
      }
    }
  }
  EXPECT_EQ(rfm_score(RfmMetric::kMonetary, 3, breaks, 5), 1);
  EXPECT_EQ(rfm_score(RfmMetric::kMonetary, 7, breaks, 5), 2);
  EXPECT_EQ(rfm_score(RfmMetric::kMonetary, 9, breaks, 5), 4);
  EXPECT_EQ(rfm_score(RfmMetric::kMonetary, 12, breaks, 5), 5);
}

TEST(Scoring, AMetricWhereMostCustomersShareOneValue) {
  // 8 of 10 customers ordered once: the lower breakpoints collapse onto 1, and all of those
  // customers get F = 1 together rather than being spread over bins by their position.
  const Values frequency{1, 1, 1, 1, 1, 1, 1, 1, 2, 6};
  const Values breaks = quantile_breakpoints(frequency, 5);
  expect_breakpoints(breaks, {1, 1, 1, 1.2});
  EXPECT_EQ(rfm_score(RfmMetric::kFrequency, 1, breaks, 5), 1);
  EXPECT_EQ(rfm_score(RfmMetric::kFrequency, 2, breaks, 5), 5);
  EXPECT_EQ(rfm_score(RfmMetric::kFrequency, 6, breaks, 5), 5);
}

TEST(Scoring, ThreeBins) {
  const Values breaks = quantile_breakpoints({1, 2, 3, 4, 5, 6, 7}, 3);  // 3, 5
  expect_breakpoints(breaks, {3, 5});
  EXPECT_EQ(rfm_score(RfmMetric::kMonetary, 3, breaks, 3), 1);
  EXPECT_EQ(rfm_score(RfmMetric::kMonetary, 4, breaks, 3), 2);
  EXPECT_EQ(rfm_score(RfmMetric::kMonetary, 6, breaks, 3), 3);
  EXPECT_EQ(rfm_score(RfmMetric::kRecency, 6, breaks, 3), 1);
}

}  // namespace
}  // namespace tierlens
