// The customer table's views (customer_view.h): filters by tier, by a dimension's label and by
// RFM segment, combined with AND; a search on the id or the name; the sort underneath; the
// session's cache of the last view. Every answer below is worked out by hand from the orders.
#include "tierlens/customer_view.h"

#include <gtest/gtest.h>

#include <string>

#include "test_support.h"
#include "tierlens/policy_json.h"
#include "tierlens/session.h"

namespace tierlens {
namespace {

using testing::fixture_path;
using testing::read_file;
using testing::run_session;

// tests/fixtures/customer_view/orders.csv under customer_view/policy.json:
// Revenue 500 + 200 + 150 + 100 + 50 = 1000. value: ABC by revenue, cuts [70, 20]:
//   K-001 500 高价值   k-002 200 高价值   C-003 150 中价值   D-004 100 中价值   E-005 50 低价值
// scale: employees ≥ 1000 大型, ≥ 100 中型, else 小型:
//   K-001 2000 大型   k-002 300 中型   C-003 5000 大型   D-004 50 小型   E-005 none
// Tiers, first that holds: 战略客户 (高价值 and 大型): K-001; 重点客户 (高价值 or 大型):
// k-002, C-003; 普通客户: D-004, E-005.
// Names: K-001 Acme Trading, k-002 上海华盛机械有限公司, C-003 ACME Services, D-004 北京华盛科技,
// E-005 none. Ids in byte order: C-003 D-004 E-005 K-001 k-002 (upper case before lower).
const std::string kPolicy = read_file(fixture_path("customer_view/policy.json"));

class CustomerView : public ::testing::Test {
 protected:
  void SetUp() override {
    ClassifyOptions options;
    ASSERT_TRUE(parse_policy_json(kPolicy, options).ok());
    const Status status = run_session(session_, read_file(fixture_path("customer_view/orders.csv")), options);
    ASSERT_TRUE(status.ok()) << status.message();
  }

  /// The ids of the view, space-separated; the error's message when the filter is refused.
  std::string ids(const CustomerFilter& filter, CustomerSortColumn key = CustomerSortKey::kCustomerId,
                  bool descending = false) {
    std::vector<std::uint32_t> kept;
    const Status status = customer_view(*session_.result(), filter, key, descending, kept);
    if (!status.ok()) return "error: " + status.message();
    return joined(kept);
  }

  std::string joined(const std::vector<std::uint32_t>& customers) const {
    std::string text;
    for (const std::uint32_t i : customers) text += (text.empty() ? "" : " ") + session_.result()->ingest.customers.id[i];
    return text;
  }

  static CustomerFilter search(const std::string& text) {
    CustomerFilter filter;
    filter.search = text;
    return filter;
  }

  ClassificationSession session_;
};

TEST_F(CustomerView, NoFilterKeepsEveryCustomerInTheSortOrder) {
  EXPECT_TRUE(CustomerFilter{}.keeps_all());
  EXPECT_EQ(ids({}), "C-003 D-004 E-005 K-001 k-002");
  EXPECT_EQ(ids({}, CustomerSortKey::kMonetary, true), "K-001 k-002 C-003 D-004 E-005");
}

TEST_F(CustomerView, SortsByALabelInItsDimensionsOrderAndByName) {
  const Classification& result = *session_.result();
  const std::optional<CustomerSortColumn> value = parse_customer_sort_column(result, "label:value");
  ASSERT_TRUE(value.has_value());
  EXPECT_EQ(value->key, CustomerSortKey::kLabel);
  // 高价值, 中价值, 低价值 is the dimension's order; ties by id.
  EXPECT_EQ(ids({}, *value), "K-001 k-002 C-003 D-004 E-005");
  EXPECT_EQ(ids({}, *value, true), "E-005 C-003 D-004 K-001 k-002");
  // Names in byte order ("ACME" before "Acme", 上 E4 before 北 E5); no name last either way.
  const std::optional<CustomerSortColumn> name = parse_customer_sort_column(result, "customer_name");
  ASSERT_TRUE(name.has_value());
  EXPECT_EQ(ids({}, *name), "C-003 K-001 k-002 D-004 E-005");
  EXPECT_EQ(ids({}, *name, true), "D-004 k-002 K-001 C-003 E-005");
  EXPECT_FALSE(parse_customer_sort_column(result, "label:region").has_value());
  EXPECT_FALSE(parse_customer_sort_column(result, "label:").has_value());
  EXPECT_FALSE(parse_customer_sort_column(result, "nothing").has_value());
  EXPECT_EQ(parse_customer_sort_column(result, "tier")->key, CustomerSortKey::kTier);
}

TEST_F(CustomerView, FiltersByTier) {
  CustomerFilter filter;
  filter.tier = "重点客户";
  EXPECT_EQ(ids(filter), "C-003 k-002");
  EXPECT_EQ(ids(filter, CustomerSortKey::kMonetary, true), "k-002 C-003");
  filter.tier = "普通客户";
  EXPECT_EQ(ids(filter, CustomerSortKey::kMonetary, false), "E-005 D-004");
  filter.tier = "战略客户";
  EXPECT_EQ(ids(filter), "K-001");
}

TEST_F(CustomerView, FiltersByLabelsOfAnyDimensionAllOfThemAtOnce) {
  CustomerFilter filter;
  filter.labels = {{"value", "高价值"}};
  EXPECT_EQ(ids(filter), "K-001 k-002");
  filter.labels = {{"scale", "大型"}};
  EXPECT_EQ(ids(filter), "C-003 K-001");
  filter.labels = {{"value", "中价值"}, {"scale", "大型"}};
  EXPECT_EQ(ids(filter), "C-003");
  filter.labels = {{"value", "低价值"}, {"scale", "大型"}};
  EXPECT_EQ(ids(filter), "");
}

TEST_F(CustomerView, FiltersCombineWithTheSearch) {
  CustomerFilter filter = search("acme");
  filter.tier = "重点客户";
  EXPECT_EQ(ids(filter), "C-003");
  filter.labels = {{"value", "高价值"}};
  EXPECT_EQ(ids(filter), "");
}

TEST_F(CustomerView, SearchFindsIdsAndNamesIgnoringAsciiCase) {
  EXPECT_EQ(ids(search("acme")), "C-003 K-001");       // by name: Acme, ACME
  EXPECT_EQ(ids(search("K-00")), "K-001 k-002");       // by id, either case
  EXPECT_EQ(ids(search("005")), "E-005");              // an id; E-005 has no name
  EXPECT_EQ(ids(search("TRADING")), "K-001");
  EXPECT_EQ(ids(search("ZZZ")), "");
  EXPECT_EQ(ids(search("  ")), "C-003 D-004 E-005 K-001 k-002");  // only spaces: no search
}

TEST_F(CustomerView, SearchFindsChineseNamesBySubstring) {
  EXPECT_EQ(ids(search("华盛")), "D-004 k-002");
  EXPECT_EQ(ids(search("华盛机械")), "k-002");
  EXPECT_EQ(ids(search(" 华盛科技 ")), "D-004");           // trimmed
  EXPECT_EQ(ids(search("ＡＣＭＥ")), "");                     // full-width letters are other characters
  EXPECT_EQ(ids(search("\xE5\x8D")), "D-004 k-002");       // a cut-off character still matches bytes
}

TEST_F(CustomerView, NamesTheResultDoesNotHaveAreErrors) {
  CustomerFilter filter;
  filter.tier = "VIP";
  EXPECT_EQ(ids(filter), "error: customer filter: no tier named \"VIP\"");
  filter = {};
  filter.labels = {{"region", "华东"}};
  EXPECT_EQ(ids(filter), "error: customer filter: no dimension with id \"region\"");
  filter.labels = {{"value", "顶级"}};
  EXPECT_EQ(ids(filter), "error: customer filter: dimension \"value\" has no label \"顶级\"");
  filter = {};
  filter.segment = "Heroes";
  EXPECT_EQ(ids(filter), "error: customer filter: no RFM segment named \"Heroes\"");
}

TEST(CustomerViewText, ContainsIgnoringAsciiCase) {
  EXPECT_TRUE(contains_ignoring_ascii_case("Acme Trading", "ME TR"));
  EXPECT_TRUE(contains_ignoring_ascii_case("abc", ""));
  EXPECT_TRUE(contains_ignoring_ascii_case("", ""));
  EXPECT_FALSE(contains_ignoring_ascii_case("ab", "abc"));
  EXPECT_FALSE(contains_ignoring_ascii_case("Ärger", "äRGER"));  // only ASCII letters fold
  EXPECT_TRUE(contains_ignoring_ascii_case("Ärger", "ÄRGER"));
}

TEST(CustomerViewSegments, FiltersByRfmSegment) {
  // tiny_orders.csv: Loyal Customers (A), Potential Loyalists (E), Promising (C),
  // Customers Needing Attention (B), Can't Lose Them (D) (see session_test.cpp).
  ClassificationSession session;
  ASSERT_TRUE(run_session(session, read_file(fixture_path("tiny_orders.csv"))).ok());
  const auto ids = [&](const std::string& segment) {
    CustomerFilter filter;
    filter.segment = segment;
    std::vector<std::uint32_t> kept;
    EXPECT_TRUE(customer_view(*session.result(), filter, CustomerSortKey::kCustomerId, false, kept).ok());
    std::string text;
    for (const std::uint32_t i : kept) text += session.result()->ingest.customers.id[i];
    return text;
  };
  EXPECT_EQ(ids("Promising"), "C");
  EXPECT_EQ(ids("Can't Lose Them"), "D");
  EXPECT_EQ(ids("Champions"), "");
}

TEST(CustomerViewSegments, TierFilterWithoutTiersIsAnError) {
  ClassificationSession session;
  ASSERT_TRUE(run_session(session, read_file(fixture_path("tiny_orders.csv"))).ok());
  CustomerFilter filter;
  filter.tier = "普通客户";
  std::vector<std::uint32_t> kept;
  EXPECT_EQ(customer_view(*session.result(), filter, CustomerSortKey::kCustomerId, false, kept).code(),
            ErrorCode::kInvalidOptions);
}

TEST_F(CustomerView, TheSessionKeepsTheLastViewAndFollowsTheSort) {
  CustomerFilter filter;
  filter.tier = "重点客户";
  const std::vector<std::uint32_t>* view = nullptr;
  ASSERT_TRUE(session_.customer_view(filter, CustomerSortKey::kCustomerId, false, view).ok());
  EXPECT_EQ(joined(*view), "C-003 k-002");
  const std::vector<std::uint32_t>* again = nullptr;
  ASSERT_TRUE(session_.customer_view(filter, CustomerSortKey::kCustomerId, false, again).ok());
  EXPECT_EQ(again, view);
  EXPECT_EQ(joined(*again), "C-003 k-002");
  // Another sort with the same filter: filtered again, not the view kept for the old order.
  ASSERT_TRUE(session_.customer_view(filter, CustomerSortKey::kMonetary, true, view).ok());
  EXPECT_EQ(joined(*view), "k-002 C-003");
  // Another filter with the same sort.
  filter.tier = "普通客户";
  ASSERT_TRUE(session_.customer_view(filter, CustomerSortKey::kMonetary, true, view).ok());
  EXPECT_EQ(joined(*view), "D-004 E-005");
  // No filter: the sorted order itself.
  ASSERT_TRUE(session_.customer_view({}, CustomerSortKey::kMonetary, true, view).ok());
  EXPECT_EQ(view, &session_.customer_order(CustomerSortKey::kMonetary, true));
  EXPECT_EQ(joined(*view), "K-001 k-002 C-003 D-004 E-005");
}

TEST_F(CustomerView, TheSessionRefusesAFilterAndForgetsTheViewOnReclassify) {
  CustomerFilter filter;
  filter.tier = "重点客户";
  const std::vector<std::uint32_t>* view = nullptr;
  ASSERT_TRUE(session_.customer_view(filter, CustomerSortKey::kCustomerId, false, view).ok());
  EXPECT_EQ(joined(*view), "C-003 k-002");

  // The same customers under a policy whose tiers are other names.
  std::string policy = kPolicy;
  policy.replace(policy.find("重点客户"), std::string("重点客户").size(), "关键客户");
  ClassifyOptions options;
  ASSERT_TRUE(parse_policy_json(policy, options).ok());
  bool reclassified = false;
  ASSERT_TRUE(session_.reclassify(options, reclassified).ok());
  ASSERT_TRUE(reclassified);
  const Status refused = session_.customer_view(filter, CustomerSortKey::kCustomerId, false, view);
  EXPECT_EQ(refused.code(), ErrorCode::kInvalidOptions);
  EXPECT_EQ(view, nullptr);
  filter.tier = "关键客户";
  ASSERT_TRUE(session_.customer_view(filter, CustomerSortKey::kCustomerId, false, view).ok());
  EXPECT_EQ(joined(*view), "C-003 k-002");
}

TEST(CustomerFilterJson, ReadsEveryKey) {
  CustomerFilter filter;
  ASSERT_TRUE(parse_customer_filter_json(
      R"({"tier": "战略客户", "labels": {"value": "高价值", "scale": "大型"}, "segment": "Champions", "search": " acme "})",
      filter).ok());
  EXPECT_EQ(filter.tier, "战略客户");
  EXPECT_EQ(filter.labels, (std::map<std::string, std::string>{{"value", "高价值"}, {"scale", "大型"}}));
  EXPECT_EQ(filter.segment, "Champions");
  EXPECT_EQ(filter.search, " acme ");
  EXPECT_FALSE(filter.keeps_all());
}

TEST(CustomerFilterJson, EmptyAndNullMeanNoFilter) {
  for (const char* json : {"", "  ", "{}", R"({"tier": null, "labels": null, "segment": null, "search": ""})"}) {
    CustomerFilter filter;
    filter.tier = "left over";
    ASSERT_TRUE(parse_customer_filter_json(json, filter).ok()) << json;
    EXPECT_TRUE(filter.keeps_all()) << json;
  }
}

TEST(CustomerFilterJson, RefusesWhatIsNotAFilter) {
  CustomerFilter filter;
  for (const char* json : {"[]", "{", R"({"tier": 3})", R"({"labels": ["a"]})", R"({"labels": {"value": 1}})",
                           R"({"search": true})", R"({"order": "id"})"}) {
    const Status status = parse_customer_filter_json(json, filter);
    EXPECT_EQ(status.code(), ErrorCode::kInvalidOptions) << json;
    EXPECT_EQ(status.message().rfind("customer filter: ", 0), 0u) << status.message();
  }
  EXPECT_EQ(parse_customer_filter_json(R"({"order": "id"})", filter).message(),
            "customer filter: unknown key \"order\"");
}

}  // namespace
}  // namespace tierlens
