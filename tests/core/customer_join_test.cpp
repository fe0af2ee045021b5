// Two tables: orders joined to a customers table on the customer id, and a customers table
// alone. The fixtures (tests/fixtures/two_tables/) are small enough to check by hand:
//   customers.csv lists K01–K04, then K02 again (a duplicate) and a row without an id;
//   orders.csv has orders of K01 (two), K02, K03 and K05, who is not in the table.
#include "tierlens/customer_join.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_support.h"
#include "tierlens/policy_json.h"
#include "tierlens/reports.h"

namespace tierlens {
namespace {

using testing::fixture_path;
using testing::read_file;

constexpr const char* kBandsByEmployees = R"({"tierlens_policy": 1,
  "dimensions": [{"id": "scale", "type": "bands", "field": "employees",
                  "bands": [{"label": "大型", "min": 1000}, {"label": "中型", "min": 100}, {"label": "小型"}]},
                 {"id": "life", "type": "lifecycle"},
                 {"id": "ind", "type": "mapping", "field": "industry", "table": {"制造业": "重点行业"}}]})";

/// Runs `tables` with the fixtures, fed in `chunk`-byte pieces.
Status run_tables(ClassificationSession& session, RunTables tables, const std::string& policy_json,
                  std::size_t chunk = 1 << 20) {
  ClassifyOptions options;
  options.file_name = "orders.csv";
  if (Status status = parse_policy_json(policy_json, options); !status.ok()) return status;
  if (Status status = session.begin(options, tables); !status.ok()) return status;
  const auto feed = [&](const std::string& bytes) {
    for (std::size_t at = 0; at < bytes.size(); at += chunk) {
      if (Status status = session.feed(std::string_view(bytes).substr(at, chunk)); !status.ok()) return status;
    }
    return Status();
  };
  if (tables != RunTables::kCustomersOnly) {
    if (Status status = feed(read_file(fixture_path("two_tables/orders.csv"))); !status.ok()) return status;
  }
  CustomerTableReading reading;
  reading.file_name = "customers.csv";
  if (Status status = session.begin_customer_table(reading); !status.ok()) return status;
  if (Status status = feed(read_file(fixture_path("two_tables/customers.csv"))); !status.ok()) return status;
  return session.finish();
}

std::size_t index_of(const Classification& result, const std::string& id) {
  const auto& ids = result.ingest.customers.id;
  return static_cast<std::size_t>(std::find(ids.begin(), ids.end(), id) - ids.begin());
}

std::string attribute(const Classification& result, const std::string& field, const std::string& id) {
  const AttributeColumn* column = result.ingest.customers.attribute(field);
  EXPECT_NE(column, nullptr) << field << " was not read";
  return column ? column->value(index_of(result, id)) : "";
}

TEST(CustomerJoin, NobodyIsLostOnEitherSide) {
  for (const std::size_t chunk : {std::size_t{1}, std::size_t{7}, std::size_t{1} << 20}) {
    ClassificationSession session;
    const Status status = run_tables(session, RunTables::kOrdersAndCustomers, kBandsByEmployees, chunk);
    ASSERT_TRUE(status.ok()) << status.message();
    const Classification& result = *session.result();
    // K01, K02, K05, K03 from the orders, then K04 from the table alone.
    EXPECT_EQ(result.ingest.customers.id, (std::vector<std::string>{"K01", "K02", "K05", "K03", "K04"}));
    const CustomerTableReport& table = *result.ingest.customer_table;
    EXPECT_EQ(table.customers, 4u);
    EXPECT_EQ(table.without_orders, 1u);
    EXPECT_EQ(table.without_orders_examples, std::vector<std::string>{"K04"});
    EXPECT_EQ(table.not_in_table, 1u);
    EXPECT_EQ(table.not_in_table_examples, std::vector<std::string>{"K05"});
    // Every row of both files is accounted for.
    EXPECT_EQ(result.ingest.rows.total, 5u);
    EXPECT_EQ(result.ingest.rows.used, 5u);
    EXPECT_EQ(table.rows.total, 6u);
    EXPECT_EQ(table.rows.used, 4u);
    EXPECT_EQ(table.rows.skipped_by_reason[static_cast<int>(SkipReason::kDuplicateCustomer)], 1u);
    EXPECT_EQ(table.rows.skipped_by_reason[static_cast<int>(SkipReason::kMissingCustomerId)], 1u);
    ASSERT_EQ(result.ingest.skipped.size(), 2u);
    EXPECT_EQ(result.ingest.skipped[0].file, TableKind::kCustomers);
    EXPECT_EQ(result.ingest.skipped[0].row, 6u);
    EXPECT_NE(result.ingest.skipped[0].detail.find("already on row 3"), std::string::npos);
  }
}

TEST(CustomerJoin, TheTableGivesAttributesAndWinsOverTheOrders) {
  ClassificationSession session;
  ASSERT_TRUE(run_tables(session, RunTables::kOrdersAndCustomers, kBandsByEmployees).ok());
  const Classification& result = *session.result();
  EXPECT_EQ(attribute(result, "industry", "K01"), "制造业");  // the orders say 机械
  EXPECT_EQ(attribute(result, "industry", "K05"), "零售");    // only the orders know K05
  EXPECT_EQ(attribute(result, "customer_name", "K02"), "恒达商贸");  // the first row, not the duplicate
  EXPECT_EQ(attribute(result, "employees", "K04"), "300");
  const DimensionResult& scale = result.dimensions[0];
  const auto scale_of = [&](const std::string& id) { return result.label(scale, index_of(result, id)); };
  EXPECT_EQ(scale_of("K01"), "大型");
  EXPECT_EQ(scale_of("K02"), "小型");
  EXPECT_EQ(scale_of("K03"), "中型");
  EXPECT_EQ(scale_of("K05"), "未知");  // no employees anywhere
}

TEST(CustomerJoin, ACustomerWithoutOrdersHasBoughtNothingInTheWholePeriod) {
  ClassificationSession session;
  ASSERT_TRUE(run_tables(session, RunTables::kOrdersAndCustomers, kBandsByEmployees).ok());
  const Classification& result = *session.result();
  const std::size_t k04 = index_of(result, "K04");
  EXPECT_EQ(result.ingest.customers.frequency[k04], 0u);
  EXPECT_EQ(result.ingest.customers.monetary[k04], 0);
  // Orders run from 2024-02-01 to 2024-04-10; the analysis date is 2024-04-11. The period is
  // 70 days, so K04's recency is 71: one day more than the earliest buyer's can be.
  EXPECT_EQ(format_iso_date(result.analysis_date), "2024-04-11");
  EXPECT_EQ(result.recency[index_of(result, "K03")], 70);
  EXPECT_EQ(result.recency[k04], 71);
  EXPECT_EQ(result.r_score[k04], 1);
  EXPECT_EQ(result.label(result.dimensions[1], k04), "潜在客户");  // lifecycle: potential
  const auto summary = nlohmann::json::parse(summary_json(result));
  EXPECT_EQ(summary["tables"], "orders_and_customers");
  EXPECT_EQ(summary["customer_table"]["without_orders"], 1);
  EXPECT_EQ(summary["customer_table"]["input"]["file_name"], "customers.csv");
  EXPECT_NE(skipped_csv(result).find("\r\ncustomers.csv,7,7,客户编号,missing_customer_id,"), std::string::npos);
}

TEST(CustomerJoin, ACustomersTableAloneIsClassifiedByItsAttributes) {
  ClassificationSession session;
  const Status status = run_tables(session, RunTables::kCustomersOnly, kBandsByEmployees);
  ASSERT_TRUE(status.ok()) << status.message();
  const Classification& result = *session.result();
  EXPECT_EQ(result.customer_count(), 4u);
  const DimensionResult& scale = result.dimensions[0];
  std::vector<std::string> labels;
  for (std::size_t i = 0; i < result.customer_count(); ++i) labels.push_back(result.label(scale, i));
  EXPECT_EQ(labels, (std::vector<std::string>{"大型", "小型", "中型", "中型"}));
  const auto summary = nlohmann::json::parse(summary_json(result));
  EXPECT_EQ(summary["tables"], "customers");
  EXPECT_TRUE(summary["input"].is_null());
  EXPECT_TRUE(summary["analysis_date"].is_null());
  EXPECT_EQ(summary["customer_table"]["rows"]["used"], 4);
  ASSERT_FALSE(result.warnings.empty());
  EXPECT_NE(result.warnings.back().find("customers only"), std::string::npos);
}

TEST(CustomerJoin, ANamedAttributeColumnInNeitherFileIsAnError) {
  ClassificationSession session;
  const Status status = run_tables(session, RunTables::kOrdersAndCustomers, R"({"tierlens_policy": 1,
      "attributes": {"industry": "所属行业"},
      "dimensions": [{"id": "ind", "type": "mapping", "field": "industry", "table": {"制造业": "重点"}}]})");
  EXPECT_EQ(status.code(), ErrorCode::kMissingColumn);
  EXPECT_NE(status.message().find("\"所属行业\""), std::string::npos) << status.message();
  EXPECT_NE(status.message().find("customers.csv"), std::string::npos) << status.message();
}

TEST(CustomerJoin, TheTablesIdColumnCanBeNamed) {
  ClassificationSession session;
  const Status status = run_tables(session, RunTables::kOrdersAndCustomers, R"({"tierlens_policy": 1,
      "customer_table": {"customer_id": "客户名称"}})");
  ASSERT_TRUE(status.ok()) << status.message();
  // Joined on names, no table customer matches an order's id: all six names (the duplicate
  // K02 and the row without a 客户编号 have names of their own) are without orders.
  EXPECT_EQ(session.result()->ingest.customer_table->without_orders, 6u);
  EXPECT_EQ(session.result()->ingest.customer_table->not_in_table, 4u);
}

// The UCI Wholesale customers (440 clients of a Portuguese distributor, one row each, no id
// column), read in place from ../shared/data: customers only, classified by attributes.
// REFERENCE.md: Channel Horeca 298 / Retail 142; Region Lisbon 77 / Oporto 47 / Other 316.
TEST(CustomerJoin, TheWholesaleCustomersAloneGiveThePublishedChannelAndRegionCounts) {
  const std::string path = testing::shared_data_path("wholesale-customers-uci/wholesale_customers.csv");
  if (!testing::file_exists(path)) {
    GTEST_SKIP() << "wholesale_customers.csv not found under ../shared/data (set TIERLENS_SHARED_DATA)";
  }
  ClassifyOptions options;
  ASSERT_TRUE(parse_policy_json(R"({"tierlens_policy": 1,
      "customer_table": {"customer_id": ""},
      "dimensions": [
        {"id": "channel", "type": "mapping", "field": "Channel", "table": {"1": "Horeca", "2": "Retail"}},
        {"id": "region", "type": "mapping", "field": "Region",
         "table": {"1": "Lisbon", "2": "Oporto", "3": "Other"}},
        {"id": "fresh", "type": "bands", "field": "Fresh",
         "bands": [{"label": "≥ 10000", "min": 10000}, {"label": "< 10000"}]}]})", options).ok());
  ClassificationSession session;
  ASSERT_TRUE(session.begin(options, RunTables::kCustomersOnly).ok());
  CustomerTableReading reading;
  reading.file_name = "wholesale_customers.csv";
  ASSERT_TRUE(session.begin_customer_table(reading).ok());
  ASSERT_TRUE(session.feed(read_file(path)).ok());
  const Status status = session.finish();
  ASSERT_TRUE(status.ok()) << status.message();
  const Classification& result = *session.result();
  EXPECT_EQ(result.customer_count(), 440u);
  EXPECT_EQ(result.ingest.customers.id[0], "row 2");  // named by the spreadsheet's row
  const auto counts = [&](std::size_t d) {
    std::vector<std::uint64_t> customers;
    for (const auto& totals : result.dimensions[d].totals) customers.push_back(totals.customers);
    return customers;
  };
  EXPECT_EQ(result.dimensions[0].labels, (std::vector<std::string>{"Horeca", "Retail", "其他", "未知"}));
  EXPECT_EQ(counts(0), (std::vector<std::uint64_t>{298, 142, 0, 0}));
  EXPECT_EQ(counts(1), (std::vector<std::uint64_t>{77, 47, 316, 0, 0}));
  const std::uint64_t fresh_high = counts(2)[0];
  // Checked against the file: awk -F, 'NR>1 && $3>=10000' wholesale_customers.csv | wc -l
  EXPECT_EQ(fresh_high, 189u);
}

}  // namespace
}  // namespace tierlens
