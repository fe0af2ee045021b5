// The head of a file (at least its first 64 KiB; the whole first chunk read) read once for
// what decides how all of it reads: the header, the first rows whole when the header's names
// leave a role to guess from the values, and every row's date and amount cells, whose values
// settle the day/month order and the decimal mark. Only those cells are kept of later rows:
// the head can be megabytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tierlens/column_roles.h"
#include "tierlens/order_ingest.h"

namespace tierlens {

struct HeadSample {
  std::vector<std::string> header;
  SampleRows rows;                  ///< the first data rows whole (200 at most), when needed
  std::vector<std::string> dates;   ///< the date column's cells, every row of the head
  std::vector<std::string> amounts;  ///< the amount, quantity and unit price cells
};

/// `head` split with `delimiter` and `quote`, the header on row `header_row`, the columns
/// resolved as `options` say (names first, then values).
HeadSample sample_head(std::string_view head, char delimiter, char quote, std::uint64_t header_row,
                       const IngestOptions& options);

}  // namespace tierlens
