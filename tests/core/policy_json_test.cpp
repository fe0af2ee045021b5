// The policy document: read strictly, written canonically, refused with the path of the
// mistake, never half-read.
#include <gtest/gtest.h>

#include "tierlens/policy_json.h"
#include "tierlens/presets.h"

namespace tierlens {
namespace {

std::string error_of(const std::string& json) {
  ClassifyOptions options;
  const Status status = parse_policy_json(json, options);
  EXPECT_EQ(status.code(), ErrorCode::kInvalidOptions) << json;
  return status.message();
}

/// A valid version-1 policy with `body` spliced in after the version key.
std::string policy(const std::string& body) {
  return R"({"tierlens_policy": 1)" + (body.empty() ? "" : ", " + body) + "}";
}

TEST(PolicyJson, ReadsEverySetting) {
  ClassifyOptions options;
  ASSERT_TRUE(parse_policy_json(policy(R"(
      "name": "季度分级", "analysis_date": "2024-03-10",
      "columns": {"customer_id": "Kunde", "order_id": ""},
      "attributes": {"employees": "员工人数"},
      "returns": {"cancelled_order_prefix": "C"},
      "rfm": {"bins": 4, "breakpoints": {"recency": [30, 90, 180]}},
      "dimensions": [
        {"id": "scale", "name": "规模", "type": "bands", "field": "employees",
         "bands": [{"label": "大型", "min": 1000}, {"label": "小型"}]},
        {"id": "region", "type": "mapping", "field": "province", "builtin": "china_regions",
         "table": {"Zhuhai": "华南", "Macau": "港澳"}, "enabled": false}
      ],
      "tiers": [
        {"name": "重点", "when": {"field": "scale", "op": "=", "value": "大型"},
         "strategy": {"discount": "5%"}},
        {"name": "普通"}
      ])"), options).ok());
  EXPECT_EQ(options.name, "季度分级");
  EXPECT_EQ(options.bins, 4);
  EXPECT_EQ(options.analysis_date, days_from_civil(2024, 3, 10));
  EXPECT_EQ(options.columns[ColumnRole::kCustomerId], "Kunde");
  EXPECT_EQ(options.columns[ColumnRole::kOrderId], "");
  EXPECT_FALSE(options.columns[ColumnRole::kDate].has_value());
  EXPECT_EQ(options.recency_breakpoints, (std::vector<double>{30, 90, 180}));
  EXPECT_EQ(options.cancelled_order_prefix, "C");
  ASSERT_EQ(options.attribute_columns.size(), 1u);
  EXPECT_EQ(options.attribute_columns[0].second, "员工人数");
  ASSERT_EQ(options.dimensions.size(), 2u);
  const auto& bands = std::get<BandsSpec>(options.dimensions[0].spec);
  EXPECT_EQ(bands.bands[0].min, 1000);
  EXPECT_FALSE(bands.bands[1].min.has_value());
  EXPECT_EQ(bands.missing_label, "未知");  // the default
  const auto& mapping = std::get<MappingSpec>(options.dimensions[1].spec);
  EXPECT_FALSE(options.dimensions[1].enabled);
  EXPECT_EQ(options.dimensions[1].name, "region");  // no name: the id
  // The user's order of table entries is kept (JSON objects are unordered to most parsers).
  ASSERT_EQ(mapping.table.size(), 2u);
  EXPECT_EQ(mapping.table[0].first, "Zhuhai");
  ASSERT_EQ(options.tiers.size(), 2u);
  EXPECT_EQ(options.tiers[0].strategy.discount, "5%");
  EXPECT_FALSE(options.tiers[1].when.has_value());
}

TEST(PolicyJson, EveryPresetRoundTripsThroughItsCanonicalForm) {
  for (const Preset& preset : presets()) {
    ClassifyOptions first;
    ASSERT_TRUE(load_preset(preset.id, first).ok()) << preset.id;
    const std::string text = policy_json_text(first);
    ClassifyOptions second;
    const Status status = parse_policy_json(text, second);
    ASSERT_TRUE(status.ok()) << preset.id << ": " << status.message();
    EXPECT_EQ(policy_json_text(second), text) << preset.id;
  }
}

TEST(PolicyJson, CanonicalFormWritesTheDefaults) {
  ClassifyOptions options;
  ASSERT_TRUE(parse_policy_json(policy(R"("dimensions": [{"id": "life", "type": "lifecycle"}])"), options).ok());
  const auto json = policy_to_json(options);
  EXPECT_EQ(json["rfm"]["bins"], 5);
  EXPECT_TRUE(json["analysis_date"].is_null());
  EXPECT_EQ(json["returns"]["cancelled_order_prefix"], "");
  const auto& life = json["dimensions"][0];
  EXPECT_EQ(life["new_days"], 90);
  EXPECT_EQ(life["lost_days"], 365);
  EXPECT_EQ(life["labels"]["at_risk"], "预警客户");
  EXPECT_EQ(life["enabled"], true);
}

TEST(PolicyJson, RefusesUnknownOrMissingVersions) {
  EXPECT_EQ(error_of("{}"),
            "tierlens_policy: missing; expected the policy format version, \"tierlens_policy\": 1");
  EXPECT_EQ(error_of(R"({"tierlens_policy": 2})"),
            "tierlens_policy: this TierLens reads policy format version 1, got 2 (written by a newer TierLens)");
  EXPECT_EQ(error_of(R"({"tierlens_policy": "1"})"),
            "tierlens_policy: this TierLens reads policy format version 1, got \"1\"");
  EXPECT_EQ(error_of("{not json"), "policy: not valid JSON");
  EXPECT_EQ(error_of("[1, 2]"), "policy: expected a JSON object");
}

TEST(PolicyJson, NamesThePathOfEveryMistake) {
  EXPECT_EQ(error_of(policy(R"("colums": {})")),
            "colums: unknown key; expected one of tierlens_policy, name, analysis_date, columns, "
            "customer_table, attributes, returns, rfm, clv, dimensions, tiers");
  EXPECT_EQ(error_of(policy(R"("rfm": {"bins": 12})")), "rfm.bins: expected a whole number from 2 to 9, got 12");
  EXPECT_EQ(error_of(policy(R"("rfm": {"bins": "5"})")), "rfm.bins: expected a whole number");
  EXPECT_EQ(error_of(policy(R"("rfm": {"breakpoints": {"recency": [30, 90]}})")),
            "rfm.breakpoints.recency: expected 4 values for 5 bins, got 2");
  EXPECT_EQ(error_of(policy(R"("analysis_date": "10/03/2024")")),
            "analysis_date: expected a date as YYYY-MM-DD, or null");
  EXPECT_EQ(error_of(policy(R"("columns": {"client": "x"})")),
            "columns.client: unknown key; expected one of customer_id, order_id, date, amount, "
            "quantity, unit_price");
  EXPECT_EQ(error_of(policy(R"("attributes": {"employees": 5})")), "attributes.employees: expected a text");
  EXPECT_EQ(error_of(policy(R"("dimensions": [{"id": "x", "type": "pyramid"}])")),
            "dimensions[0].type: unknown type \"pyramid\"; expected rfm_segments, rfm_classes, abc, "
            "bands, mapping, lifecycle, score, tree, rules, clv or clusters");
  EXPECT_EQ(error_of(policy(R"("dimensions": [{"type": "abc"}])")), "dimensions[0].id: missing; expected a text");
  EXPECT_EQ(error_of(policy(R"("dimensions": [{"id": "x", "type": "abc", "cut": [5]}])")),
            "dimensions[0].cut: unknown key; expected one of id, name, type, enabled, by, cuts, labels");
  EXPECT_EQ(error_of(policy(R"("dimensions": [{"id": "x", "type": "abc", "by": "profit"}])")),
            "dimensions[0].by: expected one of customers, revenue");
  EXPECT_EQ(error_of(policy(R"("dimensions": [{"id": "x", "type": "rfm_segments", "enabled": "yes"}])")),
            "dimensions[0].enabled: expected true or false");
  EXPECT_EQ(error_of(policy(R"("dimensions": [{"id": "s", "type": "bands", "field": "employees",
                                "bands": [{"label": "大", "min": "1000"}, {"label": "小"}]}])")),
            "dimensions[0].bands[0].min: expected a number");
  EXPECT_EQ(error_of(policy(R"("tiers": [{"name": "A", "when": {"field": "monetary", "op": "=>", "value": 5}}, {"name": "B"}])")),
            "tiers[0].when.op: expected one of =, !=, <, <=, >, >=, in, contains, between");
  EXPECT_EQ(error_of(policy(R"("tiers": [{"name": "A", "when": {"field": "industry", "op": "in", "value": []}}, {"name": "B"}])")),
            "tiers[0].when.value: expected a non-empty list of values");
  EXPECT_EQ(error_of(policy(R"("tiers": [{"name": "A", "when": {"field": "monetary", "op": "between", "value": [5]}}, {"name": "B"}])")),
            "tiers[0].when.value: expected [low, high]");
  EXPECT_EQ(error_of(policy(R"("tiers": [{"name": "A", "when": {"field": "monetary", "op": ">", "value": "lots"}}, {"name": "B"}])")),
            "tiers[0].when.value: expected a number");
  EXPECT_EQ(error_of(policy(R"("tiers": [{"name": "A", "when": {"all": [{"field": "monetary"}]}}, {"name": "B"}])")),
            "tiers[0].when.all[0].op: missing; expected =, !=, <, <=, >, >=, in, contains or between");
  EXPECT_EQ(error_of(policy(R"("tiers": [{"name": "A", "when": {"all": [], "any": []}}, {"name": "B"}])")),
            "tiers[0].when: expected exactly one of all, any, not");
  EXPECT_EQ(error_of(policy(R"("tiers": [{"name": "A", "strategy": {"price": "9折"}}])")),
            "tiers[0].strategy.price: unknown key; expected one of service_level, discount, "
            "credit_terms, review_cycle, channel, owner, notes");
}

TEST(PolicyJson, ARefusedPolicyLeavesTheOptionsAsTheyWere) {
  ClassifyOptions options;
  options.file_name = "kept.csv";
  options.encoding = TextEncoding::kGb18030;
  options.bins = 3;
  ASSERT_FALSE(parse_policy_json(policy(R"("name": "half", "rfm": {"bins": 4}, "tiers": 7)"), options).ok());
  EXPECT_EQ(options.bins, 3);
  EXPECT_EQ(options.name, "");
  ASSERT_TRUE(parse_policy_json(policy(R"("name": "whole")"), options).ok());
  EXPECT_EQ(options.file_name, "kept.csv");  // these describe the file, not the policy
  EXPECT_EQ(options.encoding, TextEncoding::kGb18030);
  EXPECT_EQ(options.bins, 5);                // a policy is whole: unset means the default
}

}  // namespace
}  // namespace tierlens
