#include "tierlens/portable_math.h"

#include <cmath>
#include <limits>

// exp and log follow fdlibm (e_exp.c, e_log.c), whose notice is kept as it asks:
// ====================================================
// Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
//
// Developed at SunPro, a Sun Microsystems, Inc. business.
// Permission to use, copy, modify, and distribute this
// software is freely granted, provided that this notice
// is preserved.
// ====================================================

namespace tierlens::pmath {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// ln 2 split so that k·kLn2High is exact for |k| < 2²¹.
constexpr double kLn2High = 6.93147180369123816490e-01;
constexpr double kLn2Low = 1.90821492927058770002e-10;
constexpr double kInverseLn2 = 1.44269504088896338700e+00;

/// A value carried as an unevaluated sum hi + lo with |lo| ≤ ulp(hi)/2.
struct DoubleDouble {
  double hi;
  double lo;
};

/// a + b exactly (Knuth's two-sum).
DoubleDouble two_sum(double a, double b) {
  const double sum = a + b;
  const double b_part = sum - a;
  const double error = (a - (sum - b_part)) + (b - b_part);
  return {sum, error};
}

/// a · b exactly (Dekker's product with Veltkamp's split; needs |a|, |b| < 2⁹⁹⁵ and no fused
/// multiply-add, which the build forbids).
DoubleDouble two_product(double a, double b) {
  constexpr double kSplitter = 134217729.0;  // 2²⁷ + 1
  const double a_scaled = kSplitter * a;
  const double a_high = a_scaled - (a_scaled - a);
  const double a_low = a - a_high;
  const double b_scaled = kSplitter * b;
  const double b_high = b_scaled - (b_scaled - b);
  const double b_low = b - b_high;
  const double product = a * b;
  const double error =
      ((a_high * b_high - product) + a_high * b_low + a_low * b_high) + a_low * b_low;
  return {product, error};
}

/// log x for finite x > 0 to about 59 bits: fdlibm's reduction x = 2ᵏ(1 + f) with
/// √½ ≤ 1 + f < √2 and its polynomial, with the leading terms k·ln 2 + f − f²/2 summed exactly.
DoubleDouble log_parts(double x) {
  constexpr double kLg1 = 6.666666666666735130e-01;
  constexpr double kLg2 = 3.999999999940941908e-01;
  constexpr double kLg3 = 2.857142874366239149e-01;
  constexpr double kLg4 = 2.222219843214978396e-01;
  constexpr double kLg5 = 1.818357216161805012e-01;
  constexpr double kLg6 = 1.531383769920937332e-01;
  constexpr double kLg7 = 1.479819860511658591e-01;
  constexpr double kSqrtHalf = 0.7071067811865476;

  int exponent = 0;
  double mantissa = std::frexp(x, &exponent);  // in [½, 1)
  if (mantissa < kSqrtHalf) {
    mantissa *= 2;
    --exponent;
  }
  const double f = mantissa - 1;  // exact: Sterbenz
  const double k = exponent;
  const double s = f / (2 + f);
  const double z = s * s;
  const double w = z * z;
  const double odd = w * (kLg2 + w * (kLg4 + w * kLg6));
  const double even = z * (kLg1 + w * (kLg3 + w * (kLg5 + w * kLg7)));
  const DoubleDouble f_squared = two_product(f, f);
  const double half_f_squared = 0.5 * f_squared.hi;
  const double tail = s * (half_f_squared + (even + odd));

  // log(1 + f) = f − f²/2 + s·(f²/2 + R); then add k·ln 2.
  DoubleDouble sum = two_sum(f, -half_f_squared);
  double low = sum.lo - 0.5 * f_squared.lo + tail;
  const DoubleDouble with_exponent = two_sum(k * kLn2High, sum.hi);
  low += with_exponent.lo + k * kLn2Low;
  sum = two_sum(with_exponent.hi, low);
  return sum;
}

/// log Γ(2 + ε) for |ε| ≤ ½ by its Taylor series (1 − γ)ε + Σ (−1)ᵏ(ζ(k) − 1)εᵏ/k, which keeps
/// full relative precision next to the zero at ε = 0 and converges like 4⁻ᵏ.
double lgamma_near_two(double epsilon) {
  // (−1)ᵏ(ζ(k) − 1)/k for k = 1 … 30 (k = 1: 1 − γ), from mpmath at 40 digits.
  static constexpr double kCoefficients[] = {
      0.42278433509846713,     0.3224670334241132,      -0.0673523010531981,
      0.020580808427784546,    -0.007385551028673986,   0.0028905103307415234,
      -0.001192753911703261,   0.0005096695247430425,   -0.00022315475845357939,
      9.945751278180853e-05,   -4.492623673813314e-05,  2.050721277567069e-05,
      -9.439488275268397e-06,  4.374866789907488e-06,   -2.039215753801366e-06,
      9.55141213040742e-07,    -4.492469198764566e-07,  2.1207184805554665e-07,
      -1.0043224823968099e-07, 4.7698101693639804e-08,  -2.2711094608943164e-08,
      1.0838659214896955e-08,  -5.183475041970047e-09,  2.4836745438024785e-09,
      -1.1921401405860912e-09, 5.731367241678862e-10,   -2.7595228851242334e-10,
      1.330476437424449e-10,   -6.4229645638381e-11,    3.1044247747322276e-11,
  };
  constexpr int kCount = sizeof kCoefficients / sizeof kCoefficients[0];
  double sum = kCoefficients[kCount - 1];
  for (int k = kCount - 2; k >= 0; --k) sum = kCoefficients[k] + epsilon * sum;
  return epsilon * sum;
}

/// log Γ(x) for x ≥ 7 by Stirling's series; its first omitted term is below 3e-17 there.
double lgamma_stirling(double x) {
  constexpr double kHalfLog2Pi = 0.9189385332046728;
  // B₂ₖ / (2k(2k − 1)) for k = 1 … 10.
  static constexpr double kCoefficients[] = {
      1.0 / 12,           -1.0 / 360,      1.0 / 1260,     -1.0 / 1680,    1.0 / 1188,
      -691.0 / 360360,    1.0 / 156,       -3617.0 / 122400, 43867.0 / 244188,
      -174611.0 / 125400,
  };
  constexpr int kCount = sizeof kCoefficients / sizeof kCoefficients[0];
  const double inverse = 1 / x;
  const double inverse_squared = inverse * inverse;
  double series = kCoefficients[kCount - 1];
  for (int k = kCount - 2; k >= 0; --k) series = kCoefficients[k] + inverse_squared * series;
  return (x - 0.5) * log(x) - x + kHalfLog2Pi + inverse * series;
}

}  // namespace

double exp(double x) {
  constexpr double kOverflow = 7.09782712893383973096e+02;
  constexpr double kUnderflow = -7.45133219101941108420e+02;
  constexpr double kP1 = 1.66666666666666019037e-01;
  constexpr double kP2 = -2.77777777770155933842e-03;
  constexpr double kP3 = 6.61375632143793436117e-05;
  constexpr double kP4 = -1.65339022054652515390e-06;
  constexpr double kP5 = 4.13813679705723846039e-08;

  if (x != x) return x;
  if (x > kOverflow) return kInfinity;
  if (x < kUnderflow) return 0;
  if (std::fabs(x) < 0x1p-28) return 1 + x;

  // x = k·ln 2 + r with |r| ≤ ln 2 / 2; r is carried as hi − lo.
  int k = 0;
  double hi = x;
  double lo = 0;
  if (std::fabs(x) > 0.5 * kLn2High) {
    k = static_cast<int>(kInverseLn2 * x + (x < 0 ? -0.5 : 0.5));
    hi = x - k * kLn2High;
    lo = k * kLn2Low;
  }
  const double r = hi - lo;
  const double t = r * r;
  const double c = r - t * (kP1 + t * (kP2 + t * (kP3 + t * (kP4 + t * kP5))));
  const double exp_r = 1 - ((lo - (r * c) / (2 - c)) - hi);
  return std::ldexp(exp_r, k);
}

double expm1(double x) {
  if (x != x) return x;
  if (x > 40) return exp(x);  // the 1 is below half an ulp of eˣ
  if (x < -40) return -1;     // eˣ is below half an ulp of 1
  const double power = exp(x);
  if (power == 1) return x;
  const double power_less_one = power - 1;
  // log(power) carries the same rounding as power, so the ratio cancels it (Kahan).
  return power_less_one * x / log(power);
}

double log(double x) {
  if (x != x) return x;
  if (x < 0) return kNaN;
  if (x == 0) return -kInfinity;
  if (x == kInfinity) return x;
  const DoubleDouble parts = log_parts(x);
  return parts.hi + parts.lo;
}

double log1p(double x) {
  if (x != x) return x;
  if (x < -1) return kNaN;
  if (x == -1) return -kInfinity;
  if (x == kInfinity) return x;
  // 1 + x = u + c exactly; log(1 + x) = log u + log(1 + c/u) ≈ log u + c/u.
  const DoubleDouble one_plus = two_sum(1, x);
  if (one_plus.hi == 1) return x;  // |x| < 2⁻⁵³: log(1 + x) rounds to x
  const DoubleDouble parts = log_parts(one_plus.hi);
  return parts.hi + (parts.lo + one_plus.lo / one_plus.hi);
}

double pow(double x, double y) {
  if (y == 0 || x == 1) return 1;
  if (x != x || y != y) return kNaN;
  if (x < 0) return kNaN;
  if (x == 0) return y > 0 ? 0 : kInfinity;
  if (x == kInfinity) return y > 0 ? kInfinity : 0;
  const bool grows = (x > 1) == (y > 0);  // the sign of y·log x
  if (std::fabs(y) > 0x1p900) return grows ? kInfinity : 0;

  const DoubleDouble log_x = log_parts(x);
  const DoubleDouble product = two_product(y, log_x.hi);
  const DoubleDouble exponent = two_sum(product.hi, product.lo + y * log_x.lo);
  // e^(hi + lo) = eʰⁱ·(1 + lo) since |lo| ≤ 2⁻⁴³.
  const double power = exp(exponent.hi);
  if (power == kInfinity || power == 0) return power;
  return power + power * exponent.lo;
}

double lgamma(double x) {
  if (x != x) return x;
  if (x < 0) return kNaN;
  if (x == 0 || x == kInfinity) return kInfinity;
  if (x < 0.5) return lgamma_near_two(x) - log(x) - log1p(x);  // Γ(x) = Γ(x + 2)/(x(x + 1))
  if (x < 1.5) return lgamma_near_two(x - 1) - log1p(x - 1);   // Γ(x) = Γ(x + 1)/x
  if (x < 2.5) return lgamma_near_two(x - 2);
  if (x < 7) {
    // Γ(x) = (x − 1)…(x − n)·Γ(x − n) with x − n in [1.5, 2.5); each x − j is exact.
    const int steps = static_cast<int>(std::floor(x - 1.5));
    double product = 1;
    for (int j = 1; j <= steps; ++j) product *= x - j;
    return lgamma_near_two(x - 2 - steps) + log(product);
  }
  return lgamma_stirling(x);
}

}  // namespace tierlens::pmath
