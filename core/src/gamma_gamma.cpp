#include "tierlens/gamma_gamma.h"

#include <algorithm>

#include <cmath>
#include <limits>

#include "positive_parameter_fit.h"
#include "tierlens/portable_math.h"

namespace tierlens {
namespace {

/// Why these customers cannot be fitted, or empty.
std::string invalid_spends(const std::vector<double>& repeat_purchases,
                           const std::vector<double>& mean_spend, double penalizer) {
  if (repeat_purchases.size() != mean_spend.size()) {
    return "there are " + std::to_string(repeat_purchases.size()) + " repeat counts but " +
           std::to_string(mean_spend.size()) + " mean spends";
  }
  if (repeat_purchases.empty()) return "there are no customers to fit";
  if (!(penalizer >= 0 && std::isfinite(penalizer))) return "the penalizer must be 0 or more";
  for (std::size_t i = 0; i < repeat_purchases.size(); ++i) {
    if (!(repeat_purchases[i] > 0 && std::isfinite(repeat_purchases[i]))) {
      return customer_problem(i, "the spend model takes repeat customers only (x > 0)");
    }
    if (!(mean_spend[i] > 0 && std::isfinite(mean_spend[i]))) {
      return customer_problem(i, "the spend model takes positive mean spends only");
    }
  }
  return {};
}

}  // namespace

double gamma_gamma_log_likelihood(const GammaGammaParams& params, double repeat_purchases,
                                  double mean_spend) {
  const double px = params.p * repeat_purchases;
  const double q = params.q;
  return pmath::lgamma(px + q) - pmath::lgamma(px) - pmath::lgamma(q) +
         q * pmath::log(params.gamma) + (px - 1) * pmath::log(mean_spend) +
         px * pmath::log(repeat_purchases) -
         (px + q) * pmath::log(params.gamma + mean_spend * repeat_purchases);
}

GammaGammaFit fit_gamma_gamma(const std::vector<double>& repeat_purchases,
                              const std::vector<double>& mean_spend, double penalizer) {
  GammaGammaFit fit;
  fit.message = invalid_spends(repeat_purchases, mean_spend, penalizer);
  if (!fit.message.empty()) return fit;

  const std::size_t n = repeat_purchases.size();
  // Each evaluation takes one logarithm per customer: what depends on the repeat count alone
  // is computed once per distinct count (a few dozen), log m once for the whole fit.
  std::vector<double> counts = repeat_purchases;
  std::sort(counts.begin(), counts.end());
  counts.erase(std::unique(counts.begin(), counts.end()), counts.end());
  std::vector<std::size_t> count_index(n);
  std::vector<double> log_spend(n);
  for (std::size_t i = 0; i < n; ++i) {
    count_index[i] = static_cast<std::size_t>(
        std::lower_bound(counts.begin(), counts.end(), repeat_purchases[i]) - counts.begin());
    log_spend[i] = pmath::log(mean_spend[i]);
  }
  std::vector<double> log_counts(counts.size());
  for (std::size_t k = 0; k < counts.size(); ++k) log_counts[k] = pmath::log(counts[k]);
  std::vector<double> count_terms(counts.size());
  const MeanLogLikelihood mean_log_likelihood = [&](const std::vector<double>& v) {
    const double p = v[0], q = v[1], gamma = v[2];
    // log Γ(px + q) − log Γ(px) + px·log x, per distinct x.
    for (std::size_t k = 0; k < counts.size(); ++k) {
      const double px = p * counts[k];
      count_terms[k] = pmath::lgamma(px + q) - pmath::lgamma(px) + px * log_counts[k];
    }
    const double shared = q * pmath::log(gamma) - pmath::lgamma(q);
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const double x = repeat_purchases[i];
      const double px = p * x;
      sum += count_terms[count_index[i]] + shared + (px - 1) * log_spend[i] -
             (px + q) * pmath::log(gamma + mean_spend[i] * x);
    }
    return sum / static_cast<double>(n);
  };
  const PositiveParameterFit found = fit_positive_parameters(mean_log_likelihood, 3, penalizer);
  fit.params = {found.parameters[0], found.parameters[1], found.parameters[2]};
  for (std::size_t i = 0; i < n; ++i) {
    fit.log_likelihood +=
        gamma_gamma_log_likelihood(fit.params, repeat_purchases[i], mean_spend[i]);
  }
  fit.iterations = found.search.iterations;
  fit.evaluations = found.search.evaluations;
  fit.converged = found.search.converged;
  fit.message = found.search.message;
  return fit;
}

double gamma_gamma_expected_spend(const GammaGammaParams& params, double repeat_purchases,
                                  double mean_spend) {
  const double denominator = params.p * repeat_purchases + params.q - 1;
  if (denominator <= 0) return std::numeric_limits<double>::infinity();
  return params.p * (params.gamma + repeat_purchases * mean_spend) / denominator;
}

}  // namespace tierlens
