// The core's DEFLATE decoder against the system zlib: whatever zlib compresses, at any level
// and strategy, must come back byte for byte; damaged streams must be refused, not crash.
#include "tierlens/inflate.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <random>
#include <string>

#include "tierlens/crc32.h"
#include "zip_writer.h"

namespace tierlens {
namespace {

using testing::zlib_deflate_raw;

std::string random_bytes(std::size_t size, unsigned seed) {
  std::mt19937 random(seed);
  std::string bytes(size, '\0');
  for (char& c : bytes) c = static_cast<char>(random() & 0xFF);
  return bytes;
}

/// Text that compresses like a sheet's XML: repeated tags, varying numbers, some long runs.
std::string repetitive_text(std::size_t size, unsigned seed) {
  std::mt19937 random(seed);
  std::string text;
  while (text.size() < size) {
    const unsigned row = random() % 100000;
    text += "<row r=\"" + std::to_string(row) + "\"><c r=\"A" + std::to_string(row) +
            "\" t=\"s\"><v>" + std::to_string(random() % 5000) + "</v></c>";
    if (random() % 50 == 0) text.append(random() % 3000, static_cast<char>('a' + random() % 26));
  }
  text.resize(size);
  return text;
}

struct Inflated {
  Status status;
  std::string bytes;
  std::size_t largest_piece = 0;
};

Inflated inflate_all(std::string_view compressed) {
  Inflated result;
  result.status = inflate_raw(compressed, [&](std::string_view piece) {
    result.bytes += piece;
    result.largest_piece = std::max(result.largest_piece, piece.size());
    return true;
  });
  return result;
}

TEST(Inflate, DecodesWhatZlibWritesAtEveryLevelAndStrategy) {
  const std::size_t sizes[] = {0, 1, 2, 257, 32767, 32768, 32769, 65536, 100003, 3u << 20};
  int cases = 0;
  for (const std::size_t size : sizes) {
    for (const bool random : {true, false}) {
      const std::string data =
          random ? random_bytes(size, static_cast<unsigned>(size)) : repetitive_text(size, 7);
      for (const int level : {0, 1, 6, 9}) {
        // Z_FIXED forces fixed-Huffman blocks, Z_DEFAULT_STRATEGY dynamic ones, level 0 and
        // incompressible data stored ones; Z_RLE makes distance-1 overlapping copies.
        for (const int strategy : {Z_DEFAULT_STRATEGY, Z_FIXED, Z_RLE, Z_HUFFMAN_ONLY}) {
          if (size == (3u << 20) && strategy != Z_DEFAULT_STRATEGY) continue;  // keep it quick
          const std::string compressed = zlib_deflate_raw(data, level, strategy);
          const Inflated inflated = inflate_all(compressed);
          ASSERT_TRUE(inflated.status.ok()) << inflated.status.message() << " size " << size
                                            << " level " << level << " strategy " << strategy;
          ASSERT_EQ(inflated.bytes.size(), data.size()) << "size " << size << " level " << level;
          ASSERT_TRUE(inflated.bytes == data)
              << "size " << size << " level " << level << " strategy " << strategy;
          // Memory stays bounded: the output reaches the sink in pieces of at most 64 KiB + a
          // match.
          EXPECT_LE(inflated.largest_piece, 65536u + 258u);
          ++cases;
        }
      }
    }
  }
  EXPECT_GT(cases, 200);
}

TEST(Inflate, ReadsManySmallBlocks) {
  // Z_FULL_FLUSH after every few bytes: many blocks, each ending with an empty stored block.
  const std::string data = repetitive_text(200000, 3);
  z_stream stream{};
  deflateInit2(&stream, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
  std::string compressed(deflateBound(&stream, data.size()) * 2 + 100000, '\0');
  stream.next_out = reinterpret_cast<Bytef*>(compressed.data());
  stream.avail_out = static_cast<uInt>(compressed.size());
  for (std::size_t at = 0; at < data.size(); at += 777) {
    const std::size_t piece = std::min<std::size_t>(777, data.size() - at);
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data() + at));
    stream.avail_in = static_cast<uInt>(piece);
    deflate(&stream, at + piece == data.size() ? Z_FINISH
                     : (at / 777) % 2          ? Z_FULL_FLUSH
                                               : Z_SYNC_FLUSH);
  }
  compressed.resize(stream.total_out);
  deflateEnd(&stream);
  const Inflated inflated = inflate_all(compressed);
  ASSERT_TRUE(inflated.status.ok()) << inflated.status.message();
  EXPECT_TRUE(inflated.bytes == data);
}

TEST(Inflate, SinkCanStopEarly) {
  const std::string compressed = zlib_deflate_raw(repetitive_text(1 << 20, 5));
  int calls = 0;
  const Status status = inflate_raw(compressed, [&](std::string_view) { return ++calls < 2; });
  EXPECT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(calls, 2);
}

TEST(Inflate, EveryTruncationIsAnError) {
  for (const bool random : {false, true}) {
    const std::string data = random ? random_bytes(3000, 11) : repetitive_text(20000, 9);
    const std::string compressed = zlib_deflate_raw(data, 9);
    for (std::size_t length = 0; length < compressed.size(); ++length) {
      const Inflated inflated = inflate_all(std::string_view(compressed).substr(0, length));
      ASSERT_FALSE(inflated.status.ok())
          << "a stream cut to " << length << " of " << compressed.size() << " bytes";
      EXPECT_EQ(inflated.status.code(), ErrorCode::kBadWorkbook);
    }
  }
  EXPECT_EQ(inflate_all("").status.message(), "the compressed data ends too early");
}

TEST(Inflate, DamagedStreamsFailOrDecodeWithinBounds) {
  // Flipped bits may still decode (to other bytes), but must end: never a crash, a hang or
  // output beyond what the window allows. The fuzz target checks the same under ASan.
  const std::string data = repetitive_text(50000, 13);
  const std::string compressed = zlib_deflate_raw(data, 6);
  std::mt19937 random(17);
  int refused = 0;
  for (int trial = 0; trial < 2000; ++trial) {
    std::string damaged = compressed;
    for (int flips = 0; flips < 1 + trial % 4; ++flips) {
      damaged[random() % damaged.size()] ^= static_cast<char>(1 << (random() % 8));
    }
    const Inflated inflated = inflate_all(damaged);
    if (!inflated.status.ok()) ++refused;
    EXPECT_LE(inflated.bytes.size(), damaged.size() * 8 * 258);
  }
  // Without the zlib wrapper's checksum many flips in literals decode "fine"; the rest are
  // caught by the decoder itself.
  EXPECT_GT(refused, 500);
}

TEST(Inflate, NamesWhatIsWrong) {
  // BFINAL=1, BTYPE=3.
  EXPECT_EQ(inflate_all("\x07").status.message(),
            "corrupt compressed data at byte 0: invalid block type 3");
  // A stored block whose length check is not the complement of its length.
  EXPECT_EQ(inflate_all(std::string("\x01\x05\x00\x00\x00hello", 10)).status.message(),
            "corrupt compressed data at byte 5: a stored block's length check does not match");
  // A fixed block whose first symbol is a match (length 3, distance 1): nothing to copy yet.
  EXPECT_EQ(inflate_all(std::string("\x03\x02", 2)).status.message(),
            "corrupt compressed data at byte 1: a match reaches back before the start of the data");
  // A dynamic block whose code-length code is incomplete (19 codes of 7 bits).
  EXPECT_NE(inflate_all(std::string("\x05\xE0\xFF\xFF\xFF\xFF\xFF\xFF\xFF", 9))
                .status.message()
                .find("invalid code-length code"),
            std::string::npos);
  // A stored block of "hello" is fine, and bytes after the final block are ignored.
  const Inflated hello = inflate_all(std::string("\x01\x05\x00\xFA\xFFhello trailing", 19));
  EXPECT_TRUE(hello.status.ok()) << hello.status.message();
  EXPECT_EQ(hello.bytes, "hello");
}

TEST(Crc32, MatchesZlib) {
  for (const std::size_t size : {0u, 1u, 3u, 4u, 5u, 1000u, 65537u}) {
    const std::string data = random_bytes(size, static_cast<unsigned>(size) + 1);
    const auto expected = static_cast<std::uint32_t>(
        crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
    EXPECT_EQ(crc32_update(0, data), expected) << size;
    // Continued over two pieces, as the zip reader does chunk by chunk.
    const std::size_t half = size / 3;
    EXPECT_EQ(crc32_update(crc32_update(0, data.substr(0, half)), data.substr(half)), expected)
        << size;
  }
  EXPECT_EQ(crc32_update(0, "123456789"), 0xCBF43926u);  // the CRC-32 check value
}

}  // namespace
}  // namespace tierlens
