#include "tierlens/hypergeometric.h"

#include <gtest/gtest.h>

#include <cmath>

namespace tierlens {
namespace {

double relative_error(double actual, double expected) {
  return std::fabs(actual - expected) / std::fabs(expected);
}

TEST(Hypergeometric, OneOneTwoIsMinusLogOfOneMinusZOverZ) {
  for (double z : {1e-9, 0.01, 0.3, 0.5, 0.9, 0.99}) {
    EXPECT_LE(relative_error(hypergeometric_2f1(1, 1, 2, z), -std::log1p(-z) / z), 1e-14) << z;
  }
  // 35,000 terms: their rounding adds up.
  EXPECT_LE(relative_error(hypergeometric_2f1(1, 1, 2, 0.999), -std::log1p(-0.999) / 0.999), 1e-13);
}

TEST(Hypergeometric, EqualBAndCLeaveAPowerOfOneMinusZ) {
  for (double a : {0.243, 1.0, 7.75}) {
    for (double z : {0.1, 0.5, 0.95}) {
      EXPECT_LE(relative_error(hypergeometric_2f1(a, 3.25, 3.25, z), std::pow(1 - z, -a)), 1e-14)
          << a << ", " << z;
    }
  }
  // A negative a alternates the terms' signs; they cancel badly as z nears 1, not at ½.
  for (double z : {0.1, 0.5}) {
    EXPECT_LE(relative_error(hypergeometric_2f1(-2.5, 3.25, 3.25, z), std::pow(1 - z, 2.5)), 1e-14)
        << z;
  }
}

TEST(Hypergeometric, MatchesMpmath) {
  // mpmath.hyp2f1 at 40 digits, arguments the exact doubles.
  EXPECT_LE(relative_error(hypergeometric_2f1(2.243, 4.426, 4.219, 0.4688), 4.4689201304028959337),
            1e-14);
  EXPECT_LE(relative_error(hypergeometric_2f1(0.3, -0.7, 2.5, 0.95), 0.91453428811678656173),
            1e-14);
  EXPECT_LE(relative_error(hypergeometric_2f1(12.5, 30.25, 40.75, 0.8), 338406.21766521942276),
            1e-13);
}

TEST(Hypergeometric, ANonPositiveIntegerATerminatesTheSeries) {
  // ₂F₁(−2, b; c; z) = 1 − 2bz/c + b(b + 1)z²/(c(c + 1)).
  const double b = 1.5, c = 2.5, z = 0.7;
  EXPECT_LE(relative_error(hypergeometric_2f1(-2, b, c, z),
                           1 - 2 * b * z / c + b * (b + 1) * z * z / (c * (c + 1))),
            1e-15);
}

TEST(Hypergeometric, SatisfiesEulersTransformation) {
  // ₂F₁(a, b; c; z) = (1 − z)^(c − a − b)·₂F₁(c − a, c − b; c; z), the identity BG/NBD uses.
  const double a = 2.243, b = 4.426, c = 4.219;
  for (double z : {0.2, 0.6, 0.9}) {
    EXPECT_LE(relative_error(hypergeometric_2f1(a, b, c, z),
                             std::pow(1 - z, c - a - b) * hypergeometric_2f1(c - a, c - b, c, z)),
              1e-13)
        << z;
  }
}

TEST(Hypergeometric, ScaledExcessIsCTimesTheExcessOverB) {
  for (double z : {0.05, 0.5, 0.9}) {
    const double a = 0.45, b = -0.207, c = 3.219;
    EXPECT_LE(relative_error(hypergeometric_2f1_scaled_excess(a, b, c, z),
                             c * (hypergeometric_2f1(a, b, c, z) - 1) / b),
              1e-13)
        << z;
  }
}

TEST(Hypergeometric, ScaledExcessStaysFiniteWhereTheQuotientIsZeroOverZero) {
  // b = c = 0, a = 1: Σ zⁿ over n ≥ 1.
  for (double z : {0.1, 0.5, 0.99}) {
    EXPECT_LE(relative_error(hypergeometric_2f1_scaled_excess(1, 0, 0, z), z / (1 - z)), 1e-14);
  }
  EXPECT_EQ(hypergeometric_2f1_scaled_excess(1, 0, 0, 0), 0);
}

TEST(Hypergeometric, OutsideItsDomainTheAnswerIsNaN) {
  EXPECT_TRUE(std::isnan(hypergeometric_2f1(1, 1, 2, 1)));
  EXPECT_TRUE(std::isnan(hypergeometric_2f1(1, 1, 2, -0.5)));
  EXPECT_TRUE(std::isnan(hypergeometric_2f1(1, 1, -3, 0.5)));
  EXPECT_TRUE(std::isnan(hypergeometric_2f1(1, 1, 0, 0.5)));
  EXPECT_TRUE(std::isnan(hypergeometric_2f1_scaled_excess(1, 1, -1, 0.5)));
  EXPECT_FALSE(std::isnan(hypergeometric_2f1_scaled_excess(1, 1, 0, 0.5)));
  // Too close to 1 for a million terms.
  EXPECT_TRUE(std::isnan(hypergeometric_2f1(1, 1, 2, 1 - 1e-9)));
}

}  // namespace
}  // namespace tierlens
