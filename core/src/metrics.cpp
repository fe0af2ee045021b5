#include "tierlens/metrics.h"

namespace tierlens {

const char* metric_key(Metric metric) {
  switch (metric) {
    case Metric::kRecency: return "recency";
    case Metric::kFrequency: return "frequency";
    case Metric::kMonetary: return "monetary";
    case Metric::kAverageOrderValue: return "average_order_value";
    case Metric::kTenure: return "tenure";
    case Metric::kRScore: return "r_score";
    case Metric::kFScore: return "f_score";
    case Metric::kMScore: return "m_score";
    case Metric::kFmScore: return "fm_score";
    case Metric::kClv: return "clv";
    case Metric::kHistoricalClv: return "historical_clv";
    case Metric::kProbabilityAlive: return "p_alive";
    case Metric::kExpectedPurchases: return "expected_purchases";
    case Metric::kExpectedSpend: return "expected_spend";
  }
  return "";
}

std::optional<Metric> parse_metric(std::string_view key) {
  for (int m = 0; m < kMetricCount; ++m) {
    if (key == metric_key(static_cast<Metric>(m))) return static_cast<Metric>(m);
  }
  return std::nullopt;
}

bool is_clv_metric(Metric metric) { return metric >= Metric::kClv; }

}  // namespace tierlens
