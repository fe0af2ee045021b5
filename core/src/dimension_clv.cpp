// Value classes by predicted customer lifetime value: customers ranked by CLV (clv.h), cut by
// share of customers (top 20 %, next 30 %, the rest). As in `abc`, customers with equal CLV
// share a class: a class is decided by how many customers rank strictly above. Customers
// without a CLV (no purchase) take the missing label.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "dimension_types.h"

namespace tierlens {
namespace {

std::string cuts_text(const ClvSpec& spec) { return share_cuts_text(spec.cuts, spec.labels); }

std::string money(double value) { return format_number(std::round(value * 100) / 100); }

bool has_clv(const Classification& result, std::size_t customer) {
  return result.clv && !std::isnan(result.clv->clv[customer]);
}

}  // namespace

void classify_clv(const ClvSpec& spec, const Classification& result, DimensionResult& out) {
  const std::size_t n = result.customer_count();
  const auto missing = static_cast<std::uint32_t>(spec.labels.size());
  out.labels = spec.labels;
  out.label_of.assign(n, missing);
  out.value.assign(n, 0);

  std::vector<std::uint32_t> ranked;
  for (std::size_t i = 0; i < n; ++i) {
    if (has_clv(result, i)) ranked.push_back(static_cast<std::uint32_t>(i));
  }
  if (ranked.size() < n) out.labels.push_back(spec.missing_label);
  if (!result.clv) {
    out.warnings.push_back("no purchases, so no CLV: every customer is " + spec.missing_label);
    out.description = "customers ranked by CLV: " + cuts_text(spec);
    return;
  }
  const std::vector<double>& clv = result.clv->clv;
  std::stable_sort(ranked.begin(), ranked.end(), [&](std::uint32_t a, std::uint32_t b) { return clv[a] > clv[b]; });

  // Cumulative cuts in customers: a tie group goes to the class its first member's rank is in.
  std::vector<double> cumulative;
  double total = 0;
  for (const double cut : spec.cuts) cumulative.push_back(total += cut);
  const double whole = static_cast<double>(ranked.size());
  for (std::size_t start = 0; start < ranked.size();) {
    std::size_t end = start;
    while (end < ranked.size() && clv[ranked[end]] == clv[ranked[start]]) ++end;
    std::uint32_t label = static_cast<std::uint32_t>(spec.cuts.size());
    for (std::size_t k = 0; k < cumulative.size(); ++k) {
      // start / whole < cumulative / 100, without dividing.
      if (static_cast<double>(start) * 100 < cumulative[k] * whole) {
        label = static_cast<std::uint32_t>(k);
        break;
      }
    }
    for (std::size_t r = start; r < end; ++r) {
      out.label_of[ranked[r]] = label;
      out.value[ranked[r]] = clv[ranked[r]];
    }
    start = end;
  }

  for (std::size_t k = 0; k < spec.labels.size(); ++k) {
    std::optional<double> lowest;
    for (const std::uint32_t i : ranked) {
      if (out.label_of[i] == k && (!lowest || clv[i] < *lowest)) lowest = clv[i];
    }
    if (lowest) out.references.emplace_back("lowest CLV in " + spec.labels[k], std::round(*lowest * 100) / 100);
  }
  out.description = "customers ranked by " + std::string(result.clv->basis == "model" ? "predicted" : "historical") +
                    " CLV over " + std::to_string(result.clv->settings.horizon_months) + " months, cut by share of "
                    "customers: " + cuts_text(spec) + "; customers with equal CLV share a class; customers "
                    "without a purchase are " + spec.missing_label;
}

LabelExplanation explain_clv(const ClvSpec& spec, const Classification& result, const DimensionResult& dimension,
                             std::size_t customer) {
  LabelExplanation explanation;
  explanation.rule = cuts_text(spec);
  const std::string& label = dimension.labels[dimension.label_of[customer]];
  if (!has_clv(result, customer)) {
    explanation.text = "no purchase, so no CLV → " + label + ".";
    return explanation;
  }
  const ClvResult& clv = *result.clv;
  std::size_t above = 0, with_clv = 0;
  for (std::size_t i = 0; i < clv.clv.size(); ++i) {
    if (std::isnan(clv.clv[i])) continue;
    ++with_clv;
    above += clv.clv[i] > clv.clv[customer];
  }
  const double share = with_clv ? std::round(1000.0 * static_cast<double>(above) / static_cast<double>(with_clv)) / 10 : 0;
  std::string figures = "CLV " + money(clv.clv[customer]);
  if (clv.basis == "model") {
    figures += " (" + format_number(std::round(clv.expected_purchases[customer] * 100) / 100) +
               " purchases expected × " + money(clv.expected_spend[customer]) + " each, P(alive) " +
               format_number(std::round(clv.probability_alive[customer] * 1000) / 1000) + ")";
  } else {
    figures += " (historical: past monthly value carried over " + std::to_string(clv.settings.horizon_months) + " months)";
  }
  explanation.text = figures + ": " + format_number(share) + " % of customers rank above → " + label + ".";
  return explanation;
}

}  // namespace tierlens
