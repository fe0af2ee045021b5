#include "positive_parameter_fit.h"

#include <cmath>
#include <limits>

#include "tierlens/portable_math.h"

namespace tierlens {
namespace {

constexpr double kLogLimit = 30;  // parameters within about 1e-13 … 1e13

}  // namespace

PositiveParameterFit fit_positive_parameters(const MeanLogLikelihood& mean_log_likelihood,
                                             std::size_t parameter_count, double penalizer) {
  std::vector<double> parameters(parameter_count);
  const Objective penalized_negative = [&](const std::vector<double>& logarithms) {
    // Where the data's optimum lies at 0 or infinity (a Beta narrowing to a point, a → 0),
    // the search would walk towards it for thousands of steps. Past e^±kLogLimit a parameter
    // is 0 or infinity for every figure derived from it: the wall stops the walk there.
    for (const double logarithm : logarithms) {
      if (!(std::fabs(logarithm) <= kLogLimit)) return std::numeric_limits<double>::infinity();
    }
    double squares = 0;
    for (std::size_t i = 0; i < logarithms.size(); ++i) {
      parameters[i] = pmath::exp(logarithms[i]);
      squares += parameters[i] * parameters[i];
    }
    return -mean_log_likelihood(parameters) + penalizer * squares;
  };

  MinimizeOptions options;
  options.initial_step = 0.5;  // in logarithms: a factor of 1.65 either way
  options.x_tolerance = 1e-9;  // relative precision of each parameter
  options.f_tolerance = 1e-13;
  // Real data converges within 2,000 steps (CDNOW: 370, Online Retail: up to 1,500); data
  // whose optimum runs off to infinity would walk on for ever, a few seconds per 5,000 steps.
  options.max_iterations = 5000;

  PositiveParameterFit fit;
  fit.search = minimize_nelder_mead(penalized_negative, std::vector<double>(parameter_count, 0.1),
                                    options);
  for (double logarithm : fit.search.x) fit.parameters.push_back(pmath::exp(logarithm));
  return fit;
}

std::string customer_problem(std::size_t index, const std::string& problem) {
  return "customer " + std::to_string(index + 1) + ": " + problem;
}

}  // namespace tierlens
