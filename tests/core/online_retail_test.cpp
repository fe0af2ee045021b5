// The real UCI Online Retail data (541,909 invoice lines), read in place from ../shared/data.
// Figures come from ../shared/data/REFERENCE.md and online-retail-uci/SOURCE.md.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>

#include "test_support.h"
#include "tierlens/csv_splitter.h"
#include "tierlens/reports.h"
#include "tierlens/text.h"

namespace tierlens {
namespace {

using testing::file_exists;
using testing::read_file;
using testing::run_session;
using testing::shared_data_path;

using OnlineRetail = testing::OnlineRetailFile;

TEST_F(OnlineRetail, EveryRowIsAccountedForAndTheCustomerCountIsAsPublished) {
  ClassificationSession session;
  ClassifyOptions options;
  options.file_name = "online_retail.csv";
  ASSERT_TRUE(run_session(session, *bytes_, options).ok());
  const Classification& result = *session.result();
  const RowAccounting& rows = result.ingest.rows;
  EXPECT_EQ(rows.total, 541'909u);  // UCI dataset 352
  EXPECT_EQ(rows.used, 406'829u);   // rows with a CustomerID
  EXPECT_EQ(rows.skipped_by_reason[static_cast<int>(SkipReason::kMissingCustomerId)], 135'080u);
  EXPECT_EQ(rows.used + rows.skipped(), rows.total);
  EXPECT_EQ(result.ingest.skipped.size(), 135'080u);
  EXPECT_EQ(result.customer_count(), 4'372u);  // distinct non-null CustomerID
  EXPECT_EQ(format_iso_date(result.analysis_date), "2011-12-10");
  std::uint64_t customers_in_segments = 0;
  for (const SegmentTotals& totals : result.segment_totals) customers_in_segments += totals.customers;
  EXPECT_EQ(customers_in_segments, 4'372u);
}

/// Keeps the rows of Susan Li's recipe: Country = United Kingdom, CustomerID present,
/// Quantity > 0. Rows are copied verbatim, so the core parses them exactly as in the file.
class UkPositiveQuantityFilter : public RecordSink {
 public:
  std::string kept;
  void on_record(const CsvRecord& record) override {
    const auto& f = record.fields;
    const bool header = record.row == 1;
    if (header || (f[7] == "United Kingdom" && !trim_spaces(f[6]).empty() && !f[3].empty() &&
                   f[3][0] != '-' && f[3] != "0")) {
      kept.append(record.raw);
      kept.push_back('\n');
    }
  }
};

// REFERENCE.md §2, "Quartile RFM (Susan Li)": 354,345 rows, 3,921 customers; NOW 2011-12-10
// with (NOW − last InvoiceDate).days, which for these daytime invoices equals our whole-day
// recency from 2011-12-09; frequency = invoice lines (our "no order id"); quartile scores
// where her 1 is best, so her score s is our 5 − s.
TEST_F(OnlineRetail, ItsCancelledInvoicesAreAlreadyReturnsSoFlaggingThemChangesNothing) {
  // Every "C" invoice line of the file has a negative quantity: flagging the prefix must give
  // the very same customers, and it proves the flag does not touch other orders.
  ClassificationSession plain, flagged;
  ClassifyOptions options;
  ASSERT_TRUE(run_session(plain, *bytes_, options).ok());
  options.cancelled_order_prefix = "C";
  ASSERT_TRUE(run_session(flagged, *bytes_, options).ok());
  EXPECT_EQ(customers_csv(*flagged.result()), customers_csv(*plain.result()));
}

TEST_F(OnlineRetail, ReproducesThePublishedQuartileRfm) {
  CsvSplitter splitter(',');
  UkPositiveQuantityFilter filter;
  splitter.feed(*bytes_, filter);
  splitter.finish(filter);

  ClassifyOptions options;
  options.bins = 4;
  options.analysis_date = days_from_civil(2011, 12, 9);
  options.columns[ColumnRole::kOrderId] = "";
  ClassificationSession session;
  ASSERT_TRUE(run_session(session, filter.kept, options).ok());
  const Classification& result = *session.result();
  EXPECT_EQ(result.ingest.rows.used, 354'345u);
  EXPECT_EQ(result.ingest.rows.skipped(), 0u);
  ASSERT_EQ(result.customer_count(), 3'921u);

  const auto rounded = [](double value) { return std::round(value * 100) / 100; };
  const auto& b = result.breakpoints;
  EXPECT_EQ(b[0], (std::vector<double>{17, 50, 142}));
  EXPECT_EQ(b[1], (std::vector<double>{17, 41, 99}));
  EXPECT_EQ(rounded(breakpoint_for_display(RfmMetric::kMonetary, b[2][0])), 300.04);
  EXPECT_EQ(rounded(breakpoint_for_display(RfmMetric::kMonetary, b[2][1])), 651.82);
  EXPECT_EQ(rounded(breakpoint_for_display(RfmMetric::kMonetary, b[2][2])), 1575.89);

  std::map<std::string, std::size_t> index_of;
  for (std::size_t i = 0; i < result.customer_count(); ++i) {
    index_of[result.ingest.customers.id[i]] = i;
  }
  struct Published {
    const char* id;
    int recency, frequency;
    Micros monetary;
    const char* her_cell;
  };
  for (const Published& p : {Published{"12346", 325, 1, 77'183'600'000, "441"},
                             Published{"12747", 2, 103, 4'196'010'000, "111"},
                             Published{"12820", 3, 59, 942'340'000, "122"}}) {
    const std::size_t i = index_of.at(p.id);
    EXPECT_EQ(result.recency[i], p.recency) << p.id;
    EXPECT_EQ(result.ingest.customers.frequency[i], static_cast<std::uint32_t>(p.frequency)) << p.id;
    EXPECT_EQ(result.ingest.customers.monetary[i], p.monetary) << p.id;
    const std::string ours = std::to_string(5 - (p.her_cell[0] - '0')) +
                             std::to_string(5 - (p.her_cell[1] - '0')) +
                             std::to_string(5 - (p.her_cell[2] - '0'));
    EXPECT_EQ(std::to_string(result.r_score[i]) + std::to_string(result.f_score[i]) +
                  std::to_string(result.m_score[i]),
              ours)
        << p.id;
  }

  // Score sizes, her 1..4 = our 4..1 (REFERENCE.md, re-fit by the dataset's curator).
  std::map<int, int> r_sizes, f_sizes, m_sizes;
  std::map<std::string, int> cells;
  for (std::size_t i = 0; i < result.customer_count(); ++i) {
    ++r_sizes[result.r_score[i]];
    ++f_sizes[result.f_score[i]];
    ++m_sizes[result.m_score[i]];
    ++cells[std::to_string(result.r_score[i]) + std::to_string(result.f_score[i]) +
            std::to_string(result.m_score[i])];
  }
  EXPECT_EQ(r_sizes, (std::map<int, int>{{4, 1004}, {3, 969}, {2, 969}, {1, 979}}));
  EXPECT_EQ(f_sizes, (std::map<int, int>{{4, 980}, {3, 962}, {2, 949}, {1, 1030}}));
  EXPECT_EQ(m_sizes, (std::map<int, int>{{4, 980}, {3, 980}, {2, 980}, {1, 981}}));
  EXPECT_EQ(cells["444"], 409);  // her "111", best customers
  EXPECT_EQ(cells["111"], 343);  // her "444"
  EXPECT_EQ(cells["421"], 21);   // her "134"
  EXPECT_EQ(cells["211"], 168);  // her "344"
}

}  // namespace
}  // namespace tierlens
