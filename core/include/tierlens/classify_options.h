// Everything a user can set for one classification run. The CLI builds it from flags, the
// page sends it as JSON; both go through validate_options, so both refuse the same mistakes
// with the same words.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tierlens/civil_date.h"
#include "tierlens/column_roles.h"
#include "tierlens/rfm_scoring.h"
#include "tierlens/status.h"

namespace tierlens {

inline constexpr int kMinBins = 2;
inline constexpr int kMaxBins = 9;

struct ClassifyOptions {
  /// Shown in messages and the summary; the page passes the uploaded file's name.
  std::string file_name = "orders.csv";
  /// RFM bins per metric (the product offers 3–5; 2..9 are accepted).
  int bins = 5;
  /// Recency is counted to this day; default: the day after the latest order in the file.
  std::optional<DayNumber> analysis_date;
  /// Header names per column role; unset roles are guessed from the header.
  ColumnOverrides columns;
  /// Fixed breakpoints (bins − 1 ascending values) replacing the quantiles of that metric.
  /// Recency in days, frequency in orders, monetary in currency units.
  std::optional<std::vector<double>> recency_breakpoints;
  std::optional<std::vector<double>> frequency_breakpoints;
  std::optional<std::vector<double>> monetary_breakpoints;

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

/// Checks ranges and shapes: bins within 2..9, breakpoints bins − 1 finite ascending values.
Status validate_options(const ClassifyOptions& options);

/// Reads the JSON form (the page's), e.g.
/// {"file_name": "orders.csv", "bins": 4, "analysis_date": "2011-12-10",
///  "columns": {"customer_id": "CustomerID", "order_id": ""},
///  "breakpoints": {"recency": [30, 90, 180]}}.
/// Unknown keys are refused (a typo must not silently fall back to a default); the result is
/// validated.
Status parse_options_json(std::string_view json, ClassifyOptions& options);

}  // namespace tierlens
