// Gamma-Gamma against the figures published for the CDNOW sample's 946 repeat customers
// (../shared/data/REFERENCE.md §1: Fader & Hardie's note 025 and lifetimes' tests).
#include "tierlens/gamma_gamma.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "cdnow_data.h"

namespace tierlens {
namespace {

double relative_error(double actual, double expected) {
  return std::fabs(actual - expected) / std::fabs(expected);
}

double squared_norm(const GammaGammaParams& p) { return p.p * p.p + p.q * p.q + p.gamma * p.gamma; }

class GammaGammaCdnow : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::optional<testing::NumericColumns> columns =
        testing::read_cdnow_csv("cdnow-lifetimes/cdnow_customers_summary_with_transactions.csv");
    if (!columns) return;
    all_ = new testing::NumericColumns(std::move(*columns));
    repeat_purchases_ = new std::vector<double>;
    mean_spend_ = new std::vector<double>;
    const std::vector<double>& x = all_->at("x");
    const std::vector<double>& zbar = all_->at("zbar");
    for (std::size_t i = 0; i < x.size(); ++i) {
      if (x[i] == 0) continue;
      repeat_purchases_->push_back(x[i]);
      mean_spend_->push_back(zbar[i]);
    }
    fit_ = new GammaGammaFit(fit_gamma_gamma(*repeat_purchases_, *mean_spend_));
  }
  static void TearDownTestSuite() {
    delete all_;
    delete repeat_purchases_;
    delete mean_spend_;
    delete fit_;
    all_ = nullptr;
    repeat_purchases_ = mean_spend_ = nullptr;
    fit_ = nullptr;
  }
  void SetUp() override {
    if (!all_) GTEST_SKIP() << testing::kCdnowMissing;
  }

  static inline testing::NumericColumns* all_ = nullptr;
  static inline std::vector<double>* repeat_purchases_ = nullptr;
  static inline std::vector<double>* mean_spend_ = nullptr;
  static inline GammaGammaFit* fit_ = nullptr;
};

TEST_F(GammaGammaCdnow, FitReproducesThePublishedParameters) {
  ASSERT_EQ(repeat_purchases_->size(), 946u);
  ASSERT_TRUE(fit_->converged) << fit_->message;
  EXPECT_TRUE(fit_->message.empty());
  EXPECT_LT(relative_error(fit_->params.p, 6.25), 0.01);
  EXPECT_LT(relative_error(fit_->params.q, 3.74), 0.01);
  EXPECT_LT(relative_error(fit_->params.gamma, 15.44), 0.01);
  EXPECT_NEAR(fit_->log_likelihood, -4055.92, 0.05);
}

TEST_F(GammaGammaCdnow, LikelihoodAtTheReferenceRefit) {
  const GammaGammaParams refit{6.2488, 3.7446, 15.4477};
  double sum = 0;
  for (std::size_t i = 0; i < repeat_purchases_->size(); ++i) {
    sum += gamma_gamma_log_likelihood(refit, (*repeat_purchases_)[i], (*mean_spend_)[i]);
  }
  EXPECT_NEAR(sum, -4055.92, 0.05);
  EXPECT_GE(fit_->log_likelihood, sum);  // the maximum is at least as high
}

TEST_F(GammaGammaCdnow, ExpectedSpendOfTheFirstTenCustomersAsInHardiesNote) {
  // Customers 3, 4, 5, 8 and 10 made no repeat purchase: theirs is the population mean.
  const double published[] = {24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17};
  const std::vector<double>& id = all_->at("ID");
  for (int i = 0; i < 10; ++i) {
    ASSERT_EQ(id[i], i + 1);
    EXPECT_NEAR(gamma_gamma_expected_spend(fit_->params, all_->at("x")[i], all_->at("zbar")[i]),
                published[i], 0.01)
        << "customer " << i + 1;
  }
}

TEST_F(GammaGammaCdnow, APenalizerShrinksTheParameters) {
  const GammaGammaFit penalized = fit_gamma_gamma(*repeat_purchases_, *mean_spend_, 0.1);
  ASSERT_TRUE(penalized.converged) << penalized.message;
  EXPECT_LT(squared_norm(penalized.params), squared_norm(fit_->params));
  EXPECT_LT(penalized.log_likelihood, fit_->log_likelihood);
}

TEST(GammaGamma, LogLikelihoodMatchesMpmath) {
  // lgamma(p*x+q) - lgamma(p*x) - lgamma(q) + q*log(g) + (p*x-1)*log(m) + p*x*log(x)
  //   - (p*x+q)*log(x*m+g), mpmath at 40 digits.
  EXPECT_LT(relative_error(gamma_gamma_log_likelihood({6.25, 3.74, 15.44}, 2, 22.35),
                           -3.5513167597317047305),
            1e-14);
}

TEST(GammaGamma, ExpectedSpendWeighsTheCustomerAgainstThePopulation) {
  const GammaGammaParams p{6.25, 3.74, 15.44};
  const double population = 6.25 * 15.44 / 2.74;
  EXPECT_DOUBLE_EQ(gamma_gamma_expected_spend(p, 0, 0), population);
  // Many purchases: the customer's own mean wins.
  EXPECT_NEAR(gamma_gamma_expected_spend(p, 1e6, 50), 50, 1e-4);
  EXPECT_DOUBLE_EQ(gamma_gamma_expected_spend(p, 2, 22.35),
                   6.25 * (15.44 + 2 * 22.35) / (6.25 * 2 + 3.74 - 1));
  // q ≤ 1: the population's mean spend is unbounded.
  EXPECT_EQ(gamma_gamma_expected_spend({6.25, 0.9, 15.44}, 0, 0),
            std::numeric_limits<double>::infinity());
}

TEST(GammaGamma, FitRefusesCustomersWithoutRepeatsOrSpend) {
  EXPECT_EQ(fit_gamma_gamma({2, 0, 1}, {10, 0, 5}).message,
            "customer 2: the spend model takes repeat customers only (x > 0)");
  EXPECT_EQ(fit_gamma_gamma({2, 1}, {10, -5}).message,
            "customer 2: the spend model takes positive mean spends only");
  EXPECT_EQ(fit_gamma_gamma({2, 1}, {10}).message, "there are 2 repeat counts but 1 mean spends");
  EXPECT_EQ(fit_gamma_gamma({}, {}).message, "there are no customers to fit");
  EXPECT_FALSE(fit_gamma_gamma({}, {}).converged);
}

}  // namespace
}  // namespace tierlens
