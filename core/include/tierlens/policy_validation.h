// The checks a policy must pass before anything is computed, beyond its JSON shape: ids,
// references between dimensions, band order, ABC cuts, the class tree's coding scheme, and
// that every rule list ends with a catch-all. Messages name the path, e.g.
// "dimensions[3].nodes[2].code: \"010301\" needs its parent \"0103\" listed before it".
#pragma once

#include <string>
#include <vector>

#include "tierlens/classify_options.h"
#include "tierlens/status.h"

namespace tierlens {

Status validate_policy(const ClassifyOptions& options);

/// The fields the policy reads from the file's columns: every field an enabled dimension or
/// a tier names that is neither a metric nor a dimension, plus those mapped in `attributes`,
/// each once, in order of first mention.
std::vector<std::string> attribute_fields(const ClassifyOptions& options);

/// True when the policy uses customer lifetime value: a `clv` dimension, or a CLV metric
/// (clv, p_alive …) named by a dimension or a tier. Only then are the models fitted.
bool policy_needs_clv(const ClassifyOptions& options);

}  // namespace tierlens
