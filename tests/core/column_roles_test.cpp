#include "tierlens/column_roles.h"

#include <gtest/gtest.h>

namespace tierlens {
namespace {

ColumnMapping resolve(const std::vector<std::string>& header, ColumnOverrides overrides = {}) {
  ColumnMapping mapping;
  const Status status = resolve_columns(header, overrides, "f.csv", mapping);
  EXPECT_TRUE(status.ok()) << status.message();
  return mapping;
}

TEST(ColumnRoles, GuessesOnlineRetailHeaders) {
  const ColumnMapping m = resolve({"InvoiceNo", "StockCode", "Description", "Quantity",
                                   "InvoiceDate", "UnitPrice", "CustomerID", "Country"});
  EXPECT_EQ(m[ColumnRole::kCustomerId], 6u);
  EXPECT_EQ(m[ColumnRole::kOrderId], 0u);
  EXPECT_EQ(m[ColumnRole::kDate], 4u);
  EXPECT_FALSE(m[ColumnRole::kAmount]);
  EXPECT_EQ(m[ColumnRole::kQuantity], 3u);
  EXPECT_EQ(m[ColumnRole::kUnitPrice], 5u);
  EXPECT_TRUE(m.amount_from_quantity_and_price());
}

TEST(ColumnRoles, TheDateAndTheAmountAreGuessedFromTheValuesWhenNoNameGivesThemAway) {
  // 客户 is a known name; 时间 and 实付 are not. The columns before them hold whole numbers
  // (a serial number that reads as an Excel day, a count): neither may be taken.
  const std::vector<std::string> header = {"客户", "流水", "件数", "时间", "实付"};
  const SampleRows rows = {{"K1", "45356", "3", "2024-03-05 10:00", "¥12.50"},
                           {"K2", "45357", "1", "2024/3/6", "7"},
                           {"K1", "45358", "2", "", "1,200.00"}};
  ColumnMapping mapping;
  ASSERT_TRUE(resolve_columns(header, {}, "f.csv", mapping, rows).ok());
  EXPECT_EQ(mapping[ColumnRole::kCustomerId], 0u);
  EXPECT_EQ(mapping[ColumnRole::kDate], 3u);
  EXPECT_EQ(mapping[ColumnRole::kAmount], 4u);

  // Without the rows, the header alone says nothing of the date.
  ColumnMapping by_names;
  EXPECT_FALSE(resolve_columns(header, {}, "f.csv", by_names).ok());
}

TEST(ColumnRoles, ValuesNeverOverrideANameOrAColumnTheUserGave) {
  const std::vector<std::string> header = {"customer", "when", "amount", "other"};
  const SampleRows rows = {{"K1", "2024-03-05", "12", "9.99"}};
  ColumnOverrides overrides;
  overrides[ColumnRole::kDate] = "when";
  ColumnMapping mapping;
  ASSERT_TRUE(resolve_columns(header, overrides, "f.csv", mapping, rows).ok());
  EXPECT_EQ(mapping[ColumnRole::kAmount], 2u);  // by its name, though "other" looks more like money
  EXPECT_EQ(mapping[ColumnRole::kDate], 1u);
}

TEST(ColumnRoles, GuessesChineseHeaders) {
  const ColumnMapping m = resolve({"订单编号", "客户编号", "客户名称", "下单日期", "金额"});
  EXPECT_EQ(m[ColumnRole::kOrderId], 0u);
  EXPECT_EQ(m[ColumnRole::kCustomerId], 1u);
  EXPECT_EQ(m[ColumnRole::kDate], 3u);
  EXPECT_EQ(m[ColumnRole::kAmount], 4u);
}

TEST(ColumnRoles, IgnoresCaseSpacesAndUnderscores) {
  const ColumnMapping m = resolve({" Customer_ID ", "Order Date", "TOTAL-AMOUNT"});
  EXPECT_EQ(m[ColumnRole::kCustomerId], 0u);
  EXPECT_EQ(m[ColumnRole::kDate], 1u);
  EXPECT_EQ(m[ColumnRole::kAmount], 2u);
}

TEST(ColumnRoles, OverridesWinAndEmptyOrderIdMeansNone) {
  ColumnOverrides overrides;
  overrides[ColumnRole::kCustomerId] = "buyer";
  overrides[ColumnRole::kOrderId] = "";
  overrides[ColumnRole::kAmount] = "net";
  const ColumnMapping m = resolve({"order_id", "buyer", "date", "net", "amount"}, overrides);
  EXPECT_EQ(m[ColumnRole::kCustomerId], 1u);
  EXPECT_FALSE(m[ColumnRole::kOrderId]);
  EXPECT_EQ(m[ColumnRole::kAmount], 3u);
}

TEST(ColumnRoles, MissingRequiredColumnNamesTheFileAndTheColumns) {
  ColumnMapping mapping;
  const Status status = resolve_columns({"who", "when", "amount"}, {}, "orders.csv", mapping);
  EXPECT_EQ(status.code(), ErrorCode::kMissingColumn);
  EXPECT_EQ(status.message(),
            "orders.csv: no customer id column found in the header row (columns: \"who\", "
            "\"when\", \"amount\"); set the customer_id column (CLI: --customer-id)");
}

TEST(ColumnRoles, AnOverrideNamingAnAbsentColumnIsAnError) {
  ColumnOverrides overrides;
  overrides[ColumnRole::kDate] = "Datum";
  ColumnMapping mapping;
  const Status status =
      resolve_columns({"customer", "date", "amount"}, overrides, "o.csv", mapping);
  EXPECT_EQ(status.code(), ErrorCode::kMissingColumn);
  EXPECT_EQ(status.message(),
            "o.csv: the column \"Datum\" given for the order date is not in the header row "
            "(columns: \"customer\", \"date\", \"amount\")");
}

TEST(ColumnRoles, QuantityWithoutUnitPriceIsNotAnAmount) {
  ColumnMapping mapping;
  const Status status = resolve_columns({"customer", "date", "qty"}, {}, "o.csv", mapping);
  EXPECT_EQ(status.code(), ErrorCode::kMissingColumn);
}

}  // namespace
}  // namespace tierlens
