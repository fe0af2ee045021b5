// Applying one dimension of the policy to every customer, and explaining one customer's
// label: the rule, and the numbers that fired it.
#pragma once

#include <cstddef>
#include <string>

#include "tierlens/classification.h"

namespace tierlens {

/// Labels every customer by dimension `policy_index` of result.options (enabled, validated).
/// Dimensions listed before it must already be in result.dimensions.
DimensionResult classify_dimension(const Classification& result, std::size_t policy_index);

struct LabelExplanation {
  std::string rule;  ///< the rule that gave the label, e.g. "employees ≥ 1000 → 大型"
  std::string text;  ///< the rule with this customer's numbers, one or two sentences
};

LabelExplanation explain_dimension(const Classification& result, const DimensionResult& dimension,
                                   std::size_t customer);

}  // namespace tierlens
