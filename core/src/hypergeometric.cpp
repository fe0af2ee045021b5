#include "tierlens/hypergeometric.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tierlens {
namespace {

constexpr double kRelativeTolerance = 1e-17;
constexpr int kMaxTerms = 1'000'000;

/// Σ tₙ for n ≥ first_index, with t_first = first_term and the term ratio shared by ₂F₁ and its
/// scaled excess, tₙ₊₁/tₙ = (a + n)(b + n)z/((c + n)(n + 1)).
double sum_series(double first_term, int first_index, double a, double b, double c, double z) {
  if (!(z >= 0 && z < 1)) return std::numeric_limits<double>::quiet_NaN();
  // A denominator c + n would reach 0.
  if (c + first_index <= 0 && std::floor(c) == c) return std::numeric_limits<double>::quiet_NaN();
  // Until n passes every parameter the ratio may still swing (a term can dip near zero as
  // a + n crosses it, then grow again); after that it tends monotonically to z.
  const double settled_from = std::max({std::fabs(a), std::fabs(b), std::fabs(c)}) + 1;
  const bool all_positive = a > 0 && b > 0 && c > 0;
  double term = first_term;
  double sum = first_term;
  for (int n = first_index; n < first_index + kMaxTerms; ++n) {
    const double ratio = (a + n) * (b + n) * z / ((c + n) * (n + 1));
    term *= ratio;
    sum += term;
    if (term == 0) return sum;  // a or b is a non-positive integer: the series ends here
    // A bound q on every later ratio: the rest is below a geometric series of ratio q.
    double q = 2;
    if (all_positive) {
      // (a + m)/(m + 1) and (b + m)/(c + m) each move monotonically towards 1 as m grows, so
      // neither exceeds the larger of its value now and 1. (Parameters in the millions, as a
      // fit where the Beta narrows to a point gives, converge long before n passes them.)
      q = z * std::max(1.0, (a + n + 1) / (n + 2)) * std::max(1.0, (b + n + 1) / (c + n + 1));
    } else if (n >= settled_from) {
      q = std::max(std::fabs(ratio), z);
    }
    if (q < 1 && std::fabs(term) * q / (1 - q) <= kRelativeTolerance * std::fabs(sum)) return sum;
    if (!std::isfinite(sum)) return sum;
  }
  return std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

double hypergeometric_2f1(double a, double b, double c, double z) {
  return sum_series(1, 0, a, b, c, z);
}

double hypergeometric_2f1_scaled_excess(double a, double b, double c, double z) {
  return sum_series(a * z, 1, a, b, c, z);
}

}  // namespace tierlens
