// customers_xlsx: the classification as an Excel workbook (reports.h). The Customers and
// Skipped rows sheets hold what customers.csv and skipped.csv hold, cell for cell, but typed:
// the tests read the workbook back and compare.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "model_json.h"
#include "skipped_row_cells.h"
#include "tierlens/reports.h"
#include "tierlens/tiers.h"
#include "tierlens/xlsx_writer.h"

namespace tierlens {
namespace {

double share(double part, double whole) { return whole == 0 ? 0 : part / whole; }

/// customers, customer_share, revenue, revenue_share of one group, as the summary gives them.
void append_totals(const SegmentTotals& totals, const Classification& result, XlsxRow& cells) {
  cells.number(static_cast<std::int64_t>(totals.customers))
      .number(share(static_cast<double>(totals.customers), static_cast<double>(result.customer_count())),
              XlsxFormat::kPercent)
      .number(format_micros(totals.revenue), XlsxFormat::kMoney)
      .number(share(static_cast<double>(totals.revenue), static_cast<double>(result.revenue)), XlsxFormat::kPercent);
}

XlsxTable customers_table(const Classification& result) {
  XlsxTable table{"Customers", customer_columns(result), result.customer_count(), nullptr};
  const AttributeColumn* names = customer_names(result);
  table.fill = [&result, names](std::size_t row, XlsxRow& cells) {
    const CustomerTable& customers = result.ingest.customers;
    const std::uint32_t i = result.order_by_id[row];
    cells.text(customers.id[i]);
    if (names) cells.text(names->value(i));
    cells.date(customers.first_purchase[i])
        .date(customers.last_purchase[i])
        .number(static_cast<std::int64_t>(result.recency[i]))
        .number(static_cast<std::int64_t>(customers.frequency[i]))
        .number(format_micros(customers.monetary[i]), XlsxFormat::kMoney)
        .number(static_cast<std::int64_t>(result.r_score[i]))
        .number(static_cast<std::int64_t>(result.f_score[i]))
        .number(static_cast<std::int64_t>(result.m_score[i]))
        .number(static_cast<std::int64_t>(result.fm_score[i]))
        .text(segment_cell(result, i))  // a grid position such as "54", not a quantity
        .text(segment_name(result.segment[i]));
    if (const auto& clv = result.clv) {
      cells.number(clv_figure_text(clv->probability_alive[i], 4), XlsxFormat::kDecimal4)
          .number(clv_figure_text(clv->expected_purchases[i], 4), XlsxFormat::kDecimal4)
          .number(clv_figure_text(clv->expected_spend[i], 2), XlsxFormat::kMoney)
          .number(clv_figure_text(clv->clv[i], 2), XlsxFormat::kMoney)
          .number(clv_figure_text(clv->historical_clv[i], 2), XlsxFormat::kMoney);
    }
    for (const DimensionResult& dimension : result.dimensions) cells.text(result.label(dimension, i));
    if (!result.tier_of.empty()) cells.text(result.options.tiers[result.tier_of[i]].name);
  };
  return table;
}

XlsxTable segments_table(const Classification& result) {
  XlsxTable table{"Segments",
                  {"segment", "cells", "customers", "customer_share", "revenue", "revenue_share"},
                  kSegmentCount,
                  nullptr};
  table.fill = [&result](std::size_t row, XlsxRow& cells) {
    const auto segment = static_cast<Segment>(row);
    std::string grid;
    for (const std::string& cell : segment_cells(segment)) grid += (grid.empty() ? "" : ", ") + cell;
    cells.text(segment_name(segment)).text(grid);
    append_totals(result.segment_totals[row], result, cells);
  };
  return table;
}

XlsxTable tiers_table(const Classification& result) {
  XlsxTable table{"Tiers",
                  {"tier", "rule", "customers", "customer_share", "revenue", "revenue_share", "service_level",
                   "discount", "credit_terms", "review_cycle", "channel", "owner", "notes"},
                  result.options.tiers.size(),
                  nullptr};
  table.fill = [&result](std::size_t row, XlsxRow& cells) {
    const Tier& tier = result.options.tiers[row];
    cells.text(tier.name).text(tier_rule_text(tier));
    append_totals(result.tier_totals[row], result, cells);
    const Strategy& s = tier.strategy;
    for (const std::string* field : {&s.service_level, &s.discount, &s.credit_terms, &s.review_cycle, &s.channel,
                                     &s.owner, &s.notes}) {
      cells.text(*field);
    }
  };
  return table;
}

XlsxTable dimensions_table(const Classification& result) {
  // (dimension, label) in policy order, then label order: one row each.
  auto labels = std::make_shared<std::vector<std::pair<std::size_t, std::size_t>>>();
  for (std::size_t d = 0; d < result.dimensions.size(); ++d) {
    for (std::size_t l = 0; l < result.dimensions[d].labels.size(); ++l) labels->emplace_back(d, l);
  }
  XlsxTable table{"Dimensions",
                  {"dimension", "dimension_name", "label", "customers", "customer_share", "revenue", "revenue_share"},
                  labels->size(),
                  nullptr};
  table.fill = [&result, labels](std::size_t row, XlsxRow& cells) {
    const auto [d, l] = (*labels)[row];
    const DimensionResult& dimension = result.dimensions[d];
    const Dimension& policy = result.dimension_policy(dimension);
    cells.text(policy.id).text(policy.name).text(dimension.labels[l]);
    append_totals(dimension.totals[l], result, cells);
  };
  return table;
}

XlsxTable skipped_table(const Classification& result) {
  XlsxTable table{"Skipped rows", skipped_columns(), result.ingest.skipped.size(), nullptr};
  table.fill = [&result](std::size_t index, XlsxRow& cells) {
    put_skipped_row(result, result.ingest.skipped[index], cells);
  };
  return table;
}

}  // namespace

std::string customers_xlsx(const Classification& result) {
  std::vector<XlsxTable> tables = {customers_table(result), segments_table(result)};
  if (!result.options.tiers.empty()) tables.push_back(tiers_table(result));
  if (!result.dimensions.empty()) tables.push_back(dimensions_table(result));
  tables.push_back(skipped_table(result));
  return write_xlsx(tables);
}

}  // namespace tierlens
