#include "tierlens/rfm_scoring.h"

#include <algorithm>
#include <cmath>

namespace tierlens {

const char* rfm_metric_key(RfmMetric metric) {
  switch (metric) {
    case RfmMetric::kRecency: return "recency";
    case RfmMetric::kFrequency: return "frequency";
    case RfmMetric::kMonetary: return "monetary";
  }
  return "";
}

double quantile_type7(const std::vector<double>& sorted, double p) {
  const double h = static_cast<double>(sorted.size() - 1) * p;
  const double lower_index = std::floor(h);
  const auto lower = static_cast<std::size_t>(lower_index);
  if (lower + 1 >= sorted.size()) return sorted.back();
  const double fraction = h - lower_index;
  // Written as lo + f·(hi − lo), the form R and NumPy use, so equal neighbours give exactly
  // that value and the breakpoint can never fall between two equal customers.
  return sorted[lower] + fraction * (sorted[lower + 1] - sorted[lower]);
}

std::vector<double> quantile_breakpoints(std::vector<double> values, int bins) {
  std::vector<double> breakpoints;
  if (values.empty()) return breakpoints;
  std::sort(values.begin(), values.end());
  for (int i = 1; i < bins; ++i) {
    breakpoints.push_back(quantile_type7(values, static_cast<double>(i) / bins));
  }
  return breakpoints;
}

int breakpoint_position(double value, const std::vector<double>& breakpoints) {
  // Breakpoints ascend, so the count of those below `value` is a lower_bound.
  return static_cast<int>(std::lower_bound(breakpoints.begin(), breakpoints.end(), value) -
                          breakpoints.begin());
}

int rfm_score(RfmMetric metric, double value, const std::vector<double>& breakpoints, int bins) {
  const int position = breakpoint_position(value, breakpoints);
  return metric == RfmMetric::kRecency ? bins - position : 1 + position;
}

}  // namespace tierlens
