// Category mapping of a text field through a table (the user's entries first, then a
// built-in table), with a default class: industry, region, product, needs, service.
#include "dimension_types.h"
#include "tierlens/builtin_tables.h"
#include "tierlens/text.h"

namespace tierlens {
namespace {

enum class MatchedBy { kTable, kTableIgnoringCase, kBuiltin, kDefault, kMissing };

struct Mapped {
  std::string label;
  MatchedBy by = MatchedBy::kDefault;
  std::string entry;  ///< the table key that matched
};

const char* builtin_name(BuiltinTable table) {
  return table == BuiltinTable::kChinaRegions ? "China's seven regions" : "domestic/international";
}

Mapped map_value(const MappingSpec& spec, std::string_view raw) {
  const std::string_view value = trim_spaces(raw);
  if (value.empty()) return {spec.missing_label, MatchedBy::kMissing, ""};
  for (const auto& [key, label] : spec.table) {
    if (trim_spaces(key) == value) return {label, MatchedBy::kTable, key};
  }
  const std::string lower = ascii_lower(value);
  for (const auto& [key, label] : spec.table) {
    if (ascii_lower(trim_spaces(key)) == lower) return {label, MatchedBy::kTableIgnoringCase, key};
  }
  if (spec.builtin == BuiltinTable::kChinaRegions) {
    if (auto region = china_region(value)) return {*region, MatchedBy::kBuiltin, ""};
  } else if (spec.builtin == BuiltinTable::kDomesticInternational) {
    return {domestic_or_international(value), MatchedBy::kBuiltin, ""};
  }
  return {spec.default_label, MatchedBy::kDefault, ""};
}

}  // namespace

void classify_mapping(const MappingSpec& spec, const CustomerFields& fields, const Classification& result,
                      DimensionResult& out) {
  for (const auto& [key, label] : spec.table) label_index(out.labels, label);
  if (spec.builtin == BuiltinTable::kChinaRegions) {
    for (const std::string& region : china_region_names()) label_index(out.labels, region);
  } else if (spec.builtin == BuiltinTable::kDomesticInternational) {
    label_index(out.labels, "国内");
    label_index(out.labels, "国际");
  }
  label_index(out.labels, spec.default_label);
  label_index(out.labels, spec.missing_label);

  const FieldRef field = fields.resolve(spec.field);
  const std::size_t n = result.customer_count();
  out.label_of.resize(n);
  std::size_t defaulted = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const Mapped mapped = map_value(spec, fields.text(field, i));
    if (mapped.by == MatchedBy::kDefault) ++defaulted;
    out.label_of[i] = label_index(out.labels, mapped.label);
  }
  out.description = spec.field + " mapped through " +
                    (spec.table.empty() ? std::string()
                                        : std::to_string(spec.table.size()) + " table entries" +
                                              (spec.builtin == BuiltinTable::kNone ? "" : ", then ")) +
                    (spec.builtin == BuiltinTable::kNone ? "" : builtin_name(spec.builtin)) +
                    "; no match: " + spec.default_label + "; empty: " + spec.missing_label;
  warn_if_absent(field, "every customer is " + spec.missing_label, out);
  if (defaulted > 0 && spec.builtin == BuiltinTable::kChinaRegions) {
    out.warnings.push_back(std::to_string(defaulted) + " customers have a \"" + spec.field +
                           "\" that is not a Chinese province and are " + spec.default_label);
  }
}

LabelExplanation explain_mapping(const MappingSpec& spec, const CustomerFields& fields,
                                 const Classification&, const DimensionResult&, std::size_t customer) {
  const FieldRef field = fields.resolve(spec.field);
  const std::string value = fields.text(field, customer);
  const Mapped mapped = map_value(spec, value);
  LabelExplanation explanation;
  explanation.rule = spec.field + " → class by table" +
                     (spec.builtin == BuiltinTable::kNone ? "" : std::string(" and ") + builtin_name(spec.builtin));
  const std::string subject = spec.field + " \"" + value + "\"";
  switch (mapped.by) {
    case MatchedBy::kTable:
      explanation.text = subject + " is in the table → " + mapped.label + ".";
      break;
    case MatchedBy::kTableIgnoringCase:
      explanation.text = subject + " matches the table entry \"" + mapped.entry + "\" → " + mapped.label + ".";
      break;
    case MatchedBy::kBuiltin:
      explanation.text = subject + " → " + mapped.label + " (" + builtin_name(spec.builtin) + ").";
      break;
    case MatchedBy::kDefault:
      explanation.text = subject + " matches no entry → " + mapped.label + " (default).";
      break;
    case MatchedBy::kMissing:
      explanation.text = (field.kind == FieldRef::Kind::kAbsent
                              ? "the file has no column for " + spec.field
                              : spec.field + " has no value") +
                         " → " + mapped.label + ".";
      break;
  }
  return explanation;
}

}  // namespace tierlens
