#include "tierlens/customer_join.h"

#include <unordered_map>

namespace tierlens {
namespace {

/// The index of `value` among `column`'s distinct values, added when new.
std::uint32_t intern(AttributeColumn& column, std::unordered_map<std::string, std::uint32_t>& index,
                     const std::string& value) {
  if (index.empty()) {
    for (std::size_t v = 0; v < column.values.size(); ++v) {
      index.emplace(column.values[v], static_cast<std::uint32_t>(v));
    }
  }
  const auto [entry, inserted] = index.try_emplace(value, static_cast<std::uint32_t>(column.values.size()));
  if (inserted) column.values.push_back(value);
  return entry->second;
}

}  // namespace

Status join_customer_table(IngestResult& orders, IngestResult table,
                           const std::vector<std::pair<std::string, std::optional<std::string>>>& attributes) {
  CustomerTable& customers = orders.customers;
  const CustomerTable& listed = table.customers;
  if (customers.attributes.size() != listed.attributes.size()) {
    return Status::error(ErrorCode::kInvalidState, "join: the two tables were read with different attributes");
  }
  for (std::size_t a = 0; a < attributes.size() && a < customers.attributes.size(); ++a) {
    const auto& [field, named] = attributes[a];
    if (named && customers.attributes[a].header.empty() && listed.attributes[a].header.empty()) {
      return Status::error(ErrorCode::kMissingColumn,
                           "the column \"" + *named + "\" given for the field \"" + field +
                               "\" is in neither " + orders.input.file_name + " nor " +
                               table.input.file_name);
    }
  }

  CustomerTableReport report;
  report.input = std::move(table.input);
  report.rows = table.rows;
  report.customers = listed.size();

  std::unordered_map<std::string, std::uint32_t> index_of;
  index_of.reserve(customers.size() + listed.size());
  for (std::size_t c = 0; c < customers.size(); ++c) {
    index_of.emplace(customers.id[c], static_cast<std::uint32_t>(c));
  }
  std::vector<bool> listed_in_table(customers.size(), false);
  std::vector<std::unordered_map<std::string, std::uint32_t>> value_index(customers.attributes.size());
  for (std::size_t t = 0; t < listed.size(); ++t) {
    std::uint32_t c = 0;
    if (const auto found = index_of.find(listed.id[t]); found != index_of.end()) {
      c = found->second;
      listed_in_table[c] = true;
    } else {
      c = customers.add_without_orders(listed.id[t]);
      ++report.without_orders;
      if (report.without_orders_examples.size() < kJoinExamples) {
        report.without_orders_examples.push_back(listed.id[t]);
      }
    }
    for (std::size_t a = 0; a < customers.attributes.size(); ++a) {
      const AttributeColumn& from = listed.attributes[a];
      if (from.value_of[t] == 0) continue;  // the table has no value: the orders' stands
      AttributeColumn& into = customers.attributes[a];
      into.value_of[c] = intern(into, value_index[a], from.values[from.value_of[t]]);
    }
  }
  for (std::size_t c = 0; c < listed_in_table.size(); ++c) {
    if (listed_in_table[c]) continue;
    ++report.not_in_table;
    if (report.not_in_table_examples.size() < kJoinExamples) report.not_in_table_examples.push_back(customers.id[c]);
  }
  for (std::size_t a = 0; a < customers.attributes.size(); ++a) {
    AttributeColumn& into = customers.attributes[a];
    if (into.header.empty()) into.header = listed.attributes[a].header;
  }
  for (SkippedRow& row : table.skipped) orders.skipped.push_back(std::move(row));
  orders.customer_table = std::move(report);
  return Status();
}

}  // namespace tierlens
