// A 64-bit hash of a byte string for the reader's hash tables: customer ids and order ids are
// hashed once per row, so it must be cheap, and native and WebAssembly builds must agree on
// it (only 64-bit integer arithmetic, little-endian loads on both). Not cryptographic.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace tierlens {

/// Murmur3's finaliser: every input bit moves about half of the output bits.
inline std::uint64_t mix64(std::uint64_t value) {
  value ^= value >> 33;
  value *= 0xff51afd7ed558ccdULL;
  value ^= value >> 33;
  value *= 0xc4ceb9fe1a85ec53ULL;
  value ^= value >> 33;
  return value;
}

/// Eight bytes at a time; each step is a bijection of the running state, so strings of one
/// length that differ in one block always differ before the finaliser.
inline std::uint64_t hash_bytes(std::string_view bytes) {
  constexpr std::uint64_t kMultiplier = 0x9e3779b97f4a7c15ULL;
  std::uint64_t state = 0x243f6a8885a308d3ULL ^ (bytes.size() * kMultiplier);
  const char* at = bytes.data();
  std::size_t left = bytes.size();
  for (; left >= 8; at += 8, left -= 8) {
    std::uint64_t block;
    std::memcpy(&block, at, 8);
    state = (state ^ block) * kMultiplier;
    state = (state << 31) | (state >> 33);
  }
  if (left > 0) {
    std::uint64_t block = 0;
    std::memcpy(&block, at, left);
    state = (state ^ block) * kMultiplier;
  }
  return mix64(state);
}

}  // namespace tierlens
