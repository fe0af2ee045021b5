#include "model_json.h"

#include <algorithm>
#include <cmath>

#include "tierlens/civil_date.h"
#include "tierlens/segments.h"
#include "tierlens/text.h"

namespace tierlens {
namespace {

using nlohmann::ordered_json;

double rounded(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(value * scale) / scale;
}

ordered_json number_or_null(double value, int decimals) {
  return std::isnan(value) ? ordered_json() : ordered_json(rounded(value, decimals));
}

ordered_json purchase_model_json(const BgNbdFit& fit, PurchasePeriod period) {
  return {{"model", "BG/NBD (Fader, Hardie & Lee 2005)"},
          {"time_unit", purchase_period_key(period)},
          {"r", fit.params.r},
          {"alpha", fit.params.alpha},
          {"a", fit.params.a},
          {"b", fit.params.b},
          {"log_likelihood", fit.log_likelihood},
          {"iterations", fit.iterations},
          {"converged", fit.converged}};
}

ordered_json spend_model_json(const GammaGammaFit& fit) {
  const GammaGammaParams& p = fit.params;
  return {{"model", "Gamma-Gamma (Fader & Hardie 2013)"},
          {"p", p.p},
          {"q", p.q},
          {"gamma", p.gamma},
          {"population_mean_spend", p.q > 1 ? ordered_json(p.p * p.gamma / (p.q - 1)) : ordered_json()},
          {"log_likelihood", fit.log_likelihood},
          {"iterations", fit.iterations},
          {"converged", fit.converged}};
}

ordered_json holdout_json(const HoldoutCheck& check) {
  ordered_json groups = ordered_json::array();
  for (const HoldoutCheck::Group& group : check.by_frequency) {
    groups.push_back({{"frequency", group.frequency},
                      {"and_more", group.and_more},
                      {"customers", group.customers},
                      {"actual_mean", rounded(group.actual_mean, 4)},
                      {"predicted_mean", rounded(group.predicted_mean, 4)}});
  }
  return {{"calibration_end", format_iso_date(check.calibration_end)},
          {"holdout_end", format_iso_date(check.holdout_end)},
          {"holdout_periods", check.holdout_periods},
          {"fitted", check.fitted},
          {"problem", check.problem.empty() ? ordered_json() : ordered_json(check.problem)},
          {"purchase_model", check.fitted ? ordered_json({{"r", check.purchases.params.r},
                                                          {"alpha", check.purchases.params.alpha},
                                                          {"a", check.purchases.params.a},
                                                          {"b", check.purchases.params.b}})
                                          : ordered_json()},
          {"customers", check.customers},
          {"actual", rounded(check.actual, 4)},
          {"predicted", rounded(check.predicted, 4)},
          {"by_frequency", groups}};
}

/// Type-7 quantile of sorted values.
double quantile(const std::vector<double>& sorted, double q) {
  const double position = q * static_cast<double>(sorted.size() - 1);
  const auto below = static_cast<std::size_t>(position);
  const double fraction = position - static_cast<double>(below);
  return below + 1 < sorted.size() ? sorted[below] + fraction * (sorted[below + 1] - sorted[below]) : sorted[below];
}

/// CLV per group (tier or segment): how many have one, the total, and its spread.
ordered_json distribution_json(const std::vector<double>& clv, const std::vector<std::uint32_t>& group_of,
                               const std::vector<std::string>& names, const char* key) {
  std::vector<std::vector<double>> values(names.size());
  for (std::size_t c = 0; c < clv.size(); ++c) {
    if (!std::isnan(clv[c])) values[group_of[c]].push_back(clv[c]);
  }
  ordered_json groups = ordered_json::array();
  for (std::size_t g = 0; g < names.size(); ++g) {
    std::vector<double>& v = values[g];
    std::sort(v.begin(), v.end());
    double total = 0;
    for (const double value : v) total += value;
    ordered_json item = {{key, names[g]}, {"customers", v.size()}, {"total", rounded(total, 2)}};
    if (!v.empty()) {
      item["mean"] = rounded(total / static_cast<double>(v.size()), 2);
      item["min"] = rounded(v.front(), 2);
      item["q1"] = rounded(quantile(v, 0.25), 2);
      item["median"] = rounded(quantile(v, 0.5), 2);
      item["q3"] = rounded(quantile(v, 0.75), 2);
      item["max"] = rounded(v.back(), 2);
    }
    groups.push_back(item);
  }
  return groups;
}

}  // namespace

std::string clv_figure_text(double value, int decimals) {
  return std::isnan(value) ? std::string() : format_number(rounded(value, decimals), decimals);
}

ordered_json clv_json(const Classification& result) {
  if (!result.clv) return ordered_json();
  const ClvResult& clv = *result.clv;
  const ClvSettings& settings = clv.settings;
  const std::string unit = purchase_period_key(settings.period);

  double total = 0;
  std::size_t valued = 0;
  for (const double value : clv.clv) {
    if (std::isnan(value)) continue;
    total += value;
    ++valued;
  }
  std::vector<std::string> segment_names;
  for (int s = 0; s < kSegmentCount; ++s) segment_names.emplace_back(segment_name(static_cast<Segment>(s)));
  std::vector<std::uint32_t> segment_of;
  for (const Segment segment : result.segment) segment_of.push_back(static_cast<std::uint32_t>(segment));
  std::vector<std::string> tier_names;
  for (const Tier& tier : result.options.tiers) tier_names.push_back(tier.name);

  return {
      {"basis", clv.basis},
      {"calibration_end", format_iso_date(clv.calibration_end)},
      {"period", unit},
      {"horizon_months", settings.horizon_months},
      {"discount_rate", settings.monthly_discount_rate},
      {"margin", settings.margin},
      {"penalizer", settings.penalizer},
      {"terms",
       {{"frequency", "purchase " + unit + "s after the first one (several purchases in one " + unit + " count once)"},
        {"recency", unit + "s from the first purchase to the last (not the days since the last purchase, as in RFM)"},
        {"T", unit + "s from the first purchase to " + format_iso_date(clv.calibration_end)},
        {"monetary", "mean spend per repeat " + unit + "; the first " + unit + " is left out"},
        {"clv", "margin × expected spend × purchases expected in each month of the horizon, discounted by (1 + " +
                    format_number(settings.monthly_discount_rate) + ")^month"},
        {"historical_clv", "the customer's past value per month (at least one month) × margin, carried over the "
                           "horizon with the same discount"}}},
      {"customers_with_purchases", clv.customers_with_purchases},
      {"repeat_customers", clv.repeat_customers},
      {"spend_excluded", clv.spend_excluded},
      {"fitted_on", clv.fitted_on},
      {"spend_fitted_on", clv.spend_fitted_on},
      {"purchase_model", clv.purchases ? purchase_model_json(*clv.purchases, settings.period) : ordered_json()},
      {"spend_model", clv.spend ? spend_model_json(*clv.spend) : ordered_json()},
      {"frequency_spend_correlation",
       clv.frequency_spend_correlation ? ordered_json(rounded(*clv.frequency_spend_correlation, 6)) : ordered_json()},
      {"customers_valued", valued},
      {"total_clv", rounded(total, 2)},
      {"by_tier", result.tier_of.empty() ? ordered_json::array()
                                         : distribution_json(clv.clv, result.tier_of, tier_names, "tier")},
      {"by_segment", distribution_json(clv.clv, segment_of, segment_names, "segment")},
      {"holdout", clv.holdout ? holdout_json(*clv.holdout) : ordered_json()},
      {"warnings", clv.warnings},
  };
}

ordered_json cluster_summary_json(const ClusterSummary& summary, const std::vector<std::string>& labels) {
  ordered_json choices = ordered_json::array();
  for (const KChoice& choice : summary.choices) {
    choices.push_back({{"k", choice.k},
                       {"silhouette", number_or_null(choice.silhouette, 6)},
                       {"inertia", rounded(choice.inertia, 6)}});
  }
  ordered_json clusters = ordered_json::array();
  for (std::size_t k = 0; k < summary.clusters.size(); ++k) {
    const ClusterSummary::Cluster& cluster = summary.clusters[k];
    ordered_json mean = ordered_json::object(), centre = ordered_json::object();
    for (std::size_t f = 0; f < summary.features.size(); ++f) {
      mean[summary.features[f]] = rounded(cluster.mean[f], 4);
      centre[summary.features[f]] = rounded(cluster.centre[f], 4);
    }
    clusters.push_back({{"label", labels[k]}, {"customers", cluster.size}, {"mean", mean}, {"centre", centre}});
  }
  return {{"features", summary.features},
          {"clustered", summary.clustered},
          {"fitted_on", summary.fitted_on},
          {"k", summary.clusters.size()},
          {"k_chosen", summary.k_chosen},
          {"choices", choices},
          {"silhouette", number_or_null(summary.silhouette, 6)},
          {"inertia", rounded(summary.inertia, 6)},
          {"clusters", clusters}};
}

}  // namespace tierlens
