// Tiers (core/POLICY.md "Tiers") from a rule list over two dimensions, on five customers worked
// out by hand: one tier each, totals, the explanation, and the warning for a label that no
// dimension gives.
#include "tierlens/tiers.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "test_support.h"
#include "tierlens/policy_json.h"

namespace tierlens {
namespace {

using testing::classify_text;
using testing::run_session;

// Revenue 500 + 200 + 150 + 100 + 50 = 1000. value: ABC by revenue, cuts [70, 20]:
//   A 500 (0 % above) 高价值   B 200 (50 %) 高价值   C 150 (70 %, not below 70) 中价值
//   D 100 (85 %) 中价值        E 50 (95 %) 低价值
// scale: employees ≥ 1000 大型, ≥ 100 中型, else 小型; E has none → 未知.
//   A 2000 大型   B 300 中型   C 5000 大型   D 50 小型   E — 未知
// Tiers, first that holds: 战略客户 (高价值 and 大型): A; 重点客户 (高价值 or 大型): B, C;
// 普通客户: D, E.
constexpr const char* kOrders =
    "order_id,customer_id,order_date,amount,employees\n"
    "1,A,2024-06-01,300,2000\n"
    "2,A,2024-06-15,200,2000\n"
    "3,B,2024-05-01,200,300\n"
    "4,C,2024-04-01,150,5000\n"
    "5,D,2024-06-20,100,50\n"
    "6,E,2024-06-20,50,\n";

constexpr const char* kDimensions = R"(
    "dimensions": [
      {"id": "value", "type": "abc", "by": "revenue", "cuts": [70, 20], "labels": ["高价值", "中价值", "低价值"]},
      {"id": "scale", "type": "bands", "field": "employees",
       "bands": [{"label": "大型", "min": 1000}, {"label": "中型", "min": 100}, {"label": "小型"}]}
    ])";

std::string policy_with_tiers(const std::string& tiers) {
  return R"({"tierlens_policy": 1, "analysis_date": "2024-07-01", )" + std::string(kDimensions) +
         R"(, "tiers": )" + tiers + "}";
}

constexpr const char* kTiers = R"([
  {"name": "战略客户", "when": {"all": [{"field": "value", "op": "=", "value": "高价值"},
                                      {"field": "scale", "op": "=", "value": "大型"}]},
   "strategy": {"service_level": "专属客户经理", "discount": "8%"}},
  {"name": "重点客户", "when": {"any": [{"field": "value", "op": "=", "value": "高价值"},
                                      {"field": "scale", "op": "=", "value": "大型"}]}},
  {"name": "普通客户"}
])";

std::string tier_name(const Classification& result, std::size_t customer) {
  return result.options.tiers[result.tier_of[customer]].name;
}

std::size_t index_of(const Classification& result, const std::string& id) {
  const auto& ids = result.ingest.customers.id;
  return static_cast<std::size_t>(std::find(ids.begin(), ids.end(), id) - ids.begin());
}

TEST(Tiers, FirstTierThatHoldsWinsAndEveryCustomerHasOne) {
  const Classification result = classify_text(kOrders, policy_with_tiers(kTiers));
  ASSERT_EQ(result.customer_count(), 5u);
  ASSERT_EQ(result.tier_of.size(), 5u);
  std::map<std::string, std::string> tiers;
  for (std::size_t i = 0; i < 5; ++i) tiers[result.ingest.customers.id[i]] = tier_name(result, i);
  EXPECT_EQ(tiers, (std::map<std::string, std::string>{
                       {"A", "战略客户"}, {"B", "重点客户"}, {"C", "重点客户"}, {"D", "普通客户"}, {"E", "普通客户"}}));
  EXPECT_EQ(result.options.tiers[0].strategy.discount, "8%");
}

TEST(Tiers, TotalsPerTierAddUpToTheWhole) {
  const Classification result = classify_text(kOrders, policy_with_tiers(kTiers));
  ASSERT_EQ(result.tier_totals.size(), 3u);
  EXPECT_EQ(result.tier_totals[0].customers, 1u);
  EXPECT_EQ(result.tier_totals[0].revenue, 500 * kMicrosPerUnit);
  EXPECT_EQ(result.tier_totals[1].customers, 2u);
  EXPECT_EQ(result.tier_totals[1].revenue, 350 * kMicrosPerUnit);  // 200 + 150
  EXPECT_EQ(result.tier_totals[2].customers, 2u);
  EXPECT_EQ(result.tier_totals[2].revenue, 150 * kMicrosPerUnit);  // 100 + 50
  EXPECT_EQ(result.revenue, 1000 * kMicrosPerUnit);
  EXPECT_TRUE(result.warnings.empty());
}

TEST(Tiers, RuleTextAndExplanations) {
  const Classification result = classify_text(kOrders, policy_with_tiers(kTiers));
  ASSERT_EQ(result.customer_count(), 5u);
  EXPECT_EQ(tier_rule_text(result.options.tiers[0]), "value = 高价值 and scale = 大型");
  EXPECT_EQ(tier_rule_text(result.options.tiers[1]), "value = 高价值 or scale = 大型");
  EXPECT_EQ(tier_rule_text(result.options.tiers[2]), "otherwise");

  const std::string a = explain_tier(result, index_of(result, "A"));
  EXPECT_NE(a.find("value = 高价值 and scale = 大型"), std::string::npos) << a;
  EXPECT_NE(a.find("(value = 高价值, scale = 大型)"), std::string::npos) << a;  // the facts
  EXPECT_NE(a.find("战略客户"), std::string::npos) << a;

  // C is 中价值 but 大型: the facts show both values the rule looked at.
  const std::string c = explain_tier(result, index_of(result, "C"));
  EXPECT_NE(c.find("value = 中价值, scale = 大型"), std::string::npos) << c;
  EXPECT_NE(c.find("重点客户"), std::string::npos) << c;

  EXPECT_EQ(explain_tier(result, index_of(result, "E")), "no earlier tier's rule holds → 普通客户.");
}

TEST(Tiers, TiersOnAMetricAndAnAttributeDirectly) {
  // employees between 100 and 2000 (both ends): A (2000), B (300); E has no value.
  const Classification result = classify_text(kOrders, policy_with_tiers(R"([
      {"name": "mid", "when": {"field": "employees", "op": "between", "value": [100, 2000]}},
      {"name": "recent", "when": {"field": "recency", "op": "<=", "value": 11}},
      {"name": "rest"}])"));
  ASSERT_EQ(result.customer_count(), 5u);
  // Recency: D and E 06-20 → 11 days; C 04-01 → 91.
  EXPECT_EQ(tier_name(result, index_of(result, "A")), "mid");
  EXPECT_EQ(tier_name(result, index_of(result, "B")), "mid");
  EXPECT_EQ(tier_name(result, index_of(result, "C")), "rest");
  EXPECT_EQ(tier_name(result, index_of(result, "D")), "recent");
  EXPECT_EQ(tier_name(result, index_of(result, "E")), "recent");
}

TEST(Tiers, ALabelNoDimensionGivesIsWarnedAbout) {
  // "高价值客户" is not a label of value (高价值, 中价值, 低价值): the tier can never hold.
  const Classification result = classify_text(kOrders, policy_with_tiers(R"([
      {"name": "战略客户", "when": {"all": [{"field": "value", "op": "=", "value": "高价值客户"},
                                          {"field": "scale", "op": "in", "value": ["大型", "特大型"]}]}},
      {"name": "普通客户"}])"));
  ASSERT_EQ(result.customer_count(), 5u);
  EXPECT_EQ(result.tier_totals.at(0).customers, 0u);
  EXPECT_EQ(result.tier_totals.at(1).customers, 5u);
  ASSERT_EQ(result.warnings.size(), 2u);
  for (const auto& [label, dimension] : {std::pair<std::string, std::string>{"高价值客户", "value"},
                                         std::pair<std::string, std::string>{"特大型", "scale"}}) {
    const std::string expected = "\"" + label + "\" is not a label of " + dimension;
    bool found = false;
    for (const std::string& warning : result.warnings) {
      if (warning.find(expected) != std::string::npos && warning.rfind("tiers[0]", 0) == 0) found = true;
    }
    EXPECT_TRUE(found) << expected;
  }
  const std::string& value_warning = result.warnings[0];
  EXPECT_NE(value_warning.find("高价值, 中价值, 低价值"), std::string::npos) << value_warning;
  EXPECT_NE(value_warning.find("never holds"), std::string::npos) << value_warning;
}

TEST(Tiers, NoTiersMeansNoTierAssignment) {
  const Classification result =
      classify_text(kOrders, R"({"tierlens_policy": 1, "analysis_date": "2024-07-01", )" + std::string(kDimensions) + "}");
  ASSERT_EQ(result.customer_count(), 5u);
  EXPECT_TRUE(result.tier_of.empty());
  EXPECT_TRUE(result.tier_totals.empty());
}

}  // namespace
}  // namespace tierlens
