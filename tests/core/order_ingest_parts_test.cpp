// Reading one file in two parts (order_ingest_parts.cpp) must give exactly what reading it in
// one go gives: every customer's figures and attribute values, the order log, every skipped
// row with its row and line number, the row counts. Each test cuts one hand-made file at many
// places and compares; where a cut cannot be merged (inside a quoted line break), the merge
// must refuse and reading on must still give the same result.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tierlens/order_ingest.h"

namespace tierlens {
namespace {

IngestOptions options_for_test() {
  IngestOptions options;
  options.file_name = "orders.csv";
  options.keep_order_log = true;
  options.attributes = {{"industry", std::nullopt}, {"region", std::nullopt}};
  return options;
}

/// Feeds `text` in chunks of `chunk` bytes, as the page's stream does.
void feed_in_chunks(OrderIngest& ingest, std::string_view text, std::size_t chunk = 4096) {
  for (std::size_t at = 0; at < text.size(); at += chunk) ASSERT_TRUE(ingest.feed(text.substr(at, chunk)).ok());
}

IngestResult read_whole(const std::string& text, const IngestOptions& options) {
  OrderIngest ingest(options);
  feed_in_chunks(ingest, text);
  EXPECT_TRUE(ingest.finish().ok());
  return ingest.take_result();
}

/// Reads `text` cut at `cut`: the later part by a second reader, merged. `merged` says whether
/// the merge took it (else the first reader read on).
IngestResult read_in_parts(const std::string& text, std::size_t cut, const IngestOptions& options, bool& merged) {
  OrderIngest earlier(options);
  feed_in_chunks(earlier, std::string_view(text).substr(0, cut));
  const std::optional<std::string> reading = earlier.later_part_reading();
  EXPECT_TRUE(reading.has_value()) << "cut " << cut;
  merged = false;
  if (reading) {
    OrderIngest later(IngestOptions{});
    EXPECT_TRUE(later.begin_later_part(*reading, text.size() - cut).ok());
    feed_in_chunks(later, std::string_view(text).substr(cut), 1000);
    std::string part;
    EXPECT_TRUE(later.finish_later_part(part).ok());
    std::string orders;
    EXPECT_TRUE(later.later_part_orders(earlier.earlier_part_ending(), orders).ok());
    merged = earlier.merge_later_part(part, orders);
  }
  if (!merged) feed_in_chunks(earlier, std::string_view(text).substr(cut));
  EXPECT_TRUE(earlier.finish().ok());
  return earlier.take_result();
}

void expect_same(const IngestResult& whole, const IngestResult& parts, std::size_t cut) {
  SCOPED_TRACE("cut at byte " + std::to_string(cut));
  const CustomerTable& a = whole.customers;
  const CustomerTable& b = parts.customers;
  ASSERT_EQ(a.id, b.id);
  EXPECT_EQ(a.first_purchase, b.first_purchase);
  EXPECT_EQ(a.last_purchase, b.last_purchase);
  EXPECT_EQ(a.last_activity, b.last_activity);
  EXPECT_EQ(a.frequency, b.frequency);
  EXPECT_EQ(a.monetary, b.monetary);
  ASSERT_EQ(a.attributes.size(), b.attributes.size());
  for (std::size_t f = 0; f < a.attributes.size(); ++f) {
    EXPECT_EQ(a.attributes[f].header, b.attributes[f].header);
    for (std::size_t i = 0; i < a.size(); ++i) {
      // Values are numbered as first met, which may differ; the value each customer has may not.
      ASSERT_EQ(a.attributes[f].value(i), b.attributes[f].value(i)) << a.id[i] << " " << a.attributes[f].field;
      ASSERT_EQ(a.attributes[f].seen_on[i], b.attributes[f].seen_on[i]) << a.id[i];
    }
  }
  ASSERT_EQ(whole.order_log.size(), parts.order_log.size());
  for (std::size_t i = 0; i < whole.order_log.size(); ++i) {
    ASSERT_EQ(whole.order_log[i].customer, parts.order_log[i].customer) << "log record " << i;
    ASSERT_EQ(whole.order_log[i].day, parts.order_log[i].day) << "log record " << i;
    ASSERT_EQ(whole.order_log[i].amount, parts.order_log[i].amount) << "log record " << i;
  }
  ASSERT_EQ(whole.skipped.size(), parts.skipped.size());
  for (std::size_t i = 0; i < whole.skipped.size(); ++i) {
    EXPECT_EQ(whole.skipped[i].row, parts.skipped[i].row);
    EXPECT_EQ(whole.skipped[i].line, parts.skipped[i].line);
    EXPECT_EQ(whole.skipped[i].reason, parts.skipped[i].reason);
    EXPECT_EQ(whole.skipped[i].column, parts.skipped[i].column);
    EXPECT_EQ(whole.skipped[i].detail, parts.skipped[i].detail);
    EXPECT_EQ(whole.skipped[i].raw, parts.skipped[i].raw);
  }
  EXPECT_EQ(whole.rows.total, parts.rows.total);
  EXPECT_EQ(whole.rows.used, parts.rows.used);
  EXPECT_EQ(whole.rows.skipped_by_reason, parts.rows.skipped_by_reason);
  EXPECT_EQ(whole.latest_day, parts.latest_day);
  EXPECT_EQ(whole.input.bytes, parts.input.bytes);
  EXPECT_EQ(whole.input.replaced_characters, parts.input.replaced_characters);
}

/// An orders file past the 64 KiB that decide how it reads, with what a merge must get right
/// throughout: orders of several lines (a cut can fall inside one), returns, a customer's
/// attribute changing on a later day and tying on one day, empty attribute cells, rows that are
/// skipped (bad date, blank, missing id), a quoted field with a line break, and a byte that is
/// not UTF-8. `rising`: order ids in sequence; else they jump back now and then.
std::string orders_file(bool rising) {
  const char* industries[] = {"Retail", "Energy", "Software", "", "Logistics"};
  const char* regions[] = {"East China", "North China", "", "South China"};
  std::string text = "order_id,customer_id,order_date,amount,industry,region\n";
  int order = 1000;
  for (int row = 0; text.size() < 150'000; ++row) {
    // Every fifth order has three lines, of one customer and day; when not rising, every 97th
    // line repeats an order forty back (same id, same customer: not a new order).
    if (row % 5 != 1 && row % 5 != 2) ++order;
    const int id = rising || row % 97 != 0 ? order : order - 40;
    const int customer = (id * 7919) % 613;
    const int day = 1 + (id * 31) % 28;
    const int month = 1 + (id / 200) % 12;
    const std::string amount =
        std::to_string(row % 23 == 0 ? -(row % 300) : row % 900) + "." + std::to_string(row % 10) + "5";
    std::string line = "O" + std::to_string(id) + ",C" + std::to_string(customer) + ",2024-" +
                       (month < 10 ? "0" : "") + std::to_string(month) + "-" + (day < 10 ? "0" : "") +
                       std::to_string(day) + "," + amount + "," + industries[(row / 2 + customer) % 5] + "," +
                       regions[(row / 7 + customer) % 4] + "\n";
    if (row % 211 == 0) line = "O" + std::to_string(id) + ",C" + std::to_string(customer) + ",2024-13-45,12.00,Retail,\n";
    if (row % 307 == 0) line = "\n";
    if (row % 401 == 0) line = "O" + std::to_string(id) + ",,2024-02-02,3.00,,\n";
    if (row % 503 == 0) {
      line = "O" + std::to_string(id) + ",C" + std::to_string(customer) +
             ",2024-03-03,4.50,\"Retail,\nwholesale\",East China\n";
    }
    if (row % 809 == 0) line = "O" + std::to_string(id) + ",C" + std::to_string(customer) + ",2024-04-04,1.00,Caf\xe9,\n";
    text += line;
  }
  return text;
}

/// Cuts after every `step`-th line break past the head, and inside a few quoted line breaks.
void check_cuts(const std::string& text, const IngestOptions& options, std::size_t step) {
  const IngestResult whole = read_whole(text, options);
  ASSERT_GT(whole.customers.size(), 500u);
  ASSERT_GT(whole.skipped.size(), 10u);
  std::vector<bool> inside_quotes(text.size());
  bool quoted = false;
  for (std::size_t at = 0; at < text.size(); ++at) {
    if (text[at] == '"') quoted = !quoted;
    inside_quotes[at] = quoted;
  }
  std::size_t breaks = 0;
  std::size_t merged_count = 0;
  std::size_t refused_count = 0;
  for (std::size_t at = 70'000; at < text.size(); ++at) {
    // Every step-th line break, and every one inside quotes.
    if (text[at] != '\n' || (breaks++ % step != 0 && !inside_quotes[at])) continue;
    bool merged = false;
    const IngestResult parts = read_in_parts(text, at + 1, options, merged);
    EXPECT_EQ(merged, !inside_quotes[at]) << "cut at " << at + 1;
    (merged ? merged_count : refused_count) += 1;
    expect_same(whole, parts, at + 1);
    if (::testing::Test::HasFatalFailure()) return;
  }
  EXPECT_GT(merged_count, 20u);
  EXPECT_GT(refused_count, 0u);
}

TEST(OrderIngestParts, RisingOrderIdsGiveWhatOneReadingGives) { check_cuts(orders_file(true), options_for_test(), 13); }

TEST(OrderIngestParts, OrderIdsOutOfSequenceAreLookedUp) { check_cuts(orders_file(false), options_for_test(), 13); }

TEST(OrderIngestParts, EveryCutAroundAThreeLineOrder) {
  // Cuts at every line break of a stretch, so that each line of several orders starts a part.
  const std::string text = orders_file(true);
  const IngestOptions options = options_for_test();
  const IngestResult whole = read_whole(text, options);
  for (std::size_t at = 100'000; at < 101'500; ++at) {
    if (text[at] != '\n') continue;
    bool merged = false;
    expect_same(whole, read_in_parts(text, at + 1, options, merged), at + 1);
    EXPECT_TRUE(merged);
    if (::testing::Test::HasFatalFailure()) return;
  }
}

TEST(OrderIngestParts, CancellationsAndAnAnalysisDateTravelWithTheReading) {
  std::string text = orders_file(true);
  IngestOptions options = options_for_test();
  options.cancelled_order_prefix = "O11";  // O11xx: cancellations
  options.analysis_date = days_from_civil(2024, 9, 30);
  check_cuts(text, options, 41);
}

TEST(OrderIngestParts, CarriageReturnLineEnds) {
  std::string text;
  for (const char c : orders_file(false)) {
    if (c == '\n') text += '\r';
    text += c;
  }
  check_cuts(text, options_for_test(), 53);
}

TEST(OrderIngestParts, NotWhenACutLeavesARecordOpen) {
  const std::string text = orders_file(true);
  OrderIngest earlier(options_for_test());
  const std::size_t cut = text.find('\n', 80'000) - 3;  // three bytes before a line's end
  feed_in_chunks(earlier, std::string_view(text).substr(0, cut));
  OrderIngest later(IngestOptions{});
  ASSERT_TRUE(later.begin_later_part(*earlier.later_part_reading(), std::nullopt).ok());
  ASSERT_TRUE(later.feed(std::string_view(text).substr(cut)).ok());
  std::string part;
  ASSERT_TRUE(later.finish_later_part(part).ok());
  std::string orders;
  ASSERT_TRUE(later.later_part_orders(earlier.earlier_part_ending(), orders).ok());
  EXPECT_FALSE(earlier.merge_later_part(part, orders));
  // Refused without a change: reading on still gives the whole file's result.
  feed_in_chunks(earlier, std::string_view(text).substr(cut));
  ASSERT_TRUE(earlier.finish().ok());
  expect_same(read_whole(text, options_for_test()), earlier.take_result(), cut);
}

TEST(OrderIngestParts, OnlyUtf8DelimitedOrdersAfterTheHead) {
  const std::string text = orders_file(true);
  OrderIngest early(options_for_test());
  ASSERT_TRUE(early.feed(std::string_view(text).substr(0, 1000)).ok());
  EXPECT_FALSE(early.later_part_reading().has_value());  // the head has not decided yet

  IngestOptions gb = options_for_test();
  gb.encoding = TextEncoding::kGb18030;
  OrderIngest other_encoding(gb);
  feed_in_chunks(other_encoding, std::string_view(text).substr(0, 100'000));
  EXPECT_FALSE(other_encoding.later_part_reading().has_value());

  IngestOptions preview = options_for_test();
  preview.preview_rows = 5;
  OrderIngest previewing(preview);
  feed_in_chunks(previewing, std::string_view(text).substr(0, 100'000));
  EXPECT_FALSE(previewing.later_part_reading().has_value());
}

TEST(OrderIngestParts, RefusesBytesItDidNotMake) {
  OrderIngest later(IngestOptions{});
  EXPECT_FALSE(later.begin_later_part("not a reading", std::nullopt).ok());

  const std::string text = orders_file(true);
  OrderIngest earlier(options_for_test());
  feed_in_chunks(earlier, std::string_view(text).substr(0, 100'000));
  ASSERT_TRUE(earlier.later_part_reading().has_value());
  EXPECT_FALSE(earlier.merge_later_part("not a part", ""));
  EXPECT_FALSE(earlier.merge_later_part("", ""));
  std::string orders;
  EXPECT_FALSE(later.later_part_orders("not an ending", orders).ok());
}

}  // namespace
}  // namespace tierlens
