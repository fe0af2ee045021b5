#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>

#include "squared_distance.h"
#include "tierlens/kmeans.h"
#include "tierlens/seeded_random.h"

namespace tierlens {
namespace {

constexpr double kUndefined = std::numeric_limits<double>::quiet_NaN();

/// The points a silhouette is computed on, ascending: all of them, or `sample_size` drawn
/// without replacement by a partial Fisher–Yates shuffle.
std::vector<std::size_t> scored_points(std::size_t count, std::size_t sample_size,
                                       std::uint64_t seed) {
  std::vector<std::size_t> indices(count);
  std::iota(indices.begin(), indices.end(), std::size_t{0});
  if (sample_size == 0 || sample_size >= count) return indices;
  SeededRandom random(seed);
  for (std::size_t i = 0; i < sample_size; ++i) {
    std::swap(indices[i], indices[i + static_cast<std::size_t>(random.uniform_below(count - i))]);
  }
  indices.resize(sample_size);
  // Ascending, so that each point's distances are summed in point order.
  std::sort(indices.begin(), indices.end());
  return indices;
}

}  // namespace

double silhouette_score(const std::vector<double>& points, std::size_t dimensions,
                        const std::vector<int>& assignment, int k, std::size_t sample_size,
                        std::uint64_t seed) {
  if (dimensions == 0 || points.size() % dimensions != 0 || k < 1) return kUndefined;
  const std::size_t count = points.size() / dimensions;
  if (assignment.size() != count) return kUndefined;
  for (const int cluster : assignment) {
    if (cluster < 0 || cluster >= k) return kUndefined;
  }
  const std::vector<std::size_t> scored = scored_points(count, sample_size, seed);
  const std::size_t m = scored.size();
  const std::size_t clusters = static_cast<std::size_t>(k);
  std::vector<std::size_t> label(m), members(clusters, 0);
  for (std::size_t a = 0; a < m; ++a) {
    label[a] = static_cast<std::size_t>(assignment[scored[a]]);
    ++members[label[a]];
  }
  const auto present = static_cast<std::size_t>(
      std::count_if(members.begin(), members.end(), [](std::size_t size) { return size > 0; }));
  if (present < 2 || present > m - 1) return kUndefined;

  // distance_sums[a·k + c]: Σ distance from scored point a to the scored members of cluster c,
  // each pair measured once.
  std::vector<double> distance_sums(m * clusters, 0.0);
  for (std::size_t a = 0; a < m; ++a) {
    const double* from = points.data() + scored[a] * dimensions;
    for (std::size_t b = a + 1; b < m; ++b) {
      const double distance =
          std::sqrt(squared_distance(from, points.data() + scored[b] * dimensions, dimensions));
      distance_sums[a * clusters + label[b]] += distance;
      distance_sums[b * clusters + label[a]] += distance;
    }
  }

  double total = 0;
  for (std::size_t a = 0; a < m; ++a) {
    const std::size_t own = label[a];
    if (members[own] == 1) continue;  // alone in its cluster: 0, as scikit-learn
    const double within = distance_sums[a * clusters + own] / static_cast<double>(members[own] - 1);
    double nearest_other = std::numeric_limits<double>::infinity();
    for (std::size_t c = 0; c < clusters; ++c) {
      if (c == own || members[c] == 0) continue;
      nearest_other = std::min(nearest_other,
                               distance_sums[a * clusters + c] / static_cast<double>(members[c]));
    }
    const double larger = std::max(within, nearest_other);
    if (larger > 0) total += (nearest_other - within) / larger;  // a = b = 0 scores 0
  }
  return total / static_cast<double>(m);
}

Status choose_k_by_silhouette(const std::vector<double>& points, std::size_t dimensions,
                              int k_min, int k_max, const KMeansOptions& base,
                              std::size_t silhouette_sample, ChooseKResult& result) {
  if (Status status = validate_points(points, dimensions); !status.ok()) return status;
  const std::size_t count = points.size() / dimensions;
  const auto refuse = [](const std::string& message) {
    return Status::error(ErrorCode::kInvalidOptions, "choosing k: " + message);
  };
  if (k_min < 2) {
    return refuse("a silhouette needs at least 2 clusters, k_min is " + std::to_string(k_min));
  }
  if (k_max < k_min) {
    return refuse("k_max " + std::to_string(k_max) + " is below k_min " + std::to_string(k_min));
  }
  if (static_cast<std::size_t>(k_max) >= count) {
    return refuse("k_max " + std::to_string(k_max) + " needs more than " + std::to_string(count) +
                  " points: a silhouette needs a cluster with two of them");
  }
  result = ChooseKResult();
  double best_silhouette = 0;
  for (int k = k_min; k <= k_max; ++k) {
    KMeansOptions options = base;
    options.k = k;
    KMeansResult clustering;
    if (Status status = kmeans(points, dimensions, options, clustering); !status.ok()) return status;
    const double silhouette =
        silhouette_score(points, dimensions, clustering.assignment, k, silhouette_sample, base.seed);
    result.choices.push_back(KChoice{k, silhouette, clustering.inertia});
    // Strictly higher, so the smaller k wins a tie; NaN compares false and never wins.
    if (result.best_k == 0 ? !std::isnan(silhouette) : silhouette > best_silhouette) {
      result.best_k = k;
      best_silhouette = silhouette;
      result.best = std::move(clustering);
    }
  }
  if (result.best_k == 0) {
    return refuse(
        "the silhouette is undefined for every k: the points have fewer than 2 distinct values");
  }
  return Status();
}

}  // namespace tierlens
