// A derivative-free minimiser for the models' likelihoods: Nelder–Mead, restarted from its own
// answer with a fresh simplex until a restart stops paying. A single Nelder–Mead run can stall
// on a collapsed simplex away from the minimum; the restart rebuilds the simplex there, so the
// search ends only where a new start finds nothing better. Deterministic: no randomness, and
// nothing beyond + − × ÷ of the objective's values, so native and WebAssembly runs agree.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace tierlens {

/// The function to minimise. A non-finite value (NaN, ±inf) counts as worse than any finite
/// one, so an objective may answer +inf outside its domain.
using Objective = std::function<double(const std::vector<double>&)>;

struct MinimizeOptions {
  /// Edge of each starting simplex along every axis, in the units of x.
  double initial_step = 0.1;
  /// A run has converged when every vertex is within this of the best vertex, in every
  /// coordinate, and …
  double x_tolerance = 1e-10;
  /// … every vertex's value is within this of the best value. A restart that improves the value
  /// by no more than this ends the search.
  double f_tolerance = 1e-12;
  /// Nelder–Mead steps over all runs together.
  int max_iterations = 20000;
  /// Fresh simplices after the first run.
  int max_restarts = 50;
  /// Gao & Han's (2012) coefficients, which depend on the dimension and do better beyond a few
  /// dimensions; otherwise the standard 1, 2, ½, ½.
  bool adaptive = false;
};

struct MinimizeResult {
  std::vector<double> x;  ///< the best point found
  double value = 0;       ///< the objective there
  int iterations = 0;     ///< Nelder–Mead steps, all runs together
  int evaluations = 0;    ///< calls of the objective
  int restarts = 0;       ///< runs after the first
  bool converged = false;
  std::string message;  ///< why the search stopped short; empty when it converged
};

/// Minimises `objective` from `start`.
MinimizeResult minimize_nelder_mead(const Objective& objective, std::vector<double> start,
                                    const MinimizeOptions& options = {});

}  // namespace tierlens
