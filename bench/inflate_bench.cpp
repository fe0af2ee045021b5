// The core's DEFLATE decoder against the system zlib on the same data, and a whole .xlsx
// sheet read as CSV, on sheet-like XML of SIZE_MB (default 64) MB. One process, best of 3.
// Not a test and not built by CMake (it needs zlib, which only the tests link):
//   bash scripts/build.sh native
//   g++ -O2 -std=c++17 -Icore/include -Itests/core bench/inflate_bench.cpp \
//       build/native/core/libtierlens_core.a -lz -o build/inflate_bench
//   build/inflate_bench [SIZE_MB]
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <random>
#include <string>

#include "tierlens/crc32.h"
#include "tierlens/inflate.h"
#include "tierlens/xlsx_workbook.h"
#include "zip_writer.h"  // tests/core: builds the workbook with zlib

using namespace tierlens;

namespace {

double best_seconds_of_3(const std::function<void()>& run) {
  double best = 1e9;
  for (int i = 0; i < 3; ++i) {
    const auto start = std::chrono::steady_clock::now();
    run();
    best = std::min(
        best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  return best;
}

std::string sheet_rows(std::size_t size) {
  std::mt19937 random(1);
  std::string xml;
  for (unsigned r = 1; xml.size() < size; ++r) {
    const std::string n = std::to_string(r);
    xml += "<row r=\"" + n + "\" spans=\"1:4\"><c r=\"A" + n + "\" t=\"s\"><v>" +
           std::to_string(random() % 20000) + "</v></c><c r=\"B" + n + "\" s=\"1\"><v>" +
           std::to_string(43000 + random() % 2000) + "</v></c><c r=\"C" + n + "\"><v>" +
           std::to_string(random() % 100000) + "." + std::to_string(random() % 100) +
           "</v></c></row>";
  }
  return xml;
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t megabytes = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 64;
  const std::string rows = sheet_rows(megabytes << 20);
  const std::string xml = tierlens::testing::worksheet_xml(rows, "<dimension ref=\"A1:C9\"/>");
  const std::string compressed = tierlens::testing::zlib_deflate_raw(xml, 6);
  const double mb = static_cast<double>(xml.size()) / 1e6;
  std::printf("sheet XML %.1f MB, deflated (zlib level 6) to %.1f MB\n", mb,
              compressed.size() / 1e6);

  std::string out(xml.size(), '\0');
  const double zlib_seconds = best_seconds_of_3([&] {
    z_stream stream{};
    inflateInit2(&stream, -15);
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    stream.avail_in = static_cast<uInt>(compressed.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    inflate(&stream, Z_FINISH);
    inflateEnd(&stream);
  });
  std::size_t produced = 0;
  const double core_seconds = best_seconds_of_3([&] {
    produced = 0;
    inflate_raw(compressed, [&](std::string_view piece) {
      produced += piece.size();
      return true;
    });
  });
  const double crc_seconds = best_seconds_of_3([&] { crc32_update(0, xml); });
  std::printf("inflate: zlib %.0f MB/s, core %.0f MB/s (%.2fx zlib's time); output %s\n",
              mb / zlib_seconds, mb / core_seconds, core_seconds / zlib_seconds,
              produced == xml.size() ? "complete" : "WRONG SIZE");
  std::printf("crc32: core %.0f MB/s\n", mb / crc_seconds);

  const std::string styles =
      "<styleSheet><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>";
  std::string strings = "<sst>";
  for (int i = 0; i < 20000; ++i) strings += "<si><t>customer " + std::to_string(i) + "</t></si>";
  strings += "</sst>";
  const std::string workbook_bytes = tierlens::testing::make_xlsx(
      {{"Orders", xml}}, {{"xl/styles.xml", styles}, {"xl/sharedStrings.xml", strings}});
  XlsxWorkbook workbook;
  if (!XlsxWorkbook::open(workbook_bytes, "bench.xlsx", workbook).ok()) return 1;
  std::size_t csv_bytes = 0;
  const double sheet_seconds = best_seconds_of_3([&] {
    csv_bytes = 0;
    workbook.sheet_as_csv(0, [&](std::string_view chunk) { csv_bytes += chunk.size(); });
  });
  std::printf("xlsx sheet → CSV: %.0f MB of sheet XML/s (%.1f MB of CSV in %.2f s)\n",
              mb / sheet_seconds, csv_bytes / 1e6, sheet_seconds);
  return 0;
}
