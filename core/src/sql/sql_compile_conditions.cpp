// Fields and conditions in SQL, with the core's semantics (customer_fields.cpp,
// condition_eval.cpp): a field is a metric, an earlier dimension's label or an attribute; a
// customer with no value fails every comparison but `!=`; a number compares numerically with
// a field that has one, else as the text the core prints it as. Every condition is two-valued
// (never NULL), so NOT and CASE read it as the core does.
#include <algorithm>
#include <cmath>

#include "sql_compiler.h"
#include "tierlens/text.h"

namespace tierlens::sql {
namespace {

/// The column of a metric in the chain (NULL where the customer has none).
Expr metric_column(Metric metric) { return Expr("c.") + metric_key(metric); }

/// True when `text` is how format_number prints some number (no padding, no trailing zeros,
/// at most 6 decimals): the only texts a metric's text can equal.
std::optional<double> canonical_number(const std::string& text) {
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || !std::isfinite(value) || format_number(value) != text) return std::nullopt;
  return value;
}

}  // namespace

SqlField Compiler::resolve(const std::string& name) const {
  SqlField field;
  field.name = name;
  if (const auto metric = parse_metric(name)) {
    field.kind = SqlField::Kind::kMetric;
    field.metric = *metric;
    field.number = metric_column(*metric);
    field.present = Expr("(") + field.number + " IS NOT NULL)";
    return field;
  }
  if (std::find(dimension_ids_.begin(), dimension_ids_.end(), name) != dimension_ids_.end()) {
    field.kind = SqlField::Kind::kDimension;
    field.text = Expr("c.") + identifier(name);
    field.present = Expr("(") + field.text + " <> '')";
    return field;
  }
  if (const AttributeSource* source = mapping_.attribute(name); source && source->present()) {
    field.kind = SqlField::Kind::kAttribute;
    field.text = attribute_text(name);
    field.number = attribute_number(name);
    field.present = Expr("(") + field.text + " <> '')";
    return field;
  }
  field.present = "FALSE";
  return field;  // kAbsent: no column, no value
}

Status Compiler::condition(const Condition& condition, Expr& out) const {
  switch (condition.kind) {
    case Condition::Kind::kAll:
    case Condition::Kind::kAny: {
      std::vector<Expr> children;
      for (const Condition& child : condition.children) {
        Expr compiled;
        if (Status status = this->condition(child, compiled); !status.ok()) return status;
        children.push_back(compiled);
      }
      out = Expr("(") + join(children, condition.kind == Condition::Kind::kAll ? " AND " : " OR ") + ")";
      return Status();
    }
    case Condition::Kind::kNot: {
      Expr child;
      if (Status status = this->condition(condition.children.front(), child); !status.ok()) return status;
      out = Expr("(NOT ") + child + ")";
      return Status();
    }
    case Condition::Kind::kCompare:
      break;
  }

  const SqlField field = resolve(condition.field);
  const bool absent = field.kind == SqlField::Kind::kAbsent;
  // equals(value): defined where the field is present; combined with `present` below.
  const auto equals = [&](const RuleValue& value) -> Expr {
    if (const double* wanted = std::get_if<double>(&value)) {
      switch (field.kind) {
        case SqlField::Kind::kMetric: return Expr("(") + field.number + " = " + number(*wanted) + ")";
        case SqlField::Kind::kAttribute:
          return Expr("(CASE WHEN ") + field.number + " IS NOT NULL THEN " + field.number + " = " + number(*wanted) +
                 " ELSE " + field.text + " = " + string_literal(format_number(*wanted)) + " END)";
        case SqlField::Kind::kDimension:
          return Expr("(") + field.text + " = " + string_literal(format_number(*wanted)) + ")";
        case SqlField::Kind::kAbsent: return "FALSE";
      }
    }
    const std::string text(trim_spaces(std::get<std::string>(value)));
    if (field.kind == SqlField::Kind::kMetric) {
      // A metric's text is its number as format_number prints it: equal to a text only when
      // that text is such a print, and then (for the whole numbers most metrics are) exactly
      // when the numbers are equal.
      if (const auto parsed = canonical_number(text)) {
        return Expr("(") + field.number + " = " + number(*parsed) + ")";
      }
      return "FALSE";
    }
    if (absent) return "FALSE";
    return Expr("(") + field.text + " = " + string_literal(text) + ")";
  };
  const std::vector<RuleValue>& values = condition.values;
  switch (condition.op) {
    case CompareOp::kEqual:
      out = absent ? Expr("FALSE") : Expr("(") + field.present + " AND " + equals(values[0]) + ")";
      return Status();
    case CompareOp::kNotEqual:
      out = absent ? Expr("TRUE") : Expr("(NOT (") + field.present + " AND " + equals(values[0]) + "))";
      return Status();
    case CompareOp::kIn: {
      if (absent) {
        out = "FALSE";
        return Status();
      }
      std::vector<Expr> any;
      for (const RuleValue& value : values) any.push_back(equals(value));
      out = Expr("(") + field.present + " AND (" + join(any, " OR ") + "))";
      return Status();
    }
    case CompareOp::kContains:
      if (field.kind == SqlField::Kind::kMetric) {
        return Status::error(ErrorCode::kInvalidOptions,
                             "\"" + condition.field + " contains …\": SQL cannot print a metric's number as the core "
                             "does, so this rule is not compiled; compare it with = or a range instead");
      }
      out = absent ? Expr("FALSE")
                   : Expr("(") + field.present + " AND POSITION(" + string_literal(std::get<std::string>(values[0])) +
                         " IN " + field.text + ") > 0)";
      return Status();
    default:
      break;
  }
  if (field.number.empty()) {  // labels and absent fields have no number
    out = "FALSE";
    return Status();
  }
  const Expr limit = number(std::get<double>(values[0]));
  const Expr x = field.number;
  switch (condition.op) {
    case CompareOp::kLess: out = Expr("(") + x + " IS NOT NULL AND " + x + " < " + limit + ")"; break;
    case CompareOp::kLessEqual: out = Expr("(") + x + " IS NOT NULL AND " + x + " <= " + limit + ")"; break;
    case CompareOp::kGreater: out = Expr("(") + x + " IS NOT NULL AND " + x + " > " + limit + ")"; break;
    case CompareOp::kGreaterEqual: out = Expr("(") + x + " IS NOT NULL AND " + x + " >= " + limit + ")"; break;
    case CompareOp::kBetween:
      out = Expr("(") + x + " IS NOT NULL AND " + x + " BETWEEN " + limit + " AND " +
            number(std::get<double>(values[1])) + ")";
      break;
    default: out = "FALSE"; break;
  }
  return Status();
}

}  // namespace tierlens::sql
