// Where the table starts. ERP exports often put a title ("2024年度客户订单明细") and a blank
// line above the header; the header is the first row whose names give the columns TierLens
// needs, under the delimiter that makes them.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "tierlens/column_roles.h"

namespace tierlens {

struct HeaderGuess {
  char delimiter = ',';
  std::uint64_t row = 1;  ///< record number, 1 = the first row
  /// True when the row's names resolve the required columns; false when no row in the head
  /// does, and `row` is the widest row (the likeliest header, for the error message).
  bool resolves = false;
};

/// Looks at the first 30 records of `head` (the start of the file, as text) under each
/// delimiter (comma, semicolon, tab, pipe). The earliest row that resolves the required
/// columns wins; on a tie, the delimiter that gives it more fields. With `given_row`, that
/// row is the header and only the delimiter is detected, from it.
HeaderGuess find_header_row(std::string_view head, const ColumnOverrides& columns,
                            std::optional<std::uint64_t> given_row,
                            TableKind table = TableKind::kOrders);

}  // namespace tierlens
