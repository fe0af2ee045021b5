#include <cmath>

#include "tierlens/kmeans.h"

namespace tierlens {

void standardize_columns(std::vector<double>& points, std::size_t dimensions,
                         std::vector<double>* means, std::vector<double>* deviations) {
  if (means) means->assign(dimensions, 0.0);
  if (deviations) deviations->assign(dimensions, 0.0);
  if (dimensions == 0 || points.size() < dimensions) return;
  const std::size_t count = points.size() / dimensions;
  for (std::size_t c = 0; c < dimensions; ++c) {
    const double first = points[c];
    bool constant = true;
    double sum = 0;
    for (std::size_t i = 0; i < count; ++i) {
      sum += points[i * dimensions + c];
      constant = constant && points[i * dimensions + c] == first;
    }
    // A constant column is told apart by its values, not by a variance of 0: a mean summed
    // in floating point can miss the constant by an ulp (0.1 + 0.1 + 0.1 ≠ 0.3), and the
    // tiny differences would then be blown up into z-scores of ±1.
    if (constant) {
      if (means) (*means)[c] = first;
      for (std::size_t i = 0; i < count; ++i) points[i * dimensions + c] = 0;
      continue;
    }
    const double mean = sum / static_cast<double>(count);
    double squares = 0;
    for (std::size_t i = 0; i < count; ++i) {
      const double deviation = points[i * dimensions + c] - mean;
      squares += deviation * deviation;
    }
    const double deviation = std::sqrt(squares / static_cast<double>(count));
    for (std::size_t i = 0; i < count; ++i) {
      points[i * dimensions + c] = (points[i * dimensions + c] - mean) / deviation;
    }
    if (means) (*means)[c] = mean;
    if (deviations) (*deviations)[c] = deviation;
  }
}

}  // namespace tierlens
