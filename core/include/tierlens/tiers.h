// The final tier of each customer: the first tier of the policy whose condition holds (the
// last has none), so every customer has exactly one.
#pragma once

#include <cstddef>
#include <string>

#include "tierlens/classification.h"

namespace tierlens {

/// Fills result.tier_of and result.tier_totals; dimensions must be classified already.
void assign_tiers(Classification& result);

/// "rfm_class = 重要价值客户 and scale = 大型", or "otherwise" for the catch-all tier.
std::string tier_rule_text(const Tier& tier);

/// Why customer `index` is in its tier: the rule and the values it looked at.
std::string explain_tier(const Classification& result, std::size_t index);

}  // namespace tierlens
