// The one distance the clustering code measures with, so that every sum of squares is taken
// in the same order (column 0 first) wherever it is computed.
#pragma once

#include <cstddef>

namespace tierlens {

/// Σ (a[c] − b[c])² over the `dimensions` columns, in column order.
inline double squared_distance(const double* a, const double* b, std::size_t dimensions) {
  double sum = 0;
  for (std::size_t c = 0; c < dimensions; ++c) {
    const double difference = a[c] - b[c];
    sum += difference * difference;
  }
  return sum;
}

}  // namespace tierlens
