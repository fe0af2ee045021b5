#include "tierlens/dimensions.h"

#include <algorithm>

#include "dimension_types.h"

namespace tierlens {

std::uint32_t label_index(std::vector<std::string>& labels, const std::string& label) {
  const auto found = std::find(labels.begin(), labels.end(), label);
  if (found != labels.end()) return static_cast<std::uint32_t>(found - labels.begin());
  labels.push_back(label);
  return static_cast<std::uint32_t>(labels.size() - 1);
}

void warn_if_absent(const FieldRef& field, const std::string& consequence, DimensionResult& out) {
  if (field.kind != FieldRef::Kind::kAbsent) return;
  out.warnings.push_back("the file has no column for \"" + field.name + "\": " + consequence);
}

DimensionResult classify_dimension(const Classification& result, std::size_t policy_index) {
  const Dimension& dimension = result.options.dimensions[policy_index];
  const CustomerFields fields(result);
  DimensionResult out;
  out.policy_index = policy_index;
  std::visit(
      [&](const auto& spec) {
        using Spec = std::decay_t<decltype(spec)>;
        if constexpr (std::is_same_v<Spec, RfmSegmentsSpec>) classify_rfm_segments(result, out);
        if constexpr (std::is_same_v<Spec, RfmClassesSpec>) classify_rfm_classes(spec, result, out);
        if constexpr (std::is_same_v<Spec, AbcSpec>) classify_abc(spec, result, out);
        if constexpr (std::is_same_v<Spec, BandsSpec>) classify_bands(spec, fields, result, out);
        if constexpr (std::is_same_v<Spec, MappingSpec>) classify_mapping(spec, fields, result, out);
        if constexpr (std::is_same_v<Spec, LifecycleSpec>) classify_lifecycle(spec, result, out);
        if constexpr (std::is_same_v<Spec, ScoreSpec>) classify_score(spec, fields, result, out);
        if constexpr (std::is_same_v<Spec, TreeSpec>) classify_tree(spec, fields, result, out);
        if constexpr (std::is_same_v<Spec, RulesSpec>) classify_rules(spec, fields, result, out);
        if constexpr (std::is_same_v<Spec, ClvSpec>) classify_clv(spec, result, out);
        if constexpr (std::is_same_v<Spec, ClusterSpec>) classify_clusters(spec, result, out);
      },
      dimension.spec);

  out.totals.assign(out.labels.size(), SegmentTotals{});
  const CustomerTable& customers = result.ingest.customers;
  for (std::size_t i = 0; i < customers.size(); ++i) {
    SegmentTotals& totals = out.totals[out.label_of[i]];
    ++totals.customers;
    totals.revenue += customers.monetary[i];
  }
  return out;
}

LabelExplanation explain_dimension(const Classification& result, const DimensionResult& dimension,
                                   std::size_t customer) {
  const CustomerFields fields(result);
  return std::visit(
      [&](const auto& spec) -> LabelExplanation {
        using Spec = std::decay_t<decltype(spec)>;
        if constexpr (std::is_same_v<Spec, RfmSegmentsSpec>) return explain_rfm_segments(result, customer);
        if constexpr (std::is_same_v<Spec, RfmClassesSpec>) return explain_rfm_classes(spec, result, dimension, customer);
        if constexpr (std::is_same_v<Spec, AbcSpec>) return explain_abc(spec, result, dimension, customer);
        if constexpr (std::is_same_v<Spec, BandsSpec>) return explain_bands(spec, fields, result, dimension, customer);
        if constexpr (std::is_same_v<Spec, MappingSpec>) return explain_mapping(spec, fields, result, dimension, customer);
        if constexpr (std::is_same_v<Spec, LifecycleSpec>) return explain_lifecycle(spec, result, dimension, customer);
        if constexpr (std::is_same_v<Spec, ScoreSpec>) return explain_score(spec, fields, result, dimension, customer);
        if constexpr (std::is_same_v<Spec, TreeSpec>) return explain_tree(spec, fields, result, dimension, customer);
        if constexpr (std::is_same_v<Spec, RulesSpec>) return explain_rules(spec, fields, result, dimension, customer);
        if constexpr (std::is_same_v<Spec, ClvSpec>) return explain_clv(spec, result, dimension, customer);
        if constexpr (std::is_same_v<Spec, ClusterSpec>) return explain_clusters(spec, result, dimension, customer);
      },
      result.dimension_policy(dimension).spec);
}

}  // namespace tierlens
