// libFuzzer target for the reader: whatever bytes arrive, in whatever chunks, the session must
// finish or refuse with a Status, never crash, hang or read out of bounds, and every row it
// saw must be used or skipped. Built by scripts/fuzz.sh with clang, ASan and UBSan.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "tierlens/amount_text.h"
#include "tierlens/order_date.h"
#include "tierlens/presets.h"
#include "tierlens/reports.h"
#include "tierlens/session.h"
#include "tierlens/text_encoding.h"

using namespace tierlens;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  // The first byte chooses the chunk size and how the file is read, so the fuzzer explores
  // characters and records cut at every boundary, and every encoding, not only detection.
  const std::size_t chunk = 1 + data[0] % 17;
  ClassifyOptions options;
  options.file_name = "fuzz.csv";
  switch (data[0] >> 5) {
    case 1: options.encoding = TextEncoding::kGb18030; break;
    case 2: options.encoding = TextEncoding::kUtf16Le; break;
    case 3: options.date_order = DateOrder::kDayFirst; break;
    case 4:  // the CLV models and k-means on whatever customers the bytes make
      if (!load_preset("clv_clusters", options).ok()) std::abort();
      break;
    default: break;
  }
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);

  ClassificationSession session;
  if (!session.begin(options).ok()) std::abort();
  bool refused = false;
  for (std::size_t at = 0; at < bytes.size() && !refused; at += chunk) {
    refused = !session.feed(bytes.substr(at, chunk)).ok();
  }
  if (!refused && session.finish().ok()) {
    const Classification& result = *session.result();
    const RowAccounting& rows = result.ingest.rows;
    if (rows.used + rows.skipped() != rows.total) std::abort();  // a row lost or counted twice
    customers_csv(result);
    summary_json(result);
    skipped_csv(result);
  }

  // The cell readers on their own, on the raw bytes as one cell.
  parse_order_date(bytes, DateOrder::kMonthFirst);
  parse_amount(bytes, DecimalMark::kComma);
  Utf8Transcoder transcoder(TextEncoding::kGb18030);
  std::string out;
  transcoder.convert(bytes, out);
  transcoder.finish(out);
  return 0;
}
