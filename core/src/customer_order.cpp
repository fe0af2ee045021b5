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
      {"historical_clv", CustomerSortKey::kHistoricalClv}, {"customer_name", CustomerSortKey::kCustomerName},
  };
  for (const auto& [name, value] : kKeys) {
    if (name == key) return value;
  }
  return std::nullopt;
}

std::optional<CustomerSortColumn> parse_customer_sort_column(const Classification& result, std::string_view key) {
  constexpr std::string_view kLabelPrefix = "label:";
  if (key.substr(0, kLabelPrefix.size()) != kLabelPrefix) {
    const std::optional<CustomerSortKey> plain = parse_customer_sort_key(key);
    if (!plain) return std::nullopt;
    return CustomerSortColumn(*plain);
  }
  const std::string_view id = key.substr(kLabelPrefix.size());
  for (std::size_t d = 0; d < result.dimensions.size(); ++d) {
    if (result.dimension_policy(result.dimensions[d]).id == id) return CustomerSortColumn(CustomerSortKey::kLabel, d);
  }
  return std::nullopt;
}

namespace {

/// Per customer, the rank of its name among the distinct names in byte order; customers
/// without a name get kNoRank. Sorting a million customers by integers, not by strings.
constexpr std::uint32_t kNoRank = UINT32_MAX;
std::vector<std::uint32_t> name_ranks(const AttributeColumn& names) {
  std::vector<std::uint32_t> by_text(names.values.size());
  for (std::uint32_t v = 0; v < by_text.size(); ++v) by_text[v] = v;
  std::sort(by_text.begin(), by_text.end(),
            [&](std::uint32_t a, std::uint32_t b) { return names.values[a] < names.values[b]; });
  std::vector<std::uint32_t> rank_of_value(names.values.size());
  for (std::uint32_t r = 0; r < by_text.size(); ++r) rank_of_value[by_text[r]] = r;
  std::vector<std::uint32_t> ranks(names.value_of.size());
  for (std::size_t i = 0; i < ranks.size(); ++i) {
    ranks[i] = names.values[names.value_of[i]].empty() ? kNoRank : rank_of_value[names.value_of[i]];
  }
  return ranks;
}

}  // namespace

std::vector<std::uint32_t> customer_order(const Classification& result, CustomerSortColumn column,
                                          bool descending) {
  const CustomerSortKey key = column.key;
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
    case CustomerSortKey::kLabel:
      if (column.dimension < result.dimensions.size()) sort_by(result.dimensions[column.dimension].label_of);
      break;
    case CustomerSortKey::kCustomerName: {
      const AttributeColumn* names = customers.attribute("customer_name");
      if (!names || names->header.empty()) break;  // the file has no names: by id
      const std::vector<std::uint32_t> ranks = name_ranks(*names);
      // Customers without a name go last, whichever the direction.
      std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        if (ranks[a] == kNoRank || ranks[b] == kNoRank) return ranks[a] != kNoRank && ranks[b] == kNoRank;
        return descending ? ranks[b] < ranks[a] : ranks[a] < ranks[b];
      });
      break;
    }
  }
  return order;
}

}  // namespace tierlens
