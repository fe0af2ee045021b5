// The classification policy as data: dimensions that each give every customer a label, the
// conditions they are built from, and the tiers with their strategies. The JSON form and its
// rules are in core/POLICY.md; reading it is policy_json.h, checking it policy_validation.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace tierlens {

/// The policy format this TierLens reads and writes.
inline constexpr int kPolicyVersion = 1;

// ---------------------------------------------------------------------------------------------
// Conditions

enum class CompareOp {
  kEqual, kNotEqual, kLess, kLessEqual, kGreater, kGreaterEqual, kIn, kContains, kBetween,
};

/// "=", "!=", "<", "<=", ">", ">=", "in", "contains", "between".
const char* compare_op_key(CompareOp op);

/// A value a condition compares with: a number or a text.
using RuleValue = std::variant<double, std::string>;

/// A small boolean expression over a customer's fields: a comparison, or all/any/not of
/// other conditions.
struct Condition {
  enum class Kind { kCompare, kAll, kAny, kNot };
  Kind kind = Kind::kCompare;
  std::string field;              ///< kCompare: a metric, dimension id or attribute
  CompareOp op = CompareOp::kEqual;
  std::vector<RuleValue> values;  ///< one value; `in`: the list; `between`: low, high
  std::vector<Condition> children;  ///< kAll/kAny: the operands; kNot: exactly one
};

// ---------------------------------------------------------------------------------------------
// Dimensions

/// One band of a threshold list: applies when the value is at least `min`; the last band of
/// a list has no min and catches the rest.
struct Band {
  std::string label;
  std::optional<double> min;
};

/// The 11 named RFM segments of the foundation; settings live in the policy's `rfm`.
struct RfmSegmentsSpec {};

enum class RfmClassCompare { kScoreMean, kValueMean, kValueMedian, kFixed };

/// The Chinese 8-class scheme: R, F and M each high or low against a reference.
struct RfmClassesSpec {
  RfmClassCompare compare = RfmClassCompare::kScoreMean;
  /// kFixed only: recency in days (≤ is 近), frequency in orders, monetary in units (≥ is 高).
  std::optional<double> recency_threshold, frequency_threshold, monetary_threshold;
};

enum class AbcBasis { kCustomers, kRevenue };

/// Value pyramid: cuts by share of customers or by cumulative share of revenue.
struct AbcSpec {
  AbcBasis by = AbcBasis::kRevenue;
  std::vector<double> cuts = {70, 20};  ///< percentages, each class's own share
  std::vector<std::string> labels = {"A", "B", "C"};  ///< cuts.size() + 1
};

struct BandsSpec {
  std::string field;
  std::vector<Band> bands;
  std::string missing_label = "未知";
};

enum class BuiltinTable { kNone, kChinaRegions, kDomesticInternational };

/// A text field mapped to classes through a table, with a default class.
struct MappingSpec {
  std::string field;
  BuiltinTable builtin = BuiltinTable::kNone;
  std::vector<std::pair<std::string, std::string>> table;  ///< value → class, in the user's order
  std::string default_label = "其他";
  std::string missing_label = "未知";
};

enum class LifecycleStage { kPotential, kNew, kActive, kLoyal, kAtRisk, kLost };
inline constexpr int kLifecycleStageCount = 6;

/// "potential", "new", "active", "loyal", "at_risk", "lost".
const char* lifecycle_stage_key(LifecycleStage stage);

struct LifecycleSpec {
  int new_days = 90;
  int at_risk_days = 180;
  int lost_days = 365;
  int loyal_orders = 5;
  std::string labels[kLifecycleStageCount] = {"潜在客户", "新客户", "活跃客户",
                                              "忠诚客户", "预警客户", "流失客户"};
};

enum class Normalization { kMinMax, kPercentile, kZScore };

struct ScoreFactor {
  std::string field;
  double weight = 1;
  Normalization normalize = Normalization::kMinMax;
  bool higher_is_better = true;
};

/// A weighted 0–100 score over several fields, graded by bands.
struct ScoreSpec {
  std::vector<ScoreFactor> factors;
  std::vector<Band> grades;
};

struct TreeNode {
  std::string code;  ///< e.g. "0102": the second child of "01" under scheme 2-2
  std::string name;
  std::optional<Condition> when;  ///< none: the node always applies
};

/// A hierarchical class tree as in 用友U8: nodes coded under a scheme such as 2-2-2.
struct TreeSpec {
  std::vector<int> scheme = {2, 2};
  std::vector<TreeNode> nodes;
  std::string default_label = "未分类";
};

struct LabelRule {
  std::string label;
  std::optional<Condition> when;  ///< none: the rule always applies (the last one)
};

/// An ordered rule list: the first rule that holds names the label.
struct RulesSpec {
  std::vector<LabelRule> rules;
};

/// Value classes by predicted customer lifetime value (the policy's `clv` settings): customers
/// ranked by CLV, cut by share of customers (top 20 %, next 30 %, the rest). Customers without
/// a purchase have no CLV and get the missing label.
struct ClvSpec {
  std::vector<double> cuts = {20, 30};  ///< percentages of customers, each class's own share
  std::vector<std::string> labels = {"高价值", "中价值", "低价值"};  ///< cuts.size() + 1
  std::string missing_label = "无购买";
};

/// The most clusters a `clusters` dimension makes.
inline constexpr int kMaxClusters = 20;

/// The language cluster descriptions are written in.
enum class DescriptionLanguage { kEnglish, kChinese };

/// k-means groups no rule names: customers clustered on numeric fields (log1p, then
/// standardised), each cluster labelled by a description of its centre ("recent, frequent,
/// high spend").
struct ClusterSpec {
  std::vector<std::string> features = {"recency", "frequency", "monetary"};
  bool log_transform = true;  ///< log1p of each feature first (spend and counts are skewed)
  std::optional<int> k;       ///< none: chosen by silhouette among k_min..k_max
  int k_min = 2;
  int k_max = 8;
  std::uint64_t seed = 42;
  int restarts = 10;
  DescriptionLanguage words = DescriptionLanguage::kEnglish;
  std::string missing_label = "未知";  ///< customers lacking a feature's value
};

using DimensionSpec = std::variant<RfmSegmentsSpec, RfmClassesSpec, AbcSpec, BandsSpec,
                                   MappingSpec, LifecycleSpec, ScoreSpec, TreeSpec, RulesSpec,
                                   ClvSpec, ClusterSpec>;

/// "rfm_segments", "rfm_classes", "abc", "bands", "mapping", "lifecycle", "score", "tree",
/// "rules", "clv", "clusters": the `type` of a dimension in the JSON form.
const char* dimension_type_key(const DimensionSpec& spec);

struct Dimension {
  std::string id;
  std::string name;
  bool enabled = true;
  DimensionSpec spec;
};

// ---------------------------------------------------------------------------------------------
// Customer lifetime value

/// The time step of the CLV models: purchases within one period count as one (lifetimes'
/// `freq`), and recency and age are whole periods.
enum class PurchasePeriod { kDay, kWeek, kMonth };

/// "day", "week", "month".
const char* purchase_period_key(PurchasePeriod period);

/// The policy's `clv` settings: the BG/NBD and Gamma-Gamma models (clv.h), computed when a
/// dimension or a tier uses a CLV field or a `clv` dimension.
struct ClvSettings {
  PurchasePeriod period = PurchasePeriod::kDay;
  int horizon_months = 12;             ///< CLV and expected purchases over this many months
  double monthly_discount_rate = 0.01; ///< each month's value divided by (1 + rate)^month
  double margin = 1;                   ///< the share of spend that is profit; 1: CLV in revenue
  double penalizer = 0;                ///< L2 penalty on the parameters, as in lifetimes
  /// The last days of the data held out to check the models' predictions; none: the last
  /// third of the orders' date span; 0: no check.
  std::optional<int> holdout_days;
};

// ---------------------------------------------------------------------------------------------
// Tiers

/// How a tier is served. Free text: teams write "8%", "60 天", "专属客户经理".
struct Strategy {
  std::string service_level, discount, credit_terms, review_cycle, channel, owner, notes;
};

struct Tier {
  std::string name;
  std::optional<Condition> when;  ///< none: the catch-all last tier
  Strategy strategy;
};

}  // namespace tierlens
