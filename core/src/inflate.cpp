#include "tierlens/inflate.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>

namespace tierlens {
namespace {

constexpr int kMaxCodeBits = 15;
/// Codes up to this long decode with one table look-up; longer ones are the rarest symbols.
constexpr int kFastBits = 10;
constexpr std::size_t kWindow = 32768;
/// Output gathered between two calls of the sink.
constexpr std::size_t kChunk = 65536;
constexpr std::size_t kMaxMatch = 258;

constexpr std::uint16_t kLengthBase[29] = {3,  4,  5,  6,   7,   8,   9,   10,  11, 13,
                                           15, 17, 19, 23,  27,  31,  35,  43,  51, 59,
                                           67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr std::uint8_t kLengthExtra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                           2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr std::uint16_t kDistanceBase[30] = {
    1,   2,   3,   4,   5,   7,    9,    13,   17,   25,   33,   49,   65,    97,    129,
    193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
constexpr std::uint8_t kDistanceExtra[30] = {0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,
                                             6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
/// The order in which a dynamic block lists the lengths of the code-length code.
constexpr std::uint8_t kCodeLengthOrder[19] = {16, 17, 18, 0, 8,  7, 9,  6, 10, 5,
                                               11, 4,  12, 3, 13, 2, 14, 1, 15};

/// The input as a little-endian bit stream. Past the end it reads zeros, so that decoding
/// never branches on the end; `overran()` then tells that bits that do not exist were used.
class BitReader {
 public:
  explicit BitReader(std::string_view data)
      : data_(reinterpret_cast<const unsigned char*>(data.data())), size_(data.size()) {}

  /// Makes at least 56 bits available.
  void refill() {
    if (pos_ + 8 <= size_) {
      // Eight bytes at once; the bytes above the count that do not fit are loaded again,
      // at the same place, by the next refill, so OR-ing them in early is harmless.
      std::uint64_t word = 0;
      for (int i = 7; i >= 0; --i) word = (word << 8) | data_[pos_ + i];
      bits_ |= word << count_;
      pos_ += (63 - count_) >> 3;
      count_ |= 56;
      return;
    }
    while (count_ < 56) {
      const std::uint64_t byte = pos_ < size_ ? data_[pos_] : 0;
      bits_ |= byte << count_;
      ++pos_;
      count_ += 8;
    }
  }

  std::uint32_t peek(int bits) const {
    return static_cast<std::uint32_t>(bits_ & ((std::uint64_t{1} << bits) - 1));
  }
  void drop(int bits) {
    bits_ >>= bits;
    count_ -= bits;
  }
  /// Up to 32 bits; refills first when needed.
  std::uint32_t take(int bits) {
    if (count_ < static_cast<unsigned>(bits)) refill();
    const std::uint32_t value = peek(bits);
    drop(bits);
    return value;
  }

  /// True when more bits were consumed than the input holds.
  bool overran() const { return pos_ > size_ && (pos_ - size_) * 8 > count_; }
  /// The compressed byte holding the next unread bit, for messages.
  std::size_t byte_offset() const { return (pos_ * 8 - count_) / 8; }

  /// Drops the bits up to the next byte boundary and hands back whole bytes still buffered,
  /// so that a stored block is read straight from the input.
  void align_to_byte() {
    drop(static_cast<int>(count_ & 7));
    pos_ -= count_ / 8;
    bits_ = 0;
    count_ = 0;
  }
  /// Reads `length` bytes straight from the input (after align_to_byte); empty and false when
  /// the input is shorter.
  bool read_bytes(std::size_t length, std::string_view& bytes) {
    if (pos_ > size_ || size_ - pos_ < length) return false;
    bytes = std::string_view(reinterpret_cast<const char*>(data_ + pos_), length);
    pos_ += length;
    return true;
  }

 private:
  const unsigned char* data_;
  std::size_t size_;
  std::size_t pos_ = 0;     ///< next byte to load; past size_ once zeros were loaded
  std::uint64_t bits_ = 0;  ///< loaded bits, the next one lowest
  unsigned count_ = 0;      ///< how many of bits_ are loaded
};

/// A canonical Huffman code. A table indexed by the next kFastBits input bits answers the
/// codes up to kFastBits long at once; longer codes are decoded from the code counts (the
/// puff.c way), which is rare because long codes are the least frequent symbols.
class HuffmanCode {
 public:
  /// Builds the code for `lengths[0..count)`. False when the lengths over-subscribe the code,
  /// or leave it incomplete: like zlib, only an empty code or one single 1-bit code may be
  /// incomplete (`allow_single` is false for the code-length code, which must be complete).
  bool build(const std::uint8_t* lengths, int count, bool allow_single) {
    std::uint16_t offsets[kMaxCodeBits + 2] = {};
    std::memset(counts_, 0, sizeof counts_);
    for (int symbol = 0; symbol < count; ++symbol) ++counts_[lengths[symbol]];
    counts_[0] = 0;
    int left = 1;
    int codes = 0;
    for (int length = 1; length <= kMaxCodeBits; ++length) {
      left = (left << 1) - counts_[length];
      if (left < 0) return false;
      codes += counts_[length];
      offsets[length + 1] = static_cast<std::uint16_t>(offsets[length] + counts_[length]);
    }
    const bool single_one_bit_code = codes == 1 && counts_[1] == 1;
    if (left > 0 && codes != 0 && !(allow_single && single_one_bit_code)) return false;

    std::memset(fast_, 0, sizeof fast_);
    int next_code[kMaxCodeBits + 1] = {};
    for (int length = 1, code = 0; length <= kMaxCodeBits; ++length) {
      code = (code + counts_[length - 1]) << 1;
      next_code[length] = code;
    }
    for (int symbol = 0; symbol < count; ++symbol) {
      const int length = lengths[symbol];
      if (length == 0) continue;
      symbols_[offsets[length]++] = static_cast<std::uint16_t>(symbol);
      const int code = next_code[length]++;
      if (length > kFastBits) continue;
      // The stream holds a code's first bit lowest: index the table by the reversed code.
      int reversed = 0;
      for (int bit = 0; bit < length; ++bit) reversed |= ((code >> bit) & 1) << (length - 1 - bit);
      const auto entry = static_cast<std::uint16_t>(symbol << 4 | length);
      for (int index = reversed; index < (1 << kFastBits); index += 1 << length)
        fast_[index] = entry;
    }
    return true;
  }

  /// The next symbol, or -1 for bits that are no code. Needs 15 bits available.
  int decode(BitReader& in) const {
    const std::uint16_t entry = fast_[in.peek(kFastBits)];
    if (entry != 0) {
      in.drop(entry & 15);
      return entry >> 4;
    }
    return decode_long(in);
  }

 private:
  int decode_long(BitReader& in) const {
    std::uint32_t bits = in.peek(kMaxCodeBits);
    int code = 0;
    int first = 0;
    int index = 0;
    for (int length = 1; length <= kMaxCodeBits; ++length) {
      code |= static_cast<int>(bits & 1);
      bits >>= 1;
      const int count = counts_[length];
      if (code - first < count) {
        in.drop(length);
        return symbols_[index + code - first];
      }
      index += count;
      first = (first + count) << 1;
      code <<= 1;
    }
    return -1;
  }

  std::uint16_t fast_[1 << kFastBits];  ///< symbol << 4 | length; 0 = longer code or none
  std::uint16_t counts_[kMaxCodeBits + 1];
  std::uint16_t symbols_[288];  ///< by length, then by symbol: canonical order
};

class Inflater {
 public:
  Inflater(std::string_view compressed, const InflateSink& sink)
      : in_(compressed), sink_(sink), out_(new char[kWindow + kChunk + kMaxMatch]) {}

  Status run() {
    bool final_block = false;
    while (!final_block && !stopped_) {
      in_.refill();
      final_block = in_.take(1) == 1;
      const std::uint32_t type = in_.take(2);
      bool ok = false;
      if (type == 0) {
        ok = stored_block();
      } else if (type == 1) {
        ok = fixed_block();
      } else if (type == 2) {
        ok = dynamic_block();
      } else {
        fail("invalid block type 3");
      }
      if (!ok) return error_;
    }
    if (!stopped_ && in_.overran()) return truncated();
    if (!stopped_) emit();
    return Status();
  }

 private:
  bool fail(const std::string& what) {
    error_ =
        Status::error(ErrorCode::kBadWorkbook, "corrupt compressed data at byte " +
                                                   std::to_string(in_.byte_offset()) + ": " + what);
    return false;
  }
  Status truncated() {
    return Status::error(ErrorCode::kBadWorkbook, "the compressed data ends too early");
  }

  /// Hands the output not yet given to the sink; the first time it also holds the first
  /// 32 KiB, so it goes in pieces.
  void emit() {
    for (std::size_t at = flushed_; at < out_pos_ && !stopped_;) {
      const std::size_t piece = std::min(out_pos_ - at, kChunk + kMaxMatch);
      if (!sink_(std::string_view(out_.get() + at, piece))) stopped_ = true;
      at += piece;
    }
    flushed_ = out_pos_;
  }

  /// Emits the output and keeps only its last 32 KiB, which later matches may copy from.
  /// Called when the buffer holds at least 32 KiB + 64 KiB.
  void flush() {
    emit();
    std::memmove(out_.get(), out_.get() + out_pos_ - kWindow, kWindow);
    out_pos_ = kWindow;
    flushed_ = kWindow;
  }

  bool stored_block() {
    in_.align_to_byte();
    std::string_view header;
    if (!in_.read_bytes(4, header)) {
      error_ = truncated();
      return false;
    }
    const auto byte = [&](int i) {
      return static_cast<unsigned>(static_cast<unsigned char>(header[i]));
    };
    const unsigned length = byte(0) | byte(1) << 8;
    const unsigned length_complement = byte(2) | byte(3) << 8;
    if (length != (~length_complement & 0xFFFF))
      return fail("a stored block's length check does not match");
    std::string_view data;
    if (!in_.read_bytes(length, data)) {
      error_ = truncated();
      return false;
    }
    while (!data.empty() && !stopped_) {
      if (out_pos_ >= kWindow + kChunk) {
        flush();
        continue;
      }
      const std::size_t piece = std::min(data.size(), kWindow + kChunk - out_pos_);
      std::memcpy(out_.get() + out_pos_, data.data(), piece);
      out_pos_ += piece;
      data.remove_prefix(piece);
    }
    return true;
  }

  bool fixed_block() {
    if (!fixed_built_) {
      // 32 distance codes, of which 30 and 31 are refused when used: the code is complete.
      std::uint8_t lengths[288 + 32];
      std::memset(lengths, 8, 144);
      std::memset(lengths + 144, 9, 112);
      std::memset(lengths + 256, 7, 24);
      std::memset(lengths + 280, 8, 8);
      std::memset(lengths + 288, 5, 32);
      fixed_literals_.build(lengths, 288, true);
      fixed_distances_.build(lengths + 288, 32, true);
      fixed_built_ = true;
    }
    return codes_block(fixed_literals_, fixed_distances_);
  }

  bool dynamic_block() {
    const int literal_count = static_cast<int>(in_.take(5)) + 257;
    const int distance_count = static_cast<int>(in_.take(5)) + 1;
    const int code_length_count = static_cast<int>(in_.take(4)) + 4;
    if (literal_count > 286 || distance_count > 30) {
      return fail("a dynamic block declares too many length or distance codes");
    }
    std::uint8_t code_lengths[19] = {};
    for (int i = 0; i < code_length_count; ++i) {
      code_lengths[kCodeLengthOrder[i]] = static_cast<std::uint8_t>(in_.take(3));
    }
    if (!code_length_code_.build(code_lengths, 19, false)) return fail("invalid code-length code");

    std::uint8_t lengths[286 + 30] = {};
    const int total = literal_count + distance_count;
    for (int i = 0; i < total;) {
      in_.refill();
      if (in_.overran()) {
        error_ = truncated();
        return false;
      }
      const int symbol = code_length_code_.decode(in_);
      if (symbol < 0) return fail("invalid code in a code-length list");
      if (symbol < 16) {
        lengths[i++] = static_cast<std::uint8_t>(symbol);
        continue;
      }
      std::uint8_t repeated = 0;
      int times = 0;
      if (symbol == 16) {
        if (i == 0) return fail("a code-length list repeats before its first length");
        repeated = lengths[i - 1];
        times = 3 + static_cast<int>(in_.take(2));
      } else if (symbol == 17) {
        times = 3 + static_cast<int>(in_.take(3));
      } else {
        times = 11 + static_cast<int>(in_.take(7));
      }
      if (i + times > total) return fail("a code-length list runs past its end");
      std::memset(lengths + i, repeated, static_cast<std::size_t>(times));
      i += times;
    }
    if (lengths[256] == 0) return fail("a dynamic block has no end-of-block code");
    if (!literals_.build(lengths, literal_count, true)) return fail("invalid literal/length code");
    if (!distances_.build(lengths + literal_count, distance_count, true))
      return fail("invalid distance code");
    return codes_block(literals_, distances_);
  }

  bool codes_block(const HuffmanCode& literals, const HuffmanCode& distances) {
    for (;;) {
      if (out_pos_ >= kWindow + kChunk) {
        flush();
        if (stopped_) return true;
      }
      // 56 bits cover the longest symbol: a 15-bit length code with 5 extra bits and a
      // 15-bit distance code with 13 extra bits.
      in_.refill();
      if (in_.overran()) {
        error_ = truncated();
        return false;
      }
      const int symbol = literals.decode(in_);
      if (symbol < 256) {
        if (symbol < 0) return fail("invalid literal/length code");
        out_[out_pos_++] = static_cast<char>(symbol);
        continue;
      }
      if (symbol == 256) return true;
      const int length_index = symbol - 257;
      if (length_index >= 29) return fail("invalid length symbol " + std::to_string(symbol));
      const std::size_t length = kLengthBase[length_index] + in_.peek(kLengthExtra[length_index]);
      in_.drop(kLengthExtra[length_index]);
      const int distance_index = distances.decode(in_);
      if (distance_index < 0 || distance_index >= 30) return fail("invalid distance code");
      const std::size_t distance =
          kDistanceBase[distance_index] + in_.peek(kDistanceExtra[distance_index]);
      in_.drop(kDistanceExtra[distance_index]);
      if (distance > out_pos_) return fail("a match reaches back before the start of the data");
      copy_match(distance, length);
    }
  }

  void copy_match(std::size_t distance, std::size_t length) {
    char* to = out_.get() + out_pos_;
    const char* from = to - distance;
    out_pos_ += length;
    if (distance >= length) {
      std::memcpy(to, from, length);
      return;
    }
    // Overlapping: each copied byte may be one just written (a run).
    for (std::size_t i = 0; i < length; ++i) to[i] = from[i];
  }

  BitReader in_;
  const InflateSink& sink_;
  /// The last 32 KiB of output (for matches), then the output not yet given to the sink.
  std::unique_ptr<char[]> out_;
  std::size_t out_pos_ = 0;
  std::size_t flushed_ = 0;
  bool stopped_ = false;
  Status error_;
  bool fixed_built_ = false;
  HuffmanCode fixed_literals_;
  HuffmanCode fixed_distances_;
  HuffmanCode code_length_code_;
  HuffmanCode literals_;
  HuffmanCode distances_;
};

}  // namespace

Status inflate_raw(std::string_view compressed, const InflateSink& sink) {
  // The decoder's tables (about 12 KiB) live on the heap with it, not on the caller's stack.
  auto inflater = std::make_unique<Inflater>(compressed, sink);
  return inflater->run();
}

}  // namespace tierlens
