// Excel workbooks read as CSV text: workbooks written by LibreOffice must read as LibreOffice's
// own CSV export of them, the real Chaoyang pharmacy workbook as its CSV, and workbooks built
// in the test pin down each rule (row and cell positions, cell types, dates, relationships)
// and each refusal.
#include "tierlens/xlsx_workbook.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_support.h"
#include "tierlens/csv_splitter.h"
#include "zip_writer.h"

namespace tierlens {
namespace {

using testing::file_exists;
using testing::fixture_path;
using testing::make_xlsx;
using testing::make_zip;
using testing::read_file;
using testing::shared_data_path;
using testing::worksheet_xml;
using Rows = std::vector<std::vector<std::string>>;

Rows parse_csv(const std::string& text) {
  struct Collector : RecordSink {
    Rows rows;
    void on_record(const CsvRecord& record) override {
      rows.emplace_back(record.fields.begin(), record.fields.end());
    }
  } collector;
  CsvSplitter splitter(',');
  splitter.feed(text, collector);
  splitter.finish(collector);
  return collector.rows;
}

/// Sheet `index` of `workbook` as CSV; a test failure (and "") when it is refused.
std::string sheet_csv(const XlsxWorkbook& workbook, std::size_t index, Status* status = nullptr) {
  std::string csv;
  const Status read = workbook.sheet_as_csv(index, [&](std::string_view chunk) {
    csv += chunk;
    return true;
  });
  if (status) *status = read;
  EXPECT_TRUE(status || read.ok()) << read.message();
  return csv;
}

XlsxWorkbook open_workbook(const std::string& bytes) {
  XlsxWorkbook workbook;
  const Status status = XlsxWorkbook::open(bytes, "book.xlsx", workbook);
  EXPECT_TRUE(status.ok()) << status.message();
  return workbook;
}

/// The CSV of the first sheet of a workbook made of one worksheet around `sheet_data`.
std::string one_sheet_csv(const std::string& sheet_data, const std::string& before = "",
                          const std::map<std::string, std::string>& parts = {},
                          const std::string& workbook_pr = "<workbookPr/>") {
  const std::string bytes =
      make_xlsx({{"Sheet1", worksheet_xml(sheet_data, before)}}, parts, workbook_pr);
  return sheet_csv(open_workbook(bytes), 0);
}

std::string open_error(const std::string& bytes) {
  XlsxWorkbook workbook;
  const Status status = XlsxWorkbook::open(bytes, "book.xlsx", workbook);
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(status.code(), ErrorCode::kBadWorkbook);
  return status.message();
}

std::string first_sheet_error(const std::string& bytes) {
  Status status;
  sheet_csv(open_workbook(bytes), 0, &status);
  EXPECT_FALSE(status.ok());
  return status.message();
}

// tests/fixtures/xlsx/*.xlsx were written by LibreOffice from hand-written .fods files, and
// *-sheetN.csv are LibreOffice's CSV export of sheet N of them (make-fixtures.sh). No field
// needs normalising: the date cells are formatted YYYY-MM-DD and YYYY-MM-DD HH:MM:SS in the
// fixtures (LibreOffice's CSV writes dates as displayed), and its CSV writes numbers at full
// precision. Only the quoting may differ (LibreOffice leaves " 前后空格 " unquoted), so both
// are compared as parsed fields.
TEST(XlsxWorkbook, LibreOfficeWorkbooksReadAsLibreOfficesCsvExport) {
  struct Fixture {
    std::string name;
    std::vector<std::string> sheet_names;
  };
  for (const Fixture& fixture :
       {Fixture{"orders", {"Orders", "客户 & notes"}}, Fixture{"dates1904", {"Orders"}}}) {
    const std::string bytes = read_file(fixture_path("xlsx/" + fixture.name + ".xlsx"));
    ASSERT_TRUE(looks_like_zip(bytes)) << fixture.name;
    const XlsxWorkbook workbook = open_workbook(bytes);  // the bytes outlive it
    ASSERT_EQ(workbook.sheets().size(), fixture.sheet_names.size()) << fixture.name;
    for (std::size_t i = 0; i < fixture.sheet_names.size(); ++i) {
      EXPECT_EQ(workbook.sheets()[i].name, fixture.sheet_names[i]);
      EXPECT_EQ(workbook.sheets()[i].part, "xl/worksheets/sheet" + std::to_string(i + 1) + ".xml");
      const std::string expected_file =
          fixture_path("xlsx/" + fixture.name + "-sheet" + std::to_string(i + 1) + ".csv");
      ASSERT_TRUE(file_exists(expected_file)) << expected_file;
      const Rows expected = parse_csv(read_file(expected_file));
      const Rows got = parse_csv(sheet_csv(workbook, i));
      ASSERT_EQ(got.size(), expected.size()) << fixture.name << " sheet " << i + 1;
      for (std::size_t row = 0; row < expected.size(); ++row) {
        EXPECT_EQ(got[row], expected[row])
            << fixture.name << " sheet " << i + 1 << " row " << row + 1;
      }
    }
  }
  // The traps, spelled out, so that a regenerated fixture cannot quietly lose them.
  const std::string orders_bytes = read_file(fixture_path("xlsx/orders.xlsx"));
  const Rows orders = parse_csv(sheet_csv(open_workbook(orders_bytes), 0));
  ASSERT_EQ(orders.size(), 9u);
  EXPECT_EQ(orders[0],
            (std::vector<std::string>{"客户编号", "订单日期", "下单时间", "金额", "备注", "渠道"}));
  EXPECT_EQ(orders[2], (std::vector<std::string>{"C002", "2024-02-29", "2024-02-29 23:59:59", "0.1",
                                                 "Smith, John", "门店"}));
  EXPECT_EQ(orders[3], (std::vector<std::string>{"C003", "2023-12-31", "2023-12-31 12:00:00", "-20",
                                                 "第一行\n第二行", ""}));
  EXPECT_EQ(orders[4], (std::vector<std::string>(6, "")));
  EXPECT_EQ(orders[7][3], "0.0000001");
}

TEST(XlsxWorkbook, ChaoyangPharmacyWorkbookReadsAsItsCsv) {
  const std::string xlsx_path =
      shared_data_path("chaoyang-pharmacy-cn/chaoyang_2018_sales_original.xlsx");
  const std::string csv_path =
      shared_data_path("chaoyang-pharmacy-cn/chaoyang_2018_sales_utf8.csv");
  if (!file_exists(xlsx_path) || !file_exists(csv_path)) {
    GTEST_SKIP()
        << "chaoyang-pharmacy-cn not found under ../shared/data (set TIERLENS_SHARED_DATA); "
           "the real-workbook check did not run";
  }
  const std::string bytes = read_file(xlsx_path);
  XlsxWorkbook workbook;
  const Status opened = XlsxWorkbook::open(bytes, "chaoyang_2018_sales_original.xlsx", workbook);
  ASSERT_TRUE(opened.ok()) << opened.message();
  ASSERT_EQ(workbook.sheets().size(), 1u);
  EXPECT_EQ(workbook.sheets()[0].name, "Sheet1");
  const std::string csv = sheet_csv(workbook, 0);
  const Rows expected = parse_csv(read_file(csv_path));
  const Rows got = parse_csv(csv);
  ASSERT_EQ(expected.size(), 6579u);
  ASSERT_EQ(got.size(), expected.size());
  int differences = 0;
  for (std::size_t row = 0; row < expected.size() && differences < 10; ++row) {
    if (got[row] != expected[row]) {
      ++differences;
      ADD_FAILURE() << "row " << row + 1 << " differs from the CSV";
    }
  }
  // Byte for byte too: that CSV quotes as RFC 4180 says and pads its empty row with commas.
  EXPECT_TRUE(csv == read_file(csv_path));
}

TEST(XlsxWorkbook, RowsAndCellsKeepTheirPlaces) {
  // The dimension makes lines 4 wide; row 2 is missing (an empty line); C3 has no r and
  // follows B3; F4 is wider than the dimension, and later lines are as wide; rows 5 and 6
  // have no content but row 7 does; row 7 has no r (it follows 6); row 9 has only a styled
  // empty cell and, being last, is left out.
  const std::string csv = one_sheet_csv(
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id</t></is></c><c r=\"B1\" "
      "t=\"inlineStr\"><is><t>name</t></is></c></row>"
      "<row r=\"3\"><c r=\"B3\"><v>5</v></c><c><v>6</v></c></row>"
      "<row r=\"4\"><c r=\"F4\"><v>1</v></c></row>"
      "<row r=\"5\" spans=\"1:4\"/>"
      "<row r=\"6\"><c r=\"A6\" s=\"0\"/></row>"
      "<row><c><v>7</v></c></row>"
      "<row r=\"9\"><c r=\"A9\" s=\"1\"/></row>",
      "<dimension ref=\"A1:D9\"/>");
  EXPECT_EQ(csv, "id,name,,\n,,,\n,5,6,\n,,,,,1\n,,,,,\n,,,,,\n7,,,,,\n");
  // Without a dimension a line is as wide as the widest row so far: never cut.
  EXPECT_EQ(
      one_sheet_csv(
          "<row><c><v>1</v></c></row><row><c/><c/><c><v>3</v></c></row><row><c><v>4</v></c></row>"),
      "1\n,,3\n4,,\n");
  EXPECT_EQ(one_sheet_csv(""), "");
  // Comments and processing instructions anywhere, even a short comment at the very end.
  const std::string commented = make_xlsx(
      {{"S",
        "<?xml version=\"1.0\"?><!-- a --><worksheet><sheetData><row><!-- b --><c><v>1</v></c>"
        "</row></sheetData></worksheet><!---->"}});
  EXPECT_EQ(sheet_csv(open_workbook(commented), 0), "1\n");
}

TEST(XlsxWorkbook, CellValuesReadAsTheSpreadsheetShowsThem) {
  const std::string shared_strings =
      "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"8\" "
      "uniqueCount=\"8\">"
      "<si><t>plain</t></si>"
      "<si><r><rPr><b/></rPr><t>rich </t></r><r><t>text</t></r></si>"
      "<si><t>東京</t><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh><phoneticPr fontId=\"1\"/></si>"
      "<si><t xml:space=\"preserve\">  spaced, \"quoted\" </t></si>"
      "<si><t>a_x000D__x000A_b_x005F_x0041_ _xD83D__xDE00_</t></si>"
      "<si/>"
      "<si><t>&lt;tag&gt; &amp; &#x4E2D;&#25991; &quot;q&apos;</t></si>"
      "<si><t><![CDATA[<raw> & ]]></t></si>"
      "</sst>";
  std::string row1;
  for (int i = 0; i < 8; ++i) row1 += "<c t=\"s\"><v>" + std::to_string(i) + "</v></c>";
  const std::string csv = one_sheet_csv(
      "<row r=\"1\">" + row1 +
          "</row>"
          "<row r=\"2\"><c "
          "t=\"inlineStr\"><is><r><t>in</t></r><r><t>line</t></r><rPh><t>ignored</t></rPh></is></c>"
          "<c t=\"str\"><f>A1&amp;\"x\"</f><v>plainx</v></c><c t=\"b\"><v>1</v></c><c "
          "t=\"b\"><v>0</v></c>"
          "<c t=\"e\"><f>NA()</f><v>#N/A</v></c><c "
          "t=\"e\"><v>#DIV/0!</v></c><c><f>1+2</f><v>3</v></c></row>"
          "<row "
          "r=\"3\"><c><v>82.8</v></c><c><v>69</v></c><c><v>1E-007</v></"
          "c><c><v>0.30000000000000004</v></c>"
          "<c><v>123456789012</v></c><c><v>1234567890123456789</v></c><c><v>-0</v></c><c><v>1.50</"
          "v></c>"
          "<c><v>1E+300</v></c><c "
          "t=\"n\"><v>-20</v></c><c><v>2.5E-5</v></c><c><v>007</v></c></row>",
      "", {{"xl/sharedStrings.xml", shared_strings}});
  const Rows rows = parse_csv(csv);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{
                         "plain", "rich text", "東京", "  spaced, \"quoted\" ",
                         "a\r\nb_x0041_ \xF0\x9F\x98\x80", "", "<tag> & 中文 \"q'", "<raw> & "}));
  EXPECT_EQ(rows[1], (std::vector<std::string>{"inline", "plainx", "TRUE", "FALSE", "#N/A",
                                               "#DIV/0!", "3", ""}));
  EXPECT_EQ(rows[2], (std::vector<std::string>{"82.8", "69", "0.0000001", "0.30000000000000004",
                                               "123456789012", "1234567890123456800", "0", "1.5",
                                               "1e+300", "-20", "0.000025", "7"}));
  // Quoted as RFC 4180 says, including fields with spaces at either end.
  EXPECT_NE(csv.find("\"  spaced, \"\"quoted\"\" \""), std::string::npos);
}

TEST(XlsxWorkbook, DateAndTimeStylesMakeNumbersDates) {
  const std::string styles =
      "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
      "<numFmts count=\"8\">"
      "<numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd\\ hh:mm:ss\"/>"
      "<numFmt numFmtId=\"165\" formatCode=\"[Red]0.00\"/>"
      "<numFmt numFmtId=\"166\" formatCode=\"[h]:mm:ss\"/>"
      "<numFmt numFmtId=\"167\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
      "<numFmt numFmtId=\"168\" formatCode=\"0.00\"/>"
      "<numFmt numFmtId=\"169\" formatCode=\"[$-409]d\\-mmm\\-yy;@\"/>"
      "<numFmt numFmtId=\"170\" formatCode=\"&quot;day&quot; 0\"/>"
      "<numFmt numFmtId=\"171\" formatCode=\"#,##0_);[Red]\\(#,##0\\)\"/>"
      "</numFmts>"
      // cellStyleXfs come first and must not shift the indices of cellXfs.
      "<cellStyleXfs count=\"2\"><xf numFmtId=\"14\"/><xf numFmtId=\"14\"/></cellStyleXfs>"
      // A conditional format's own numFmt must not redefine 165 ([Red]0.00) as a date.
      "<dxfs count=\"1\"><dxf><numFmt numFmtId=\"165\" formatCode=\"yyyy\"/></dxf></dxfs>"
      "<cellXfs count=\"12\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/>"
      "<xf numFmtId=\"164\"><alignment wrapText=\"1\"/></xf><xf numFmtId=\"165\"/><xf "
      "numFmtId=\"166\"/>"
      "<xf numFmtId=\"167\"/><xf numFmtId=\"168\"/><xf numFmtId=\"169\"/><xf numFmtId=\"170\"/>"
      "<xf numFmtId=\"22\"/><xf numFmtId=\"46\"/><xf numFmtId=\"171\"/></cellXfs>"
      "</styleSheet>";
  const std::vector<std::pair<std::string, std::string>> cells = {
      {"<c s=\"1\"><v>45296</v></c>", "2024-01-05"},
      {"<c s=\"2\"><v>45296.5</v></c>", "2024-01-05 12:00:00"},
      {"<c s=\"2\"><v>45296.3960069444</v></c>", "2024-01-05 09:30:15"},  // rounded to the second
      {"<c s=\"3\"><v>45296</v></c>", "45296"},                           // [Red]0.00: a number
      {"<c s=\"4\"><v>1.5</v></c>", "1.5"},                               // elapsed time: a number
      {"<c s=\"5\"><v>61</v></c>", "1900-03-01"},  // after the phantom leap day
      {"<c s=\"6\"><v>60</v></c>", "60"},          // 0.00: a number
      {"<c s=\"7\"><v>59</v></c>", "1900-02-28"},
      {"<c s=\"8\"><v>1</v></c>", "1"},                        // the d is quoted text
      {"<c s=\"9\"><v>60</v></c>", "1900-02-29"},              // Excel's phantom day
      {"<c s=\"10\"><v>0.75</v></c>", "0.75"},                 // built-in [h]:mm:ss
      {"<c s=\"1\"><v>0.75</v></c>", "18:00:00"},              // a time of day alone
      {"<c s=\"9\"><v>45296.99999999</v></c>", "2024-01-06"},  // rounds into the next day
      {"<c s=\"1\"><v>-1</v></c>", "-1"},                      // before 1900: a number
      {"<c s=\"11\"><v>1234</v></c>", "1234"},
      {"<c s=\"99\"><v>5</v></c>", "5"},  // no such style
      {"<c s=\"1\"><v>1</v></c>", "1900-01-01"},
      {"<c s=\"1\"/>", ""},
      {"<c t=\"d\"><v>2024-01-05T09:30:00Z</v></c>", "2024-01-05 09:30:00"},
      {"<c t=\"d\"><v>2024-01-05T00:00:00</v></c>", "2024-01-05"},
  };
  std::string row;
  std::vector<std::string> expected;
  for (const auto& [cell, text] : cells) {
    row += cell;
    expected.push_back(text);
  }
  const Rows rows =
      parse_csv(one_sheet_csv("<row>" + row + "</row>", "", {{"xl/styles.xml", styles}}));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0], expected);

  // The 1904 date system, written "1" or "true".
  for (const char* flag : {"1", "true"}) {
    const Rows dates = parse_csv(one_sheet_csv(
        "<row><c s=\"1\"><v>0</v></c><c s=\"1\"><v>43834</v></c><c "
        "s=\"2\"><v>43834.25</v></c></row>",
        "", {{"xl/styles.xml", styles}}, std::string("<workbookPr date1904=\"") + flag + "\"/>"));
    EXPECT_EQ(dates, (Rows{{"1904-01-01", "2024-01-05", "2024-01-05 06:00:00"}})) << flag;
  }
}

TEST(XlsxWorkbook, FindsSheetsThroughRelationships) {
  // The workbook is not at xl/workbook.xml; its sheets are listed in an order unlike their
  // relationships', one by an absolute target, one relative with "..", one percent-encoded;
  // a chart sheet holds no cells and is left out.
  const std::string rels_ns =
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  const std::string bytes = make_zip({
      {"_rels/.rels", "<Relationships><Relationship Id=\"r1\" Type=\"" + rels_ns +
                          "officeDocument\" Target=\"/book/main.xml\"/></Relationships>"},
      {"book/main.xml",
       "<x:workbook xmlns:x=\"s\" xmlns:rel=\"r\"><x:sheets>"
       "<x:sheet name=\"Second\" sheetId=\"2\" rel:id=\"rB\"/>"
       "<x:sheet name=\"Chart\" sheetId=\"3\" rel:id=\"rC\"/>"
       "<x:sheet name=\"First &amp; best\" sheetId=\"1\" rel:id=\"rA\"/>"
       "<x:sheet name=\"Third\" sheetId=\"4\" rel:id=\"rD\"/>"
       "</x:sheets></x:workbook>"},
      {"book/_rels/main.xml.rels",
       "<Relationships>"
       "<Relationship Id=\"rA\" Type=\"" +
           rels_ns +
           "worksheet\" Target=\"/sheets/first.xml\"/>"
           "<Relationship Id=\"rB\" Type=\"" +
           rels_ns +
           "worksheet\" Target=\"../other/./second.xml\"/>"
           "<Relationship Id=\"rC\" Type=\"" +
           rels_ns +
           "chartsheet\" Target=\"charts/c.xml\"/>"
           "<Relationship Id=\"rD\" "
           "Type=\"http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet\" "
           "Target=\"sheet%203.xml\"/>"
           "<Relationship Id=\"rS\" Type=\"" +
           rels_ns +
           "sharedStrings\" Target=\"strings.xml\"/>"
           "</Relationships>"},
      {"sheets/first.xml", worksheet_xml("<row><c t=\"s\"><v>0</v></c></row>")},
      {"other/second.xml", worksheet_xml("<x:row xmlns:x=\"s\"><x:c><x:v>2</x:v></x:c></x:row>")},
      {"book/sheet 3.xml", worksheet_xml("<row><c><v>3</v></c></row>")},
      {"book/strings.xml", "<sst><si><t>one</t></si></sst>"},
  });
  const XlsxWorkbook workbook = open_workbook(bytes);
  ASSERT_EQ(workbook.sheets().size(), 3u);
  EXPECT_EQ(workbook.sheets()[0].name, "Second");
  EXPECT_EQ(workbook.sheets()[0].part, "other/second.xml");
  EXPECT_EQ(workbook.sheets()[1].name, "First & best");
  EXPECT_EQ(workbook.sheets()[1].part, "sheets/first.xml");
  EXPECT_EQ(workbook.sheets()[2].part, "book/sheet 3.xml");
  EXPECT_EQ(sheet_csv(workbook, 0), "2\n");
  EXPECT_EQ(sheet_csv(workbook, 1), "one\n");
  EXPECT_EQ(sheet_csv(workbook, 2), "3\n");
}

TEST(XlsxWorkbook, StreamsLargeSheetsInChunks) {
  std::string rows;
  std::string expected;
  for (int r = 1; r <= 30000; ++r) {
    rows += "<row r=\"" + std::to_string(r) + "\"><c t=\"inlineStr\"><is><t>customer " +
            std::to_string(r % 97) + "</t></is></c><c><v>" + std::to_string(r) +
            ".25</v></c></row>";
    expected += "customer " + std::to_string(r % 97) + "," + std::to_string(r) + ".25\n";
  }
  const std::string bytes = make_xlsx({{"Big", worksheet_xml(rows)}});  // outlives the workbook
  const XlsxWorkbook workbook = open_workbook(bytes);
  std::string csv;
  std::vector<std::size_t> chunks;
  const Status status = workbook.sheet_as_csv(0, [&](std::string_view chunk) {
    csv += chunk;
    chunks.push_back(chunk.size());
    return true;
  });
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_TRUE(csv == expected);
  EXPECT_GT(chunks.size(), 5u);
  for (const std::size_t size : chunks) EXPECT_LE(size, 64u * 1024 + 100);
  // A sink that has enough stops the sheet: no error, and nothing after the first piece.
  std::size_t pieces = 0;
  const Status stopped = workbook.sheet_as_csv(0, [&](std::string_view) { return ++pieces < 2; });
  EXPECT_TRUE(stopped.ok()) << stopped.message();
  EXPECT_EQ(pieces, 2u);
}

TEST(XlsxWorkbook, MalformedWorkbooksAreClearErrors) {
  const std::string sheet = worksheet_xml("<row r=\"1\"><c><v>1</v></c></row>");
  EXPECT_EQ(open_error("hello"),
            "book.xlsx: not a zip archive (too short); an .xlsx workbook is a zip archive");
  EXPECT_EQ(open_error(make_zip({{"notes.txt", "x"}})),
            "book.xlsx is a zip archive but not an Excel workbook: it has no xl/workbook.xml");
  EXPECT_EQ(open_error(make_zip({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
                                 {"content.xml", "<x/>"}})),
            "book.xlsx is an OpenDocument file (.ods), not an Excel workbook; save it as .xlsx or "
            "CSV and try again");
  EXPECT_EQ(open_error(make_xlsx({{"Orders", sheet}}, {{"xl/workbook.xml", ""}})),
            "book.xlsx is a zip archive but not an Excel workbook: it has no xl/workbook.xml");
  EXPECT_EQ(open_error(make_xlsx(
                {{"Orders", sheet}},
                {{"xl/workbook.xml", "<workbook><sheets><sheet name=\"A\" r:id=\"rId1\""}})),
            "book.xlsx: xl/workbook.xml: malformed XML at byte 18: the document ends inside a tag "
            "or comment");
  EXPECT_EQ(
      open_error(
          make_xlsx({{"Orders", sheet}}, {{"xl/_rels/workbook.xml.rels", "<Relationships/>"}})),
      "book.xlsx: sheet 'Orders' has no part: relationship 'rId1' of xl/workbook.xml is missing");
  EXPECT_EQ(open_error(make_xlsx({{"Orders", sheet}}, {{"xl/sharedStrings.xml", ""}})),
            "book.xlsx: xl/sharedStrings.xml is missing from the archive");
  const std::string whole = make_xlsx({{"Orders", sheet}});
  EXPECT_EQ(open_error(whole.substr(0, whole.size() - 30)).rfind("book.xlsx: ", 0), 0u);

  EXPECT_EQ(first_sheet_error(make_xlsx({{"Orders", sheet}}, {{"xl/worksheets/sheet1.xml", ""}})),
            "book.xlsx: sheet 'Orders' (xl/worksheets/sheet1.xml) is missing from the workbook");
  EXPECT_EQ(
      first_sheet_error(make_xlsx({{"Orders", "<worksheet><sheetData><row r=\"1\"><c r=\"A1\""}})),
      "book.xlsx: xl/worksheets/sheet1.xml: malformed XML at byte 33: the document ends inside a "
      "tag or comment");
  EXPECT_EQ(first_sheet_error(
                make_xlsx({{"Orders", worksheet_xml("<row r=\"1\"><c r=A1><v>1</v></c></row>")}}))
                .substr(0, 77),
            "book.xlsx: xl/worksheets/sheet1.xml: malformed XML at byte 160: an attribute ");
  EXPECT_EQ(
      first_sheet_error(
          make_xlsx({{"Orders", "<worksheet><sheetData><row r=\"1\"><c><v>1</v></c></row>"}})),
      "book.xlsx: sheet 'Orders' (xl/worksheets/sheet1.xml): the sheet's XML ends inside its data");
  EXPECT_EQ(first_sheet_error(make_xlsx({{"Orders", "<chartsheet/>"}})),
            "book.xlsx: sheet 'Orders' (xl/worksheets/sheet1.xml): it has no <sheetData>; it is "
            "not a worksheet");
  EXPECT_EQ(
      first_sheet_error(make_xlsx({{"Orders", worksheet_xml("<row r=\"2\"/><row r=\"1\"/>")}})),
      "book.xlsx: sheet 'Orders' (xl/worksheets/sheet1.xml): row 1 comes after row 2; rows must be "
      "in order");
  EXPECT_EQ(
      first_sheet_error(
          make_xlsx({{"Orders", worksheet_xml("<row><c r=\"1A\"><v>1</v></c></row>")}})),
      "book.xlsx: sheet 'Orders' (xl/worksheets/sheet1.xml): '1A' is not a cell reference like B3");
  EXPECT_EQ(first_sheet_error(make_xlsx(
                {{"Orders", worksheet_xml("<row><c r=\"B7\" t=\"s\"><v>3</v></c></row>")}},
                {{"xl/sharedStrings.xml", "<sst><si><t>a</t></si></sst>"}})),
            "book.xlsx: sheet 'Orders' (xl/worksheets/sheet1.xml): cell B7 refers to shared string "
            "'3', but the workbook has 1");

  const std::string bytes = make_xlsx({{"Orders", sheet}});
  const XlsxWorkbook workbook = open_workbook(bytes);
  Status status;
  sheet_csv(workbook, 1, &status);
  EXPECT_EQ(status.code(), ErrorCode::kInvalidOptions);
  EXPECT_EQ(status.message(), "there is no sheet 2; the workbook has 1");
}

TEST(XlsxWorkbook, LooksLikeZip) {
  EXPECT_TRUE(looks_like_zip(std::string("PK\x03\x04\x14\x00", 6)));
  EXPECT_FALSE(looks_like_zip("PK"));
  EXPECT_FALSE(looks_like_zip("id,date,amount\n"));
}

}  // namespace
}  // namespace tierlens
