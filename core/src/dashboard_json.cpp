// dashboard.json: the Dashboard for the page's charts and the HTML report.
//
// {tierlens_version, customers, revenue,
//  rfm_grid: {bins, cells: [{r, f, customers, revenue, mean_monetary}]}   (r-major; mean null
//            for an empty cell),
//  lorenz: {basis: "positive revenue", customers, revenue,
//           points: [{customers, customer_share, revenue_share}]},
//  abc_cuts: [{dimension, name, by, cuts: [{label, percent, customers, customer_share,
//              revenue, revenue_share}]}],
//  histograms: {recency|frequency|monetary: {unit, edges, counts, tail, tail_cut, min, max, p99}},
//  breakdowns: [{source, field, name, distinct, skipped, groups: [{kind, value, values,
//               customers, customer_share, revenue, revenue_share, tiers}]}],
//  tier_segments: [{tier, segments: [{segment, customers, revenue}]}]}
//
// Money is in currency units, converted once from the exact micro-unit sums; shares are
// fractions of 1; `tiers` of a group counts its customers per tier of summary.json's `tiers`.
#include <nlohmann/json.hpp>

#include "tierlens/dashboard.h"
#include "tierlens/reports.h"

namespace tierlens {
namespace {

using nlohmann::ordered_json;

double share(double part, double whole) { return whole == 0 ? 0 : part / whole; }

/// The mean in micro-units rounded half away from zero, exactly, then in units.
ordered_json mean_money(Micros total, std::uint64_t count) {
  if (count == 0) return ordered_json();
  const auto n = static_cast<Micros>(count);
  const Micros half = total < 0 ? -(n / 2) : n / 2;
  return micros_to_units((total + half) / n);
}

ordered_json rfm_grid_json(const RfmGrid& grid) {
  ordered_json cells = ordered_json::array();
  for (int r = 1; r <= grid.bins; ++r) {
    for (int f = 1; f <= grid.bins; ++f) {
      const SegmentTotals& cell = grid.cells[static_cast<std::size_t>((r - 1) * grid.bins + (f - 1))];
      cells.push_back({{"r", r},
                       {"f", f},
                       {"customers", cell.customers},
                       {"revenue", micros_to_units(cell.revenue)},
                       {"mean_monetary", mean_money(cell.revenue, cell.customers)}});
    }
  }
  return {{"bins", grid.bins}, {"cells", cells}};
}

ordered_json lorenz_json(const LorenzCurve& curve) {
  ordered_json points = ordered_json::array();
  for (const LorenzCurve::Point& point : curve.points) {
    points.push_back({{"customers", point.customers},
                      {"customer_share", share(static_cast<double>(point.customers), static_cast<double>(curve.customers))},
                      {"revenue_share", share(static_cast<double>(point.revenue), static_cast<double>(curve.revenue))}});
  }
  return {{"basis", "positive revenue"},
          {"customers", curve.customers},
          {"revenue", micros_to_units(curve.revenue)},
          {"points", points}};
}

ordered_json abc_cuts_json(const std::vector<AbcCuts>& all, const LorenzCurve& curve) {
  ordered_json list = ordered_json::array();
  for (const AbcCuts& dimension : all) {
    ordered_json cuts = ordered_json::array();
    for (const AbcCuts::Cut& cut : dimension.cuts) {
      cuts.push_back({{"label", cut.label},
                      {"percent", cut.percent},
                      {"customers", cut.customers},
                      {"customer_share", share(static_cast<double>(cut.customers), static_cast<double>(curve.customers))},
                      {"revenue", micros_to_units(cut.revenue)},
                      {"revenue_share", share(static_cast<double>(cut.revenue), static_cast<double>(curve.revenue))}});
    }
    list.push_back({{"dimension", dimension.dimension_id},
                    {"name", dimension.dimension_name},
                    {"by", dimension.by == AbcBasis::kCustomers ? "customers" : "revenue"},
                    {"cuts", cuts}});
  }
  return list;
}

ordered_json histogram_json(const Histogram& histogram, const char* unit, bool money) {
  const auto in_units = [money](std::int64_t value) {
    return money ? ordered_json(micros_to_units(value)) : ordered_json(value);
  };
  ordered_json edges = ordered_json::array();
  for (const std::int64_t edge : histogram.edges) edges.push_back(in_units(edge));
  const bool empty = histogram.edges.empty();
  return {{"unit", unit},
          {"edges", edges},
          {"counts", histogram.counts},
          {"tail", histogram.tail},
          {"tail_cut", histogram.tail_cut},
          {"min", empty ? ordered_json() : in_units(histogram.min)},
          {"max", empty ? ordered_json() : in_units(histogram.max)},
          {"p99", empty ? ordered_json() : in_units(histogram.p99)}};
}

const char* group_kind_key(BreakdownGroup::Kind kind) {
  switch (kind) {
    case BreakdownGroup::Kind::kValue: return "value";
    case BreakdownGroup::Kind::kOther: return "other";
    case BreakdownGroup::Kind::kNone: return "none";
  }
  return "value";
}

ordered_json breakdowns_json(const std::vector<Breakdown>& breakdowns, const Classification& result) {
  const double customers = static_cast<double>(result.customer_count());
  const double revenue = static_cast<double>(result.revenue);
  ordered_json list = ordered_json::array();
  for (const Breakdown& breakdown : breakdowns) {
    ordered_json groups = ordered_json::array();
    for (const BreakdownGroup& group : breakdown.groups) {
      groups.push_back({{"kind", group_kind_key(group.kind)},
                        {"value", group.value},
                        {"values", group.distinct},
                        {"customers", group.totals.customers},
                        {"customer_share", share(static_cast<double>(group.totals.customers), customers)},
                        {"revenue", micros_to_units(group.totals.revenue)},
                        {"revenue_share", share(static_cast<double>(group.totals.revenue), revenue)},
                        {"tiers", group.tier_customers}});
    }
    list.push_back({{"source", breakdown.source == Breakdown::Source::kAttribute ? "attribute" : "dimension"},
                    {"field", breakdown.field},
                    {"name", breakdown.name},
                    {"distinct", breakdown.distinct},
                    {"skipped", breakdown.skipped},
                    {"groups", groups}});
  }
  return list;
}

ordered_json tier_segments_json(const Dashboard& dashboard, const Classification& result) {
  ordered_json tiers = ordered_json::array();
  for (std::size_t t = 0; t < dashboard.tier_segments.size(); ++t) {
    ordered_json segments = ordered_json::array();
    for (int s = 0; s < kSegmentCount; ++s) {
      const SegmentTotals& cell = dashboard.tier_segments[t][s];
      if (cell.customers == 0) continue;
      segments.push_back({{"segment", segment_name(static_cast<Segment>(s))},
                          {"customers", cell.customers},
                          {"revenue", micros_to_units(cell.revenue)}});
    }
    tiers.push_back({{"tier", result.options.tiers[t].name}, {"segments", segments}});
  }
  return tiers;
}

}  // namespace

std::string dashboard_json(const Dashboard& dashboard, const Classification& result) {
  const ordered_json json = {
      {"tierlens_version", kTierLensVersion},
      {"customers", dashboard.customers},
      {"revenue", micros_to_units(result.revenue)},
      {"rfm_grid", rfm_grid_json(dashboard.rfm_grid)},
      {"lorenz", lorenz_json(dashboard.lorenz)},
      {"abc_cuts", abc_cuts_json(dashboard.abc_cuts, dashboard.lorenz)},
      {"histograms",
       {{"recency", histogram_json(dashboard.recency, "days", false)},
        {"frequency", histogram_json(dashboard.frequency, "orders", false)},
        {"monetary", histogram_json(dashboard.monetary, "money", true)}}},
      {"breakdowns", breakdowns_json(dashboard.breakdowns, result)},
      {"tier_segments", tier_segments_json(dashboard, result)},
  };
  // Values and headers may not be valid UTF-8 (a GBK export read as UTF-8): replace, never throw.
  return json.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

std::string dashboard_json(const Classification& result) {
  return dashboard_json(compute_dashboard(result), result);
}

}  // namespace tierlens
