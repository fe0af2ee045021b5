// Conditions (policy.h) tested against customers, and written as text people read: in the
// policy editor, in explanations and in reports.
#pragma once

#include <string>
#include <vector>

#include "tierlens/customer_fields.h"
#include "tierlens/policy.h"

namespace tierlens {

/// "employees ≥ 500 and (industry = 制造业 or industry = 电子)".
std::string condition_text(const Condition& condition);

/// A condition with its field names resolved once, ready to test many customers.
///
/// A customer with no value for a field (an empty cell, a missing column, a text where a
/// number is compared) fails every comparison on it except `!=`.
class CompiledCondition {
 public:
  CompiledCondition(const Condition& condition, const CustomerFields& fields);

  bool holds(std::size_t customer) const;

  /// The values the condition looked at, e.g. "employees = 1200, industry = 制造业".
  std::string facts(std::size_t customer) const;

 private:
  struct Node {
    Condition::Kind kind = Condition::Kind::kCompare;
    FieldRef field;
    CompareOp op = CompareOp::kEqual;
    const std::vector<RuleValue>* values = nullptr;
    std::vector<Node> children;
  };

  Node compile(const Condition& condition) const;
  bool holds(const Node& node, std::size_t customer) const;
  bool compare(const Node& node, std::size_t customer) const;
  void collect_facts(const Node& node, std::size_t customer, std::vector<std::string>& facts) const;

  const CustomerFields* fields_;
  Node root_;
};

}  // namespace tierlens
