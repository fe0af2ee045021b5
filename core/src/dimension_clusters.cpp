// Groups no rule names: k-means on the customers' standardised features (cluster_features.h),
// k given or chosen by silhouette, each cluster labelled by what sets its centre apart
// ("2 · recent, frequent, high spend"). With many customers the work runs on a fixed-seed
// sample and the centres found are then refined on everyone, so a million customers cluster
// in about the time fifty thousand would.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "dimension_types.h"
#include "tierlens/cluster_features.h"
#include "tierlens/seeded_random.h"

namespace tierlens {
namespace {

/// Centres are fitted on at most this many customers, then refined on all of them.
constexpr std::size_t kFitSample = 50'000;
/// k is chosen on at most this many, each k scored by silhouette on at most kSilhouetteSample
/// (the silhouette compares every pair of points: its cost grows with the square).
constexpr std::size_t kChooseSample = 10'000;
constexpr std::size_t kSilhouetteSample = 3'000;
/// A centre this many standard deviations from the mean is "high" or "low" in its label, and
/// "very high" or "very low" from kVeryNotable.
constexpr double kNotable = 0.5;
constexpr double kVeryNotable = 1.5;

/// Rows `count` of `points` drawn without replacement with `seed`, in their original order.
std::vector<double> sample_rows(const std::vector<double>& points, std::size_t dimensions, std::size_t count,
                                std::uint64_t seed) {
  const std::size_t n = points.size() / dimensions;
  if (count >= n) return points;
  std::vector<std::size_t> index(n);
  std::iota(index.begin(), index.end(), std::size_t{0});
  SeededRandom random(seed);
  for (std::size_t i = 0; i < count; ++i) std::swap(index[i], index[i + random.uniform_below(n - i)]);
  index.resize(count);
  std::sort(index.begin(), index.end());
  std::vector<double> sample;
  sample.reserve(count * dimensions);
  for (const std::size_t row : index) {
    sample.insert(sample.end(), points.begin() + static_cast<std::ptrdiff_t>(row * dimensions),
                  points.begin() + static_cast<std::ptrdiff_t>((row + 1) * dimensions));
  }
  return sample;
}

/// How a centre that stands out reads for a feature: high, low, and very high or very low.
struct Words {
  const char* high;
  const char* low;
  const char* very_high;
  const char* very_low;
};

/// Recency counts days since the last purchase, so its "high" is the bad end. A feature
/// without words of its own reads "high <feature>".
Words feature_words(const std::string& feature, DescriptionLanguage language) {
  const bool zh = language == DescriptionLanguage::kChinese;
  if (feature == "recency") {
    return zh ? Words{"久未购买", "近期购买", "长期未购买", "刚刚购买"}
              : Words{"lapsed", "recent", "long lapsed", "very recent"};
  }
  if (feature == "frequency") {
    return zh ? Words{"高频", "低频", "极高频", "极低频"}
              : Words{"frequent", "infrequent", "very frequent", "very infrequent"};
  }
  if (feature == "monetary") {
    return zh ? Words{"高消费", "低消费", "极高消费", "极低消费"}
              : Words{"high spend", "low spend", "very high spend", "very low spend"};
  }
  if (feature == "clv") {
    return zh ? Words{"高CLV", "低CLV", "极高CLV", "极低CLV"}
              : Words{"high CLV", "low CLV", "very high CLV", "very low CLV"};
  }
  if (feature == "tenure") {
    return zh ? Words{"老客户", "新客户", "多年老客户", "全新客户"}
              : Words{"long-standing", "new", "very long-standing", "very new"};
  }
  return zh ? Words{"高", "低", "极高", "极低"} : Words{"high ", "low ", "very high ", "very low "};
}

std::string describe(const ClusterSpec& spec, const std::vector<double>& centre, std::size_t number) {
  const bool zh = spec.words == DescriptionLanguage::kChinese;
  std::string words;
  for (std::size_t f = 0; f < spec.features.size(); ++f) {
    const double z = centre[f];
    if (std::fabs(z) < kNotable) continue;
    const Words pair = feature_words(spec.features[f], spec.words);
    const bool very = std::fabs(z) >= kVeryNotable;
    std::string word = z > 0 ? (very ? pair.very_high : pair.high) : (very ? pair.very_low : pair.low);
    const char last = word.back();
    if (last == ' ' || word == "高" || word == "低" || word == "极高" || word == "极低") word += spec.features[f];
    words += (words.empty() ? "" : zh ? "、" : ", ") + word;
  }
  if (words.empty()) words = zh ? "中等" : "average";
  return std::to_string(number) + " · " + words;
}

std::string features_text(const ClusterSpec& spec) {
  std::string text;
  for (const std::string& feature : spec.features) text += (text.empty() ? "" : ", ") + feature;
  return text;
}

}  // namespace

void classify_clusters(const ClusterSpec& spec, const Classification& result, DimensionResult& out) {
  const ClusterFeatures features = cluster_features(result, spec);
  const std::size_t n = result.customer_count();
  const std::size_t d = features.dimensions;
  ClusterSummary summary;
  summary.features = spec.features;
  summary.clustered = features.customers.size();
  summary.k_chosen = !spec.k;
  for (const std::string& name : features.absent) {
    out.warnings.push_back("the file has no column for \"" + name + "\": no customer can be clustered");
  }

  const std::size_t clustered = features.customers.size();
  const int smallest_k = spec.k ? *spec.k : spec.k_min;
  KMeansOptions options;
  options.seed = spec.seed;
  options.restarts = spec.restarts;
  KMeansResult clustering;
  Status status;
  if (clustered <= static_cast<std::size_t>(smallest_k)) {
    status = Status::error(ErrorCode::kInvalidOptions, std::to_string(clustered) + " customers have every feature; "
                           "clustering into " + std::to_string(smallest_k) + " needs more");
  } else {
    options.k = spec.k.value_or(0);
    if (!spec.k) {
      const std::vector<double> sample = sample_rows(features.points, d, kChooseSample, spec.seed);
      const int k_max = std::min<int>(spec.k_max, static_cast<int>(sample.size() / d) - 1);
      ChooseKResult choice;
      status = choose_k_by_silhouette(sample, d, spec.k_min, std::max(spec.k_min, k_max), options,
                                      kSilhouetteSample, choice);
      if (status.ok()) {
        summary.choices = choice.choices;
        options.k = choice.best_k;
      }
    }
    if (status.ok()) {
      if (clustered <= kFitSample) {
        status = kmeans(features.points, d, options, clustering);
        summary.fitted_on = clustered;
      } else {
        KMeansResult on_sample;
        status = kmeans(sample_rows(features.points, d, kFitSample, spec.seed), d, options, on_sample);
        if (status.ok()) status = kmeans_from_centres(features.points, d, on_sample.centres, options, clustering);
        summary.fitted_on = kFitSample;
      }
    }
  }

  out.label_of.assign(n, 0);
  out.value.assign(n, 0);
  if (!status.ok()) {
    out.labels = {spec.missing_label};
    out.warnings.push_back("no clusters: " + status.message());
    out.description = "k-means on " + features_text(spec) + ": not computed";
    out.clusters = summary;
    return;
  }

  summary.inertia = clustering.inertia;
  summary.silhouette = silhouette_score(features.points, d, clustering.assignment, clustering.k(),
                                        kSilhouetteSample, spec.seed);
  for (int k = 0; k < clustering.k(); ++k) {
    ClusterSummary::Cluster cluster;
    cluster.size = clustering.sizes[k];
    cluster.centre.assign(clustering.centres.begin() + k * d, clustering.centres.begin() + (k + 1) * d);
    cluster.mean.assign(d, 0);
    summary.clusters.push_back(cluster);
    out.labels.push_back(describe(spec, cluster.centre, static_cast<std::size_t>(k) + 1));
  }
  for (std::size_t p = 0; p < clustered; ++p) {
    const int k = clustering.assignment[p];
    const std::uint32_t customer = features.customers[p];
    out.label_of[customer] = static_cast<std::uint32_t>(k);
    double squared = 0;
    for (std::size_t f = 0; f < d; ++f) {
      const double gap = features.points[p * d + f] - clustering.centres[k * d + f];
      squared += gap * gap;
      summary.clusters[k].mean[f] += features.raw[p * d + f];
    }
    out.value[customer] = std::sqrt(squared);  // distance to the centre: how typical the customer is
  }
  for (ClusterSummary::Cluster& cluster : summary.clusters) {
    for (double& mean : cluster.mean) mean /= static_cast<double>(cluster.size);
  }
  if (clustered < n) {
    const auto missing = label_index(out.labels, spec.missing_label);
    std::vector<bool> has(n, false);
    for (const std::uint32_t customer : features.customers) has[customer] = true;
    for (std::size_t c = 0; c < n; ++c) {
      if (!has[c]) out.label_of[c] = missing;
    }
  }

  out.references.emplace_back("k", clustering.k());
  out.references.emplace_back("silhouette", std::round(summary.silhouette * 1000) / 1000);
  out.description = "k-means (k-means++ seeding, seed " + std::to_string(spec.seed) + ", best of " +
                    std::to_string(spec.restarts) + " restarts) on " + features_text(spec) +
                    (spec.log_transform ? ", each log1p-transformed" : "") + " and standardised; k = " +
                    std::to_string(clustering.k()) +
                    (spec.k ? " as given" : ", the best silhouette among " + std::to_string(spec.k_min) + "–" +
                                                std::to_string(spec.k_max)) +
                    "; a cluster is named by the features whose centre is at least " + format_number(kNotable) +
                    " standard deviations from the mean (\"very\" from " + format_number(kVeryNotable) + ")" +
                    (clustered < n ? "; customers lacking a feature are " + spec.missing_label : "");
  out.clusters = std::move(summary);
}

LabelExplanation explain_clusters(const ClusterSpec& spec, const Classification& result,
                                  const DimensionResult& dimension, std::size_t customer) {
  LabelExplanation explanation;
  explanation.rule = "the nearest of the cluster centres on " + features_text(spec);
  const std::string& label = dimension.labels[dimension.label_of[customer]];
  const ClusterSummary& summary = *dimension.clusters;
  if (dimension.label_of[customer] >= summary.clusters.size()) {
    explanation.text = "no value for every feature (" + features_text(spec) + ") → " + label + ".";
    return explanation;
  }
  const CustomerFields fields(result);
  std::string values;
  for (std::size_t f = 0; f < spec.features.size(); ++f) {
    const auto value = fields.number(fields.resolve(spec.features[f]), customer);
    const double mean = summary.clusters[dimension.label_of[customer]].mean[f];
    values += (values.empty() ? "" : ", ") + spec.features[f] + " " +
              format_number(value ? std::round(*value * 100) / 100 : 0) + " (cluster mean " +
              format_number(std::round(mean * 100) / 100) + ")";
  }
  explanation.text = values + "; " + format_number(std::round(dimension.value[customer] * 100) / 100) +
                     " standard deviations from the centre → " + label + ".";
  return explanation;
}

}  // namespace tierlens
