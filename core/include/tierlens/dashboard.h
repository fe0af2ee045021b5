// The numbers behind the page's dashboard charts, and the HTML report's: small aggregates of a
// Classification, computed here once so that every view (and the CLI's dashboard.json) shows
// the same figures, native and wasm byte for byte. Money is summed in micro-units, exactly.
//
// What the summary (reports.h) already holds is not repeated: the tiers' and segments'
// customers and revenue come from summary.json.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "tierlens/classification.h"

namespace tierlens {

/// R score × F score: per cell the customers and their net revenue.
struct RfmGrid {
  int bins = 0;
  /// cells[(r − 1) × bins + (f − 1)]
  std::vector<SegmentTotals> cells;
};

/// Customers ranked by monetary, highest first, and the revenue the top of the ranking
/// holds. Revenue here is positive revenue (each customer's monetary when above zero), as
/// the ABC dimension counts it: a customer whose returns exceed their purchases holds none.
struct LorenzCurve {
  std::uint64_t customers = 0;  ///< all customers
  Micros revenue = 0;           ///< positive revenue of all customers
  struct Point {
    std::uint64_t customers = 0;  ///< the top `customers` of the ranking…
    Micros revenue = 0;           ///< …hold this much positive revenue
  };
  /// At every whole percent of customers (rounded half up to a customer), from none to all;
  /// a count reached twice (fewer than 100 customers) is listed once.
  std::vector<Point> points;
};

/// Where an `abc` dimension of the policy cut the ranking: after each class but the last.
struct AbcCuts {
  std::string dimension_id;
  std::string dimension_name;
  AbcBasis by = AbcBasis::kRevenue;
  struct Cut {
    std::string label;              ///< the class above the cut
    double percent = 0;             ///< the policy's cumulative cut, e.g. 70 then 90
    std::uint64_t customers = 0;    ///< customers in this class and those above it
    Micros revenue = 0;             ///< their positive revenue
  };
  std::vector<Cut> cuts;
};

/// Counts of customers per bin of one metric. Bins are [edges[i], edges[i+1]), in the
/// metric's own integer unit (days, orders, micro-units), with a "nice" width: 1, 2 or 5 times
/// a power of ten, the smallest giving at most kHistogramBins bins. Heavy-tailed metrics
/// (frequency, monetary) are binned up to their 99th percentile only, and every customer at
/// or past the last edge is counted in `tail`: a few very large customers would otherwise
/// squeeze everyone else into the first bin.
struct Histogram {
  std::vector<std::int64_t> edges;   ///< empty when there are no customers
  std::vector<std::uint64_t> counts; ///< edges.size() − 1 of them
  std::uint64_t tail = 0;            ///< customers at or past edges.back()
  bool tail_cut = false;             ///< binned to the 99th percentile (else to the maximum)
  std::int64_t min = 0, max = 0, p99 = 0;  ///< p99: nearest rank, ceil(0.99 n)
};

inline constexpr int kHistogramBins = 12;

/// One group of a breakdown.
struct BreakdownGroup {
  enum class Kind { kValue, kOther, kNone };
  Kind kind = Kind::kValue;
  std::string value;                     ///< empty for kOther and kNone
  std::uint64_t distinct = 1;            ///< values merged into it (kOther); 1 otherwise
  SegmentTotals totals;
  std::vector<std::uint64_t> tier_customers;  ///< per tier of the policy
};

/// Customers grouped by a categorical attribute column (industry, province …) or by the
/// labels of a `mapping` or `bands` dimension (region, company size).
struct Breakdown {
  enum class Source { kAttribute, kDimension };
  Source source = Source::kAttribute;
  std::string field;   ///< the attribute's field, or the dimension's id
  std::string name;    ///< the column's header, or the dimension's name
  std::uint64_t distinct = 0;  ///< distinct values customers have (no value not counted)
  /// Attributes: the kBreakdownValues values of most revenue (ties: more customers, then
  /// byte order), then "other" for the rest, then "no value". Dimensions: their labels in the
  /// dimension's own order (a band's order means something), "other" past kBreakdownValues.
  /// Empty when skipped.
  std::vector<BreakdownGroup> groups;
  bool skipped = false;  ///< too many distinct values to be a category (an id, a number)
};

inline constexpr std::size_t kBreakdownValues = 12;
/// An attribute with more distinct values than this is not drawn: it is an id, a name, a
/// measurement (employees), not a category.
inline constexpr std::uint64_t kBreakdownMaxDistinct = 60;

struct Dashboard {
  std::uint64_t customers = 0;
  RfmGrid rfm_grid;
  LorenzCurve lorenz;
  std::vector<AbcCuts> abc_cuts;  ///< one per enabled `abc` dimension, in policy order
  Histogram recency, frequency, monetary;
  std::vector<Breakdown> breakdowns;
  /// Per tier, per segment (Segment order): the segment tree map's cells. Empty without tiers.
  std::vector<std::array<SegmentTotals, kSegmentCount>> tier_segments;
};

Dashboard compute_dashboard(const Classification& result);

/// The dashboard as JSON (format in dashboard_json.cpp): pretty-printed, fixed key order,
/// money in currency units (the exact sums converted once), shares as fractions of 1.
std::string dashboard_json(const Dashboard& dashboard, const Classification& result);

/// compute_dashboard then dashboard_json: what the CLI writes as dashboard.json.
std::string dashboard_json(const Classification& result);

}  // namespace tierlens
