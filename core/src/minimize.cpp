#include "tierlens/minimize.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace tierlens {
namespace {

constexpr double kWorst = std::numeric_limits<double>::infinity();

struct Coefficients {
  double reflection;
  double expansion;
  double contraction;
  double shrink;
};

Coefficients coefficients_for(std::size_t dimension, bool adaptive) {
  if (!adaptive || dimension < 2) return {1, 2, 0.5, 0.5};
  const double n = static_cast<double>(dimension);
  return {1, 1 + 2 / n, 0.75 - 1 / (2 * n), 1 - 1 / n};
}

/// The objective as the search sees it: counted, and with every non-finite value made +inf so
/// that plain comparisons rank it last.
class CountedObjective {
 public:
  explicit CountedObjective(const Objective& objective) : objective_(objective) {}

  double operator()(const std::vector<double>& x) {
    ++evaluations;
    const double value = objective_(x);
    return std::isfinite(value) ? value : kWorst;
  }

  int evaluations = 0;

 private:
  const Objective& objective_;
};

struct Vertex {
  std::vector<double> x;
  double value;
};

struct RunOutcome {
  Vertex best;
  int iterations = 0;
  bool converged = false;
};

/// Vertices ordered best first; ties keep their order, so runs are reproducible.
void order(std::vector<Vertex>& simplex) {
  std::stable_sort(simplex.begin(), simplex.end(),
                   [](const Vertex& a, const Vertex& b) { return a.value < b.value; });
}

bool has_converged(const std::vector<Vertex>& simplex, const MinimizeOptions& options) {
  const Vertex& best = simplex.front();
  if (!(best.value < kWorst)) return false;
  for (std::size_t i = 1; i < simplex.size(); ++i) {
    if (!(simplex[i].value - best.value <= options.f_tolerance)) return false;
    for (std::size_t j = 0; j < best.x.size(); ++j) {
      if (!(std::fabs(simplex[i].x[j] - best.x[j]) <= options.x_tolerance)) return false;
    }
  }
  return true;
}

/// centroid + scale·(centroid − worst).
std::vector<double> step_from(const std::vector<double>& centroid, const std::vector<double>& worst,
                              double scale) {
  std::vector<double> x(centroid.size());
  for (std::size_t j = 0; j < x.size(); ++j) x[j] = centroid[j] + scale * (centroid[j] - worst[j]);
  return x;
}

/// One Nelder–Mead run from a fresh simplex around `start`, as in Gao & Han's statement of the
/// method (reflection, expansion, outside and inside contraction, shrink).
RunOutcome run_nelder_mead(CountedObjective& objective, const Vertex& start,
                           const MinimizeOptions& options, const Coefficients& c,
                           int iteration_budget) {
  const std::size_t n = start.x.size();
  std::vector<Vertex> simplex{start};
  for (std::size_t i = 0; i < n; ++i) {
    Vertex vertex{start.x, 0};
    vertex.x[i] += options.initial_step;
    vertex.value = objective(vertex.x);
    simplex.push_back(std::move(vertex));
  }
  order(simplex);

  RunOutcome outcome;
  std::vector<double> centroid(n);
  // A valley floor that is flat towards 0 or infinity (a likelihood whose optimum lies at a
  // parameter's limit) lets the simplex slide on for thousands of steps, each gaining next to
  // nothing, and never shrink. A run whose best value has gained less than a relative
  // kStallGain over kStallSteps·n steps has found all there is to find.
  constexpr int kStallSteps = 100;
  constexpr double kStallGain = 1e-10;
  double stall_value = simplex.front().value;
  int stall_start = 0;
  for (;;) {
    if (has_converged(simplex, options)) {
      outcome.converged = true;
      break;
    }
    const double best_value = simplex.front().value;
    if (best_value < stall_value - kStallGain * (1 + std::fabs(stall_value))) {
      stall_value = best_value;
      stall_start = outcome.iterations;
    } else if (outcome.iterations - stall_start >= kStallSteps * static_cast<int>(n) &&
               simplex.back().value - best_value <= kStallGain * (1 + std::fabs(best_value))) {
      outcome.converged = true;
      break;
    }
    if (outcome.iterations == iteration_budget || !(simplex.front().value < kWorst)) break;
    ++outcome.iterations;

    std::fill(centroid.begin(), centroid.end(), 0.0);
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t j = 0; j < n; ++j) centroid[j] += simplex[i].x[j];
    }
    for (double& coordinate : centroid) coordinate /= static_cast<double>(n);

    Vertex& worst = simplex.back();
    const double second_worst = simplex[n - 1].value;
    Vertex reflected{step_from(centroid, worst.x, c.reflection), 0};
    reflected.value = objective(reflected.x);

    bool shrink = false;
    if (reflected.value < simplex.front().value) {
      Vertex expanded{step_from(centroid, worst.x, c.reflection * c.expansion), 0};
      expanded.value = objective(expanded.x);
      worst = expanded.value < reflected.value ? std::move(expanded) : std::move(reflected);
    } else if (reflected.value < second_worst) {
      worst = std::move(reflected);
    } else if (reflected.value < worst.value) {
      Vertex outside{step_from(centroid, worst.x, c.reflection * c.contraction), 0};
      outside.value = objective(outside.x);
      if (outside.value <= reflected.value) {
        worst = std::move(outside);
      } else {
        shrink = true;
      }
    } else {
      Vertex inside{step_from(centroid, worst.x, -c.contraction), 0};
      inside.value = objective(inside.x);
      if (inside.value < worst.value) {
        worst = std::move(inside);
      } else {
        shrink = true;
      }
    }
    if (shrink) {
      const std::vector<double>& best = simplex.front().x;
      for (std::size_t i = 1; i <= n; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
          simplex[i].x[j] = best[j] + c.shrink * (simplex[i].x[j] - best[j]);
        }
        simplex[i].value = objective(simplex[i].x);
      }
    }
    order(simplex);
  }
  outcome.best = simplex.front();
  return outcome;
}

}  // namespace

MinimizeResult minimize_nelder_mead(const Objective& objective, std::vector<double> start,
                                    const MinimizeOptions& options) {
  CountedObjective counted(objective);
  const Coefficients coefficients = coefficients_for(start.size(), options.adaptive);
  Vertex best{std::move(start), 0};
  best.value = counted(best.x);

  MinimizeResult result;
  double previous_value = kWorst;
  for (int run = 0;; ++run) {
    const RunOutcome outcome = run_nelder_mead(counted, best, options, coefficients,
                                               options.max_iterations - result.iterations);
    result.iterations += outcome.iterations;
    best = outcome.best;
    if (!(best.value < kWorst)) {
      result.message = "the objective is not finite anywhere the search went";
      break;
    }
    if (!outcome.converged) {
      result.message = "stopped after " + std::to_string(result.iterations) +
                       " iterations without converging";
      break;
    }
    if (previous_value - best.value <= options.f_tolerance) {
      result.converged = true;
      break;
    }
    if (run == options.max_restarts) {
      result.message =
          "still improving after " + std::to_string(options.max_restarts) + " restarts";
      break;
    }
    previous_value = best.value;
    result.restarts = run + 1;
  }
  result.x = std::move(best.x);
  result.value = best.value;
  result.evaluations = counted.evaluations;
  return result;
}

}  // namespace tierlens
