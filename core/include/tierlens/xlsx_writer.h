// Writes Office Open XML workbooks (.xlsx): tables in, the file's bytes out. Each table is a
// worksheet with a bold, frozen header row, an AutoFilter on it, and column widths fitted to
// the content; text is written as shared strings, numbers as numeric cells with a number
// format, dates as real dates (a date style), so Excel sorts and sums them as it should.
//
// A text cell is only ever text: the writer has no formula cell at all (no <f> element is
// ever written), so a value such as =HYPERLINK("…") stays the characters it is and cannot run,
// whatever it starts with; formula injection is impossible by construction. (The CSV writer
// needs its apostrophe guard because a CSV cell has no type; see csv_writer.h.)
//
// Byte for byte deterministic (zip_writer.h), so that the CLI's file and the page's download
// are the same bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "tierlens/civil_date.h"

namespace tierlens {

/// How a numeric cell is shown; the value is the same whatever the format.
enum class XlsxFormat : std::uint8_t {
  kGeneral,   ///< as it is: 12, 0.5
  kMoney,     ///< #,##0.00
  kDecimal4,  ///< 0.0000
  kPercent,   ///< 0.00%
};

/// The cells of one row, filled left to right by XlsxTable::fill. Reused row after row.
class XlsxRow {
 public:
  /// A text cell. Invalid UTF-8 becomes U+FFFD, characters XML cannot hold are escaped as
  /// _xHHHH_ (as Excel does), and text past Excel's 32,767 characters per cell is cut there.
  XlsxRow& text(std::string_view value);
  /// A number given as decimal text, such as "1234.50" or "-3" (written as it is, so the cell
  /// holds exactly the number the CSV shows); "" is an empty cell, and anything that is not a
  /// decimal number becomes a text cell.
  XlsxRow& number(std::string_view decimal, XlsxFormat format = XlsxFormat::kGeneral);
  XlsxRow& number(std::int64_t value);
  /// A number as the shortest decimal that reads back the same double (the form summary.json
  /// uses); NaN and infinities are an empty cell.
  XlsxRow& number(double value, XlsxFormat format);
  /// A date cell shown as YYYY-MM-DD; kNoDay (order_ingest.h) is an empty cell, and a day before 1900-03-01
  /// (where Excel's calendar is wrong) is written as YYYY-MM-DD text.
  XlsxRow& date(DayNumber day);
  XlsxRow& empty();

  enum class Kind : std::uint8_t { kEmpty, kText, kNumber, kDate };
  struct Cell {
    Kind kind = Kind::kEmpty;
    XlsxFormat format = XlsxFormat::kGeneral;
    std::string value;  ///< the text, or the number's decimal text (a date: its serial)
  };
  const Cell* begin() const { return cells_.data(); }
  const Cell* end() const { return cells_.data() + size_; }
  void clear() { size_ = 0; }

 private:
  Cell& next();

  std::vector<Cell> cells_;
  std::size_t size_ = 0;
};

/// A table that becomes one worksheet: the header row, then `rows` rows made on demand (so a
/// million customers never exist as cells all at once). A table longer than a sheet's
/// 1,048,575 rows under its header goes on over more sheets, named "name (2)", "name (3)" …
struct XlsxTable {
  std::string name;  ///< the sheet's tab: at most 31 characters, none of []:*?/\ .
  std::vector<std::string> header;
  std::size_t rows = 0;
  /// Fills `cells` (empty on entry) with row `row`, 0-based; called in order, and for the
  /// first rows once more to fit the column widths.
  std::function<void(std::size_t row, XlsxRow& cells)> fill;
};

/// The workbook of `tables`, one worksheet each, in order; the first is the active one.
std::string write_xlsx(const std::vector<XlsxTable>& tables);

}  // namespace tierlens
