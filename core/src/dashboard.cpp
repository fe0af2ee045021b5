#include "tierlens/dashboard.h"

#include <algorithm>
#include <numeric>

namespace tierlens {
namespace {

RfmGrid rfm_grid(const Classification& result) {
  RfmGrid grid;
  grid.bins = result.options.bins;
  grid.cells.resize(static_cast<std::size_t>(grid.bins) * static_cast<std::size_t>(grid.bins));
  for (std::size_t i = 0; i < result.customer_count(); ++i) {
    SegmentTotals& cell = grid.cells[static_cast<std::size_t>(result.r_score[i] - 1) * grid.bins +
                                     static_cast<std::size_t>(result.f_score[i] - 1)];
    ++cell.customers;
    cell.revenue += result.ingest.customers.monetary[i];
  }
  return grid;
}

/// Positive revenue, as the Lorenz curve and the ABC dimension count it.
Micros positive(Micros monetary) { return std::max<Micros>(monetary, 0); }

/// Monetary of every customer, highest first.
std::vector<Micros> ranked_monetary(const Classification& result) {
  std::vector<Micros> ranked = result.ingest.customers.monetary;
  std::sort(ranked.begin(), ranked.end(), std::greater<>());
  return ranked;
}

LorenzCurve lorenz_curve(const std::vector<Micros>& ranked) {
  LorenzCurve curve;
  const std::uint64_t n = ranked.size();
  curve.customers = n;
  // top[k]: positive revenue of the first k customers. Ties need no care: the top k of a
  // ranking hold the same sum however equal values are ordered.
  std::vector<Micros> top(n + 1, 0);
  for (std::size_t k = 0; k < n; ++k) top[k + 1] = top[k] + positive(ranked[k]);
  curve.revenue = top[n];
  for (std::uint64_t percent = 0; percent <= 100; ++percent) {
    const std::uint64_t k = (percent * n + 50) / 100;  // integers: exact at 0 % and 100 %
    if (!curve.points.empty() && curve.points.back().customers == k) continue;
    curve.points.push_back({k, top[k]});
  }
  return curve;
}

std::vector<AbcCuts> abc_cuts(const Classification& result) {
  std::vector<AbcCuts> all;
  const std::vector<Micros>& monetary = result.ingest.customers.monetary;
  for (const DimensionResult& dimension : result.dimensions) {
    const Dimension& policy = result.dimension_policy(dimension);
    const auto* spec = std::get_if<AbcSpec>(&policy.spec);
    if (!spec) continue;
    AbcCuts cuts{policy.id, policy.name, spec->by, {}};
    // Classes are whole stretches of the ranking (a tie shares a class, and customers without
    // positive revenue are in the last class), so "this class and above" is a top of the
    // ranking: a point on the Lorenz curve.
    std::vector<SegmentTotals> per_class(dimension.labels.size());
    for (std::size_t i = 0; i < monetary.size(); ++i) {
      SegmentTotals& totals = per_class[dimension.label_of[i]];
      ++totals.customers;
      totals.revenue += positive(monetary[i]);
    }
    double percent = 0;
    SegmentTotals above;
    for (std::size_t k = 0; k < spec->cuts.size() && k < per_class.size(); ++k) {
      percent += spec->cuts[k];
      above.customers += per_class[k].customers;
      above.revenue += per_class[k].revenue;
      cuts.cuts.push_back({dimension.labels[k], percent, above.customers, above.revenue});
    }
    all.push_back(std::move(cuts));
  }
  return all;
}

/// value / step rounded down (step > 0): −1 / 10 is −1, so that bins of negative monetary
/// (returns above purchases) line up with the others.
std::int64_t floor_div(std::int64_t value, std::int64_t step) {
  const std::int64_t quotient = value / step;
  return value % step < 0 ? quotient - 1 : quotient;
}

/// How many bins of `step` cover [low, high] when they start at a multiple of it.
std::int64_t bins_needed(std::int64_t low, std::int64_t high, std::int64_t step) {
  return floor_div(high, step) + 1 - floor_div(low, step);
}

/// `values` (sorted ascending) binned from their minimum to `high` (inclusive) with the
/// smallest nice step of at least `min_step`.
Histogram histogram(const std::vector<std::int64_t>& values, bool cut_tail, std::int64_t min_step) {
  Histogram histogram;
  if (values.empty()) return histogram;
  const std::size_t n = values.size();
  histogram.min = values.front();
  histogram.max = values.back();
  histogram.p99 = values[(99 * n + 99) / 100 - 1];  // nearest rank: the ceil(0.99 n)-th value
  histogram.tail_cut = cut_tail;
  const std::int64_t high = cut_tail ? histogram.p99 : histogram.max;

  std::int64_t step = min_step;
  for (std::int64_t power = min_step;; power *= 10) {
    const std::int64_t candidates[] = {power, power * 2, power * 5};
    const auto fits = std::find_if(std::begin(candidates), std::end(candidates), [&](std::int64_t s) {
      return bins_needed(histogram.min, high, s) <= kHistogramBins;
    });
    if (fits != std::end(candidates)) {
      step = *fits;
      break;
    }
  }
  const std::int64_t first = floor_div(histogram.min, step);
  const std::int64_t count = bins_needed(histogram.min, high, step);
  for (std::int64_t b = 0; b <= count; ++b) histogram.edges.push_back((first + b) * step);
  histogram.counts.assign(static_cast<std::size_t>(count), 0);
  for (const std::int64_t value : values) {
    if (value >= histogram.edges.back()) {
      ++histogram.tail;
    } else {
      ++histogram.counts[static_cast<std::size_t>(floor_div(value, step) - first)];
    }
  }
  return histogram;
}

template <typename Value>
std::vector<std::int64_t> sorted(const std::vector<Value>& values) {
  std::vector<std::int64_t> copy(values.begin(), values.end());
  std::sort(copy.begin(), copy.end());
  return copy;
}

/// Customers and revenue per value index, and per tier.
struct Tally {
  SegmentTotals totals;
  std::vector<std::uint64_t> tier_customers;
};

std::vector<Tally> tally(const Classification& result, const std::vector<std::uint32_t>& group_of,
                         std::size_t groups) {
  const std::size_t tiers = result.options.tiers.size();
  std::vector<Tally> tallies(groups, Tally{{}, std::vector<std::uint64_t>(tiers, 0)});
  for (std::size_t i = 0; i < group_of.size(); ++i) {
    Tally& tally = tallies[group_of[i]];
    ++tally.totals.customers;
    tally.totals.revenue += result.ingest.customers.monetary[i];
    if (!result.tier_of.empty()) ++tally.tier_customers[result.tier_of[i]];
  }
  return tallies;
}

void add_to(BreakdownGroup& group, const Tally& tally) {
  group.totals.customers += tally.totals.customers;
  group.totals.revenue += tally.totals.revenue;
  group.tier_customers.resize(tally.tier_customers.size(), 0);
  for (std::size_t t = 0; t < tally.tier_customers.size(); ++t) group.tier_customers[t] += tally.tier_customers[t];
}

/// The groups past kBreakdownValues merged into one "other" group.
void merge_the_rest(std::vector<BreakdownGroup>& groups, std::size_t tiers) {
  if (groups.size() <= kBreakdownValues) return;
  BreakdownGroup other{BreakdownGroup::Kind::kOther, "", 0, {}, std::vector<std::uint64_t>(tiers, 0)};
  for (std::size_t g = kBreakdownValues; g < groups.size(); ++g) {
    add_to(other, Tally{groups[g].totals, groups[g].tier_customers});
    other.distinct += 1;
  }
  groups.resize(kBreakdownValues);
  groups.push_back(std::move(other));
}

Breakdown attribute_breakdown(const Classification& result, const AttributeColumn& column) {
  Breakdown breakdown{Breakdown::Source::kAttribute, column.field, column.header, 0, {}, false};
  const std::vector<Tally> tallies = tally(result, column.value_of, column.values.size());
  for (std::size_t v = 1; v < tallies.size(); ++v) breakdown.distinct += tallies[v].totals.customers > 0;
  if (breakdown.distinct > kBreakdownMaxDistinct) {
    breakdown.skipped = true;
    return breakdown;
  }
  const std::size_t tiers = result.options.tiers.size();
  std::vector<std::size_t> used;
  for (std::size_t v = 1; v < tallies.size(); ++v) {
    if (tallies[v].totals.customers > 0) used.push_back(v);
  }
  std::sort(used.begin(), used.end(), [&](std::size_t a, std::size_t b) {
    const SegmentTotals& x = tallies[a].totals;
    const SegmentTotals& y = tallies[b].totals;
    if (x.revenue != y.revenue) return x.revenue > y.revenue;
    if (x.customers != y.customers) return x.customers > y.customers;
    return column.values[a] < column.values[b];
  });
  for (const std::size_t v : used) {
    BreakdownGroup group{BreakdownGroup::Kind::kValue, column.values[v], 1, {}, {}};
    add_to(group, tallies[v]);
    breakdown.groups.push_back(std::move(group));
  }
  merge_the_rest(breakdown.groups, tiers);
  if (tallies[0].totals.customers > 0) {
    BreakdownGroup none{BreakdownGroup::Kind::kNone, "", 1, {}, std::vector<std::uint64_t>(tiers, 0)};
    add_to(none, tallies[0]);
    breakdown.groups.push_back(std::move(none));
  }
  return breakdown;
}

Breakdown dimension_breakdown(const Classification& result, const DimensionResult& dimension) {
  const Dimension& policy = result.dimension_policy(dimension);
  Breakdown breakdown{Breakdown::Source::kDimension, policy.id, policy.name, 0, {}, false};
  const std::size_t tiers = result.options.tiers.size();
  const std::vector<Tally> tallies = tally(result, dimension.label_of, dimension.labels.size());
  for (std::size_t l = 0; l < tallies.size(); ++l) {
    if (tallies[l].totals.customers == 0) continue;
    ++breakdown.distinct;
    BreakdownGroup group{BreakdownGroup::Kind::kValue, dimension.labels[l], 1, {}, {}};
    add_to(group, tallies[l]);
    breakdown.groups.push_back(std::move(group));
  }
  merge_the_rest(breakdown.groups, tiers);
  return breakdown;
}

std::vector<Breakdown> breakdowns(const Classification& result) {
  std::vector<Breakdown> all;
  for (const AttributeColumn& column : result.ingest.customers.attributes) {
    // The customer's name is who they are, not a category; a field the file has no column
    // for has no values.
    if (column.field == "customer_name" || column.header.empty()) continue;
    all.push_back(attribute_breakdown(result, column));
  }
  // Mappings (province → region) and bands (employees → company size) are the categories the
  // user defined; other dimension types are the classification itself, shown elsewhere.
  for (const DimensionResult& dimension : result.dimensions) {
    const DimensionSpec& spec = result.dimension_policy(dimension).spec;
    if (std::holds_alternative<MappingSpec>(spec) || std::holds_alternative<BandsSpec>(spec)) {
      all.push_back(dimension_breakdown(result, dimension));
    }
  }
  return all;
}

std::vector<std::array<SegmentTotals, kSegmentCount>> tier_segments(const Classification& result) {
  std::vector<std::array<SegmentTotals, kSegmentCount>> tiers(result.tier_of.empty() ? 0 : result.options.tiers.size());
  for (std::size_t i = 0; i < result.tier_of.size(); ++i) {
    SegmentTotals& cell = tiers[result.tier_of[i]][static_cast<int>(result.segment[i])];
    ++cell.customers;
    cell.revenue += result.ingest.customers.monetary[i];
  }
  return tiers;
}

}  // namespace

Dashboard compute_dashboard(const Classification& result) {
  Dashboard dashboard;
  dashboard.customers = result.customer_count();
  dashboard.rfm_grid = rfm_grid(result);
  dashboard.lorenz = lorenz_curve(ranked_monetary(result));
  dashboard.abc_cuts = abc_cuts(result);
  dashboard.recency = histogram(sorted(result.recency), false, 1);
  dashboard.frequency = histogram(sorted(result.ingest.customers.frequency), true, 1);
  // Bins of at least a cent: one micro-unit wide bins would read "100.00–100.00".
  dashboard.monetary = histogram(sorted(result.ingest.customers.monetary), true, kMicrosPerUnit / 100);
  dashboard.breakdowns = breakdowns(result);
  dashboard.tier_segments = tier_segments(result);
  return dashboard;
}

}  // namespace tierlens
