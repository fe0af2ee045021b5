// The files a classification run produces, as bytes. The CLI writes them to disk; the
// page offers the same bytes for download, so the two can be compared byte for byte.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tierlens/classification.h"
#include "tierlens/column_preview.h"

namespace tierlens {

inline constexpr const char* kTierLensVersion = "0.1.0";

/// One row per customer, ordered by customer id:
/// customer_id, [customer_name,] first_order, last_order, recency, frequency, monetary,
/// r_score, f_score, m_score, fm_score, segment_cell, segment, [p_alive, expected_purchases,
/// expected_spend, clv, historical_clv when the run computed CLV], then one column per
/// enabled dimension (headed by its id) and [tier]. UTF-8 with BOM.
std::string customers_csv(const Classification& result);

/// The header of customers_csv, and of the workbook's Customers sheet.
std::vector<std::string> customer_columns(const Classification& result);

/// The customers workbook (.xlsx), one sheet each:
/// - Customers: the columns and rows of customers_csv, with numbers as numeric cells
///   (monetary, expected_spend and the CLV figures as #,##0.00, p_alive and
///   expected_purchases as 0.0000), first_order and last_order as date cells, segment_cell
///   and the labels as text;
/// - Segments: segment, cells, customers, customer_share, revenue, revenue_share, as in the
///   summary's segments (shares as percentages);
/// - Tiers, when the policy has tiers: tier, rule, customers, customer_share, revenue,
///   revenue_share, then each field of its strategy;
/// - Dimensions, when the policy has any: per label of each dimension, its customers and
///   revenue;
/// - Skipped rows: the columns and rows of skipped_csv.
/// Text cells are never formulas (see xlsx_writer.h). Deterministic bytes.
std::string customers_xlsx(const Classification& result);

/// The name of the file `row` was skipped from: the orders file or the customers table.
const std::string& skipped_file_name(const Classification& result, const SkippedRow& row);

/// Counts and revenue per segment, the breakpoints, the columns used, the rows used and
/// skipped by reason, the policy, per dimension its labels with counts and revenue, per tier
/// its rule, strategy and totals, and warnings. Pretty-printed JSON with a fixed key order.
std::string summary_json(const Classification& result);

/// One row per skipped input row: file, row, line, column, reason, detail, raw. UTF-8 with
/// BOM.
std::string skipped_csv(const Classification& result);

/// The header of skipped_csv, and of the workbook's Skipped rows sheet.
const std::vector<std::string>& skipped_columns();

/// The mapping step's preview as JSON: {input, header, rows, roles: [{field, column, source,
/// required}], attributes: [...], problem}; see column_preview.h.
std::string column_preview_json(const ColumnPreview& preview);

/// A breakpoint as users read it: monetary back in currency units, all rounded to 6
/// decimals so that 1/3-type quantiles do not print 17 digits.
double breakpoint_for_display(RfmMetric metric, double breakpoint);

/// All breakpoints of `metric` as users read them (breakpoint_for_display of each).
std::vector<double> display_breakpoints(const Classification& result, RfmMetric metric);

/// The customer-name column, when the file has one.
const AttributeColumn* customer_names(const Classification& result);

/// {service_level, discount, credit_terms, review_cycle, channel, owner, notes}.
nlohmann::ordered_json strategy_json(const Strategy& strategy);

/// The segment_cell text of customer `index`: R then FM on the 1..5 grid, e.g. "54".
std::string segment_cell(const Classification& result, std::size_t index);

}  // namespace tierlens
