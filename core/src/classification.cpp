#include "tierlens/classification.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "tierlens/dimensions.h"
#include "tierlens/policy_validation.h"
#include "tierlens/tiers.h"

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

/// Fields read by bands, mappings and scores: their dimensions warn about a missing column
/// themselves, with the consequence.
bool read_by_a_dimension(const ClassifyOptions& options, const std::string& field) {
  for (const Dimension& dimension : options.dimensions) {
    if (!dimension.enabled) continue;
    if (const auto* bands = std::get_if<BandsSpec>(&dimension.spec); bands && bands->field == field) return true;
    if (const auto* mapping = std::get_if<MappingSpec>(&dimension.spec); mapping && mapping->field == field) return true;
    if (const auto* score = std::get_if<ScoreSpec>(&dimension.spec)) {
      for (const ScoreFactor& factor : score->factors) {
        if (factor.field == field) return true;
      }
    }
  }
  return false;
}

/// A rule comparing a dimension with a text that is none of its labels never holds: almost
/// always a typo ("About To Sleep" for "About to Sleep"), so say so.
void warn_unknown_labels(const Classification& result, const Condition& condition,
                         const std::string& path, std::vector<std::string>& warnings) {
  for (const Condition& child : condition.children) warn_unknown_labels(result, child, path, warnings);
  if (condition.kind != Condition::Kind::kCompare) return;
  if (condition.op != CompareOp::kEqual && condition.op != CompareOp::kNotEqual &&
      condition.op != CompareOp::kIn) {
    return;
  }
  for (const DimensionResult& dimension : result.dimensions) {
    if (result.dimension_policy(dimension).id != condition.field) continue;
    for (const RuleValue& value : condition.values) {
      const auto* text = std::get_if<std::string>(&value);
      if (!text || std::find(dimension.labels.begin(), dimension.labels.end(), *text) != dimension.labels.end()) {
        continue;
      }
      std::string labels;
      for (const std::string& label : dimension.labels) labels += (labels.empty() ? "" : ", ") + label;
      warnings.push_back(path + ": \"" + *text + "\" is not a label of " + condition.field +
                         " (its labels: " + labels + "), so this comparison never holds");
    }
  }
}

void warn_unknown_labels(Classification& result) {
  const auto check = [&](const std::optional<Condition>& when, const std::string& path) {
    if (when) warn_unknown_labels(result, *when, path + ".when", result.warnings);
  };
  const std::vector<Dimension>& dimensions = result.options.dimensions;
  for (std::size_t d = 0; d < dimensions.size(); ++d) {
    if (!dimensions[d].enabled) continue;
    const std::string path = "dimensions[" + std::to_string(d) + "]";
    if (const auto* tree = std::get_if<TreeSpec>(&dimensions[d].spec)) {
      for (std::size_t n = 0; n < tree->nodes.size(); ++n) {
        check(tree->nodes[n].when, path + ".nodes[" + std::to_string(n) + "]");
      }
    } else if (const auto* rules = std::get_if<RulesSpec>(&dimensions[d].spec)) {
      for (std::size_t r = 0; r < rules->rules.size(); ++r) {
        check(rules->rules[r].when, path + ".rules[" + std::to_string(r) + "]");
      }
    }
  }
  for (std::size_t t = 0; t < result.options.tiers.size(); ++t) {
    check(result.options.tiers[t].when, "tiers[" + std::to_string(t) + "]");
  }
}

void warn_about_the_input(Classification& result) {
  const InputDescription& input = result.ingest.input;
  if (input.encoding_source == "assumed") {
    result.warnings.push_back("the file is neither valid UTF-8 nor valid GB18030; it was read as "
                              "UTF-8 and some characters may show wrongly: choose its encoding");
  }
  if (!input.ignored_json_keys.empty()) {
    std::string keys;
    for (const std::string& key : input.ignored_json_keys) keys += (keys.empty() ? "\"" : ", \"") + key + "\"";
    result.warnings.push_back("keys that the first JSON object lacks were not read: " + keys +
                              "; put every key in the first object to read them");
  }
  if (input.replaced_characters > 0) {
    result.warnings.push_back(std::to_string(input.replaced_characters) + " bytes are not valid " +
                              text_encoding_key(input.encoding) +
                              " and show as \uFFFD; is the file in another encoding?");
  }
  if (const auto& table = result.ingest.customer_table) {
    const auto ids = [](const std::vector<std::string>& examples, std::uint64_t count) {
      std::string list;
      for (const std::string& id : examples) list += (list.empty() ? "" : ", ") + id;
      return count > examples.size() ? list + " …" : list;
    };
    if (!result.ingest.orders_read) {
      result.warnings.push_back("customers only, no orders: recency, frequency and monetary are 0 for "
                                "every customer, so only dimensions on their attributes tell them apart");
    } else if (table->without_orders > 0) {
      result.warnings.push_back(std::to_string(table->without_orders) + " customers of " +
                                table->input.file_name + " have no orders (" +
                                ids(table->without_orders_examples, table->without_orders) +
                                "): they are classified with no purchases");
    }
    if (table->not_in_table > 0) {
      result.warnings.push_back(std::to_string(table->not_in_table) + " customers in the orders are not in " +
                                table->input.file_name + " (" +
                                ids(table->not_in_table_examples, table->not_in_table) +
                                "): they have only the attributes the orders give");
    }
  }
}

void label_customers(Classification& result) {
  warn_about_the_input(result);
  for (std::size_t d = 0; d < result.options.dimensions.size(); ++d) {
    if (!result.options.dimensions[d].enabled) continue;
    result.dimensions.push_back(classify_dimension(result, d));
  }
  assign_tiers(result);
  warn_unknown_labels(result);
  for (const AttributeColumn& attribute : result.ingest.customers.attributes) {
    if (!attribute.header.empty() || attribute.field == "customer_name" ||
        read_by_a_dimension(result.options, attribute.field)) {
      continue;
    }
    result.warnings.push_back("the file has no column for \"" + attribute.field +
                              "\": rules on it see no value");
  }
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

  // A customer with no order row at all (listed only in a customers table) has bought
  // nothing in the whole period the orders cover: their recency is that period, one day more
  // than any buyer's can be. With no orders at all, there is no period: 0.
  DayNumber earliest_day = kNoDay;
  for (std::size_t i = 0; i < count; ++i) {
    const DayNumber first = customers.first_purchase[i] != kNoDay ? customers.first_purchase[i]
                                                                  : customers.last_activity[i];
    if (first != kNoDay && (earliest_day == kNoDay || first < earliest_day)) earliest_day = first;
  }
  result.recency.resize(count);
  for (std::size_t i = 0; i < count; ++i) {
    // A customer who only returned goods is as recent as their last return.
    const DayNumber last = customers.last_purchase[i] != kNoDay ? customers.last_purchase[i]
                                                                : customers.last_activity[i];
    if (last != kNoDay) {
      result.recency[i] = result.analysis_date - last;
    } else {
      result.recency[i] = earliest_day == kNoDay ? 0 : result.analysis_date - earliest_day + 1;
    }
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

  if (policy_needs_clv(options)) {
    if (result.ingest.latest_day == kNoDay) {
      result.warnings.push_back("no purchases, so no customer lifetime value: CLV fields have no value");
    } else {
      // The models see the data up to its last day: the analysis date when given (later rows
      // were skipped), else the latest order.
      const DayNumber data_end = options.analysis_date.value_or(result.ingest.latest_day);
      result.clv = compute_clv(result.ingest, options.clv, data_end);
      for (const std::string& warning : result.clv->warnings) result.warnings.push_back("CLV: " + warning);
    }
  }
  label_customers(result);

  result.order_by_id.resize(count);
  std::iota(result.order_by_id.begin(), result.order_by_id.end(), 0u);
  std::sort(result.order_by_id.begin(), result.order_by_id.end(),
            [&](std::uint32_t a, std::uint32_t b) { return customers.id[a] < customers.id[b]; });
  return result;
}

}  // namespace tierlens
