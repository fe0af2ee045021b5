// Conditions (core/POLICY.md "Conditions") against five hand-made customers: every operator,
// numbers against text, empty cells, a field whose column the file lacks, and the texts people
// read (condition_text, CompiledCondition::facts).
#include "tierlens/condition_eval.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "test_support.h"
#include "tierlens/policy_json.h"

namespace tierlens {
namespace {

using testing::run_session;

// Analysis date 2024-07-01. Per customer (in order of first appearance):
//   A  industry 制造业    employees 1200   city 上海浦东  monetary 150 (100 + 50)  frequency 2  recency 11
//   B  industry 电子      employees 1,500  city 北京      monetary 300             frequency 1  recency 61
//   C  industry 零售      employees 80     city 深圳      monetary 80              frequency 1  recency 6
//   D  industry " 制造业 " (trimmed to 制造业), employees "abc" (not a number), city 上海,
//      monetary 500, frequency 1, recency 122 (Mar 1 → Jul 1: 31 + 30 + 31 + 30)
//   E  industry and employees empty, city 广州, monetary 20, frequency 1, recency 2
// Recency of A: last order 06-20 → 11 days; B: 05-01 → 31 + 30 = 61 days.
constexpr const char* kOrders =
    "order_id,customer_id,order_date,amount,industry,employees,city\n"
    "1,A,2024-06-01,100,制造业,1200,上海浦东\n"
    "2,A,2024-06-20,50,制造业,1200,上海浦东\n"
    "3,B,2024-05-01,300,电子,\"1,500\",北京\n"
    "4,C,2024-06-25,80,零售,80,深圳\n"
    "5,D,2024-03-01,500, 制造业 ,abc,上海\n"
    "6,E,2024-06-29,20,,,广州\n";

// The attributes are named explicitly; "budget" is only mentioned by a tier, so it is read as
// an attribute the file has no column for.
constexpr const char* kPolicy = R"({
  "tierlens_policy": 1,
  "analysis_date": "2024-07-01",
  "attributes": {"industry": "industry", "employees": "employees", "city": "city"},
  "tiers": [
    {"name": "has budget", "when": {"field": "budget", "op": ">", "value": 0}},
    {"name": "rest"}
  ]
})";

/// A condition read from its JSON form, through the policy reader like every real one.
Condition condition(const std::string& json) {
  const std::string policy = R"({"tierlens_policy": 1, "tiers": [{"name": "probe", "when": )" + json +
                             R"(}, {"name": "rest"}]})";
  ClassifyOptions options;
  const Status status = parse_policy_json(policy, options);
  EXPECT_TRUE(status.ok()) << json << ": " << status.message();
  return status.ok() ? *options.tiers[0].when : Condition{};
}

class Conditions : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    result_ = new Classification(testing::classify_text(kOrders, kPolicy));
  }
  static void TearDownTestSuite() {
    delete result_;
    result_ = nullptr;
  }
  void SetUp() override { ASSERT_NE(result_, nullptr); }

  /// The ids of the customers the condition holds for, in customer order.
  static std::string holders(const std::string& json) {
    const Condition parsed = condition(json);
    const CustomerFields fields(*result_);
    const CompiledCondition compiled(parsed, fields);
    std::string ids;
    for (std::size_t i = 0; i < result_->customer_count(); ++i) {
      if (compiled.holds(i)) ids += result_->ingest.customers.id[i];
    }
    return ids;
  }

  static std::size_t index_of(const std::string& id) {
    const auto& ids = result_->ingest.customers.id;
    return static_cast<std::size_t>(std::find(ids.begin(), ids.end(), id) - ids.begin());
  }

  static Classification* result_;
};
Classification* Conditions::result_ = nullptr;

TEST_F(Conditions, TheFixtureReadsAsComputedByHand) {
  ASSERT_EQ(result_->customer_count(), 5u);
  EXPECT_EQ(result_->ingest.customers.id, (std::vector<std::string>{"A", "B", "C", "D", "E"}));
  EXPECT_EQ(result_->recency, (std::vector<std::int32_t>{11, 61, 6, 122, 2}));
}

TEST_F(Conditions, EqualsComparesTextExactlyAndNumbersNumerically) {
  EXPECT_EQ(holders(R"({"field": "industry", "op": "=", "value": "制造业"})"), "AD");  // D's cell is trimmed
  EXPECT_EQ(holders(R"({"field": "city", "op": "=", "value": "北京"})"), "B");
  EXPECT_EQ(holders(R"({"field": "city", "op": "=", "value": "上海"})"), "D");  // not 上海浦东
  EXPECT_EQ(holders(R"({"field": "employees", "op": "=", "value": 1500})"), "B");  // "1,500"
  EXPECT_EQ(holders(R"({"field": "frequency", "op": "=", "value": 2})"), "A");
  EXPECT_EQ(holders(R"({"field": "monetary", "op": "==", "value": 150})"), "A");
}

TEST_F(Conditions, NotEqualHoldsForEveryoneElseIncludingEmptyAndNonNumericCells) {
  EXPECT_EQ(holders(R"({"field": "industry", "op": "!=", "value": "制造业"})"), "BCE");
  EXPECT_EQ(holders(R"({"field": "industry", "op": "≠", "value": "制造业"})"), "BCE");
  // D ("abc") and E (empty) have no number, so they are not 1200.
  EXPECT_EQ(holders(R"({"field": "employees", "op": "!=", "value": 1200})"), "BCDE");
}

TEST_F(Conditions, OrderingOperatorsSkipCustomersWithoutANumber) {
  EXPECT_EQ(holders(R"({"field": "employees", "op": "<", "value": 1000})"), "C");
  EXPECT_EQ(holders(R"({"field": "employees", "op": "<=", "value": 1200})"), "AC");
  EXPECT_EQ(holders(R"({"field": "employees", "op": "≤", "value": 1200})"), "AC");
  EXPECT_EQ(holders(R"({"field": "employees", "op": ">", "value": 1200})"), "B");
  EXPECT_EQ(holders(R"({"field": "employees", "op": ">=", "value": 80})"), "ABC");
  EXPECT_EQ(holders(R"({"field": "employees", "op": "≥", "value": 80})"), "ABC");
  EXPECT_EQ(holders(R"({"field": "monetary", "op": ">", "value": 150})"), "BD");
  EXPECT_EQ(holders(R"({"field": "monetary", "op": ">=", "value": 150})"), "ABD");
  EXPECT_EQ(holders(R"({"field": "monetary", "op": "<", "value": 80})"), "E");
  EXPECT_EQ(holders(R"({"field": "monetary", "op": "<=", "value": 80})"), "CE");
}

TEST_F(Conditions, InContainsAndBetween) {
  EXPECT_EQ(holders(R"({"field": "industry", "op": "in", "value": ["电子", "零售"]})"), "BC");
  EXPECT_EQ(holders(R"({"field": "employees", "op": "in", "value": [80, 1500]})"), "BC");
  EXPECT_EQ(holders(R"({"field": "city", "op": "contains", "value": "上海"})"), "AD");
  // Both ends included: C is at 6, B at 61.
  EXPECT_EQ(holders(R"({"field": "recency", "op": "between", "value": [6, 61]})"), "ABC");
  EXPECT_EQ(holders(R"({"field": "recency", "op": "between", "value": [7, 60]})"), "A");
}

TEST_F(Conditions, ANumberNeverMatchesATextColumn) {
  EXPECT_EQ(holders(R"({"field": "industry", "op": "=", "value": 5})"), "");
  EXPECT_EQ(holders(R"({"field": "industry", "op": ">", "value": 0})"), "");
  EXPECT_EQ(holders(R"({"field": "city", "op": "<=", "value": 1000000})"), "");
}

TEST_F(Conditions, AllAnyAndNot) {
  EXPECT_EQ(holders(R"({"all": [{"field": "industry", "op": "=", "value": "制造业"},
                                {"field": "employees", "op": ">=", "value": 1000}]})"),
            "A");  // D's employees is "abc"
  EXPECT_EQ(holders(R"({"any": [{"field": "industry", "op": "=", "value": "电子"},
                                {"field": "monetary", "op": ">=", "value": 500}]})"),
            "BD");
  EXPECT_EQ(holders(R"({"not": {"field": "industry", "op": "=", "value": "制造业"}})"), "BCE");
  EXPECT_EQ(holders(R"({"not": {"any": [{"field": "city", "op": "contains", "value": "上海"},
                                        {"field": "frequency", "op": ">", "value": 1}]}})"),
            "BCE");
}

TEST_F(Conditions, AnEmptyCellFailsEverythingButNotEqual) {
  const std::size_t e = index_of("E");
  const CustomerFields fields(*result_);
  for (const char* json : {
           R"({"field": "industry", "op": "=", "value": ""})",
           R"({"field": "industry", "op": "=", "value": "制造业"})",
           R"({"field": "industry", "op": "in", "value": ["制造业", "电子", "零售"]})",
           R"({"field": "industry", "op": "contains", "value": ""})",
           R"({"field": "employees", "op": "=", "value": 0})",
           R"({"field": "employees", "op": "<", "value": 1000000})",
           R"({"field": "employees", "op": "<=", "value": 1000000})",
           R"({"field": "employees", "op": ">", "value": -1000000})",
           R"({"field": "employees", "op": ">=", "value": -1000000})",
           R"({"field": "employees", "op": "between", "value": [-1000000, 1000000]})",
       }) {
    const Condition parsed = condition(json);
    EXPECT_FALSE(CompiledCondition(parsed, fields).holds(e)) << json;
  }
  for (const char* json : {R"({"field": "industry", "op": "!=", "value": "制造业"})",
                           R"({"field": "industry", "op": "!=", "value": ""})",
                           R"({"field": "employees", "op": "!=", "value": 0})"}) {
    const Condition parsed = condition(json);
    EXPECT_TRUE(CompiledCondition(parsed, fields).holds(e)) << json;
  }
}

TEST_F(Conditions, AFieldWithoutAColumnHasNoValueForAnyone) {
  EXPECT_EQ(holders(R"({"field": "budget", "op": "=", "value": 0})"), "");
  EXPECT_EQ(holders(R"({"field": "budget", "op": "<", "value": 1})"), "");
  EXPECT_EQ(holders(R"({"field": "budget", "op": ">=", "value": -1})"), "");
  EXPECT_EQ(holders(R"({"field": "budget", "op": "in", "value": [0, ""]})"), "");
  EXPECT_EQ(holders(R"({"field": "budget", "op": "contains", "value": ""})"), "");
  EXPECT_EQ(holders(R"({"field": "budget", "op": "between", "value": [-1, 1]})"), "");
  EXPECT_EQ(holders(R"({"field": "budget", "op": "!=", "value": 0})"), "ABCDE");
  const CustomerFields fields(*result_);
  EXPECT_EQ(fields.resolve("budget").kind, FieldRef::Kind::kAbsent);
  EXPECT_EQ(result_->warnings,
            (std::vector<std::string>{"the file has no column for \"budget\": rules on it see no value"}));
  // The tier on it never holds.
  EXPECT_EQ(result_->tier_totals.at(0).customers, 0u);
  EXPECT_EQ(result_->tier_totals.at(1).customers, 5u);
}

TEST_F(Conditions, ConditionTextOfANestedCondition) {
  EXPECT_EQ(condition_text(condition(R"({"all": [
      {"field": "employees", "op": ">=", "value": 500},
      {"any": [{"field": "industry", "op": "=", "value": "制造业"}, {"field": "industry", "op": "=", "value": "电子"}]},
      {"not": {"all": [{"field": "city", "op": "in", "value": ["北京", "上海"]},
                       {"field": "monetary", "op": "<=", "value": 99.5}]}},
      {"field": "recency", "op": "between", "value": [0, 30]},
      {"field": "city", "op": "!=", "value": "深圳"},
      {"field": "city", "op": "contains", "value": "海"}]})")),
            "employees ≥ 500 and (industry = 制造业 or industry = 电子) and "
            "not (city in {北京, 上海} and monetary ≤ 99.5) and recency between 0 and 30 and "
            "city ≠ 深圳 and city contains 海");
  EXPECT_EQ(condition_text(condition(R"({"any": [
      {"field": "frequency", "op": ">", "value": 2},
      {"field": "monetary", "op": "<", "value": 10},
      {"field": "employees", "op": "in", "value": [80, 1500]},
      {"not": {"field": "industry", "op": "=", "value": "零售"}}]})")),
            "frequency > 2 or monetary < 10 or employees in {80, 1500} or not industry = 零售");
}

TEST_F(Conditions, FactsListEachFieldOnceWithThisCustomersValue) {
  const Condition parsed = condition(R"({"all": [
      {"field": "employees", "op": ">=", "value": 500},
      {"any": [{"field": "industry", "op": "=", "value": "制造业"}, {"field": "industry", "op": "=", "value": "电子"}]},
      {"field": "city", "op": "contains", "value": "上海"},
      {"field": "monetary", "op": ">", "value": 100},
      {"field": "budget", "op": "!=", "value": 0}]})");
  const CustomerFields fields(*result_);
  const CompiledCondition compiled(parsed, fields);
  EXPECT_EQ(compiled.facts(index_of("A")),
            "employees = 1200, industry = 制造业, city = 上海浦东, monetary = 150, budget = (no such column)");
  EXPECT_EQ(compiled.facts(index_of("E")),
            "employees = (none), industry = (none), city = 广州, monetary = 20, budget = (no such column)");
  EXPECT_TRUE(compiled.holds(index_of("A")));
  EXPECT_FALSE(compiled.holds(index_of("E")));
}


// POLICY.md: "text compares exactly after trimming spaces". Cells are trimmed when read (D's
// " 制造业 "); a value typed in the policy with a stray space must compare the same way, as
// mapping tables already do with their keys (dimension_mapping.cpp trims both sides).
TEST_F(Conditions, TextValuesInTheRuleAreTrimmedToo) {
  EXPECT_EQ(holders(R"({"field": "industry", "op": "=", "value": " 制造业 "})"), "AD");
  EXPECT_EQ(holders(R"({"field": "industry", "op": "in", "value": ["电子 ", " 零售"]})"), "BC");
  EXPECT_EQ(holders(R"({"field": "industry", "op": "!=", "value": "制造业 "})"), "BCE");
}

// Thousands separators are allowed in numeric cells ("1,200", "12,345,678"); a comma anywhere
// else is not one: "4,5" is a decimal comma (4.5 in much of Europe) and "1,2,3" a list, and
// neither may be read as 45 or 123 (customer_fields.cpp read_number drops every comma).
TEST(AttributeNumbers, OnlyThousandsSeparatorsAreDropped) {
  ClassifyOptions options;
  ASSERT_TRUE(parse_policy_json(R"({"tierlens_policy": 1, "attributes": {"employees": "employees"}})", options).ok());
  ClassificationSession session;
  ASSERT_TRUE(run_session(session,
                          "customer_id,order_date,amount,employees\n"
                          "A,2024-06-01,1,\"1,200\"\nB,2024-06-01,1,\"12,345,678\"\n"
                          "C,2024-06-01,1,\"4,5\"\nD,2024-06-01,1,\"1,2,3\"\nE,2024-06-01,1,\"12,34\"\n",
                          options)
                  .ok());
  const Classification& result = *session.result();
  ASSERT_EQ(result.customer_count(), 5u);
  const CustomerFields fields(result);
  const FieldRef employees = fields.resolve("employees");
  EXPECT_EQ(fields.number(employees, 0), std::optional<double>(1200));
  EXPECT_EQ(fields.number(employees, 1), std::optional<double>(12345678));
  EXPECT_NE(fields.number(employees, 2), std::optional<double>(45)) << "\"4,5\"";
  EXPECT_NE(fields.number(employees, 3), std::optional<double>(123)) << "\"1,2,3\"";
  EXPECT_NE(fields.number(employees, 4), std::optional<double>(1234)) << "\"12,34\"";
}

}  // namespace
}  // namespace tierlens
