// Workbooks through the whole reader: an .xlsx written by LibreOffice classifies exactly as
// LibreOffice's own CSV export of the sheet (tests/fixtures/xlsx/, made by make-fixtures.sh),
// fed in any chunks; the sheet can be chosen; a workbook's errors are clear.
#include <gtest/gtest.h>

#include "test_support.h"
#include "tierlens/column_preview.h"
#include "tierlens/reports.h"

namespace tierlens {
namespace {

using testing::classify_fixture;
using testing::fixture_path;
using testing::read_file;
using testing::run_session;

TEST(WorkbookIngest, ALibreOfficeWorkbookClassifiesAsItsCsvExportInAnyChunks) {
  const Classification csv = classify_fixture("xlsx/orders-sheet1.csv");
  for (const std::size_t chunk : {std::size_t{1}, std::size_t{1000}, std::size_t{1} << 20}) {
    const Classification xlsx = classify_fixture("xlsx/orders.xlsx", chunk);
    EXPECT_EQ(customers_csv(xlsx), customers_csv(csv)) << chunk;
    EXPECT_EQ(xlsx.ingest.rows.total, csv.ingest.rows.total);
    EXPECT_EQ(xlsx.ingest.input.format, "xlsx");
    EXPECT_EQ(xlsx.ingest.input.sheets, (std::vector<std::string>{"Orders", "客户 & notes"}));
    EXPECT_EQ(xlsx.ingest.input.sheet, "Orders");
    EXPECT_EQ(xlsx.ingest.input.bytes, read_file(fixture_path("xlsx/orders.xlsx")).size());
  }
  EXPECT_EQ(csv.customer_count(), 6u);
}

TEST(WorkbookIngest, TheSheetIsChosenByNameAndAnUnknownOneIsNamedWithTheOthers) {
  ClassifyOptions options;
  options.file_name = "orders.xlsx";
  options.sheet = "客户 & notes";
  ClassificationSession session;
  const Status second = run_session(session, read_file(fixture_path("xlsx/orders.xlsx")), options);
  // The second sheet holds notes, not orders: read, and refused for its columns.
  EXPECT_EQ(second.code(), ErrorCode::kMissingColumn) << second.message();
  options.sheet = "Sheet9";
  const Status unknown = run_session(session, read_file(fixture_path("xlsx/orders.xlsx")), options);
  EXPECT_EQ(unknown.code(), ErrorCode::kInvalidOptions);
  EXPECT_EQ(unknown.message(), "orders.xlsx: no sheet \"Sheet9\" in the workbook (sheets: \"Orders\", \"客户 & notes\")");
}

TEST(WorkbookIngest, APreviewOfAWorkbookListsItsSheets) {
  ClassifyOptions options;
  options.file_name = "orders.xlsx";
  ColumnPreview preview;
  ASSERT_TRUE(preview_columns(read_file(fixture_path("xlsx/orders.xlsx")), options, preview).ok());
  EXPECT_EQ(preview.input.sheets.size(), 2u);
  EXPECT_EQ(preview.input.header[0], "客户编号");
  ASSERT_FALSE(preview.rows.empty());
  EXPECT_EQ(preview.rows[0][0], "C001");
  EXPECT_EQ(preview.problem, "");
}

TEST(WorkbookIngest, AWorkbookOverTheLimitIsRefusedWhileItIsBeingRead) {
  // The limit is checked on the bytes fed so far; lowered to 2 MiB so the test holds little.
  IngestOptions options;
  options.file_name = "big.xlsx";
  options.max_workbook_bytes = 2 << 20;
  OrderIngest ingest(options);
  ASSERT_TRUE(ingest.feed("PK\x03\x04").ok());
  const std::string mebibyte(1 << 20, 'x');
  EXPECT_TRUE(ingest.feed(mebibyte).ok());
  const Status status = ingest.feed(mebibyte);
  EXPECT_EQ(status.code(), ErrorCode::kBadWorkbook);
  EXPECT_EQ(status.message(), "big.xlsx: the workbook is larger than 2 MiB, the most that is read (it is held "
                              "whole in memory); save the sheet as CSV, which is read in pieces at any size");
  EXPECT_EQ(kMaxWorkbookBytes, std::uint64_t{1} << 30);  // the page refuses larger files up front
}

}  // namespace
}  // namespace tierlens
