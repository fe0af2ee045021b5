#include "tierlens/xlsx_writer.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "tierlens/order_ingest.h"
#include "tierlens/text_encoding.h"
#include "tierlens/zip_writer.h"

namespace tierlens {
namespace {

constexpr std::size_t kRowsPerSheet = 1048576 - 1;   // Excel's rows, less the header
constexpr std::size_t kMaxCellUnits = 32767;         // Excel's characters (UTF-16) per cell
constexpr std::size_t kWidthSampleRows = 10000;      // rows read to fit the column widths
constexpr std::size_t kFlushBytes = 256 * 1024;      // XML handed to the zip at a time
constexpr int kMinWidth = 6;
constexpr int kMaxWidth = 50;

constexpr const char* kXmlHead = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr const char* kMainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr const char* kRelationshipNamespace =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The cellXfs of styles.xml, in order; a cell's s="…" is an index here.
enum Style : int { kStyleGeneral, kStyleHeader, kStyleDate, kStyleMoney, kStyleDecimal4, kStylePercent };

constexpr const char* kStylesXml =
    "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd\"/>"
    "<numFmt numFmtId=\"165\" formatCode=\"0.0000\"/></numFmts>"
    "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
    "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
    "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
    "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
    "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
    "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
    "<cellXfs count=\"6\">"
    "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
    "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
    "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
    "<xf numFmtId=\"4\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
    "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
    "<xf numFmtId=\"10\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
    "</cellXfs>"
    "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
    "</styleSheet>";

int number_style(XlsxFormat format) {
  switch (format) {
    case XlsxFormat::kGeneral: return kStyleGeneral;
    case XlsxFormat::kMoney: return kStyleMoney;
    case XlsxFormat::kDecimal4: return kStyleDecimal4;
    case XlsxFormat::kPercent: return kStylePercent;
  }
  return kStyleGeneral;
}

/// [-]digits[.digits][e[±]digits]: what a numeric cell's <v> may hold.
bool is_decimal_number(std::string_view text) {
  std::size_t at = 0;
  const auto digits = [&] {
    const std::size_t start = at;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
    return at > start;
  };
  if (at < text.size() && text[at] == '-') ++at;
  if (!digits()) return false;
  if (at < text.size() && text[at] == '.' && (++at, !digits())) return false;
  if (at < text.size() && (text[at] == 'e' || text[at] == 'E')) {
    ++at;
    if (at < text.size() && (text[at] == '+' || text[at] == '-')) ++at;
    if (!digits()) return false;
  }
  return at == text.size();
}

/// The next code point of `text` from `at` (advanced past it); U+FFFD for a byte that does
/// not start a valid UTF-8 sequence (overlong forms and surrogates included), which then
/// takes only that byte.
std::uint32_t next_code_point(std::string_view text, std::size_t& at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char first = byte(at);
  if (first < 0x80) {
    ++at;
    return first;
  }
  const int length = first >= 0xC2 && first <= 0xDF ? 2 : first >= 0xE0 && first <= 0xEF ? 3
                     : first >= 0xF0 && first <= 0xF4 ? 4 : 0;
  if (length == 0 || at + length > text.size()) {
    ++at;
    return 0xFFFD;
  }
  std::uint32_t code_point = first & (0x7F >> length);
  for (int i = 1; i < length; ++i) {
    const unsigned char continuation = byte(at + i);
    if ((continuation & 0xC0) != 0x80) {
      ++at;
      return 0xFFFD;
    }
    code_point = code_point << 6 | (continuation & 0x3F);
  }
  const std::uint32_t smallest = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
  if (code_point < smallest || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) {
    ++at;
    return 0xFFFD;
  }
  at += length;
  return code_point;
}

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

/// "_x" + four hex digits + "_" at `at`: what a reader would decode as an escape.
bool looks_like_escape(std::string_view text, std::size_t at) {
  return at + 7 <= text.size() && text[at] == '_' && text[at + 1] == 'x' && is_hex(text[at + 2]) &&
         is_hex(text[at + 3]) && is_hex(text[at + 4]) && is_hex(text[at + 5]) && text[at + 6] == '_';
}

/// `text` as the content of an OOXML <t> element: XML's three escapes, _xHHHH_ for the
/// control characters XML cannot hold (and CR, which XML would turn into LF), _x005F_ for an
/// underscore that would otherwise read as such an escape, U+FFFD for invalid UTF-8 and for
/// U+FFFE/U+FFFF; at most 32,767 UTF-16 units.
void append_cell_text(std::string_view text, std::string& out) {
  static const char* const kHex = "0123456789ABCDEF";
  std::size_t units = 0;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t start = at;
    std::uint32_t c = next_code_point(text, at);
    units += c >= 0x10000 ? 2 : 1;
    if (units > kMaxCellUnits) break;
    if (c == 0xFFFE || c == 0xFFFF) c = 0xFFFD;
    if (c == '&') {
      out += "&amp;";
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (c < 0x20 && c != '\t' && c != '\n') {
      out += "_x00";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
      out += '_';
    } else if (c == '_' && looks_like_escape(text, start)) {
      out += "_x005F_";
    } else {
      append_utf8(c, out);
    }
  }
}

/// `text` inside a double-quoted XML attribute.
std::string attribute(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

/// "A", "B", … "Z", "AA" … for the 0-based `column`.
std::string column_letters(std::size_t column) {
  std::string letters;
  for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return letters;
}

/// Roughly how many character widths `text` takes: wide (CJK, full-width) characters two.
std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t at = 0; at < text.size();) width += next_code_point(text, at) >= 0x1100 ? 2 : 1;
  return width;
}

std::size_t cell_width(const XlsxRow::Cell& cell) {
  switch (cell.kind) {
    case XlsxRow::Kind::kEmpty: return 0;
    case XlsxRow::Kind::kText: return display_width(cell.value);
    case XlsxRow::Kind::kDate: return 10;
    case XlsxRow::Kind::kNumber: {
      const std::size_t digits = cell.value.size();
      switch (cell.format) {
        case XlsxFormat::kMoney: return digits + digits / 3 + 1;  // thousands separators
        case XlsxFormat::kDecimal4: return digits + 2;
        case XlsxFormat::kPercent: return 8;
        case XlsxFormat::kGeneral: return digits;
      }
    }
  }
  return 0;
}

/// One worksheet of the workbook: a table's rows from `first`, `count` of them.
struct SheetPart {
  const XlsxTable* table;
  std::string name;
  std::size_t first = 0;
  std::size_t count = 0;
  std::vector<int> widths;
};

std::vector<SheetPart> plan_sheets(const std::vector<XlsxTable>& tables) {
  std::vector<SheetPart> sheets;
  for (const XlsxTable& table : tables) {
    std::size_t first = 0;
    int number = 1;
    do {
      const std::size_t count = std::min(table.rows - first, kRowsPerSheet);
      sheets.push_back({&table, number == 1 ? table.name : table.name + " (" + std::to_string(number) + ")",
                        first, count, {}});
      first += count;
      ++number;
    } while (first < table.rows);
  }
  return sheets;
}

/// Column widths from the header (with room for its filter button) and the first rows.
std::vector<int> fit_widths(const XlsxTable& table, std::size_t first, std::size_t count) {
  std::vector<std::size_t> widths;
  for (const std::string& name : table.header) widths.push_back(display_width(name) + 3);
  XlsxRow row;
  for (std::size_t r = first; r < first + std::min(count, kWidthSampleRows); ++r) {
    row.clear();
    table.fill(r, row);
    std::size_t column = 0;
    for (const XlsxRow::Cell& cell : row) {
      if (column >= widths.size()) widths.resize(column + 1, 0);
      widths[column] = std::max(widths[column], cell_width(cell));
      ++column;
    }
  }
  std::vector<int> fitted;
  for (const std::size_t width : widths) {
    fitted.push_back(std::clamp(static_cast<int>(std::min<std::size_t>(width, kMaxWidth)) + 2, kMinWidth, kMaxWidth));
  }
  return fitted;
}

/// The shared strings table: each distinct text once, in order of first use.
class SharedStrings {
 public:
  std::size_t index(const std::string& text) {
    ++uses_;
    const auto [found, added] = indexes_.try_emplace(text, order_.size());
    if (added) order_.push_back(&found->first);
    return found->second;
  }

  void write(ZipWriter& zip) const {
    std::string xml = kXmlHead;
    xml += "<sst xmlns=\"";
    xml += kMainNamespace;
    xml += "\" count=\"" + std::to_string(uses_) + "\" uniqueCount=\"" + std::to_string(order_.size()) + "\">";
    for (const std::string* text : order_) {
      const bool spaced = !text->empty() && (std::string_view(" \t\n\r").find(text->front()) != std::string_view::npos ||
                                             std::string_view(" \t\n\r").find(text->back()) != std::string_view::npos);
      xml += spaced ? "<si><t xml:space=\"preserve\">" : "<si><t>";
      append_cell_text(*text, xml);
      xml += "</t></si>";
      if (xml.size() >= kFlushBytes) {
        zip.write(xml);
        xml.clear();
      }
    }
    xml += "</sst>";
    zip.write(xml);
  }

 private:
  std::unordered_map<std::string, std::size_t> indexes_;
  std::vector<const std::string*> order_;  // keys of indexes_, which stay where they are
  std::size_t uses_ = 0;
};

/// '$A$1:$G$120' style range of a sheet's header and rows, for the AutoFilter.
std::string used_range(const SheetPart& sheet, bool absolute) {
  const std::string dollar = absolute ? "$" : "";
  const std::size_t columns = std::max<std::size_t>(sheet.widths.size(), 1);
  return dollar + "A" + dollar + "1:" + dollar + column_letters(columns - 1) + dollar + std::to_string(sheet.count + 1);
}

void write_sheet(const SheetPart& sheet, bool selected, SharedStrings& strings, ZipWriter& zip) {
  const XlsxTable& table = *sheet.table;
  std::vector<std::string> letters;
  for (std::size_t c = 0; c < std::max(sheet.widths.size(), table.header.size()); ++c) letters.push_back(column_letters(c));
  std::string xml = kXmlHead;
  xml += "<worksheet xmlns=\"";
  xml += kMainNamespace;
  xml += "\" xmlns:r=\"";
  xml += kRelationshipNamespace;
  xml += "\"><dimension ref=\"" + used_range(sheet, false) + "\"/>";
  // The header row stays in view while scrolling.
  xml += selected ? "<sheetViews><sheetView tabSelected=\"1\" workbookViewId=\"0\">" : "<sheetViews><sheetView workbookViewId=\"0\">";
  xml += "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
         "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
         "<sheetFormatPr defaultRowHeight=\"15\"/>";
  if (!sheet.widths.empty()) {  // <cols> may not be empty
    xml += "<cols>";
    for (std::size_t c = 0; c < sheet.widths.size(); ++c) {
      const std::string n = std::to_string(c + 1);
      xml += "<col min=\"" + n + "\" max=\"" + n + "\" width=\"" + std::to_string(sheet.widths[c]) + "\" customWidth=\"1\"/>";
    }
    xml += "</cols>";
  }
  xml += "<sheetData><row r=\"1\">";
  for (std::size_t c = 0; c < table.header.size(); ++c) {
    xml += "<c r=\"" + letters[c] + "1\" t=\"s\" s=\"1\"><v>" + std::to_string(strings.index(table.header[c])) + "</v></c>";
  }
  xml += "</row>";
  // Millions of cells: appended piece by piece, without temporary strings.
  XlsxRow row;
  char number[24];
  for (std::size_t r = 0; r < sheet.count; ++r) {
    row.clear();
    table.fill(sheet.first + r, row);
    const std::string_view row_number(number, static_cast<std::size_t>(
                                                  std::to_chars(number, number + sizeof number, r + 2).ptr - number));
    xml += "<row r=\"";
    xml += row_number;
    xml += "\">";
    std::size_t column = 0;
    for (const XlsxRow::Cell& cell : row) {
      const std::size_t c = column++;
      if (cell.kind == XlsxRow::Kind::kEmpty) continue;
      if (c >= letters.size()) letters.push_back(column_letters(c));
      xml += "<c r=\"";
      xml += letters[c];
      xml += row_number;
      switch (cell.kind) {
        case XlsxRow::Kind::kText: {
          xml += "\" t=\"s\"><v>";
          char index[24];
          xml.append(index, static_cast<std::size_t>(
                                std::to_chars(index, index + sizeof index, strings.index(cell.value)).ptr - index));
          break;
        }
        case XlsxRow::Kind::kDate:
          xml += "\" s=\"";
          xml += static_cast<char>('0' + kStyleDate);
          xml += "\"><v>";
          xml += cell.value;
          break;
        case XlsxRow::Kind::kNumber: {
          const int style = number_style(cell.format);  // one digit: fewer than ten styles
          if (style == kStyleGeneral) {
            xml += "\"><v>";
          } else {
            xml += "\" s=\"";
            xml += static_cast<char>('0' + style);
            xml += "\"><v>";
          }
          xml += cell.value;
          break;
        }
        case XlsxRow::Kind::kEmpty: break;
      }
      xml += "</v></c>";
    }
    xml += "</row>";
    if (xml.size() >= kFlushBytes) {
      zip.write(xml);
      xml.clear();
    }
  }
  xml += "</sheetData><autoFilter ref=\"" + used_range(sheet, false) + "\"/>"
         "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
         "</worksheet>";
  zip.write(xml);
}

std::string content_types_xml(std::size_t sheets) {
  std::string xml = kXmlHead;
  xml += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
         "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
         "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
         "<Override PartName=\"/xl/workbook.xml\" "
         "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>";
  for (std::size_t s = 1; s <= sheets; ++s) {
    xml += "<Override PartName=\"/xl/worksheets/sheet" + std::to_string(s) +
           ".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>";
  }
  xml += "<Override PartName=\"/xl/styles.xml\" "
         "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
         "<Override PartName=\"/xl/sharedStrings.xml\" "
         "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
         "</Types>";
  return xml;
}

std::string package_relationships_xml() {
  return std::string(kXmlHead) +
         "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
         "<Relationship Id=\"rId1\" "
         "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
         "Target=\"xl/workbook.xml\"/></Relationships>";
}

std::string workbook_xml(const std::vector<SheetPart>& sheets) {
  std::string xml = kXmlHead;
  xml += "<workbook xmlns=\"";
  xml += kMainNamespace;
  xml += "\" xmlns:r=\"";
  xml += kRelationshipNamespace;
  xml += "\"><workbookPr/><bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>";
  for (std::size_t s = 0; s < sheets.size(); ++s) {
    const std::string n = std::to_string(s + 1);
    xml += "<sheet name=\"" + attribute(sheets[s].name) + "\" sheetId=\"" + n + "\" r:id=\"rId" + n + "\"/>";
  }
  // The AutoFilter ranges, named as Excel itself names them.
  xml += "</sheets><definedNames>";
  for (std::size_t s = 0; s < sheets.size(); ++s) {
    std::string quoted;
    for (const char c : sheets[s].name) quoted += c == '\'' ? std::string("''") : std::string(1, c);
    xml += "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"" + std::to_string(s) + "\" hidden=\"1\">";
    append_cell_text("'" + quoted + "'!" + used_range(sheets[s], true), xml);
    xml += "</definedName>";
  }
  xml += "</definedNames></workbook>";
  return xml;
}

std::string workbook_relationships_xml(std::size_t sheets) {
  std::string xml = kXmlHead;
  xml += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  const std::string type = std::string(kRelationshipNamespace) + "/";
  for (std::size_t s = 1; s <= sheets; ++s) {
    const std::string n = std::to_string(s);
    xml += "<Relationship Id=\"rId" + n + "\" Type=\"" + type + "worksheet\" Target=\"worksheets/sheet" + n + ".xml\"/>";
  }
  xml += "<Relationship Id=\"rId" + std::to_string(sheets + 1) + "\" Type=\"" + type +
         "styles\" Target=\"styles.xml\"/>";
  xml += "<Relationship Id=\"rId" + std::to_string(sheets + 2) + "\" Type=\"" + type +
         "sharedStrings\" Target=\"sharedStrings.xml\"/>";
  xml += "</Relationships>";
  return xml;
}

}  // namespace

XlsxRow::Cell& XlsxRow::next() {
  if (size_ == cells_.size()) cells_.emplace_back();
  Cell& cell = cells_[size_++];
  cell.kind = Kind::kEmpty;
  cell.format = XlsxFormat::kGeneral;
  cell.value.clear();
  return cell;
}

XlsxRow& XlsxRow::text(std::string_view value) {
  Cell& cell = next();
  if (value.empty()) return *this;
  cell.kind = Kind::kText;
  cell.value.assign(value);
  return *this;
}

XlsxRow& XlsxRow::number(std::string_view decimal, XlsxFormat format) {
  if (!decimal.empty() && !is_decimal_number(decimal)) return text(decimal);
  Cell& cell = next();
  if (decimal.empty()) return *this;
  cell.kind = Kind::kNumber;
  cell.format = format;
  cell.value.assign(decimal);
  return *this;
}

XlsxRow& XlsxRow::number(std::int64_t value) { return number(std::to_string(value)); }

XlsxRow& XlsxRow::number(double value, XlsxFormat format) {
  if (!std::isfinite(value)) return empty();
  // nlohmann's shortest round-trip form, computed in integers: the same text on every platform.
  return number(nlohmann::json(value).dump(), format);
}

XlsxRow& XlsxRow::date(DayNumber day) {
  static const DayNumber kFirstReliableDay = days_from_civil(1900, 3, 1);
  static const DayNumber kExcelEpoch = days_from_civil(1899, 12, 30);  // serial 0, from 1900-03-01 on
  if (day == kNoDay) return empty();
  if (day < kFirstReliableDay) return text(format_iso_date(day));
  Cell& cell = next();
  cell.kind = Kind::kDate;
  cell.value = std::to_string(day - kExcelEpoch);
  return *this;
}

XlsxRow& XlsxRow::empty() {
  next();
  return *this;
}

std::string write_xlsx(const std::vector<XlsxTable>& tables) {
  std::vector<SheetPart> sheets = plan_sheets(tables);
  for (SheetPart& sheet : sheets) sheet.widths = fit_widths(*sheet.table, sheet.first, sheet.count);
  ZipWriter zip;
  zip.add("[Content_Types].xml", content_types_xml(sheets.size()));
  zip.add("_rels/.rels", package_relationships_xml());
  zip.add("xl/workbook.xml", workbook_xml(sheets));
  zip.add("xl/_rels/workbook.xml.rels", workbook_relationships_xml(sheets.size()));
  zip.add("xl/styles.xml", std::string(kXmlHead) + kStylesXml);
  SharedStrings strings;
  for (std::size_t s = 0; s < sheets.size(); ++s) {
    zip.begin_entry("xl/worksheets/sheet" + std::to_string(s + 1) + ".xml");
    write_sheet(sheets[s], s == 0, strings, zip);
  }
  zip.begin_entry("xl/sharedStrings.xml");
  strings.write(zip);
  return zip.finish();
}

}  // namespace tierlens
