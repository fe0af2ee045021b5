// The BG/NBD likelihood and its maximum; the forecasts are in bg_nbd_forecast.cpp.
#include "tierlens/bg_nbd.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "positive_parameter_fit.h"
#include "tierlens/portable_math.h"

namespace tierlens {
namespace {

constexpr double kNegativeInfinity = -std::numeric_limits<double>::infinity();

/// The parts of the log-likelihood that depend on the parameters alone.
struct ParameterTerms {
  double lgamma_r;
  double r_log_alpha;
  double lgamma_b;
  double lgamma_a_plus_b;
  double log_a;
};

/// The parts shared by all customers with the same repeat count x.
struct RepeatCountTerms {
  double common;          ///< log[Γ(r + x)αʳ/Γ(r)] + log[B(a, b + x)/B(a, b)]
  double dropout_weight;  ///< log[a/(b + x − 1)]; −inf when x = 0, where no dropout can follow
};

ParameterTerms parameter_terms(const BgNbdParams& p) {
  return {pmath::lgamma(p.r), p.r * pmath::log(p.alpha), pmath::lgamma(p.b),
          pmath::lgamma(p.a + p.b), pmath::log(p.a)};
}

RepeatCountTerms repeat_count_terms(const BgNbdParams& p, const ParameterTerms& shared,
                                    double x) {
  RepeatCountTerms terms;
  terms.common = pmath::lgamma(p.r + x) - shared.lgamma_r + shared.r_log_alpha +
                 shared.lgamma_a_plus_b + pmath::lgamma(p.b + x) - shared.lgamma_b -
                 pmath::lgamma(p.a + p.b + x);
  terms.dropout_weight = x > 0 ? shared.log_a - pmath::log(p.b + x - 1) : kNegativeInfinity;
  return terms;
}

/// log(eᵘ + eᵛ) without overflow; −inf terms (a → 0 drives log a there) drop out.
double log_sum_exp(double u, double v) {
  const double larger = std::max(u, v);
  const double smaller = std::min(u, v);
  if (smaller == kNegativeInfinity) return larger;
  return larger + pmath::log1p(pmath::exp(smaller - larger));
}

/// FHL 2005 eq. 6: the history is explained either by a customer still alive at T or by one
/// who dropped out right after the last purchase at t_x. Takes log(α + t_x) and log(α + T).
double customer_log_likelihood(const BgNbdParams& p, const RepeatCountTerms& terms, double x,
                               double log_alpha_plus_last_purchase, double log_alpha_plus_tenure) {
  const double alive_at_the_end = -(p.r + x) * log_alpha_plus_tenure;
  if (x == 0) return terms.common + alive_at_the_end;
  const double gone_after_the_last = terms.dropout_weight - (p.r + x) * log_alpha_plus_last_purchase;
  return terms.common + log_sum_exp(alive_at_the_end, gone_after_the_last);
}

/// The distinct values of `values`, ascending, and for each value its index among them.
std::vector<double> distinct_values(const std::vector<double>& values, std::vector<std::size_t>& index) {
  std::vector<double> distinct = values;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  index.resize(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    index[i] = static_cast<std::size_t>(std::lower_bound(distinct.begin(), distinct.end(), values[i]) -
                                        distinct.begin());
  }
  return distinct;
}

/// Why these histories cannot be fitted, or empty.
std::string invalid_histories(const PurchaseHistories& c, double penalizer) {
  const std::size_t n = c.repeat_purchases.size();
  if (c.last_purchase_time.size() != n || c.tenure.size() != n ||
      !(c.weight.empty() || c.weight.size() == n)) {
    return "the purchase histories have " + std::to_string(n) + " repeat counts, " +
           std::to_string(c.last_purchase_time.size()) + " last purchase times, " +
           std::to_string(c.tenure.size()) + " tenures and " + std::to_string(c.weight.size()) +
           " weights";
  }
  if (n == 0) return "there are no customers to fit";
  if (!(penalizer >= 0 && std::isfinite(penalizer))) return "the penalizer must be 0 or more";
  for (std::size_t i = 0; i < n; ++i) {
    const double x = c.repeat_purchases[i];
    const double t_x = c.last_purchase_time[i];
    const double tenure = c.tenure[i];
    if (!(x >= 0 && std::isfinite(x) && std::floor(x) == x)) {
      return customer_problem(i, "the repeat purchase count is not a whole number of 0 or more");
    }
    if (!(tenure >= 0 && std::isfinite(tenure))) {
      return customer_problem(i, "the tenure is negative or not a number");
    }
    if (!(t_x >= 0 && t_x <= tenure)) {
      return customer_problem(i, "the last purchase time is outside 0 to the tenure");
    }
    if (!c.weight.empty() && !(c.weight[i] > 0 && std::isfinite(c.weight[i]))) {
      return customer_problem(i, "the weight is not a positive number");
    }
  }
  if (*std::max_element(c.tenure.begin(), c.tenure.end()) == 0) {
    return "every tenure is 0: there is no observation period to fit";
  }
  return {};
}

}  // namespace

double bg_nbd_log_likelihood(const BgNbdParams& params, double repeat_purchases,
                             double last_purchase_time, double tenure) {
  const RepeatCountTerms terms =
      repeat_count_terms(params, parameter_terms(params), repeat_purchases);
  return customer_log_likelihood(params, terms, repeat_purchases,
                                 pmath::log(params.alpha + last_purchase_time),
                                 pmath::log(params.alpha + tenure));
}

BgNbdFit fit_bg_nbd(const PurchaseHistories& customers, double penalizer) {
  BgNbdFit fit;
  fit.message = invalid_histories(customers, penalizer);
  if (!fit.message.empty()) return fit;

  // As lifetimes: times in units of the longest tenure, so that the optimiser always starts
  // at the same scale and the penalty on α does not depend on the time unit.
  const std::size_t n = customers.tenure.size();
  const double longest_tenure = *std::max_element(customers.tenure.begin(), customers.tenure.end());
  std::vector<double> last_purchase_time(n);
  std::vector<double> tenure(n);
  for (std::size_t i = 0; i < n; ++i) {
    last_purchase_time[i] = customers.last_purchase_time[i] / longest_tenure;
    tenure[i] = customers.tenure[i] / longest_tenure;
  }

  // Customers with the same repeat count share their log-gamma terms; real data has far fewer
  // distinct counts than customers (CDNOW: 2,357 customers, 30-odd counts).
  std::vector<double> counts = customers.repeat_purchases;
  std::sort(counts.begin(), counts.end());
  counts.erase(std::unique(counts.begin(), counts.end()), counts.end());
  std::vector<std::size_t> count_index(n);
  for (std::size_t i = 0; i < n; ++i) {
    count_index[i] = static_cast<std::size_t>(
        std::lower_bound(counts.begin(), counts.end(), customers.repeat_purchases[i]) -
        counts.begin());
  }

  const auto weight_of = [&](std::size_t i) {
    return customers.weight.empty() ? 1.0 : customers.weight[i];
  };
  double total_weight = 0;
  for (std::size_t i = 0; i < n; ++i) total_weight += weight_of(i);

  // Likewise times: in days, a few years hold a thousand or so distinct t_x and T among any
  // number of customers, so log(α + t) is taken once per distinct time.
  std::vector<double> times = last_purchase_time;
  times.insert(times.end(), tenure.begin(), tenure.end());
  std::vector<std::size_t> time_index;
  const std::vector<double> distinct_times = distinct_values(times, time_index);
  std::vector<double> log_alpha_plus(distinct_times.size());

  std::vector<RepeatCountTerms> terms(counts.size());
  const MeanLogLikelihood mean_log_likelihood = [&](const std::vector<double>& v) {
    const BgNbdParams params{v[0], v[1], v[2], v[3]};
    const ParameterTerms shared = parameter_terms(params);
    for (std::size_t k = 0; k < counts.size(); ++k) {
      terms[k] = repeat_count_terms(params, shared, counts[k]);
    }
    for (std::size_t t = 0; t < distinct_times.size(); ++t) {
      log_alpha_plus[t] = pmath::log(params.alpha + distinct_times[t]);
    }
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i) {
      sum += weight_of(i) * customer_log_likelihood(params, terms[count_index[i]],
                                                    customers.repeat_purchases[i],
                                                    log_alpha_plus[time_index[i]],
                                                    log_alpha_plus[time_index[n + i]]);
    }
    return sum / total_weight;
  };

  const PositiveParameterFit found = fit_positive_parameters(mean_log_likelihood, 4, penalizer);
  const std::vector<double>& v = found.parameters;
  fit.params = {v[0], v[1] * longest_tenure, v[2], v[3]};
  for (std::size_t i = 0; i < n; ++i) {
    fit.log_likelihood += weight_of(i) * bg_nbd_log_likelihood(fit.params,
                                                               customers.repeat_purchases[i],
                                                               customers.last_purchase_time[i],
                                                               customers.tenure[i]);
  }
  fit.iterations = found.search.iterations;
  fit.evaluations = found.search.evaluations;
  fit.converged = found.search.converged;
  fit.message = found.search.message;
  return fit;
}

}  // namespace tierlens
