// One worksheet's XML turned into CSV text as it streams by, so that a workbook is read by the
// same CSV reader as every other format, and reads like the CSV a spreadsheet would export.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "tierlens/status.h"
#include "xlsx_contents.h"
#include "xml_scan.h"

namespace tierlens {

/// Receives the CSV text in pieces of about 64 KiB; answers false to stop the sheet there.
using CsvTextSink = std::function<bool(std::string_view csv)>;

class SheetCsvConverter {
 public:
  /// `part` names the sheet in error messages.
  SheetCsvConverter(const XlsxContents& contents, std::string part, const CsvTextSink& sink);

  /// One token of the sheet's XML; false after an error (see status()).
  bool on_token(const XmlToken& token);
  /// After the last token: hands the last CSV text to the sink; false when the sheet was
  /// not a complete worksheet.
  bool finish();

  const Status& status() const { return status_; }
  /// True when the sink asked to stop: the sheet was not read to its end, on purpose.
  bool stopped() const { return stopped_; }

 private:
  enum class CellType {
    kNumber,
    kSharedString,
    kInlineString,
    kFormulaString,
    kBoolean,
    kError,
    kDate
  };

  bool fail(const std::string& what);
  bool start_row(const XmlToken& token);
  bool start_cell(const XmlToken& token);
  bool end_cell();
  void end_row();
  void write_empty_line();
  void write_field(std::string_view text);
  void flush_if_full();

  const XlsxContents& contents_;
  std::string part_;
  const CsvTextSink& sink_;
  Status status_;
  bool stopped_ = false;
  std::string csv_;

  std::size_t width_ = 0;            ///< fields per line: the dimension, or the widest row so far
  std::uint64_t lines_written_ = 0;  ///< = the sheet row number of the last line written
  std::uint64_t row_ = 0;            ///< the row being read (0 before the first)
  bool in_sheet_data_ = false;
  bool seen_sheet_data_ = false;
  bool in_row_ = false;
  std::vector<std::string> cells_;  ///< the row's cells by column; cells_[row_width_..) are empty
  std::size_t row_width_ = 0;       ///< one past the last non-empty cell of the row
  std::size_t next_column_ = 0;     ///< for cells without r="…": the one after the last

  bool in_cell_ = false;
  std::size_t column_ = 0;
  CellType type_ = CellType::kNumber;
  std::size_t style_ = 0;
  std::string cell_reference_;  ///< for messages
  bool in_value_ = false;       ///< inside <v>
  bool in_inline_ = false;      ///< inside <is>
  bool in_text_ = false;        ///< inside <t> of <is>
  int phonetic_depth_ = 0;      ///< inside <rPh> of <is>: left out
  std::string value_;           ///< the cell's <v> or <is> text, XML escapes decoded
  std::string text_;            ///< scratch
};

}  // namespace tierlens
