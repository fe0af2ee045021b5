// Value pyramid / ABC: customers ranked by monetary, cut by share of customers (top 5 %,
// next 15 %, rest) or by cumulative share of revenue (the customers making the first 70 %,
// the next 20 %, the rest). Customers with equal monetary always share a class: a class is
// decided by what ranks strictly above a customer, which is the same for all of a tie.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "dimension_types.h"
#include "wide_int.h"

namespace tierlens {
namespace {

/// Percentages as parts per million, so that cuts compare exactly in integers.
std::vector<WideInt> cumulative_ppm(const std::vector<double>& cuts) {
  std::vector<WideInt> cumulative;
  WideInt total = 0;
  for (const double cut : cuts) {
    total += std::llround(cut * 10'000);
    cumulative.push_back(total);
  }
  return cumulative;
}

/// The first class whose cumulative cut lies above `above` out of `whole`.
std::uint32_t class_for(WideInt above, WideInt whole, const std::vector<WideInt>& cumulative) {
  for (std::size_t k = 0; k < cumulative.size(); ++k) {
    if (above * 1'000'000 < cumulative[k] * whole) return static_cast<std::uint32_t>(k);
  }
  return static_cast<std::uint32_t>(cumulative.size());
}

std::string percent(double share) {
  return format_number(std::round(share * 1000) / 10) + " %";
}

std::string cuts_text(const AbcSpec& spec) { return share_cuts_text(spec.cuts, spec.labels); }

}  // namespace

std::string share_cuts_text(const std::vector<double>& cuts, const std::vector<std::string>& labels) {
  std::string text;
  for (std::size_t k = 0; k < labels.size(); ++k) {
    text += (text.empty() ? "" : ", ") + labels[k] + " ";
    if (k < cuts.size()) {
      text += (k == 0 ? "top " : "next ") + format_number(cuts[k]) + " %";
    } else {
      text += "the rest";
    }
  }
  return text;
}

void classify_abc(const AbcSpec& spec, const Classification& result, DimensionResult& out) {
  const CustomerTable& customers = result.ingest.customers;
  const std::size_t n = customers.size();
  out.labels = spec.labels;
  out.label_of.assign(n, static_cast<std::uint32_t>(spec.cuts.size()));
  out.value.assign(n, 0);

  std::vector<std::uint32_t> ranked(n);
  std::iota(ranked.begin(), ranked.end(), 0u);
  std::stable_sort(ranked.begin(), ranked.end(), [&](std::uint32_t a, std::uint32_t b) {
    return customers.monetary[a] > customers.monetary[b];
  });
  WideInt positive_revenue = 0;
  for (std::size_t i = 0; i < n; ++i) positive_revenue += std::max<Micros>(customers.monetary[i], 0);

  const std::vector<WideInt> cumulative = cumulative_ppm(spec.cuts);
  const bool by_customers = spec.by == AbcBasis::kCustomers;
  std::size_t above = 0;      // customers ranked strictly above the current tie group
  WideInt revenue_above = 0;  // their revenue
  for (std::size_t start = 0; start < n;) {
    std::size_t end = start;
    const Micros value = customers.monetary[ranked[start]];
    WideInt group_revenue = 0;
    while (end < n && customers.monetary[ranked[end]] == value) group_revenue += customers.monetary[ranked[end++]];
    std::uint32_t label = static_cast<std::uint32_t>(spec.cuts.size());
    double share_above = 0;
    if (by_customers) {
      label = class_for(static_cast<WideInt>(above), static_cast<WideInt>(n), cumulative);
      share_above = static_cast<double>(above) / static_cast<double>(n);
    } else if (value > 0 && positive_revenue > 0) {
      label = class_for(revenue_above, positive_revenue, cumulative);
      share_above = static_cast<double>(revenue_above) / static_cast<double>(positive_revenue);
    }
    for (std::size_t k = start; k < end; ++k) {
      out.label_of[ranked[k]] = label;
      out.value[ranked[k]] = share_above;
    }
    above = end;
    if (value > 0) revenue_above += group_revenue;
    start = end;
  }

  // The lowest monetary of each class: where the cuts fell in this data.
  for (std::size_t k = 0; k < spec.labels.size(); ++k) {
    std::optional<Micros> lowest;
    for (std::size_t i = 0; i < n; ++i) {
      if (out.label_of[i] == k && (!lowest || customers.monetary[i] < *lowest)) lowest = customers.monetary[i];
    }
    if (lowest) out.references.emplace_back("lowest monetary in " + spec.labels[k], micros_to_units(*lowest));
  }
  out.description = std::string("customers ranked by monetary, cut by ") +
                    (by_customers ? "share of customers" : "cumulative share of revenue") + ": " +
                    cuts_text(spec) + (by_customers ? "" : " of revenue (customers with no positive "
                                                          "revenue are in the last class)") +
                    "; customers with equal monetary share a class";
}

LabelExplanation explain_abc(const AbcSpec& spec, const Classification& result,
                             const DimensionResult& dimension, std::size_t customer) {
  const std::uint32_t label = dimension.label_of[customer];
  LabelExplanation explanation;
  explanation.rule = cuts_text(spec);
  const std::string monetary = "monetary " + format_micros(result.ingest.customers.monetary[customer]);
  double cut_start = 0;
  for (std::size_t k = 0; k < label && k < spec.cuts.size(); ++k) cut_start += spec.cuts[k];
  const std::string band = label < spec.cuts.size()
                               ? "from " + format_number(cut_start) + " % to " +
                                     format_number(cut_start + spec.cuts[label]) + " %"
                               : "at or past " + format_number(cut_start) + " %";
  if (spec.by == AbcBasis::kCustomers) {
    explanation.text = monetary + ": " + percent(dimension.value[customer]) +
                       " of customers rank above, " + band + " → " + spec.labels[label] + ".";
  } else if (result.ingest.customers.monetary[customer] <= 0) {
    explanation.text = monetary + ": no positive revenue → " + spec.labels[label] + ".";
  } else {
    explanation.text = monetary + ": customers ranked above hold " + percent(dimension.value[customer]) +
                       " of revenue, " + band + " → " + spec.labels[label] + ".";
  }
  return explanation;
}

}  // namespace tierlens
