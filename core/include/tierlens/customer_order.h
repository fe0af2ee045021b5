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
  kCustomerName,
  kLabel,  ///< a dimension's label: CustomerSortColumn says which dimension
};

/// A column to sort by: a key, and with kLabel the dimension (an index into
/// Classification::dimensions).
struct CustomerSortColumn {
  CustomerSortKey key = CustomerSortKey::kCustomerId;
  std::size_t dimension = 0;

  CustomerSortColumn(CustomerSortKey sort_key = CustomerSortKey::kCustomerId, std::size_t label_dimension = 0)
      : key(sort_key), dimension(label_dimension) {}
  bool operator==(const CustomerSortColumn& other) const { return key == other.key && dimension == other.dimension; }
  bool operator!=(const CustomerSortColumn& other) const { return !(*this == other); }
};

/// "customer_id", "first_order", "last_order", "recency", "frequency", "monetary", "r_score",
/// "f_score", "m_score", "fm_score", "segment", "tier", "p_alive", "expected_purchases",
/// "expected_spend", "clv", "historical_clv" (the customers.csv column names), and
/// "customer_name". Customers without a CLV figure, or without a name, come last in either
/// direction.
std::optional<CustomerSortKey> parse_customer_sort_key(std::string_view key);

/// parse_customer_sort_key's names, and "label:<dimension id>" for a dimension of `result`.
std::optional<CustomerSortColumn> parse_customer_sort_column(const Classification& result, std::string_view key);

/// Customer indices in the requested order. Segments sort in their catalogue order
/// (Champions first), tiers in the policy's order and labels in their dimension's order, not
/// alphabetically; names in byte order.
std::vector<std::uint32_t> customer_order(const Classification& result, CustomerSortColumn column,
                                          bool descending);

}  // namespace tierlens
