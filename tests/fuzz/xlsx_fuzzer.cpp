// libFuzzer target for the workbook reader: whatever bytes arrive, XlsxWorkbook::open and
// sheet_as_csv must answer or refuse with a Status, never crash, hang or read out of bounds;
// the DEFLATE decoder alone likewise. Built by scripts/fuzz.sh with clang, ASan and UBSan;
// seeded with the .xlsx fixtures, also rewritten with stored (uncompressed) entries so that
// mutations reach the XML directly.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "tierlens/inflate.h"
#include "tierlens/xlsx_workbook.h"

using namespace tierlens;

namespace {

/// The CSV read of each sheet, at most: a valid sheet may legitimately be huge (row 1048576
/// of a sheet 16384 columns wide is 17 GB of commas), which is slow, not a bug.
constexpr std::size_t kMaxCsvPerSheet = 4u << 20;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  looks_like_zip(bytes);

  XlsxWorkbook workbook;
  if (XlsxWorkbook::open(bytes, "fuzz.xlsx", workbook).ok()) {
    for (std::size_t i = 0; i < workbook.sheets().size() && i < 4; ++i) {
      std::size_t total = 0;
      workbook.sheet_as_csv(i, [&](std::string_view chunk) {
        total += chunk.size();
        return total <= kMaxCsvPerSheet;  // a huge padded sheet is cut short
      });
    }
  }

  // The decoder on the raw bytes, its output bounded the same way.
  std::size_t inflated = 0;
  inflate_raw(bytes, [&](std::string_view piece) {
    inflated += piece.size();
    return inflated < kMaxCsvPerSheet;
  });
  return 0;
}
