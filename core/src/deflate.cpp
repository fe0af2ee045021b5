#include "tierlens/deflate.h"

#include <algorithm>
#include <array>

namespace tierlens {
namespace {

constexpr std::size_t kWindow = 32 * 1024;      // the farthest a match may look back
constexpr std::size_t kMinMatch = 3;
constexpr std::size_t kMaxMatch = 258;
constexpr std::size_t kBlockBytes = 60 * 1024;  // input bytes per block: as stored, one piece
constexpr std::size_t kSlideAt = 1024 * 1024;   // drop old input once this much is encoded
constexpr int kHashBits = 15;
constexpr int kMaxChain = 32;        // candidates tried per position
constexpr std::size_t kNiceMatch = 128;  // a match this long is taken at once
constexpr std::size_t kStoredMax = 65535;

struct Code {
  std::uint16_t bits;  ///< bit-reversed, ready to be written least significant bit first
  std::uint8_t length;
};

struct Extra {
  std::uint16_t symbol;
  std::uint8_t bits;
  std::uint16_t value;
};

std::uint16_t reversed(std::uint32_t code, int length) {
  std::uint32_t out = 0;
  for (int i = 0; i < length; ++i) out |= ((code >> i) & 1u) << (length - 1 - i);
  return static_cast<std::uint16_t>(out);
}

int highest_bit(std::uint32_t value) {
  int bit = -1;
  while (value != 0) {
    value >>= 1;
    ++bit;
  }
  return bit;
}

/// RFC 1951 §3.2.5–3.2.6: the fixed literal/length codes, and per match length and distance
/// its symbol and extra bits.
struct Tables {
  std::array<Code, 288> literal{};
  std::array<Code, 30> distance{};
  std::array<Extra, kMaxMatch + 1> by_length{};
  std::vector<Extra> by_distance = std::vector<Extra>(kWindow + 1);

  Tables() {
    for (std::uint32_t s = 0; s < 288; ++s) {
      const auto [code, length] = s < 144   ? std::pair{0x30 + s, 8}
                                  : s < 256 ? std::pair{0x190 + (s - 144), 9}
                                  : s < 280 ? std::pair{s - 256, 7}
                                            : std::pair{0xC0 + (s - 280), 8};
      literal[s] = {reversed(code, length), static_cast<std::uint8_t>(length)};
    }
    for (std::uint32_t s = 0; s < 30; ++s) distance[s] = {reversed(s, 5), 5};
    for (std::uint32_t length = kMinMatch; length <= kMaxMatch; ++length) {
      const std::uint32_t l = length - 3;
      if (length == kMaxMatch) {
        by_length[length] = {285, 0, 0};
      } else if (l < 8) {
        by_length[length] = {static_cast<std::uint16_t>(257 + l), 0, 0};
      } else {
        const int n = highest_bit(l);
        by_length[length] = {static_cast<std::uint16_t>(257 + 4 * (n - 1) + ((l >> (n - 2)) & 3)),
                             static_cast<std::uint8_t>(n - 2),
                             static_cast<std::uint16_t>(l & ((1u << (n - 2)) - 1))};
      }
    }
    for (std::uint32_t d = 1; d <= kWindow; ++d) {
      const std::uint32_t d1 = d - 1;
      if (d1 < 4) {
        by_distance[d] = {static_cast<std::uint16_t>(d1), 0, 0};
      } else {
        const int n = highest_bit(d1);
        by_distance[d] = {static_cast<std::uint16_t>(2 * n + ((d1 >> (n - 1)) & 1)),
                          static_cast<std::uint8_t>(n - 1),
                          static_cast<std::uint16_t>(d1 & ((1u << (n - 1)) - 1))};
      }
    }
  }
};

const Tables& tables() {
  static const Tables instance;
  return instance;
}

std::uint32_t hash_at(const char* p) {
  const auto byte = [p](int i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(p[i])); };
  return ((byte(0) | byte(1) << 8 | byte(2) << 16) * 2654435761u) >> (32 - kHashBits);
}

std::size_t literal_cost(unsigned char byte) { return byte < 144 ? 8 : 9; }

}  // namespace

DeflateEncoder::DeflateEncoder(std::string& out)
    : out_(out), head_(std::size_t{1} << kHashBits, -1), prev_(kWindow, -1) {}

void DeflateEncoder::write(std::string_view bytes) {
  // In pieces, so that a large write never sits in the window whole.
  while (!bytes.empty()) {
    const std::size_t piece = std::min(bytes.size(), kBlockBytes);
    window_.append(bytes.data(), piece);
    bytes.remove_prefix(piece);
    compress_pending(false);
  }
}

void DeflateEncoder::finish() {
  if (finished_) return;
  compress_pending(true);
  const Code& end_of_block = tables().literal[256];
  put_bits(1, 1);  // BFINAL
  put_bits(1, 2);  // BTYPE 01: fixed codes; the final block is empty
  put_bits(end_of_block.bits, end_of_block.length);
  align_to_byte();
  finished_ = true;
}

void DeflateEncoder::compress_pending(bool final) {
  for (;;) {
    const std::size_t available = window_.size() - done_;
    // Short of the end, keep a longest match of look-ahead past the block.
    if (available == 0 || (!final && available < kBlockBytes + kMaxMatch)) break;
    encode_block(done_, done_ + std::min(available, kBlockBytes));
  }
  if (done_ > kSlideAt) {
    const std::size_t drop = done_ - kWindow;
    window_.erase(0, drop);
    base_ += drop;
    done_ -= drop;
  }
}

void DeflateEncoder::encode_block(std::size_t begin, std::size_t limit) {
  tokens_.clear();
  const std::size_t end = tokenise(begin, limit);
  const Tables& t = tables();
  std::size_t fixed_bits = 3 + t.literal[256].length;
  for (const Token& token : tokens_) {
    if (token.distance == 0) {
      fixed_bits += literal_cost(static_cast<unsigned char>(token.length));
    } else {
      const Extra& length = t.by_length[token.length];
      const Extra& distance = t.by_distance[token.distance];
      fixed_bits += t.literal[length.symbol].length + length.bits + 5 + distance.bits;
    }
  }
  const std::size_t bytes = end - begin;
  const std::size_t stored_bits = bytes * 8 + ((bytes + kStoredMax - 1) / kStoredMax) * (3 + 7 + 32);
  if (fixed_bits <= stored_bits) {
    write_fixed_block();
  } else {
    write_stored_block(begin, end);
  }
  done_ = end;
}

std::size_t DeflateEncoder::tokenise(std::size_t begin, std::size_t limit) {
  const std::size_t size = window_.size();
  const char* data = window_.data();
  std::size_t at = begin;
  while (at < limit) {
    const std::size_t max_length = std::min(kMaxMatch, size - at);
    std::size_t best_length = 0;
    std::size_t best_distance = 0;
    if (max_length >= kMinMatch) {
      const std::uint64_t here = base_ + at;
      std::int64_t candidate = head_[hash_at(data + at)];
      for (int chain = kMaxChain; candidate >= 0 && chain > 0; --chain) {
        const std::uint64_t distance = here - static_cast<std::uint64_t>(candidate);
        if (distance > kWindow) break;
        const char* earlier = data + (static_cast<std::uint64_t>(candidate) - base_);
        const char* current = data + at;
        if (earlier[best_length] == current[best_length]) {
          std::size_t length = 0;
          while (length < max_length && earlier[length] == current[length]) ++length;
          if (length > best_length) {
            best_length = length;
            best_distance = static_cast<std::size_t>(distance);
            if (length >= kNiceMatch || length == max_length) break;
          }
        }
        const std::int64_t next = prev_[static_cast<std::uint64_t>(candidate) % kWindow];
        if (next >= candidate) break;  // a slot reused by a later position: the chain ends
        candidate = next;
      }
    }
    if (best_length >= kMinMatch) {
      tokens_.push_back({static_cast<std::uint16_t>(best_length), static_cast<std::uint16_t>(best_distance)});
      for (std::size_t i = 0; i < best_length; ++i) insert(at + i);
      at += best_length;
    } else {
      tokens_.push_back({static_cast<unsigned char>(data[at]), 0});
      insert(at);
      ++at;
    }
  }
  return at;
}

void DeflateEncoder::insert(std::size_t at) {
  if (at + kMinMatch > window_.size()) return;
  const std::uint32_t hash = hash_at(window_.data() + at);
  const std::uint64_t position = base_ + at;
  prev_[position % kWindow] = head_[hash];
  head_[hash] = static_cast<std::int64_t>(position);
}

void DeflateEncoder::write_fixed_block() {
  const Tables& t = tables();
  put_bits(0, 1);  // not final
  put_bits(1, 2);  // fixed codes
  for (const Token& token : tokens_) {
    if (token.distance == 0) {
      const Code& code = t.literal[token.length];
      put_bits(code.bits, code.length);
      continue;
    }
    const Extra& length = t.by_length[token.length];
    const Code& length_code = t.literal[length.symbol];
    put_bits(length_code.bits, length_code.length);
    put_bits(length.value, length.bits);
    const Extra& distance = t.by_distance[token.distance];
    const Code& distance_code = t.distance[distance.symbol];
    put_bits(distance_code.bits, distance_code.length);
    put_bits(distance.value, distance.bits);
  }
  const Code& end_of_block = t.literal[256];
  put_bits(end_of_block.bits, end_of_block.length);
}

void DeflateEncoder::write_stored_block(std::size_t begin, std::size_t end) {
  while (begin < end) {
    const std::size_t length = std::min(end - begin, kStoredMax);
    put_bits(0, 1);  // not final
    put_bits(0, 2);  // stored
    align_to_byte();
    for (const std::size_t value : {length, length ^ 0xFFFF}) {
      out_ += static_cast<char>(value & 0xFF);
      out_ += static_cast<char>((value >> 8) & 0xFF);
    }
    out_.append(window_, begin, length);
    begin += length;
  }
}

void DeflateEncoder::put_bits(std::uint32_t value, int count) {
  bits_ |= static_cast<std::uint64_t>(value) << bit_count_;
  bit_count_ += count;
  while (bit_count_ >= 8) {
    out_ += static_cast<char>(bits_ & 0xFF);
    bits_ >>= 8;
    bit_count_ -= 8;
  }
}

void DeflateEncoder::align_to_byte() {
  if (bit_count_ > 0) put_bits(0, 8 - bit_count_);
}

std::string deflate_raw(std::string_view bytes) {
  std::string out;
  DeflateEncoder encoder(out);
  encoder.write(bytes);
  encoder.finish();
  return out;
}

}  // namespace tierlens
