// The bytes a later part of a file travels in between two readers (order_ingest_parts.cpp):
// little-endian integers of fixed width and strings prefixed by their length. Both ends are
// the same build, and the bytes are never stored, so there is no version; but a reader that
// would run past the end stops and says so, rather than reading out of bounds.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace tierlens {

class PartWriter {
 public:
  void u8(std::uint8_t value) { bytes_.push_back(static_cast<char>(value)); }
  void u32(std::uint32_t value) { fixed(value); }
  void u64(std::uint64_t value) { fixed(value); }
  void i32(std::int32_t value) { fixed(static_cast<std::uint32_t>(value)); }
  void i64(std::int64_t value) { fixed(static_cast<std::uint64_t>(value)); }
  void text(std::string_view value) {
    u32(static_cast<std::uint32_t>(value.size()));
    bytes_.append(value);
  }
  void reserve(std::size_t bytes) { bytes_.reserve(bytes); }
  std::string take() { return std::move(bytes_); }

 private:
  template <typename Unsigned>
  void fixed(Unsigned value) {
    char little_endian[sizeof(Unsigned)];
    for (std::size_t i = 0; i < sizeof(Unsigned); ++i) little_endian[i] = static_cast<char>(value >> (8 * i));
    bytes_.append(little_endian, sizeof(Unsigned));
  }

  std::string bytes_;
};

class PartReader {
 public:
  explicit PartReader(std::string_view bytes) : bytes_(bytes) {}

  std::uint8_t u8() { return static_cast<std::uint8_t>(fixed<std::uint8_t>()); }
  std::uint32_t u32() { return fixed<std::uint32_t>(); }
  std::uint64_t u64() { return fixed<std::uint64_t>(); }
  std::int32_t i32() { return static_cast<std::int32_t>(fixed<std::uint32_t>()); }
  std::int64_t i64() { return static_cast<std::int64_t>(fixed<std::uint64_t>()); }
  std::string_view text() {
    const std::uint32_t size = u32();
    if (!ok_ || size > bytes_.size() - at_) return fail();
    const std::string_view value = bytes_.substr(at_, size);
    at_ += size;
    return value;
  }
  /// The next `size` bytes as they are, to be read later (by a PartReader of their own).
  std::string_view bytes(std::size_t size) {
    if (!ok_ || size > bytes_.size() - at_) return fail();
    const std::string_view value = bytes_.substr(at_, size);
    at_ += size;
    return value;
  }
  /// Whether `count` items of at least `bytes_each` bytes can still follow: a count read
  /// from the bytes is checked before anything is sized by it.
  bool has_room_for(std::uint64_t count, std::size_t bytes_each) {
    if (ok_ && count <= (bytes_.size() - at_) / bytes_each) return true;
    fail();
    return false;
  }

  bool ok() const { return ok_; }
  bool at_end() const { return ok_ && at_ == bytes_.size(); }

 private:
  template <typename Unsigned>
  Unsigned fixed() {
    if (!ok_ || bytes_.size() - at_ < sizeof(Unsigned)) {
      fail();
      return 0;
    }
    Unsigned value = 0;
    for (std::size_t i = 0; i < sizeof(Unsigned); ++i) {
      value |= static_cast<Unsigned>(static_cast<Unsigned>(static_cast<unsigned char>(bytes_[at_ + i])) << (8 * i));
    }
    at_ += sizeof(Unsigned);
    return value;
  }
  std::string_view fail() {
    ok_ = false;
    return {};
  }

  std::string_view bytes_;
  std::size_t at_ = 0;
  bool ok_ = true;
};

}  // namespace tierlens
