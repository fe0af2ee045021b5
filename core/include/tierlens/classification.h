// One classification run: the ingested customers with their RFM scores and segments, the
// breakpoints that produced them, every dimension's label per customer, the tiers, and the
// totals. Reports and the wasm API read from here; nothing in it depends on how the result
// will be shown.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "tierlens/classify_options.h"
#include "tierlens/clv.h"
#include "tierlens/kmeans.h"
#include "tierlens/order_ingest.h"
#include "tierlens/rfm_scoring.h"
#include "tierlens/segments.h"

namespace tierlens {

struct SegmentTotals {
  std::uint64_t customers = 0;
  Micros revenue = 0;
};

/// How a `clusters` dimension clustered: the k tried and chosen, and each cluster's centre.
struct ClusterSummary {
  std::vector<std::string> features;
  std::size_t clustered = 0;   ///< customers with a value for every feature
  std::size_t fitted_on = 0;   ///< customers the centres were fitted on: all, or a sample
  bool k_chosen = false;       ///< k was chosen by silhouette, not given
  std::vector<KChoice> choices;  ///< per k tried: silhouette and inertia (on the sample)
  double silhouette = 0;       ///< of the final clustering (NaN when undefined)
  double inertia = 0;          ///< of the final clustering, in standardised units
  struct Cluster {
    std::size_t size = 0;
    std::vector<double> mean;    ///< per feature, the members' mean as read (days, orders, money)
    std::vector<double> centre;  ///< per feature, the centre in standard deviations
  };
  std::vector<Cluster> clusters;  ///< in label order
};

/// One enabled dimension of the policy, applied to every customer.
struct DimensionResult {
  std::size_t policy_index = 0;           ///< into options.dimensions
  std::vector<std::string> labels;        ///< distinct labels, in the dimension's own order
  std::vector<std::uint32_t> label_of;    ///< per customer, an index into labels
  std::vector<SegmentTotals> totals;      ///< per label
  /// Per customer, the number behind the label where there is one: the 0–100 score of a
  /// `score` dimension, the share of customers or revenue ranked above for `abc`.
  std::vector<double> value;
  /// The references computed from the data (means, medians, cut values…), by name, in order.
  std::vector<std::pair<std::string, double>> references;
  std::string description;                ///< how labels are given, with those references
  std::vector<std::string> warnings;      ///< e.g. a field the file has no column for
  std::optional<ClusterSummary> clusters; ///< a `clusters` dimension's details
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

  /// Customer lifetime value, computed when the policy uses it (policy_needs_clv).
  std::optional<ClvResult> clv;
  std::vector<DimensionResult> dimensions;  ///< the enabled dimensions, in policy order
  /// Per customer, an index into options.tiers; empty when the policy has no tiers.
  std::vector<std::uint32_t> tier_of;
  std::vector<SegmentTotals> tier_totals;   ///< per tier
  std::vector<std::string> warnings;        ///< about the run as a whole

  std::size_t customer_count() const { return ingest.customers.size(); }
  bool analysis_date_given() const { return options.analysis_date.has_value(); }
  /// False when no date was given and no row had one (a header-only file, customers only):
  /// then there is no analysis date to report.
  bool has_analysis_date() const { return analysis_date_given() || ingest.latest_day != kNoDay; }
  bool breakpoints_fixed(RfmMetric metric) const {
    return options.fixed_breakpoints(metric).has_value();
  }
  const Dimension& dimension_policy(const DimensionResult& dimension) const {
    return options.dimensions[dimension.policy_index];
  }
  const std::string& label(const DimensionResult& dimension, std::size_t customer) const {
    return dimension.labels[dimension.label_of[customer]];
  }
};

/// Scores, segments and labels every ingested customer under `options` (already validated),
/// then assigns the tiers.
Classification classify(IngestResult ingest, const ClassifyOptions& options);

/// The value of `metric` for customer `index`, as scoring sees it (monetary in micro-units).
double metric_value(const Classification& result, RfmMetric metric, std::size_t index);

}  // namespace tierlens
