#include "tierlens/column_roles.h"

#include <algorithm>

#include "tierlens/amount_text.h"
#include "tierlens/order_date.h"
#include "tierlens/text.h"

namespace tierlens {
namespace {

/// Header spellings per role, compared after normalize(): ASCII lower-case with spaces,
/// underscores, hyphens and dots removed. Earlier entries win when several columns match.
const std::vector<std::string>& known_names(ColumnRole role) {
  static const std::vector<std::string> kCustomer = {
      "customerid", "customerno", "customernumber", "customercode", "customer", "clientid",
      "client", "accountid", "memberid", "buyerid", "客户编号", "客户id", "客户代码", "客户编码",
      "客户号", "会员id", "会员编号", "会员卡号", "会员号", "社保卡号", "卡号", "客户", "客户名称"};
  static const std::vector<std::string> kOrder = {
      "invoiceno", "invoice", "invoiceid", "invoicenumber", "orderid", "orderno", "ordernumber",
      "order", "transactionid", "receiptno", "订单号", "订单编号", "订单id", "单据编号", "单号",
      "发票号", "交易编号"};
  static const std::vector<std::string> kDate = {
      "invoicedate", "orderdate", "date", "transactiondate", "purchasedate", "saledate",
      "orderedat", "日期", "下单日期", "订单日期", "交易日期", "销售日期", "购药时间", "购买时间",
      "消费时间", "交易时间", "下单时间"};
  // What was paid (实收, 实付) comes before what was due (应收): discounts make them differ,
  // and revenue is what came in.
  static const std::vector<std::string> kAmount = {
      "amount", "totalamount", "sales", "revenue", "total", "ordervalue", "netamount",
      "金额", "销售额", "订单金额", "实收金额", "实付金额", "成交金额", "应收金额"};
  static const std::vector<std::string> kQuantity = {"quantity", "qty", "units", "数量",
                                                     "销售数量", "购买数量"};
  static const std::vector<std::string> kUnitPrice = {"unitprice", "price", "priceeach",
                                                      "单价", "销售单价"};
  switch (role) {
    case ColumnRole::kCustomerId: return kCustomer;
    case ColumnRole::kOrderId: return kOrder;
    case ColumnRole::kDate: return kDate;
    case ColumnRole::kAmount: return kAmount;
    case ColumnRole::kQuantity: return kQuantity;
    case ColumnRole::kUnitPrice: return kUnitPrice;
  }
  return kCustomer;
}

}  // namespace

std::string normalize_header_name(std::string_view name) {
  std::string lower = ascii_lower(trim_spaces(name));
  lower.erase(std::remove_if(lower.begin(), lower.end(),
                             [](char c) { return c == ' ' || c == '_' || c == '-' || c == '.'; }),
              lower.end());
  return lower;
}

namespace {

std::optional<std::size_t> guess_column(const std::vector<std::string>& normalized_header,
                                        ColumnRole role) {
  for (const std::string& name : known_names(role)) {
    const auto found = std::find(normalized_header.begin(), normalized_header.end(), name);
    if (found != normalized_header.end()) {
      return static_cast<std::size_t>(found - normalized_header.begin());
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::size_t> find_named_column(const std::vector<std::string>& header,
                                             const std::string& name) {
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return i;
  }
  const std::string wanted = ascii_lower(trim_spaces(name));
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (ascii_lower(trim_spaces(header[i])) == wanted) return i;
  }
  return std::nullopt;
}

std::string list_columns(const std::vector<std::string>& header) {
  std::string list;
  for (const std::string& name : header) {
    if (!list.empty()) list += ", ";
    list += "\"" + name + "\"";
  }
  return list;
}

namespace {

const char* role_label(ColumnRole role) {
  switch (role) {
    case ColumnRole::kCustomerId: return "customer id";
    case ColumnRole::kOrderId: return "order id";
    case ColumnRole::kDate: return "order date";
    case ColumnRole::kAmount: return "amount";
    case ColumnRole::kQuantity: return "quantity";
    case ColumnRole::kUnitPrice: return "unit price";
  }
  return "";
}

}  // namespace

const char* table_kind_key(TableKind table) {
  return table == TableKind::kCustomers ? "customers" : "orders";
}

const char* column_role_key(ColumnRole role) {
  switch (role) {
    case ColumnRole::kCustomerId: return "customer_id";
    case ColumnRole::kOrderId: return "order_id";
    case ColumnRole::kDate: return "date";
    case ColumnRole::kAmount: return "amount";
    case ColumnRole::kQuantity: return "quantity";
    case ColumnRole::kUnitPrice: return "unit_price";
  }
  return "";
}

namespace {

/// Share of a column's non-empty sample cells that must read as the role's values.
constexpr double kValueGuessShare = 0.9;

/// True when most non-empty cells of `column` satisfy `reads`, and `also` holds for one.
template <typename Reads, typename Also>
bool column_reads_as(const SampleRows& rows, std::size_t column, Reads reads, Also also) {
  std::size_t filled = 0, read = 0;
  bool any_also = false;
  for (const std::vector<std::string>& row : rows) {
    if (column >= row.size()) continue;
    const std::string_view cell = trim_spaces(row[column]);
    if (cell.empty()) continue;
    ++filled;
    if (reads(cell)) ++read;
    any_also = any_also || also(cell);
  }
  return filled > 0 && any_also && static_cast<double>(read) >= kValueGuessShare * static_cast<double>(filled);
}

bool has_any(std::string_view cell, std::string_view characters) {
  return cell.find_first_of(characters) != std::string_view::npos;
}

/// A date column by its values. Plain numbers are left out: an amount like 1200 reads as an
/// Excel day number, so only dates written with separators (or 年) count.
std::optional<std::size_t> guess_date_by_values(const SampleRows& rows, std::size_t columns,
                                                const ColumnMapping& taken) {
  const auto reads = [](std::string_view cell) {
    return (has_any(cell, "-/.") || cell.find("年") != std::string_view::npos) &&
           (parse_order_date(cell, DateOrder::kMonthFirst) || parse_order_date(cell, DateOrder::kDayFirst));
  };
  for (std::size_t c = 0; c < columns; ++c) {
    if (std::find(std::begin(taken.index), std::end(taken.index), c) != std::end(taken.index)) continue;
    if (column_reads_as(rows, c, reads, reads)) return c;
  }
  return std::nullopt;
}

/// An amount column by its values: numbers (as amounts are written), some with a decimal
/// part or a currency sign, so that ids and counts (whole numbers) are not taken.
std::optional<std::size_t> guess_amount_by_values(const SampleRows& rows, std::size_t columns,
                                                  const ColumnMapping& taken) {
  const auto reads = [](std::string_view cell) {
    return parse_amount(cell, DecimalMark::kPoint) || parse_amount(cell, DecimalMark::kComma);
  };
  const auto looks_like_money = [](std::string_view cell) {
    return has_any(cell, ".,$€£¥") || cell.find("￥") != std::string_view::npos;
  };
  for (std::size_t c = 0; c < columns; ++c) {
    if (std::find(std::begin(taken.index), std::end(taken.index), c) != std::end(taken.index)) continue;
    if (column_reads_as(rows, c, reads, looks_like_money)) return c;
  }
  return std::nullopt;
}

}  // namespace

Status resolve_columns(const std::vector<std::string>& header, const ColumnOverrides& overrides,
                       const std::string& file_name, ColumnMapping& mapping, const SampleRows& rows,
                       TableKind table) {
  std::vector<std::string> normalized;
  normalized.reserve(header.size());
  for (const std::string& name : header) normalized.push_back(normalize_header_name(name));

  // Every role is resolved before any error is returned, so a caller previewing the file
  // (the page's mapping step) sees every guess even when one named column is missing.
  mapping = ColumnMapping{};
  Status named_column_missing;
  // A customers table has one role: its other columns are attributes.
  const int roles = table == TableKind::kCustomers ? 1 : kColumnRoleCount;
  static_assert(static_cast<int>(ColumnRole::kCustomerId) == 0, "the customer id comes first");
  for (int r = 0; r < roles; ++r) {
    const auto role = static_cast<ColumnRole>(r);
    const std::optional<std::string>& named = overrides[role];
    if (!named) {
      mapping[role] = guess_column(normalized, role);
      continue;
    }
    if (named->empty()) continue;  // explicitly "no such column"
    mapping[role] = find_named_column(header, *named);
    if (!mapping[role] && named_column_missing.ok()) {
      named_column_missing =
          Status::error(ErrorCode::kMissingColumn,
                        file_name + ": the column \"" + *named + "\" given for the " +
                            role_label(role) + " is not in the header row (columns: " +
                            list_columns(header) + ")");
    }
  }
  // One column cannot play two roles; a later guess yields to an earlier role.
  for (int later = 1; later < kColumnRoleCount; ++later) {
    for (int earlier = 0; earlier < later; ++earlier) {
      if (mapping.index[later] && mapping.index[later] == mapping.index[earlier] &&
          !overrides.names[later]) {
        mapping.index[later].reset();
      }
    }
  }

  // Only then the values: a role a header name gives away is never second-guessed.
  if (table == TableKind::kOrders && !rows.empty() && !overrides[ColumnRole::kDate] && !mapping[ColumnRole::kDate]) {
    mapping[ColumnRole::kDate] = guess_date_by_values(rows, header.size(), mapping);
  }
  if (table == TableKind::kOrders && !rows.empty() && !overrides[ColumnRole::kAmount] && !mapping[ColumnRole::kAmount] &&
      !(mapping[ColumnRole::kQuantity] && mapping[ColumnRole::kUnitPrice])) {
    mapping[ColumnRole::kAmount] = guess_amount_by_values(rows, header.size(), mapping);
  }
  if (!named_column_missing.ok()) return named_column_missing;
  const auto missing = [&](const std::string& what, const char* key, const char* flag) {
    return Status::error(ErrorCode::kMissingColumn,
                         file_name + ": no " + what + " column found in the header row (columns: " +
                             list_columns(header) + "); set the " + key + " column (CLI: " + flag + ")");
  };
  if (table == TableKind::kCustomers) {
    // "" for the id: a table with one row per customer and no id column (customers only).
    if (mapping[ColumnRole::kCustomerId] || overrides[ColumnRole::kCustomerId] == std::string()) return Status();
    return missing("customer id", "customer_table.customer_id", "--customers-id, or --customers-id \"\" when each row is one customer without an id");
  }
  if (!mapping[ColumnRole::kCustomerId]) return missing("customer id", "customer_id", "--customer-id");
  if (!mapping[ColumnRole::kDate]) return missing("order date", "date", "--date");
  if (!mapping[ColumnRole::kAmount] &&
      !(mapping[ColumnRole::kQuantity] && mapping[ColumnRole::kUnitPrice])) {
    return missing("amount (or quantity and unit price)", "amount",
                   "--amount, or --quantity and --unit-price");
  }
  return Status();
}

}  // namespace tierlens
