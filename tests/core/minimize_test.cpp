#include "tierlens/minimize.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace tierlens {
namespace {

/// Σ 100(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)²: a curved valley, minimum 0 at (1, …, 1).
double rosenbrock(const std::vector<double>& x) {
  double sum = 0;
  for (std::size_t i = 0; i + 1 < x.size(); ++i) {
    sum += 100 * (x[i + 1] - x[i] * x[i]) * (x[i + 1] - x[i] * x[i]) + (1 - x[i]) * (1 - x[i]);
  }
  return sum;
}

MinimizeOptions tight() {
  MinimizeOptions options;
  options.x_tolerance = 1e-10;
  options.f_tolerance = 1e-18;
  return options;
}

void expect_at_ones(const MinimizeResult& result) {
  EXPECT_TRUE(result.converged) << result.message;
  EXPECT_TRUE(result.message.empty());
  for (double coordinate : result.x) EXPECT_NEAR(coordinate, 1, 1e-6);
  EXPECT_LT(result.value, 1e-12);
}

TEST(Minimize, RosenbrockInTwoDimensions) {
  const MinimizeResult result = minimize_nelder_mead(rosenbrock, {-1.2, 1}, tight());
  expect_at_ones(result);
  EXPECT_GT(result.iterations, 0);
  EXPECT_GT(result.evaluations, result.iterations);
}

TEST(Minimize, RosenbrockInFourDimensions) {
  expect_at_ones(minimize_nelder_mead(rosenbrock, {-1.2, 1, -1.2, 1}, tight()));
}

TEST(Minimize, RosenbrockInFourDimensionsWithAdaptiveCoefficients) {
  MinimizeOptions options = tight();
  options.adaptive = true;
  expect_at_ones(minimize_nelder_mead(rosenbrock, {-1.2, 1, -1.2, 1}, options));
}

TEST(Minimize, NonFiniteValuesCountAsWorseThanAnyFiniteOne) {
  // Defined only for x < 2.5 (infinite beyond, NaN below y = −3); the minimum at (2, −1) lies
  // close to the edge, and the first simplex straddles it.
  const Objective fenced = [](const std::vector<double>& v) {
    if (v[0] >= 2.5) return std::numeric_limits<double>::infinity();
    if (v[1] < -3) return std::numeric_limits<double>::quiet_NaN();
    return (v[0] - 2) * (v[0] - 2) + (v[1] + 1) * (v[1] + 1);
  };
  MinimizeOptions options = tight();
  options.initial_step = 3;
  const MinimizeResult result = minimize_nelder_mead(fenced, {0, 0}, options);
  EXPECT_TRUE(result.converged) << result.message;
  EXPECT_NEAR(result.x[0], 2, 1e-6);
  EXPECT_NEAR(result.x[1], -1, 1e-6);
}

TEST(Minimize, AnObjectiveFiniteNowhereIsReportedNotConverged) {
  const Objective nowhere = [](const std::vector<double>&) {
    return std::numeric_limits<double>::quiet_NaN();
  };
  const MinimizeResult result = minimize_nelder_mead(nowhere, {0, 0});
  EXPECT_FALSE(result.converged);
  EXPECT_EQ(result.message, "the objective is not finite anywhere the search went");
}

TEST(Minimize, TheIterationCapStopsTheSearchAndSaysSo) {
  MinimizeOptions options = tight();
  options.max_iterations = 10;
  const MinimizeResult result = minimize_nelder_mead(rosenbrock, {-1.2, 1}, options);
  EXPECT_FALSE(result.converged);
  EXPECT_EQ(result.iterations, 10);
  EXPECT_EQ(result.message, "stopped after 10 iterations without converging");
  EXPECT_LT(result.value, rosenbrock({-1.2, 1}));
}

TEST(Minimize, RestartsUntilARestartNoLongerImproves) {
  const MinimizeResult result = minimize_nelder_mead(rosenbrock, {-1.2, 1}, tight());
  EXPECT_GE(result.restarts, 1);
  MinimizeOptions no_restarts = tight();
  no_restarts.max_restarts = 0;
  const MinimizeResult single = minimize_nelder_mead(rosenbrock, {-1.2, 1}, no_restarts);
  EXPECT_FALSE(single.converged);
  EXPECT_EQ(single.message, "still improving after 0 restarts");
}

TEST(Minimize, IsDeterministic) {
  const MinimizeResult first = minimize_nelder_mead(rosenbrock, {-1.2, 1, -1.2, 1}, tight());
  const MinimizeResult second = minimize_nelder_mead(rosenbrock, {-1.2, 1, -1.2, 1}, tight());
  EXPECT_EQ(first.x, second.x);
  EXPECT_EQ(first.evaluations, second.evaluations);
}

}  // namespace
}  // namespace tierlens
