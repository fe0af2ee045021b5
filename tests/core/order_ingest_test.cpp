#include "tierlens/order_ingest.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace tierlens {
namespace {

using testing::fixture_path;
using testing::read_file;

IngestResult ingest_all(const std::string& bytes, IngestOptions options = {},
                        std::size_t chunk = 1 << 20) {
  OrderIngest ingest(std::move(options));
  for (std::size_t at = 0; at < bytes.size(); at += chunk) {
    EXPECT_TRUE(ingest.feed(std::string_view(bytes).substr(at, chunk)).ok());
  }
  const Status status = ingest.finish();
  EXPECT_TRUE(status.ok()) << status.message();
  return ingest.take_result();
}

std::uint64_t count(const IngestResult& result, SkipReason reason) {
  return result.rows.skipped_by_reason[static_cast<int>(reason)];
}

TEST(OrderIngest, EveryRowOfTheMessyFixtureIsAccountedFor) {
  const IngestResult result = ingest_all(read_file(fixture_path("messy_orders.csv")));
  EXPECT_EQ(result.input.delimiter, ';');
  EXPECT_EQ(result.rows.total, 15u);
  EXPECT_EQ(result.rows.used, 4u);
  EXPECT_EQ(result.rows.skipped(), 11u);
  EXPECT_EQ(result.rows.used + result.rows.skipped(), result.rows.total);
  ASSERT_EQ(result.skipped.size(), 11u);

  struct Expected {
    std::uint64_t row, line;
    SkipReason reason;
    const char* column;
  };
  const Expected expected[] = {
      {4, 5, SkipReason::kMissingOrderId, "InvoiceNo"},
      {5, 6, SkipReason::kMissingCustomerId, "CustomerID"},
      {6, 7, SkipReason::kMissingDate, "InvoiceDate"},
      {7, 8, SkipReason::kBadDate, "InvoiceDate"},
      {8, 9, SkipReason::kMissingAmount, "Quantity"},
      {9, 10, SkipReason::kBadQuantity, "Quantity"},
      {10, 11, SkipReason::kBadUnitPrice, "UnitPrice"},
      {11, 12, SkipReason::kBlankRow, ""},
      {12, 13, SkipReason::kFieldCount, ""},
      {14, 15, SkipReason::kAmountOutOfRange, "Quantity"},
      {16, 17, SkipReason::kUnterminatedQuote, ""},
  };
  for (std::size_t i = 0; i < 11; ++i) {
    EXPECT_EQ(result.skipped[i].row, expected[i].row) << i;
    EXPECT_EQ(result.skipped[i].line, expected[i].line) << i;
    EXPECT_EQ(result.skipped[i].reason, expected[i].reason) << i;
    EXPECT_EQ(result.skipped[i].column, expected[i].column) << i;
    EXPECT_EQ(count(result, expected[i].reason), 1u) << i;
  }
  EXPECT_EQ(result.skipped[3].detail,
            "\"2024-02-30\" is not a date; expected a date such as YYYY-MM-DD, YYYY/M/D, YYYY.M.D, "
            "YYYY年M月D日, YYYYMMDD, M/D/YYYY (month first) or an Excel day number, with or "
            "without a time");
  EXPECT_EQ(result.skipped[8].detail,
            "found 3 fields, expected 6 as in the header (is a value containing the delimiter "
            "not quoted?)");
  EXPECT_EQ(result.skipped[0].raw, ";C2;2024-05-02;1;1;x");
}

TEST(OrderIngest, AggregatesPerCustomerWithReturnsAndDistinctOrders) {
  const IngestResult result = ingest_all(read_file(fixture_path("messy_orders.csv")));
  const CustomerTable& c = result.customers;
  ASSERT_EQ(c.size(), 3u);
  // C1: two lines of invoice 1001 (one with a quoted newline): one order, 2×3.50 + 1×1.25.
  EXPECT_EQ(c.id[0], "C1");
  EXPECT_EQ(c.frequency[0], 1u);
  EXPECT_EQ(c.monetary[0], 8'250'000);
  // C3: only a return: no purchase, negative monetary, active on its return day.
  EXPECT_EQ(c.id[1], "C3");
  EXPECT_EQ(c.frequency[1], 0u);
  EXPECT_EQ(c.monetary[1], -4'000'000);
  EXPECT_EQ(c.first_purchase[1], kNoDay);
  EXPECT_EQ(c.last_activity[1], days_from_civil(2024, 5, 5));
  // C2: only the row with trailing empty fields survived.
  EXPECT_EQ(c.id[2], "C2");
  EXPECT_EQ(c.monetary[2], 6'000'000);
  EXPECT_EQ(result.latest_day, days_from_civil(2024, 5, 7));
}

TEST(OrderIngest, OrdersFlaggedCancelledByTheirIdPrefixAreReturnsWhateverTheirSign) {
  // A flagged cancellation with a positive amount (C2), one with a negative amount (C3), and
  // an order whose id merely contains the letter (9C).
  const std::string csv =
      "InvoiceNo,CustomerID,InvoiceDate,Amount\n"
      "1,A,2024-01-02,100\n"
      "C2,A,2024-01-05,30\n"
      "C3,A,2024-01-06,-20\n"
      "9C,B,2024-01-03,50\n";
  const IngestResult unflagged = ingest_all(csv);
  EXPECT_EQ(unflagged.customers.monetary[0], 110'000'000);  // 100 + 30 − 20
  EXPECT_EQ(unflagged.customers.frequency[0], 2u);          // 1 and C2

  IngestOptions options;
  options.cancelled_order_prefix = "C";
  const IngestResult flagged = ingest_all(csv, options);
  EXPECT_EQ(flagged.customers.monetary[0], 50'000'000);  // 100 − 30 − 20
  EXPECT_EQ(flagged.customers.frequency[0], 1u);
  EXPECT_EQ(flagged.customers.last_purchase[0], days_from_civil(2024, 1, 2));
  EXPECT_EQ(flagged.customers.last_activity[0], days_from_civil(2024, 1, 6));
  EXPECT_EQ(flagged.customers.monetary[1], 50'000'000);
  EXPECT_EQ(flagged.rows.used, 4u);
}

TEST(OrderIngest, ACancellationPrefixWithoutAnOrderIdColumnIsRefused) {
  IngestOptions options;
  options.cancelled_order_prefix = "C";
  options.file_name = "orders.csv";
  OrderIngest ingest(options);
  ingest.feed("CustomerID,InvoiceDate,Amount\nA,2024-01-02,100\n");
  const Status status = ingest.finish();
  EXPECT_EQ(status.code(), ErrorCode::kMissingColumn);
  EXPECT_NE(status.message().find("order id prefix \"C\""), std::string::npos) << status.message();
}

TEST(OrderIngest, AFileQuotingWithSingleQuotesIsReadWithThem) {
  // single_quoted_orders.csv: ';' between fields wrapped in '…', a ';' inside one, '' for an
  // apostrophe, decimal commas. C1: 12,50 + 1.250,00 = 1262.50 over two orders.
  const IngestResult result = ingest_all(read_file(fixture_path("single_quoted_orders.csv")));
  EXPECT_EQ(result.input.quote, '\'');
  EXPECT_EQ(result.input.delimiter, ';');
  EXPECT_EQ(result.rows.used, 3u);
  EXPECT_EQ(result.customers.id, (std::vector<std::string>{"C1", "C2"}));
  EXPECT_EQ(result.customers.monetary[0], 1'262'500'000);
  EXPECT_EQ(result.customers.frequency[0], 2u);
}

TEST(OrderIngest, WithoutAnOrderIdEveryRowIsAnOrder) {
  IngestOptions options;
  options.columns[ColumnRole::kOrderId] = "";
  const IngestResult result = ingest_all(read_file(fixture_path("tiny_orders.csv")), options);
  EXPECT_EQ(result.customers.frequency[0], 3u);  // A: O1 and both lines of O2
  EXPECT_EQ(result.rows.used, 10u);
}

TEST(OrderIngest, RowsAfterTheAnalysisDateAreSkippedWithTheirReason) {
  IngestOptions options;
  options.analysis_date = days_from_civil(2024, 3, 1);
  const IngestResult result = ingest_all(read_file(fixture_path("tiny_orders.csv")), options);
  EXPECT_EQ(count(result, SkipReason::kAfterAnalysisDate), 3u);  // 03-05, 03-09, 03-09
  EXPECT_EQ(result.rows.used, 7u);
  EXPECT_EQ(result.skipped[0].detail, "2024-03-05 is after the analysis date 2024-03-01");
}

TEST(OrderIngest, BomTabsChineseHeadersAndQuotedNames) {
  const std::string bytes = read_file(fixture_path("chinese_orders.tsv"));
  for (const std::size_t chunk : {1u, 2u, 5u, 4096u}) {
    const IngestResult result = ingest_all(bytes, {}, chunk);
    EXPECT_TRUE(result.input.utf8_bom);
    EXPECT_EQ(result.input.delimiter, '\t');
    EXPECT_EQ(result.input.header[0], "订单编号");  // the BOM is not part of the first name
    ASSERT_EQ(result.customers.size(), 3u);
    EXPECT_EQ(result.customers.monetary[0], 15'000'500'000);
    EXPECT_EQ(result.rows.used, 4u);
  }
}

TEST(OrderIngest, EmptyFileAndMissingColumnsAreErrorsNotEmptyResults) {
  OrderIngest empty({});
  EXPECT_EQ(empty.finish().code(), ErrorCode::kEmptyFile);

  IngestOptions options;
  options.file_name = "people.csv";
  OrderIngest wrong(options);
  // The first 64 KiB are held until the encoding is decided, so a small file's header is
  // judged when the file ends; a big file's as soon as that much has arrived.
  EXPECT_TRUE(wrong.feed("name,age\nAda,36\n").ok());
  EXPECT_EQ(wrong.finish().code(), ErrorCode::kMissingColumn);
  EXPECT_EQ(wrong.feed("more").code(), ErrorCode::kMissingColumn);

  OrderIngest big(options);
  const std::string rows = "name,age\n" + std::string(70'000, 'x') + "\n";
  EXPECT_EQ(big.feed(rows).code(), ErrorCode::kMissingColumn);
}

TEST(OrderIngest, TheDateColumnsDayMonthOrderIsDetectedOnceAndCanBeGiven) {
  // 25/12/2024 only reads day first, so the whole column is day first: 3/5/2024 is 3 May.
  const std::string file =
      "customer_id,date,amount\nA,3/5/2024,10\nB,25/12/2024,20\nC,2024年6月1日,5\n";
  const IngestResult detected = ingest_all(file);
  EXPECT_EQ(detected.input.date_order, DateOrder::kDayFirst);
  EXPECT_EQ(detected.input.date_order_source, "detected: \"25/12/2024\" reads only this way");
  EXPECT_EQ(detected.customers.last_purchase[0], days_from_civil(2024, 5, 3));
  EXPECT_EQ(detected.rows.used, 3u);

  // Told month first, 25/12/2024 is no date: skipped, and the message says what would read it.
  IngestOptions month_first;
  month_first.date_order = DateOrder::kMonthFirst;
  const IngestResult given = ingest_all(file, month_first);
  EXPECT_EQ(given.input.date_order_source, "given");
  EXPECT_EQ(given.customers.last_purchase[0], days_from_civil(2024, 3, 5));
  ASSERT_EQ(given.skipped.size(), 1u);
  EXPECT_EQ(given.skipped[0].reason, SkipReason::kBadDate);
  EXPECT_NE(given.skipped[0].detail.find("It reads as a date day first: set the date order"),
            std::string::npos)
      << given.skipped[0].detail;
}

TEST(OrderIngest, RowsAreTakenInFileOrderThoughTheyAreAddedInBatches) {
  // Rows are added to their customers a batch at a time; the tenth of A's would take its
  // total past what 64 bits hold, and is only found out then. It must still be listed before
  // the bad date on the row after it, which is found out as that row is read.
  std::string csv = "order,customer,date,amount\n";
  for (int i = 1; i <= 10; ++i) csv += std::to_string(i) + ",A,2024-01-02,999999999999\n";
  csv += "11,B,2024-13-45,5\n12,B,2024-01-03,5\n";
  for (const std::size_t chunk : {std::size_t{1}, std::size_t{13}, csv.size()}) {
    const IngestResult result = ingest_all(csv, {}, chunk);
    ASSERT_EQ(result.skipped.size(), 2u) << "chunk size " << chunk;
    EXPECT_EQ(result.skipped[0].row, 11u);
    EXPECT_EQ(result.skipped[0].reason, SkipReason::kAmountOutOfRange);
    EXPECT_EQ(result.skipped[0].detail, "adding this amount would overflow the customer's total");
    EXPECT_EQ(result.skipped[1].row, 12u);
    EXPECT_EQ(result.skipped[1].reason, SkipReason::kBadDate);
    EXPECT_EQ(result.rows.used, 10u);
    ASSERT_EQ(result.customers.size(), 2u);
    EXPECT_EQ(result.customers.monetary[0], Micros{9} * 999'999'999'999'000'000);
    EXPECT_EQ(result.customers.frequency[0], 9u);
    EXPECT_EQ(result.customers.monetary[1], 5'000'000);
  }
}

TEST(OrderIngest, HeaderOnlyGivesNoCustomersAndNoError) {
  const IngestResult result = ingest_all("customer_id,date,amount\n");
  EXPECT_EQ(result.rows.total, 0u);
  EXPECT_EQ(result.customers.size(), 0u);
}

}  // namespace
}  // namespace tierlens
