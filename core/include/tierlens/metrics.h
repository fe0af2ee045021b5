// The per-customer metrics a policy can name as fields: computed from the orders and the RFM
// scores, never read from a column.
#pragma once

#include <optional>
#include <string_view>

namespace tierlens {

enum class Metric {
  kRecency,            ///< days from the last purchase to the analysis date
  kFrequency,          ///< distinct orders
  kMonetary,           ///< net amount, in currency units
  kAverageOrderValue,  ///< monetary ÷ frequency; absent without orders
  kTenure,             ///< days from the first purchase to the analysis date; absent without one
  kRScore,
  kFScore,
  kMScore,
  kFmScore,
};
inline constexpr int kMetricCount = 9;

/// "recency", "frequency", "monetary", "average_order_value", "tenure", "r_score",
/// "f_score", "m_score", "fm_score".
const char* metric_key(Metric metric);

std::optional<Metric> parse_metric(std::string_view key);

}  // namespace tierlens
