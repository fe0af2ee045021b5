// Policies that reproduce the schemes customers ask for by name, one click each: RFM 11
// segments, RFM 八类客户, ABC/Pareto, B2B 大客户, IC 行业, 用友U8 seven dimensions. They are
// ordinary policy documents, validated like any other, so a user can start from one and edit.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "tierlens/classify_options.h"
#include "tierlens/status.h"

namespace tierlens {

struct Preset {
  std::string_view id;
  std::string_view name;
  std::string_view description;
  std::string_view policy_json;  ///< core/POLICY.md format
};

/// All presets, in the order the page offers them; the first is the default policy.
const std::vector<Preset>& presets();

/// Reads preset `id` into `options` (file_name kept). Fails on an unknown id.
Status load_preset(std::string_view id, ClassifyOptions& options);

}  // namespace tierlens
