// Every check of policy_validation.cpp, through parse_policy_json as a user's file meets it:
// the message must name the JSON path and say what was expected, word for word.
#include "tierlens/policy_validation.h"

#include <gtest/gtest.h>

#include "tierlens/policy_json.h"

namespace tierlens {
namespace {

/// The message parse_policy_json gives for a policy with these dimensions and tiers, or "ok".
/// On an error the options it was given must be left as they were.
std::string error_of(const std::string& dimensions, const std::string& tiers = "[]") {
  const std::string policy =
      R"({"tierlens_policy": 1, "dimensions": )" + dimensions + R"(, "tiers": )" + tiers + "}";
  ClassifyOptions options;
  options.name = "unchanged";
  const Status status = parse_policy_json(policy, options);
  if (status.ok()) return "ok";
  EXPECT_EQ(status.code(), ErrorCode::kInvalidOptions);
  EXPECT_EQ(options.name, "unchanged");
  EXPECT_TRUE(options.dimensions.empty());
  return status.message();
}

constexpr const char* kValue = R"({"id": "value", "type": "abc", "by": "revenue", "cuts": [70, 20], "labels": ["高", "中", "低"]})";
constexpr const char* kCatchAll = R"([{"name": "all"}])";

std::string dims(std::initializer_list<std::string> items) {
  std::string list;
  for (const std::string& item : items) list += (list.empty() ? "" : ", ") + item;
  return "[" + list + "]";
}

std::string bands(const std::string& list) {
  return R"([{"id": "scale", "type": "bands", "field": "employees", "bands": )" + list + "}]";
}

std::string prefix(const std::string& text, std::size_t length) { return text.substr(0, length); }

std::string tree(const std::string& nodes) {
  return R"([{"id": "u8", "type": "tree", "scheme": [2, 2], "nodes": )" + nodes + "}]";
}

TEST(PolicyValidation, AValidPolicyPasses) {
  EXPECT_EQ(error_of(dims({kValue, R"({"id": "scale_2", "type": "bands", "field": "employees",
                                      "bands": [{"label": "大", "min": 100}, {"label": "小"}]})"}),
                     R"([{"name": "key", "when": {"field": "value", "op": "=", "value": "高"}}, {"name": "rest"}])"),
            "ok");
}

TEST(PolicyValidation, DimensionIds) {
  EXPECT_EQ(error_of(R"([{"id": "value-class", "type": "rfm_segments"}])"),
            "dimensions[0].id: expected letters, digits or _ (it names the dimension in rules and in the "
            "CSV header), got \"value-class\"");
  EXPECT_EQ(error_of(R"([{"id": "价值", "type": "rfm_segments"}])"),
            "dimensions[0].id: expected letters, digits or _ (it names the dimension in rules and in the "
            "CSV header), got \"价值\"");
  EXPECT_EQ(error_of(R"([{"id": "seg", "type": "rfm_segments"}, {"id": "seg", "type": "rfm_segments"}])"),
            "dimensions[1].id: \"seg\" is used twice");
  EXPECT_EQ(error_of(R"([{"id": "monetary", "type": "rfm_segments"}])"),
            "dimensions[0].id: \"monetary\" is the name of a metric or of a column of customers.csv; "
            "choose another id");
  EXPECT_EQ(error_of(R"([{"id": "segment", "type": "rfm_segments"}])"),
            "dimensions[0].id: \"segment\" is the name of a metric or of a column of customers.csv; "
            "choose another id");
  EXPECT_EQ(error_of(R"([{"id": "tier", "type": "rfm_segments"}])"),
            "dimensions[0].id: \"tier\" is the name of a metric or of a column of customers.csv; "
            "choose another id");
}

TEST(PolicyValidation, ReferencesToLaterOrDisabledDimensions) {
  const std::string rules_on_value =
      R"({"id": "action", "type": "rules", "rules": [{"label": "keep", "when": {"field": "value", "op": "=", "value": "高"}}, {"label": "rest"}]})";
  EXPECT_EQ(error_of(dims({rules_on_value, kValue})),
            "dimensions[0].rules[0].when.field: \"value\" is the dimension 2, which is computed later; "
            "a rule may only use the labels of dimensions listed before it (move it up)");
  const std::string disabled_value =
      R"({"id": "value", "type": "abc", "enabled": false, "cuts": [70, 20], "labels": ["高", "中", "低"]})";
  EXPECT_EQ(error_of(dims({disabled_value, rules_on_value})),
            "dimensions[1].rules[0].when.field: \"value\" is a disabled dimension; enable it or change the rule");
  EXPECT_EQ(error_of(dims({disabled_value}),
                     R"([{"name": "key", "when": {"any": [{"field": "monetary", "op": ">", "value": 0},
                                                           {"field": "value", "op": "=", "value": "高"}]}},
                        {"name": "rest"}])"),
            "tiers[0].when.any[1].field: \"value\" is a disabled dimension; enable it or change the rule");
  // A disabled dimension is not checked itself, and tiers may use any enabled dimension.
  EXPECT_EQ(error_of(dims({R"({"id": "off", "type": "rules", "enabled": false, "rules": [{"label": "x", "when": {"field": "value", "op": "=", "value": "高"}}]})", kValue}),
                     R"([{"name": "key", "when": {"field": "value", "op": "=", "value": "高"}}, {"name": "rest"}])"),
            "ok");
}

TEST(PolicyValidation, Bands) {
  // The number in these two messages is checked in NumbersInMessagesAreWrittenAsPeopleWriteThem.
  const std::string descending = "dimensions[0].bands[1].min: expected bands from the highest min down: ";
  EXPECT_EQ(prefix(error_of(bands(R"([{"label": "大型", "min": 100}, {"label": "中型", "min": 500}, {"label": "小型"}])")),
                   descending.size()),
            descending);
  EXPECT_EQ(prefix(error_of(bands(R"([{"label": "大型", "min": 100}, {"label": "中型", "min": 100}, {"label": "小型"}])")),
                   descending.size()),
            descending);
  EXPECT_EQ(error_of(bands(R"([{"label": "大型", "min": 1000}, {"label": "小型", "min": 10}])")),
            "dimensions[0].bands[1].min: the last band must have no min, so that every value gets a band; "
            "add a last band without min");
  EXPECT_EQ(error_of(bands(R"([{"label": "大型", "min": 1000}, {"label": "中型"}, {"label": "小型"}])")),
            "dimensions[0].bands[1].min: missing; only the last band may go without min");
}

TEST(PolicyValidation, AbcCutsAndLabels) {
  // The sum in the first message is checked in NumbersInMessagesAreWrittenAsPeopleWriteThem.
  const std::string sum = "dimensions[0].cuts: the cuts add up to 100";
  EXPECT_EQ(prefix(error_of(R"([{"id": "abc", "type": "abc", "cuts": [70, 30], "labels": ["A", "B", "C"]}])"),
                   sum.size()),
            sum);
  EXPECT_EQ(error_of(R"([{"id": "abc", "type": "abc", "cuts": [70, 20], "labels": ["A", "B"]}])"),
            "dimensions[0].labels: expected 3 labels for 2 cuts, got 2");
  EXPECT_EQ(error_of(R"([{"id": "abc", "type": "abc", "cuts": [70, 20], "labels": ["A", "B", "C", "D"]}])"),
            "dimensions[0].labels: expected 3 labels for 2 cuts, got 4");
}

// Messages are read by people: numbers as they wrote them (format_number): "100", "100.5",
// not std::to_string's "100.000000". policy_validation.cpp formats the band min (check_bands)
// and the sum of the cuts (check_abc) with std::to_string(double).
TEST(PolicyValidation, NumbersInMessagesAreWrittenAsPeopleWriteThem) {
  EXPECT_EQ(error_of(bands(R"([{"label": "大型", "min": 100}, {"label": "中型", "min": 500}, {"label": "小型"}])")),
            "dimensions[0].bands[1].min: expected bands from the highest min down: 500 is not below the band before");
  EXPECT_EQ(error_of(bands(R"([{"label": "大型", "min": 100}, {"label": "中型", "min": 100}, {"label": "小型"}])")),
            "dimensions[0].bands[1].min: expected bands from the highest min down: 100 is not below the band before");
  EXPECT_EQ(error_of(R"([{"id": "abc", "type": "abc", "cuts": [70, 30], "labels": ["A", "B", "C"]}])"),
            "dimensions[0].cuts: the cuts add up to 100 %; expected less than 100, the last class takes the rest");
  EXPECT_EQ(error_of(R"([{"id": "abc", "type": "abc", "cuts": [80, 20.5], "labels": ["A", "B", "C"]}])"),
            "dimensions[0].cuts: the cuts add up to 100.5 %; expected less than 100, the last class takes the rest");
}

TEST(PolicyValidation, LifecycleDays) {
  EXPECT_EQ(error_of(R"([{"id": "stage", "type": "lifecycle", "at_risk_days": 180, "lost_days": 180}])"),
            "dimensions[0].lost_days: expected more days than at_risk_days (180)");
  EXPECT_EQ(error_of(R"([{"id": "stage", "type": "lifecycle", "at_risk_days": 400}])"),  // lost_days 365
            "dimensions[0].lost_days: expected more days than at_risk_days (400)");
}

TEST(PolicyValidation, ScoreWeightsGradesAndFields) {
  EXPECT_EQ(error_of(R"([{"id": "s", "type": "score", "factors": [{"field": "monetary"}, {"field": "recency", "weight": 0}],
                          "grades": [{"label": "A", "min": 50}, {"label": "B"}]}])"),
            "dimensions[0].factors[1].weight: expected a weight above 0");
  EXPECT_EQ(error_of(R"([{"id": "s", "type": "score", "factors": [{"field": "monetary", "weight": -1}],
                          "grades": [{"label": "A", "min": 50}, {"label": "B"}]}])"),
            "dimensions[0].factors[0].weight: expected a weight above 0");
  EXPECT_EQ(error_of(R"([{"id": "s", "type": "score", "factors": [{"field": "monetary"}],
                          "grades": [{"label": "A", "min": 120}, {"label": "B"}]}])"),
            "dimensions[0].grades[0].min: expected a score from 0 to 100");
  EXPECT_EQ(error_of(dims({kValue, R"({"id": "s", "type": "score", "factors": [{"field": "value"}],
                                      "grades": [{"label": "A", "min": 50}, {"label": "B"}]})"})),
            "dimensions[1].factors[0].field: \"value\" is a dimension: its labels are texts, expected a "
            "numeric field (a metric such as monetary, or a numeric column)");
}

TEST(PolicyValidation, BandsOnADimensionAreRefused) {
  EXPECT_EQ(error_of(dims({kValue, R"({"id": "scale", "type": "bands", "field": "value",
                                      "bands": [{"label": "大", "min": 1}, {"label": "小"}]})"})),
            "dimensions[1].field: \"value\" is a dimension: its labels are texts, expected a numeric field "
            "(a metric such as monetary, or a numeric column)");
}

TEST(PolicyValidation, TreeCodes) {
  EXPECT_EQ(error_of(tree(R"([{"code": "011", "name": "x"}])")),
            "dimensions[0].nodes[0].code: \"011\" has 3 characters; the scheme allows codes of 2, 4");
  EXPECT_EQ(error_of(tree(R"([{"code": "0101", "name": "child"}, {"code": "01", "name": "parent"}])")),
            "dimensions[0].nodes[0].code: \"0101\" needs its parent \"01\" listed before it");
  EXPECT_EQ(error_of(tree(R"([{"code": "01", "name": "a"}, {"code": "0201", "name": "orphan"}])")),
            "dimensions[0].nodes[1].code: \"0201\" needs its parent \"02\" listed before it");
  EXPECT_EQ(error_of(tree(R"([{"code": "01", "name": "a"}, {"code": "0101", "name": "b"}, {"code": "01", "name": "c"}])")),
            "dimensions[0].nodes[2].code: \"01\" is used twice");
  // A node's condition may only use dimensions listed before the tree.
  EXPECT_EQ(error_of(dims({R"({"id": "u8", "type": "tree", "scheme": [2, 2],
                              "nodes": [{"code": "01", "name": "a", "when": {"field": "value", "op": "=", "value": "高"}}]})",
                           kValue})),
            "dimensions[0].nodes[0].when.field: \"value\" is the dimension 2, which is computed later; a rule "
            "may only use the labels of dimensions listed before it (move it up)");
}

TEST(PolicyValidation, RuleListsEndWithACatchAll) {
  EXPECT_EQ(error_of(R"([{"id": "r", "type": "rules", "rules": [{"label": "a", "when": {"field": "monetary", "op": ">", "value": 0}}]}])"),
            "dimensions[0].rules[0].when: the last rule must have no condition, so that every customer gets one; "
            "add a last rule without \"when\"");
  EXPECT_EQ(error_of(R"([{"id": "r", "type": "rules", "rules": [{"label": "a"}, {"label": "b"}]}])"),
            "dimensions[0].rules[0].when: missing; only the last rule may go without a condition (the first that holds wins)");
  EXPECT_EQ(error_of("[]", R"([{"name": "a", "when": {"field": "monetary", "op": ">", "value": 0}}])"),
            "tiers[0].when: the last tier must have no condition, so that every customer gets one; "
            "add a last tier without \"when\"");
  EXPECT_EQ(error_of("[]", R"([{"name": "a", "when": {"field": "monetary", "op": ">", "value": 0}}, {"name": "b"}, {"name": "c"}])"),
            "tiers[1].when: missing; only the last tier may go without a condition (the first that holds wins)");
}

TEST(PolicyValidation, TierNamesAreUnique) {
  EXPECT_EQ(error_of("[]", R"([{"name": "普通客户", "when": {"field": "monetary", "op": ">", "value": 0}}, {"name": "普通客户"}])"),
            "tiers[1].name: \"普通客户\" is used twice");
  EXPECT_EQ(error_of("[]", kCatchAll), "ok");
}

TEST(PolicyValidation, ValidatePolicyAgreesWithTheReader) {
  ClassifyOptions options;
  ASSERT_TRUE(parse_policy_json(R"({"tierlens_policy": 1, "tiers": [{"name": "a"}]})", options).ok());
  options.tiers.push_back(options.tiers.front());
  const Status status = validate_policy(options);
  EXPECT_EQ(status.code(), ErrorCode::kInvalidOptions);
  EXPECT_EQ(status.message(), "tiers[1].name: \"a\" is used twice");
}

}  // namespace
}  // namespace tierlens
