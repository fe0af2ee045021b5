// RFM scores and the 11 segments (rfm_scoring.h, segments.h): the same type-7 quantile
// breakpoints, computed with an exact integer index; a value's position is the number of
// breakpoints it is strictly greater than; R = bins − position, F and M = 1 + position;
// FM = (F + M) / 2 rounded half up; the segment is the cell on the 5 × 5 grid.
#include <cmath>

#include "sql_compiler.h"
#include "tierlens/money.h"
#include "tierlens/segments.h"

namespace tierlens::sql {
namespace {

struct MetricColumn {
  RfmMetric metric;
  const char* value;  ///< the value scoring compares, as a double (monetary in micro-units)
};

const MetricColumn kMetricColumns[] = {
    {RfmMetric::kRecency, "recency"},
    {RfmMetric::kFrequency, "frequency"},
    {RfmMetric::kMonetary, "monetary_micros"},
};

}  // namespace

void Compiler::compile_rfm() {
  const int bins = options_.bins;
  Expr values;
  for (const MetricColumn& column : kMetricColumns) {
    if (!values.empty()) values += "\nUNION ALL\n";
    values += Expr("SELECT ") + string_literal(rfm_metric_key(column.metric)) + " AS metric, " +
              as_double(Expr(column.value)) + " AS v FROM metrics";
  }
  add_query("rfm_values", {"Each customer's recency, frequency and monetary (in micro-units) as the scores compare them."},
            values);
  add_query("rfm_sorted",
            {"Each metric's values in ascending order: i counts from 0, n is the number of customers."},
            Expr("SELECT metric, v,\n  ROW_NUMBER() OVER (PARTITION BY metric ORDER BY v) - 1 AS i,\n"
                 "  COUNT(*) OVER (PARTITION BY metric) AS n\nFROM rfm_values"));

  // Breakpoints: the policy's fixed ones, or the type-7 quantiles at 1/bins … (bins − 1)/bins.
  Expr quantile_metrics;
  std::vector<Expr> fixed_rows;
  std::vector<std::string> fixed_names;
  for (const MetricColumn& column : kMetricColumns) {
    const auto& fixed = options_.fixed_breakpoints(column.metric);
    const std::string key = rfm_metric_key(column.metric);
    if (!fixed) {
      quantile_metrics += Expr(quantile_metrics.empty() ? "" : ", ") + string_literal(key);
      continue;
    }
    fixed_names.push_back(key);
    for (std::size_t k = 0; k < fixed->size(); ++k) {
      const double value = column.metric == RfmMetric::kMonetary
                               ? std::round((*fixed)[k] * static_cast<double>(kMicrosPerUnit))
                               : (*fixed)[k];
      fixed_rows.push_back(Expr("SELECT ") + string_literal(key) + " AS metric, " +
                           integer(static_cast<long long>(k + 1)) + " AS k, " + as_double(number(value)) +
                           " AS breakpoint");
    }
  }
  std::vector<std::string> comment = {
      "Policy rfm.bins = " + std::to_string(bins) + ": the breakpoints of each metric, " +
      std::to_string(bins - 1) + " per metric."};
  std::vector<Expr> parts;
  if (!quantile_metrics.empty()) {
    Expr positions;
    for (int k = 1; k < bins; ++k) {
      positions += Expr(k > 1 ? " UNION ALL SELECT " : "SELECT ") + integer(k) + (k > 1 ? "" : " AS k");
    }
    add_query("rfm_quantile_points",
              {"The type-7 quantile at k/" + std::to_string(bins) + " sits at index (n − 1)·k/" +
                   std::to_string(bins) + ": its whole part and remainder, in integers so that",
               "the index is exact (rfm_scoring.h: quantile_type7)."},
              Expr("SELECT s.metric, p.k,\n  ") +
                  call(Fn::kIntDiv, {Expr("(s.n - 1) * p.k"), integer(bins)}) + " AS lower_index,\n  " +
                  "(s.n - 1) * p.k % " + integer(bins) + " AS remainder\n" +
                  "FROM (SELECT DISTINCT metric, n FROM rfm_sorted WHERE metric IN (" + quantile_metrics +
                  ")) AS s\nCROSS JOIN (" + positions + ") AS p");
    comment.push_back("Quantiles: lower + (remainder / " + std::to_string(bins) +
                      ") · (upper − lower), as R, NumPy and pandas interpolate.");
    parts.push_back(Expr("SELECT q.metric, q.k,\n  CASE WHEN q.remainder = 0 THEN lower_value.v\n"
                         "       ELSE lower_value.v + ") +
                    as_double(Expr("q.remainder")) + " / " + integer(bins) +
                    " * (upper_value.v - lower_value.v) END AS breakpoint\n"
                    "FROM rfm_quantile_points AS q\n"
                    "JOIN rfm_sorted AS lower_value ON lower_value.metric = q.metric AND lower_value.i = q.lower_index\n"
                    "LEFT JOIN rfm_sorted AS upper_value ON upper_value.metric = q.metric AND upper_value.i = q.lower_index + 1");
  }
  if (!fixed_names.empty()) {
    std::string names;
    for (const std::string& name : fixed_names) names += (names.empty() ? "" : ", ") + name;
    comment.push_back("Policy rfm.breakpoints fixes " + names + " (monetary in micro-units).");
    parts.insert(parts.end(), fixed_rows.begin(), fixed_rows.end());
  }
  const Expr breakpoints = join(parts, "\nUNION ALL\n");
  add_query("rfm_breakpoints", comment, breakpoints);

  Expr cuts;
  for (const MetricColumn& column : kMetricColumns) {
    for (int k = 1; k < bins; ++k) {
      const std::string key = rfm_metric_key(column.metric);
      cuts += Expr(cuts.empty() ? "" : ",\n  ") + "MAX(CASE WHEN metric = " + string_literal(key) + " AND k = " +
              integer(k) + " THEN breakpoint END) AS " + key + "_" + std::to_string(k);
    }
  }
  add_query("rfm_cuts", {"The breakpoints as one row: recency_1 … monetary_" + std::to_string(bins - 1) + "."},
            Expr("SELECT\n  ") + cuts + "\nFROM rfm_breakpoints");

  // Scores: a value's position is the number of breakpoints it exceeds (an integer compared
  // with a double is compared as a double, as rfm_scoring.cpp compares them).
  const auto position = [&](const MetricColumn& column) {
    Expr sum;
    for (int k = 1; k < bins; ++k) {
      sum += Expr(k > 1 ? "\n     + " : "") + "CASE WHEN c." + column.value + " > b." + rfm_metric_key(column.metric) +
             "_" + std::to_string(k) + " THEN 1 ELSE 0 END";
    }
    return sum;
  };
  extend_chain("rfm_scores",
               {"Scores: the number of breakpoints the value is strictly greater than, so equal values always",
                "score alike; recency scores bins − that (fewer days is better), frequency and monetary 1 + it."},
               Expr(integer(bins)) + " - (" + position(kMetricColumns[0]) + ") AS r_score,\n  1 + " +
                   position(kMetricColumns[1]) + " AS f_score,\n  1 + " + position(kMetricColumns[2]) + " AS m_score",
               "CROSS JOIN rfm_cuts AS b");
  extend_chain("fm_scores", {"fm_score = (F + M) / 2 rounded half up."},
               call(Fn::kIntDiv, {Expr("c.f_score + c.m_score + 1"), Expr("2")}) + " AS fm_score");

  // The segment of each cell, as segments.cpp defines them: a CASE rather than a join, so that
  // an engine's row estimates stay those of the customers.
  const auto grid = [&](const char* score) {
    if (bins == 5) return Expr("c.") + score;
    Expr out = Expr("CASE c.") + score;
    for (int s = 1; s <= bins; ++s) out += Expr(" WHEN ") + integer(s) + " THEN " + integer(grid_score(s, bins));
    return out + " END";
  };
  add_query("segment_cells",
            {"The cell on the 5 × 5 grid of R score × FM score: " + grid_mapping_description(bins) + "."},
            Expr("SELECT c.*,\n  ") + call(Fn::kAsText, {grid("r_score")}) + " || " + call(Fn::kAsText, {grid("fm_score")}) +
                " AS segment_cell\nFROM " + chain_ + " AS c");
  chain_ = "segment_cells";
  Expr segment = "CASE";
  for (int s = 0; s < kSegmentCount; ++s) {
    const auto value = static_cast<Segment>(s);
    std::vector<Expr> cells;
    for (const std::string& cell : segment_cells(value)) cells.push_back(string_literal(cell));
    segment += Expr("\n    WHEN c.segment_cell IN (") + join(cells, ", ") + ") THEN " + string_literal(segment_name(value));
  }
  extend_chain("segments", {"The 11 segments, each the cells segments.cpp gives it."}, segment + " END AS segment");
}

}  // namespace tierlens::sql
