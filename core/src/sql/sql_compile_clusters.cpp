// A `clusters` dimension applied in SQL: k-means finds its centres by restarts from random
// seeds, which SQL cannot repeat, so a run of the core fits them (sql_fits.h) and the SQL puts
// each customer in the cluster of the nearest centre, after the same transform (sign-keeping
// log1p) and standardisation (the fitted means and standard deviations) as
// cluster_features.cpp. The core's final assignment is that same nearest centre: its last
// Lloyd step assigns every customer to the centres it reports (kmeans.cpp: run_lloyd).
#include "sql_compiler.h"
#include "tierlens/text.h"

namespace tierlens::sql {

Status Compiler::compile_clusters(const Dimension& dimension, const ClusterSpec& spec) {
  const ClusterFit* fit = fits_ ? fits_->cluster_fit(dimension.id) : nullptr;
  if (!fit || fit->features != spec.features || fit->log_transform != spec.log_transform) {
    return Status::error(ErrorCode::kInvalidOptions,
                         "dimension \"" + dimension.id + "\" clusters customers with k-means, whose centres are fitted "
                         "on data: give the orders file with --fit FILE, and the SQL applies the centres found there");
  }
  const Expr id = identifier(dimension.id);
  const std::string step = dimension_step(dimension.id);
  const std::string title = "Dimension \"" + dimension.id + "\" (clusters" + (dimension.name.empty() ? "" : ", " + dimension.name) + ")";
  if (!fit->clustered) {
    extend_chain(step, {title + ": the fit found no clusters (too few customers), so every customer is " +
                            fit->missing_label + "."},
                 string_literal(fit->missing_label) + " AS " + id);
    return Status();
  }

  const std::size_t d = fit->features.size();
  std::vector<Expr> values;
  Expr missing;
  for (std::size_t f = 0; f < d; ++f) {
    const SqlField field = resolve(fit->features[f]);
    const Expr value = field.number.empty() ? as_double(Expr("NULL")) : as_double(field.number);
    values.push_back(value);
    missing += Expr(f ? " OR " : "") + value + " IS NULL";
  }
  // Standardised features, "<id>:z1" …, in a first step; the distance to each centre in a second.
  Expr standardised;
  std::vector<std::string> comment = {title + ": fitted on " + std::to_string(fit->fitted_on) + " customers of the fit's data;",
                                      "applied here: each feature " + std::string(fit->log_transform ? "log1p-transformed (sign kept), " : "") +
                                          "then standardised with the fitted mean and deviation:"};
  for (std::size_t f = 0; f < d; ++f) {
    const Expr& v = values[f];
    const Expr transformed = fit->log_transform
                                 ? Expr("CASE WHEN ") + v + " < 0 THEN -LN(1 - " + v + ") ELSE LN(1 + " + v + ") END"
                                 : v;
    const double deviation = fit->deviations[f];
    const Expr z = deviation == 0 ? Expr("0")  // a constant feature: every customer at 0, as the core
                                  : Expr("(") + transformed + " - " + number(fit->means[f]) + ") / " + number(deviation);
    standardised += Expr(f ? ",\n  " : "") + "CASE WHEN " + missing + " THEN NULL ELSE " + as_double(z) + " END AS " +
                    identifier(dimension.id + ":z" + std::to_string(f + 1));
    comment.push_back("  " + fit->features[f] + ": mean " + format_number(fit->means[f], 6) + ", deviation " +
                      format_number(deviation, 6));
  }
  extend_chain(step + "_features", comment, standardised);

  Expr distances;
  for (std::size_t k = 0; k < fit->centres.size(); ++k) {
    Expr sum;
    for (std::size_t f = 0; f < d; ++f) {
      const Expr z = Expr("c.") + identifier(dimension.id + ":z" + std::to_string(f + 1));
      const Expr centre = number(fit->centres[k][f]);
      sum += Expr(f ? " + " : "") + "(" + z + " - " + centre + ") * (" + z + " - " + centre + ")";
    }
    distances += Expr(k ? ",\n  " : "") + sum + " AS " + identifier(dimension.id + ":distance" + std::to_string(k + 1));
  }
  std::vector<std::string> centres_comment = {title + ": the squared distance to each fitted centre (in standard deviations):"};
  for (std::size_t k = 0; k < fit->centres.size(); ++k) {
    std::string centre;
    for (std::size_t f = 0; f < d; ++f) centre += (f ? ", " : "") + format_number(fit->centres[k][f], 6);
    centres_comment.push_back("  " + fit->labels[k] + ": (" + centre + ")");
  }
  extend_chain(step + "_distances", centres_comment, distances);

  // The nearest centre, the lowest number on ties, as kmeans.cpp assigns.
  const auto distance = [&](std::size_t k) { return Expr("c.") + identifier(dimension.id + ":distance" + std::to_string(k + 1)); };
  Expr label = Expr("CASE WHEN ") + distance(0) + " IS NULL THEN " + string_literal(fit->missing_label);
  for (std::size_t k = 0; k + 1 < fit->centres.size(); ++k) {
    std::vector<Expr> nearest;
    for (std::size_t other = k + 1; other < fit->centres.size(); ++other) {
      nearest.push_back(distance(k) + " <= " + distance(other));
    }
    label += Expr("\n    WHEN ") + join(nearest, " AND ") + " THEN " + string_literal(fit->labels[k]);
  }
  label += Expr("\n    ELSE ") + string_literal(fit->labels.back()) + " END";
  extend_chain(step, {title + ": the cluster of the nearest centre; a customer without every feature is " +
                          fit->missing_label + "."},
               label + " AS " + id);
  return Status();
}

}  // namespace tierlens::sql
