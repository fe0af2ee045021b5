// The Gauss hypergeometric function, which the BG/NBD model's conditional and unconditional
// expected purchase counts are written in.
#pragma once

namespace tierlens {

/// ₂F₁(a, b; c; z) = Σₙ (a)ₙ(b)ₙ / ((c)ₙ n!) · zⁿ for 0 ≤ z < 1, summed until the rest of the
/// series (bounded by the geometric tail once the terms shrink for good) is below 1e-17 of the
/// sum. Relative error about 1e-15, growing as z nears 1 (1e-13 at z = 0.999, where it takes
/// 35,000 terms) and where terms of both signs cancel (a or b negative, z near 1). NaN outside
/// 0 ≤ z < 1, when c is a non-positive integer, or when a million terms do not reach that
/// point (z within about 1e-5 of 1).
double hypergeometric_2f1(double a, double b, double c, double z);

/// c·(₂F₁(a, b; c; z) − 1)/b, summed as Σₙ≥₁ (a)ₙ(b + 1)ₙ₋₁ / ((c + 1)ₙ₋₁ n!) · zⁿ: the same
/// series without its singularities at b = 0 and c = 0 (defined for c > −1, or c not a negative
/// integer). BG/NBD needs it at b = a_BG − 1, where a_BG = 1 is a legitimate parameter value.
/// Same domain, accuracy and limits as hypergeometric_2f1.
double hypergeometric_2f1_scaled_excess(double a, double b, double c, double z);

}  // namespace tierlens
