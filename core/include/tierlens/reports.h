// The three files a classification run produces, as bytes. The CLI writes them to disk; the
// page offers the same bytes for download, so the two can be compared byte for byte.
#pragma once

#include <string>

#include "tierlens/classification.h"

namespace tierlens {

inline constexpr const char* kTierLensVersion = "0.1.0";

/// One row per customer, ordered by customer id:
/// customer_id, first_order, last_order, recency, frequency, monetary, r_score, f_score,
/// m_score, fm_score, segment_cell, segment. UTF-8 with BOM.
std::string customers_csv(const Classification& result);

/// Counts and revenue per segment, the breakpoints, the columns used, and the rows used and
/// skipped by reason. Pretty-printed JSON with a fixed key order.
std::string summary_json(const Classification& result);

/// One row per skipped input row: row, line, column, reason, detail, raw. UTF-8 with BOM.
std::string skipped_csv(const Classification& result);

/// A breakpoint as users read it: monetary back in currency units, all rounded to 6
/// decimals so that 1/3-type quantiles do not print 17 digits.
double breakpoint_for_display(RfmMetric metric, double breakpoint);

/// All breakpoints of `metric` as users read them (breakpoint_for_display of each).
std::vector<double> display_breakpoints(const Classification& result, RfmMetric metric);

/// The segment_cell text of customer `index`: R then FM on the 1..5 grid, e.g. "54".
std::string segment_cell(const Classification& result, std::size_t index);

}  // namespace tierlens
