// Customer lifetime value through a whole run: the models' inputs built from the purchases,
// then the fitted parameters and per-customer figures checked against published results on
// real data, read in place from ../shared/data (REFERENCE.md §1 CDNOW, §2 Online Retail).
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>
#include <sstream>

#include "test_support.h"
#include "tierlens/clv_inputs.h"
#include "tierlens/reports.h"

namespace tierlens {
namespace {

using testing::classify_text;
using testing::file_exists;
using testing::read_file;
using testing::run_session;
using testing::shared_data_path;

void expect_within_percent(double actual, double published, double percent, const char* what) {
  EXPECT_LT(std::fabs(actual - published), std::fabs(published) * percent / 100)
      << what << ": " << actual << " against the published " << published;
}

// ---------------------------------------------------------------------------------------------
// Inputs, by hand

TEST(ClvInputs, CountPurchaseDaysFromEachCustomersFirstAndSplitAtTheCalibrationEnd) {
  // Customer 0 buys on days 10 (two records: 5 and 7), 12 (3), 13 (1 and 2 later in the file)
  // and 20 (4): with the calibration ending on day 15, its repeat days are 12 and 13, so
  // x = 2, t_x = 13 − 10 = 3, T = 15 − 10 = 5, repeat spend (3 + 1 + 2) / 2 = 3, and day 20
  // is one purchase after the calibration.
  // Customer 1 first buys on day 16, after it: not in the calibration. Customer 2 never buys.
  // Customer 3 buys once, on day 14: x = 0, t_x = 0, T = 1, repeat spend 0. Returns (the
  // negative records) are not purchases: customer 0's on day 11 and customer 2's change nothing.
  const std::vector<OrderRecord> purchases = {
      {0, 10, 5'000'000}, {0, 12, 3'000'000}, {1, 16, 9'000'000}, {0, 10, 7'000'000}, {0, 13, 1'000'000},
      {3, 14, 8'000'000}, {0, 20, 4'000'000}, {0, 13, 2'000'000}, {0, 11, -2'000'000}, {2, 12, -1'000'000},
  };
  const ClvInputs inputs = clv_inputs(purchases, 4, PurchasePeriod::kDay, 15);
  EXPECT_EQ(inputs.in_calibration, (std::vector<std::uint8_t>{1, 0, 0, 1}));
  EXPECT_EQ(inputs.frequency, (std::vector<double>{2, 0, 0, 0}));
  EXPECT_EQ(inputs.recency, (std::vector<double>{3, 0, 0, 0}));
  EXPECT_EQ(inputs.age, (std::vector<double>{5, 0, 0, 1}));
  EXPECT_EQ(inputs.repeat_spend, (std::vector<double>{3, 0, 0, 0}));
  EXPECT_EQ(inputs.later_purchases, (std::vector<double>{1, 0, 0, 0}));

  // By week (Monday to Sunday): days 10–13 are 1970-01-11 (a Sunday) to 1970-01-14, so day 10
  // is week 0 and days 12–13 week 1; the calibration ends in week 1 (day 15 is a Friday).
  const ClvInputs weekly = clv_inputs(purchases, 4, PurchasePeriod::kWeek, 15);
  EXPECT_EQ(weekly.frequency[0], 1);
  EXPECT_EQ(weekly.recency[0], 1);
  EXPECT_EQ(weekly.age[0], 1);
  EXPECT_EQ(weekly.repeat_spend[0], 6);  // 3 + 1 + 2 in the one repeat week
  EXPECT_EQ(weekly.later_purchases[0], 1);  // day 20 is in week 2
}

TEST(ClvInputs, PeriodsAreConsecutiveAcrossYearsAndBefore1970) {
  EXPECT_EQ(period_number(days_from_civil(1970, 1, 4), PurchasePeriod::kWeek), -1);  // a Sunday
  EXPECT_EQ(period_number(days_from_civil(1970, 1, 5), PurchasePeriod::kWeek), 0);   // a Monday
  EXPECT_EQ(period_number(days_from_civil(1969, 12, 29), PurchasePeriod::kWeek), -1);
  EXPECT_EQ(period_number(days_from_civil(2012, 1, 1), PurchasePeriod::kMonth) -
                period_number(days_from_civil(2011, 12, 31), PurchasePeriod::kMonth),
            1);
  EXPECT_EQ(period_number(days_from_civil(1969, 12, 31), PurchasePeriod::kMonth), 1969 * 12 + 11);
}

// ---------------------------------------------------------------------------------------------
// Guard rails

TEST(Clv, TooFewRepeatCustomersFallBackToHistoricalClvWithAReason) {
  const Classification result = classify_text(
      "customer_id,date,amount\nA,2024-01-01,100\nA,2024-02-01,50\nB,2024-01-15,80\nC,2024-03-01,20\n",
      R"({"tierlens_policy": 1, "dimensions": [{"id": "value", "type": "clv"}]})");
  ASSERT_TRUE(result.clv);
  EXPECT_EQ(result.clv->basis, "historical");
  EXPECT_FALSE(result.clv->purchases);
  ASSERT_FALSE(result.clv->warnings.empty());
  EXPECT_NE(result.clv->warnings[0].find("1 customers bought again"), std::string::npos) << result.clv->warnings[0];
  // A: 150 over the 61 days from 2024-01-01 to 2024-03-01 (2.0 months), 12 months at 1 %.
  double annuity = 0;
  for (int month = 1; month <= 12; ++month) annuity += 1 / std::pow(1.01, month);
  EXPECT_NEAR(result.clv->clv[0], 150 / (61 / (365.25 / 12)) * annuity, 1e-9);
  // C bought on the last day: one month at least, not 20 a day.
  EXPECT_NEAR(result.clv->clv[2], 20 * annuity, 1e-9);
  EXPECT_TRUE(std::isnan(result.clv->probability_alive[0]));
}

TEST(Clv, OnlyRunsWhenThePolicyUsesIt) {
  const std::string orders = "customer_id,date,amount\nA,2024-01-01,100\nA,2024-02-01,50\n";
  EXPECT_FALSE(classify_text(orders, R"({"tierlens_policy": 1})").clv);
  const Classification in_a_rule = classify_text(
      orders, R"({"tierlens_policy": 1, "tiers": [{"name": "valuable", "when": {"field": "clv", "op": ">", "value": 10}},
                                                  {"name": "rest"}]})");
  ASSERT_TRUE(in_a_rule.clv);
  EXPECT_FALSE(in_a_rule.ingest.order_log.empty());
}

TEST(Clv, SettingsAreReadAndRefusedWithTheirPath) {
  ClassifyOptions options;
  ASSERT_TRUE(parse_policy_json(R"({"tierlens_policy": 1, "clv": {"period": "week", "horizon_months": 24,
      "discount_rate": 0.02, "margin": 0.3, "penalizer": 0.001, "holdout_days": 90}})", options).ok());
  EXPECT_EQ(options.clv.period, PurchasePeriod::kWeek);
  EXPECT_EQ(options.clv.horizon_months, 24);
  EXPECT_EQ(options.clv.monthly_discount_rate, 0.02);
  EXPECT_EQ(options.clv.margin, 0.3);
  EXPECT_EQ(options.clv.penalizer, 0.001);
  EXPECT_EQ(options.clv.holdout_days, 90);
  const auto refused = [](const std::string& clv) {
    ClassifyOptions ignored;
    return parse_policy_json(R"({"tierlens_policy": 1, "clv": )" + clv + "}", ignored).message();
  };
  EXPECT_EQ(refused(R"({"period": "year"})"), "clv.period: expected one of day, week, month");
  EXPECT_EQ(refused(R"({"margin": 30})"),
            "clv.margin: expected the share of spend that is profit, above 0 and at most 1 (1: CLV in revenue)");
  EXPECT_EQ(refused(R"({"discount_rate": 1})"),
            "clv.discount_rate: expected a monthly rate from 0 up to (not including) 1, e.g. 0.01 for 1 % a month");
  EXPECT_EQ(refused(R"({"horizon_months": 0})"), "clv.horizon_months: expected a whole number of months from 1 to 600");
  EXPECT_EQ(refused(R"({"horizon": 12})"),
            "clv.horizon: unknown key; expected one of period, horizon_months, discount_rate, margin, penalizer, "
            "holdout_days");
}

TEST(Clv, ReclassifyingIntoAPolicyWithClvAsksForTheFileAgain) {
  // The first run kept no purchases; the CLV models need them.
  ClassificationSession session;
  ASSERT_TRUE(run_session(session, "customer_id,date,amount\nA,2024-01-01,100\nA,2024-02-01,50\n").ok());
  EXPECT_FALSE(session.result()->ingest.order_log_kept);
  ClassifyOptions with_clv;
  ASSERT_TRUE(parse_policy_json(R"({"tierlens_policy": 1, "dimensions": [{"id": "v", "type": "clv"}]})", with_clv).ok());
  bool reclassified = true;
  ASSERT_TRUE(session.reclassify(with_clv, reclassified).ok());
  EXPECT_FALSE(reclassified);
}

// ---------------------------------------------------------------------------------------------
// CDNOW (REFERENCE.md §1): the 1/10 sample's transactions, 2,357 customers, 39-week calibration

/// CDNOW_sample.txt as CSV: its columns are master id, sample id, date (YYYYMMDD), CDs and
/// dollars, separated by spaces, without a header. Sample ids lose their zeros ("0001" is
/// ID 1 of the published summaries).
std::string cdnow_orders_csv(const std::string& sample_text) {
  std::istringstream lines(sample_text);
  std::string csv = "customer_id,date,amount\n";
  std::string master, id, date, cds, dollars;
  while (lines >> master >> id >> date >> cds >> dollars) {
    csv += std::to_string(std::stoi(id)) + "," + date.substr(0, 4) + "-" + date.substr(4, 2) + "-" + date.substr(6, 2) + "," + dollars + "\n";
  }
  return csv;
}

class Cdnow : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string path = shared_data_path("cdnow-lifetimes/CDNOW_sample.txt");
    if (!file_exists(path)) GTEST_SKIP() << path << " is absent: the CDNOW checks need ../shared/data";
    orders_ = cdnow_orders_csv(read_file(path));
  }
  std::string orders_;
};

TEST_F(Cdnow, FittedParametersAreThePublishedOnesWithin1Percent) {
  // Calibration to 1997-09-30, as Fader, Hardie & Lee (2005): later rows are skipped.
  const Classification result = classify_text(orders_, R"({"tierlens_policy": 1, "analysis_date": "1997-09-30",
      "clv": {"holdout_days": 0}, "dimensions": [{"id": "value", "type": "clv"}]})");
  ASSERT_TRUE(result.clv);
  const ClvResult& clv = *result.clv;
  EXPECT_EQ(clv.customers_with_purchases, 2'357u);
  EXPECT_EQ(clv.repeat_customers, 946u);  // x > 0 in cdnow_customers_summary_with_transactions.csv
  ASSERT_TRUE(clv.purchases);
  ASSERT_TRUE(clv.spend);
  EXPECT_EQ(clv.basis, "model");
  // Our time unit is the day; the paper's is the week. r, a and b do not depend on it; α
  // scales with it (the likelihood is the same up to a constant with α in days = 7 α in weeks).
  const BgNbdParams& p = clv.purchases->params;
  expect_within_percent(p.r, 0.243, 1, "r");
  expect_within_percent(p.alpha / 7, 4.414, 1, "alpha (weeks)");
  expect_within_percent(p.a, 0.793, 1, "a");
  expect_within_percent(p.b, 2.426, 1, "b");
  const GammaGammaParams& g = clv.spend->params;
  expect_within_percent(g.p, 6.25, 1, "p");
  expect_within_percent(g.q, 3.74, 1, "q");
  expect_within_percent(g.gamma, 15.44, 1, "gamma");
  EXPECT_EQ(clv.spend_excluded, 0u);
  // Published conditional expected average spend of customer IDs 1, 2, 3 and 6 (REFERENCE.md).
  const auto spend_of = [&](const std::string& id) {
    for (std::size_t c = 0; c < result.customer_count(); ++c) {
      if (result.ingest.customers.id[c] == id) return clv.expected_spend[c];
    }
    return -1.0;
  };
  EXPECT_NEAR(spend_of("1"), 24.65, 0.01);
  EXPECT_NEAR(spend_of("2"), 18.91, 0.01);
  EXPECT_NEAR(spend_of("3"), 35.17, 0.01);
  EXPECT_NEAR(spend_of("6"), 71.46, 0.01);
}

TEST_F(Cdnow, TheHoldoutCheckFitsOnTheFirst39WeeksAndCountsTheRest) {
  const Classification result = classify_text(orders_, R"({"tierlens_policy": 1, "analysis_date": "1998-06-30",
      "clv": {"holdout_days": 273}, "dimensions": [{"id": "value", "type": "clv"}]})");
  ASSERT_TRUE(result.clv && result.clv->holdout);
  const HoldoutCheck& check = *result.clv->holdout;
  EXPECT_EQ(format_iso_date(check.calibration_end), "1997-09-30");
  EXPECT_EQ(check.holdout_periods, 273);
  ASSERT_TRUE(check.fitted) << check.problem;
  expect_within_percent(check.purchases.params.r, 0.243, 1, "r");
  expect_within_percent(check.purchases.params.alpha / 7, 4.414, 1, "alpha (weeks)");
  EXPECT_EQ(check.customers, 2'357u);

  // The actual holdout purchases, counted independently: distinct (customer, day) after the
  // calibration.
  std::set<std::pair<std::string, std::string>> holdout_days;
  std::istringstream lines(orders_);
  std::string line;
  std::getline(lines, line);
  while (std::getline(lines, line)) {
    const std::string id = line.substr(0, line.find(','));
    const std::string date = line.substr(line.find(',') + 1, 10);
    if (date > "1997-09-30") holdout_days.emplace(id, date);
  }
  EXPECT_EQ(check.actual, static_cast<double>(holdout_days.size()));
  std::uint64_t grouped = 0;
  double actual = 0;
  for (const HoldoutCheck::Group& group : check.by_frequency) {
    grouped += group.customers;
    actual += group.actual_mean * static_cast<double>(group.customers);
  }
  EXPECT_EQ(grouped, check.customers);
  EXPECT_NEAR(actual, check.actual, 1e-6);
  // The model's prediction of the holdout total: 1,653 against 1,882 repeat purchase days
  // (−12 %) on this sample. A broken forecast is off by far more.
  EXPECT_LT(std::fabs(check.predicted - check.actual), 0.15 * check.actual)
      << "predicted " << check.predicted << ", actual " << check.actual;
}

// ---------------------------------------------------------------------------------------------
// Online Retail (REFERENCE.md §2, "BG/NBD + Gamma-Gamma on Online Retail", Susan Li's recipe:
// CustomerID present, Quantity > 0, days, observation end 2011-12-09)

using OnlineRetail = testing::OnlineRetailFile;

TEST_F(OnlineRetail, ClvModelsMatchThePublishedFit) {
  ClassifyOptions options;
  ASSERT_TRUE(parse_policy_json(R"({"tierlens_policy": 1, "clv": {"holdout_days": 0},
      "dimensions": [{"id": "value", "type": "clv"}]})", options).ok());
  options.file_name = "online_retail.csv";
  ClassificationSession session;
  ASSERT_TRUE(run_session(session, *bytes_, options).ok());
  const Classification& result = *session.result();
  ASSERT_TRUE(result.clv);
  const ClvResult& clv = *result.clv;
  EXPECT_EQ(format_iso_date(clv.calibration_end), "2011-12-09");
  EXPECT_EQ(clv.customers_with_purchases, 4'339u);
  EXPECT_EQ(clv.repeat_customers, 2'790u);
  ASSERT_TRUE(clv.frequency_spend_correlation);
  EXPECT_NEAR(*clv.frequency_spend_correlation, 0.015882, 1e-6);

  ASSERT_TRUE(clv.purchases);
  const BgNbdParams& p = clv.purchases->params;
  expect_within_percent(p.r, 0.83, 1, "r");
  expect_within_percent(p.alpha, 69.03, 1, "alpha");
  // a and b are not identified on this data (REFERENCE.md): the likelihood is flat as a → 0.
  EXPECT_LT(p.a / (p.a + p.b), 0.001);

  ASSERT_TRUE(clv.spend);
  expect_within_percent(clv.spend->params.p, 2.10, 1, "p");
  expect_within_percent(clv.spend->params.q, 3.45, 1, "q");
  expect_within_percent(clv.spend->params.gamma, 485.57, 1, "gamma");

  std::map<std::string, std::size_t> index;
  for (std::size_t c = 0; c < result.customer_count(); ++c) index[result.ingest.customers.id[c]] = c;
  // Published per-customer expected average profit (Susan Li's notebook).
  EXPECT_NEAR(clv.expected_spend[index.at("12346")], 416.92, 0.01);
  EXPECT_NEAR(clv.expected_spend[index.at("12347")], 569.99, 0.01);
  EXPECT_NEAR(clv.expected_spend[index.at("12348")], 333.76, 0.01);
  EXPECT_NEAR(clv.expected_spend[index.at("12352")], 376.17, 0.01);
  EXPECT_NEAR(clv.expected_spend[index.at("12356")], 324.01, 0.01);
  // Every buyer has the model's figures and a CLV; the customer with only returns has none.
  std::size_t valued = 0;
  for (std::size_t c = 0; c < result.customer_count(); ++c) valued += !std::isnan(clv.clv[c]);
  EXPECT_EQ(valued, 4'339u);
}

}  // namespace
}  // namespace tierlens
