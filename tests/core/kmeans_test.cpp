// k-means, the silhouette and choosing k: synthetic blobs whose answer is known, examples
// worked by hand, and the real UCI Wholesale customers data against an independent reference
// (tests/fixtures/kmeans/reference_inertia.py).
#include "tierlens/kmeans.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"
#include "tierlens/seeded_random.h"

namespace tierlens {
namespace {

/// Points drawn uniformly in a unit box around each generating centre, in shuffled order,
/// with the centre each came from.
struct Blobs {
  std::vector<double> points;
  std::vector<int> labels;
};

/// `sizes[b]` points around `centres[b]` (each of `dimensions` coordinates). Noise is uniform
/// in ±0.5, so blobs whose centres are 10 apart are separated by a wide gap.
Blobs make_blobs(const std::vector<std::vector<double>>& centres, const std::vector<int>& sizes,
                 std::uint64_t seed) {
  SeededRandom random(seed);
  Blobs blobs;
  for (std::size_t b = 0; b < sizes.size(); ++b) {
    blobs.labels.insert(blobs.labels.end(), sizes[b], static_cast<int>(b));
  }
  for (std::size_t i = blobs.labels.size(); i > 1; --i) {
    std::swap(blobs.labels[i - 1], blobs.labels[random.uniform_below(i)]);
  }
  for (const int label : blobs.labels) {
    for (const double coordinate : centres[static_cast<std::size_t>(label)]) {
      blobs.points.push_back(coordinate + random.uniform_unit() - 0.5);
    }
  }
  return blobs;
}

/// Three blobs in 2-D, 300, 200 and 100 points: blob b is the b-th largest.
Blobs three_blobs_2d() { return make_blobs({{0, 0}, {10, 0}, {0, 10}}, {300, 200, 100}, 11); }

/// Five blobs in 4-D, 250 … 80 points, largest first.
Blobs five_blobs_4d() {
  return make_blobs({{0, 0, 0, 0}, {10, 0, 0, 0}, {0, 10, 0, 0}, {0, 0, 10, 0}, {0, 0, 0, 10}},
                    {250, 200, 150, 120, 80}, 12);
}

/// `count` points uniform in the unit square: no cluster structure, many local optima.
std::vector<double> uniform_square(std::size_t count, std::uint64_t seed) {
  SeededRandom random(seed);
  std::vector<double> points(2 * count);
  for (double& value : points) value = random.uniform_unit();
  return points;
}

/// Whether two labellings group the points the same way, whatever numbers they use.
bool same_partition(const std::vector<int>& a, const std::vector<int>& b) {
  if (a.size() != b.size()) return false;
  std::map<int, int> a_to_b, b_to_a;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a_to_b.emplace(a[i], b[i]).first->second != b[i]) return false;
    if (b_to_a.emplace(b[i], a[i]).first->second != a[i]) return false;
  }
  return true;
}

KMeansResult cluster(const std::vector<double>& points, std::size_t dimensions, KMeansOptions options) {
  KMeansResult result;
  const Status status = kmeans(points, dimensions, options, result);
  EXPECT_TRUE(status.ok()) << status.message();
  return result;
}

TEST(KMeans, RecoversThreeBlobsIn2D) {
  const Blobs blobs = three_blobs_2d();
  const KMeansResult result = cluster(blobs.points, 2, {3});
  EXPECT_TRUE(same_partition(result.assignment, blobs.labels));
  // Canonical labels: by size, so each blob keeps its generating number.
  EXPECT_EQ(result.assignment, blobs.labels);
  EXPECT_EQ(result.sizes, (std::vector<std::size_t>{300, 200, 100}));
  EXPECT_NEAR(result.centres[2], 10, 0.1);  // cluster 1 is the blob around (10, 0)
  EXPECT_TRUE(result.converged);
  EXPECT_EQ(result.restarts, 10);
}

TEST(KMeans, RecoversFiveBlobsIn4D) {
  const Blobs blobs = five_blobs_4d();
  const KMeansResult result = cluster(blobs.points, 4, {5});
  EXPECT_TRUE(same_partition(result.assignment, blobs.labels));
  EXPECT_EQ(result.assignment, blobs.labels);
  EXPECT_EQ(result.sizes, (std::vector<std::size_t>{250, 200, 150, 120, 80}));
}

TEST(KMeans, LabelsDoNotDependOnTheSeedAndClusterZeroIsTheLargest) {
  const Blobs blobs = five_blobs_4d();
  const KMeansResult first = cluster(blobs.points, 4, {5, 1});
  for (std::uint64_t seed = 2; seed <= 6; ++seed) {
    const KMeansResult other = cluster(blobs.points, 4, {5, seed});
    EXPECT_EQ(other.assignment, first.assignment) << "seed " << seed;
    EXPECT_EQ(other.centres, first.centres) << "seed " << seed;
  }
  EXPECT_TRUE(std::is_sorted(first.sizes.rbegin(), first.sizes.rend()));
}

TEST(KMeans, EqualSizesAreOrderedByTheirCentres) {
  // 100 points each around (10, 0) and (0, 10): the centre with the smaller x comes first.
  const Blobs blobs = make_blobs({{10, 0}, {0, 10}}, {100, 100}, 5);
  const KMeansResult result = cluster(blobs.points, 2, {2});
  EXPECT_EQ(result.sizes, (std::vector<std::size_t>{100, 100}));
  EXPECT_LT(result.centres[0], result.centres[2]);
  EXPECT_EQ(result.assignment[0], blobs.labels[0] == 1 ? 0 : 1);
}

TEST(KMeans, TheSameSeedGivesBitIdenticalResults) {
  // No structure, so a different draw would end in a different local optimum.
  const std::vector<double> points = uniform_square(500, 21);
  const KMeansResult a = cluster(points, 2, {6, 9});
  const KMeansResult b = cluster(points, 2, {6, 9});
  EXPECT_EQ(a.assignment, b.assignment);
  EXPECT_EQ(a.centres, b.centres);  // exact equality of every double
  EXPECT_EQ(a.inertia, b.inertia);
  EXPECT_EQ(a.iterations, b.iterations);
}

TEST(KMeans, MoreRestartsAreNeverWorseThanOne) {
  const std::vector<double> points = uniform_square(500, 22);
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    const double one = cluster(points, 2, {6, seed, 1}).inertia;
    const double ten = cluster(points, 2, {6, seed, 10}).inertia;
    EXPECT_LE(ten, one) << "seed " << seed;
  }
}

TEST(KMeans, OneClusterIsTheMean) {
  const KMeansResult result = cluster({1, 2, 3, 10}, 1, {1});
  EXPECT_EQ(result.centres, (std::vector<double>{4}));
  EXPECT_EQ(result.inertia, 9 + 4 + 1 + 36);
  EXPECT_EQ(result.assignment, (std::vector<int>{0, 0, 0, 0}));
}

TEST(KMeans, AnEmptyClusterIsReseededWithThePointFarthestFromItsCentre) {
  // Points 0 1 2 10 11 12, centres 1 and 100: every point goes to 1, and 100 is left empty.
  // Iteration 1 gives it 12 (11 from its centre, the farthest), centre 0 moves to the mean of
  // the other five, 4.8, and 10 and 11 then join 12. Iteration 2: centres 1 and 11, no point
  // moves. Inertia 1 + 0 + 1 + 1 + 0 + 1 = 4.
  const std::vector<double> points = {0, 1, 2, 10, 11, 12};
  KMeansOptions options{2};
  KMeansResult result;
  ASSERT_TRUE(kmeans_from_centres(points, 1, {1, 100}, options, result).ok());
  EXPECT_EQ(result.assignment, (std::vector<int>{0, 0, 0, 1, 1, 1}));
  EXPECT_EQ(result.centres, (std::vector<double>{1, 11}));
  EXPECT_EQ(result.inertia, 4);
  EXPECT_EQ(result.iterations, 2);
  EXPECT_TRUE(result.converged);
  EXPECT_EQ(result.restarts, 1);

  // Stopped after iteration 1: centres 4.8 and 12, not converged.
  // Inertia 4.8² + 3.8² + 2.8² + 2² + 1² + 0 = 23.04 + 14.44 + 7.84 + 4 + 1 = 50.32.
  options.max_iterations = 1;
  ASSERT_TRUE(kmeans_from_centres(points, 1, {1, 100}, options, result).ok());
  EXPECT_EQ(result.assignment, (std::vector<int>{0, 0, 0, 1, 1, 1}));
  EXPECT_DOUBLE_EQ(result.centres[0], 4.8);
  EXPECT_EQ(result.centres[1], 12);
  EXPECT_NEAR(result.inertia, 50.32, 1e-12);
  EXPECT_EQ(result.iterations, 1);
  EXPECT_FALSE(result.converged);
}

TEST(KMeans, FewerDistinctPointsThanClustersLeaveAnEmptyClusterLast) {
  // Two distinct values for three clusters: the third centre repeats one of them, gets no
  // point, and no point can be moved to it without leaving another cluster empty.
  const KMeansResult result = cluster({5, 5, 9, 5}, 1, {3});
  EXPECT_EQ(result.sizes, (std::vector<std::size_t>{3, 1, 0}));
  EXPECT_EQ(result.assignment, (std::vector<int>{0, 0, 1, 0}));
  EXPECT_EQ(result.centres[0], 5);
  EXPECT_EQ(result.centres[1], 9);
  EXPECT_EQ(result.inertia, 0);
  EXPECT_TRUE(result.converged);
}

TEST(KMeans, RefusesWhatCannotBeClustered) {
  KMeansResult result;
  const auto refusal = [&](const std::vector<double>& points, std::size_t dimensions,
                           KMeansOptions options) {
    const Status status = kmeans(points, dimensions, options, result);
    EXPECT_EQ(status.code(), ErrorCode::kInvalidOptions);
    return status.message();
  };
  EXPECT_EQ(refusal({1, 2, 3}, 1, {4}), "k-means: k = 4 clusters but only 3 points");
  EXPECT_EQ(refusal({1, 2, 3}, 1, {0}), "k-means: k must be at least 1, not 0");
  EXPECT_EQ(refusal({1, 2, 3, std::nan(""), 5, 6}, 2, {2}),
            "k-means: point 1, column 1 (counting from 0) is not a finite number");
  EXPECT_EQ(refusal({1, 2, std::numeric_limits<double>::infinity(), 4}, 2, {1}),
            "k-means: point 1, column 0 (counting from 0) is not a finite number");
  EXPECT_EQ(refusal({1, 2, 3}, 2, {1}), "k-means: 3 values are not whole rows of 2");
  EXPECT_EQ(refusal({}, 2, {1}), "k-means: there are no points");
  EXPECT_EQ(refusal({1, 2}, 0, {1}), "k-means: points need at least one dimension");
  EXPECT_EQ(refusal({1, 2}, 1, {1, 42, 0}), "k-means: restarts must be at least 1, not 0");
  EXPECT_EQ(refusal({1, 2}, 1, {1, 42, 1, 0}), "k-means: max_iterations must be at least 1, not 0");
  EXPECT_EQ(refusal({1, 2}, 1, {1, 42, 1, 10, -1}), "k-means: tolerance must be a finite number ≥ 0");
  EXPECT_EQ(kmeans_from_centres({1, 2}, 1, {1}, {2}, result).message(),
            "k-means: 1 initial centre values are not k = 2 rows of 1");
}

TEST(Silhouette, FourPointsOnALineByHand) {
  // Points 0, 1 | 4, 5. Point 0: a = 1 (to 1), b = (4 + 5) / 2 = 4.5, s = 3.5 / 4.5 = 7/9.
  // Point 1: a = 1, b = (3 + 4) / 2 = 3.5, s = 2.5 / 3.5 = 5/7. Points 4 and 5 mirror them.
  // Mean: (7/9 + 5/7 + 5/7 + 7/9) / 4 = (49 + 45) / 126 = 47/63 = 0.746031746…
  EXPECT_DOUBLE_EQ(silhouette_score({0, 1, 4, 5}, 1, {0, 0, 1, 1}, 2, 0, 42), 47.0 / 63.0);
}

TEST(Silhouette, APointAloneInItsClusterScoresZero) {
  // Points 0, 1 | 10. Point 0: a = 1, b = 10, s = 9/10. Point 1: a = 1, b = 9, s = 8/9.
  // Point 10 is alone: 0. Mean: (9/10 + 8/9 + 0) / 3 = (81 + 80) / 270 = 161/270.
  EXPECT_DOUBLE_EQ(silhouette_score({0, 1, 10}, 1, {0, 0, 1}, 2, 0, 42), 161.0 / 270.0);
}

TEST(Silhouette, IsUndefinedForOneClusterAllSingletonsOrABadAssignment) {
  EXPECT_TRUE(std::isnan(silhouette_score({0, 1, 2}, 1, {0, 0, 0}, 2, 0, 42)));
  EXPECT_TRUE(std::isnan(silhouette_score({0, 1, 2}, 1, {0, 1, 2}, 3, 0, 42)));
  EXPECT_TRUE(std::isnan(silhouette_score({0, 1, 2}, 1, {0, 1}, 2, 0, 42)));
  EXPECT_TRUE(std::isnan(silhouette_score({0, 1, 2}, 1, {0, 1, 2}, 2, 0, 42)));
}

TEST(Silhouette, ASampleIsDrawnOnlyWhenThereAreMorePoints) {
  const Blobs blobs = three_blobs_2d();
  const double all = silhouette_score(blobs.points, 2, blobs.labels, 3, 0, 42);
  EXPECT_EQ(silhouette_score(blobs.points, 2, blobs.labels, 3, 600, 7), all);
  EXPECT_EQ(silhouette_score(blobs.points, 2, blobs.labels, 3, 10'000, 7), all);
  const double sampled = silhouette_score(blobs.points, 2, blobs.labels, 3, 150, 7);
  EXPECT_EQ(silhouette_score(blobs.points, 2, blobs.labels, 3, 150, 7), sampled);
  EXPECT_NE(sampled, all);
  EXPECT_NEAR(sampled, all, 0.02);
  EXPECT_GT(all, 0.9);  // blobs of side 1 whose centres are 10 apart
}

TEST(KMeansChooseK, PicksTheTrueNumberOfBlobs) {
  const Blobs three = three_blobs_2d();
  ChooseKResult result;
  ASSERT_TRUE(choose_k_by_silhouette(three.points, 2, 2, 8, {}, 0, result).ok());
  EXPECT_EQ(result.best_k, 3);
  ASSERT_EQ(result.choices.size(), 7u);
  EXPECT_EQ(result.choices[1].k, 3);
  EXPECT_EQ(result.choices[1].silhouette,
            silhouette_score(three.points, 2, result.best.assignment, 3, 0, 42));
  EXPECT_EQ(result.best.assignment, three.labels);

  const Blobs five = five_blobs_4d();
  ASSERT_TRUE(choose_k_by_silhouette(five.points, 4, 2, 8, {}, 300, result).ok());
  EXPECT_EQ(result.best_k, 5);
  EXPECT_EQ(result.best.assignment, five.labels);
  for (const KChoice& choice : result.choices) {
    EXPECT_LE(choice.silhouette, result.choices[3].silhouette) << "k = " << choice.k;
  }
}

TEST(KMeansChooseK, RefusesRangesWithoutASilhouette) {
  ChooseKResult result;
  EXPECT_EQ(choose_k_by_silhouette({1, 2, 3}, 1, 1, 2, {}, 0, result).message(),
            "choosing k: a silhouette needs at least 2 clusters, k_min is 1");
  EXPECT_EQ(choose_k_by_silhouette({1, 2, 3}, 1, 3, 2, {}, 0, result).message(),
            "choosing k: k_max 2 is below k_min 3");
  EXPECT_EQ(choose_k_by_silhouette({1, 2, 3}, 1, 2, 3, {}, 0, result).message(),
            "choosing k: k_max 3 needs more than 3 points: a silhouette needs a cluster with two of them");
  EXPECT_EQ(choose_k_by_silhouette({4, 4, 4}, 1, 2, 2, {}, 0, result).message(),
            "choosing k: the silhouette is undefined for every k: the points have fewer than 2 distinct values");
}

TEST(KMeansInput, StandardizesWithThePopulationDeviation) {
  // Column 0: 1 2 3, mean 2, deviation √(2/3), z = ∓1/√(2/3) = ∓√1.5. Column 1: 0.1 three
  // times (whose floating-point mean is not 0.1), constant: all 0, deviation reported as 0.
  std::vector<double> points = {1, 0.1, 2, 0.1, 3, 0.1};
  std::vector<double> means, deviations;
  standardize_columns(points, 2, &means, &deviations);
  EXPECT_DOUBLE_EQ(points[0], -std::sqrt(1.5));
  EXPECT_EQ(points[2], 0);
  EXPECT_DOUBLE_EQ(points[4], std::sqrt(1.5));
  EXPECT_EQ(points[1], 0);
  EXPECT_EQ(points[3], 0);
  EXPECT_EQ(points[5], 0);
  EXPECT_EQ(means, (std::vector<double>{2, 0.1}));
  EXPECT_DOUBLE_EQ(deviations[0], std::sqrt(2.0 / 3.0));
  EXPECT_EQ(deviations[1], 0);
}

/// The UCI Wholesale customers' six spending columns, log1p then z-scores, as
/// reference_inertia.py builds them. Empty when ../shared is not there.
std::vector<double> wholesale_features() {
  std::ifstream in(testing::shared_data_path("wholesale-customers-uci/wholesale_customers.csv"));
  std::vector<double> points;
  std::string line;
  if (!std::getline(in, line)) return points;
  const std::vector<std::string> spending = {"Fresh",  "Milk",           "Grocery",
                                             "Frozen", "Detergents_Paper", "Delicassen"};
  std::vector<std::size_t> columns;
  std::vector<std::string> header;
  for (std::stringstream cells(line); std::getline(cells, line, ',');) header.push_back(line);
  for (const std::string& name : spending) {
    columns.push_back(static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin()));
  }
  while (std::getline(in, line)) {
    std::vector<double> row;
    for (std::stringstream cells(line); std::getline(cells, line, ',');) row.push_back(std::stod(line));
    for (const std::size_t column : columns) points.push_back(std::log1p(row.at(column)));
  }
  standardize_columns(points, 6);
  return points;
}

/// From `/usr/bin/python3 tests/fixtures/kmeans/reference_inertia.py` (NumPy; Lloyd from
/// 2,000 starts per k, half k-means++ and half random partitions), which printed:
///   k=3 inertia=1553.339538040625 silhouette=0.2591994183877636 sizes=[212, 147, 81] reached_by=63/2000
///   k=4 inertia=1386.6550657797234 silhouette=0.18852490564879987 sizes=[130, 130, 119, 61] reached_by=7/2000
///   k=5 inertia=1266.0779784238246 silhouette=0.19210546173550463 sizes=[100, 100, 97, 89, 54] reached_by=1/2000
/// "reached_by": how many of the starts ended there. The data has many shallow local optima.
struct WholesaleReference {
  int k;
  double inertia;
  double silhouette;
  std::vector<std::size_t> sizes;
};
const WholesaleReference kWholesaleReferences[] = {
    {3, 1553.339538040625, 0.2591994183877636, {212, 147, 81}},
    {4, 1386.6550657797234, 0.18852490564879987, {130, 130, 119, 61}},
    {5, 1266.0779784238246, 0.19210546173550463, {100, 100, 97, 89, 54}},
};

class KMeansWholesale : public ::testing::Test {
 protected:
  void SetUp() override {
    points_ = wholesale_features();
    if (points_.empty()) {
      GTEST_SKIP() << "wholesale_customers.csv not found under ../shared/data (set "
                      "TIERLENS_SHARED_DATA); the real-data checks did not run";
    }
    ASSERT_EQ(points_.size(), 440u * 6);
  }
  std::vector<double> points_;
};

TEST_F(KMeansWholesale, TenRestartsComeWithinATenthOfAPercentOfTheReference) {
  // The default run (10 restarts, seed 42) does not reach the reference's optimum: that took
  // the reference 2,000 starts, which found it 63, 7 and 1 times. It must come close; the
  // figures it gives now are pinned so that a change in seeding or iterating shows.
  const double ours[] = {1553.3947519567814, 1387.3132832994702, 1266.1493615004904};
  for (std::size_t i = 0; i < 3; ++i) {
    const WholesaleReference& reference = kWholesaleReferences[i];
    SCOPED_TRACE("k = " + std::to_string(reference.k));
    const KMeansResult result = cluster(points_, 6, {reference.k, 42, 10});
    EXPECT_LE(result.inertia, reference.inertia * (1 + 1e-3));
    EXPECT_NEAR(result.inertia, ours[i], ours[i] * 1e-12);
    EXPECT_TRUE(result.converged);
  }
}

TEST_F(KMeansWholesale, AsManyStartsAsTheReferenceAreNoWorse) {
  // With the reference's 2,000 starts: k = 3 and 4 end in its very partition (equal sizes and
  // inertia up to summation order), so the silhouettes must agree too; k = 5 ends lower than
  // the reference (1266.07752… against 1266.07798…), in another partition whose silhouette
  // the reference did not compute.
  for (const WholesaleReference& reference : kWholesaleReferences) {
    SCOPED_TRACE("k = " + std::to_string(reference.k));
    const KMeansResult result = cluster(points_, 6, {reference.k, 42, 2000});
    EXPECT_LE(result.inertia, reference.inertia * (1 + 1e-9));
    if (std::abs(result.inertia - reference.inertia) <= reference.inertia * 1e-9) {
      EXPECT_EQ(result.sizes, reference.sizes);
      EXPECT_NEAR(silhouette_score(points_, 6, result.assignment, reference.k, 0, 42),
                  reference.silhouette, 1e-9);
    } else {
      EXPECT_EQ(reference.k, 5) << "only k = 5 was expected to beat the reference";
    }
  }
}

}  // namespace
}  // namespace tierlens
