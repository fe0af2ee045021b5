// The Chaoyang hospital pharmacy sales (6,578 rows, Chinese headers), read in place from
// ../shared/data/chaoyang-pharmacy-cn: a real point-of-sale export whose columns must be
// guessed from Chinese names and whose dates carry a weekday ("2018-01-01 星期五").
//
// The expected figures were computed independently, with Python's csv and decimal modules
// over chaoyang_2018_sales_utf8.csv: a row is used when it is not blank and the part of
// 购药时间 before the space is a valid ISO date (datetime.date.fromisoformat); used rows
// sum 实收金额 to 303,151.06 over 1,991 distinct 社保卡号. SOURCE.md counts the rest: 23
// rows dated 2018-02-29, one empty row, one row without a date.
#include <gtest/gtest.h>

#include <numeric>

#include "test_support.h"
#include "tierlens/reports.h"

namespace tierlens {
namespace {

using testing::file_exists;
using testing::read_file;
using testing::run_session;
using testing::shared_data_path;

std::uint64_t skipped_for(const RowAccounting& rows, SkipReason reason) {
  return rows.skipped_by_reason[static_cast<int>(reason)];
}

class ChaoyangPharmacy : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!file_exists(shared_data_path("chaoyang-pharmacy-cn/chaoyang_2018_sales_utf8.csv"))) {
      GTEST_SKIP() << "chaoyang-pharmacy-cn not found under ../shared/data (set "
                      "TIERLENS_SHARED_DATA); the real-data checks did not run";
    }
  }

  static Classification classify(const std::string& file) {
    ClassificationSession session;
    ClassifyOptions options;
    options.file_name = file;
    const Status status =
        run_session(session, read_file(shared_data_path("chaoyang-pharmacy-cn/" + file)), options);
    EXPECT_TRUE(status.ok()) << status.message();
    return session.result() ? *session.result() : Classification{};
  }
};

TEST_F(ChaoyangPharmacy, ColumnsAreGuessedFromTheChineseHeader) {
  const InputDescription& input = classify("chaoyang_2018_sales_utf8.csv").ingest.input;
  const auto column = [&](ColumnRole role) {
    const auto index = input.columns[role];
    return index ? input.header[*index] : std::string("(none)");
  };
  EXPECT_EQ(column(ColumnRole::kCustomerId), "社保卡号");
  EXPECT_EQ(column(ColumnRole::kDate), "购药时间");
  EXPECT_EQ(column(ColumnRole::kAmount), "实收金额");  // what was paid, not 应收金额 (due)
  EXPECT_EQ(column(ColumnRole::kQuantity), "销售数量");
}

TEST_F(ChaoyangPharmacy, EveryRowIsAccountedForAsAnIndependentCountGives) {
  const Classification result = classify("chaoyang_2018_sales_utf8.csv");
  const RowAccounting& rows = result.ingest.rows;
  EXPECT_EQ(rows.total, 6'578u);
  EXPECT_EQ(rows.used, 6'553u);
  EXPECT_EQ(skipped_for(rows, SkipReason::kBadDate), 23u);  // 2018-02-29
  EXPECT_EQ(skipped_for(rows, SkipReason::kBlankRow), 1u);
  EXPECT_EQ(skipped_for(rows, SkipReason::kMissingDate), 1u);
  EXPECT_EQ(rows.used + rows.skipped(), rows.total);
  EXPECT_EQ(result.customer_count(), 1'991u);
  const std::vector<Micros>& monetary = result.ingest.customers.monetary;
  EXPECT_EQ(std::accumulate(monetary.begin(), monetary.end(), Micros{0}), 303'151'060'000);
}

TEST_F(ChaoyangPharmacy, TheOriginalWorkbookReadsExactlyAsItsCsv) {
  const Classification utf8 = classify("chaoyang_2018_sales_utf8.csv");
  const Classification xlsx = classify("chaoyang_2018_sales_original.xlsx");
  EXPECT_EQ(xlsx.ingest.input.format, "xlsx");
  EXPECT_EQ(xlsx.ingest.input.sheet, "Sheet1");
  EXPECT_EQ(xlsx.ingest.rows.used, utf8.ingest.rows.used);
  EXPECT_EQ(xlsx.ingest.rows.skipped_by_reason, utf8.ingest.rows.skipped_by_reason);
  EXPECT_EQ(customers_csv(xlsx), customers_csv(utf8));
}

TEST_F(ChaoyangPharmacy, TheGbkCopyReadsExactlyAsTheUtf8One) {
  const Classification utf8 = classify("chaoyang_2018_sales_utf8.csv");
  const Classification gbk = classify("chaoyang_2018_sales_gbk.csv");
  EXPECT_EQ(std::string(text_encoding_key(gbk.ingest.input.encoding)), "gb18030");
  EXPECT_EQ(customers_csv(gbk), customers_csv(utf8));
}

}  // namespace
}  // namespace tierlens
