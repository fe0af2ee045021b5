#include "tierlens/policy_validation.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

#include "tierlens/metrics.h"
#include "tierlens/text.h"

namespace tierlens {
namespace {

/// Thrown inside the checks only; validate_policy turns it into a Status.
struct PolicyError {
  std::string message;
};

[[noreturn]] void fail(const std::string& path, const std::string& message) {
  throw PolicyError{path + ": " + message};
}

std::string at(const std::string& path, const std::string& key) { return path + "." + key; }
std::string at(const std::string& path, std::size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

bool is_identifier(const std::string& id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

/// Columns customers.csv always has: a dimension's column (headed by its id) must not repeat one.
bool is_reserved_column(const std::string& id) {
  for (const char* column : {"customer_id", "customer_name", "first_order", "last_order",
                             "segment_cell", "segment", "tier"}) {
    if (id == column) return true;
  }
  return false;
}

/// What a field name may refer to at one place in the policy.
struct FieldScope {
  const std::vector<Dimension>* dimensions;
  std::size_t visible;  ///< dimensions [0, visible) may be referred to
};

const Dimension* find_dimension(const std::vector<Dimension>& dimensions, const std::string& id) {
  for (const Dimension& dimension : dimensions) {
    if (dimension.id == id) return &dimension;
  }
  return nullptr;
}

void check_field_reference(const std::string& field, const FieldScope& scope,
                           const std::string& path) {
  if (field.empty()) fail(path, "expected a field name");
  for (std::size_t i = 0; i < scope.dimensions->size(); ++i) {
    const Dimension& dimension = (*scope.dimensions)[i];
    if (dimension.id != field) continue;
    if (i >= scope.visible) {
      fail(path, "\"" + field + "\" is the dimension " + std::to_string(i + 1) +
                     ", which is computed later; a rule may only use the labels of dimensions "
                     "listed before it (move it up)");
    }
    if (!dimension.enabled) {
      fail(path, "\"" + field + "\" is a disabled dimension; enable it or change the rule");
    }
  }
}

void check_numeric_field(const std::string& field, const FieldScope& scope, const std::string& path) {
  check_field_reference(field, scope, path);
  if (find_dimension(*scope.dimensions, field)) {
    fail(path, "\"" + field + "\" is a dimension: its labels are texts, expected a numeric "
                              "field (a metric such as monetary, or a numeric column)");
  }
}

void check_condition(const Condition& condition, const FieldScope& scope, const std::string& path) {
  switch (condition.kind) {
    case Condition::Kind::kAll:
    case Condition::Kind::kAny:
      for (std::size_t i = 0; i < condition.children.size(); ++i) {
        check_condition(condition.children[i], scope,
                        at(at(path, condition.kind == Condition::Kind::kAll ? "all" : "any"), i));
      }
      return;
    case Condition::Kind::kNot:
      check_condition(condition.children.front(), scope, at(path, "not"));
      return;
    case Condition::Kind::kCompare:
      break;
  }
  check_field_reference(condition.field, scope, at(path, "field"));
  if (condition.op == CompareOp::kBetween &&
      std::get<double>(condition.values[0]) > std::get<double>(condition.values[1])) {
    fail(at(path, "value"), "expected [low, high] with low ≤ high");
  }
}

void check_label(const std::string& label, const std::string& path) {
  if (label.empty()) fail(path, "expected a non-empty label");
}

void check_bands(const std::vector<Band>& bands, const std::string& path) {
  for (std::size_t i = 0; i < bands.size(); ++i) {
    const std::string band_path = at(path, i);
    check_label(bands[i].label, at(band_path, "label"));
    const bool last = i + 1 == bands.size();
    if (last && bands[i].min) {
      fail(at(band_path, "min"), "the last band must have no min, so that every value gets a "
                                 "band; add a last band without min");
    }
    if (!last && !bands[i].min) {
      fail(at(band_path, "min"), "missing; only the last band may go without min");
    }
    if (!last && i > 0 && !(*bands[i].min < *bands[i - 1].min)) {
      fail(at(band_path, "min"), "expected bands from the highest min down: " +
                                     format_number(*bands[i].min) + " is not below the band before");
    }
  }
}

void check_rfm_classes(const RfmClassesSpec& spec, const std::string& path) {
  if (spec.compare != RfmClassCompare::kFixed) return;
  const auto need = [&](const std::optional<double>& value, const char* key) {
    if (!value) fail(at(at(path, "thresholds"), key), "missing; compare \"fixed\" needs thresholds for recency, frequency and monetary");
  };
  need(spec.recency_threshold, "recency");
  need(spec.frequency_threshold, "frequency");
  need(spec.monetary_threshold, "monetary");
}

/// Share cuts and their labels, as `abc` and `clv` take them: each cut above 0 %, less than
/// 100 % in all, and one label more than cuts.
void check_share_cuts(const std::vector<double>& cuts, const std::vector<std::string>& labels,
                      const std::string& path) {
  if (cuts.empty()) fail(at(path, "cuts"), "expected at least one cut, e.g. [70, 20]");
  double total = 0;
  for (std::size_t i = 0; i < cuts.size(); ++i) {
    if (!(cuts[i] > 0)) fail(at(at(path, "cuts"), i), "expected a percentage above 0");
    total += cuts[i];
  }
  if (!(total < 100)) {
    fail(at(path, "cuts"), "the cuts add up to " + format_number(total) +
                               " %; expected less than 100, the last class takes the rest");
  }
  if (labels.size() != cuts.size() + 1) {
    fail(at(path, "labels"), "expected " + std::to_string(cuts.size() + 1) +
                                 " labels for " + std::to_string(cuts.size()) + " cuts, got " +
                                 std::to_string(labels.size()));
  }
  for (std::size_t i = 0; i < labels.size(); ++i) check_label(labels[i], at(at(path, "labels"), i));
}

void check_clusters(const ClusterSpec& spec, const FieldScope& scope, const std::string& path) {
  if (spec.features.empty()) fail(at(path, "features"), "expected at least one numeric field, e.g. [\"recency\", \"frequency\", \"monetary\"]");
  for (std::size_t i = 0; i < spec.features.size(); ++i) {
    check_numeric_field(spec.features[i], scope, at(at(path, "features"), i));
    for (std::size_t j = 0; j < i; ++j) {
      if (spec.features[j] == spec.features[i]) fail(at(at(path, "features"), i), "\"" + spec.features[i] + "\" is listed twice");
    }
  }
  const auto in_range = [&](int value, int low, int high, const char* key) {
    if (value < low || value > high) {
      fail(at(path, key), "expected a whole number from " + std::to_string(low) + " to " + std::to_string(high) +
                              ", got " + std::to_string(value));
    }
  };
  if (spec.k) {
    in_range(*spec.k, 2, kMaxClusters, "k");
  } else {
    in_range(spec.k_min, 2, kMaxClusters, "k_min");
    in_range(spec.k_max, spec.k_min, kMaxClusters, "k_max");
  }
  in_range(spec.restarts, 1, 100, "restarts");
  check_label(spec.missing_label, at(path, "missing"));
}

void check_clv_settings(const ClvSettings& settings) {
  if (settings.horizon_months < 1 || settings.horizon_months > 600) {
    fail("clv.horizon_months", "expected a whole number of months from 1 to 600");
  }
  if (!(settings.monthly_discount_rate >= 0 && settings.monthly_discount_rate < 1)) {
    fail("clv.discount_rate", "expected a monthly rate from 0 up to (not including) 1, e.g. 0.01 for 1 % a month");
  }
  if (!(settings.margin > 0 && settings.margin <= 1)) {
    fail("clv.margin", "expected the share of spend that is profit, above 0 and at most 1 (1: CLV in revenue)");
  }
  if (!(settings.penalizer >= 0 && settings.penalizer <= 100)) fail("clv.penalizer", "expected a number from 0 to 100");
  if (settings.holdout_days && (*settings.holdout_days < 0 || *settings.holdout_days > 36600)) {
    fail("clv.holdout_days", "expected a whole number of days from 0 (no check) to 36600, or null (the last third)");
  }
}

void check_lifecycle(const LifecycleSpec& spec, const std::string& path) {
  if (spec.new_days < 1) fail(at(path, "new_days"), "expected at least 1 day");
  if (spec.at_risk_days < 1) fail(at(path, "at_risk_days"), "expected at least 1 day");
  if (spec.lost_days <= spec.at_risk_days) {
    fail(at(path, "lost_days"), "expected more days than at_risk_days (" +
                                    std::to_string(spec.at_risk_days) + ")");
  }
  if (spec.loyal_orders < 1) fail(at(path, "loyal_orders"), "expected at least 1 order");
  for (int s = 0; s < kLifecycleStageCount; ++s) {
    check_label(spec.labels[s], at(at(path, "labels"), lifecycle_stage_key(static_cast<LifecycleStage>(s))));
  }
}

void check_score(const ScoreSpec& spec, const FieldScope& scope, const std::string& path) {
  for (std::size_t i = 0; i < spec.factors.size(); ++i) {
    const std::string factor_path = at(at(path, "factors"), i);
    check_numeric_field(spec.factors[i].field, scope, at(factor_path, "field"));
    if (!(spec.factors[i].weight > 0)) fail(at(factor_path, "weight"), "expected a weight above 0");
  }
  check_bands(spec.grades, at(path, "grades"));
  for (std::size_t i = 0; i < spec.grades.size(); ++i) {
    const auto& min = spec.grades[i].min;
    if (min && (*min < 0 || *min > 100)) {
      fail(at(at(at(path, "grades"), i), "min"), "expected a score from 0 to 100");
    }
  }
}

void check_tree(const TreeSpec& spec, const FieldScope& scope, const std::string& path) {
  if (spec.scheme.empty()) fail(at(path, "scheme"), "expected code lengths per level, e.g. [2, 2, 2]");
  std::vector<std::size_t> level_end;  // code length at each level: 2, 4, 6 for 2-2-2
  for (std::size_t i = 0; i < spec.scheme.size(); ++i) {
    if (spec.scheme[i] < 1 || spec.scheme[i] > 9) fail(at(at(path, "scheme"), i), "expected a length from 1 to 9");
    level_end.push_back((level_end.empty() ? 0 : level_end.back()) + static_cast<std::size_t>(spec.scheme[i]));
  }
  std::set<std::string> codes;
  for (std::size_t i = 0; i < spec.nodes.size(); ++i) {
    const TreeNode& node = spec.nodes[i];
    const std::string node_path = at(at(path, "nodes"), i);
    const std::string& code = node.code;
    if (code.empty() || !std::all_of(code.begin(), code.end(), [](char c) {
          return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        })) {
      fail(at(node_path, "code"), "expected a code of digits or letters, e.g. 0101");
    }
    const auto level = std::find(level_end.begin(), level_end.end(), code.size());
    if (level == level_end.end()) {
      std::string lengths;
      for (const std::size_t length : level_end) lengths += (lengths.empty() ? "" : ", ") + std::to_string(length);
      fail(at(node_path, "code"), "\"" + code + "\" has " + std::to_string(code.size()) +
                                      " characters; the scheme allows codes of " + lengths);
    }
    if (level != level_end.begin()) {
      const std::string parent = code.substr(0, *(level - 1));
      if (!codes.count(parent)) {
        fail(at(node_path, "code"), "\"" + code + "\" needs its parent \"" + parent +
                                        "\" listed before it");
      }
    }
    if (!codes.insert(code).second) fail(at(node_path, "code"), "\"" + code + "\" is used twice");
    check_label(node.name, at(node_path, "name"));
    if (node.when) check_condition(*node.when, scope, at(node_path, "when"));
  }
  check_label(spec.default_label, at(path, "default"));
}

template <typename Item>
void check_ordered_rules(const std::vector<Item>& items, const FieldScope& scope,
                         const std::string& path, const char* what) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string item_path = at(path, i);
    const bool last = i + 1 == items.size();
    if (last && items[i].when) {
      fail(at(item_path, "when"), std::string("the last ") + what +
                                      " must have no condition, so that every customer gets one; "
                                      "add a last " + what + " without \"when\"");
    }
    if (!last && !items[i].when) {
      fail(at(item_path, "when"), std::string("missing; only the last ") + what +
                                      " may go without a condition (the first that holds wins)");
    }
    if (items[i].when) check_condition(*items[i].when, scope, at(item_path, "when"));
  }
}

void check_dimension(const Dimension& dimension, const FieldScope& scope, const std::string& path) {
  std::visit(
      [&](const auto& spec) {
        using Spec = std::decay_t<decltype(spec)>;
        if constexpr (std::is_same_v<Spec, RfmClassesSpec>) {
          check_rfm_classes(spec, path);
        } else if constexpr (std::is_same_v<Spec, AbcSpec>) {
          check_share_cuts(spec.cuts, spec.labels, path);
        } else if constexpr (std::is_same_v<Spec, ClvSpec>) {
          check_share_cuts(spec.cuts, spec.labels, path);
          check_label(spec.missing_label, at(path, "missing"));
        } else if constexpr (std::is_same_v<Spec, ClusterSpec>) {
          check_clusters(spec, scope, path);
        } else if constexpr (std::is_same_v<Spec, BandsSpec>) {
          check_numeric_field(spec.field, scope, at(path, "field"));
          check_bands(spec.bands, at(path, "bands"));
          check_label(spec.missing_label, at(path, "missing"));
        } else if constexpr (std::is_same_v<Spec, MappingSpec>) {
          check_field_reference(spec.field, scope, at(path, "field"));
          if (spec.table.empty() && spec.builtin == BuiltinTable::kNone) {
            fail(at(path, "table"), "expected at least one value → class, or a builtin table");
          }
          for (const auto& [value, label] : spec.table) check_label(label, at(at(path, "table"), value));
          check_label(spec.default_label, at(path, "default"));
          check_label(spec.missing_label, at(path, "missing"));
        } else if constexpr (std::is_same_v<Spec, LifecycleSpec>) {
          check_lifecycle(spec, path);
        } else if constexpr (std::is_same_v<Spec, ScoreSpec>) {
          check_score(spec, scope, path);
        } else if constexpr (std::is_same_v<Spec, TreeSpec>) {
          check_tree(spec, scope, path);
        } else if constexpr (std::is_same_v<Spec, RulesSpec>) {
          check_ordered_rules(spec.rules, scope, at(path, "rules"), "rule");
          for (std::size_t i = 0; i < spec.rules.size(); ++i) {
            check_label(spec.rules[i].label, at(at(at(path, "rules"), i), "label"));
          }
        }
      },
      dimension.spec);
}

void check_policy(const ClassifyOptions& options) {
  check_clv_settings(options.clv);
  std::set<std::string> ids;
  for (std::size_t i = 0; i < options.dimensions.size(); ++i) {
    const Dimension& dimension = options.dimensions[i];
    const std::string path = at(std::string("dimensions"), i);
    if (!is_identifier(dimension.id)) {
      fail(at(path, "id"), "expected letters, digits or _ (it names the dimension in rules and "
                           "in the CSV header), got \"" + dimension.id + "\"");
    }
    if (parse_metric(dimension.id) || is_reserved_column(dimension.id)) {
      fail(at(path, "id"), "\"" + dimension.id + "\" is the name of a metric or of a column of "
                           "customers.csv; choose another id");
    }
    if (!ids.insert(dimension.id).second) fail(at(path, "id"), "\"" + dimension.id + "\" is used twice");
    if (!dimension.enabled) continue;
    check_dimension(dimension, FieldScope{&options.dimensions, i}, path);
  }
  std::set<std::string> names;
  const FieldScope all{&options.dimensions, options.dimensions.size()};
  for (std::size_t i = 0; i < options.tiers.size(); ++i) {
    const std::string path = at(std::string("tiers"), i);
    check_label(options.tiers[i].name, at(path, "name"));
    if (!names.insert(options.tiers[i].name).second) {
      fail(at(path, "name"), "\"" + options.tiers[i].name + "\" is used twice");
    }
  }
  check_ordered_rules(options.tiers, all, "tiers", "tier");
  for (const auto& [field, header] : options.attribute_columns) {
    if (parse_metric(field) || find_dimension(options.dimensions, field)) {
      fail("attributes." + field, "\"" + field + "\" is a metric or a dimension, not a column");
    }
  }
}

void collect_condition_fields(const Condition& condition, std::vector<std::string>& fields) {
  if (condition.kind == Condition::Kind::kCompare) {
    fields.push_back(condition.field);
    return;
  }
  for (const Condition& child : condition.children) collect_condition_fields(child, fields);
}

}  // namespace

Status validate_policy(const ClassifyOptions& options) {
  try {
    check_policy(options);
  } catch (const PolicyError& error) {
    return Status::error(ErrorCode::kInvalidOptions, error.message);
  }
  return Status();
}

namespace {

/// Every field an enabled dimension or a tier names, plus those mapped in `attributes`, in
/// order of mention (with repeats).
std::vector<std::string> named_fields(const ClassifyOptions& options) {
  std::vector<std::string> named;
  const auto conditions = [&](const std::optional<Condition>& when) {
    if (when) collect_condition_fields(*when, named);
  };
  for (const Dimension& dimension : options.dimensions) {
    if (!dimension.enabled) continue;
    std::visit(
        [&](const auto& spec) {
          using Spec = std::decay_t<decltype(spec)>;
          if constexpr (std::is_same_v<Spec, BandsSpec> || std::is_same_v<Spec, MappingSpec>) {
            named.push_back(spec.field);
          } else if constexpr (std::is_same_v<Spec, ScoreSpec>) {
            for (const ScoreFactor& factor : spec.factors) named.push_back(factor.field);
          } else if constexpr (std::is_same_v<Spec, TreeSpec>) {
            for (const TreeNode& node : spec.nodes) conditions(node.when);
          } else if constexpr (std::is_same_v<Spec, RulesSpec>) {
            for (const LabelRule& rule : spec.rules) conditions(rule.when);
          } else if constexpr (std::is_same_v<Spec, ClusterSpec>) {
            for (const std::string& feature : spec.features) named.push_back(feature);
          }
        },
        dimension.spec);
  }
  for (const Tier& tier : options.tiers) conditions(tier.when);
  for (const auto& [field, header] : options.attribute_columns) named.push_back(field);
  return named;
}

}  // namespace

bool policy_needs_clv(const ClassifyOptions& options) {
  for (const Dimension& dimension : options.dimensions) {
    if (dimension.enabled && std::holds_alternative<ClvSpec>(dimension.spec)) return true;
  }
  for (const std::string& field : named_fields(options)) {
    if (const auto metric = parse_metric(field); metric && is_clv_metric(*metric)) return true;
  }
  return false;
}

std::vector<std::string> attribute_fields(const ClassifyOptions& options) {
  const std::vector<std::string> named = named_fields(options);
  std::vector<std::string> attributes;
  for (const std::string& field : named) {
    if (parse_metric(field) || find_dimension(options.dimensions, field)) continue;
    if (std::find(attributes.begin(), attributes.end(), field) == attributes.end()) {
      attributes.push_back(field);
    }
  }
  return attributes;
}

}  // namespace tierlens
