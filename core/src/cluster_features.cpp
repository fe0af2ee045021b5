#include "tierlens/cluster_features.h"

#include <algorithm>
#include <cmath>

#include "tierlens/customer_fields.h"
#include "tierlens/kmeans.h"
#include "tierlens/portable_math.h"

namespace tierlens {
namespace {

/// Removes from `v` its component along the unit vector `axis`.
void remove_component(std::vector<double>& v, const std::vector<double>& axis) {
  double along = 0;
  for (std::size_t i = 0; i < v.size(); ++i) along += v[i] * axis[i];
  for (std::size_t i = 0; i < v.size(); ++i) v[i] -= along * axis[i];
}

bool normalize(std::vector<double>& v) {
  double norm = 0;
  for (const double component : v) norm += component * component;
  norm = std::sqrt(norm);
  if (!(norm > 1e-12)) return false;
  for (double& component : v) component /= norm;
  return true;
}

/// The leading eigenvector of the symmetric matrix `m` (d × d) orthogonal to `orthogonal_to`
/// (empty for the first), by power iteration from a fixed start: deterministic, and d is a
/// handful of features. Its largest component is made positive, so the picture does not
/// flip between runs. When `m` has nothing left in the allowed directions, any unit vector
/// orthogonal to `orthogonal_to` will do: every point projects to 0 on it.
std::vector<double> leading_eigenvector(const std::vector<double>& m, std::size_t d,
                                        const std::vector<double>& orthogonal_to) {
  std::vector<double> v(d), next(d);
  for (std::size_t i = 0; i < d; ++i) v[i] = 1.0 + 0.1 * static_cast<double>(i);  // along no axis by chance
  if (!orthogonal_to.empty()) remove_component(v, orthogonal_to);
  if (!normalize(v)) return v;
  for (int iteration = 0; iteration < 500; ++iteration) {
    for (std::size_t i = 0; i < d; ++i) {
      next[i] = 0;
      for (std::size_t j = 0; j < d; ++j) next[i] += m[i * d + j] * v[j];
    }
    if (!orthogonal_to.empty()) remove_component(next, orthogonal_to);
    if (!normalize(next)) break;  // no spread left: keep the start
    v.swap(next);
  }
  std::size_t largest = 0;
  for (std::size_t i = 1; i < d; ++i) {
    if (std::fabs(v[i]) > std::fabs(v[largest])) largest = i;
  }
  if (v[largest] < 0) {
    for (double& component : v) component = -component;
  }
  return v;
}

}  // namespace

double log_transform(double value) {
  return value < 0 ? -pmath::log1p(-value) : pmath::log1p(value);
}

ClusterFeatures cluster_features(const Classification& result, const ClusterSpec& spec) {
  const CustomerFields fields(result);
  std::vector<FieldRef> refs;
  ClusterFeatures features;
  features.dimensions = spec.features.size();
  for (const std::string& name : spec.features) {
    refs.push_back(fields.resolve(name));
    if (refs.back().kind == FieldRef::Kind::kAbsent) features.absent.push_back(name);
  }
  std::vector<double> row(refs.size());
  for (std::size_t c = 0; c < result.customer_count(); ++c) {
    bool complete = true;
    for (std::size_t f = 0; f < refs.size() && complete; ++f) {
      const std::optional<double> value = fields.number(refs[f], c);
      complete = value.has_value() && std::isfinite(*value);
      if (complete) row[f] = *value;
    }
    if (!complete) continue;
    features.customers.push_back(static_cast<std::uint32_t>(c));
    features.raw.insert(features.raw.end(), row.begin(), row.end());
  }
  features.points = features.raw;
  if (spec.log_transform) {
    for (double& value : features.points) value = log_transform(value);
  }
  if (!features.customers.empty()) {
    standardize_columns(features.points, features.dimensions, &features.means, &features.deviations);
  }
  return features;
}

std::vector<double> principal_projection(const std::vector<double>& points, std::size_t dimensions) {
  const std::size_t n = dimensions ? points.size() / dimensions : 0;
  std::vector<double> projection(n * 2, 0);
  if (n == 0) return projection;
  // Covariance of the (already centred, standardised) columns.
  std::vector<double> covariance(dimensions * dimensions, 0);
  for (std::size_t p = 0; p < n; ++p) {
    const double* row = &points[p * dimensions];
    for (std::size_t i = 0; i < dimensions; ++i) {
      for (std::size_t j = 0; j < dimensions; ++j) covariance[i * dimensions + j] += row[i] * row[j];
    }
  }
  for (double& value : covariance) value /= static_cast<double>(n);
  const std::vector<double> first = leading_eigenvector(covariance, dimensions, {});
  const std::vector<double> second = dimensions > 1 ? leading_eigenvector(covariance, dimensions, first)
                                                    : std::vector<double>(dimensions, 0);
  for (std::size_t p = 0; p < n; ++p) {
    for (std::size_t i = 0; i < dimensions; ++i) {
      projection[2 * p] += points[p * dimensions + i] * first[i];
      projection[2 * p + 1] += points[p * dimensions + i] * second[i];
    }
  }
  return projection;
}

std::vector<std::uint32_t> scatter_sample(std::size_t count, std::size_t max_points) {
  const std::size_t shown = std::min(count, max_points);
  std::vector<std::uint32_t> sample(shown);
  for (std::size_t i = 0; i < shown; ++i) {
    sample[i] = static_cast<std::uint32_t>(std::uint64_t{i} * count / shown);  // 64-bit: wasm size_t is 32
  }
  return sample;
}

}  // namespace tierlens
