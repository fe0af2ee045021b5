#include "tierlens/customer_view.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "tierlens/segments.h"

namespace tierlens {
namespace {

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string_view trim_spaces(std::string_view text) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

/// The filter with its names looked up in one result: indexes, ready to test a customer.
struct ResolvedFilter {
  std::optional<std::uint32_t> tier;
  std::vector<std::pair<const DimensionResult*, std::uint32_t>> labels;
  std::optional<Segment> segment;
  std::string needle;                 ///< the search, trimmed; empty: no search
  const AttributeColumn* names = nullptr;
  std::vector<char> name_matches;     ///< per distinct name (names->values): contains the needle
};

Status unknown(const std::string& what) {
  return Status::error(ErrorCode::kInvalidOptions, "customer filter: " + what);
}

Status resolve(const Classification& result, const CustomerFilter& filter, ResolvedFilter& out) {
  if (filter.tier) {
    const auto& tiers = result.options.tiers;
    const auto found = std::find_if(tiers.begin(), tiers.end(), [&](const Tier& t) { return t.name == *filter.tier; });
    if (found == tiers.end() || result.tier_of.empty()) return unknown("no tier named \"" + *filter.tier + "\"");
    out.tier = static_cast<std::uint32_t>(found - tiers.begin());
  }
  for (const auto& [id, label] : filter.labels) {
    const std::string& dimension_id = id;  // a structured binding cannot be captured in C++17
    const auto dimension = std::find_if(result.dimensions.begin(), result.dimensions.end(), [&](const DimensionResult& d) {
      return result.dimension_policy(d).id == dimension_id;
    });
    if (dimension == result.dimensions.end()) return unknown("no dimension with id \"" + dimension_id + "\"");
    const auto found = std::find(dimension->labels.begin(), dimension->labels.end(), label);
    if (found == dimension->labels.end()) {
      return unknown("dimension \"" + dimension_id + "\" has no label \"" + label + "\"");
    }
    out.labels.emplace_back(&*dimension, static_cast<std::uint32_t>(found - dimension->labels.begin()));
  }
  if (filter.segment) {
    for (int s = 0; s < kSegmentCount && !out.segment; ++s) {
      if (*filter.segment == segment_name(static_cast<Segment>(s))) out.segment = static_cast<Segment>(s);
    }
    if (!out.segment) return unknown("no RFM segment named \"" + *filter.segment + "\"");
  }
  out.needle = std::string(trim_spaces(filter.search));
  if (!out.needle.empty()) {
    // Names repeat (and are stored once each): test each distinct name once, not per customer.
    out.names = result.ingest.customers.attribute("customer_name");
    if (out.names && out.names->header.empty()) out.names = nullptr;
    if (out.names) {
      out.name_matches.reserve(out.names->values.size());
      for (const std::string& name : out.names->values) {
        out.name_matches.push_back(!name.empty() && contains_ignoring_ascii_case(name, out.needle));
      }
    }
  }
  return Status();
}

bool keeps(const Classification& result, const ResolvedFilter& filter, std::uint32_t i) {
  if (filter.tier && result.tier_of[i] != *filter.tier) return false;
  for (const auto& [dimension, label] : filter.labels) {
    if (dimension->label_of[i] != label) return false;
  }
  if (filter.segment && result.segment[i] != *filter.segment) return false;
  if (!filter.needle.empty()) {
    const bool by_name = filter.names && filter.name_matches[filter.names->value_of[i]];
    if (!by_name && !contains_ignoring_ascii_case(result.ingest.customers.id[i], filter.needle)) return false;
  }
  return true;
}

}  // namespace

bool CustomerFilter::keeps_all() const {
  return !tier && labels.empty() && !segment && trim_spaces(search).empty();
}

bool contains_ignoring_ascii_case(std::string_view text, std::string_view needle) {
  if (needle.size() > text.size()) return false;
  const auto found = std::search(text.begin(), text.end(), needle.begin(), needle.end(),
                                 [](char a, char b) { return ascii_lower(a) == ascii_lower(b); });
  return found != text.end() || needle.empty();
}

Status filter_customers(const Classification& result, const std::vector<std::uint32_t>& order,
                        const CustomerFilter& filter, std::vector<std::uint32_t>& kept) {
  kept.clear();
  ResolvedFilter resolved;
  if (Status status = resolve(result, filter, resolved); !status.ok()) return status;
  for (const std::uint32_t i : order) {
    if (keeps(result, resolved, i)) kept.push_back(i);
  }
  return Status();
}

Status customer_view(const Classification& result, const CustomerFilter& filter, CustomerSortColumn column,
                     bool descending, std::vector<std::uint32_t>& kept) {
  return filter_customers(result, customer_order(result, column, descending), filter, kept);
}

Status parse_customer_filter_json(std::string_view json, CustomerFilter& filter) {
  filter = CustomerFilter{};
  if (trim_spaces(json).empty()) return Status();
  const auto parsed = nlohmann::json::parse(json, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) return unknown("expected a JSON object");
  const auto text = [&](const char* key, std::optional<std::string>& into) -> Status {
    if (!parsed.contains(key) || parsed[key].is_null()) return Status();
    if (!parsed[key].is_string()) return unknown(std::string(key) + ": expected a name");
    into = parsed[key].get<std::string>();
    return Status();
  };
  if (Status status = text("tier", filter.tier); !status.ok()) return status;
  if (Status status = text("segment", filter.segment); !status.ok()) return status;
  std::optional<std::string> search;
  if (Status status = text("search", search); !status.ok()) return status;
  filter.search = search.value_or("");
  if (parsed.contains("labels") && !parsed["labels"].is_null()) {
    const auto& labels = parsed["labels"];
    if (!labels.is_object()) return unknown("labels: expected {\"dimension id\": \"label\"}");
    for (const auto& [dimension, label] : labels.items()) {
      if (!label.is_string()) return unknown("labels." + dimension + ": expected a label");
      filter.labels[dimension] = label.get<std::string>();
    }
  }
  for (const auto& [key, value] : parsed.items()) {
    if (key != "tier" && key != "labels" && key != "segment" && key != "search") {
      return unknown("unknown key \"" + key + "\"");
    }
  }
  return Status();
}

}  // namespace tierlens
