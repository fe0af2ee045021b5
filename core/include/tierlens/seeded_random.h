// A seeded pseudo-random generator whose every output is fixed by the seed on every platform.
//
// <random>'s engines are portable but its distributions are not: uniform_int_distribution and
// uniform_real_distribution may draw differently under libstdc++ and libc++, so the page
// (WebAssembly, libc++) and the CLI (glibc, libstdc++) would cluster the same customers
// differently. Everything here is 64-bit integer arithmetic, identical everywhere.
//
// The generator is xoshiro256** (Blackman & Vigna 2018), its state filled from the seed by
// SplitMix64 (Steele, Lea & Flood 2014), as its authors recommend.
#pragma once

#include <cstdint>

namespace tierlens {

/// One step of SplitMix64: advances `state` and returns the next output.
inline std::uint64_t split_mix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

class SeededRandom {
 public:
  explicit SeededRandom(std::uint64_t seed) {
    // SplitMix64 is a bijection of its counter, so four successive outputs are never all
    // zero, the one state xoshiro cannot leave.
    for (std::uint64_t& word : state_) word = split_mix64(seed);
  }

  /// The next 64 random bits.
  std::uint64_t next_u64() {
    const std::uint64_t result = rotate_left(state_[1] * 5, 7) * 9;
    const std::uint64_t shifted = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= shifted;
    state_[3] = rotate_left(state_[3], 45);
    return result;
  }

  /// A uniform integer in [0, bound); bound ≥ 1. Unbiased: draws below 2^64 mod bound are
  /// rejected, so every remainder is hit by the same number of 64-bit values.
  std::uint64_t uniform_below(std::uint64_t bound) {
    const std::uint64_t rejected_below = (0 - bound) % bound;  // 2^64 mod bound
    for (;;) {
      const std::uint64_t draw = next_u64();
      if (draw >= rejected_below) return draw % bound;
    }
  }

  /// A uniform double in [0, 1): the top 53 bits as a multiple of 2^−53, exactly.
  double uniform_unit() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }

 private:
  static std::uint64_t rotate_left(std::uint64_t x, int bits) {
    return (x << bits) | (x >> (64 - bits));
  }

  std::uint64_t state_[4];
};

}  // namespace tierlens
