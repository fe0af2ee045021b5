// A zip archive held whole in memory, as an .xlsx workbook is one: the central directory is
// read once, and an entry's bytes are decoded on demand, streamed, with their CRC-32 checked.
// Stored and deflated entries are read (what spreadsheet programs write), with ZIP64 sizes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tierlens/inflate.h"
#include "tierlens/status.h"

namespace tierlens {

/// One file of the archive, as the central directory describes it.
struct ZipEntry {
  std::string name;
  std::uint16_t flags = 0;
  std::uint16_t method = 0;  ///< 0 stored, 8 deflate; others are refused when read
  std::uint32_t crc32 = 0;
  std::uint64_t compressed_size = 0;
  std::uint64_t uncompressed_size = 0;
  std::uint64_t local_header_offset = 0;
};

class ZipArchive {
 public:
  /// Reads the directory of the zip `bytes` (not copied: they must outlive the archive).
  /// `file_name` starts every error message. Not a zip, truncated or inconsistent: kBadWorkbook.
  static Status open(std::string_view bytes, const std::string& file_name, ZipArchive& archive);

  const std::vector<ZipEntry>& entries() const { return entries_; }
  /// The entry named `name`, compared ignoring ASCII case as zip-based office formats name
  /// their parts; nullptr when there is none.
  const ZipEntry* find(std::string_view name) const;

  /// Streams the uncompressed bytes of `entry` to `sink` and checks their size and CRC-32 at
  /// the end (a sink that stops early skips the check). Encrypted entries, methods other than
  /// stored and deflate, and damaged data are kBadWorkbook errors naming the file and entry.
  Status read(const ZipEntry& entry, const InflateSink& sink) const;
  /// The same by name; a missing entry is an error.
  Status read(std::string_view name, const InflateSink& sink) const;
  /// The whole of a (small) entry.
  Status read_whole(std::string_view name, std::string& contents) const;

 private:
  Status error(const std::string& what) const;
  Status read_directory(std::uint64_t offset, std::uint64_t size, std::uint64_t count);

  std::string_view bytes_;
  std::string file_name_;
  std::vector<ZipEntry> entries_;
};

}  // namespace tierlens
