// A tiny zip writer for the tests: archives (and so .xlsx workbooks) built in the test, with
// the defects a test needs (a wrong CRC, an unknown method, an encrypted flag, ZIP64 records).
// Deflated entries use the system zlib, which only the tests link.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace tierlens::testing {

struct TestZipEntry {
  std::string name;
  std::string data;
  bool deflate = false;
  std::uint16_t flags = 0;
  int method_override = -1;  ///< write this method number instead of 0 or 8
  bool corrupt_crc = false;  ///< write a CRC-32 that does not match
};

struct TestZipOptions {
  std::string comment;  ///< the archive comment after the end record
  bool zip64 = false;   ///< ZIP64 end records and extra fields
};

/// Raw DEFLATE (no zlib header) of `data` by zlib.
inline std::string zlib_deflate_raw(const std::string& data, int level = 6,
                                    int strategy = Z_DEFAULT_STRATEGY) {
  z_stream stream{};
  deflateInit2(&stream, level, Z_DEFLATED, -15, 8, strategy);
  std::string out(deflateBound(&stream, static_cast<uLong>(data.size())) + 64, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

inline void put_le(std::string& out, std::uint64_t value, int width) {
  for (int i = 0; i < width; ++i) out += static_cast<char>((value >> (8 * i)) & 0xFF);
}

inline std::string make_zip(const std::vector<TestZipEntry>& entries,
                            const TestZipOptions& options = {}) {
  std::string zip;
  std::string directory;
  for (const TestZipEntry& entry : entries) {
    const std::string body = entry.deflate ? zlib_deflate_raw(entry.data) : entry.data;
    std::uint32_t crc =
        static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(entry.data.data()),
                                         static_cast<uInt>(entry.data.size())));
    if (entry.corrupt_crc) crc ^= 0x00010000;
    const int method = entry.method_override >= 0 ? entry.method_override : (entry.deflate ? 8 : 0);
    const std::uint64_t offset = zip.size();
    const std::uint32_t small_size =
        options.zip64 ? 0xFFFFFFFF : static_cast<std::uint32_t>(body.size());
    const std::uint32_t small_raw =
        options.zip64 ? 0xFFFFFFFF : static_cast<std::uint32_t>(entry.data.size());
    const std::uint32_t small_offset =
        options.zip64 ? 0xFFFFFFFF : static_cast<std::uint32_t>(offset);
    std::string zip64_extra;
    if (options.zip64) {
      put_le(zip64_extra, 1, 2);
      put_le(zip64_extra, 24, 2);
      put_le(zip64_extra, entry.data.size(), 8);
      put_le(zip64_extra, body.size(), 8);
      put_le(zip64_extra, offset, 8);
    }

    put_le(zip, 0x04034B50, 4);
    put_le(zip, 20, 2);  // version needed
    put_le(zip, entry.flags, 2);
    put_le(zip, static_cast<std::uint64_t>(method), 2);
    put_le(zip, 0, 4);  // time, date
    put_le(zip, crc, 4);
    put_le(zip, small_size, 4);
    put_le(zip, small_raw, 4);
    put_le(zip, entry.name.size(), 2);
    put_le(zip, 0, 2);  // no extra field in the local header
    zip += entry.name;
    zip += body;

    put_le(directory, 0x02014B50, 4);
    put_le(directory, 20, 2);  // version made by
    put_le(directory, 20, 2);  // version needed
    put_le(directory, entry.flags, 2);
    put_le(directory, static_cast<std::uint64_t>(method), 2);
    put_le(directory, 0, 4);
    put_le(directory, crc, 4);
    put_le(directory, small_size, 4);
    put_le(directory, small_raw, 4);
    put_le(directory, entry.name.size(), 2);
    put_le(directory, zip64_extra.size(), 2);
    put_le(directory, 0, 2);  // comment
    put_le(directory, 0, 2);  // disk
    put_le(directory, 0, 2);  // internal attributes
    put_le(directory, 0, 4);  // external attributes
    put_le(directory, small_offset, 4);
    directory += entry.name;
    directory += zip64_extra;
  }
  const std::uint64_t directory_offset = zip.size();
  zip += directory;
  if (options.zip64) {
    const std::uint64_t record = zip.size();
    put_le(zip, 0x06064B50, 4);
    put_le(zip, 44, 8);  // size of the rest of the record
    put_le(zip, 45, 2);
    put_le(zip, 45, 2);
    put_le(zip, 0, 4);
    put_le(zip, 0, 4);
    put_le(zip, entries.size(), 8);
    put_le(zip, entries.size(), 8);
    put_le(zip, directory.size(), 8);
    put_le(zip, directory_offset, 8);
    put_le(zip, 0x07064B50, 4);
    put_le(zip, 0, 4);
    put_le(zip, record, 8);
    put_le(zip, 1, 4);
  }
  put_le(zip, 0x06054B50, 4);
  put_le(zip, 0, 2);
  put_le(zip, 0, 2);
  put_le(zip, options.zip64 ? 0xFFFF : entries.size(), 2);
  put_le(zip, options.zip64 ? 0xFFFF : entries.size(), 2);
  put_le(zip, options.zip64 ? 0xFFFFFFFF : directory.size(), 4);
  put_le(zip, options.zip64 ? 0xFFFFFFFF : directory_offset, 4);
  put_le(zip, options.comment.size(), 2);
  zip += options.comment;
  return zip;
}

/// A minimal .xlsx: the package and workbook relationships, a workbook listing `sheets`
/// (name → sheet XML, in order, as xl/worksheets/sheetN.xml), and any `extra_parts` (e.g.
/// xl/sharedStrings.xml, xl/styles.xml; a part given as "" is left out of the archive).
inline std::string make_xlsx(const std::vector<std::pair<std::string, std::string>>& sheets,
                             const std::map<std::string, std::string>& extra_parts = {},
                             const std::string& workbook_pr = "<workbookPr/>") {
  std::string workbook =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" +
      workbook_pr + "<sheets>";
  std::string rels =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  std::map<std::string, std::string> parts;
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    const std::string n = std::to_string(i + 1);
    workbook +=
        "<sheet name=\"" + sheets[i].first + "\" sheetId=\"" + n + "\" r:id=\"rId" + n + "\"/>";
    rels +=
        "<Relationship Id=\"rId" + n +
        "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
        "Target=\"worksheets/sheet" +
        n + ".xml\"/>";
    parts["xl/worksheets/sheet" + n + ".xml"] = sheets[i].second;
  }
  workbook += "</sheets></workbook>";
  for (const auto& [kind, part] :
       {std::pair<std::string, std::string>{"sharedStrings", "xl/sharedStrings.xml"},
        {"styles", "xl/styles.xml"}}) {
    if (extra_parts.count(part)) {
      rels += "<Relationship Id=\"r" + kind +
              "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/" +
              kind + "\" Target=\"" + part.substr(3) + "\"/>";
    }
  }
  rels += "</Relationships>";
  parts["_rels/.rels"] =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" "
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
      "Target=\"xl/workbook.xml\"/></Relationships>";
  parts["xl/workbook.xml"] = workbook;
  parts["xl/_rels/workbook.xml.rels"] = rels;
  for (const auto& [name, text] : extra_parts) parts[name] = text;
  std::vector<TestZipEntry> entries;
  for (const auto& [name, text] : parts) {
    if (!text.empty()) entries.push_back({name, text, /*deflate=*/true});
  }
  return make_zip(entries);
}

/// A worksheet part around `sheet_data` (the rows), with `before` ahead of it (e.g. a
/// <dimension>).
inline std::string worksheet_xml(const std::string& sheet_data, const std::string& before = "") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
         "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">" +
         before + "<sheetData>" + sheet_data + "</sheetData></worksheet>";
}

}  // namespace tierlens::testing
