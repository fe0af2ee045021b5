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
  // Customer lifetime value (clv.h): absent for a customer without a purchase.
  kClv,                ///< predicted value over the policy's horizon, discounted, × margin
  kHistoricalClv,      ///< the customer's past monthly value carried over the same horizon
  kProbabilityAlive,   ///< BG/NBD: the chance the customer has not lapsed, 0–1
  kExpectedPurchases,  ///< BG/NBD: purchase periods expected over the horizon
  kExpectedSpend,      ///< Gamma-Gamma: expected spend per purchase period
};
inline constexpr int kMetricCount = 14;

/// "recency", "frequency", "monetary", "average_order_value", "tenure", "r_score",
/// "f_score", "m_score", "fm_score", "clv", "historical_clv", "p_alive",
/// "expected_purchases", "expected_spend".
const char* metric_key(Metric metric);

std::optional<Metric> parse_metric(std::string_view key);

/// True for the metrics only the CLV models give: naming one makes a run fit them.
bool is_clv_metric(Metric metric);

}  // namespace tierlens
