#include "tierlens/explanation.h"

#include "tierlens/dimensions.h"
#include "tierlens/reports.h"
#include "tierlens/text.h"
#include "tierlens/tiers.h"

namespace tierlens {
namespace {

using nlohmann::ordered_json;

/// Up to 2 decimals without trailing zeros: 17.5, 300.04, 12.
std::string short_number(double value) { return format_number(value, 2); }

std::string list(const std::vector<double>& values) {
  std::string text;
  for (const double value : values) {
    if (!text.empty()) text += ", ";
    text += short_number(value);
  }
  return text.empty() ? "none" : text;
}

ordered_json metric_json(const Classification& result, RfmMetric metric, std::size_t index,
                         int score, std::string& sentence) {
  const int m = static_cast<int>(metric);
  const std::vector<double> shown = display_breakpoints(result, metric);
  const double raw_value = metric_value(result, metric, index);
  const double value = metric == RfmMetric::kMonetary ? micros_to_units(static_cast<Micros>(raw_value))
                                                      : raw_value;
  const int position = breakpoint_position(raw_value, result.breakpoints[m]);
  const int bins = result.options.bins;
  const std::string source = result.breakpoints_fixed(metric) ? "fixed breakpoints" : "quantile breakpoints";
  std::string rule;
  if (metric == RfmMetric::kRecency) {
    rule = "above " + std::to_string(position) + " of the " + std::to_string(bins - 1) + " " +
           source + ", so R = " + std::to_string(bins) + " − " + std::to_string(position) +
           " = " + std::to_string(score) + " (fewer days is better)";
  } else {
    rule = "above " + std::to_string(position) + " of the " + std::to_string(bins - 1) + " " +
           source + ", so " + (metric == RfmMetric::kFrequency ? "F" : "M") + " = 1 + " +
           std::to_string(position) + " = " + std::to_string(score);
  }
  const char* unit = metric == RfmMetric::kRecency ? " days"
                     : metric == RfmMetric::kFrequency ? " orders" : "";
  sentence = std::string(rfm_metric_key(metric)) + " " + short_number(value) + unit + " is " +
             rule + " [breakpoints " + list(shown) + "]";
  return {{"value", value},
          {"breakpoints", shown},
          {"fixed", result.breakpoints_fixed(metric)},
          {"position", position},
          {"score", score},
          {"rule", rule}};
}

}  // namespace

ordered_json explain_customer(const Classification& result, std::size_t index) {
  const CustomerTable& customers = result.ingest.customers;
  std::string r_sentence, f_sentence, m_sentence;
  const ordered_json r = metric_json(result, RfmMetric::kRecency, index, result.r_score[index], r_sentence);
  const ordered_json f = metric_json(result, RfmMetric::kFrequency, index, result.f_score[index], f_sentence);
  const ordered_json m = metric_json(result, RfmMetric::kMonetary, index, result.m_score[index], m_sentence);
  const std::string cell = segment_cell(result, index);
  const char* segment = segment_name(result.segment[index]);
  const int bins = result.options.bins;

  std::string text = "Customer " + customers.id[index] + ", as of " +
                     format_iso_date(result.analysis_date) + ": " + r_sentence + "; " +
                     f_sentence + "; " + m_sentence + ". FM = (F + M) / 2 rounded half up = (" +
                     std::to_string(result.f_score[index]) + " + " +
                     std::to_string(result.m_score[index]) + ") / 2 → " +
                     std::to_string(result.fm_score[index]) + ". ";
  if (bins != 5) text += "On the 5×5 grid (" + grid_mapping_description(bins) + "), ";
  text += "cell R" + cell.substr(0, 1) + "·FM" + cell.substr(1, 1) + " belongs to " + segment + ".";

  ordered_json dimensions = ordered_json::array();
  for (const DimensionResult& dimension : result.dimensions) {
    const Dimension& policy = result.dimension_policy(dimension);
    const LabelExplanation why = explain_dimension(result, dimension, index);
    dimensions.push_back({{"id", policy.id},
                          {"name", policy.name},
                          {"type", dimension_type_key(policy.spec)},
                          {"label", result.label(dimension, index)},
                          {"rule", why.rule},
                          {"text", why.text}});
    text += " " + policy.name + ": " + why.text;
  }
  ordered_json tier;
  if (!result.tier_of.empty()) {
    const Tier& chosen = result.options.tiers[result.tier_of[index]];
    const std::string why = explain_tier(result, index);
    tier = {{"name", chosen.name}, {"rule", tier_rule_text(chosen)}, {"text", why},
            {"strategy", strategy_json(chosen.strategy)}};
    text += " Tier: " + why;
  }
  const AttributeColumn* names = customer_names(result);

  return {
      {"customer_id", customers.id[index]},
      {"customer_name", names ? ordered_json(names->value(index)) : ordered_json()},
      {"analysis_date", format_iso_date(result.analysis_date)},
      {"first_order", customers.first_purchase[index] == kNoDay
                          ? ordered_json() : ordered_json(format_iso_date(customers.first_purchase[index]))},
      {"last_order", customers.last_purchase[index] == kNoDay
                         ? ordered_json() : ordered_json(format_iso_date(customers.last_purchase[index]))},
      {"recency", result.recency[index]},
      {"frequency", customers.frequency[index]},
      {"monetary", micros_to_units(customers.monetary[index])},
      {"r", r},
      {"f", f},
      {"m", m},
      {"fm_score", result.fm_score[index]},
      {"segment_cell", cell},
      {"segment", segment},
      {"dimensions", dimensions},
      {"tier", tier},
      {"text", text},
  };
}

}  // namespace tierlens
