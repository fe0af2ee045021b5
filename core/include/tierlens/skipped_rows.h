// The rows that could not be used, each with its reason: nothing is dropped silently.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "tierlens/column_roles.h"

namespace tierlens {

/// Why a row was skipped. The codes (skip_reason_code) are stable: they appear in
/// summary.json and skipped.csv and are what tests and users filter on.
enum class SkipReason : std::uint8_t {
  kBlankRow,
  kFieldCount,
  kUnterminatedQuote,
  kMissingCustomerId,
  kMissingDate,
  kBadDate,
  kMissingAmount,
  kBadAmount,
  kBadQuantity,
  kBadUnitPrice,
  kAmountOutOfRange,
  kMissingOrderId,
  kAfterAnalysisDate,
  kAboveHeader,
  kDuplicateCustomer,
};
inline constexpr int kSkipReasonCount = 15;

/// e.g. "missing_customer_id".
const char* skip_reason_code(SkipReason reason);
/// e.g. "the customer id is empty".
const char* skip_reason_description(SkipReason reason);

struct SkippedRow {
  TableKind file = TableKind::kOrders;  ///< which of the run's files the row is in
  std::uint64_t row = 0;   ///< record number, header = 1 (what a spreadsheet shows)
  std::uint64_t line = 0;  ///< physical line where the record starts
  SkipReason reason = SkipReason::kBlankRow;
  std::string column;      ///< the header name of the offending column, if one
  std::string detail;      ///< what was found and what was expected
  std::string raw;         ///< the record as it was in the file
};

/// Every data row lands in exactly one of these counters.
struct RowAccounting {
  std::uint64_t total = 0;  ///< records read, but for the header (rows above it count)
  std::uint64_t used = 0;
  std::array<std::uint64_t, kSkipReasonCount> skipped_by_reason{};

  std::uint64_t skipped() const {
    std::uint64_t sum = 0;
    for (const std::uint64_t count : skipped_by_reason) sum += count;
    return sum;
  }
};

}  // namespace tierlens
