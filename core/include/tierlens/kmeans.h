// Clustering customers by their figures: k-means (k-means++ seeding, Lloyd iterations, the
// best of several restarts), the silhouette to judge a clustering and to choose k, and the
// z-scores that put the columns on one scale first.
//
// Points are rows of a row-major matrix: `points` holds n × `dimensions` values, point i in
// points[i·dimensions … (i+1)·dimensions).
//
// Every result is the same, bit for bit, natively and in WebAssembly for the same seed: the
// randomness is SeededRandom's integer arithmetic, the floating point only + − × ÷ and sqrt
// (correctly rounded everywhere; libm's exp and log are not), each sum taken in one fixed
// order (point index, then column), and no parallelism.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "tierlens/status.h"

namespace tierlens {

struct KMeansOptions {
  int k = 0;                 ///< clusters, 1 ≤ k ≤ points
  std::uint64_t seed = 42;   ///< seeds the one generator all restarts draw from, in turn
  int restarts = 10;         ///< independent seedings; the lowest inertia is kept
  int max_iterations = 300;  ///< Lloyd iterations per restart at most
  /// A run stops when the centres moved, in one iteration, by a total squared distance of at
  /// most tolerance × the mean of the columns' variances (scikit-learn's rule, so that the
  /// figure does not depend on the data's units). It also stops, converged, as soon as no
  /// point changes cluster. 0: only that.
  double tolerance = 1e-8;
};

struct KMeansResult {
  std::size_t dimensions = 0;
  /// k rows of `dimensions`, row-major. Canonical order: the largest cluster first; equal
  /// sizes by their centres' coordinates, compared lexicographically. So the labels do not
  /// depend on which seed found the partition.
  std::vector<double> centres;
  std::vector<int> assignment;     ///< per point, its cluster 0 … k−1
  std::vector<std::size_t> sizes;  ///< points per cluster, descending
  double inertia = 0;              ///< Σ squared distance of each point to its own centre
  int iterations = 0;              ///< Lloyd iterations of the kept restart
  int restarts = 0;                ///< restarts run
  /// The kept restart stopped because no point changed cluster or by the tolerance, not
  /// because it reached max_iterations.
  bool converged = false;

  int k() const { return static_cast<int>(sizes.size()); }
};

/// Refuses, with kInvalidOptions and a message naming the point and column, what cannot be
/// clustered: dimensions 0, a size that is not a whole number of rows, no rows, a value that
/// is not finite (NaN, ±∞).
Status validate_points(const std::vector<double>& points, std::size_t dimensions);

/// k-means of `points`: `options.restarts` runs, each seeded by greedy k-means++ (Arthur &
/// Vassilvitskii 2007: the first centre uniform, each next one drawn with probability ∝ the
/// squared distance to the nearest centre so far, the best of 2 + ⌊ln k⌋ draws kept, as
/// scikit-learn does), then Lloyd iterations: each point to its nearest centre (the lowest
/// index on ties), each centre to its points' mean. A cluster left empty is re-seeded with
/// the point farthest from its own centre (the lowest index on ties) that is not alone in its
/// cluster; when every point sits on its centre (fewer than k distinct points) it stays empty,
/// and comes last. The run with the lowest inertia is kept, the first on ties.
/// Refuses (kInvalidOptions) invalid points (validate_points), k < 1, k > points, restarts < 1,
/// max_iterations < 1, a negative or non-finite tolerance.
Status kmeans(const std::vector<double>& points, std::size_t dimensions,
              const KMeansOptions& options, KMeansResult& result);

/// One run of Lloyd iterations from `initial_centres` (options.k rows of `dimensions`), as
/// kmeans runs them after seeding; options.seed and options.restarts are not used.
Status kmeans_from_centres(const std::vector<double>& points, std::size_t dimensions,
                           std::vector<double> initial_centres, const KMeansOptions& options,
                           KMeansResult& result);

/// The mean silhouette coefficient (Rousseeuw 1987) of clusters 0 … k−1 given by
/// `assignment`, with Euclidean distances, as scikit-learn's silhouette_score: for each point,
/// a = its mean distance to the other members of its cluster, b = the lowest mean distance to
/// the members of another cluster, s = (b − a) / max(a, b); 0 for a point alone in its cluster
/// (and when a = b = 0). When there are more than `sample_size` points, it is computed within
/// a sample of that many drawn without replacement with `seed`; all points when sample_size
/// is 0 or at least their number.
/// NaN when the coefficient is undefined: fewer than 2 or more than (points − 1) clusters
/// among those scored, or an assignment that does not match the points or lies outside 0 … k−1.
double silhouette_score(const std::vector<double>& points, std::size_t dimensions,
                        const std::vector<int>& assignment, int k, std::size_t sample_size,
                        std::uint64_t seed);

/// One candidate k's figures.
struct KChoice {
  int k = 0;
  double silhouette = 0;  ///< NaN when undefined (fewer than 2 distinct points)
  double inertia = 0;
};

struct ChooseKResult {
  std::vector<KChoice> choices;  ///< one per k, ascending
  int best_k = 0;                ///< the highest silhouette; the smaller k on ties
  KMeansResult best;             ///< the clustering for best_k
};

/// Clusters `points` for each k in k_min … k_max with `base` (its k ignored) and scores each
/// by silhouette_score on a sample of at most `silhouette_sample` points (0: all), the same
/// sample for every k (drawn with base.seed).
/// Refuses (kInvalidOptions) what kmeans refuses, k_min < 2, k_max < k_min, k_max ≥ points
/// (a silhouette needs a cluster with two points), and points whose silhouette is undefined
/// for every k (fewer than 2 distinct points).
Status choose_k_by_silhouette(const std::vector<double>& points, std::size_t dimensions,
                              int k_min, int k_max, const KMeansOptions& base,
                              std::size_t silhouette_sample, ChooseKResult& result);

/// Replaces each column by its z-scores, (x − mean) / deviation, with the population standard
/// deviation (divided by n, as scikit-learn's StandardScaler). A constant column (every value
/// equal) becomes all 0 and its deviation is reported as 0, not the 1 StandardScaler divides
/// by, so that a caller sees the column carried no information. `means` and `deviations`,
/// when given, receive one figure per column. Values are assumed finite (validate_points).
void standardize_columns(std::vector<double>& points, std::size_t dimensions,
                         std::vector<double>* means = nullptr,
                         std::vector<double>* deviations = nullptr);

}  // namespace tierlens
