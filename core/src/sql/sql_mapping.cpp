#include "tierlens/sql/sql_mapping.h"

#include <algorithm>

#include "tierlens/attribute_columns.h"
#include "tierlens/policy_validation.h"

namespace tierlens::sql {
namespace {

/// The customer name, then the policy's attribute fields, each with the column the policy
/// names for it (if any): what a run reads (session.cpp's wanted_attributes).
std::vector<std::pair<std::string, std::optional<std::string>>> wanted(const ClassifyOptions& options) {
  std::vector<std::string> fields = attribute_fields(options);
  if (std::find(fields.begin(), fields.end(), "customer_name") == fields.end()) {
    fields.insert(fields.begin(), "customer_name");
  }
  std::vector<std::pair<std::string, std::optional<std::string>>> out;
  for (const std::string& field : fields) {
    std::optional<std::string> header;
    for (const auto& [named_field, named_header] : options.attribute_columns) {
      if (named_field == field) header = named_header;
    }
    out.emplace_back(field, header);
  }
  return out;
}

bool in_header(const std::vector<std::string>& header, const std::string& name) {
  return std::find(header.begin(), header.end(), name) != header.end();
}

/// Where the customers table holds `field`: the column named for it, else a guess, as the
/// run reads it (never its customer id column).
std::optional<std::string> table_column(const std::vector<std::string>& header, const std::string& id_column,
                                        const std::string& field, const std::optional<std::string>& named) {
  if (named) {
    if (const auto index = find_named_column(header, *named)) return header[*index];
    return std::nullopt;
  }
  std::vector<std::size_t> taken;
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i] == id_column) taken.push_back(i);
  }
  if (const auto index = guess_attribute_column(header, field, taken)) return header[*index];
  return std::nullopt;
}

}  // namespace

const AttributeSource* SqlMapping::attribute(const std::string& field) const {
  for (const AttributeSource& source : attributes) {
    if (source.field == field) return &source;
  }
  return nullptr;
}

SqlMapping mapping_from_policy(const ClassifyOptions& options, bool with_customers_table) {
  SqlMapping mapping;
  const auto named = [&](ColumnRole role) { return options.columns[role]; };
  if (const auto name = named(ColumnRole::kCustomerId); name && !name->empty()) mapping.customer_id = *name;
  if (const auto name = named(ColumnRole::kDate); name && !name->empty()) mapping.date = *name;
  if (const auto name = named(ColumnRole::kOrderId)) {
    mapping.order_id = name->empty() ? std::nullopt : std::optional<std::string>(*name);
  }
  const auto quantity = named(ColumnRole::kQuantity), unit_price = named(ColumnRole::kUnitPrice);
  if (const auto name = named(ColumnRole::kAmount); name && !name->empty()) {
    mapping.amount = *name;
  } else if (quantity && !quantity->empty() && unit_price && !unit_price->empty()) {
    mapping.amount.reset();
    mapping.quantity = *quantity;
    mapping.unit_price = *unit_price;
  }
  if (with_customers_table) {
    mapping.customers_table = "customers";
    if (options.customer_table_id_column && !options.customer_table_id_column->empty()) {
      mapping.customers_id = *options.customer_table_id_column;
    }
  }
  for (const auto& [field, header] : wanted(options)) {
    AttributeSource source;
    source.field = field;
    // Without a file to guess from, a field is read from the column named like it; the
    // customer name only when the policy says where it is.
    if (header || field != "customer_name") {
      source.orders_column = header.value_or(field);
      if (with_customers_table) source.customers_column = source.orders_column;
    }
    mapping.attributes.push_back(source);
  }
  return mapping;
}

SqlMapping mapping_from_preview(const ClassifyOptions& options, const ColumnPreview& orders,
                                const ColumnPreview* customers) {
  SqlMapping mapping = mapping_from_policy(options, customers != nullptr);
  for (const ColumnChoice& role : orders.roles) {
    if (role.field == "customer_id" && role.column) mapping.customer_id = *role.column;
    if (role.field == "date" && role.column) mapping.date = *role.column;
    if (role.field == "order_id") mapping.order_id = role.column;
    if (role.field == "amount") mapping.amount = role.column;
    if (role.field == "quantity" && role.column) mapping.quantity = *role.column;
    if (role.field == "unit_price" && role.column) mapping.unit_price = *role.column;
  }
  if (customers) {
    for (const ColumnChoice& role : customers->roles) {
      if (role.field == "customer_id" && role.column) mapping.customers_id = *role.column;
    }
  }
  for (AttributeSource& source : mapping.attributes) {
    source.orders_column.reset();
    source.customers_column.reset();
    for (const ColumnChoice& choice : orders.attributes) {
      if (choice.field == source.field) source.orders_column = choice.column;
    }
    if (customers) {
      for (const ColumnChoice& choice : customers->attributes) {
        if (choice.field == source.field) source.customers_column = choice.column;
      }
    }
  }
  return mapping;
}

SqlMapping mapping_from_run(const Classification& result) {
  const IngestResult& ingest = result.ingest;
  SqlMapping mapping = mapping_from_policy(result.options, ingest.customer_table.has_value());
  const InputDescription& input = ingest.input;
  const auto column = [&](ColumnRole role) -> std::optional<std::string> {
    if (const auto index = input.columns[role]) return input.header[*index];
    return std::nullopt;
  };
  if (ingest.orders_read) {
    mapping.customer_id = column(ColumnRole::kCustomerId).value_or(mapping.customer_id);
    mapping.date = column(ColumnRole::kDate).value_or(mapping.date);
    mapping.order_id = column(ColumnRole::kOrderId);
    mapping.amount = column(ColumnRole::kAmount);
    mapping.quantity = column(ColumnRole::kQuantity).value_or(mapping.quantity);
    mapping.unit_price = column(ColumnRole::kUnitPrice).value_or(mapping.unit_price);
  }
  std::vector<std::string> table_header;
  if (const auto& table = ingest.customer_table) {
    table_header = table->input.header;
    if (const auto index = table->input.columns[ColumnRole::kCustomerId]) mapping.customers_id = table_header[*index];
  }
  const auto named = wanted(result.options);
  for (AttributeSource& source : mapping.attributes) {
    source.orders_column.reset();
    source.customers_column.reset();
    const AttributeColumn* read = ingest.customers.attribute(source.field);
    if (read && !read->header.empty() && ingest.orders_read && in_header(input.header, read->header)) {
      source.orders_column = read->header;
    }
    if (ingest.customer_table) {
      std::optional<std::string> header;
      for (const auto& [field, named_header] : named) {
        if (field == source.field) header = named_header;
      }
      source.customers_column = table_column(table_header, mapping.customers_id, source.field, header);
    }
  }
  return mapping;
}

}  // namespace tierlens::sql
