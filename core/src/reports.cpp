#include "tierlens/reports.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "model_json.h"
#include "skipped_row_cells.h"
#include "tierlens/column_preview.h"
#include "tierlens/csv_writer.h"
#include "tierlens/delimiter.h"
#include "tierlens/policy_json.h"
#include "tierlens/tiers.h"

namespace tierlens {
namespace {

using nlohmann::ordered_json;

std::string date_or_empty(DayNumber day) { return day == kNoDay ? "" : format_iso_date(day); }

double share(double part, double whole) { return whole == 0 ? 0 : part / whole; }

ordered_json input_json(const InputDescription& input) {
  ordered_json columns = ordered_json::object();
  for (int r = 0; r < kColumnRoleCount; ++r) {
    const auto role = static_cast<ColumnRole>(r);
    const auto index = input.columns[role];
    columns[column_role_key(role)] = index ? ordered_json(input.header[*index]) : ordered_json();
  }
  return {
      {"file_name", input.file_name},
      {"bytes", input.bytes},
      {"format", input.format},
      {"sheets", input.sheets},
      {"sheet", input.sheet.empty() ? ordered_json() : ordered_json(input.sheet)},
      {"encoding", text_encoding_key(input.encoding)},
      {"encoding_source", input.encoding_source},
      {"replaced_characters", input.replaced_characters},
      {"date_order", date_order_key(input.date_order)},
      {"date_order_source", input.date_order_source},
      {"decimal_mark", decimal_mark_key(input.decimal_mark)},
      {"decimal_mark_example", input.decimal_mark_example},
      {"delimiter", std::string(1, input.delimiter)},
      {"delimiter_name", delimiter_name(input.delimiter)},
      {"quote", std::string(1, input.quote)},
      {"utf8_bom", input.utf8_bom},
      {"header_row", input.header_row},
      {"header", input.header},
      {"columns", columns},
      {"amount_source",
       input.columns.amount_from_quantity_and_price() ? "quantity_x_unit_price" : "amount"},
  };
}

ordered_json rows_json(const RowAccounting& rows) {
  ordered_json by_reason = ordered_json::array();
  for (int r = 0; r < kSkipReasonCount; ++r) {
    if (rows.skipped_by_reason[r] == 0) continue;
    const auto reason = static_cast<SkipReason>(r);
    by_reason.push_back({{"reason", skip_reason_code(reason)},
                         {"description", skip_reason_description(reason)},
                         {"count", rows.skipped_by_reason[r]}});
  }
  return {{"total", rows.total},
          {"used", rows.used},
          {"skipped", rows.skipped()},
          {"skipped_by_reason", by_reason}};
}

ordered_json rfm_json(const Classification& result) {
  ordered_json breakpoints = ordered_json::object();
  ordered_json fixed = ordered_json::array();
  for (const RfmMetric metric : kRfmMetrics) {
    breakpoints[rfm_metric_key(metric)] = display_breakpoints(result, metric);
    if (result.breakpoints_fixed(metric)) fixed.push_back(rfm_metric_key(metric));
  }
  const std::size_t fixed_count = fixed.size();
  return {
      {"bins", result.options.bins},
      {"method", fixed_count == 0 ? "quantiles" : fixed_count == 3 ? "fixed" : "mixed"},
      {"quantile_rule", "type 7 (linear interpolation) at 1/n … (n−1)/n over all customers; "
                        "F and M score 1 + the number of breakpoints the value exceeds, "
                        "R scores n minus that number"},
      {"fixed_metrics", fixed},
      {"breakpoints", breakpoints},
      {"segment_rule", "segment cell = R score and FM = (F + M) / 2 rounded half up"},
      {"grid_mapping", grid_mapping_description(result.options.bins)},
  };
}

ordered_json segments_json(const Classification& result) {
  ordered_json segments = ordered_json::array();
  const double customers = static_cast<double>(result.customer_count());
  for (int s = 0; s < kSegmentCount; ++s) {
    const auto segment = static_cast<Segment>(s);
    const SegmentTotals& totals = result.segment_totals[s];
    segments.push_back({
        {"segment", segment_name(segment)},
        {"cells", segment_cells(segment)},
        {"customers", totals.customers},
        {"customer_share", share(static_cast<double>(totals.customers), customers)},
        {"revenue", micros_to_units(totals.revenue)},
        {"revenue_share",
         share(static_cast<double>(totals.revenue), static_cast<double>(result.revenue))},
    });
  }
  return segments;
}

ordered_json totals_json(const SegmentTotals& totals, const Classification& result) {
  return {{"customers", totals.customers},
          {"customer_share", share(static_cast<double>(totals.customers),
                                   static_cast<double>(result.customer_count()))},
          {"revenue", micros_to_units(totals.revenue)},
          {"revenue_share", share(static_cast<double>(totals.revenue), static_cast<double>(result.revenue))}};
}

ordered_json dimensions_json(const Classification& result) {
  ordered_json dimensions = ordered_json::array();
  for (const DimensionResult& dimension : result.dimensions) {
    const Dimension& policy = result.dimension_policy(dimension);
    ordered_json labels = ordered_json::array();
    for (std::size_t l = 0; l < dimension.labels.size(); ++l) {
      ordered_json label = {{"label", dimension.labels[l]}};
      label.update(totals_json(dimension.totals[l], result));
      labels.push_back(label);
    }
    ordered_json references = ordered_json::object();
    for (const auto& [name, value] : dimension.references) references[name] = value;
    ordered_json item = {{"id", policy.id},
                         {"name", policy.name},
                         {"type", dimension_type_key(policy.spec)},
                         {"description", dimension.description},
                         {"references", references},
                         {"labels", labels},
                         {"warnings", dimension.warnings}};
    if (dimension.clusters) item["clusters"] = cluster_summary_json(*dimension.clusters, dimension.labels);
    dimensions.push_back(item);
  }
  return dimensions;
}

ordered_json tiers_json(const Classification& result) {
  ordered_json tiers = ordered_json::array();
  for (std::size_t t = 0; t < result.options.tiers.size(); ++t) {
    const Tier& tier = result.options.tiers[t];
    ordered_json item = {{"name", tier.name}, {"rule", tier_rule_text(tier)},
                         {"strategy", strategy_json(tier.strategy)}};
    item.update(totals_json(result.tier_totals[t], result));
    tiers.push_back(item);
  }
  return tiers;
}

}  // namespace

const AttributeColumn* customer_names(const Classification& result) {
  const AttributeColumn* names = result.ingest.customers.attribute("customer_name");
  return names && !names->header.empty() ? names : nullptr;
}

nlohmann::ordered_json strategy_json(const Strategy& strategy) {
  return {{"service_level", strategy.service_level}, {"discount", strategy.discount},
          {"credit_terms", strategy.credit_terms},   {"review_cycle", strategy.review_cycle},
          {"channel", strategy.channel},             {"owner", strategy.owner},
          {"notes", strategy.notes}};
}

double breakpoint_for_display(RfmMetric metric, double breakpoint) {
  const double value = metric == RfmMetric::kMonetary
                           ? breakpoint / static_cast<double>(kMicrosPerUnit)
                           : breakpoint;
  return std::round(value * 1e6) / 1e6;
}

std::vector<double> display_breakpoints(const Classification& result, RfmMetric metric) {
  std::vector<double> shown;
  for (const double breakpoint : result.breakpoints[static_cast<int>(metric)]) {
    shown.push_back(breakpoint_for_display(metric, breakpoint));
  }
  return shown;
}

std::string segment_cell(const Classification& result, std::size_t index) {
  const int bins = result.options.bins;
  return std::to_string(grid_score(result.r_score[index], bins)) +
         std::to_string(grid_score(result.fm_score[index], bins));
}

std::vector<std::string> customer_columns(const Classification& result) {
  std::vector<std::string> columns = {"customer_id"};
  if (customer_names(result)) columns.emplace_back("customer_name");
  for (const char* column : {"first_order", "last_order", "recency", "frequency", "monetary",
                             "r_score", "f_score", "m_score", "fm_score", "segment_cell", "segment"}) {
    columns.emplace_back(column);
  }
  if (result.clv) {
    for (const char* column : {"p_alive", "expected_purchases", "expected_spend", "clv", "historical_clv"}) {
      columns.emplace_back(column);
    }
  }
  for (const DimensionResult& dimension : result.dimensions) columns.push_back(result.dimension_policy(dimension).id);
  if (!result.tier_of.empty()) columns.emplace_back("tier");
  return columns;
}

std::string customers_csv(const Classification& result) {
  CsvWriter csv;
  const AttributeColumn* names = customer_names(result);
  for (const std::string& column : customer_columns(result)) csv.text(column);
  csv.end_row();
  const CustomerTable& customers = result.ingest.customers;
  for (const std::uint32_t i : result.order_by_id) {
    csv.text(customers.id[i]);
    if (names) csv.text(names->value(i));
    csv.number(date_or_empty(customers.first_purchase[i]))
        .number(date_or_empty(customers.last_purchase[i]))
        .number(result.recency[i])
        .number(customers.frequency[i])
        .number(format_micros(customers.monetary[i]))
        .number(result.r_score[i])
        .number(result.f_score[i])
        .number(result.m_score[i])
        .number(result.fm_score[i])
        .number(segment_cell(result, i))
        .text(segment_name(result.segment[i]));
    if (const auto& clv = result.clv) {
      csv.number(clv_figure_text(clv->probability_alive[i], 4))
          .number(clv_figure_text(clv->expected_purchases[i], 4))
          .number(clv_figure_text(clv->expected_spend[i], 2))
          .number(clv_figure_text(clv->clv[i], 2))
          .number(clv_figure_text(clv->historical_clv[i], 2));
    }
    for (const DimensionResult& dimension : result.dimensions) csv.text(result.label(dimension, i));
    if (!result.tier_of.empty()) csv.text(result.options.tiers[result.tier_of[i]].name);
    csv.end_row();
  }
  return csv.take();
}

namespace {

ordered_json customer_table_json(const Classification& result) {
  const auto& table = result.ingest.customer_table;
  if (!table) return ordered_json();
  return {
      {"input", input_json(table->input)},
      {"rows", rows_json(table->rows)},
      {"customers", table->customers},
      {"without_orders", table->without_orders},
      {"without_orders_examples", table->without_orders_examples},
      {"not_in_table", table->not_in_table},
      {"not_in_table_examples", table->not_in_table_examples},
  };
}

}  // namespace

const std::string& skipped_file_name(const Classification& result, const SkippedRow& row) {
  const auto& table = result.ingest.customer_table;
  return row.file == TableKind::kCustomers && table ? table->input.file_name : result.ingest.input.file_name;
}

std::string summary_json(const Classification& result) {
  const IngestResult& ingest = result.ingest;
  const ordered_json summary = {
      {"tierlens_version", kTierLensVersion},
      {"tables", !ingest.orders_read ? "customers" : ingest.customer_table ? "orders_and_customers" : "orders"},
      {"input", ingest.orders_read ? input_json(ingest.input) : ordered_json()},
      // No dated row and no date given: there is no analysis date to report.
      {"analysis_date", result.has_analysis_date()
                            ? ordered_json(format_iso_date(result.analysis_date))
                            : ordered_json()},
      {"analysis_date_source",
       result.analysis_date_given() ? "given" : "day after the latest order"},
      {"rows", rows_json(result.ingest.rows)},
      {"customer_table", customer_table_json(result)},
      {"customers", result.customer_count()},
      {"revenue", micros_to_units(result.revenue)},
      {"rfm", rfm_json(result)},
      {"segments", segments_json(result)},
      {"clv", clv_json(result)},
      {"policy", policy_to_json(result.options)},
      {"dimensions", dimensions_json(result)},
      {"tiers", tiers_json(result)},
      {"warnings", result.warnings},
  };
  // Header names may not be valid UTF-8 (a GBK export read as UTF-8): replace, never throw.
  return summary.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

const std::vector<std::string>& skipped_columns() {
  static const std::vector<std::string> columns = {"file", "row", "line", "column", "reason", "detail", "raw"};
  return columns;
}

std::string skipped_csv(const Classification& result) {
  CsvWriter csv;
  for (const std::string& column : skipped_columns()) csv.text(column);
  csv.end_row();
  for (const SkippedRow& row : result.ingest.skipped) {
    put_skipped_row(result, row, csv);
    csv.end_row();
  }
  return csv.take();
}

std::string column_preview_json(const ColumnPreview& preview) {
  const auto choices_json = [](const std::vector<ColumnChoice>& choices) {
    ordered_json list = ordered_json::array();
    for (const ColumnChoice& choice : choices) {
      list.push_back({{"field", choice.field},
                      {"column", choice.column ? ordered_json(*choice.column) : ordered_json()},
                      {"source", choice_source_key(choice.source)},
                      {"required", choice.required}});
    }
    return list;
  };
  const ordered_json preview_json = {
      {"table", table_kind_key(preview.table)},
      {"input", input_json(preview.input)},
      {"header", preview.input.header},
      {"rows", preview.rows},
      {"roles", choices_json(preview.roles)},
      {"attributes", choices_json(preview.attributes)},
      {"problem", preview.problem.empty() ? ordered_json() : ordered_json(preview.problem)},
  };
  return preview_json.dump(2, ' ', false, ordered_json::error_handler_t::replace);
}

}  // namespace tierlens
