// The `clusters` dimension through a whole run: groups found, described in words, usable in
// tier rules, the same every time; and the policy's checks on it.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>

#include "test_support.h"
#include "tierlens/cluster_features.h"
#include "tierlens/reports.h"

namespace tierlens {
namespace {

using testing::classify_text;

/// Three groups of ten customers an analyst would tell apart at a glance, as of 2024-12-31:
/// B* bought 20 times for 500 each in December; L* bought once for 10, a year ago; M* bought
/// 5 times for 60 each in the summer.
std::string three_groups_csv() {
  std::string csv = "customer_id,date,amount,employees\n";
  for (int c = 0; c < 10; ++c) {
    const std::string n = std::to_string(c);
    for (int order = 0; order < 20; ++order) {
      csv += "B" + n + ",2024-12-" + (order + 1 < 10 ? "0" : "") + std::to_string(order + 1) + ",500," +
             (c < 5 ? std::to_string(100 + c) : "") + "\n";
    }
    csv += "L" + n + ",2024-01-0" + std::to_string(1 + c % 9) + ",10,\n";
    for (int order = 0; order < 5; ++order) {
      csv += "M" + n + ",2024-07-1" + std::to_string(order) + ",60,\n";
    }
  }
  return csv;
}

const char* kPolicy = R"({"tierlens_policy": 1, "analysis_date": "2024-12-31",
  "dimensions": [{"id": "cluster", "type": "clusters", "k_min": 2, "k_max": 6}],
  "tiers": [{"name": "best", "when": {"field": "cluster", "op": "contains", "value": "high spend"}},
            {"name": "rest"}]})";

std::map<char, std::set<std::string>> labels_by_group(const Classification& result) {
  std::map<char, std::set<std::string>> labels;
  const DimensionResult& clusters = result.dimensions.at(0);
  for (std::size_t c = 0; c < result.customer_count(); ++c) {
    labels[result.ingest.customers.id[c][0]].insert(result.label(clusters, c));
  }
  return labels;
}

TEST(ClustersDimension, FindsTheThreeGroupsAndNamesThemByTheirCentres) {
  const Classification result = classify_text(three_groups_csv(), kPolicy);
  ASSERT_EQ(result.dimensions.size(), 1u);
  const DimensionResult& clusters = result.dimensions[0];
  ASSERT_TRUE(clusters.clusters);
  EXPECT_TRUE(clusters.clusters->k_chosen);
  EXPECT_EQ(clusters.clusters->clusters.size(), 3u) << "silhouette chose another k";
  EXPECT_EQ(clusters.clusters->choices.size(), 5u);  // k = 2 … 6
  const auto labels = labels_by_group(result);
  for (const char group : {'B', 'L', 'M'}) {
    EXPECT_EQ(labels.at(group).size(), 1u) << group << " is split";
  }
  EXPECT_NE(labels.at('B'), labels.at('L'));
  EXPECT_NE(labels.at('B'), labels.at('M'));
  EXPECT_NE(labels.at('L'), labels.at('M'));
  // Recency counts days since the last purchase: B's is low, so B is "recent".
  EXPECT_NE(labels.at('B').begin()->find("recent, frequent, high spend"), std::string::npos)
      << *labels.at('B').begin();
  EXPECT_NE(labels.at('L').begin()->find("lapsed"), std::string::npos) << *labels.at('L').begin();
  // Each cluster's mean is the members' figures as read: B spent 20 × 500.
  for (std::size_t k = 0; k < clusters.labels.size(); ++k) {
    if (clusters.labels[k] == *labels.at('B').begin()) {
      EXPECT_DOUBLE_EQ(clusters.clusters->clusters[k].mean[2], 10'000);
      EXPECT_DOUBLE_EQ(clusters.clusters->clusters[k].mean[1], 20);
    }
  }
  // The label is usable in tier rules.
  for (std::size_t c = 0; c < result.customer_count(); ++c) {
    EXPECT_EQ(result.options.tiers[result.tier_of[c]].name, result.ingest.customers.id[c][0] == 'B' ? "best" : "rest");
  }
}

TEST(ClustersDimension, TheSameInputGivesTheSameLabelsByteForByte) {
  const Classification first = classify_text(three_groups_csv(), kPolicy);
  const Classification second = classify_text(three_groups_csv(), kPolicy);
  EXPECT_EQ(customers_csv(first), customers_csv(second));
  EXPECT_EQ(summary_json(first), summary_json(second));
}

TEST(ClustersDimension, AGivenKIsUsedAndCustomersWithoutAFeatureGetTheMissingLabel) {
  // Only B0 … B4 have an employee count.
  const Classification result = classify_text(three_groups_csv(), R"({"tierlens_policy": 1,
      "analysis_date": "2024-12-31",
      "dimensions": [{"id": "cluster", "type": "clusters", "features": ["employees", "monetary"], "k": 2,
                      "words": "zh", "missing": "无数据"}]})");
  const DimensionResult& clusters = result.dimensions.at(0);
  ASSERT_TRUE(clusters.clusters);
  EXPECT_FALSE(clusters.clusters->k_chosen);
  EXPECT_EQ(clusters.clusters->clustered, 5u);
  EXPECT_EQ(clusters.clusters->clusters.size(), 2u);
  std::size_t missing = 0;
  for (std::size_t c = 0; c < result.customer_count(); ++c) missing += result.label(clusters, c) == "无数据";
  EXPECT_EQ(missing, 25u);
  EXPECT_EQ(clusters.labels.back(), "无数据");
}

TEST(ClustersDimension, TooFewCustomersIsAWarningNotAFailure) {
  const Classification result = classify_text("customer_id,date,amount\nA,2024-01-01,5\nB,2024-01-02,6\n",
                                               R"({"tierlens_policy": 1,
      "dimensions": [{"id": "cluster", "type": "clusters", "k": 3}]})");
  const DimensionResult& clusters = result.dimensions.at(0);
  EXPECT_EQ(clusters.labels, std::vector<std::string>{"未知"});
  ASSERT_FALSE(clusters.warnings.empty());
  EXPECT_NE(clusters.warnings[0].find("2 customers have every feature"), std::string::npos) << clusters.warnings[0];
}

TEST(ClustersDimension, ThePolicyRefusesWhatCannotBeClustered) {
  const auto refused = [](const std::string& dimension) {
    ClassifyOptions options;
    const Status status = parse_policy_json(R"({"tierlens_policy": 1, "dimensions": [)" + dimension + "]}", options);
    return status.ok() ? std::string() : status.message();
  };
  EXPECT_EQ(refused(R"({"id": "c", "type": "clusters", "k": 1})"),
            "dimensions[0].k: expected a whole number from 2 to 20, got 1");
  EXPECT_EQ(refused(R"({"id": "c", "type": "clusters", "k_min": 5, "k_max": 3})"),
            "dimensions[0].k_max: expected a whole number from 5 to 20, got 3");
  EXPECT_EQ(refused(R"({"id": "c", "type": "clusters", "features": []})"),
            "dimensions[0].features: expected at least one numeric field, e.g. [\"recency\", \"frequency\", \"monetary\"]");
  EXPECT_EQ(refused(R"({"id": "seg", "type": "rfm_segments"}, {"id": "c", "type": "clusters", "features": ["seg"]})"),
            "dimensions[1].features[0]: \"seg\" is a dimension: its labels are texts, expected a numeric field "
            "(a metric such as monetary, or a numeric column)");
  EXPECT_EQ(refused(R"({"id": "c", "type": "clusters", "words": "fr"})"), "dimensions[0].words: expected one of en, zh");
}

TEST(ClusterFeatures, ThePrincipalProjectionKeepsTheSpreadOfTwoDimensions) {
  // Points on the line y = x (standardised): the first axis carries everything, the second
  // nothing, and distances along the line are kept.
  const std::vector<double> points = {-1, -1, 0, 0, 1, 1};
  const std::vector<double> xy = principal_projection(points, 2);
  ASSERT_EQ(xy.size(), 6u);
  EXPECT_NEAR(xy[0], -std::sqrt(2.0), 1e-12);
  EXPECT_NEAR(xy[4], std::sqrt(2.0), 1e-12);
  for (std::size_t p = 0; p < 3; ++p) EXPECT_NEAR(xy[2 * p + 1], 0, 1e-12);
}

TEST(ClusterFeatures, AScatterSampleIsEvenlySpread) {
  EXPECT_EQ(scatter_sample(10, 4), (std::vector<std::uint32_t>{0, 2, 5, 7}));
  EXPECT_EQ(scatter_sample(3, 10), (std::vector<std::uint32_t>{0, 1, 2}));
}

}  // namespace
}  // namespace tierlens
