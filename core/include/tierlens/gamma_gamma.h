// The Gamma-Gamma model of spend per purchase (Fader & Hardie 2013, "The Gamma-Gamma Model of
// Monetary Value", brucehardie.com/notes/025; lifetimes' GammaGammaFitter). A customer's
// purchases are gamma(p, ν) in value around their own mean; ν is gamma(q, γ) across customers.
// It takes the mean value of a customer's repeat purchases only, and assumes spend does not
// depend on how often they buy.
#pragma once

#include <string>
#include <vector>

namespace tierlens {

struct GammaGammaParams {
  double p;      ///< shape of each customer's purchase values
  double q;      ///< shape of the population's gamma
  double gamma;  ///< scale of the population's gamma, in currency (lifetimes' "v")
};

struct GammaGammaFit {
  GammaGammaParams params{};
  double log_likelihood = 0;  ///< the total over customers at params, without the penalty
  int iterations = 0;         ///< Nelder–Mead steps
  int evaluations = 0;        ///< likelihood evaluations
  bool converged = false;
  std::string message;  ///< why the fit failed or stopped short; empty when it converged
};

/// Log-likelihood of the mean spend m over x > 0 repeat purchases (x, m > 0).
double gamma_gamma_log_likelihood(const GammaGammaParams& params, double repeat_purchases,
                                  double mean_spend);

/// Maximum likelihood as lifetimes: the negative mean log-likelihood plus
/// penalizer·(p² + q² + γ²), minimised over the parameters' logarithms. Only customers with
/// repeat purchases (x > 0) and positive mean repeat spend (m > 0) may be passed: anything
/// else, unequal or empty arrays, or a negative penalizer, is refused (converged false, with
/// a message naming the customer).
GammaGammaFit fit_gamma_gamma(const std::vector<double>& repeat_purchases,
                              const std::vector<double>& mean_spend, double penalizer = 0);

/// E[mean spend | x, m] = p·(γ + x·m)/(p·x + q − 1): the customer's own mean m weighted
/// against the population's mean p·γ/(q − 1), which it is for x = 0. +inf when p·x + q ≤ 1,
/// where the model's mean spend is unbounded.
double gamma_gamma_expected_spend(const GammaGammaParams& params, double repeat_purchases,
                                  double mean_spend);

}  // namespace tierlens
