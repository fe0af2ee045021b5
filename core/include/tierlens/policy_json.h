// The policy's JSON form (core/POLICY.md), read strictly and written canonically. A policy is
// never half-read: on any error `options` is left as it was.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "tierlens/classify_options.h"
#include "tierlens/status.h"

namespace tierlens {

/// Reads a policy document into `options` (what describes the file, such as its name, encoding, date order and header row, is kept). Refuses, naming the path
/// and what was expected: malformed JSON, a missing or unknown `tierlens_policy` version, an
/// unknown key (a typo must not silently fall back to a default), a wrong type, and anything
/// validate_options refuses.
Status parse_policy_json(std::string_view json, ClassifyOptions& options);

/// The policy in `options` as canonical JSON: every setting written out with its value or
/// default, keys in a fixed order. parse_policy_json(policy_to_json(p)) gives back p.
nlohmann::ordered_json policy_to_json(const ClassifyOptions& options);

/// policy_to_json, pretty-printed with a final newline: what "export policy" saves.
std::string policy_json_text(const ClassifyOptions& options);

}  // namespace tierlens
