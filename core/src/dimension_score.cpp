// Weighted score: each factor normalised to 0..1 over all customers (min–max, percentile
// rank, or z-score clipped at ±3), turned round when lower is better, weighted, scaled to
// 0–100 and rounded to 2 decimals, then graded by bands. A customer with no value for a
// factor gets that factor's lowest normalised value, 0: missing data never lifts a score.
#include <algorithm>
#include <cmath>

#include "dimension_types.h"

namespace tierlens {
namespace {

const char* normalization_name(Normalization normalization) {
  switch (normalization) {
    case Normalization::kMinMax: return "min–max";
    case Normalization::kPercentile: return "percentile rank";
    case Normalization::kZScore: return "z-score clipped at ±3";
  }
  return "";
}

/// One factor over all customers: the values present, sorted, and their statistics.
class FactorColumn {
 public:
  FactorColumn(const ScoreFactor& factor, const CustomerFields& fields, std::size_t customers)
      : factor_(factor), field_(fields.resolve(factor.field)) {
    values_.resize(customers);
    for (std::size_t i = 0; i < customers; ++i) {
      values_[i] = fields.number(field_, i);
      if (values_[i]) sorted_.push_back(*values_[i]);
    }
    std::sort(sorted_.begin(), sorted_.end());
    if (sorted_.empty()) return;
    double sum = 0;
    for (const double value : sorted_) sum += value;
    mean_ = sum / static_cast<double>(sorted_.size());
    double squares = 0;
    for (const double value : sorted_) squares += (value - mean_) * (value - mean_);
    sd_ = std::sqrt(squares / static_cast<double>(sorted_.size()));
  }

  const FieldRef& field() const { return field_; }
  std::size_t missing() const { return values_.size() - sorted_.size(); }
  const std::optional<double>& value(std::size_t customer) const { return values_[customer]; }

  /// 0..1, 1 the best, before weighting.
  double normalized(std::size_t customer) const {
    if (!values_[customer]) return 0;
    const double x = raw_normalized(*values_[customer]);
    return factor_.higher_is_better ? x : 1 - x;
  }

 private:
  double raw_normalized(double value) const {
    const std::size_t n = sorted_.size();
    switch (factor_.normalize) {
      case Normalization::kMinMax: {
        const double low = sorted_.front(), high = sorted_.back();
        return high == low ? 0.5 : (value - low) / (high - low);
      }
      case Normalization::kPercentile: {
        // Share of the other customers below, ties counted half: the mid-rank percentile.
        if (n == 1) return 0.5;
        const auto below = std::lower_bound(sorted_.begin(), sorted_.end(), value) - sorted_.begin();
        const auto equal = std::upper_bound(sorted_.begin(), sorted_.end(), value) - sorted_.begin() - below;
        return (static_cast<double>(below) + 0.5 * static_cast<double>(equal - 1)) / static_cast<double>(n - 1);
      }
      case Normalization::kZScore: {
        if (sd_ == 0) return 0.5;
        const double z = std::clamp((value - mean_) / sd_, -3.0, 3.0);
        return (z + 3) / 6;
      }
    }
    return 0;
  }

  const ScoreFactor& factor_;
  FieldRef field_;
  std::vector<std::optional<double>> values_;
  std::vector<double> sorted_;
  double mean_ = 0, sd_ = 0;
};

double total_weight(const ScoreSpec& spec) {
  double total = 0;
  for (const ScoreFactor& factor : spec.factors) total += factor.weight;
  return total;
}

std::string formula(const ScoreSpec& spec) {
  const double total = total_weight(spec);
  std::string text;
  for (const ScoreFactor& factor : spec.factors) {
    text += (text.empty() ? "" : " + ") + format_number(std::round(factor.weight / total * 1000) / 10) +
            " % " + factor.field + " (" + normalization_name(factor.normalize) +
            (factor.higher_is_better ? "" : ", lower is better") + ")";
  }
  return "score = " + text;
}

std::vector<FactorColumn> factor_columns(const ScoreSpec& spec, const CustomerFields& fields, std::size_t n) {
  std::vector<FactorColumn> columns;
  columns.reserve(spec.factors.size());
  for (const ScoreFactor& factor : spec.factors) columns.emplace_back(factor, fields, n);
  return columns;
}

}  // namespace

void classify_score(const ScoreSpec& spec, const CustomerFields& fields, const Classification& result,
                    DimensionResult& out) {
  const std::size_t n = result.customer_count();
  const std::vector<FactorColumn> columns = factor_columns(spec, fields, n);
  for (const Band& grade : spec.grades) label_index(out.labels, grade.label);
  const double weights = total_weight(spec);
  out.value.resize(n);
  out.label_of.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    double sum = 0;
    for (std::size_t f = 0; f < columns.size(); ++f) sum += spec.factors[f].weight * columns[f].normalized(i);
    const double score = std::round(sum / weights * 100 * 100) / 100;
    out.value[i] = score;
    out.label_of[i] = label_index(out.labels, spec.grades[band_of(spec.grades, score)].label);
  }
  out.description = formula(spec) + ", 0–100; grades " + bands_text(spec.grades);
  for (std::size_t f = 0; f < columns.size(); ++f) {
    warn_if_absent(columns[f].field(), "the factor counts 0 for every customer", out);
    if (columns[f].field().kind != FieldRef::Kind::kAbsent && columns[f].missing() > 0) {
      out.warnings.push_back(std::to_string(columns[f].missing()) + " customers have no number in \"" +
                             spec.factors[f].field + "\"; that factor counts 0 for them");
    }
  }
}

LabelExplanation explain_score(const ScoreSpec& spec, const CustomerFields& fields,
                               const Classification& result, const DimensionResult& dimension,
                               std::size_t customer) {
  const std::vector<FactorColumn> columns = factor_columns(spec, fields, result.customer_count());
  const double weights = total_weight(spec);
  std::string parts;
  for (std::size_t f = 0; f < columns.size(); ++f) {
    const auto& value = columns[f].value(customer);
    parts += (parts.empty() ? "" : "; ") + spec.factors[f].field + " " +
             (value ? format_number(*value) : std::string("(none)")) + " → " +
             format_number(std::round(columns[f].normalized(customer) * 1000) / 1000) + " × " +
             format_number(std::round(spec.factors[f].weight / weights * 1000) / 10) + " %";
  }
  LabelExplanation explanation;
  explanation.rule = formula(spec) + "; grades " + bands_text(spec.grades);
  explanation.text = parts + "; score " + format_number(dimension.value[customer]) + " → " +
                     dimension.labels[dimension.label_of[customer]] + ".";
  return explanation;
}

}  // namespace tierlens
