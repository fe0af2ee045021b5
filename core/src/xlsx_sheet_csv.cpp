#include "xlsx_sheet_csv.h"

#include <algorithm>

#include "tierlens/csv_writer.h"
#include "tierlens/text.h"
#include "xlsx_cell_text.h"
#include "xml_text.h"

namespace tierlens {
namespace {

constexpr std::size_t kChunkSize = 64 * 1024;
constexpr std::size_t kMaxColumns = 16384;   // XFD, Excel's last column
constexpr std::uint64_t kMaxRows = 1048576;  // Excel's last row

/// The 1-based column of a reference's letters ("B3" → 2, "XFD1" → 16384); 0 when it does not
/// start with 1 to 3 letters naming a column Excel has.
std::size_t column_of(std::string_view reference) {
  std::size_t column = 0;
  std::size_t letters = 0;
  for (const char c : reference) {
    const char upper = c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    if (upper < 'A' || upper > 'Z') break;
    column = column * 26 + static_cast<std::size_t>(upper - 'A' + 1);
    if (++letters > 3) return 0;
  }
  return column <= kMaxColumns ? column : 0;
}

/// A positive decimal of at most 9 digits; 0 when `text` is not one.
std::uint64_t positive_number(std::string_view text) {
  text = trim_spaces(text);
  if (text.empty() || text.size() > 9) return 0;
  std::uint64_t value = 0;
  for (const char c : text) {
    if (!is_ascii_digit(c)) return 0;
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return value;
}

}  // namespace

SheetCsvConverter::SheetCsvConverter(const XlsxContents& contents, std::string part,
                                     const CsvTextSink& sink)
    : contents_(contents), part_(std::move(part)), sink_(sink) {}

bool SheetCsvConverter::fail(const std::string& what) {
  status_ =
      Status::error(ErrorCode::kBadWorkbook, contents_.file_name + ": " + part_ + ": " + what);
  return false;
}

bool SheetCsvConverter::on_token(const XmlToken& token) {
  if (stopped_) return false;
  using Kind = XmlToken::Kind;
  if (token.kind == Kind::kText || token.kind == Kind::kCData) {
    if (!in_value_ && !in_text_) return true;
    if (token.kind == Kind::kText) {
      append_xml_text(token.text, value_);
    } else {
      value_ += token.text;
    }
    return true;
  }
  const std::string_view name = token.name;
  if (token.kind == Kind::kEndTag) {
    if (name == "v") {
      in_value_ = false;
    } else if (name == "t") {
      in_text_ = false;
    } else if (name == "rPh") {
      phonetic_depth_ = std::max(0, phonetic_depth_ - 1);
    } else if (name == "is") {
      in_inline_ = false;
    } else if (name == "c") {
      return !in_cell_ || end_cell();
    } else if (name == "row") {
      if (in_row_) end_row();
    } else if (name == "sheetData") {
      in_sheet_data_ = false;
    }
    return true;
  }
  // A start tag.
  if (name == "c") return !in_row_ || start_cell(token);
  if (name == "row") return !in_sheet_data_ || start_row(token);
  if (in_cell_) {
    if (name == "v") {
      in_value_ = !token.self_closing;
    } else if (name == "is") {
      in_inline_ = !token.self_closing;
    } else if (name == "rPh" && in_inline_) {
      if (!token.self_closing) ++phonetic_depth_;
    } else if (name == "t" && in_inline_) {
      in_text_ = phonetic_depth_ == 0 && !token.self_closing;
    }
    return true;
  }
  if (name == "sheetData") {
    in_sheet_data_ = !token.self_closing;
    seen_sheet_data_ = true;
  } else if (name == "dimension") {
    // ref="A1:G6579": the last column of the used range is the sheet's width.
    const std::string_view ref = token.attribute("ref");
    const std::size_t colon = ref.find(':');
    width_ =
        std::max(width_, column_of(colon == std::string_view::npos ? ref : ref.substr(colon + 1)));
  }
  return true;
}

bool SheetCsvConverter::start_row(const XmlToken& token) {
  if (in_row_) return fail("row " + std::to_string(row_) + " is not closed before the next row");
  std::uint64_t number = row_ + 1;
  if (token.has_attribute("r")) {
    number = positive_number(token.attribute("r"));
    if (number == 0 || number > kMaxRows) {
      return fail("a row is numbered '" + std::string(token.attribute("r")) +
                  "'; rows are numbered 1 to 1048576");
    }
  }
  if (number <= row_) {
    return fail("row " + std::to_string(number) + " comes after row " + std::to_string(row_) +
                "; rows must be in order");
  }
  row_ = number;
  in_row_ = true;
  row_width_ = 0;
  next_column_ = 0;
  if (token.self_closing) end_row();
  return true;
}

bool SheetCsvConverter::start_cell(const XmlToken& token) {
  if (token.has_attribute("r")) {
    const std::string_view reference = token.attribute("r");
    const std::size_t column = column_of(reference);
    if (column == 0)
      return fail("'" + std::string(reference) + "' is not a cell reference like B3");
    column_ = column - 1;
    cell_reference_ = std::string(reference);
  } else {
    if (next_column_ >= kMaxColumns)
      return fail("row " + std::to_string(row_) + " has more than 16384 cells");
    column_ = next_column_;
    cell_reference_ = "in row " + std::to_string(row_);
  }
  next_column_ = column_ + 1;
  const std::string_view type = token.attribute("t");
  if (type == "s") {
    type_ = CellType::kSharedString;
  } else if (type == "inlineStr") {
    type_ = CellType::kInlineString;
  } else if (type == "str") {
    type_ = CellType::kFormulaString;
  } else if (type == "b") {
    type_ = CellType::kBoolean;
  } else if (type == "e") {
    type_ = CellType::kError;
  } else if (type == "d") {
    type_ = CellType::kDate;
  } else {
    type_ = CellType::kNumber;
  }
  style_ = static_cast<std::size_t>(positive_number(token.attribute("s")));
  value_.clear();
  in_cell_ = true;
  in_value_ = in_inline_ = in_text_ = false;
  phonetic_depth_ = 0;
  return token.self_closing ? end_cell() : true;
}

bool SheetCsvConverter::end_cell() {
  in_cell_ = in_value_ = in_inline_ = in_text_ = false;
  text_.clear();
  switch (type_) {
    case CellType::kSharedString: {
      if (trim_spaces(value_).empty()) break;
      const std::uint64_t number = positive_number(value_);
      const bool zero = trim_spaces(value_) == "0";
      if ((number == 0 && !zero) || number >= contents_.shared_strings.size()) {
        return fail("cell " + cell_reference_ + " refers to shared string '" + value_ +
                    "', but the workbook has " + std::to_string(contents_.shared_strings.size()));
      }
      text_ = contents_.shared_strings.at(static_cast<std::size_t>(number));
      break;
    }
    case CellType::kInlineString:
    case CellType::kFormulaString:
      append_ooxml_unescaped(value_, text_);
      break;
    case CellType::kBoolean:
      text_ = value_ == "1" ? "TRUE" : value_ == "0" ? "FALSE" : value_;
      break;
    case CellType::kError:
      text_ = value_;
      break;
    case CellType::kDate:
      text_ = iso_date_cell_text(trim_spaces(value_));
      break;
    case CellType::kNumber: {
      const std::string_view number = trim_spaces(value_);
      if (number.empty()) break;
      const bool is_date = style_ < contents_.date_styles.size() && contents_.date_styles[style_];
      std::optional<std::string> date =
          is_date ? date_cell_text(number, contents_.date1904) : std::nullopt;
      text_ = date ? std::move(*date) : number_cell_text(number);
      break;
    }
  }
  if (!text_.empty()) {
    if (column_ >= cells_.size()) cells_.resize(column_ + 1);
    cells_[column_] = text_;
    row_width_ = std::max(row_width_, column_ + 1);
  } else if (column_ < cells_.size()) {
    cells_[column_].clear();
  }
  return true;
}

void SheetCsvConverter::end_row() {
  in_row_ = false;
  // A row with nothing in it is written only if a later row has content, so that sheet row n
  // stays CSV line n without trailing blank lines from rows that merely carry formatting.
  if (row_width_ == 0) return;
  while (lines_written_ + 1 < row_) write_empty_line();
  const std::size_t fields = std::max(width_, row_width_);
  for (std::size_t i = 0; i < fields; ++i) {
    if (i > 0) csv_ += ',';
    if (i < row_width_) {
      write_field(cells_[i]);
      cells_[i].clear();
    }
  }
  csv_ += '\n';
  width_ = fields;
  lines_written_ = row_;
  flush_if_full();
}

void SheetCsvConverter::write_empty_line() {
  if (width_ > 1) csv_.append(width_ - 1, ',');
  csv_ += '\n';
  ++lines_written_;
  flush_if_full();
}

void SheetCsvConverter::write_field(std::string_view text) { append_csv_field(csv_, text); }

void SheetCsvConverter::flush_if_full() {
  if (csv_.size() < kChunkSize || stopped_) return;
  stopped_ = !sink_(csv_);
  csv_.clear();
}

bool SheetCsvConverter::finish() {
  if (stopped_) return true;
  if (status_.ok() && !seen_sheet_data_) fail("it has no <sheetData>; it is not a worksheet");
  if (status_.ok() && (in_sheet_data_ || in_row_)) fail("the sheet's XML ends inside its data");
  if (status_.ok() && !csv_.empty()) sink_(csv_);
  csv_.clear();
  return status_.ok();
}

}  // namespace tierlens
