// Everything a user can set for one classification run: the policy (core/POLICY.md) and the
// name of the file it runs on. The CLI builds it from a policy file and flags, the page sends
// the policy as JSON; both go through validate_options, so both refuse the same mistakes with
// the same words.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tierlens/civil_date.h"
#include "tierlens/column_roles.h"
#include "tierlens/order_date.h"
#include "tierlens/policy.h"
#include "tierlens/rfm_scoring.h"
#include "tierlens/status.h"
#include "tierlens/text_encoding.h"

namespace tierlens {

inline constexpr int kMinBins = 2;
inline constexpr int kMaxBins = 9;

struct ClassifyOptions {
  /// Shown in messages and the summary; the page passes the uploaded file's name. Not part
  /// of the policy.
  std::string file_name = "orders.csv";
  /// The file's encoding when the user says it; detected otherwise. Not part of the policy.
  std::optional<TextEncoding> encoding;
  /// The day/month order of dates like 3/5/2024 when the user says it; detected otherwise.
  /// Not part of the policy.
  std::optional<DateOrder> date_order;
  /// The row holding the column names when the user says it; found otherwise. Not part of
  /// the policy.
  std::optional<std::uint64_t> header_row;
  /// The sheet to read from a workbook (.xlsx), by name; the first sheet otherwise. Not part
  /// of the policy.
  std::optional<std::string> sheet;
  /// Keep each customer's orders (IngestResult::order_log) whether or not the policy needs
  /// them: the page's profile card shows them. Not part of the policy.
  bool keep_order_log = false;
  /// The orders file's size when known beforehand: the reader sizes its tables for it
  /// (IngestOptions::expected_bytes). Not part of the policy; changes no output.
  std::optional<std::uint64_t> file_bytes;
  /// The policy's name, shown in the page and reports.
  std::string name;
  /// RFM bins per metric (the product offers 3–5; 2..9 are accepted).
  int bins = 5;
  /// Recency is counted to this day; default: the day after the latest order in the file.
  std::optional<DayNumber> analysis_date;
  /// Header names per column role; unset roles are guessed from the header.
  ColumnOverrides columns;
  /// The customer id column of a customers table (customer_join.h); guessed when unset. ""
  /// for a table read alone whose rows are customers without ids: each is named by its row.
  std::optional<std::string> customer_table_id_column;
  /// Order ids starting with this mark cancellations (Online Retail's "C536379"): their
  /// amount counts as a return whatever its sign. Empty: only negative amounts are returns.
  std::string cancelled_order_prefix;
  /// Fixed breakpoints (bins − 1 ascending values) replacing the quantiles of that metric.
  /// Recency in days, frequency in orders, monetary in currency units.
  std::optional<std::vector<double>> recency_breakpoints;
  std::optional<std::vector<double>> frequency_breakpoints;
  std::optional<std::vector<double>> monetary_breakpoints;
  /// Header name per attribute field (e.g. "employees" → "员工人数"), in the user's order;
  /// attributes not named here are guessed from the header.
  std::vector<std::pair<std::string, std::string>> attribute_columns;
  /// The CLV models' settings; used only when the policy names a CLV field or dimension.
  ClvSettings clv;
  /// The classifications, computed in this order; later ones may use earlier labels.
  std::vector<Dimension> dimensions;
  /// The final tier of each customer: the first tier whose condition holds. Empty: no tiers.
  std::vector<Tier> tiers;

  /// The fixed breakpoints of `metric`, if the user gave them: the one place that maps a
  /// metric to its field.
  std::optional<std::vector<double>>& fixed_breakpoints(RfmMetric metric) {
    switch (metric) {
      case RfmMetric::kRecency: return recency_breakpoints;
      case RfmMetric::kFrequency: return frequency_breakpoints;
      case RfmMetric::kMonetary: return monetary_breakpoints;
    }
    return recency_breakpoints;
  }
  const std::optional<std::vector<double>>& fixed_breakpoints(RfmMetric metric) const {
    return const_cast<ClassifyOptions*>(this)->fixed_breakpoints(metric);
  }
};

inline constexpr RfmMetric kRfmMetrics[] = {RfmMetric::kRecency, RfmMetric::kFrequency,
                                            RfmMetric::kMonetary};

/// Copies from `from` to `to` what describes the file rather than the policy: its name,
/// encoding, date order, header row and sheet, and whether the order log is kept. A new
/// policy does not change how a file reads.
void keep_file_reading(const ClassifyOptions& from, ClassifyOptions& to);

/// Checks ranges, shapes and references: bins within 2..9, breakpoints bins − 1 finite
/// ascending values, and the dimensions and tiers as policy_validation.h describes.
Status validate_options(const ClassifyOptions& options);

}  // namespace tierlens
