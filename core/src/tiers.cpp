#include "tierlens/tiers.h"

#include "tierlens/condition_eval.h"

namespace tierlens {
namespace {

std::vector<std::optional<CompiledCondition>> compile_tiers(const Classification& result,
                                                            const CustomerFields& fields) {
  std::vector<std::optional<CompiledCondition>> compiled;
  for (const Tier& tier : result.options.tiers) {
    compiled.push_back(tier.when ? std::optional<CompiledCondition>(CompiledCondition(*tier.when, fields))
                                 : std::nullopt);
  }
  return compiled;
}

}  // namespace

std::string tier_rule_text(const Tier& tier) {
  return tier.when ? condition_text(*tier.when) : "otherwise";
}

void assign_tiers(Classification& result) {
  const std::vector<Tier>& tiers = result.options.tiers;
  result.tier_of.clear();
  result.tier_totals.assign(tiers.size(), SegmentTotals{});
  if (tiers.empty()) return;
  const CustomerFields fields(result);
  const auto compiled = compile_tiers(result, fields);
  const std::size_t n = result.customer_count();
  result.tier_of.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    std::uint32_t tier = 0;
    while (tier + 1 < compiled.size() && !(compiled[tier] && compiled[tier]->holds(i))) ++tier;
    result.tier_of[i] = tier;
    ++result.tier_totals[tier].customers;
    result.tier_totals[tier].revenue += result.ingest.customers.monetary[i];
  }
}

std::string explain_tier(const Classification& result, std::size_t index) {
  const Tier& tier = result.options.tiers[result.tier_of[index]];
  if (!tier.when) return "no earlier tier's rule holds → " + tier.name + ".";
  const CustomerFields fields(result);
  const CompiledCondition condition(*tier.when, fields);
  return condition_text(*tier.when) + " holds (" + condition.facts(index) + ") → " + tier.name + ".";
}

}  // namespace tierlens
