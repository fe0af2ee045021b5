// Which header column plays which role. Roles are guessed from the header names (English and
// Chinese, as CRMs and ERPs export them) and can be named explicitly by the user.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tierlens/status.h"

namespace tierlens {

enum class ColumnRole { kCustomerId, kOrderId, kDate, kAmount, kQuantity, kUnitPrice };
inline constexpr int kColumnRoleCount = 6;

/// What a file holds: order lines, or one row per customer (a customer master: industry,
/// province, employees …), joined to the orders on the customer id.
enum class TableKind { kOrders, kCustomers };

/// "orders", "customers".
const char* table_kind_key(TableKind table);

/// "customer_id", "order_id", "date", "amount", "quantity", "unit_price".
const char* column_role_key(ColumnRole role);

/// The header names the user gave per role. An empty order_id means "the file has no order
/// id: every row is an order"; a role left unset is guessed.
struct ColumnOverrides {
  std::optional<std::string> names[kColumnRoleCount];

  std::optional<std::string>& operator[](ColumnRole role) {
    return names[static_cast<int>(role)];
  }
  const std::optional<std::string>& operator[](ColumnRole role) const {
    return names[static_cast<int>(role)];
  }
};

/// The resolved mapping: a column index per role, or none.
struct ColumnMapping {
  std::optional<std::size_t> index[kColumnRoleCount];

  const std::optional<std::size_t>& operator[](ColumnRole role) const {
    return index[static_cast<int>(role)];
  }
  std::optional<std::size_t>& operator[](ColumnRole role) { return index[static_cast<int>(role)]; }

  /// True when the amount comes from quantity × unit price rather than one column.
  bool amount_from_quantity_and_price() const { return !(*this)[ColumnRole::kAmount]; }
};

/// A header name as guesses compare it: ASCII lower-case without spaces, underscores,
/// hyphens and dots ("Customer ID" → "customerid"); other bytes (Chinese) kept.
std::string normalize_header_name(std::string_view name);

/// The column the user named: an exact match first, then ignoring ASCII case and padding.
std::optional<std::size_t> find_named_column(const std::vector<std::string>& header,
                                             const std::string& name);

/// "…": every header name quoted, comma-separated, for messages.
std::string list_columns(const std::vector<std::string>& header);

/// The first data rows of a file, cells as read: what roles are guessed from when no header
/// name gives them away.
using SampleRows = std::vector<std::vector<std::string>>;

/// Resolves every role against the header (a customers table: the customer id only): the
/// names the user gave, else known header names,
/// else (for the date and the amount) the values in `rows`: the column whose cells read as
/// dates with separators, and the first other column whose cells read as amounts, some with
/// decimals. Fails, naming the columns the file does have, when the customer id, the date,
/// or the amount (one column, or quantity and unit price) cannot be found, or when an
/// override names a column that is not in the header.
Status resolve_columns(const std::vector<std::string>& header, const ColumnOverrides& overrides,
                       const std::string& file_name, ColumnMapping& mapping,
                       const SampleRows& rows = {}, TableKind table = TableKind::kOrders);

}  // namespace tierlens
