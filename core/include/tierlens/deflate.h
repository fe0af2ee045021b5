// A raw DEFLATE (RFC 1951) encoder, for the zip archives TierLens writes (.xlsx workbooks).
// LZ77 over a hash chain with greedy matches, coded with the fixed Huffman codes of
// RFC 1951 §3.2.6: no code tables to build or send, a fraction of a full encoder's code, and
// on spreadsheet XML, where the same tags come back every few bytes, most of the gain
// (a customers sheet shrinks about five-fold). A block that would come out larger than its
// bytes (text in a non-Latin script costs 9 bits a byte in the fixed code) is stored instead,
// so the output is never more than 5 bytes per 60 KiB larger than the input.
// Streams: memory stays at about 1 MiB however much goes through. Deterministic: the same
// bytes give the same output on every platform, natively and in WebAssembly.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tierlens {

class DeflateEncoder {
 public:
  /// The compressed stream is appended to `out`, which must outlive the encoder.
  explicit DeflateEncoder(std::string& out);

  /// Takes the next bytes of the input; compresses whole blocks as they fill.
  void write(std::string_view bytes);
  /// Compresses what is pending and ends the stream with its final block. Call once, last.
  void finish();

 private:
  struct Token {
    std::uint16_t length;    ///< a literal byte when distance is 0, else the match length
    std::uint16_t distance;  ///< 1..32768, or 0 for a literal
  };

  void compress_pending(bool final);
  void encode_block(std::size_t begin, std::size_t end);
  std::size_t tokenise(std::size_t begin, std::size_t limit);
  void write_fixed_block();
  void write_stored_block(std::size_t begin, std::size_t end);
  void insert(std::size_t at);
  void put_bits(std::uint32_t value, int count);
  void align_to_byte();

  std::string& out_;
  std::string window_;          ///< the input from absolute position base_ on
  std::uint64_t base_ = 0;      ///< absolute position of window_[0]
  std::size_t done_ = 0;        ///< window_ index up to which the input is encoded
  std::vector<std::int64_t> head_;  ///< per hash, the latest absolute position, or -1
  std::vector<std::int64_t> prev_;  ///< per position mod 32 KiB, the one before of its hash
  std::vector<Token> tokens_;   ///< the block being encoded
  std::uint64_t bits_ = 0;
  int bit_count_ = 0;
  bool finished_ = false;
};

/// The whole of `bytes` as one raw DEFLATE stream.
std::string deflate_raw(std::string_view bytes);

}  // namespace tierlens
