#include "tierlens/zip_archive.h"

#include <algorithm>

#include "tierlens/crc32.h"

namespace tierlens {
namespace {

constexpr std::uint32_t kLocalHeader = 0x04034B50;     // "PK\3\4"
constexpr std::uint32_t kCentralHeader = 0x02014B50;   // "PK\1\2"
constexpr std::uint32_t kEndOfDirectory = 0x06054B50;  // "PK\5\6"
constexpr std::uint32_t kZip64End = 0x06064B50;        // "PK\6\6"
constexpr std::uint32_t kZip64Locator = 0x07064B50;    // "PK\6\7"
constexpr std::size_t kEndOfDirectorySize = 22;
constexpr std::size_t kCentralHeaderSize = 46;
constexpr std::size_t kLocalHeaderSize = 30;
constexpr std::uint16_t kZip64ExtraId = 0x0001;
constexpr std::uint16_t kEncryptedFlag = 0x0001;

std::uint64_t read_le(std::string_view bytes, std::size_t at, int width) {
  std::uint64_t value = 0;
  for (int i = width - 1; i >= 0; --i)
    value = value << 8 | static_cast<unsigned char>(bytes[at + i]);
  return value;
}
std::uint16_t u16(std::string_view bytes, std::size_t at) {
  return static_cast<std::uint16_t>(read_le(bytes, at, 2));
}
std::uint32_t u32(std::string_view bytes, std::size_t at) {
  return static_cast<std::uint32_t>(read_le(bytes, at, 4));
}
std::uint64_t u64(std::string_view bytes, std::size_t at) { return read_le(bytes, at, 8); }

bool fits(std::string_view bytes, std::uint64_t at, std::uint64_t length) {
  return at <= bytes.size() && length <= bytes.size() - at;
}

bool equal_ignoring_ascii_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i];
    char y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

/// Replaces the 32-bit sizes and offset that say "see the ZIP64 extra field" (all ones) with
/// the 64-bit values found there, in the order the format fixes.
void apply_zip64_extra(std::string_view extra, ZipEntry& entry) {
  while (extra.size() >= 4) {
    const std::uint16_t id = u16(extra, 0);
    const std::size_t size = std::min<std::size_t>(u16(extra, 2), extra.size() - 4);
    if (id == kZip64ExtraId) {
      std::string_view field = extra.substr(4, size);
      for (std::uint64_t* value :
           {&entry.uncompressed_size, &entry.compressed_size, &entry.local_header_offset}) {
        if (*value != 0xFFFFFFFF) continue;
        if (field.size() < 8) return;
        *value = u64(field, 0);
        field.remove_prefix(8);
      }
      return;
    }
    extra.remove_prefix(4 + size);
  }
}

}  // namespace

Status ZipArchive::error(const std::string& what) const {
  return Status::error(ErrorCode::kBadWorkbook, file_name_ + ": " + what);
}

Status ZipArchive::open(std::string_view bytes, const std::string& file_name, ZipArchive& archive) {
  archive = ZipArchive();
  archive.bytes_ = bytes;
  archive.file_name_ = file_name;
  // The end record is the last thing in the file, followed only by a comment of up to 64 KiB.
  if (bytes.size() < kEndOfDirectorySize) {
    return archive.error("not a zip archive (too short); an .xlsx workbook is a zip archive");
  }
  const std::size_t last = bytes.size() - kEndOfDirectorySize;
  const std::size_t first = last > 0xFFFF ? last - 0xFFFF : 0;
  std::size_t end = std::string_view::npos;
  for (std::size_t at = last + 1; at-- > first;) {
    if (u32(bytes, at) == kEndOfDirectory &&
        at + kEndOfDirectorySize + u16(bytes, at + 20) <= bytes.size()) {
      end = at;
      break;
    }
  }
  if (end == std::string_view::npos) {
    return archive.error(u32(bytes, 0) == kLocalHeader
                             ? "the zip archive is truncated (its central directory is missing)"
                             : "not a zip archive (no end of central directory); an .xlsx workbook "
                               "is a zip archive");
  }
  std::uint64_t count = u16(bytes, end + 10);
  std::uint64_t size = u32(bytes, end + 12);
  std::uint64_t offset = u32(bytes, end + 16);
  if (u16(bytes, end + 4) != 0 || u16(bytes, end + 6) != 0) {
    return archive.error("a zip archive split over several files is not supported");
  }
  const bool wants_zip64 = count == 0xFFFF || size == 0xFFFFFFFF || offset == 0xFFFFFFFF;
  if (wants_zip64 && end >= 20 && u32(bytes, end - 20) == kZip64Locator) {
    const std::uint64_t record = u64(bytes, end - 20 + 8);
    if (!fits(bytes, record, 56) || u32(bytes, record) != kZip64End) {
      return archive.error("the zip archive's ZIP64 end record is missing or damaged");
    }
    count = u64(bytes, record + 32);
    size = u64(bytes, record + 40);
    offset = u64(bytes, record + 48);
  }
  if (!fits(bytes, offset, size))
    return archive.error("the zip archive is truncated (its central directory is cut off)");
  return archive.read_directory(offset, size, count);
}

Status ZipArchive::read_directory(std::uint64_t offset, std::uint64_t size, std::uint64_t count) {
  const std::string_view directory = bytes_.substr(offset, size);
  entries_.reserve(std::min<std::uint64_t>(count, directory.size() / kCentralHeaderSize));
  std::size_t at = 0;
  for (std::uint64_t i = 0; i < count; ++i) {
    if (!fits(directory, at, kCentralHeaderSize) || u32(directory, at) != kCentralHeader) {
      return error("the zip archive's central directory is damaged at entry " +
                   std::to_string(i + 1));
    }
    ZipEntry entry;
    entry.flags = u16(directory, at + 8);
    entry.method = u16(directory, at + 10);
    entry.crc32 = u32(directory, at + 16);
    entry.compressed_size = u32(directory, at + 20);
    entry.uncompressed_size = u32(directory, at + 24);
    const std::size_t name_length = u16(directory, at + 28);
    const std::size_t extra_length = u16(directory, at + 30);
    const std::size_t comment_length = u16(directory, at + 32);
    entry.local_header_offset = u32(directory, at + 42);
    const std::size_t variable = name_length + extra_length + comment_length;
    if (!fits(directory, at + kCentralHeaderSize, variable)) {
      return error("the zip archive's central directory is damaged at entry " +
                   std::to_string(i + 1));
    }
    entry.name = std::string(directory.substr(at + kCentralHeaderSize, name_length));
    apply_zip64_extra(directory.substr(at + kCentralHeaderSize + name_length, extra_length), entry);
    entries_.push_back(std::move(entry));
    at += kCentralHeaderSize + variable;
  }
  return Status();
}

const ZipEntry* ZipArchive::find(std::string_view name) const {
  for (const ZipEntry& entry : entries_) {
    if (equal_ignoring_ascii_case(entry.name, name)) return &entry;
  }
  return nullptr;
}

Status ZipArchive::read(std::string_view name, const InflateSink& sink) const {
  const ZipEntry* entry = find(name);
  if (!entry) return error(std::string(name) + " is missing from the archive");
  return read(*entry, sink);
}

Status ZipArchive::read_whole(std::string_view name, std::string& contents) const {
  contents.clear();
  return read(name, [&](std::string_view bytes) {
    contents += bytes;
    return true;
  });
}

Status ZipArchive::read(const ZipEntry& entry, const InflateSink& sink) const {
  const std::string& name = entry.name;
  if (entry.flags & kEncryptedFlag) {
    return error(name + " is encrypted; save the workbook without a password and try again");
  }
  if (entry.method != 0 && entry.method != 8) {
    return error(name + " uses compression method " + std::to_string(entry.method) +
                 "; only stored (0) and deflate (8) entries can be read");
  }
  const std::uint64_t header = entry.local_header_offset;
  if (!fits(bytes_, header, kLocalHeaderSize) || u32(bytes_, header) != kLocalHeader) {
    return error(name + ": its local header is missing or damaged (the archive is truncated?)");
  }
  // The local header's own sizes may be zero (written later in a data descriptor), so the
  // central directory's are used; only the local name and extra lengths place the data.
  const std::uint64_t data_at =
      header + kLocalHeaderSize + u16(bytes_, header + 26) + u16(bytes_, header + 28);
  if (!fits(bytes_, data_at, entry.compressed_size)) {
    return error(name + " is cut off: the archive is truncated");
  }
  const std::string_view data = bytes_.substr(data_at, entry.compressed_size);

  std::uint64_t produced = 0;
  std::uint32_t crc = 0;
  bool too_long = false;
  bool stopped = false;
  const InflateSink checking = [&](std::string_view bytes) {
    produced += bytes.size();
    if (produced > entry.uncompressed_size) {
      too_long = true;
      return false;
    }
    crc = crc32_update(crc, bytes);
    stopped = !sink(bytes);
    return !stopped;
  };
  if (entry.method == 0) {
    if (entry.compressed_size != entry.uncompressed_size) {
      return error(name + ": a stored entry's sizes disagree (the archive is damaged)");
    }
    // In pieces, like inflated data, so the sink sees the same chunk sizes either way.
    for (std::size_t at = 0; at < data.size() && !stopped && !too_long; at += 65536)
      checking(data.substr(at, 65536));
  } else if (Status status = inflate_raw(data, checking); !status.ok()) {
    return error(name + ": " + status.message());
  }
  if (too_long) return error(name + " holds more data than the archive says (it is damaged)");
  if (stopped) return Status();
  if (produced != entry.uncompressed_size) {
    return error(name + " holds less data than the archive says (it is damaged)");
  }
  if (crc != entry.crc32) return error(name + " is damaged: its CRC-32 does not match");
  return Status();
}

}  // namespace tierlens
