// Lifecycle stage from first and last purchase and the number of orders. The stages are
// tried in a fixed order, so each customer has exactly one and the reason is the first test
// that held: potential (no purchase), lost, at risk, new, loyal, active.
#include "dimension_types.h"

namespace tierlens {
namespace {

LifecycleStage stage_of(const LifecycleSpec& spec, const Classification& result, std::size_t i) {
  const CustomerTable& customers = result.ingest.customers;
  if (customers.first_purchase[i] == kNoDay) return LifecycleStage::kPotential;
  if (result.recency[i] > spec.lost_days) return LifecycleStage::kLost;
  if (result.recency[i] > spec.at_risk_days) return LifecycleStage::kAtRisk;
  if (result.analysis_date - customers.first_purchase[i] <= spec.new_days) return LifecycleStage::kNew;
  if (customers.frequency[i] >= static_cast<std::uint32_t>(spec.loyal_orders)) return LifecycleStage::kLoyal;
  return LifecycleStage::kActive;
}

std::string rule_text(const LifecycleSpec& spec) {
  const auto label = [&](LifecycleStage stage) { return spec.labels[static_cast<int>(stage)]; };
  return label(LifecycleStage::kPotential) + ": no purchase; " + label(LifecycleStage::kLost) +
         ": last purchase > " + std::to_string(spec.lost_days) + " days ago; " +
         label(LifecycleStage::kAtRisk) + ": > " + std::to_string(spec.at_risk_days) + " days; " +
         label(LifecycleStage::kNew) + ": first purchase ≤ " + std::to_string(spec.new_days) +
         " days ago; " + label(LifecycleStage::kLoyal) + ": ≥ " + std::to_string(spec.loyal_orders) +
         " orders; otherwise " + label(LifecycleStage::kActive);
}

}  // namespace

void classify_lifecycle(const LifecycleSpec& spec, const Classification& result, DimensionResult& out) {
  std::uint32_t index_of[kLifecycleStageCount];
  for (int s = 0; s < kLifecycleStageCount; ++s) index_of[s] = label_index(out.labels, spec.labels[s]);
  const std::size_t n = result.customer_count();
  out.label_of.resize(n);
  for (std::size_t i = 0; i < n; ++i) out.label_of[i] = index_of[static_cast<int>(stage_of(spec, result, i))];
  out.description = "first match of: " + rule_text(spec);
}

LabelExplanation explain_lifecycle(const LifecycleSpec& spec, const Classification& result,
                                   const DimensionResult& dimension, std::size_t customer) {
  const CustomerTable& customers = result.ingest.customers;
  const std::string& label = dimension.labels[dimension.label_of[customer]];
  const int recency = result.recency[customer];
  LabelExplanation explanation;
  explanation.rule = rule_text(spec);
  switch (stage_of(spec, result, customer)) {
    case LifecycleStage::kPotential:
      explanation.text = "no purchase yet → " + label + ".";
      break;
    case LifecycleStage::kLost:
      explanation.text = "last purchase " + std::to_string(recency) + " days ago > " +
                         std::to_string(spec.lost_days) + " → " + label + ".";
      break;
    case LifecycleStage::kAtRisk:
      explanation.text = "last purchase " + std::to_string(recency) + " days ago > " +
                         std::to_string(spec.at_risk_days) + " (and ≤ " + std::to_string(spec.lost_days) +
                         ") → " + label + ".";
      break;
    case LifecycleStage::kNew:
      explanation.text = "first purchase " +
                         std::to_string(result.analysis_date - customers.first_purchase[customer]) +
                         " days ago ≤ " + std::to_string(spec.new_days) + " → " + label + ".";
      break;
    case LifecycleStage::kLoyal:
      explanation.text = "bought " + std::to_string(recency) + " days ago, " +
                         std::to_string(customers.frequency[customer]) + " orders ≥ " +
                         std::to_string(spec.loyal_orders) + " → " + label + ".";
      break;
    case LifecycleStage::kActive:
      explanation.text = "bought " + std::to_string(recency) + " days ago, customer for " +
                         std::to_string(result.analysis_date - customers.first_purchase[customer]) +
                         " days, " + std::to_string(customers.frequency[customer]) + " orders < " +
                         std::to_string(spec.loyal_orders) + " → " + label + ".";
      break;
  }
  return explanation;
}

}  // namespace tierlens
