// The two RFM dimensions: the 11 named segments of the foundation, and the Chinese 8-class
// scheme (重要价值 … 一般挽留) that calls each of R, F and M high or low against a reference.
#include <algorithm>
#include <cmath>

#include "dimension_types.h"
#include "wide_int.h"
#include "tierlens/reports.h"

namespace tierlens {
namespace {

/// In the order the scheme is usually listed: 重要 before 一般, then 价值 发展 保持 挽留.
const char* const kClassNames[8] = {"重要价值客户", "重要发展客户", "重要保持客户", "重要挽留客户",
                                    "一般价值客户", "一般发展客户", "一般保持客户", "一般挽留客户"};

std::uint32_t class_index(bool recent, bool frequent, bool high_spend) {
  return (high_spend ? 0u : 4u) + (recent ? 0u : 2u) + (frequent ? 0u : 1u);
}

/// The three references of one run and how each customer compares with them. Comparisons of
/// a value with a mean are done exactly, as value × n against the sum, so a customer exactly
/// at the mean is always "high".
struct RfmReferences {
  double recency = 0, frequency = 0, monetary = 0;  ///< as shown (monetary in units)
  std::vector<bool> recent, frequent, high_spend;
  const char* basis = "";
};

RfmReferences references(const RfmClassesSpec& spec, const Classification& result) {
  const CustomerTable& customers = result.ingest.customers;
  const std::size_t n = customers.size();
  RfmReferences refs;
  refs.recent.resize(n);
  refs.frequent.resize(n);
  refs.high_spend.resize(n);
  if (n == 0) return refs;
  const auto count = static_cast<WideInt>(n);

  switch (spec.compare) {
    case RfmClassCompare::kScoreMean: {
      refs.basis = "scores against their means";
      WideInt r = 0, f = 0, m = 0;
      for (std::size_t i = 0; i < n; ++i) {
        r += result.r_score[i];
        f += result.f_score[i];
        m += result.m_score[i];
      }
      for (std::size_t i = 0; i < n; ++i) {
        refs.recent[i] = result.r_score[i] * count >= r;  // a high R score is 近
        refs.frequent[i] = result.f_score[i] * count >= f;
        refs.high_spend[i] = result.m_score[i] * count >= m;
      }
      refs.recency = static_cast<double>(r) / static_cast<double>(n);
      refs.frequency = static_cast<double>(f) / static_cast<double>(n);
      refs.monetary = static_cast<double>(m) / static_cast<double>(n);
      return refs;
    }
    case RfmClassCompare::kValueMean: {
      refs.basis = "values against their means";
      WideInt r = 0, f = 0, m = 0;
      for (std::size_t i = 0; i < n; ++i) {
        r += result.recency[i];
        f += customers.frequency[i];
        m += customers.monetary[i];
      }
      for (std::size_t i = 0; i < n; ++i) {
        refs.recent[i] = result.recency[i] * count <= r;  // fewer days than the mean is 近
        refs.frequent[i] = customers.frequency[i] * count >= f;
        refs.high_spend[i] = customers.monetary[i] * count >= m;
      }
      refs.recency = static_cast<double>(r) / static_cast<double>(n);
      refs.frequency = static_cast<double>(f) / static_cast<double>(n);
      refs.monetary = static_cast<double>(m) / static_cast<double>(n) / static_cast<double>(kMicrosPerUnit);
      return refs;
    }
    case RfmClassCompare::kValueMedian: {
      refs.basis = "values against their medians";
      std::vector<double> r(n), f(n), m(n);
      for (std::size_t i = 0; i < n; ++i) {
        r[i] = result.recency[i];
        f[i] = customers.frequency[i];
        m[i] = static_cast<double>(customers.monetary[i]);
      }
      std::sort(r.begin(), r.end());
      std::sort(f.begin(), f.end());
      std::sort(m.begin(), m.end());
      const double r_median = quantile_type7(r, 1, 2), f_median = quantile_type7(f, 1, 2),
                   m_median = quantile_type7(m, 1, 2);
      for (std::size_t i = 0; i < n; ++i) {
        refs.recent[i] = result.recency[i] <= r_median;
        refs.frequent[i] = customers.frequency[i] >= f_median;
        refs.high_spend[i] = static_cast<double>(customers.monetary[i]) >= m_median;
      }
      refs.recency = r_median;
      refs.frequency = f_median;
      refs.monetary = m_median / static_cast<double>(kMicrosPerUnit);
      return refs;
    }
    case RfmClassCompare::kFixed: {
      refs.basis = "values against fixed thresholds";
      refs.recency = *spec.recency_threshold;
      refs.frequency = *spec.frequency_threshold;
      refs.monetary = *spec.monetary_threshold;
      const Micros monetary_micros = std::llround(refs.monetary * static_cast<double>(kMicrosPerUnit));
      for (std::size_t i = 0; i < n; ++i) {
        refs.recent[i] = result.recency[i] <= refs.recency;
        refs.frequent[i] = customers.frequency[i] >= refs.frequency;
        refs.high_spend[i] = customers.monetary[i] >= monetary_micros;
      }
      return refs;
    }
  }
  return refs;
}

bool compares_scores(const RfmClassesSpec& spec) { return spec.compare == RfmClassCompare::kScoreMean; }

std::string reference_list(const RfmClassesSpec& spec, const DimensionResult& dimension) {
  const char* names[3] = {compares_scores(spec) ? "R score" : "recency",
                          compares_scores(spec) ? "F score" : "frequency",
                          compares_scores(spec) ? "M score" : "monetary"};
  std::string text;
  for (std::size_t k = 0; k < 3 && k < dimension.references.size(); ++k) {
    text += (text.empty() ? "" : ", ") + std::string(names[k]) + " " +
            format_number(std::round(dimension.references[k].second * 100) / 100);
  }
  return text;
}

}  // namespace

void classify_rfm_segments(const Classification& result, DimensionResult& out) {
  for (int s = 0; s < kSegmentCount; ++s) out.labels.push_back(segment_name(static_cast<Segment>(s)));
  out.label_of.reserve(result.segment.size());
  for (const Segment segment : result.segment) out.label_of.push_back(static_cast<std::uint32_t>(segment));
  out.description = "the 11 RFM segments: the cell of R score × FM score, FM = (F + M) / 2 "
                    "rounded half up, " + std::to_string(result.options.bins) + " bins";
}

LabelExplanation explain_rfm_segments(const Classification& result, std::size_t customer) {
  const std::string cell = segment_cell(result, customer);
  const char* segment = segment_name(result.segment[customer]);
  LabelExplanation explanation;
  explanation.rule = "cell R·FM → segment";
  explanation.text = "R " + std::to_string(result.r_score[customer]) + ", F " +
                     std::to_string(result.f_score[customer]) + ", M " +
                     std::to_string(result.m_score[customer]) + " → FM " +
                     std::to_string(result.fm_score[customer]) + "; cell R" + cell.substr(0, 1) +
                     "·FM" + cell.substr(1, 1) + " belongs to " + segment + ".";
  return explanation;
}

void classify_rfm_classes(const RfmClassesSpec& spec, const Classification& result, DimensionResult& out) {
  const RfmReferences refs = references(spec, result);
  for (const char* name : kClassNames) out.labels.push_back(name);
  const std::size_t n = result.customer_count();
  out.label_of.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    out.label_of[i] = class_index(refs.recent[i], refs.frequent[i], refs.high_spend[i]);
  }
  const bool scores = compares_scores(spec);
  out.references = {{scores ? "r_score" : "recency", refs.recency},
                    {scores ? "f_score" : "frequency", refs.frequency},
                    {scores ? "m_score" : "monetary", refs.monetary}};
  out.description = std::string("R, F and M ") + refs.basis + " (" + reference_list(spec, out) +
                    "): " + (scores ? "a score ≥ its reference is high, and a high R score is 近 (recent)"
                                    : "recency ≤ its reference is 近 (recent); frequency and monetary "
                                      "≥ theirs are 高") +
                    "; 重要 = high M, then 价值 (近, 高 F), 发展 (近, 低 F), 保持 (远, 高 F), 挽留 (远, 低 F)";
}

LabelExplanation explain_rfm_classes(const RfmClassesSpec& spec, const Classification& result,
                                     const DimensionResult& dimension, std::size_t customer) {
  const std::uint32_t label = dimension.label_of[customer];
  const bool high_spend = label < 4, recent = (label % 4) < 2, frequent = label % 2 == 0;
  const bool scores = compares_scores(spec);
  const auto reference = [&](std::size_t k) {
    return format_number(std::round(dimension.references[k].second * 100) / 100);
  };
  const CustomerTable& customers = result.ingest.customers;
  const std::string r = scores ? "R score " + std::to_string(result.r_score[customer])
                               : "recency " + std::to_string(result.recency[customer]) + " days";
  const std::string f = scores ? "F score " + std::to_string(result.f_score[customer])
                               : "frequency " + std::to_string(customers.frequency[customer]);
  const std::string m = scores ? "M score " + std::to_string(result.m_score[customer])
                               : "monetary " + format_micros(customers.monetary[customer]);
  LabelExplanation explanation;
  explanation.rule = "R 近/远, F 高/低, M 高/低 against " + std::string(scores ? "mean scores" : "references");
  const auto side = [&](bool high, bool lower_is_better) {
    return std::string(high ? (lower_is_better ? " ≤ " : " ≥ ") : (lower_is_better ? " > " : " < "));
  };
  explanation.text = r + side(recent, !scores) + reference(0) + " → " + (recent ? "近" : "远") +
                     "; " + f + side(frequent, false) + reference(1) + " → " + (frequent ? "高" : "低") +
                     "; " + m + side(high_spend, false) + reference(2) + " → " + (high_spend ? "高" : "低") +
                     ": " + kClassNames[label] + ".";
  return explanation;
}

}  // namespace tierlens
