// BG/NBD against the figures published for the CDNOW sample (../shared/data/REFERENCE.md §1:
// Fader, Hardie & Lee 2005, lifetimes' tests and Quickstart), and against mpmath at 30 digits
// where a published figure has too few digits to catch an error.
#include "tierlens/bg_nbd.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <tuple>

#include "cdnow_data.h"
#include "tierlens/hypergeometric.h"
#include "tierlens/portable_math.h"

namespace tierlens {
namespace {

/// The paper's estimates as lifetimes' tests and Hardie's spreadsheets quote them.
constexpr BgNbdParams kPublished{0.243, 4.414, 0.793, 2.426};

double relative_error(double actual, double expected) {
  return std::fabs(actual - expected) / std::fabs(expected);
}

/// Σ parameter² as lifetimes penalises it: α in units of the longest tenure.
double penalized_norm(const BgNbdParams& p, double longest_tenure) {
  const double alpha = p.alpha / longest_tenure;
  return p.r * p.r + alpha * alpha + p.a * p.a + p.b * p.b;
}

/// FHL 2005 eq. 10 exactly as printed, for comparison with the rewritten form the core uses.
double textbook_expected_purchases(const BgNbdParams& p, double t, double x, double t_x, double T) {
  const double c = p.a + p.b + x - 1;
  const double z = t / (p.alpha + T + t);
  const double numerator =
      c / (p.a - 1) *
      (1 - pmath::pow((p.alpha + T) / (p.alpha + T + t), p.r + x) *
               hypergeometric_2f1(p.r + x, p.b + x, c, z));
  const double denominator =
      1 + (x > 0 ? p.a / (p.b + x - 1) * pmath::pow((p.alpha + T) / (p.alpha + t_x), p.r + x) : 0);
  return numerator / denominator;
}

class BgNbdCdnow : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::optional<testing::NumericColumns> columns =
        testing::read_cdnow_csv("cdnow-lifetimes/cdnow_customers_summary.csv");
    if (!columns) return;
    customers_ = new PurchaseHistories{columns->at("frequency"), columns->at("recency"),
                                       columns->at("T"), {}};
    fit_ = new BgNbdFit(fit_bg_nbd(*customers_));
  }
  static void TearDownTestSuite() {
    delete customers_;
    delete fit_;
    customers_ = nullptr;
    fit_ = nullptr;
  }
  void SetUp() override {
    if (!customers_) GTEST_SKIP() << testing::kCdnowMissing;
  }

  static inline PurchaseHistories* customers_ = nullptr;
  static inline BgNbdFit* fit_ = nullptr;
};

TEST_F(BgNbdCdnow, TheFileHoldsThePublishedCustomers) {
  EXPECT_EQ(customers_->tenure.size(), 2357u);
  EXPECT_EQ(std::count_if(customers_->repeat_purchases.begin(), customers_->repeat_purchases.end(),
                          [](double x) { return x > 0; }),
            946);
}

TEST_F(BgNbdCdnow, FitReproducesThePublishedParametersAndLikelihood) {
  const BgNbdFit& fit = *fit_;
  ASSERT_TRUE(fit.converged) << fit.message;
  EXPECT_TRUE(fit.message.empty());
  EXPECT_LT(relative_error(fit.params.r, 0.243), 0.01);
  EXPECT_LT(relative_error(fit.params.alpha, 4.414), 0.01);
  EXPECT_LT(relative_error(fit.params.a, 0.793), 0.01);
  EXPECT_LT(relative_error(fit.params.b, 2.426), 0.01);
  EXPECT_NEAR(fit.log_likelihood, -9582.43, 0.05);  // FHL 2005: −9582.4
  // lifetimes' Quickstart prints the estimates to 6 digits: 0.242593, 4.413532, 0.792886,
  // 2.425752.
  EXPECT_LT(relative_error(fit.params.r, 0.242593), 1e-5);
  EXPECT_LT(relative_error(fit.params.alpha, 4.413532), 1e-5);
  EXPECT_LT(relative_error(fit.params.a, 0.792886), 1e-5);
  EXPECT_LT(relative_error(fit.params.b, 2.425752), 1e-5);
}

TEST_F(BgNbdCdnow, TheFitsLikelihoodIsTheSumOverCustomers) {
  double sum = 0;
  for (std::size_t i = 0; i < customers_->tenure.size(); ++i) {
    sum += bg_nbd_log_likelihood(fit_->params, customers_->repeat_purchases[i],
                                 customers_->last_purchase_time[i], customers_->tenure[i]);
  }
  EXPECT_NEAR(fit_->log_likelihood, sum, 1e-9);
}

TEST_F(BgNbdCdnow, IdenticalCustomersGivenOnceWithTheirCountFitTheSame) {
  std::map<std::tuple<double, double, double>, double> count;
  for (std::size_t i = 0; i < customers_->tenure.size(); ++i) {
    ++count[{customers_->repeat_purchases[i], customers_->last_purchase_time[i],
             customers_->tenure[i]}];
  }
  PurchaseHistories distinct;
  for (const auto& [history, weight] : count) {
    distinct.repeat_purchases.push_back(std::get<0>(history));
    distinct.last_purchase_time.push_back(std::get<1>(history));
    distinct.tenure.push_back(std::get<2>(history));
    distinct.weight.push_back(weight);
  }
  ASSERT_LT(distinct.tenure.size(), customers_->tenure.size());
  const BgNbdFit fit = fit_bg_nbd(distinct);
  ASSERT_TRUE(fit.converged) << fit.message;
  EXPECT_LT(relative_error(fit.params.r, fit_->params.r), 1e-6);
  EXPECT_LT(relative_error(fit.params.alpha, fit_->params.alpha), 1e-6);
  EXPECT_LT(relative_error(fit.params.a, fit_->params.a), 1e-6);
  EXPECT_LT(relative_error(fit.params.b, fit_->params.b), 1e-6);
  EXPECT_NEAR(fit.log_likelihood, fit_->log_likelihood, 1e-6);
}

TEST_F(BgNbdCdnow, APenalizerShrinksTheParameters) {
  const BgNbdFit penalized = fit_bg_nbd(*customers_, 0.1);
  ASSERT_TRUE(penalized.converged) << penalized.message;
  constexpr double kLongestTenure = 38.86;
  EXPECT_LT(penalized_norm(penalized.params, kLongestTenure),
            penalized_norm(fit_->params, kLongestTenure));
  EXPECT_LT(penalized.params.r, fit_->params.r);
  EXPECT_LT(penalized.params.a, fit_->params.a);
  EXPECT_LT(penalized.params.b, fit_->params.b);
  EXPECT_LT(penalized.log_likelihood, fit_->log_likelihood);
}

TEST_F(BgNbdCdnow, UnconditionalExpectationsAtTheFitAsInHardiesSpreadsheet) {
  // lifetimes' test_expectation_returns_same_value_Hardie_excel_sheet evaluates these at its own
  // fit, not at the rounded estimates. The first five agree to the 4 published decimals; the
  // 78-week figure, 1.8576, is 1.8580 here and in mpmath at the fitted estimates (its
  // hypergeometric series converges slowest there: z = 0.95), so it is held to 5e-4.
  const double weeks[] = {0.1429, 1, 3, 31.8571, 32, 78};
  const double published[] = {0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576};
  for (int i = 0; i < 6; ++i) {
    EXPECT_NEAR(bg_nbd_expected_purchases_new(fit_->params, weeks[i]), published[i],
                i < 5 ? 0.5e-4 : 5e-4)
        << weeks[i] << " weeks";
  }
}

TEST(BgNbd, ConditionalExpectationAsInHardiesSpreadsheet) {
  const double expected = bg_nbd_expected_purchases(kPublished, 39, 2, 30.43, 38.86);
  EXPECT_NEAR(expected, 1.226, 0.5e-3);
  // mpmath at 30 digits, FHL eq. 10 as printed:
  //   from mpmath import *; mp.dps = 30; r, al, a, b = map(mpf, (0.243, 4.414, 0.793, 2.426))
  //   x, tx, T, t = 2, mpf(30.43), mpf(38.86), mpf(39)
  //   (a+b+x-1)/(a-1)*(1-((al+T)/(al+T+t))**(r+x)*hyp2f1(r+x, b+x, a+b+x-1, t/(al+T+t)))
  //     / (1 + a/(b+x-1)*((al+T)/(al+tx))**(r+x))
  EXPECT_LT(relative_error(expected, 1.2260281747671445), 1e-13);
}

TEST(BgNbd, UnconditionalExpectationsMatchMpmath) {
  // (a+b-1)/(a-1)*(1-hyp2f1(r, b, a+b-1, t/(al+t))*(al/(al+t))**r), mpmath at 30 digits.
  const double weeks[] = {0.1429, 1, 3, 31.8571, 32, 78};
  const double exact[] = {0.0078283475160721634, 0.053267891171658282, 0.15086523089304669,
                          1.0419960608522109,    1.0452433283744438,   1.8605190579427686};
  for (int i = 0; i < 6; ++i) {
    EXPECT_LT(relative_error(bg_nbd_expected_purchases_new(kPublished, weeks[i]), exact[i]), 1e-13)
        << weeks[i] << " weeks";
  }
  EXPECT_EQ(bg_nbd_expected_purchases_new(kPublished, 0), 0);
}

TEST(BgNbd, TheRewrittenExpectationEqualsThePapersFormula) {
  const double histories[][3] = {{0, 0, 38.86}, {1, 1.71, 38.86}, {2, 30.43, 38.86},
                                 {7, 29.43, 32.71}, {25, 38.5, 38.86}};
  for (const auto& h : histories) {
    for (double t : {1.0, 10.0, 39.0, 104.0}) {
      EXPECT_LT(relative_error(bg_nbd_expected_purchases(kPublished, t, h[0], h[1], h[2]),
                               textbook_expected_purchases(kPublished, t, h[0], h[1], h[2])),
                1e-11)
          << "x " << h[0] << ", t " << t;
    }
  }
}

TEST(BgNbd, ProbabilitiesOfPurchaseCountsAsInRsBtyd) {
  EXPECT_NEAR(bg_nbd_probability_of_purchases(kPublished, 39, 0), 0.5737864, 0.5e-7);
  EXPECT_LT(relative_error(bg_nbd_probability_of_purchases(kPublished, 2, 10), 1.07869e-07), 5e-6);
}

TEST(BgNbd, PurchaseCountProbabilitiesSurviveAnUnderflowingNoPurchaseChance) {
  // P(N = 0) = (α/(α + t))ʳ = 10⁻⁸⁰⁰ here. Eq. 8 in mpmath at 40 digits with r = 200, α = 1,
  // t = 10⁴, n = 5 and the published a, b.
  const BgNbdParams p{200, 1, 0.793, 2.426};
  EXPECT_LT(relative_error(bg_nbd_probability_of_purchases(p, 1e4, 5), 0.049742446778241626705),
            1e-13);
}

TEST(BgNbd, PurchaseCountProbabilitiesAddUpToOneAndToTheExpectation) {
  // Eq. 8 and eq. 7 are derived separately in the paper; they must agree.
  for (double t : {1.0, 39.0, 78.0}) {
    double total = 0, mean = 0;
    for (int n = 0; n <= 2000; ++n) {
      const double probability = bg_nbd_probability_of_purchases(kPublished, t, n);
      ASSERT_GE(probability, 0);
      total += probability;
      mean += n * probability;
    }
    EXPECT_NEAR(total, 1, 1e-12) << t;
    EXPECT_LT(relative_error(mean, bg_nbd_expected_purchases_new(kPublished, t)), 1e-11) << t;
  }
}

TEST(BgNbd, ProbabilityAlive) {
  // No repeat purchase: the model has not yet given the customer a chance to drop out.
  EXPECT_EQ(bg_nbd_probability_alive(kPublished, 0, 0, 38.86), 1);
  // python3 -c "from mpmath import *; mp.dps=30; r,al,a,b=map(mpf,(0.243,4.414,0.793,2.426));
  //   print(1/(1+a/(b+2-1)*((al+mpf(38.86))/(al+mpf(30.43)))**(r+2)))"  (scipy is not installed
  //   here; mpmath is, and gives 30 digits). The second: x = 40, t_x = 10.
  EXPECT_LT(relative_error(bg_nbd_probability_alive(kPublished, 2, 30.43, 38.86),
                           0.72657857008067291),
            1e-14);
  EXPECT_LT(relative_error(bg_nbd_probability_alive(kPublished, 40, 10, 38.86),
                           3.1935988241390058646e-18),
            1e-12);
  // The longer the silence since the last purchase, the likelier the customer has gone.
  double previous = 1;
  for (double tenure = 30.43; tenure <= 80; tenure += 0.5) {
    const double alive = bg_nbd_probability_alive(kPublished, 2, 30.43, tenure);
    EXPECT_LT(alive, previous) << tenure;
    previous = alive;
  }
  // ((α + T)/(α + t_x))^(r + x) is 10⁵³³ here: no overflow, just a customer surely gone.
  const double gone = bg_nbd_probability_alive(kPublished, 1000, 10, 38.86);
  EXPECT_GE(gone, 0);
  EXPECT_LT(gone, 1e-300);
  EXPECT_EQ(bg_nbd_expected_purchases(kPublished, 39, 1000, 10, 38.86), 0);  // mpmath: 2.4e-472
}

TEST(BgNbd, ExpectationsOfVeryFrequentBuyersNeitherOverflowNorCancel) {
  // The paper's form multiplies 10⁻²⁷⁹ by a ₂F₁ of 10²⁷⁹ and subtracts the product from 1; the
  // rewritten form has neither. mpmath at 60 digits, eq. 10 as printed.
  EXPECT_LT(relative_error(bg_nbd_expected_purchases(kPublished, 39, 1000, 38.86, 38.86),
                           687.09812434048039),
            1e-12);
}

TEST(BgNbd, LogLikelihoodMatchesMpmath) {
  // lifetimes' A₁ + A₂ + log(e^A₃ + e^A₄) in mpmath at 40 digits.
  EXPECT_LT(relative_error(bg_nbd_log_likelihood(kPublished, 2, 30.43, 38.86),
                           -9.4586063070662712451),
            1e-14);
  EXPECT_LT(relative_error(bg_nbd_log_likelihood(kPublished, 0, 0, 38.86), -0.55471327643815845108),
            1e-14);
  EXPECT_LT(relative_error(bg_nbd_log_likelihood(kPublished, 25, 38.5, 38.86),
                           -42.41453903614576546),
            1e-14);
}

TEST(BgNbd, StaysFiniteAsADropsTowardZero) {
  // Online Retail's fit drives a towards 0 (REFERENCE.md §2).
  for (double a : {0.0, 1e-300, 1e-12, 1e-4}) {
    const BgNbdParams p{0.83, 69.0, a, 6.75};
    EXPECT_TRUE(std::isfinite(bg_nbd_log_likelihood(p, 6, 365, 367))) << a;
    EXPECT_TRUE(std::isfinite(bg_nbd_log_likelihood(p, 0, 0, 325))) << a;
    const double expected = bg_nbd_expected_purchases(p, 90, 6, 365, 367);
    EXPECT_TRUE(std::isfinite(expected) && expected > 0) << a;
    const double alive = bg_nbd_probability_alive(p, 6, 365, 367);
    EXPECT_TRUE(alive > 0.99 && alive <= 1) << a;
    EXPECT_TRUE(std::isfinite(bg_nbd_expected_purchases_new(p, 90))) << a;
    const double two = bg_nbd_probability_of_purchases(p, 90, 2);
    EXPECT_TRUE(two > 0 && two < 1) << a;
  }
  const BgNbdParams tiny{0.83, 69.0, 1e-12, 6.75};
  const BgNbdParams zero{0.83, 69.0, 0.0, 6.75};
  EXPECT_LT(relative_error(bg_nbd_expected_purchases(tiny, 90, 6, 365, 367),
                           bg_nbd_expected_purchases(zero, 90, 6, 365, 367)),
            1e-9);
}

TEST(BgNbd, ThePapersZeroOverZeroPointsAreContinuous) {
  // a = 1 makes eq. 10's 1/(a − 1) infinite, and a + b + x − 1 = 0 makes ₂F₁'s c zero; the
  // expectation is continuous through both.
  const auto near = [](const BgNbdParams& p, double da, double db) {
    return BgNbdParams{p.r, p.alpha, p.a + da, p.b + db};
  };
  const BgNbdParams a_is_one{0.243, 4.414, 1, 2.426};
  const BgNbdParams c_is_zero{0.243, 4.414, 0.25, 0.75};
  for (double t : {1.0, 39.0}) {
    const auto expected = [t](const BgNbdParams& p) {
      return bg_nbd_expected_purchases(p, t, 2, 30.43, 38.86);
    };
    const double at_one = expected(a_is_one);
    const double around_one =
        (expected(near(a_is_one, -1e-7, 0)) + expected(near(a_is_one, 1e-7, 0))) / 2;
    EXPECT_TRUE(std::isfinite(at_one));
    EXPECT_LT(relative_error(at_one, around_one), 1e-8) << t;
    const double at_zero = bg_nbd_expected_purchases_new(c_is_zero, t);
    const double around_zero = (bg_nbd_expected_purchases_new(near(c_is_zero, 0, -1e-7), t) +
                                bg_nbd_expected_purchases_new(near(c_is_zero, 0, 1e-7), t)) /
                               2;
    EXPECT_TRUE(std::isfinite(at_zero));
    EXPECT_LT(relative_error(at_zero, around_zero), 1e-8) << t;
  }
}

TEST(BgNbd, FitRefusesHistoriesItCannotUse) {
  const PurchaseHistories late{{1, 2, 1}, {3, 9, 1}, {10, 8, 10}, {}};
  const BgNbdFit fit = fit_bg_nbd(late);
  EXPECT_FALSE(fit.converged);
  EXPECT_EQ(fit.message, "customer 2: the last purchase time is outside 0 to the tenure");
  EXPECT_EQ(fit_bg_nbd({{1.5}, {1}, {2}, {}}).message,
            "customer 1: the repeat purchase count is not a whole number of 0 or more");
  EXPECT_EQ(fit_bg_nbd({{1, 2}, {1}, {2, 3}, {}}).message,
            "the purchase histories have 2 repeat counts, 1 last purchase times, 2 tenures and 0 "
            "weights");
  EXPECT_EQ(fit_bg_nbd({}).message, "there are no customers to fit");
  EXPECT_EQ(fit_bg_nbd({{1}, {1}, {2}, {0}}).message,
            "customer 1: the weight is not a positive number");
  EXPECT_EQ(fit_bg_nbd({{1}, {1}, {2}, {}}, -1).message, "the penalizer must be 0 or more");
}

// A fit where every customer drops out with about the same chance: the Beta narrows to a point,
// a and b run into the millions (TierLens's own sample data gives these). The rewritten series
// overflows there; the paper's series still converges. Reference values from mpmath at 50
// digits with the paper's eq. 10:
//   python3 -c "from mpmath import mp, mpf, hyp2f1; mp.dps = 50; r, al, a, b = mpf('0.5691'),
//     mpf('26.5878'), mpf('514353.1427'), mpf('16988455.6816'); E = lambda t, x, tx, T:
//     (a+b+x-1)/(a-1)*(1-((al+T)/(al+T+t))**(r+x)*hyp2f1(r+x, b+x, a+b+x-1, t/(al+T+t)))
//     / (1+(1 if x > 0 else 0)*a/(b+x-1)*((al+T)/(al+tx))**(r+x)); print(E(30, 1, 100, 300))"
TEST(BgNbd, ExpectationsStayFiniteWhenTheDropoutBetaNarrowsToAPoint) {
  const BgNbdParams p{0.5691, 26.5878, 514353.1427, 16988455.6816};
  EXPECT_NEAR(bg_nbd_expected_purchases(p, 30, 1, 100, 300), 0.12666949403785703, 1e-12);
  EXPECT_NEAR(bg_nbd_expected_purchases(p, 30, 5, 100, 300), 0.073120830689087094, 1e-12);
  EXPECT_NEAR(bg_nbd_expected_purchases_new(p, 30), 0.62589256925166701, 1e-12);
}

}  // namespace
}  // namespace tierlens
