// The customers workbook, read back with the core's own workbook reader: its Customers and
// Skipped rows sheets must be customers.csv and skipped.csv cell for cell (numbers as the
// same numbers, dates as the same dates), under every preset, on the built-in sample; the
// summary sheets must say what summary.json says; text that looks like a formula stays text.
#include "tierlens/xlsx_writer.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "test_support.h"
#include "tierlens/csv_splitter.h"
#include "tierlens/presets.h"
#include "tierlens/reports.h"
#include "tierlens/sample_orders.h"
#include "tierlens/xlsx_workbook.h"
#include "tierlens/zip_archive.h"

namespace tierlens {
namespace {

using testing::run_session;
using Rows = std::vector<std::vector<std::string>>;

Rows parse_csv(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  struct Collector : RecordSink {
    Rows rows;
    void on_record(const CsvRecord& record) override { rows.emplace_back(record.fields.begin(), record.fields.end()); }
  } collector;
  CsvSplitter splitter(',');
  splitter.feed(text, collector);
  splitter.finish(collector);
  return collector.rows;
}

struct ReadBack {
  std::vector<std::string> sheets;
  std::vector<Rows> rows;  ///< per sheet, as the core reads it
};

ReadBack read_workbook(const std::string& bytes) {
  ReadBack book;
  XlsxWorkbook workbook;
  const Status opened = XlsxWorkbook::open(bytes, "customers.xlsx", workbook);
  EXPECT_TRUE(opened.ok()) << opened.message();
  for (std::size_t s = 0; s < workbook.sheets().size(); ++s) {
    book.sheets.push_back(workbook.sheets()[s].name);
    std::string csv;
    const Status read = workbook.sheet_as_csv(s, [&](std::string_view chunk) {
      csv += chunk;
      return true;
    });
    EXPECT_TRUE(read.ok()) << read.message();
    book.rows.push_back(parse_csv(csv));
  }
  return book;
}

bool is_number(const std::string& text, double& value) {
  if (text.empty()) return false;
  char* end = nullptr;
  value = std::strtod(text.c_str(), &end);
  return end == text.c_str() + text.size();
}

/// Cell for cell: the same text, or the same number written another way ("200.00" in the CSV
/// is the number 200, which a sheet shows as "200").
void expect_same_cells(const Rows& csv, const Rows& sheet, const std::string& what) {
  ASSERT_EQ(sheet.size(), csv.size()) << what << ": rows";
  for (std::size_t r = 0; r < csv.size(); ++r) {
    ASSERT_EQ(sheet[r].size(), csv[r].size()) << what << ": cells in row " << r + 1;
    for (std::size_t c = 0; c < csv[r].size(); ++c) {
      const std::string& want = csv[r][c];
      const std::string& got = sheet[r][c];
      if (got == want) continue;
      double a = 0, b = 0;
      EXPECT_TRUE(is_number(want, a) && is_number(got, b) && a == b)
          << what << ": row " << r + 1 << ", column " << csv[0][c] << ": CSV \"" << want << "\", sheet \"" << got << "\"";
    }
  }
}

Classification classify_sample(const std::string& preset) {
  ClassifyOptions options;
  EXPECT_TRUE(load_preset(preset, options).ok()) << preset;
  options.file_name = "tierlens-sample-orders.csv";
  ClassificationSession session;
  const Status status = run_session(session, generate_sample_orders(), options);
  EXPECT_TRUE(status.ok()) << status.message();
  return *session.result();
}

Classification classify_csv(const std::string& csv) {
  ClassifyOptions options;
  options.file_name = "orders.csv";
  ClassificationSession session;
  const Status status = run_session(session, csv, options);
  EXPECT_TRUE(status.ok()) << status.message();
  return *session.result();
}

std::string zip_entry(const std::string& bytes, const std::string& name) {
  ZipArchive archive;
  EXPECT_TRUE(ZipArchive::open(bytes, "customers.xlsx", archive).ok());
  std::string contents;
  EXPECT_TRUE(archive.read_whole(name, contents).ok()) << name;
  return contents;
}

TEST(XlsxWriter, SampleWorkbookHoldsTheCsvReportsCellForCellUnderEveryPreset) {
  for (const Preset& preset : presets()) {
    const std::string id(preset.id);
    const Classification result = classify_sample(id);
    const ReadBack book = read_workbook(customers_xlsx(result));
    std::vector<std::string> sheets = {"Customers", "Segments"};
    if (!result.options.tiers.empty()) sheets.emplace_back("Tiers");
    if (!result.dimensions.empty()) sheets.emplace_back("Dimensions");
    sheets.emplace_back("Skipped rows");
    ASSERT_EQ(book.sheets, sheets) << id;
    expect_same_cells(parse_csv(customers_csv(result)), book.rows.front(), id + ", Customers");
    expect_same_cells(parse_csv(skipped_csv(result)), book.rows.back(), id + ", Skipped rows");
    EXPECT_EQ(book.rows.back().size(), 4u) << id << ": the sample's three unusable rows and the header";
  }
}

TEST(XlsxWriter, DatesAreDateCellsAndNumbersAreNumericCells) {
  const Classification result = classify_sample("rfm_segments");
  const std::string sheet = zip_entry(customers_xlsx(result), "xl/worksheets/sheet1.xml");
  // Row 2, the first customer: its id and name as shared strings, the dates with the date
  // style (2), recency and frequency plain, monetary with the money style (3).
  const std::size_t row = sheet.find("<row r=\"2\">");
  ASSERT_NE(row, std::string::npos);
  const std::string cells = sheet.substr(row, sheet.find("</row>", row) - row);
  EXPECT_NE(cells.find("<c r=\"A2\" t=\"s\">"), std::string::npos) << cells;
  EXPECT_NE(cells.find("<c r=\"C2\" s=\"2\"><v>"), std::string::npos) << cells;
  EXPECT_NE(cells.find("<c r=\"E2\"><v>"), std::string::npos) << cells;
  EXPECT_NE(cells.find("<c r=\"G2\" s=\"3\"><v>"), std::string::npos) << cells;
  EXPECT_EQ(sheet.find("<f"), std::string::npos);
  // Frozen header, AutoFilter, fitted widths.
  EXPECT_NE(sheet.find("state=\"frozen\""), std::string::npos);
  EXPECT_NE(sheet.find("<autoFilter ref=\"A1:"), std::string::npos);
  EXPECT_NE(sheet.find("<cols><col min=\"1\" max=\"1\" width=\""), std::string::npos);
}

TEST(XlsxWriter, SummarySheetsSayWhatSummaryJsonSays) {
  const Classification result = classify_sample("b2b_key_accounts");
  const auto summary = nlohmann::json::parse(summary_json(result));
  const ReadBack book = read_workbook(customers_xlsx(result));
  ASSERT_EQ(book.sheets.size(), 5u);
  const auto number = [](const std::string& text) { return std::strtod(text.c_str(), nullptr); };

  const Rows& segments = book.rows[1];
  ASSERT_EQ(segments.size(), summary["segments"].size() + 1);
  EXPECT_EQ(segments[0], (std::vector<std::string>{"segment", "cells", "customers", "customer_share", "revenue", "revenue_share"}));
  for (std::size_t s = 0; s < summary["segments"].size(); ++s) {
    const auto& want = summary["segments"][s];
    const auto& got = segments[s + 1];
    EXPECT_EQ(got[0], want["segment"]);
    EXPECT_EQ(number(got[2]), want["customers"].get<double>());
    EXPECT_EQ(number(got[3]), want["customer_share"].get<double>()) << got[3];
    EXPECT_EQ(number(got[4]), want["revenue"].get<double>());
    EXPECT_EQ(number(got[5]), want["revenue_share"].get<double>());
  }

  const Rows& tiers = book.rows[2];
  ASSERT_EQ(tiers.size(), summary["tiers"].size() + 1);
  EXPECT_EQ(tiers[0].size(), 13u);
  for (std::size_t t = 0; t < summary["tiers"].size(); ++t) {
    const auto& want = summary["tiers"][t];
    const auto& got = tiers[t + 1];
    EXPECT_EQ(got[0], want["name"]);
    EXPECT_EQ(got[1], want["rule"]);
    EXPECT_EQ(number(got[2]), want["customers"].get<double>());
    EXPECT_EQ(number(got[4]), want["revenue"].get<double>());
    const char* fields[] = {"service_level", "discount", "credit_terms", "review_cycle", "channel", "owner", "notes"};
    for (int f = 0; f < 7; ++f) EXPECT_EQ(got[6 + f], want["strategy"][fields[f]]) << fields[f];
  }

  const Rows& dimensions = book.rows[3];
  std::size_t row = 1;
  for (const auto& dimension : summary["dimensions"]) {
    for (const auto& label : dimension["labels"]) {
      ASSERT_LT(row, dimensions.size());
      EXPECT_EQ(dimensions[row][0], dimension["id"]);
      EXPECT_EQ(dimensions[row][1], dimension["name"]);
      EXPECT_EQ(dimensions[row][2], label["label"]);
      EXPECT_EQ(number(dimensions[row][3]), label["customers"].get<double>());
      EXPECT_EQ(number(dimensions[row][5]), label["revenue"].get<double>());
      ++row;
    }
  }
  EXPECT_EQ(row, dimensions.size());
}

// The CSV guards these with an apostrophe; in the workbook they are text cells, never formulas.
TEST(XlsxWriter, FormulaLookingTextStaysPlainText) {
  const Classification result = classify_csv(
      "customer_id,customer_name,date,amount\n"
      "+1,=HYPERLINK(\"http://x\"),2024-01-01,10\n"
      "-2,=1+1,2024-01-02,20\n"
      "@SUM(A1),@SUM(A1),2024-01-03,30\n");
  const Rows csv = parse_csv(customers_csv(result));
  ASSERT_EQ(csv.size(), 4u);
  EXPECT_EQ(csv[1][0], "'+1");
  EXPECT_EQ(csv[1][1], "'=HYPERLINK(\"http://x\")");
  const std::string bytes = customers_xlsx(result);
  const Rows sheet = read_workbook(bytes).rows[0];
  ASSERT_EQ(sheet.size(), 4u);
  EXPECT_EQ(sheet[1][0], "+1");
  EXPECT_EQ(sheet[1][1], "=HYPERLINK(\"http://x\")");
  EXPECT_EQ(sheet[2][0], "-2");
  EXPECT_EQ(sheet[2][1], "=1+1");
  EXPECT_EQ(sheet[3][0], "@SUM(A1)");
  const std::string xml = zip_entry(bytes, "xl/worksheets/sheet1.xml");
  EXPECT_EQ(xml.find("<f"), std::string::npos);
  EXPECT_NE(xml.find("<c r=\"A2\" t=\"s\">"), std::string::npos);
  EXPECT_NE(xml.find("<c r=\"B2\" t=\"s\">"), std::string::npos);
  EXPECT_NE(zip_entry(bytes, "xl/sharedStrings.xml").find("<t>=HYPERLINK(\"http://x\")</t>"), std::string::npos);
}

TEST(XlsxWriter, TextIsEscapedSoItReadsBackAsItWas) {
  const std::vector<std::string> texts = {
      "a & b < c > d \"q\" 'a'", "  padded  ", "line\nbreak", "cr\r\nlf", "tab\there", "bell\x07",
      "_x0041_ stays", "中文，客户", "😀 outside the BMP", std::string("nul\0byte", 8)};
  XlsxTable table{"Texts", {"text"}, texts.size(), [&](std::size_t row, XlsxRow& cells) { cells.text(texts[row]); }};
  const Rows sheet = read_workbook(write_xlsx({table})).rows[0];
  ASSERT_EQ(sheet.size(), texts.size() + 1);
  for (std::size_t i = 0; i < texts.size(); ++i) EXPECT_EQ(sheet[i + 1][0], texts[i]) << i;
}

TEST(XlsxWriter, InvalidUtf8BecomesReplacementCharacters) {
  const std::vector<std::string> texts = {"bad \xFF byte", "cut \xE4\xB8", "overlong \xC0\xAF", "surrogate \xED\xA0\x80"};
  XlsxTable table{"Texts", {"text"}, texts.size(), [&](std::size_t row, XlsxRow& cells) { cells.text(texts[row]); }};
  const Rows sheet = read_workbook(write_xlsx({table})).rows[0];
  EXPECT_EQ(sheet[1][0], "bad \xEF\xBF\xBD byte");
  EXPECT_EQ(sheet[2][0], "cut \xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(sheet[3][0], "overlong \xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(sheet[4][0], "surrogate \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(XlsxWriter, CellsHoldAtMostExcelsCharacters) {
  const std::string long_text(40000, 'x');
  XlsxTable table{"Long", {"text"}, 1, [&](std::size_t, XlsxRow& cells) { cells.text(long_text); }};
  EXPECT_EQ(read_workbook(write_xlsx({table})).rows[0][1][0], std::string(32767, 'x'));
}

TEST(XlsxWriter, NumbersAndDatesKeepTheirValues) {
  XlsxTable table{"Numbers", {"a", "b", "c", "d", "e"}, 1, [](std::size_t, XlsxRow& cells) {
                    cells.number("-1234.50", XlsxFormat::kMoney)
                        .number(1.0 / 3, XlsxFormat::kPercent)
                        .date(days_from_civil(2025, 12, 31))
                        .date(days_from_civil(1899, 1, 1))  // before Excel's calendar: text
                        .number("12,5");                    // not a number: text
                  }};
  const Rows sheet = read_workbook(write_xlsx({table})).rows[0];
  EXPECT_EQ(sheet[1], (std::vector<std::string>{"-1234.5", "0.3333333333333333", "2025-12-31", "1899-01-01", "12,5"}));
}

TEST(XlsxWriter, ALongTableGoesOnOverMoreSheets) {
  XlsxTable table{"Big", {"n"}, 1048576, [](std::size_t row, XlsxRow& cells) {
                    cells.number(static_cast<std::int64_t>(row));
                  }};
  const ReadBack book = read_workbook(write_xlsx({table}));
  ASSERT_EQ(book.sheets, (std::vector<std::string>{"Big", "Big (2)"}));
  EXPECT_EQ(book.rows[0].size(), 1048576u);
  EXPECT_EQ(book.rows[0].back()[0], "1048574");
  ASSERT_EQ(book.rows[1].size(), 2u);
  EXPECT_EQ(book.rows[1][0][0], "n");
  EXPECT_EQ(book.rows[1][1][0], "1048575");
}

TEST(XlsxWriter, TheSameResultGivesTheSameBytes) {
  const Classification result = classify_sample("clv_clusters");
  const std::string first = customers_xlsx(result);
  EXPECT_EQ(customers_xlsx(result), first);
  EXPECT_EQ(first.substr(0, 4), "PK\x03\x04");
  EXPECT_TRUE(looks_like_zip(first));
}

// Independent readers: Python's zipfile checks every entry's CRC-32, and Info-ZIP's unzip -t
// tests the archive, on the workbook of the sample.
TEST(XlsxWriter, PythonZipfileAndUnzipAcceptTheWorkbook) {
  const std::string path = ::testing::TempDir() + "tierlens-sample-customers.xlsx";
  {
    std::ofstream out(path, std::ios::binary);
    const std::string bytes = customers_xlsx(classify_sample("rfm_segments"));
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  bool checked = false;
  if (testing::file_exists("/usr/bin/python3")) {
    const std::string command =
        "/usr/bin/python3 -c \"import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); "
        "sys.exit(1 if z.testzip() is not None or len(z.namelist()) != 11 else 0)\" '" + path + "'";
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
    checked = true;
  }
  if (testing::file_exists("/usr/bin/unzip")) {
    const std::string command = "/usr/bin/unzip -tq '" + path + "' >/dev/null";
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
    checked = true;
  }
  std::remove(path.c_str());
  if (!checked) GTEST_SKIP() << "neither /usr/bin/python3 nor /usr/bin/unzip is installed";
}

}  // namespace
}  // namespace tierlens
