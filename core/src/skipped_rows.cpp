#include "tierlens/skipped_rows.h"

namespace tierlens {

const char* skip_reason_code(SkipReason reason) {
  switch (reason) {
    case SkipReason::kBlankRow: return "blank_row";
    case SkipReason::kFieldCount: return "field_count";
    case SkipReason::kUnterminatedQuote: return "unterminated_quote";
    case SkipReason::kMissingCustomerId: return "missing_customer_id";
    case SkipReason::kMissingDate: return "missing_date";
    case SkipReason::kBadDate: return "bad_date";
    case SkipReason::kMissingAmount: return "missing_amount";
    case SkipReason::kBadAmount: return "bad_amount";
    case SkipReason::kBadQuantity: return "bad_quantity";
    case SkipReason::kBadUnitPrice: return "bad_unit_price";
    case SkipReason::kAmountOutOfRange: return "amount_out_of_range";
    case SkipReason::kMissingOrderId: return "missing_order_id";
    case SkipReason::kAfterAnalysisDate: return "after_analysis_date";
    case SkipReason::kAboveHeader: return "above_header";
    case SkipReason::kDuplicateCustomer: return "duplicate_customer";
  }
  return "unknown";
}

const char* skip_reason_description(SkipReason reason) {
  switch (reason) {
    case SkipReason::kBlankRow: return "the row is empty";
    case SkipReason::kFieldCount: return "the row has a different number of fields than the header";
    case SkipReason::kUnterminatedQuote: return "a quoted field is never closed before the end of the file";
    case SkipReason::kMissingCustomerId: return "the customer id is empty";
    case SkipReason::kMissingDate: return "the order date is empty";
    case SkipReason::kBadDate: return "the order date is not a date";
    case SkipReason::kMissingAmount: return "the amount (or quantity or unit price) is empty";
    case SkipReason::kBadAmount: return "the amount is not a number";
    case SkipReason::kBadQuantity: return "the quantity is not a number";
    case SkipReason::kBadUnitPrice: return "the unit price is not a number";
    case SkipReason::kAmountOutOfRange: return "the amount is too large to add up exactly";
    case SkipReason::kMissingOrderId: return "the order id is empty";
    case SkipReason::kAfterAnalysisDate: return "the order is dated after the analysis date";
    case SkipReason::kAboveHeader: return "a title or blank row above the header row";
    case SkipReason::kDuplicateCustomer: return "the customer is already on an earlier row of the customers table";
  }
  return "unknown";
}

}  // namespace tierlens
