#include "tierlens/customer_order.h"

#include <algorithm>
#include <cmath>

namespace tierlens {

std::optional<CustomerSortKey> parse_customer_sort_key(std::string_view key) {
  static constexpr std::pair<std::string_view, CustomerSortKey> kKeys[] = {
      {"customer_id", CustomerSortKey::kCustomerId}, {"first_order", CustomerSortKey::kFirstOrder},
      {"last_order", CustomerSortKey::kLastOrder},   {"recency", CustomerSortKey::kRecency},
      {"frequency", CustomerSortKey::kFrequency},    {"monetary", CustomerSortKey::kMonetary},
      {"r_score", CustomerSortKey::kRScore},         {"f_score", CustomerSortKey::kFScore},
      {"m_score", CustomerSortKey::kMScore},         {"fm_score", CustomerSortKey::kFmScore},
      {"segment", CustomerSortKey::kSegment},        {"tier", CustomerSortKey::kTier},
      {"p_alive", CustomerSortKey::kProbabilityAlive}, {"expected_purchases", CustomerSortKey::kExpectedPurchases},
      {"expected_spend", CustomerSortKey::kExpectedSpend}, {"clv", CustomerSortKey::kClv},
      {"historical_clv", CustomerSortKey::kHistoricalClv},
  };
  for (const auto& [name, value] : kKeys) {
    if (name == key) return value;
  }
  return std::nullopt;
}

std::vector<std::uint32_t> customer_order(const Classification& result, CustomerSortKey key,
                                          bool descending) {
  std::vector<std::uint32_t> order = result.order_by_id;  // already by id: the tie-break
  if (key == CustomerSortKey::kCustomerId) {
    if (descending) std::reverse(order.begin(), order.end());
    return order;
  }
  const CustomerTable& customers = result.ingest.customers;
  const auto sort_by = [&](const auto& column) {
    // Stable sort on the id-ordered list keeps ties in id order.
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
      return descending ? column[b] < column[a] : column[a] < column[b];
    });
  };
  // CLV figures are NaN where a customer has none: those go last, whichever the direction.
  const auto sort_by_figure = [&](std::vector<double> ClvResult::*figure) {
    if (!result.clv) return;
    const std::vector<double>& column = (*result.clv).*figure;
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
      if (std::isnan(column[a]) || std::isnan(column[b])) return !std::isnan(column[a]) && std::isnan(column[b]);
      return descending ? column[b] < column[a] : column[a] < column[b];
    });
  };
  switch (key) {
    case CustomerSortKey::kProbabilityAlive: sort_by_figure(&ClvResult::probability_alive); break;
    case CustomerSortKey::kExpectedPurchases: sort_by_figure(&ClvResult::expected_purchases); break;
    case CustomerSortKey::kExpectedSpend: sort_by_figure(&ClvResult::expected_spend); break;
    case CustomerSortKey::kClv: sort_by_figure(&ClvResult::clv); break;
    case CustomerSortKey::kHistoricalClv: sort_by_figure(&ClvResult::historical_clv); break;
    case CustomerSortKey::kCustomerId: break;
    case CustomerSortKey::kFirstOrder: sort_by(customers.first_purchase); break;
    case CustomerSortKey::kLastOrder: sort_by(customers.last_purchase); break;
    case CustomerSortKey::kRecency: sort_by(result.recency); break;
    case CustomerSortKey::kFrequency: sort_by(customers.frequency); break;
    case CustomerSortKey::kMonetary: sort_by(customers.monetary); break;
    case CustomerSortKey::kRScore: sort_by(result.r_score); break;
    case CustomerSortKey::kFScore: sort_by(result.f_score); break;
    case CustomerSortKey::kMScore: sort_by(result.m_score); break;
    case CustomerSortKey::kFmScore: sort_by(result.fm_score); break;
    case CustomerSortKey::kSegment: sort_by(result.segment); break;
    case CustomerSortKey::kTier:
      if (!result.tier_of.empty()) sort_by(result.tier_of);  // tiers in policy order
      break;
  }
  return order;
}

}  // namespace tierlens
