#include "tierlens/policy.h"

namespace tierlens {

const char* compare_op_key(CompareOp op) {
  switch (op) {
    case CompareOp::kEqual: return "=";
    case CompareOp::kNotEqual: return "!=";
    case CompareOp::kLess: return "<";
    case CompareOp::kLessEqual: return "<=";
    case CompareOp::kGreater: return ">";
    case CompareOp::kGreaterEqual: return ">=";
    case CompareOp::kIn: return "in";
    case CompareOp::kContains: return "contains";
    case CompareOp::kBetween: return "between";
  }
  return "";
}

const char* lifecycle_stage_key(LifecycleStage stage) {
  switch (stage) {
    case LifecycleStage::kPotential: return "potential";
    case LifecycleStage::kNew: return "new";
    case LifecycleStage::kActive: return "active";
    case LifecycleStage::kLoyal: return "loyal";
    case LifecycleStage::kAtRisk: return "at_risk";
    case LifecycleStage::kLost: return "lost";
  }
  return "";
}

const char* purchase_period_key(PurchasePeriod period) {
  switch (period) {
    case PurchasePeriod::kDay: return "day";
    case PurchasePeriod::kWeek: return "week";
    case PurchasePeriod::kMonth: return "month";
  }
  return "";
}

const char* dimension_type_key(const DimensionSpec& spec) {
  static const char* const kKeys[] = {"rfm_segments", "rfm_classes", "abc", "bands", "mapping",
                                      "lifecycle", "score", "tree", "rules", "clv", "clusters"};
  static_assert(std::variant_size_v<DimensionSpec> == sizeof kKeys / sizeof kKeys[0]);
  return kKeys[spec.index()];
}

}  // namespace tierlens
