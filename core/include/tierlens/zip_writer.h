// Writes a zip archive in memory, as an .xlsx workbook is one (zip_archive.h reads them).
// Every entry is DEFLATE-compressed as it is written (deflate.h; a block that does not shrink
// is stored inside the stream), and the archive is byte for byte deterministic: entries in the
// order added, every timestamp 1980-01-01 00:00, no extra fields, no system-specific
// attributes, so the native and the WebAssembly builds give identical files. No ZIP64: an
// entry or archive of 4 GiB or more is refused with std::length_error.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tierlens/deflate.h"

namespace tierlens {

class ZipWriter {
 public:
  ZipWriter();
  ~ZipWriter();
  ZipWriter(const ZipWriter&) = delete;
  ZipWriter& operator=(const ZipWriter&) = delete;

  /// Starts entry `name` (a path with '/' separators); its bytes follow by write(). Ends the
  /// entry before it, if one is open.
  void begin_entry(std::string name);
  /// The next bytes of the open entry.
  void write(std::string_view bytes);
  /// Ends the open entry: its CRC-32 and sizes go into its local header.
  void end_entry();
  /// A whole entry at once.
  void add(std::string name, std::string_view bytes);

  /// Ends the open entry, appends the central directory, and gives the archive; the writer is
  /// then empty.
  std::string finish();

 private:
  struct Entry {
    std::string name;
    std::uint32_t crc32 = 0;
    std::uint64_t compressed_size = 0;
    std::uint64_t size = 0;
    std::uint64_t offset = 0;  ///< of the local header
  };

  std::string out_;
  std::vector<Entry> entries_;
  std::unique_ptr<DeflateEncoder> encoder_;  ///< while an entry is open
  std::uint64_t data_start_ = 0;             ///< where the open entry's data begins
};

}  // namespace tierlens
