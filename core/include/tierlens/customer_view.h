// Which customers a table shows, and in what order: filters on the tier, on any dimension's
// label and on the RFM segment (every filter given must hold), a search on the customer id or
// name, then the sort of customer_order.h. A page of a million customers asks for one screen
// of rows at a time; the session keeps the last view (session.h), so scrolling through it
// filters and sorts once.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tierlens/classification.h"
#include "tierlens/customer_order.h"
#include "tierlens/status.h"

namespace tierlens {

struct CustomerFilter {
  /// A tier's name (options.tiers); absent: any tier.
  std::optional<std::string> tier;
  /// Dimension id → the label a customer must have in it, as the result names the label.
  std::map<std::string, std::string> labels;
  /// An RFM segment's name as segment_name() says it ("Champions"); absent: any segment.
  std::optional<std::string> segment;
  /// Text the customer id or the customer name contains. ASCII letters match either case;
  /// every other byte (Chinese names, accents) matches exactly. Leading and trailing spaces
  /// are ignored; empty: every customer.
  std::string search;

  /// True when the filter keeps every customer.
  bool keeps_all() const;
  bool operator==(const CustomerFilter& other) const {
    return tier == other.tier && labels == other.labels && segment == other.segment && search == other.search;
  }
  bool operator!=(const CustomerFilter& other) const { return !(*this == other); }
};

/// Whether `text` contains `needle`, ASCII letters compared without case, other bytes as they
/// are (so a UTF-8 needle matches whole characters only where the text has them).
bool contains_ignoring_ascii_case(std::string_view text, std::string_view needle);

/// The customers of `order` (customer indices) that `filter` keeps, in the same order, into
/// `kept`. Fails with kInvalidOptions, naming it, when the filter names a tier, dimension,
/// label or segment the result does not have; `kept` is then empty.
Status filter_customers(const Classification& result, const std::vector<std::uint32_t>& order,
                        const CustomerFilter& filter, std::vector<std::uint32_t>& kept);

/// filter_customers over customer_order(result, column, descending).
Status customer_view(const Classification& result, const CustomerFilter& filter, CustomerSortColumn column,
                     bool descending, std::vector<std::uint32_t>& kept);

/// Reads a filter as the page sends it: {"tier": "VIP", "labels": {"value": "A"},
/// "segment": "Champions", "search": "华东"}, every key optional; "" is no filter.
Status parse_customer_filter_json(std::string_view json, CustomerFilter& filter);

}  // namespace tierlens
