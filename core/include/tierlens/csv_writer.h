// Writes CSV that Excel opens correctly and safely: UTF-8 with a BOM (so Chinese names are
// not garbled), CRLF line ends, RFC 4180 quoting, and text cells that would start a formula
// (= + - @, tab, CR) prefixed with an apostrophe so they cannot run as one.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace tierlens {

/// Appends `field` to `csv` as one RFC 4180 field: quoted, quotes doubled, when it holds a
/// comma, a quote or a line break, or starts or ends with a space. No BOM, no formula guard:
/// for the CSV TierLens writes to read back itself (JSON rows and workbook sheets turned
/// into CSV text, the built-in sample).
void append_csv_field(std::string& csv, std::string_view field);

class CsvWriter {
 public:
  /// Starts the document with the UTF-8 byte order mark.
  CsvWriter();

  /// A text cell: quoted when needed and guarded against formula injection.
  CsvWriter& text(std::string_view value);
  /// A cell known to be a number or a date we formatted ourselves: written as it is.
  CsvWriter& number(std::string_view formatted);
  CsvWriter& number(std::int64_t value);
  void end_row();

  const std::string& str() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  void separate();

  std::string out_;
  bool row_started_ = false;
};

}  // namespace tierlens
