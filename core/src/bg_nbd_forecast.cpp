// What a fitted BG/NBD model says about the future: the chance a customer is still active, the
// purchases to expect from them, and the distribution of a new customer's purchases.
#include "tierlens/bg_nbd.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "tierlens/hypergeometric.h"
#include "tierlens/portable_math.h"

namespace tierlens {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// (eᵘ − 1)/u, 1 at u = 0.
double relative_expm1(double u) { return u == 0 ? 1 : pmath::expm1(u) / u; }

/// E[Y(t) | alive at T, x]: purchases expected in the next t from a customer known to be active
/// at T after x repeat purchases — FHL 2005 eq. 10 without its denominator, which is
/// 1 / P(alive). The paper's (c/(a − 1))·[1 − (1 − z)^(r+x)·₂F₁(r + x, b + x; c; z)] with
/// c = a + b + x − 1 and z = t/(α + T + t) is rewritten through Euler's transformation
/// ₂F₁(A, B; C; z) = (1 − z)^(C−A−B)·₂F₁(C − A, C − B; C; z) as
///   c·(−L)·(eᵘ − 1)/u − eᵘ·c·(₂F₁(a + b − 1 − r, a − 1; c; z) − 1)/(a − 1)
/// with L = log(1 − z), u = (a − 1)L. That form has no power of r + x to overflow for large x,
/// a series in small parameters that converges in a few terms, and no 0/0 at a = 1 or c = 0.
double expected_purchases_if_alive(const BgNbdParams& p, double horizon, double x, double tenure) {
  if (horizon == 0) return 0;
  const double c = p.a + p.b + x - 1;
  const double log_one_minus_z = -pmath::log1p(horizon / (p.alpha + tenure));
  const double z = horizon / (p.alpha + tenure + horizon);
  const double u = (p.a - 1) * log_one_minus_z;
  const double excess = hypergeometric_2f1_scaled_excess(p.a + p.b - 1 - p.r, p.a - 1, c, z);
  const double rewritten = -c * log_one_minus_z * relative_expm1(u) - pmath::exp(u) * excess;
  if (std::isfinite(rewritten)) return rewritten;
  // A very large a (a fit where every customer drops out with the same chance, a/(a + b), as
  // on data where the Beta narrows to a point) makes the rewritten series' terms grow like
  // (a·z)ⁿ/n! past the doubles; the paper's own series then converges like zⁿ. Its 0/0
  // points (a = 1, c = 0) are far away there.
  const double series = hypergeometric_2f1(p.r + x, p.b + x, c, z);
  return c / (p.a - 1) * (1 - pmath::exp((p.r + x) * log_one_minus_z) * series);
}

/// log P(N = j) for N negative binomial with shape r and P(no purchase) = pʳ: the purchases of a
/// customer who stays active, log Γ(r + j) − log Γ(r) − log j! + r·log p + j·log q.
double negative_binomial_log_pmf(double r, double log_p, double log_q, double j) {
  return pmath::lgamma(r + j) - pmath::lgamma(r) - pmath::lgamma(j + 1) + r * log_p + j * log_q;
}

/// P(N ≥ n) for n ≥ 1 without the cancellation of 1 − P(N < n) when that is close to 1: the
/// head is summed term by term, and when it passes ½ the tail is summed instead.
double negative_binomial_tail(double r, double log_p, double log_q, int n) {
  const double q = pmath::exp(log_q);
  double head = 0;
  double term = pmath::exp(r * log_p);  // P(N = 0) = pʳ
  if (term > 1e-280) {
    for (int j = 0; j < n; ++j) {
      head += term;
      term *= (r + j) / (j + 1) * q;  // P(N = j + 1) / P(N = j)
    }
  } else {
    // pʳ is (nearly) below the doubles: take each term from its logarithm instead.
    for (int j = 0; j < n; ++j) head += pmath::exp(negative_binomial_log_pmf(r, log_p, log_q, j));
  }
  if (head <= 0.5) return 1 - head;

  term = pmath::exp(negative_binomial_log_pmf(r, log_p, log_q, n));
  double tail = term;
  constexpr int kMaxTerms = 10'000'000;
  for (int j = n; j < n + kMaxTerms; ++j) {
    const double ratio = (r + j) / (j + 1) * q;  // P(N = j + 1) / P(N = j)
    term *= ratio;
    tail += term;
    // Past the mode the ratio tends to q monotonically: bound the rest geometrically.
    const double bound = std::max(ratio, q);
    if (term == 0 || (bound < 1 && term * bound / (1 - bound) <= 1e-17 * tail)) return tail;
  }
  return kNaN;
}

}  // namespace

double bg_nbd_probability_alive(const BgNbdParams& params, double repeat_purchases,
                                double last_purchase_time, double tenure) {
  if (repeat_purchases == 0) return 1;
  const BgNbdParams& p = params;
  const double x = repeat_purchases;
  // Odds of "dropped out right after the last purchase" against "still active": in log space,
  // since ((α + T)/(α + t_x))^(r + x) overflows for large x.
  const double log_odds_gone =
      pmath::log(p.a) - pmath::log(p.b + x - 1) +
      (p.r + x) * pmath::log1p((tenure - last_purchase_time) / (p.alpha + last_purchase_time));
  return 1 / (1 + pmath::exp(log_odds_gone));
}

double bg_nbd_expected_purchases_while_alive(const BgNbdParams& params, double horizon,
                                             double repeat_purchases, double tenure) {
  return expected_purchases_if_alive(params, horizon, repeat_purchases, tenure);
}

double bg_nbd_expected_purchases(const BgNbdParams& params, double horizon,
                                 double repeat_purchases, double last_purchase_time,
                                 double tenure) {
  return expected_purchases_if_alive(params, horizon, repeat_purchases, tenure) *
         bg_nbd_probability_alive(params, repeat_purchases, last_purchase_time, tenure);
}

double bg_nbd_expected_purchases_new(const BgNbdParams& params, double horizon) {
  // A new customer is one seen at T = 0 with no repeat purchase: certainly active.
  return expected_purchases_if_alive(params, horizon, 0, 0);
}

double bg_nbd_probability_of_purchases(const BgNbdParams& params, double horizon, int purchases) {
  if (purchases < 0) return 0;
  if (horizon == 0) return purchases == 0 ? 1 : 0;
  const BgNbdParams& p = params;
  const double n = purchases;
  const double log_p = -pmath::log1p(horizon / p.alpha);  // log(α/(α + t))
  const double log_q = -pmath::log1p(p.alpha / horizon);  // log(t/(α + t))
  const double lgamma_b = pmath::lgamma(p.b);
  const double lgamma_a_plus_b = pmath::lgamma(p.a + p.b);
  const double lgamma_a_plus_b_plus_n = pmath::lgamma(p.a + p.b + n);

  // Still active after the n purchases: B(a, b + n)/B(a, b) · P(N = n).
  const double active = pmath::exp(pmath::lgamma(p.b + n) + lgamma_a_plus_b - lgamma_b -
                                   lgamma_a_plus_b_plus_n +
                                   negative_binomial_log_pmf(p.r, log_p, log_q, n));
  if (purchases == 0) return active;
  // Dropped out right after the n-th purchase, which needs at least n Poisson events:
  // B(a + 1, b + n − 1)/B(a, b) · P(N ≥ n).
  const double gone = pmath::exp(pmath::log(p.a) + pmath::lgamma(p.b + n - 1) + lgamma_a_plus_b -
                                 lgamma_b - lgamma_a_plus_b_plus_n);
  return active + gone * negative_binomial_tail(p.r, log_p, log_q, purchases);
}

}  // namespace tierlens
