#include "tierlens/zip_writer.h"

#include <stdexcept>

#include "tierlens/crc32.h"

namespace tierlens {
namespace {

constexpr std::uint32_t kLocalHeader = 0x04034B50;
constexpr std::uint32_t kCentralHeader = 0x02014B50;
constexpr std::uint32_t kEndOfDirectory = 0x06054B50;
constexpr std::uint16_t kVersion = 20;         // 2.0: DEFLATE
constexpr std::uint16_t kMethodDeflate = 8;
constexpr std::uint16_t kUtf8NamesFlag = 0x0800;
constexpr std::uint16_t kDosTime = 0;          // 00:00:00
constexpr std::uint16_t kDosDate = (0 << 9) | (1 << 5) | 1;  // 1980-01-01, the earliest
constexpr std::size_t kCrcOffset = 14;         // in the local header
constexpr std::uint64_t kLimit = 0xFFFFFFFFu;  // beyond it ZIP64 would be needed

void put(std::string& out, std::uint64_t value, int width) {
  for (int i = 0; i < width; ++i) out += static_cast<char>((value >> (8 * i)) & 0xFF);
}

void put_at(std::string& out, std::size_t at, std::uint64_t value, int width) {
  for (int i = 0; i < width; ++i) out[at + i] = static_cast<char>((value >> (8 * i)) & 0xFF);
}

std::uint16_t name_flags(const std::string& name) {
  for (const char c : name) {
    if (static_cast<unsigned char>(c) >= 0x80) return kUtf8NamesFlag;
  }
  return 0;
}

void check_limit(std::uint64_t value) {
  if (value >= kLimit) throw std::length_error("the zip archive would need ZIP64 (4 GiB or more)");
}

}  // namespace

ZipWriter::ZipWriter() = default;
ZipWriter::~ZipWriter() = default;

void ZipWriter::begin_entry(std::string name) {
  end_entry();
  check_limit(out_.size());
  Entry entry;
  entry.offset = out_.size();
  put(out_, kLocalHeader, 4);
  put(out_, kVersion, 2);
  put(out_, name_flags(name), 2);
  put(out_, kMethodDeflate, 2);
  put(out_, kDosTime, 2);
  put(out_, kDosDate, 2);
  put(out_, 0, 12);  // CRC-32 and sizes, filled in by end_entry
  put(out_, name.size(), 2);
  put(out_, 0, 2);   // no extra field
  out_ += name;
  entry.name = std::move(name);
  entries_.push_back(std::move(entry));
  data_start_ = out_.size();
  encoder_ = std::make_unique<DeflateEncoder>(out_);
}

void ZipWriter::write(std::string_view bytes) {
  if (!encoder_) throw std::logic_error("ZipWriter::write without an open entry");
  Entry& entry = entries_.back();
  entry.crc32 = crc32_update(entry.crc32, bytes);
  entry.size += bytes.size();
  check_limit(entry.size);
  encoder_->write(bytes);
}

void ZipWriter::end_entry() {
  if (!encoder_) return;
  encoder_->finish();
  encoder_.reset();
  Entry& entry = entries_.back();
  entry.compressed_size = out_.size() - data_start_;
  check_limit(entry.compressed_size);
  const std::size_t at = static_cast<std::size_t>(entry.offset) + kCrcOffset;
  put_at(out_, at, entry.crc32, 4);
  put_at(out_, at + 4, entry.compressed_size, 4);
  put_at(out_, at + 8, entry.size, 4);
}

void ZipWriter::add(std::string name, std::string_view bytes) {
  begin_entry(std::move(name));
  write(bytes);
  end_entry();
}

std::string ZipWriter::finish() {
  end_entry();
  const std::uint64_t directory_offset = out_.size();
  check_limit(directory_offset);
  for (const Entry& entry : entries_) {
    put(out_, kCentralHeader, 4);
    put(out_, kVersion, 2);  // made by: MS-DOS (0) and 2.0, so no host attributes apply
    put(out_, kVersion, 2);
    put(out_, name_flags(entry.name), 2);
    put(out_, kMethodDeflate, 2);
    put(out_, kDosTime, 2);
    put(out_, kDosDate, 2);
    put(out_, entry.crc32, 4);
    put(out_, entry.compressed_size, 4);
    put(out_, entry.size, 4);
    put(out_, entry.name.size(), 2);
    put(out_, 0, 2);  // extra field
    put(out_, 0, 2);  // comment
    put(out_, 0, 2);  // disk
    put(out_, 0, 2);  // internal attributes
    put(out_, 0, 4);  // external attributes
    put(out_, entry.offset, 4);
    out_ += entry.name;
  }
  const std::uint64_t directory_size = out_.size() - directory_offset;
  if (entries_.size() > 0xFFFF) throw std::length_error("the zip archive would need ZIP64 (65,535 entries or more)");
  put(out_, kEndOfDirectory, 4);
  put(out_, 0, 2);  // this disk
  put(out_, 0, 2);  // the directory's disk
  put(out_, entries_.size(), 2);
  put(out_, entries_.size(), 2);
  put(out_, directory_size, 4);
  put(out_, directory_offset, 4);
  put(out_, 0, 2);  // no comment
  entries_.clear();
  std::string archive = std::move(out_);
  out_.clear();
  return archive;
}

}  // namespace tierlens
