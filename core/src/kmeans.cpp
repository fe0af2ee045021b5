#include "tierlens/kmeans.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <utility>

#include "squared_distance.h"
#include "tierlens/seeded_random.h"

namespace tierlens {
namespace {

Status refuse(const std::string& message) {
  return Status::error(ErrorCode::kInvalidOptions, "k-means: " + message);
}

/// The candidates greedy k-means++ draws for each centre: 2 + ⌊ln k⌋, scikit-learn's number.
/// ⌊ln k⌋ is counted against ⌈e^m⌉ for m = 1 … 21 (k ≥ ⌈e^m⌉ exactly when ln k ≥ m, e^m never
/// being a whole number), so no libm logarithm can round it differently on another platform.
int candidates_per_centre(int k) {
  static constexpr long long kCeilingOfExpPowers[] = {
      3,       8,        21,       55,        149,       404,       1097,
      2981,    8104,     22027,    59875,     162755,    442414,    1202605,
      3269018, 8886111,  24154953, 65659970,  178482301, 485165196, 1318815735};
  int floor_of_log = 0;
  for (const long long threshold : kCeilingOfExpPowers) {
    if (k < threshold) break;
    ++floor_of_log;
  }
  return 2 + floor_of_log;
}

/// What one seeding and its Lloyd iterations end with.
struct LloydRun {
  std::vector<double> centres;
  std::vector<int> assignment;
  double inertia = 0;
  int iterations = 0;
  bool converged = false;
};

/// A view of the points with the figures every step needs.
struct PointRows {
  const std::vector<double>& values;
  std::size_t dimensions;
  std::size_t count;

  const double* row(std::size_t i) const { return values.data() + i * dimensions; }
};

/// Greedy k-means++: the first centre a uniform point; each next one the best, by the total
/// squared distance it leaves, of `candidates_per_centre(k)` points drawn with probability ∝
/// their squared distance to the nearest centre so far.
std::vector<double> seed_centres(const PointRows& points, int k, SeededRandom& random) {
  const std::size_t n = points.count;
  const std::size_t dims = points.dimensions;
  std::vector<double> centres;
  centres.reserve(static_cast<std::size_t>(k) * dims);
  const double* first = points.row(static_cast<std::size_t>(random.uniform_below(n)));
  centres.insert(centres.end(), first, first + dims);

  std::vector<double> nearest(n);  // squared distance to the nearest centre so far
  for (std::size_t i = 0; i < n; ++i) nearest[i] = squared_distance(points.row(i), first, dims);

  const int candidates = candidates_per_centre(k);
  std::vector<double> running_total(n);
  std::vector<double> with_candidate(n), with_best(n);
  for (int chosen = 1; chosen < k; ++chosen) {
    std::partial_sum(nearest.begin(), nearest.end(), running_total.begin());
    const double total = running_total.back();
    double best_total = 0;
    std::size_t best = 0;
    for (int c = 0; c < candidates; ++c) {
      // The first running total above the draw is a point of positive weight, reached with
      // probability ∝ that weight. A draw in [0, 1) times the total stays below it; only when
      // every point already sits on a centre is none above, and then any point will do.
      const double draw = random.uniform_unit() * total;
      const auto above = std::upper_bound(running_total.begin(), running_total.end(), draw);
      const std::size_t candidate = above == running_total.end()
                                        ? n - 1
                                        : static_cast<std::size_t>(above - running_total.begin());
      double candidate_total = 0;
      for (std::size_t i = 0; i < n; ++i) {
        with_candidate[i] =
            std::min(nearest[i], squared_distance(points.row(i), points.row(candidate), dims));
        candidate_total += with_candidate[i];
      }
      if (c == 0 || candidate_total < best_total) {
        best_total = candidate_total;
        best = candidate;
        std::swap(with_best, with_candidate);
      }
    }
    centres.insert(centres.end(), points.row(best), points.row(best) + dims);
    std::swap(nearest, with_best);
  }
  return centres;
}

/// Puts each point in the cluster of its nearest centre (the lowest index on ties) and its
/// squared distance to that centre in `distances`; answers how many points changed cluster.
std::size_t assign_points(const PointRows& points, const std::vector<double>& centres, int k,
                          std::vector<int>& assignment, std::vector<double>& distances) {
  std::size_t changed = 0;
  for (std::size_t i = 0; i < points.count; ++i) {
    int nearest = 0;
    double nearest_distance = squared_distance(points.row(i), centres.data(), points.dimensions);
    for (int j = 1; j < k; ++j) {
      const double distance = squared_distance(
          points.row(i), centres.data() + static_cast<std::size_t>(j) * points.dimensions,
          points.dimensions);
      if (distance < nearest_distance) {
        nearest = j;
        nearest_distance = distance;
      }
    }
    if (assignment[i] != nearest) ++changed;
    assignment[i] = nearest;
    distances[i] = nearest_distance;
  }
  return changed;
}

/// Gives each empty cluster the point farthest from its own centre (`distances`), the lowest
/// index on ties, taken only from clusters that keep a point; a point already on its centre
/// is never taken, so with fewer distinct points than clusters the cluster stays empty
/// rather than two clusters trading one place back and forth.
void reseed_empty_clusters(std::vector<int>& assignment, std::vector<double>& distances,
                           std::vector<std::size_t>& sizes) {
  for (std::size_t empty = 0; empty < sizes.size(); ++empty) {
    if (sizes[empty] != 0) continue;
    std::size_t farthest = assignment.size();
    double farthest_distance = 0;
    for (std::size_t i = 0; i < assignment.size(); ++i) {
      if (distances[i] > farthest_distance && sizes[static_cast<std::size_t>(assignment[i])] > 1) {
        farthest = i;
        farthest_distance = distances[i];
      }
    }
    if (farthest == assignment.size()) continue;
    --sizes[static_cast<std::size_t>(assignment[farthest])];
    assignment[farthest] = static_cast<int>(empty);
    sizes[empty] = 1;
    distances[farthest] = 0;  // it is its new cluster's centre
  }
}

/// Moves each centre to the mean of its points (summed in point order); an empty cluster's
/// centre stays where it was.
void move_centres_to_means(const PointRows& points, const std::vector<int>& assignment,
                           const std::vector<std::size_t>& sizes, std::vector<double>& centres) {
  const std::size_t dims = points.dimensions;
  std::vector<double> sums(centres.size(), 0.0);
  for (std::size_t i = 0; i < points.count; ++i) {
    double* sum = sums.data() + static_cast<std::size_t>(assignment[i]) * dims;
    for (std::size_t c = 0; c < dims; ++c) sum[c] += points.row(i)[c];
  }
  for (std::size_t j = 0; j < sizes.size(); ++j) {
    if (sizes[j] == 0) continue;
    for (std::size_t c = 0; c < dims; ++c) {
      centres[j * dims + c] = sums[j * dims + c] / static_cast<double>(sizes[j]);
    }
  }
}

/// Lloyd iterations from `centres` until no point changes cluster, the centres move by at
/// most `stop_shift` (total squared distance), or `max_iterations`.
LloydRun run_lloyd(const PointRows& points, std::vector<double> centres, int k, int max_iterations,
                   double stop_shift) {
  const std::size_t dims = points.dimensions;
  LloydRun run;
  run.assignment.assign(points.count, -1);
  std::vector<double> distances(points.count);
  std::vector<std::size_t> sizes(static_cast<std::size_t>(k));
  assign_points(points, centres, k, run.assignment, distances);
  for (int iteration = 1; iteration <= max_iterations; ++iteration) {
    std::fill(sizes.begin(), sizes.end(), 0);
    for (const int cluster : run.assignment) ++sizes[static_cast<std::size_t>(cluster)];
    reseed_empty_clusters(run.assignment, distances, sizes);
    const std::vector<double> previous = centres;
    move_centres_to_means(points, run.assignment, sizes, centres);
    double shift = 0;
    for (int j = 0; j < k; ++j) {
      const std::size_t at = static_cast<std::size_t>(j) * dims;
      shift += squared_distance(centres.data() + at, previous.data() + at, dims);
    }
    const std::size_t changed = assign_points(points, centres, k, run.assignment, distances);
    run.iterations = iteration;
    if (changed == 0 || shift <= stop_shift) {
      run.converged = true;
      break;
    }
  }
  // The last step assigned the points to `centres`, so `distances` are this run's.
  for (const double distance : distances) run.inertia += distance;
  run.centres = std::move(centres);
  return run;
}

/// Tolerance × the mean of the columns' population variances: the centre shift below which a
/// run stops, in the units of the data.
double centre_shift_tolerance(const PointRows& points, double tolerance) {
  const std::size_t dims = points.dimensions;
  const double n = static_cast<double>(points.count);
  double variance_sum = 0;
  for (std::size_t c = 0; c < dims; ++c) {
    double sum = 0;
    for (std::size_t i = 0; i < points.count; ++i) sum += points.row(i)[c];
    const double mean = sum / n;
    double squares = 0;
    for (std::size_t i = 0; i < points.count; ++i) {
      const double deviation = points.row(i)[c] - mean;
      squares += deviation * deviation;
    }
    variance_sum += squares / n;
  }
  return tolerance * (variance_sum / static_cast<double>(dims));
}

/// `run` as a result whose cluster numbers do not depend on the seeding: by size, descending,
/// then by centre coordinates, lexicographically (a stable sort, so even equal empty clusters
/// keep one order on every platform).
void relabel_canonically(LloydRun run, int k, std::size_t dims, KMeansResult& result) {
  const std::size_t clusters = static_cast<std::size_t>(k);
  std::vector<std::size_t> sizes(clusters, 0);
  for (const int cluster : run.assignment) ++sizes[static_cast<std::size_t>(cluster)];
  std::vector<std::size_t> order(clusters);
  std::iota(order.begin(), order.end(), std::size_t{0});
  const auto centre = [&](std::size_t j) {
    return run.centres.begin() + static_cast<std::ptrdiff_t>(j * dims);
  };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (sizes[a] != sizes[b]) return sizes[a] > sizes[b];
    return std::lexicographical_compare(centre(a), centre(a) + static_cast<std::ptrdiff_t>(dims),
                                        centre(b), centre(b) + static_cast<std::ptrdiff_t>(dims));
  });
  std::vector<int> new_label(clusters);
  result.dimensions = dims;
  result.centres.clear();
  result.sizes.clear();
  for (std::size_t position = 0; position < clusters; ++position) {
    new_label[order[position]] = static_cast<int>(position);
    result.centres.insert(result.centres.end(), centre(order[position]),
                          centre(order[position]) + static_cast<std::ptrdiff_t>(dims));
    result.sizes.push_back(sizes[order[position]]);
  }
  result.assignment = std::move(run.assignment);
  for (int& cluster : result.assignment) cluster = new_label[static_cast<std::size_t>(cluster)];
  result.inertia = run.inertia;
  result.iterations = run.iterations;
  result.converged = run.converged;
}

Status validate_options(const std::vector<double>& points, std::size_t dimensions,
                        const KMeansOptions& options) {
  if (Status status = validate_points(points, dimensions); !status.ok()) return status;
  const std::size_t n = points.size() / dimensions;
  if (options.k < 1) return refuse("k must be at least 1, not " + std::to_string(options.k));
  if (static_cast<std::size_t>(options.k) > n) {
    return refuse("k = " + std::to_string(options.k) + " clusters but only " + std::to_string(n) +
                  " points");
  }
  if (options.restarts < 1) {
    return refuse("restarts must be at least 1, not " + std::to_string(options.restarts));
  }
  if (options.max_iterations < 1) {
    return refuse("max_iterations must be at least 1, not " + std::to_string(options.max_iterations));
  }
  if (!(options.tolerance >= 0) || !std::isfinite(options.tolerance)) {
    return refuse("tolerance must be a finite number ≥ 0");
  }
  return Status();
}

}  // namespace

Status validate_points(const std::vector<double>& points, std::size_t dimensions) {
  if (dimensions == 0) return refuse("points need at least one dimension");
  if (points.size() % dimensions != 0) {
    return refuse(std::to_string(points.size()) + " values are not whole rows of " +
                  std::to_string(dimensions));
  }
  if (points.empty()) return refuse("there are no points");
  for (std::size_t at = 0; at < points.size(); ++at) {
    if (!std::isfinite(points[at])) {
      return refuse("point " + std::to_string(at / dimensions) + ", column " +
                    std::to_string(at % dimensions) + " (counting from 0) is not a finite number");
    }
  }
  return Status();
}

Status kmeans(const std::vector<double>& points, std::size_t dimensions,
              const KMeansOptions& options, KMeansResult& result) {
  if (Status status = validate_options(points, dimensions, options); !status.ok()) return status;
  const PointRows rows{points, dimensions, points.size() / dimensions};
  const double stop_shift = centre_shift_tolerance(rows, options.tolerance);
  // One generator for all restarts, so restart r starts where r − 1 stopped drawing: the
  // first restart is the whole of a restarts = 1 run, never a worse one.
  SeededRandom random(options.seed);
  LloydRun best;
  for (int restart = 0; restart < options.restarts; ++restart) {
    LloydRun run = run_lloyd(rows, seed_centres(rows, options.k, random), options.k,
                             options.max_iterations, stop_shift);
    if (restart == 0 || run.inertia < best.inertia) best = std::move(run);
  }
  relabel_canonically(std::move(best), options.k, dimensions, result);
  result.restarts = options.restarts;
  return Status();
}

Status kmeans_from_centres(const std::vector<double>& points, std::size_t dimensions,
                           std::vector<double> initial_centres, const KMeansOptions& options,
                           KMeansResult& result) {
  if (Status status = validate_options(points, dimensions, options); !status.ok()) return status;
  if (initial_centres.size() != static_cast<std::size_t>(options.k) * dimensions) {
    return refuse(std::to_string(initial_centres.size()) + " initial centre values are not k = " +
                  std::to_string(options.k) + " rows of " + std::to_string(dimensions));
  }
  for (const double value : initial_centres) {
    if (!std::isfinite(value)) return refuse("an initial centre is not finite");
  }
  const PointRows rows{points, dimensions, points.size() / dimensions};
  relabel_canonically(run_lloyd(rows, std::move(initial_centres), options.k, options.max_iterations,
                                centre_shift_tolerance(rows, options.tolerance)),
                      options.k, dimensions, result);
  result.restarts = 1;
  return Status();
}

}  // namespace tierlens
