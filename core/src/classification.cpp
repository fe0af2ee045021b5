#include "tierlens/classification.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace tierlens {
namespace {

std::vector<double> fixed_breakpoints_in_scoring_units(RfmMetric metric,
                                                       const std::vector<double>& given) {
  if (metric != RfmMetric::kMonetary) return given;
  std::vector<double> micros;
  for (const double units : given) {
    micros.push_back(std::round(units * static_cast<double>(kMicrosPerUnit)));
  }
  return micros;
}

}  // namespace

double metric_value(const Classification& result, RfmMetric metric, std::size_t index) {
  switch (metric) {
    case RfmMetric::kRecency: return result.recency[index];
    case RfmMetric::kFrequency: return result.ingest.customers.frequency[index];
    case RfmMetric::kMonetary: return static_cast<double>(result.ingest.customers.monetary[index]);
  }
  return 0;
}

Classification classify(IngestResult ingest, const ClassifyOptions& options) {
  Classification result;
  result.ingest = std::move(ingest);
  result.options = options;
  const CustomerTable& customers = result.ingest.customers;
  const std::size_t count = customers.size();

  if (options.analysis_date) {
    result.analysis_date = *options.analysis_date;
  } else if (result.ingest.latest_day != kNoDay) {
    result.analysis_date = result.ingest.latest_day + 1;
  }

  result.recency.resize(count);
  for (std::size_t i = 0; i < count; ++i) {
    // A customer who only returned goods is as recent as their last return.
    const DayNumber last = customers.last_purchase[i] != kNoDay ? customers.last_purchase[i]
                                                                : customers.last_activity[i];
    result.recency[i] = result.analysis_date - last;
  }

  const int bins = options.bins;
  std::array<std::vector<std::uint8_t>*, 3> scores = {&result.r_score, &result.f_score,
                                                      &result.m_score};
  for (int m = 0; m < 3; ++m) {
    const auto metric = static_cast<RfmMetric>(m);
    std::vector<double> values(count);
    for (std::size_t i = 0; i < count; ++i) values[i] = metric_value(result, metric, i);
    const auto& fixed = options.fixed_breakpoints(metric);
    result.breakpoints[m] = fixed ? fixed_breakpoints_in_scoring_units(metric, *fixed)
                                  : quantile_breakpoints(values, bins);
    scores[m]->resize(count);
    for (std::size_t i = 0; i < count; ++i) {
      (*scores[m])[i] =
          static_cast<std::uint8_t>(rfm_score(metric, values[i], result.breakpoints[m], bins));
    }
  }

  result.fm_score.resize(count);
  result.segment.resize(count);
  for (std::size_t i = 0; i < count; ++i) {
    result.fm_score[i] = static_cast<std::uint8_t>(fm_score(result.f_score[i], result.m_score[i]));
    result.segment[i] =
        segment_for_cell(grid_score(result.r_score[i], bins), grid_score(result.fm_score[i], bins));
    SegmentTotals& totals = result.segment_totals[static_cast<int>(result.segment[i])];
    ++totals.customers;
    totals.revenue += customers.monetary[i];
    result.revenue += customers.monetary[i];
  }

  result.order_by_id.resize(count);
  std::iota(result.order_by_id.begin(), result.order_by_id.end(), 0u);
  std::sort(result.order_by_id.begin(), result.order_by_id.end(),
            [&](std::uint32_t a, std::uint32_t b) { return customers.id[a] < customers.id[b]; });
  return result;
}

}  // namespace tierlens
