#include "tierlens/condition_eval.h"

#include <algorithm>

#include "tierlens/text.h"

namespace tierlens {
namespace {

const char* op_symbol(CompareOp op) {
  switch (op) {
    case CompareOp::kEqual: return "=";
    case CompareOp::kNotEqual: return "≠";
    case CompareOp::kLess: return "<";
    case CompareOp::kLessEqual: return "≤";
    case CompareOp::kGreater: return ">";
    case CompareOp::kGreaterEqual: return "≥";
    case CompareOp::kIn: return "in";
    case CompareOp::kContains: return "contains";
    case CompareOp::kBetween: return "between";
  }
  return "";
}

std::string value_text(const RuleValue& value) {
  if (const double* number = std::get_if<double>(&value)) return format_number(*number);
  return std::get<std::string>(value);
}

std::string operand_text(const Condition& condition) {
  const std::string text = condition_text(condition);
  return condition.kind == Condition::Kind::kAll || condition.kind == Condition::Kind::kAny
             ? "(" + text + ")" : text;
}

}  // namespace

std::string condition_text(const Condition& condition) {
  switch (condition.kind) {
    case Condition::Kind::kAll:
    case Condition::Kind::kAny: {
      std::string text;
      for (const Condition& child : condition.children) {
        if (!text.empty()) text += condition.kind == Condition::Kind::kAll ? " and " : " or ";
        text += operand_text(child);
      }
      return text;
    }
    case Condition::Kind::kNot:
      return "not " + operand_text(condition.children.front());
    case Condition::Kind::kCompare:
      break;
  }
  std::string text = condition.field + " " + op_symbol(condition.op) + " ";
  if (condition.op == CompareOp::kBetween) {
    return text + value_text(condition.values[0]) + " and " + value_text(condition.values[1]);
  }
  if (condition.op == CompareOp::kIn) {
    std::string list;
    for (const RuleValue& value : condition.values) list += (list.empty() ? "" : ", ") + value_text(value);
    return text + "{" + list + "}";
  }
  return text + value_text(condition.values.front());
}

CompiledCondition::CompiledCondition(const Condition& condition, const CustomerFields& fields)
    : fields_(&fields), root_(compile(condition)) {}

CompiledCondition::Node CompiledCondition::compile(const Condition& condition) const {
  Node node;
  node.kind = condition.kind;
  if (condition.kind == Condition::Kind::kCompare) {
    node.field = fields_->resolve(condition.field);
    node.op = condition.op;
    node.values = &condition.values;
  }
  for (const Condition& child : condition.children) node.children.push_back(compile(child));
  return node;
}

bool CompiledCondition::holds(std::size_t customer) const { return holds(root_, customer); }

bool CompiledCondition::holds(const Node& node, std::size_t customer) const {
  switch (node.kind) {
    case Condition::Kind::kAll:
      return std::all_of(node.children.begin(), node.children.end(),
                         [&](const Node& child) { return holds(child, customer); });
    case Condition::Kind::kAny:
      return std::any_of(node.children.begin(), node.children.end(),
                         [&](const Node& child) { return holds(child, customer); });
    case Condition::Kind::kNot:
      return !holds(node.children.front(), customer);
    case Condition::Kind::kCompare:
      return compare(node, customer);
  }
  return false;
}

bool CompiledCondition::compare(const Node& node, std::size_t customer) const {
  const std::optional<double> number = fields_->number(node.field, customer);
  const std::string text = fields_->text(node.field, customer);
  const bool present = number.has_value() || !text.empty();
  const auto equals = [&](const RuleValue& value) {
    if (const double* wanted = std::get_if<double>(&value)) {
      return number ? *number == *wanted : text == format_number(*wanted);
    }
    return text == trim_spaces(std::get<std::string>(value));  // cells are trimmed too
  };
  const std::vector<RuleValue>& values = *node.values;
  switch (node.op) {
    case CompareOp::kEqual: return present && equals(values[0]);
    case CompareOp::kNotEqual: return !present || !equals(values[0]);
    case CompareOp::kIn: return present && std::any_of(values.begin(), values.end(), equals);
    case CompareOp::kContains:
      return present && text.find(std::get<std::string>(values[0])) != std::string::npos;
    default:
      break;
  }
  if (!number) return false;
  const double limit = std::get<double>(values[0]);
  switch (node.op) {
    case CompareOp::kLess: return *number < limit;
    case CompareOp::kLessEqual: return *number <= limit;
    case CompareOp::kGreater: return *number > limit;
    case CompareOp::kGreaterEqual: return *number >= limit;
    case CompareOp::kBetween: return limit <= *number && *number <= std::get<double>(values[1]);
    default: return false;
  }
}

std::string CompiledCondition::facts(std::size_t customer) const {
  std::vector<std::string> facts;
  collect_facts(root_, customer, facts);
  std::string text;
  for (const std::string& fact : facts) text += (text.empty() ? "" : ", ") + fact;
  return text;
}

void CompiledCondition::collect_facts(const Node& node, std::size_t customer,
                                      std::vector<std::string>& facts) const {
  if (node.kind != Condition::Kind::kCompare) {
    for (const Node& child : node.children) collect_facts(child, customer, facts);
    return;
  }
  const std::string value = fields_->text(node.field, customer);
  std::string fact = node.field.name + " = " + (value.empty() ? "(none)" : value);
  if (node.field.kind == FieldRef::Kind::kAbsent) fact = node.field.name + " = (no such column)";
  if (std::find(facts.begin(), facts.end(), fact) == facts.end()) facts.push_back(fact);
}

}  // namespace tierlens
