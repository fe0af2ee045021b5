// Which columns of the warehouse tables play which part: the names the SQL reads. A run knows
// them from the file it read (the columns it guessed or was told); without a file they come
// from the policy's `columns` and `attributes`, with plain defaults for the rest.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tierlens/classification.h"
#include "tierlens/classify_options.h"
#include "tierlens/column_preview.h"

namespace tierlens::sql {

/// One attribute field and where its values are read: a column of the orders, of the
/// customers table, of both (the table's non-empty value wins), or of neither (no value).
struct AttributeSource {
  std::string field;
  std::optional<std::string> orders_column;
  std::optional<std::string> customers_column;

  bool present() const { return orders_column || customers_column; }
};

struct SqlMapping {
  std::string orders_table = "orders";
  std::string customer_id = "customer_id";
  std::string date = "order_date";
  std::optional<std::string> order_id = std::string("order_id");  ///< none: every row is an order
  std::optional<std::string> amount = std::string("amount");      ///< none: quantity × unit price
  std::string quantity = "quantity";
  std::string unit_price = "unit_price";
  /// The customers table, when the run has one: its name and its customer id column.
  std::optional<std::string> customers_table;
  std::string customers_id = "customer_id";
  /// The customer name first (when a column holds it), then every attribute the policy reads.
  std::vector<AttributeSource> attributes;

  const AttributeSource* attribute(const std::string& field) const;
};

/// The policy's own naming: roles it names, else customer_id, order_id, order_date, amount;
/// each attribute field from `attributes`, else a column named like the field; the customer
/// name only when the policy names its column. `with_customers_table`: the run has one too.
SqlMapping mapping_from_policy(const ClassifyOptions& options, bool with_customers_table = false);

/// The columns a run on this file would read (tierlens columns, the page's mapping step);
/// `customers`: the customers table's preview too.
SqlMapping mapping_from_preview(const ClassifyOptions& options, const ColumnPreview& orders,
                                const ColumnPreview* customers = nullptr);

/// The columns a finished run read.
SqlMapping mapping_from_run(const Classification& result);

}  // namespace tierlens::sql
