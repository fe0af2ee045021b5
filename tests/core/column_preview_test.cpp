// The mapping step's preview: what TierLens would take for each column, shown before any
// computing, from the start of the file alone.
#include "tierlens/column_preview.h"

#include <gtest/gtest.h>

#include "test_support.h"
#include "tierlens/policy_json.h"

namespace tierlens {
namespace {

using testing::fixture_path;
using testing::read_file;

const ColumnChoice& choice(const std::vector<ColumnChoice>& choices, const std::string& field) {
  for (const ColumnChoice& c : choices) {
    if (c.field == field) return c;
  }
  static const ColumnChoice kAbsent{"(absent)", std::nullopt, ChoiceSource::kNone, false};
  return kAbsent;
}

ColumnPreview preview_of(std::string_view head, const ClassifyOptions& options = {}) {
  ColumnPreview preview;
  const Status status = preview_columns(head, options, preview);
  EXPECT_TRUE(status.ok()) << status.message();
  return preview;
}

// German headers: nothing to guess from, so the step must ask, with the rows to decide by.
constexpr std::string_view kUnguessable =
    "Kunde;Datum;Betrag;Bemerkung\n"
    "K-1;2024-03-05;12,50;erste\n"
    "K-2;2024-03-06;7,00;\n";

TEST(ColumnPreview, AnUnguessableHeaderIsShownWithItsRowsAndTheProblem) {
  const ColumnPreview preview = preview_of(kUnguessable);
  EXPECT_EQ(preview.input.header, (std::vector<std::string>{"Kunde", "Datum", "Betrag", "Bemerkung"}));
  EXPECT_EQ(preview.input.delimiter, ';');
  ASSERT_EQ(preview.rows.size(), 2u);
  EXPECT_EQ(preview.rows[0], (std::vector<std::string>{"K-1", "2024-03-05", "12,50", "erste"}));
  EXPECT_EQ(choice(preview.roles, "customer_id").source, ChoiceSource::kNone);
  EXPECT_TRUE(choice(preview.roles, "customer_id").required);
  EXPECT_NE(preview.problem.find("no customer id column"), std::string::npos) << preview.problem;
}

TEST(ColumnPreview, ColumnsThePolicyNamesAreAppliedAndTheProblemGoes) {
  ClassifyOptions options;
  options.columns[ColumnRole::kCustomerId] = "Kunde";
  options.columns[ColumnRole::kDate] = "Datum";
  options.columns[ColumnRole::kAmount] = "Betrag";
  options.columns[ColumnRole::kOrderId] = "";
  const ColumnPreview preview = preview_of(kUnguessable, options);
  EXPECT_EQ(preview.problem, "");
  EXPECT_EQ(choice(preview.roles, "customer_id").column, std::optional<std::string>("Kunde"));
  EXPECT_EQ(choice(preview.roles, "customer_id").source, ChoiceSource::kNamed);
  EXPECT_EQ(choice(preview.roles, "amount").source, ChoiceSource::kNamed);
  EXPECT_EQ(choice(preview.roles, "order_id").source, ChoiceSource::kNone);
  EXPECT_EQ(preview.input.decimal_mark, DecimalMark::kComma);  // 12,50 with the amount named
}

TEST(ColumnPreview, ANamedColumnMissingFromTheFileIsTheProblemAndTheRestIsStillGuessed) {
  ClassifyOptions options;
  options.columns[ColumnRole::kCustomerId] = "客户代号";
  const ColumnPreview preview = preview_of(read_file(fixture_path("chinese_orders.tsv")), options);
  EXPECT_NE(preview.problem.find("\"客户代号\""), std::string::npos) << preview.problem;
  EXPECT_EQ(choice(preview.roles, "customer_id").column, std::nullopt);
  EXPECT_EQ(choice(preview.roles, "date").source, ChoiceSource::kGuessed);
  EXPECT_EQ(choice(preview.roles, "date").column, std::optional<std::string>("下单日期"));
}

TEST(ColumnPreview, QuantityTimesPriceMakesThoseTwoRequiredInsteadOfTheAmount) {
  const ColumnPreview preview = preview_of(
      "CustomerID,InvoiceDate,Quantity,UnitPrice\nc1,2024-01-02,2,3.5\n");
  EXPECT_EQ(preview.problem, "");
  EXPECT_FALSE(choice(preview.roles, "amount").required);
  EXPECT_TRUE(choice(preview.roles, "quantity").required);
  EXPECT_TRUE(choice(preview.roles, "unit_price").required);
  EXPECT_TRUE(choice(preview.roles, "customer_id").required);
  EXPECT_FALSE(choice(preview.roles, "order_id").required);
}

TEST(ColumnPreview, TheAttributesThePolicyUsesAreListedAfterTheCustomerName) {
  ClassifyOptions options;
  ASSERT_TRUE(parse_policy_json(R"({"tierlens_policy": 1, "dimensions": [
      {"id": "region", "name": "Region", "type": "mapping", "field": "province",
       "builtin": "china_regions"}]})", options).ok());
  const ColumnPreview preview = preview_of(
      "客户编号,客户名称,省份,日期,金额\nc1,甲公司,广东省,2024-01-02,10\n", options);
  ASSERT_EQ(preview.attributes.size(), 2u);
  EXPECT_EQ(preview.attributes[0].field, "customer_name");
  EXPECT_EQ(preview.attributes[0].column, std::optional<std::string>("客户名称"));
  EXPECT_EQ(preview.attributes[1].field, "province");
  EXPECT_EQ(preview.attributes[1].column, std::optional<std::string>("省份"));
  EXPECT_EQ(preview.attributes[1].source, ChoiceSource::kGuessed);
}

TEST(ColumnPreview, TheStartOfAFileIsEnoughAndTitleRowsAreSeen) {
  const std::string file = read_file(fixture_path("erp_title_rows.csv"));
  const ColumnPreview whole = preview_of(file);
  const ColumnPreview start = preview_of(std::string_view(file).substr(0, 200));
  EXPECT_GT(whole.input.header_row, 1u);
  EXPECT_EQ(start.input.header_row, whole.input.header_row);
  EXPECT_EQ(start.input.header, whole.input.header);
  EXPECT_EQ(whole.problem, "");
  ASSERT_FALSE(start.rows.empty());
  EXPECT_EQ(start.rows[0], whole.rows[0]);
  EXPECT_LE(whole.rows.size(), kPreviewRows);
}

TEST(ColumnPreview, AFileThatIsNotTextIsRefused) {
  ColumnPreview preview;
  const Status status = preview_columns(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), {}, preview);
  EXPECT_EQ(status.code(), ErrorCode::kNotText);
}

}  // namespace
}  // namespace tierlens
