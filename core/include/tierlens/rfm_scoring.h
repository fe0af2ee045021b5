// RFM scores: each metric is cut into n bins by n−1 breakpoints.
//
// The rule, in one place: breakpoints are the type-7 quantiles (linear interpolation, the
// default of R, NumPy and pandas) at 1/n … (n−1)/n over all customers, unless the user fixes
// them. A value's position is the number of breakpoints it is strictly greater than, so
// equal values always get equal scores. Frequency and monetary score 1 + position (more is
// better); recency scores n − position (fewer days since the last order is better).
#pragma once

#include <cstdint>
#include <vector>

namespace tierlens {

enum class RfmMetric { kRecency, kFrequency, kMonetary };

/// "recency", "frequency", "monetary".
const char* rfm_metric_key(RfmMetric metric);

/// The type-7 quantile of ascending, non-empty `sorted` at probability k/n (0 ≤ k ≤ n).
/// The probability is given as a fraction of integers so that the index (N − 1)·k/n is
/// computed exactly: in floating point, 6 × (1/3) can come out a hair below 2, and the
/// breakpoint would then sit a hair below a customer whose value it equals.
double quantile_type7(const std::vector<double>& sorted, int k, int n);

/// The n−1 type-7 quantile breakpoints of `values` (any order) at 1/n … (n−1)/n.
/// Empty when there are no values.
std::vector<double> quantile_breakpoints(std::vector<double> values, int bins);

/// How many breakpoints `value` is strictly greater than.
int breakpoint_position(double value, const std::vector<double>& breakpoints);

/// The score 1..bins of `value` on `metric` under `breakpoints` (bins − 1 of them).
int rfm_score(RfmMetric metric, double value, const std::vector<double>& breakpoints, int bins);

}  // namespace tierlens
