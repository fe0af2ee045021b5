// Class tree as in 用友U8: coded nodes (01, 0101, 010101 under scheme 2-2-2), a condition per
// node. A customer walks down from the first root whose condition holds to the first child
// whose condition holds, and so on; its class is the deepest node reached.
#include "dimension_types.h"
#include "tierlens/condition_eval.h"

namespace tierlens {
namespace {

struct CompiledTree {
  std::vector<std::optional<CompiledCondition>> when;     ///< per node
  std::vector<std::vector<std::size_t>> children;         ///< per node, in policy order
  std::vector<std::size_t> roots;

  CompiledTree(const TreeSpec& spec, const CustomerFields& fields) {
    const std::size_t root_length = static_cast<std::size_t>(spec.scheme.front());
    children.resize(spec.nodes.size());
    for (std::size_t i = 0; i < spec.nodes.size(); ++i) {
      const TreeNode& node = spec.nodes[i];
      when.push_back(node.when ? std::optional<CompiledCondition>(CompiledCondition(*node.when, fields))
                               : std::nullopt);
      if (node.code.size() == root_length) {
        roots.push_back(i);
        continue;
      }
      // The parent is the longest other code that prefixes this one (validated to exist).
      std::size_t parent = spec.nodes.size();
      for (std::size_t j = 0; j < i; ++j) {
        const std::string& code = spec.nodes[j].code;
        if (code.size() < node.code.size() && node.code.compare(0, code.size(), code) == 0 &&
            (parent == spec.nodes.size() || code.size() > spec.nodes[parent].code.size())) {
          parent = j;
        }
      }
      if (parent < spec.nodes.size()) children[parent].push_back(i);
    }
  }

  bool holds(std::size_t node, std::size_t customer) const {
    return !when[node] || when[node]->holds(customer);
  }

  /// The nodes walked, root first; empty when no root holds.
  std::vector<std::size_t> path(std::size_t customer) const {
    std::vector<std::size_t> walked;
    const std::vector<std::size_t>* candidates = &roots;
    for (bool found = true; found;) {
      found = false;
      for (const std::size_t node : *candidates) {
        if (!holds(node, customer)) continue;
        walked.push_back(node);
        candidates = &children[node];
        found = true;
        break;
      }
    }
    return walked;
  }
};

std::string node_label(const TreeNode& node) { return node.code + " " + node.name; }

}  // namespace

void classify_tree(const TreeSpec& spec, const CustomerFields& fields, const Classification& result,
                   DimensionResult& out) {
  const CompiledTree tree(spec, fields);
  std::vector<std::uint32_t> label_of_node;
  for (const TreeNode& node : spec.nodes) label_of_node.push_back(label_index(out.labels, node_label(node)));
  const std::uint32_t unclassified = label_index(out.labels, spec.default_label);
  const std::size_t n = result.customer_count();
  out.label_of.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::vector<std::size_t> walked = tree.path(i);
    out.label_of[i] = walked.empty() ? unclassified : label_of_node[walked.back()];
  }
  std::string scheme;
  for (const int length : spec.scheme) scheme += (scheme.empty() ? "" : "-") + std::to_string(length);
  out.description = std::to_string(spec.nodes.size()) + " classes coded " + scheme +
                    "; each customer takes the deepest class whose conditions hold, trying "
                    "classes in code order; none: " + spec.default_label;
}

LabelExplanation explain_tree(const TreeSpec& spec, const CustomerFields& fields, const Classification&,
                              const DimensionResult& dimension, std::size_t customer) {
  const CompiledTree tree(spec, fields);
  const std::vector<std::size_t> walked = tree.path(customer);
  LabelExplanation explanation;
  explanation.rule = "the deepest class whose conditions hold";
  if (walked.empty()) {
    explanation.text = "no top-level class holds → " + dimension.labels[dimension.label_of[customer]] + ".";
    return explanation;
  }
  std::string text;
  for (const std::size_t node : walked) {
    const TreeNode& tree_node = spec.nodes[node];
    text += (text.empty() ? "" : " → ") + node_label(tree_node);
    if (tree_node.when) {
      text += " (" + condition_text(*tree_node.when) + ": " + tree.when[node]->facts(customer) + ")";
    }
  }
  explanation.rule = "path " + text;
  explanation.text = text + (tree.children[walked.back()].empty() ? "" : "; no subclass holds") + ".";
  return explanation;
}

}  // namespace tierlens
