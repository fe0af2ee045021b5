// Why a customer got its scores and segment: the values, the breakpoints, the rule that
// turned each value into a score, and the grid cell that chose the segment.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>

#include "tierlens/classification.h"

namespace tierlens {

/// For customer `index` (an index into result.ingest.customers):
/// {customer_id, analysis_date, recency, frequency, monetary, first_order, last_order,
///  r|f|m: {value, breakpoints, position, score, rule}, fm_score, segment_cell, segment,
///  text}. `text` is one paragraph a person can read aloud.
nlohmann::ordered_json explain_customer(const Classification& result, std::size_t index);

}  // namespace tierlens
