// Elementary and gamma functions built from + − × ÷ and exact bit operations (frexp, ldexp,
// floor) only, so that the native build (glibc's libm) and the WebAssembly build (musl's libm)
// give the same bits. The two libms differ in the last place of exp, log, pow and lgamma, and a
// last-place difference is enough to send an optimiser down another path: the customer-value
// models call these, never std::exp, std::log, std::pow or std::lgamma.
#pragma once

namespace tierlens::pmath {

/// eˣ within 1 ulp (fdlibm's method). +inf above 709.78, 0 below −745.13, NaN for NaN.
double exp(double x);

/// eˣ − 1, accurate to a few ulp also for tiny x (Kahan's (eˣ − 1)·x / log eˣ).
double expm1(double x);

/// Natural logarithm within 1 ulp: −inf at 0, NaN below 0, +inf at +inf.
double log(double x);

/// log(1 + x) within 1 ulp, also for tiny x: −inf at −1, NaN below −1.
double log1p(double x);

/// xʸ for x ≥ 0 (NaN for negative x). Computed as e^(y·log x) with log x carried to about 57
/// bits: the relative error is below 1e-15 + 2e-17·|y·log x|, so about 1e-14 at worst, next
/// to overflow, and within 1 ulp for |y·log x| < 10.
double pow(double x, double y);

/// log Γ(x) for x > 0, relative error about 1e-15 from 1e-300 to 1e300, also next to the zeros
/// at 1 and 2. +inf at 0 and +inf; NaN below 0 (the models never need it there).
double lgamma(double x);

}  // namespace tierlens::pmath
