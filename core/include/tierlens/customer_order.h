// The order in which a customer table is shown: by any column, ascending or descending,
// ties broken by customer id so that every page is stable and reproducible.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "tierlens/classification.h"

namespace tierlens {

enum class CustomerSortKey {
  kCustomerId, kFirstOrder, kLastOrder, kRecency, kFrequency, kMonetary,
  kRScore, kFScore, kMScore, kFmScore, kSegment, kTier,
  kProbabilityAlive, kExpectedPurchases, kExpectedSpend, kClv, kHistoricalClv,
};

/// "customer_id", "first_order", "last_order", "recency", "frequency", "monetary", "r_score",
/// "f_score", "m_score", "fm_score", "segment", "tier", "p_alive", "expected_purchases",
/// "expected_spend", "clv", "historical_clv" (the customers.csv column names). Customers
/// without a CLV figure come last in either direction.
std::optional<CustomerSortKey> parse_customer_sort_key(std::string_view key);

/// Customer indices in the requested order. Segments sort in their catalogue order
/// (Champions first) and tiers in the policy's order, not alphabetically.
std::vector<std::uint32_t> customer_order(const Classification& result, CustomerSortKey key,
                                          bool descending);

}  // namespace tierlens
