// The BG/NBD model of repeat buying (Fader, Hardie & Lee 2005, "Counting Your Customers the
// Easy Way", Marketing Science 24(2)). While alive, a customer buys as a Poisson process whose
// rate is gamma(r, α) distributed across customers; after each purchase they drop out with a
// probability that is beta(a, b) distributed. Times are in one unit of the caller's choice
// (weeks, days) throughout, and only repeat purchases count: the first one starts the clock.
#pragma once

#include <string>
#include <vector>

namespace tierlens {

struct BgNbdParams {
  double r;      ///< shape of the purchase-rate gamma
  double alpha;  ///< scale of the purchase-rate gamma, in the model's time unit
  double a;      ///< dropout-probability beta
  double b;      ///< dropout-probability beta
};

/// Customers' purchase histories as parallel arrays, one entry a customer, in lifetimes' sense
/// (its names in brackets).
struct PurchaseHistories {
  /// x: purchases after the first ("frequency"); a whole number.
  std::vector<double> repeat_purchases;
  /// t_x: time from the first purchase to the last ("recency"; 0 without repeat purchases).
  /// Not the core's recency metric, which counts back from the analysis date.
  std::vector<double> last_purchase_time;
  /// T: time from the first purchase to the end of the observation ("T", the customer's age).
  std::vector<double> tenure;
  /// How many customers share each history ("weights"), so that identical customers can be
  /// given once; empty: one customer each.
  std::vector<double> weight;
};

struct BgNbdFit {
  BgNbdParams params{};
  double log_likelihood = 0;  ///< the (weighted) total over customers at params, no penalty
  int iterations = 0;         ///< Nelder–Mead steps
  int evaluations = 0;        ///< likelihood evaluations
  bool converged = false;
  std::string message;  ///< why the fit failed or stopped short; empty when it converged
};

/// Log-likelihood of one customer's history (FHL 2005 eq. 6).
double bg_nbd_log_likelihood(const BgNbdParams& params, double repeat_purchases,
                             double last_purchase_time, double tenure);

/// Maximum likelihood as lifetimes' BetaGeoFitter: times divided by the largest tenure, then
/// the negative (weighted) mean log-likelihood plus penalizer·(r² + α² + a² + b²) (α in those
/// scaled units, which makes the penalty independent of the time unit) minimised over the
/// parameters' logarithms. Refused (converged false, message naming the customer) for empty or
/// unequal arrays, a count that is not a whole number, a negative or non-finite value, t_x > T,
/// T = 0 for all, a weight that is not positive, or a negative penalizer.
BgNbdFit fit_bg_nbd(const PurchaseHistories& customers, double penalizer = 0);

/// Expected purchases in the next `horizon` time units of a customer known to be still active
/// after x repeat purchases, T after their first: E[Y(t) | x, t_x, T] without its P(alive)
/// factor, which alone depends on t_x. Scoring many customers, compute it once per (x, T).
double bg_nbd_expected_purchases_while_alive(const BgNbdParams& params, double horizon,
                                             double repeat_purchases, double tenure);

/// E[Y(t) | x, t_x, T]: expected repeat purchases in the next `horizon` time units of a
/// customer with this history (FHL 2005 eq. 10).
double bg_nbd_expected_purchases(const BgNbdParams& params, double horizon,
                                 double repeat_purchases, double last_purchase_time,
                                 double tenure);

/// P(alive | x, t_x, T): 1 without repeat purchases, as the model never drops a customer
/// before their first repeat purchase.
double bg_nbd_probability_alive(const BgNbdParams& params, double repeat_purchases,
                                double last_purchase_time, double tenure);

/// E[X(t)]: expected repeat purchases of a new customer in their first `horizon` time units
/// (FHL 2005 eq. 7).
double bg_nbd_expected_purchases_new(const BgNbdParams& params, double horizon);

/// P(X(t) = n): probability that a new customer makes exactly `purchases` repeat purchases in
/// their first `horizon` time units (FHL 2005 eq. 8).
double bg_nbd_probability_of_purchases(const BgNbdParams& params, double horizon, int purchases);

}  // namespace tierlens
