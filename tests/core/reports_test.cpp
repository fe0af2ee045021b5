#include "tierlens/reports.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_support.h"
#include "tierlens/explanation.h"

namespace tierlens {
namespace {

using testing::fixture_path;
using testing::read_file;
using testing::run_session;

const Classification& classify_fixture(ClassificationSession& session, const std::string& name,
                                       ClassifyOptions options = {}) {
  options.file_name = name;
  const Status status = run_session(session, read_file(fixture_path(name)), options);
  EXPECT_TRUE(status.ok()) << status.message();
  return *session.result();
}

// tiny_orders.csv, worked by hand. Analysis date 2024-03-10 (day after the latest row).
//   A: R 9  F 2 M 200     B: R 24 F 1 M 1000   C: R 5 F 1 M 15 (a return of 5 on 03-09)
//   D: R 38 F 3 M 900     E: R 1  F 1 M 75.25
// Breakpoints (type 7 at .2 .4 .6 .8, h = 4p = 0.8, 1.6, 2.4, 3.2):
//   R on 1 5 9 24 38        → 4.2, 7.4, 15, 26.8
//   F on 1 1 1 2 3          → 1, 1, 1.4, 2.2
//   M on 15 75.25 200 900 1000 → 63.2, 150.1, 480, 920
// Scores: A R3 F4 M3 FM4 → 34 Loyal · B R2 F1 M5 FM3 → 23 Needing Attention ·
//   C R4 F1 M1 FM1 → 41 Promising · D R1 F5 M4 FM5 → 15 Can't Lose Them ·
//   E R5 F1 M2 FM2 → 52 Potential Loyalists.
TEST(Reports, CustomersCsvOfTheTinyFixtureIsExactlyTheHandComputedOne) {
  ClassificationSession session;
  const Classification& result = classify_fixture(session, "tiny_orders.csv");
  EXPECT_EQ(customers_csv(result),
            "\xEF\xBB\xBF"
            "customer_id,first_order,last_order,recency,frequency,monetary,r_score,f_score,"
            "m_score,fm_score,segment_cell,segment\r\n"
            "A,2024-01-10,2024-03-01,9,2,200.00,3,4,3,4,34,Loyal Customers\r\n"
            "B,2024-02-15,2024-02-15,24,1,1000.00,2,1,5,3,23,Customers Needing Attention\r\n"
            "C,2024-03-05,2024-03-05,5,1,15.00,4,1,1,1,41,Promising\r\n"
            "D,2023-12-01,2024-02-01,38,3,900.00,1,5,4,5,15,Can't Lose Them\r\n"
            "E,2024-03-09,2024-03-09,1,1,75.25,5,1,2,2,52,Potential Loyalists\r\n");
}

TEST(Reports, SummaryCarriesBreakpointsCountsAndRevenue) {
  ClassificationSession session;
  const auto summary =
      nlohmann::json::parse(summary_json(classify_fixture(session, "tiny_orders.csv")));
  EXPECT_EQ(summary["analysis_date"], "2024-03-10");
  EXPECT_EQ(summary["analysis_date_source"], "day after the latest order");
  EXPECT_EQ(summary["customers"], 5);
  EXPECT_DOUBLE_EQ(summary["revenue"].get<double>(), 2190.25);
  EXPECT_EQ(summary["rows"]["total"], 10);
  EXPECT_EQ(summary["rows"]["used"], 10);
  const auto& breaks = summary["rfm"]["breakpoints"];
  EXPECT_EQ(breaks["recency"], nlohmann::json({4.2, 7.4, 15.0, 26.8}));
  EXPECT_EQ(breaks["frequency"], nlohmann::json({1.0, 1.0, 1.4, 2.2}));
  EXPECT_EQ(breaks["monetary"], nlohmann::json({63.2, 150.1, 480.0, 920.0}));
  ASSERT_EQ(summary["segments"].size(), 11u);
  EXPECT_EQ(summary["segments"][0]["segment"], "Champions");
  EXPECT_EQ(summary["segments"][0]["customers"], 0);
  EXPECT_EQ(summary["segments"][8]["segment"], "Can't Lose Them");
  EXPECT_EQ(summary["segments"][8]["customers"], 1);
  EXPECT_DOUBLE_EQ(summary["segments"][8]["revenue_share"].get<double>(), 900.0 / 2190.25);
}

TEST(Reports, FixedBreakpointsReplaceQuantilesAndAreReported) {
  ClassifyOptions options;
  options.bins = 3;
  options.recency_breakpoints = std::vector<double>{7, 30};
  options.monetary_breakpoints = std::vector<double>{100, 500};
  ClassificationSession session;
  const Classification& result = classify_fixture(session, "tiny_orders.csv", options);
  // Recency 9 24 5 38 1 against 7, 30 → R 2 2 3 1 3; monetary 200 1000 15 900 75.25 → 2 3 1 3 1.
  EXPECT_EQ(result.r_score, (std::vector<std::uint8_t>{2, 2, 3, 1, 3}));
  EXPECT_EQ(result.m_score, (std::vector<std::uint8_t>{2, 3, 1, 3, 1}));
  const auto summary = nlohmann::json::parse(summary_json(result));
  EXPECT_EQ(summary["rfm"]["method"], "mixed");
  EXPECT_EQ(summary["rfm"]["fixed_metrics"], nlohmann::json({"recency", "monetary"}));
  EXPECT_EQ(summary["rfm"]["breakpoints"]["monetary"], nlohmann::json({100.0, 500.0}));
}

TEST(Reports, SkippedCsvListsEveryRowWithItsRawText) {
  ClassificationSession session;
  const std::string csv = skipped_csv(classify_fixture(session, "messy_orders.csv"));
  EXPECT_EQ(csv.rfind("\xEF\xBB\xBF" "file,row,line,column,reason,detail,raw\r\n", 0), 0u);
  EXPECT_NE(csv.find("\r\nmessy_orders.csv,5,6,CustomerID,missing_customer_id,the cell is empty,"
                     "1002;;2024-05-02;1;1;x\r\n"),
            std::string::npos);
  EXPECT_NE(csv.find("\r\nmessy_orders.csv,11,12,,blank_row,,\r\n"), std::string::npos);
}

TEST(Reports, CellsThatLookLikeFormulasCannotRunInExcel) {
  ClassificationSession session;
  const Classification& result = classify_fixture(session, "chinese_orders.tsv");
  // K03's name is not a report column, so build a table whose id is a formula.
  ClassificationSession injected;
  ASSERT_TRUE(run_session(injected, "customer,date,amount\n=1+2,2024-01-01,5\n@SUM(A1),2024-01-02,6\n").ok());
  const std::string csv = customers_csv(*injected.result());
  EXPECT_NE(csv.find("\r\n\"'=1+2\","), std::string::npos);
  EXPECT_NE(csv.find("\r\n\"'@SUM(A1)\","), std::string::npos);
  EXPECT_NE(customers_csv(result).find("\r\nK03,"), std::string::npos);
}

TEST(Explanation, NamesTheValuesBreakpointsScoresAndCell) {
  ClassificationSession session;
  const Classification& result = classify_fixture(session, "tiny_orders.csv");
  const auto explanation = explain_customer(result, 3);  // D
  EXPECT_EQ(explanation["customer_id"], "D");
  EXPECT_EQ(explanation["r"]["score"], 1);
  EXPECT_EQ(explanation["r"]["position"], 4);
  EXPECT_EQ(explanation["segment_cell"], "15");
  EXPECT_EQ(explanation["text"],
            "Customer D, as of 2024-03-10: recency 38 days is above 4 of the 4 quantile "
            "breakpoints, so R = 5 − 4 = 1 (fewer days is better) [breakpoints 4.2, 7.4, 15, "
            "26.8]; frequency 3 orders is above 4 of the 4 quantile breakpoints, so F = 1 + 4 = "
            "5 [breakpoints 1, 1, 1.4, 2.2]; monetary 900 is above 3 of the 4 quantile "
            "breakpoints, so M = 1 + 3 = 4 [breakpoints 63.2, 150.1, 480, 920]. FM = (F + M) / 2 "
            "rounded half up = (5 + 4) / 2 → 5. cell R1·FM5 belongs to Can't Lose Them.");
}

}  // namespace
}  // namespace tierlens
