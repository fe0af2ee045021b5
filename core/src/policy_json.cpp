#include "tierlens/policy_json.h"

#include <cmath>
#include <initializer_list>

namespace tierlens {
namespace {

using json = nlohmann::ordered_json;  // keeps the user's order of keys (tables, attributes)
using nlohmann::ordered_json;

/// Thrown inside the reader only; parse_policy_json turns it into a Status. Exceptions keep
/// the many small "read this or fail" steps below readable.
struct PolicyError {
  std::string message;
};

[[noreturn]] void fail(const std::string& path, const std::string& expected) {
  throw PolicyError{path + ": " + expected};
}

std::string join(std::initializer_list<const char*> words) {
  std::string text;
  for (const char* word : words) {
    if (!text.empty()) text += ", ";
    text += word;
  }
  return text;
}

std::string at(const std::string& path, const std::string& key) {
  return path.empty() ? key : path + "." + key;
}

std::string at(const std::string& path, std::size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

/// An object whose keys are all in `allowed`.
const json& object(const json& node, const std::string& path,
                   std::initializer_list<const char*> allowed) {
  if (!node.is_object()) fail(path, "expected an object");
  for (const auto& item : node.items()) {
    bool known = false;
    for (const char* key : allowed) known = known || item.key() == key;
    if (!known) fail(at(path, item.key()), "unknown key; expected one of " + join(allowed));
  }
  return node;
}

const json* member(const json& node, const char* key) {
  const auto found = node.find(key);
  return found == node.end() || found->is_null() ? nullptr : &*found;
}

std::string text(const json& node, const std::string& path) {
  if (!node.is_string()) fail(path, "expected a text");
  return node.get<std::string>();
}

double number(const json& node, const std::string& path) {
  if (!node.is_number()) fail(path, "expected a number");
  const double value = node.get<double>();
  if (!std::isfinite(value)) fail(path, "expected a finite number");
  return value;
}

int whole_number(const json& node, const std::string& path) {
  if (!node.is_number_integer()) fail(path, "expected a whole number");
  const auto value = node.get<std::int64_t>();
  if (value < -1'000'000'000 || value > 1'000'000'000) fail(path, "the number is out of range");
  return static_cast<int>(value);
}

void read_text(const json& node, const char* key, const std::string& path, std::string& out) {
  if (const json* value = member(node, key)) out = text(*value, at(path, key));
}

template <typename Enum>
Enum choice(const json& node, const std::string& path,
            std::initializer_list<std::pair<const char*, Enum>> options) {
  std::string names;
  for (const auto& [name, value] : options) {
    if (node.is_string() && node.get<std::string>() == name) return value;
    if (!names.empty()) names += ", ";
    names += name;
  }
  fail(path, "expected one of " + names);
}

std::vector<double> numbers(const json& node, const std::string& path) {
  if (!node.is_array()) fail(path, "expected a list of numbers");
  std::vector<double> values;
  for (std::size_t i = 0; i < node.size(); ++i) values.push_back(number(node[i], at(path, i)));
  return values;
}

// ---------------------------------------------------------------------------------------------
// Conditions

CompareOp read_op(const json& node, const std::string& path) {
  static const std::pair<const char*, CompareOp> kOps[] = {
      {"=", CompareOp::kEqual},         {"==", CompareOp::kEqual},
      {"!=", CompareOp::kNotEqual},     {"≠", CompareOp::kNotEqual},
      {"<", CompareOp::kLess},          {"<=", CompareOp::kLessEqual},
      {"≤", CompareOp::kLessEqual},     {">", CompareOp::kGreater},
      {">=", CompareOp::kGreaterEqual}, {"≥", CompareOp::kGreaterEqual},
      {"in", CompareOp::kIn},           {"contains", CompareOp::kContains},
      {"between", CompareOp::kBetween},
  };
  if (node.is_string()) {
    for (const auto& [name, op] : kOps) {
      if (node.get<std::string>() == name) return op;
    }
  }
  fail(path, "expected one of =, !=, <, <=, >, >=, in, contains, between");
}

RuleValue rule_value(const json& node, const std::string& path) {
  if (node.is_number()) return number(node, path);
  if (node.is_string()) return node.get<std::string>();
  fail(path, "expected a number or a text");
}

Condition read_condition(const json& node, const std::string& path);

std::vector<Condition> read_operands(const json& node, const std::string& path) {
  if (!node.is_array() || node.empty()) fail(path, "expected a non-empty list of conditions");
  std::vector<Condition> children;
  for (std::size_t i = 0; i < node.size(); ++i) {
    children.push_back(read_condition(node[i], at(path, i)));
  }
  return children;
}

Condition read_condition(const json& node, const std::string& path) {
  if (!node.is_object()) fail(path, "expected a condition object");
  Condition condition;
  if (node.contains("all") || node.contains("any") || node.contains("not")) {
    if (node.size() != 1) fail(path, "expected exactly one of all, any, not");
    if (const auto all = node.find("all"); all != node.end()) {
      condition.kind = Condition::Kind::kAll;
      condition.children = read_operands(*all, at(path, "all"));
    } else if (const auto any = node.find("any"); any != node.end()) {
      condition.kind = Condition::Kind::kAny;
      condition.children = read_operands(*any, at(path, "any"));
    } else {
      condition.kind = Condition::Kind::kNot;
      condition.children.push_back(read_condition(node["not"], at(path, "not")));
    }
    return condition;
  }
  object(node, path, {"field", "op", "value"});
  if (!node.contains("field")) fail(at(path, "field"), "missing; expected the field to test");
  if (!node.contains("op")) fail(at(path, "op"), "missing; expected =, !=, <, <=, >, >=, in, contains or between");
  if (!node.contains("value")) fail(at(path, "value"), "missing; expected the value to compare with");
  condition.field = text(node["field"], at(path, "field"));
  condition.op = read_op(node["op"], at(path, "op"));
  const json& value = node["value"];
  const std::string value_path = at(path, "value");
  switch (condition.op) {
    case CompareOp::kIn:
      if (!value.is_array() || value.empty()) fail(value_path, "expected a non-empty list of values");
      for (std::size_t i = 0; i < value.size(); ++i) {
        condition.values.push_back(rule_value(value[i], at(value_path, i)));
      }
      break;
    case CompareOp::kBetween:
      if (!value.is_array() || value.size() != 2) fail(value_path, "expected [low, high]");
      condition.values = {number(value[0], at(value_path, 0)), number(value[1], at(value_path, 1))};
      break;
    case CompareOp::kLess:
    case CompareOp::kLessEqual:
    case CompareOp::kGreater:
    case CompareOp::kGreaterEqual:
      condition.values = {number(value, value_path)};
      break;
    case CompareOp::kContains:
      condition.values = {text(value, value_path)};
      break;
    case CompareOp::kEqual:
    case CompareOp::kNotEqual:
      condition.values = {rule_value(value, value_path)};
      break;
  }
  return condition;
}

std::optional<Condition> read_when(const json& node, const std::string& path) {
  if (const json* when = member(node, "when")) return read_condition(*when, at(path, "when"));
  return std::nullopt;
}

std::vector<Band> read_bands(const json& node, const std::string& path) {
  if (!node.is_array() || node.empty()) fail(path, "expected a non-empty list of {label, min}");
  std::vector<Band> bands;
  for (std::size_t i = 0; i < node.size(); ++i) {
    const std::string band_path = at(path, i);
    object(node[i], band_path, {"label", "min"});
    Band band;
    if (!node[i].contains("label")) fail(at(band_path, "label"), "missing; expected a text");
    band.label = text(node[i]["label"], at(band_path, "label"));
    if (const json* min = member(node[i], "min")) band.min = number(*min, at(band_path, "min"));
    bands.push_back(std::move(band));
  }
  return bands;
}

std::string required_text(const json& node, const char* key, const std::string& path) {
  const json* value = member(node, key);
  if (!value) fail(at(path, key), "missing; expected a text");
  return text(*value, at(path, key));
}

// ---------------------------------------------------------------------------------------------
// Dimensions

RfmClassesSpec read_rfm_classes(const json& node, const std::string& path) {
  object(node, path, {"id", "name", "type", "enabled", "compare", "thresholds"});
  RfmClassesSpec spec;
  if (const json* compare = member(node, "compare")) {
    spec.compare = choice<RfmClassCompare>(*compare, at(path, "compare"),
                                           {{"score_mean", RfmClassCompare::kScoreMean},
                                            {"value_mean", RfmClassCompare::kValueMean},
                                            {"value_median", RfmClassCompare::kValueMedian},
                                            {"fixed", RfmClassCompare::kFixed}});
  }
  if (const json* thresholds = member(node, "thresholds")) {
    const std::string thresholds_path = at(path, "thresholds");
    object(*thresholds, thresholds_path, {"recency", "frequency", "monetary"});
    const auto read = [&](const char* key, std::optional<double>& out) {
      if (const json* value = member(*thresholds, key)) out = number(*value, at(thresholds_path, key));
    };
    read("recency", spec.recency_threshold);
    read("frequency", spec.frequency_threshold);
    read("monetary", spec.monetary_threshold);
  }
  return spec;
}

AbcSpec read_abc(const json& node, const std::string& path) {
  object(node, path, {"id", "name", "type", "enabled", "by", "cuts", "labels"});
  AbcSpec spec;
  if (const json* by = member(node, "by")) {
    spec.by = choice<AbcBasis>(*by, at(path, "by"),
                               {{"customers", AbcBasis::kCustomers}, {"revenue", AbcBasis::kRevenue}});
  }
  if (const json* cuts = member(node, "cuts")) spec.cuts = numbers(*cuts, at(path, "cuts"));
  if (const json* labels = member(node, "labels")) {
    if (!labels->is_array()) fail(at(path, "labels"), "expected a list of texts");
    spec.labels.clear();
    for (std::size_t i = 0; i < labels->size(); ++i) {
      spec.labels.push_back(text((*labels)[i], at(at(path, "labels"), i)));
    }
  }
  return spec;
}

std::vector<std::string> texts(const json& node, const std::string& path) {
  if (!node.is_array()) fail(path, "expected a list of texts");
  std::vector<std::string> values;
  for (std::size_t i = 0; i < node.size(); ++i) values.push_back(text(node[i], at(path, i)));
  return values;
}

ClvSpec read_clv_spec(const json& node, const std::string& path) {
  object(node, path, {"id", "name", "type", "enabled", "cuts", "labels", "missing"});
  ClvSpec spec;
  if (const json* cuts = member(node, "cuts")) spec.cuts = numbers(*cuts, at(path, "cuts"));
  if (const json* labels = member(node, "labels")) spec.labels = texts(*labels, at(path, "labels"));
  read_text(node, "missing", path, spec.missing_label);
  return spec;
}

ClusterSpec read_clusters(const json& node, const std::string& path) {
  object(node, path, {"id", "name", "type", "enabled", "features", "log", "k", "k_min", "k_max",
                      "seed", "restarts", "words", "missing"});
  ClusterSpec spec;
  if (const json* features = member(node, "features")) spec.features = texts(*features, at(path, "features"));
  if (const json* log = member(node, "log")) {
    if (!log->is_boolean()) fail(at(path, "log"), "expected true or false");
    spec.log_transform = log->get<bool>();
  }
  if (const json* k = member(node, "k")) spec.k = whole_number(*k, at(path, "k"));
  if (const json* k_min = member(node, "k_min")) spec.k_min = whole_number(*k_min, at(path, "k_min"));
  if (const json* k_max = member(node, "k_max")) spec.k_max = whole_number(*k_max, at(path, "k_max"));
  if (const json* seed = member(node, "seed")) {
    const int value = whole_number(*seed, at(path, "seed"));
    if (value < 0) fail(at(path, "seed"), "expected a whole number from 0");
    spec.seed = static_cast<std::uint64_t>(value);
  }
  if (const json* restarts = member(node, "restarts")) spec.restarts = whole_number(*restarts, at(path, "restarts"));
  if (const json* words = member(node, "words")) {
    spec.words = choice<DescriptionLanguage>(*words, at(path, "words"),
                                             {{"en", DescriptionLanguage::kEnglish}, {"zh", DescriptionLanguage::kChinese}});
  }
  read_text(node, "missing", path, spec.missing_label);
  return spec;
}

BandsSpec read_bands_spec(const json& node, const std::string& path) {
  object(node, path, {"id", "name", "type", "enabled", "field", "bands", "missing"});
  BandsSpec spec;
  spec.field = required_text(node, "field", path);
  if (!node.contains("bands")) fail(at(path, "bands"), "missing; expected a list of {label, min}");
  spec.bands = read_bands(node["bands"], at(path, "bands"));
  read_text(node, "missing", path, spec.missing_label);
  return spec;
}

MappingSpec read_mapping(const json& node, const std::string& path) {
  object(node, path, {"id", "name", "type", "enabled", "field", "builtin", "table", "default",
                      "missing"});
  MappingSpec spec;
  spec.field = required_text(node, "field", path);
  if (const json* builtin = member(node, "builtin")) {
    spec.builtin = choice<BuiltinTable>(*builtin, at(path, "builtin"),
                                        {{"none", BuiltinTable::kNone},
                                         {"china_regions", BuiltinTable::kChinaRegions},
                                         {"domestic_international", BuiltinTable::kDomesticInternational}});
  }
  if (const json* table = member(node, "table")) {
    if (!table->is_object()) fail(at(path, "table"), "expected an object of value → class");
    for (const auto& item : table->items()) {
      spec.table.emplace_back(item.key(), text(item.value(), at(at(path, "table"), item.key())));
    }
  }
  read_text(node, "default", path, spec.default_label);
  read_text(node, "missing", path, spec.missing_label);
  return spec;
}

LifecycleSpec read_lifecycle(const json& node, const std::string& path) {
  object(node, path, {"id", "name", "type", "enabled", "new_days", "at_risk_days", "lost_days",
                      "loyal_orders", "labels"});
  LifecycleSpec spec;
  const auto read = [&](const char* key, int& out) {
    if (const json* value = member(node, key)) out = whole_number(*value, at(path, key));
  };
  read("new_days", spec.new_days);
  read("at_risk_days", spec.at_risk_days);
  read("lost_days", spec.lost_days);
  read("loyal_orders", spec.loyal_orders);
  if (const json* labels = member(node, "labels")) {
    const std::string labels_path = at(path, "labels");
    object(*labels, labels_path, {"potential", "new", "active", "loyal", "at_risk", "lost"});
    for (int s = 0; s < kLifecycleStageCount; ++s) {
      read_text(*labels, lifecycle_stage_key(static_cast<LifecycleStage>(s)), labels_path,
                spec.labels[s]);
    }
  }
  return spec;
}

ScoreSpec read_score(const json& node, const std::string& path) {
  object(node, path, {"id", "name", "type", "enabled", "factors", "grades"});
  ScoreSpec spec;
  const json* factors = member(node, "factors");
  if (!factors || !factors->is_array() || factors->empty()) {
    fail(at(path, "factors"), "expected a non-empty list of {field, weight, normalize, direction}");
  }
  for (std::size_t i = 0; i < factors->size(); ++i) {
    const std::string factor_path = at(at(path, "factors"), i);
    const json& item = (*factors)[i];
    object(item, factor_path, {"field", "weight", "normalize", "direction"});
    ScoreFactor factor;
    factor.field = required_text(item, "field", factor_path);
    if (const json* weight = member(item, "weight")) factor.weight = number(*weight, at(factor_path, "weight"));
    if (const json* normalize = member(item, "normalize")) {
      factor.normalize = choice<Normalization>(*normalize, at(factor_path, "normalize"),
                                               {{"min_max", Normalization::kMinMax},
                                                {"percentile", Normalization::kPercentile},
                                                {"z_score", Normalization::kZScore}});
    }
    if (const json* direction = member(item, "direction")) {
      factor.higher_is_better = choice<bool>(*direction, at(factor_path, "direction"),
                                             {{"higher", true}, {"lower", false}});
    }
    spec.factors.push_back(std::move(factor));
  }
  if (!node.contains("grades")) fail(at(path, "grades"), "missing; expected a list of {label, min}");
  spec.grades = read_bands(node["grades"], at(path, "grades"));
  return spec;
}

TreeSpec read_tree(const json& node, const std::string& path) {
  object(node, path, {"id", "name", "type", "enabled", "scheme", "nodes", "default"});
  TreeSpec spec;
  if (const json* scheme = member(node, "scheme")) {
    if (!scheme->is_array()) fail(at(path, "scheme"), "expected a list of code lengths, e.g. [2, 2, 2]");
    spec.scheme.clear();
    for (std::size_t i = 0; i < scheme->size(); ++i) {
      spec.scheme.push_back(whole_number((*scheme)[i], at(at(path, "scheme"), i)));
    }
  }
  const json* nodes = member(node, "nodes");
  if (!nodes || !nodes->is_array() || nodes->empty()) {
    fail(at(path, "nodes"), "expected a non-empty list of {code, name, when}");
  }
  for (std::size_t i = 0; i < nodes->size(); ++i) {
    const std::string node_path = at(at(path, "nodes"), i);
    object((*nodes)[i], node_path, {"code", "name", "when"});
    TreeNode tree_node;
    tree_node.code = required_text((*nodes)[i], "code", node_path);
    tree_node.name = required_text((*nodes)[i], "name", node_path);
    tree_node.when = read_when((*nodes)[i], node_path);
    spec.nodes.push_back(std::move(tree_node));
  }
  read_text(node, "default", path, spec.default_label);
  return spec;
}

RulesSpec read_rules(const json& node, const std::string& path) {
  object(node, path, {"id", "name", "type", "enabled", "rules"});
  RulesSpec spec;
  const json* rules = member(node, "rules");
  if (!rules || !rules->is_array() || rules->empty()) {
    fail(at(path, "rules"), "expected a non-empty list of {label, when}");
  }
  for (std::size_t i = 0; i < rules->size(); ++i) {
    const std::string rule_path = at(at(path, "rules"), i);
    object((*rules)[i], rule_path, {"label", "when"});
    spec.rules.push_back({required_text((*rules)[i], "label", rule_path), read_when((*rules)[i], rule_path)});
  }
  return spec;
}

Dimension read_dimension(const json& node, const std::string& path) {
  if (!node.is_object()) fail(path, "expected a dimension object");
  Dimension dimension;
  dimension.id = required_text(node, "id", path);
  read_text(node, "name", path, dimension.name);
  if (dimension.name.empty()) dimension.name = dimension.id;
  if (const json* enabled = member(node, "enabled")) {
    if (!enabled->is_boolean()) fail(at(path, "enabled"), "expected true or false");
    dimension.enabled = enabled->get<bool>();
  }
  const std::string type = required_text(node, "type", path);
  if (type == "rfm_segments") {
    object(node, path, {"id", "name", "type", "enabled"});
    dimension.spec = RfmSegmentsSpec{};
  } else if (type == "rfm_classes") {
    dimension.spec = read_rfm_classes(node, path);
  } else if (type == "abc") {
    dimension.spec = read_abc(node, path);
  } else if (type == "bands") {
    dimension.spec = read_bands_spec(node, path);
  } else if (type == "mapping") {
    dimension.spec = read_mapping(node, path);
  } else if (type == "lifecycle") {
    dimension.spec = read_lifecycle(node, path);
  } else if (type == "score") {
    dimension.spec = read_score(node, path);
  } else if (type == "tree") {
    dimension.spec = read_tree(node, path);
  } else if (type == "rules") {
    dimension.spec = read_rules(node, path);
  } else if (type == "clv") {
    dimension.spec = read_clv_spec(node, path);
  } else if (type == "clusters") {
    dimension.spec = read_clusters(node, path);
  } else {
    fail(at(path, "type"), "unknown type \"" + type + "\"; expected rfm_segments, rfm_classes, "
                           "abc, bands, mapping, lifecycle, score, tree, rules, clv or clusters");
  }
  return dimension;
}

Tier read_tier(const json& node, const std::string& path) {
  object(node, path, {"name", "when", "strategy"});
  Tier tier;
  tier.name = required_text(node, "name", path);
  tier.when = read_when(node, path);
  if (const json* strategy = member(node, "strategy")) {
    const std::string strategy_path = at(path, "strategy");
    object(*strategy, strategy_path, {"service_level", "discount", "credit_terms", "review_cycle",
                                      "channel", "owner", "notes"});
    read_text(*strategy, "service_level", strategy_path, tier.strategy.service_level);
    read_text(*strategy, "discount", strategy_path, tier.strategy.discount);
    read_text(*strategy, "credit_terms", strategy_path, tier.strategy.credit_terms);
    read_text(*strategy, "review_cycle", strategy_path, tier.strategy.review_cycle);
    read_text(*strategy, "channel", strategy_path, tier.strategy.channel);
    read_text(*strategy, "owner", strategy_path, tier.strategy.owner);
    read_text(*strategy, "notes", strategy_path, tier.strategy.notes);
  }
  return tier;
}

void read_rfm(const json& node, ClassifyOptions& options) {
  object(node, "rfm", {"bins", "breakpoints"});
  if (const json* bins = member(node, "bins")) {
    if (!bins->is_number_integer()) fail("rfm.bins", "expected a whole number");
    const auto value = bins->get<std::int64_t>();
    if (value < kMinBins || value > kMaxBins) {
      fail("rfm.bins", "expected a whole number from " + std::to_string(kMinBins) + " to " +
                           std::to_string(kMaxBins) + ", got " + std::to_string(value));
    }
    options.bins = static_cast<int>(value);
  }
  if (const json* breakpoints = member(node, "breakpoints")) {
    object(*breakpoints, "rfm.breakpoints", {"recency", "frequency", "monetary"});
    for (const RfmMetric metric : kRfmMetrics) {
      const char* key = rfm_metric_key(metric);
      if (const json* list = member(*breakpoints, key)) {
        options.fixed_breakpoints(metric) = numbers(*list, at("rfm.breakpoints", key));
      }
    }
  }
}

void read_clv_settings(const json& node, ClvSettings& settings) {
  object(node, "clv", {"period", "horizon_months", "discount_rate", "margin", "penalizer", "holdout_days"});
  if (const json* period = member(node, "period")) {
    settings.period = choice<PurchasePeriod>(*period, "clv.period",
                                             {{"day", PurchasePeriod::kDay},
                                              {"week", PurchasePeriod::kWeek},
                                              {"month", PurchasePeriod::kMonth}});
  }
  if (const json* months = member(node, "horizon_months")) settings.horizon_months = whole_number(*months, "clv.horizon_months");
  if (const json* rate = member(node, "discount_rate")) settings.monthly_discount_rate = number(*rate, "clv.discount_rate");
  if (const json* margin = member(node, "margin")) settings.margin = number(*margin, "clv.margin");
  if (const json* penalizer = member(node, "penalizer")) settings.penalizer = number(*penalizer, "clv.penalizer");
  if (const json* days = member(node, "holdout_days")) settings.holdout_days = whole_number(*days, "clv.holdout_days");
}

void read_policy(const json& root, ClassifyOptions& options) {
  if (!root.is_object()) fail("policy", "expected a JSON object");
  const json* version = member(root, "tierlens_policy");
  if (!version) {
    fail("tierlens_policy", "missing; expected the policy format version, "
                            "\"tierlens_policy\": " + std::to_string(kPolicyVersion));
  }
  if (!version->is_number_integer() || version->get<std::int64_t>() != kPolicyVersion) {
    fail("tierlens_policy", "this TierLens reads policy format version " +
                                std::to_string(kPolicyVersion) + ", got " + version->dump() +
                                (version->is_number_integer() && version->get<std::int64_t>() > kPolicyVersion
                                     ? " (written by a newer TierLens)" : ""));
  }
  object(root, "", {"tierlens_policy", "name", "analysis_date", "columns", "customer_table",
                    "attributes", "returns", "rfm", "clv", "dimensions", "tiers"});
  read_text(root, "name", "", options.name);
  if (const json* date = member(root, "analysis_date")) {
    const auto day = date->is_string() ? parse_iso_date(date->get<std::string>()) : std::nullopt;
    if (!day) fail("analysis_date", "expected a date as YYYY-MM-DD, or null");
    options.analysis_date = day;
  }
  if (const json* columns = member(root, "columns")) {
    object(*columns, "columns", {"customer_id", "order_id", "date", "amount", "quantity", "unit_price"});
    for (int role = 0; role < kColumnRoleCount; ++role) {
      const char* key = column_role_key(static_cast<ColumnRole>(role));
      if (const json* name = member(*columns, key)) options.columns.names[role] = text(*name, at("columns", key));
    }
  }
  if (const json* table = member(root, "customer_table")) {
    object(*table, "customer_table", {"customer_id"});
    if (const json* name = member(*table, "customer_id"); name && !name->is_null()) {
      options.customer_table_id_column = text(*name, at("customer_table", "customer_id"));
    }
  }
  if (const json* attributes = member(root, "attributes")) {
    if (!attributes->is_object()) fail("attributes", "expected an object of field → header name");
    for (const auto& item : attributes->items()) {
      options.attribute_columns.emplace_back(item.key(), text(item.value(), at("attributes", item.key())));
    }
  }
  if (const json* returns = member(root, "returns")) {
    object(*returns, "returns", {"cancelled_order_prefix"});
    read_text(*returns, "cancelled_order_prefix", "returns", options.cancelled_order_prefix);
  }
  if (const json* rfm = member(root, "rfm")) read_rfm(*rfm, options);
  if (const json* clv = member(root, "clv")) read_clv_settings(*clv, options.clv);
  if (const json* dimensions = member(root, "dimensions")) {
    if (!dimensions->is_array()) fail("dimensions", "expected a list of dimensions");
    for (std::size_t i = 0; i < dimensions->size(); ++i) {
      options.dimensions.push_back(read_dimension((*dimensions)[i], at("dimensions", i)));
    }
  }
  if (const json* tiers = member(root, "tiers")) {
    if (!tiers->is_array()) fail("tiers", "expected a list of tiers");
    for (std::size_t i = 0; i < tiers->size(); ++i) {
      options.tiers.push_back(read_tier((*tiers)[i], at("tiers", i)));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

ordered_json value_json(const RuleValue& value) {
  if (const double* number_value = std::get_if<double>(&value)) return *number_value;
  return std::get<std::string>(value);
}

ordered_json condition_json(const Condition& condition) {
  switch (condition.kind) {
    case Condition::Kind::kAll:
    case Condition::Kind::kAny: {
      ordered_json operands = ordered_json::array();
      for (const Condition& child : condition.children) operands.push_back(condition_json(child));
      return {{condition.kind == Condition::Kind::kAll ? "all" : "any", operands}};
    }
    case Condition::Kind::kNot:
      return {{"not", condition_json(condition.children.front())}};
    case Condition::Kind::kCompare:
      break;
  }
  ordered_json value;
  if (condition.op == CompareOp::kIn || condition.op == CompareOp::kBetween) {
    value = ordered_json::array();
    for (const RuleValue& item : condition.values) value.push_back(value_json(item));
  } else {
    value = value_json(condition.values.front());
  }
  return {{"field", condition.field}, {"op", compare_op_key(condition.op)}, {"value", value}};
}

ordered_json bands_json(const std::vector<Band>& bands) {
  ordered_json list = ordered_json::array();
  for (const Band& band : bands) {
    ordered_json item = {{"label", band.label}};
    if (band.min) item["min"] = *band.min;
    list.push_back(item);
  }
  return list;
}

template <typename WithWhen>
void add_when(ordered_json& item, const WithWhen& with_when) {
  if (with_when.when) item["when"] = condition_json(*with_when.when);
}

const char* compare_key(RfmClassCompare compare) {
  switch (compare) {
    case RfmClassCompare::kScoreMean: return "score_mean";
    case RfmClassCompare::kValueMean: return "value_mean";
    case RfmClassCompare::kValueMedian: return "value_median";
    case RfmClassCompare::kFixed: return "fixed";
  }
  return "";
}

const char* normalization_key(Normalization normalization) {
  switch (normalization) {
    case Normalization::kMinMax: return "min_max";
    case Normalization::kPercentile: return "percentile";
    case Normalization::kZScore: return "z_score";
  }
  return "";
}

const char* builtin_key(BuiltinTable table) {
  switch (table) {
    case BuiltinTable::kNone: return "none";
    case BuiltinTable::kChinaRegions: return "china_regions";
    case BuiltinTable::kDomesticInternational: return "domestic_international";
  }
  return "";
}

struct SpecWriter {
  ordered_json& out;

  void operator()(const RfmSegmentsSpec&) const {}
  void operator()(const RfmClassesSpec& spec) const {
    out["compare"] = compare_key(spec.compare);
    if (spec.compare != RfmClassCompare::kFixed) return;
    ordered_json thresholds = ordered_json::object();
    if (spec.recency_threshold) thresholds["recency"] = *spec.recency_threshold;
    if (spec.frequency_threshold) thresholds["frequency"] = *spec.frequency_threshold;
    if (spec.monetary_threshold) thresholds["monetary"] = *spec.monetary_threshold;
    out["thresholds"] = thresholds;
  }
  void operator()(const AbcSpec& spec) const {
    out["by"] = spec.by == AbcBasis::kCustomers ? "customers" : "revenue";
    out["cuts"] = spec.cuts;
    out["labels"] = spec.labels;
  }
  void operator()(const BandsSpec& spec) const {
    out["field"] = spec.field;
    out["bands"] = bands_json(spec.bands);
    out["missing"] = spec.missing_label;
  }
  void operator()(const MappingSpec& spec) const {
    out["field"] = spec.field;
    out["builtin"] = builtin_key(spec.builtin);
    ordered_json table = ordered_json::object();
    for (const auto& [value, label] : spec.table) table[value] = label;
    out["table"] = table;
    out["default"] = spec.default_label;
    out["missing"] = spec.missing_label;
  }
  void operator()(const LifecycleSpec& spec) const {
    out["new_days"] = spec.new_days;
    out["at_risk_days"] = spec.at_risk_days;
    out["lost_days"] = spec.lost_days;
    out["loyal_orders"] = spec.loyal_orders;
    ordered_json labels = ordered_json::object();
    for (int s = 0; s < kLifecycleStageCount; ++s) {
      labels[lifecycle_stage_key(static_cast<LifecycleStage>(s))] = spec.labels[s];
    }
    out["labels"] = labels;
  }
  void operator()(const ScoreSpec& spec) const {
    ordered_json factors = ordered_json::array();
    for (const ScoreFactor& factor : spec.factors) {
      factors.push_back({{"field", factor.field},
                         {"weight", factor.weight},
                         {"normalize", normalization_key(factor.normalize)},
                         {"direction", factor.higher_is_better ? "higher" : "lower"}});
    }
    out["factors"] = factors;
    out["grades"] = bands_json(spec.grades);
  }
  void operator()(const TreeSpec& spec) const {
    out["scheme"] = spec.scheme;
    ordered_json nodes = ordered_json::array();
    for (const TreeNode& node : spec.nodes) {
      ordered_json item = {{"code", node.code}, {"name", node.name}};
      add_when(item, node);
      nodes.push_back(item);
    }
    out["nodes"] = nodes;
    out["default"] = spec.default_label;
  }
  void operator()(const ClvSpec& spec) const {
    out["cuts"] = spec.cuts;
    out["labels"] = spec.labels;
    out["missing"] = spec.missing_label;
  }
  void operator()(const ClusterSpec& spec) const {
    out["features"] = spec.features;
    out["log"] = spec.log_transform;
    out["k"] = spec.k ? ordered_json(*spec.k) : ordered_json();
    out["k_min"] = spec.k_min;
    out["k_max"] = spec.k_max;
    out["seed"] = spec.seed;
    out["restarts"] = spec.restarts;
    out["words"] = spec.words == DescriptionLanguage::kChinese ? "zh" : "en";
    out["missing"] = spec.missing_label;
  }
  void operator()(const RulesSpec& spec) const {
    ordered_json rules = ordered_json::array();
    for (const LabelRule& rule : spec.rules) {
      ordered_json item = {{"label", rule.label}};
      add_when(item, rule);
      rules.push_back(item);
    }
    out["rules"] = rules;
  }
};

}  // namespace

Status parse_policy_json(std::string_view text, ClassifyOptions& options) {
  const json root = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) {
    return Status::error(ErrorCode::kInvalidOptions, "policy: not valid JSON");
  }
  ClassifyOptions read;
  keep_file_reading(options, read);
  try {
    read_policy(root, read);
  } catch (const PolicyError& error) {
    return Status::error(ErrorCode::kInvalidOptions, error.message);
  }
  if (Status status = validate_options(read); !status.ok()) return status;
  options = std::move(read);
  return Status();
}

nlohmann::ordered_json policy_to_json(const ClassifyOptions& options) {
  ordered_json columns = ordered_json::object();
  for (int role = 0; role < kColumnRoleCount; ++role) {
    const auto& name = options.columns.names[role];
    columns[column_role_key(static_cast<ColumnRole>(role))] = name ? ordered_json(*name) : ordered_json();
  }
  ordered_json attributes = ordered_json::object();
  for (const auto& [field, header] : options.attribute_columns) attributes[field] = header;
  ordered_json breakpoints = ordered_json::object();
  for (const RfmMetric metric : kRfmMetrics) {
    const auto& fixed = options.fixed_breakpoints(metric);
    breakpoints[rfm_metric_key(metric)] = fixed ? ordered_json(*fixed) : ordered_json();
  }
  ordered_json dimensions = ordered_json::array();
  for (const Dimension& dimension : options.dimensions) {
    ordered_json item = {{"id", dimension.id},
                         {"name", dimension.name},
                         {"type", dimension_type_key(dimension.spec)},
                         {"enabled", dimension.enabled}};
    std::visit(SpecWriter{item}, dimension.spec);
    dimensions.push_back(item);
  }
  ordered_json tiers = ordered_json::array();
  for (const Tier& tier : options.tiers) {
    ordered_json item = {{"name", tier.name}};
    add_when(item, tier);
    const Strategy& s = tier.strategy;
    item["strategy"] = {{"service_level", s.service_level}, {"discount", s.discount},
                        {"credit_terms", s.credit_terms},   {"review_cycle", s.review_cycle},
                        {"channel", s.channel},             {"owner", s.owner},
                        {"notes", s.notes}};
    tiers.push_back(item);
  }
  return {
      {"tierlens_policy", kPolicyVersion},
      {"name", options.name},
      {"analysis_date", options.analysis_date ? ordered_json(format_iso_date(*options.analysis_date))
                                              : ordered_json()},
      {"columns", columns},
      {"customer_table", {{"customer_id", options.customer_table_id_column
                                               ? ordered_json(*options.customer_table_id_column)
                                               : ordered_json()}}},
      {"attributes", attributes},
      {"returns", {{"cancelled_order_prefix", options.cancelled_order_prefix}}},
      {"rfm", {{"bins", options.bins}, {"breakpoints", breakpoints}}},
      {"clv", {{"period", purchase_period_key(options.clv.period)},
               {"horizon_months", options.clv.horizon_months},
               {"discount_rate", options.clv.monthly_discount_rate},
               {"margin", options.clv.margin},
               {"penalizer", options.clv.penalizer},
               {"holdout_days", options.clv.holdout_days ? ordered_json(*options.clv.holdout_days)
                                                         : ordered_json()}}},
      {"dimensions", dimensions},
      {"tiers", tiers},
  };
}

std::string policy_json_text(const ClassifyOptions& options) {
  return policy_to_json(options).dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace tierlens
