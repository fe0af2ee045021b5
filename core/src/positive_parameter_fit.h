// Maximum likelihood over positive parameters the way the Python `lifetimes` library does it,
// so that its users find the same numbers here: minimise the negative mean log-likelihood plus
// penalizer·Σ parameter² over the parameters' logarithms (which keeps them positive without
// bounds), starting from every logarithm at 0.1.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "tierlens/minimize.h"

namespace tierlens {

/// Mean log-likelihood per customer at the given positive parameters.
using MeanLogLikelihood = std::function<double(const std::vector<double>& parameters)>;

struct PositiveParameterFit {
  std::vector<double> parameters;
  MinimizeResult search;
};

PositiveParameterFit fit_positive_parameters(const MeanLogLikelihood& mean_log_likelihood,
                                             std::size_t parameter_count, double penalizer);

/// "customer <row>: <problem>", the message of a fit refused for one customer's data (rows
/// count from 1, like a spreadsheet's data rows).
std::string customer_problem(std::size_t index, const std::string& problem);

}  // namespace tierlens
