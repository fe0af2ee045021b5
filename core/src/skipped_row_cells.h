// Private to the core: the cells of one skipped row, in skipped_columns() order, for any
// writer with text() and number() (the CSV writer, a workbook row), so that skipped.csv and
// the workbook's "Skipped rows" sheet cannot drift apart.
#pragma once

#include <cstdint>

#include "tierlens/reports.h"

namespace tierlens {

template <typename Cells>
void put_skipped_row(const Classification& result, const SkippedRow& row, Cells& cells) {
  cells.text(skipped_file_name(result, row))
      .number(static_cast<std::int64_t>(row.row))
      .number(static_cast<std::int64_t>(row.line))
      .text(row.column)
      .text(skip_reason_code(row.reason))
      .text(row.detail)
      .text(row.raw);
}

}  // namespace tierlens
