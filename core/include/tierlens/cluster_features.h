// What a `clusters` dimension clusters: each customer's numeric fields (metrics such as
// recency, frequency and monetary, CLV figures, numeric attribute columns), log-transformed
// and standardised so that no field outweighs another by its units. Shared by the dimension
// and the page's cluster scatter, so both see the same points.
#pragma once

#include <cstdint>
#include <vector>

#include "tierlens/classification.h"
#include "tierlens/policy.h"

namespace tierlens {

struct ClusterFeatures {
  std::size_t dimensions = 0;             ///< the spec's features
  std::vector<std::uint32_t> customers;   ///< those with a value for every feature
  std::vector<double> raw;                ///< per such customer, the features as read
  std::vector<double> points;             ///< the same, transformed and standardised
  std::vector<double> means, deviations;  ///< of the transformed columns, before standardising
  std::vector<std::string> absent;        ///< features whose column the file lacks
};

/// The features of every customer under `spec`, from the result as computed so far.
ClusterFeatures cluster_features(const Classification& result, const ClusterSpec& spec);

/// The sign-keeping log1p applied before standardising: sign(v) · ln(1 + |v|). Spend and
/// counts are skewed; a few large customers would otherwise make every other one "low".
double log_transform(double value);

/// The points (rows of `dimensions`) projected on their first two principal axes, as x, y
/// pairs: a faithful 2-D picture of clusters found in more dimensions.
std::vector<double> principal_projection(const std::vector<double>& points, std::size_t dimensions);

/// At most `max_points` of `count` points for a scatter, evenly spaced through them: a chart
/// of a million customers shows a few thousand, and the same ones every time.
std::vector<std::uint32_t> scatter_sample(std::size_t count, std::size_t max_points);

}  // namespace tierlens
