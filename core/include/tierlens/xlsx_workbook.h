// Excel workbooks (.xlsx) read as CSV text: each worksheet streams out as the CSV a
// spreadsheet would export (comma, "\n", RFC 4180 quotes; sheet row n is line n, every line
// as wide as the sheet; dates as YYYY-MM-DD), so that one CSV reader, with one set of rules
// and skip reasons, serves every format. Plain C++: the zip and DEFLATE layers are the core's.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tierlens/status.h"

namespace tierlens {

struct XlsxContents;

struct XlsxSheet {
  std::string name;  ///< as on the sheet's tab
  std::string part;  ///< the zip entry holding it, e.g. "xl/worksheets/sheet1.xml"
};

class XlsxWorkbook {
 public:
  /// Reads the structure of a whole .xlsx file (zip bytes, which must outlive the workbook):
  /// the sheets in workbook order (xl/workbook.xml + xl/_rels/workbook.xml.rels), the shared
  /// strings, the styles that make a number a date, and the 1900/1904 date system.
  /// Errors (not a zip, damaged, not a workbook) are kBadWorkbook and name `file_name`.
  static Status open(std::string_view file_bytes, const std::string& file_name,
                     XlsxWorkbook& workbook);

  /// The worksheets in tab order (chart sheets, which hold no cells, are left out).
  const std::vector<XlsxSheet>& sheets() const { return sheets_; }

  /// Streams sheet `index` as CSV text to `sink`, in chunks of about 64 KiB, until the sink
  /// answers false (then the rest is not read, and that is no error). Cells become
  /// text as Excel shows them without number formatting: shared and inline strings, cached
  /// formula results, TRUE/FALSE, error codes (#N/A), numbers as the shortest decimal that
  /// reads back the same (82.8, 0.0000001), dates and times as YYYY-MM-DD[ HH:MM:SS].
  /// Missing rows are empty lines; trailing rows without content are left out. On an error
  /// the CSV sent so far is incomplete.
  Status sheet_as_csv(std::size_t index, const std::function<bool(std::string_view)>& sink) const;

 private:
  std::vector<XlsxSheet> sheets_;
  std::shared_ptr<const XlsxContents> contents_;
};

/// True when the bytes start like a zip archive ("PK\x03\x04"), as every .xlsx does.
bool looks_like_zip(std::string_view head);

}  // namespace tierlens
