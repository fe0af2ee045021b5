// An ordered rule list: the first rule whose condition holds names the label; the last rule
// has no condition and catches the rest.
#include "dimension_types.h"
#include "tierlens/condition_eval.h"

namespace tierlens {
namespace {

std::vector<std::optional<CompiledCondition>> compile_rules(const RulesSpec& spec, const CustomerFields& fields) {
  std::vector<std::optional<CompiledCondition>> compiled;
  for (const LabelRule& rule : spec.rules) {
    compiled.push_back(rule.when ? std::optional<CompiledCondition>(CompiledCondition(*rule.when, fields))
                                 : std::nullopt);
  }
  return compiled;
}

std::size_t first_rule(const std::vector<std::optional<CompiledCondition>>& rules, std::size_t customer) {
  for (std::size_t r = 0; r < rules.size(); ++r) {
    if (!rules[r] || rules[r]->holds(customer)) return r;
  }
  return rules.size() - 1;
}

}  // namespace

void classify_rules(const RulesSpec& spec, const CustomerFields& fields, const Classification& result,
                    DimensionResult& out) {
  const auto rules = compile_rules(spec, fields);
  std::vector<std::uint32_t> label_of_rule;
  for (const LabelRule& rule : spec.rules) label_of_rule.push_back(label_index(out.labels, rule.label));
  const std::size_t n = result.customer_count();
  out.label_of.resize(n);
  for (std::size_t i = 0; i < n; ++i) out.label_of[i] = label_of_rule[first_rule(rules, i)];
  std::string text;
  for (const LabelRule& rule : spec.rules) {
    text += (text.empty() ? "" : "; ") + rule.label + ": " + (rule.when ? condition_text(*rule.when) : "otherwise");
  }
  out.description = "first rule that holds: " + text;
}

LabelExplanation explain_rules(const RulesSpec& spec, const CustomerFields& fields, const Classification&,
                               const DimensionResult&, std::size_t customer) {
  const auto rules = compile_rules(spec, fields);
  const std::size_t r = first_rule(rules, customer);
  const LabelRule& rule = spec.rules[r];
  LabelExplanation explanation;
  explanation.rule = "rule " + std::to_string(r + 1) + ": " + (rule.when ? condition_text(*rule.when) : "otherwise");
  explanation.text = (rule.when ? condition_text(*rule.when) + " holds (" + rules[r]->facts(customer) + ")"
                                : std::string("no earlier rule holds")) +
                     " → " + rule.label + ".";
  return explanation;
}

}  // namespace tierlens
