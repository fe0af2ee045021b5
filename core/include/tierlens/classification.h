// One classification run: the ingested customers with their RFM scores and segments, the
// breakpoints that produced them, and the totals per segment. Reports and the wasm API
// read from here; nothing in it depends on how the result will be shown.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "tierlens/classify_options.h"
#include "tierlens/order_ingest.h"
#include "tierlens/rfm_scoring.h"
#include "tierlens/segments.h"

namespace tierlens {

struct SegmentTotals {
  std::uint64_t customers = 0;
  Micros revenue = 0;
};

struct Classification {
  IngestResult ingest;
  ClassifyOptions options;
  DayNumber analysis_date = 0;
  /// Per metric (indexed by RfmMetric): the breakpoints used, quantiles or the user's.
  /// Monetary breakpoints are in micro-units, like the monetary values they cut.
  std::array<std::vector<double>, 3> breakpoints;

  // Per customer, parallel to ingest.customers.
  std::vector<std::int32_t> recency;  ///< days from the last purchase to the analysis date
  std::vector<std::uint8_t> r_score, f_score, m_score, fm_score;
  std::vector<Segment> segment;

  /// Customer indices ordered by id (byte order): the row order of every report.
  std::vector<std::uint32_t> order_by_id;

  std::array<SegmentTotals, kSegmentCount> segment_totals{};
  Micros revenue = 0;  ///< net revenue of all customers

  std::size_t customer_count() const { return ingest.customers.size(); }
  bool analysis_date_given() const { return options.analysis_date.has_value(); }
  bool breakpoints_fixed(RfmMetric metric) const {
    return options.fixed_breakpoints(metric).has_value();
  }
};

/// Scores and segments every ingested customer under `options` (already validated).
Classification classify(IngestResult ingest, const ClassifyOptions& options);

/// The value of `metric` for customer `index`, as scoring sees it (monetary in micro-units).
double metric_value(const Classification& result, RfmMetric metric, std::size_t index);

}  // namespace tierlens
