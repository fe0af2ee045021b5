// Threshold bands on a numeric field: annual sales, employees, order count → 大/中/小.
#include "dimension_types.h"

namespace tierlens {

std::size_t band_of(const std::vector<Band>& bands, double value) {
  for (std::size_t b = 0; b < bands.size(); ++b) {
    if (!bands[b].min || value >= *bands[b].min) return b;
  }
  return bands.size() - 1;  // unreachable for a validated list: the last band has no min
}

std::string bands_text(const std::vector<Band>& bands) {
  std::string text;
  for (const Band& band : bands) {
    text += (text.empty() ? "" : ", ") +
            (band.min ? "≥ " + format_number(*band.min) + " " : std::string("otherwise ")) + band.label;
  }
  return text;
}

void classify_bands(const BandsSpec& spec, const CustomerFields& fields, const Classification& result,
                    DimensionResult& out) {
  for (const Band& band : spec.bands) label_index(out.labels, band.label);
  const std::uint32_t missing = label_index(out.labels, spec.missing_label);
  const FieldRef field = fields.resolve(spec.field);
  const std::size_t n = result.customer_count();
  out.label_of.resize(n);
  std::size_t without_value = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::optional<double> value = fields.number(field, i);
    if (!value) {
      out.label_of[i] = missing;
      ++without_value;
      continue;
    }
    out.label_of[i] = label_index(out.labels, spec.bands[band_of(spec.bands, *value)].label);
  }
  out.description = spec.field + ": " + bands_text(spec.bands) + "; no number: " + spec.missing_label;
  warn_if_absent(field, "every customer is " + spec.missing_label, out);
  if (field.kind != FieldRef::Kind::kAbsent && without_value > 0) {
    out.warnings.push_back(std::to_string(without_value) + " customers have no number in \"" +
                           spec.field + "\" and are " + spec.missing_label);
  }
}

LabelExplanation explain_bands(const BandsSpec& spec, const CustomerFields& fields,
                               const Classification&, const DimensionResult& dimension,
                               std::size_t customer) {
  const FieldRef field = fields.resolve(spec.field);
  const std::optional<double> value = fields.number(field, customer);
  const std::string& label = dimension.labels[dimension.label_of[customer]];
  LabelExplanation explanation;
  explanation.rule = spec.field + ": " + bands_text(spec.bands);
  if (field.kind == FieldRef::Kind::kAbsent) {
    explanation.text = "the file has no column for " + spec.field + " → " + label + ".";
    return explanation;
  }
  if (!value) {
    const std::string text = fields.text(field, customer);
    explanation.text = spec.field + (text.empty() ? " has no value" : " \"" + text + "\" is not a number") +
                       " → " + label + ".";
    return explanation;
  }
  const Band& band = spec.bands[band_of(spec.bands, *value)];
  explanation.text = spec.field + " " + format_number(*value) +
                     (band.min ? " ≥ " + format_number(*band.min) : std::string(" is below every min")) +
                     " → " + label + ".";
  return explanation;
}

}  // namespace tierlens
