// A 128-bit integer for exact comparisons of sums: n customers × a value in micro-units can
// pass 2^63. GCC and Clang (native and wasm) both have it; __extension__ says we know it is
// not ISO C++.
#pragma once

namespace tierlens {

__extension__ using WideInt = __int128;

}  // namespace tierlens
