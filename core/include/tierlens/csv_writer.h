// Writes CSV that Excel opens correctly and safely: UTF-8 with a BOM (so Chinese names are
// not garbled), CRLF line ends, RFC 4180 quoting, and text cells that would start a formula
// (= + - @, tab, CR) prefixed with an apostrophe so they cannot run as one.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace tierlens {

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
