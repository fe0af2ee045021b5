// pmath against the C library's functions (glibc's, natively) over wide grids of arguments, and
// against mpmath at 40 digits where the C library is itself not exact enough to judge.
#include "tierlens/portable_math.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <limits>

namespace tierlens {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

double relative_error(double actual, double expected) {
  if (actual == expected) return 0;
  return std::fabs(actual - expected) / std::fabs(expected);
}

/// Checks `ours` against `reference` at `count` points spread evenly over [from, to] after
/// `map` (e.g. exp for a logarithmic grid); the step is not a round number, so the points do
/// not line up with any binary pattern.
void expect_close_on_grid(const char* name, double (*ours)(double), double (*reference)(double),
                          double from, double to, int count, double tolerance,
                          const std::function<double(double)>& map = [](double x) { return x; }) {
  double worst = 0;
  double worst_at = 0;
  for (int i = 0; i <= count; ++i) {
    const double x = map(from + (to - from) * (i / static_cast<double>(count)));
    const double error = relative_error(ours(x), reference(x));
    if (!(error <= worst)) {
      worst = error;
      worst_at = x;
    }
  }
  EXPECT_LE(worst, tolerance) << name << " is worst at " << worst_at;
}

double std_exp(double x) { return std::exp(x); }
double std_log(double x) { return std::log(x); }
double std_log1p(double x) { return std::log1p(x); }
double std_expm1(double x) { return std::expm1(x); }
double std_lgamma(double x) { return std::lgamma(x); }
double exp_of(double x) { return std::exp(x); }

TEST(PortableMath, ExpMatchesTheCLibraryOverItsWholeNormalRange) {
  expect_close_on_grid("exp", pmath::exp, std_exp, -708, 709.78, 400'003, 4e-15);
  expect_close_on_grid("exp near 0", pmath::exp, std_exp, -1e-6, 1e-6, 10'001, 4e-15);
}

TEST(PortableMath, LogMatchesTheCLibraryFromSubnormalsToTheLargestDoubles) {
  expect_close_on_grid("log", pmath::log, std_log, -744, 709, 400'003, 4e-15, exp_of);
  expect_close_on_grid("log near 1", pmath::log, std_log, 1 - 1e-6, 1 + 1e-6, 10'001, 4e-15);
  EXPECT_LE(relative_error(pmath::log(1.7976931348623157e308), std::log(1.7976931348623157e308)),
            4e-15);
}

TEST(PortableMath, Log1pIsAccurateForTinyAndLargeArguments) {
  expect_close_on_grid("log1p of tiny", pmath::log1p, std_log1p, -700, 0, 100'003, 4e-15,
                       exp_of);
  expect_close_on_grid("log1p of -tiny", pmath::log1p, std_log1p, -700, -1e-12, 100'003, 4e-15,
                       [](double t) { return -std::exp(t); });
  expect_close_on_grid("log1p", pmath::log1p, std_log1p, -0.999999, 1e6, 200'003, 4e-15);
  EXPECT_EQ(pmath::log1p(1e-300), 1e-300);
}

TEST(PortableMath, Expm1IsAccurateForTinyArguments) {
  expect_close_on_grid("expm1", pmath::expm1, std_expm1, -50, 50, 200'003, 4e-15);
  expect_close_on_grid("expm1 near 0", pmath::expm1, std_expm1, -1e-9, 1e-9, 20'001, 4e-15);
}

TEST(PortableMath, PowKeepsItsErrorBoundUpToOverflow) {
  // The bound in portable_math.h: 1e-15 + 2e-17·|y·log x| (with a margin on the slope).
  double worst_excess = 0;
  for (int i = 0; i <= 600; ++i) {
    const double x = std::exp(-700 + 1400 * (i / 600.0) + 0.123);
    for (int j = 0; j <= 400; ++j) {
      const double y = (-1 + 2 * (j / 400.0)) * 700 / std::fabs(std::log(x));
      const double expected = std::pow(x, y);
      if (!(expected > 1e-300 && expected < kInfinity)) continue;
      const double allowed = 1e-15 + 2.5e-17 * std::fabs(y * std::log(x));
      worst_excess = std::max(worst_excess, relative_error(pmath::pow(x, y), expected) / allowed);
    }
  }
  EXPECT_LE(worst_excess, 1.0);
  EXPECT_EQ(pmath::pow(2, 10), 1024);
  EXPECT_EQ(pmath::pow(0.5, -3), 8);
  EXPECT_LE(relative_error(pmath::pow(3, 0.5), std::sqrt(3.0)), 2.3e-16);
}

TEST(PortableMath, LgammaMatchesTheCLibraryFromAThousandthToTenMillion) {
  // Both are within a few ulp of the truth; 3e-15 is about 13 ulp.
  expect_close_on_grid("lgamma", pmath::lgamma, std_lgamma, std::log(1e-3), std::log(1e7),
                       200'003, 3e-15, exp_of);
  expect_close_on_grid("lgamma on [0.4, 8]", pmath::lgamma, std_lgamma, 0.4, 8, 200'003, 3e-15);
}

TEST(PortableMath, LgammaKeepsItsPrecisionNextToItsZerosAndAtTheExtremes) {
  // mpmath.loggamma(mpf(x)) at 40 digits, x the exact double.
  EXPECT_LE(relative_error(pmath::lgamma(1.00000001), -5.77215653168851219e-9), 1e-15);
  EXPECT_LE(relative_error(pmath::lgamma(1.9999999), -4.2278430309861298194e-8), 1e-15);
  EXPECT_LE(relative_error(pmath::lgamma(0.999), 0.00057803853289138023817), 1e-15);
  EXPECT_LE(relative_error(pmath::lgamma(2.5e-5), 10.596620303218486404), 1e-15);
  EXPECT_LE(relative_error(pmath::lgamma(3.7), 1.4280723266653879219), 1e-15);
  EXPECT_LE(relative_error(pmath::lgamma(123.456), 469.60554712992946873), 1e-15);
  EXPECT_LE(relative_error(pmath::lgamma(1e7), 151180949.36947391394), 1e-15);
  EXPECT_LE(relative_error(pmath::lgamma(1e-300), 690.77552789821370521), 1e-15);
  EXPECT_EQ(pmath::lgamma(1), 0);
  EXPECT_EQ(pmath::lgamma(2), 0);
}

TEST(PortableMath, SpecialValues) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(pmath::exp(kInfinity), kInfinity);
  EXPECT_EQ(pmath::exp(-kInfinity), 0);
  EXPECT_EQ(pmath::exp(710), kInfinity);
  EXPECT_EQ(pmath::exp(0), 1);
  EXPECT_TRUE(std::isnan(pmath::exp(nan)));
  EXPECT_EQ(pmath::log(0), -kInfinity);
  EXPECT_EQ(pmath::log(kInfinity), kInfinity);
  EXPECT_EQ(pmath::log(1), 0);
  EXPECT_TRUE(std::isnan(pmath::log(-1)));
  EXPECT_EQ(pmath::log1p(-1), -kInfinity);
  EXPECT_TRUE(std::isnan(pmath::log1p(-2)));
  EXPECT_EQ(pmath::expm1(-kInfinity), -1);
  EXPECT_EQ(pmath::expm1(kInfinity), kInfinity);
  EXPECT_EQ(pmath::pow(0, 2), 0);
  EXPECT_EQ(pmath::pow(0, -1), kInfinity);
  EXPECT_EQ(pmath::pow(1, nan), 1);
  EXPECT_EQ(pmath::pow(nan, 0), 1);
  EXPECT_EQ(pmath::pow(10, 400), kInfinity);
  EXPECT_EQ(pmath::pow(10, -400), 0);
  EXPECT_TRUE(std::isnan(pmath::pow(-2, 2)));
  EXPECT_EQ(pmath::lgamma(0), kInfinity);
  EXPECT_EQ(pmath::lgamma(kInfinity), kInfinity);
  EXPECT_TRUE(std::isnan(pmath::lgamma(-1.5)));
}

}  // namespace
}  // namespace tierlens
