// Title and blank rows above the header, as ERP exports write them: found, counted as
// skipped rows, and the header row can be given instead.
#include <gtest/gtest.h>

#include "test_support.h"
#include "tierlens/header_row.h"
#include "tierlens/reports.h"

namespace tierlens {
namespace {

using testing::fixture_path;
using testing::read_file;
using testing::run_session;

TEST(HeaderRow, TheFirstRowThatGivesTheColumnsUnderItsDelimiter) {
  const ColumnOverrides guess_all;
  const HeaderGuess plain = find_header_row("customer_id,date,amount\nA,2024-01-01,5\n", guess_all, std::nullopt);
  EXPECT_EQ(plain.row, 1u);
  EXPECT_EQ(plain.delimiter, ',');
  EXPECT_TRUE(plain.resolves);

  // A title with a comma in it is no header: it does not name the columns.
  const HeaderGuess titled = find_header_row(
      "Orders, 2024\n\nKunde;Datum;Betrag;Notiz, intern\nA;2024-01-01;5;x\n",
      [] {
        ColumnOverrides named;
        named[ColumnRole::kCustomerId] = "Kunde";
        named[ColumnRole::kDate] = "Datum";
        named[ColumnRole::kAmount] = "Betrag";
        return named;
      }(),
      std::nullopt);
  EXPECT_EQ(titled.row, 3u);
  EXPECT_EQ(titled.delimiter, ';');

  // No row names the columns: the widest row is taken, so the error names its columns.
  const HeaderGuess none = find_header_row("Report\nname|age|city\nAda|36|London\n", guess_all, std::nullopt);
  EXPECT_FALSE(none.resolves);
  EXPECT_EQ(none.row, 2u);
  EXPECT_EQ(none.delimiter, '|');

  // Given: that row, and the delimiter detected from it.
  const HeaderGuess given = find_header_row("x\ny\na\tb\tc\n", guess_all, 3);
  EXPECT_EQ(given.row, 3u);
  EXPECT_EQ(given.delimiter, '\t');
}

TEST(HeaderRow, AnErpExportWithATitleReadsFromItsHeader) {
  ClassificationSession session;
  ASSERT_TRUE(run_session(session, read_file(fixture_path("erp_title_rows.csv")), {}, 7).ok());
  const Classification& result = *session.result();
  const IngestResult& ingest = result.ingest;
  EXPECT_EQ(ingest.input.header_row, 4u);
  EXPECT_EQ(ingest.input.header[1], "客户编号");
  // 8 rows besides the header: the title, the export time and the blank line above it, and
  // 5 order lines: every one used.
  EXPECT_EQ(ingest.rows.total, 8u);
  EXPECT_EQ(ingest.rows.used, 5u);
  EXPECT_EQ(ingest.rows.skipped_by_reason[static_cast<int>(SkipReason::kAboveHeader)], 3u);
  ASSERT_EQ(ingest.skipped.size(), 3u);
  EXPECT_EQ(ingest.skipped[0].raw, "2024年度客户订单明细");
  EXPECT_EQ(ingest.skipped[2].row, 3u);
  // K01: ¥12,000.00 on 2024/3/5, less a return of (500.00); K02: one order of two lines on
  // 2024年6月1日, 800 + 200; K03: "1,250.50" on 20241201.
  EXPECT_EQ(ingest.customers.monetary[0], 11'500'000'000);
  EXPECT_EQ(ingest.customers.frequency[0], 1u);
  EXPECT_EQ(ingest.customers.last_purchase[0], days_from_civil(2024, 3, 5));
  EXPECT_EQ(ingest.customers.monetary[1], 1'000'000'000);
  EXPECT_EQ(ingest.customers.frequency[1], 1u);
  EXPECT_EQ(ingest.customers.monetary[2], 1'250'500'000);
  EXPECT_EQ(result.analysis_date, days_from_civil(2024, 12, 2));
}

TEST(HeaderRow, TheUserCanSayWhichRowHoldsTheNames) {
  ClassificationSession session;
  ClassifyOptions options;
  options.file_name = "erp_title_rows.csv";
  options.header_row = 2;  // wrong on purpose: the export time row
  const Status status = run_session(session, read_file(fixture_path("erp_title_rows.csv")), options);
  EXPECT_EQ(status.code(), ErrorCode::kMissingColumn);
  EXPECT_NE(status.message().find("导出时间"), std::string::npos) << status.message();

  options.header_row = 4;
  ASSERT_TRUE(run_session(session, read_file(fixture_path("erp_title_rows.csv")), options).ok());
  EXPECT_EQ(session.result()->ingest.rows.used, 5u);
}

TEST(HeaderRow, PipeDelimitedFiles) {
  ClassificationSession session;
  ASSERT_TRUE(run_session(session, read_file(fixture_path("pipe_orders.csv"))).ok());
  EXPECT_EQ(session.result()->ingest.input.delimiter, '|');
  EXPECT_EQ(session.result()->ingest.rows.used, 3u);
  EXPECT_EQ(session.result()->ingest.customers.monetary[0], 150'000'000);
}

}  // namespace
}  // namespace tierlens
