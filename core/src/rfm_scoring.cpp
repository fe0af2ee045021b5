#include "tierlens/rfm_scoring.h"

#include <algorithm>

namespace tierlens {

const char* rfm_metric_key(RfmMetric metric) {
  switch (metric) {
    case RfmMetric::kRecency: return "recency";
    case RfmMetric::kFrequency: return "frequency";
    case RfmMetric::kMonetary: return "monetary";
  }
  return "";
}

double quantile_type7(const std::vector<double>& sorted, int k, int n) {
  const std::uint64_t scaled_index = static_cast<std::uint64_t>(sorted.size() - 1) *
                                     static_cast<std::uint64_t>(k);
  const auto lower = static_cast<std::size_t>(scaled_index / static_cast<std::uint64_t>(n));
  const auto remainder = scaled_index % static_cast<std::uint64_t>(n);
  if (remainder == 0 || lower + 1 >= sorted.size()) return sorted[lower];
  const double fraction = static_cast<double>(remainder) / n;
  // Written as lo + f·(hi − lo), as R and NumPy do, so that equal neighbours give exactly
  // their value and a breakpoint never falls between two equal customers.
  return sorted[lower] + fraction * (sorted[lower + 1] - sorted[lower]);
}

std::vector<double> quantile_breakpoints(std::vector<double> values, int bins) {
  std::vector<double> breakpoints;
  if (values.empty()) return breakpoints;
  // quantile_type7 reads two places of the sorted values per breakpoint. Selection puts the
  // right value in each of those places (the order statistic is one value, so it is the one a
  // sort would put there) in linear time: at half a million customers a full sort of each
  // metric cost more than all the scoring after it.
  std::vector<std::size_t> places;
  for (int i = 1; i < bins; ++i) {
    const std::uint64_t scaled = static_cast<std::uint64_t>(values.size() - 1) * static_cast<std::uint64_t>(i);
    const auto lower = static_cast<std::size_t>(scaled / static_cast<std::uint64_t>(bins));
    places.push_back(lower);
    if (lower + 1 < values.size()) places.push_back(lower + 1);
  }
  std::sort(places.begin(), places.end());
  places.erase(std::unique(places.begin(), places.end()), places.end());
  auto unselected = values.begin();
  for (const std::size_t place : places) {
    const auto at = values.begin() + static_cast<std::ptrdiff_t>(place);
    std::nth_element(unselected, at, values.end());
    unselected = at + 1;
  }
  for (int i = 1; i < bins; ++i) {
    breakpoints.push_back(quantile_type7(values, i, bins));
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
