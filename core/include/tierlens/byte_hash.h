// For the reader's hash tables: a table size, a 64-bit hash of a byte string and a byte
// comparison. Customer ids and order ids are hashed once per row, so both must be cheap, and
// native and WebAssembly builds must agree (only 64-bit integer arithmetic, little-endian
// loads on both). Not cryptographic.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace tierlens {

/// The slots an open-addressing table needs for `entries`: a power of two, at most 70 % full
/// so that probe runs stay short.
inline std::size_t hash_table_slots(std::size_t entries) {
  std::size_t slots = 16;
  while (slots * 7 / 10 < entries) slots *= 2;
  return slots;
}

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
    // Byte by byte: a memcpy of a variable length is a library call in WebAssembly.
    std::uint64_t block = 0;
    for (std::size_t i = 0; i < left; ++i) block |= std::uint64_t{static_cast<unsigned char>(at[i])} << (8 * i);
    state = (state ^ block) * kMultiplier;
  }
  return mix64(state);
}

/// Whether `a` and `b` hold the same bytes; inline, eight bytes at a time. Ids are short, and
/// in WebAssembly std::string's == calls a memcmp that compares byte by byte out of line.
inline bool same_bytes(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  std::size_t i = 0;
  for (; i + 8 <= a.size(); i += 8) {
    std::uint64_t x, y;
    std::memcpy(&x, a.data() + i, 8);
    std::memcpy(&y, b.data() + i, 8);
    if (x != y) return false;
  }
  for (; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

}  // namespace tierlens
