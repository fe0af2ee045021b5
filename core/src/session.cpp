#include "tierlens/session.h"

#include <algorithm>

#include "tierlens/customer_join.h"
#include "tierlens/policy_validation.h"

namespace tierlens {
namespace {

/// What the policy needs read from the file per customer: its attribute fields, each with
/// the header the user named (or none: guessed), and the customer name when there is one.
std::vector<std::pair<std::string, std::optional<std::string>>> wanted_attributes(
    const ClassifyOptions& options) {
  std::vector<std::pair<std::string, std::optional<std::string>>> wanted;
  std::vector<std::string> fields = attribute_fields(options);
  if (std::find(fields.begin(), fields.end(), "customer_name") == fields.end()) {
    fields.insert(fields.begin(), "customer_name");
  }
  for (const std::string& field : fields) {
    std::optional<std::string> header;
    for (const auto& [named_field, named_header] : options.attribute_columns) {
      if (named_field == field) header = named_header;
    }
    wanted.emplace_back(field, header);
  }
  return wanted;
}

bool same_columns(const ColumnOverrides& a, const ColumnOverrides& b) {
  return std::equal(std::begin(a.names), std::end(a.names), std::begin(b.names));
}

}  // namespace

IngestOptions ingest_options_for(const ClassifyOptions& options) {
  IngestOptions ingest_options;
  ingest_options.file_name = options.file_name;
  ingest_options.columns = options.columns;
  ingest_options.analysis_date = options.analysis_date;
  ingest_options.encoding = options.encoding;
  ingest_options.date_order = options.date_order;
  ingest_options.header_row = options.header_row;
  ingest_options.sheet = options.sheet;
  ingest_options.cancelled_order_prefix = options.cancelled_order_prefix;
  ingest_options.attributes = wanted_attributes(options);
  ingest_options.keep_order_log = options.keep_order_log || policy_needs_clv(options);
  ingest_options.expected_bytes = options.file_bytes;
  return ingest_options;
}

IngestOptions customer_table_ingest_options(const ClassifyOptions& options) {
  IngestOptions table = ingest_options_for(options);
  table.table = TableKind::kCustomers;
  table.date_order.reset();
  table.analysis_date.reset();
  table.cancelled_order_prefix.clear();
  table.columns = ColumnOverrides{};
  table.expected_bytes.reset();  // the orders file's
  table.columns[ColumnRole::kCustomerId] = options.customer_table_id_column;
  return table;
}

void ClassificationSession::reset() {
  result_.reset();
  ingest_.reset();
  orders_.reset();
  reading_customer_table_ = false;
  cached_order_key_.reset();
  cached_order_.clear();
  cached_view_filter_.reset();
  cached_view_.clear();
}

Status ClassificationSession::begin(ClassifyOptions options, RunTables tables) {
  reset();
  if (Status status = validate_options(options); !status.ok()) return status;
  options_ = std::move(options);
  tables_ = tables;
  if (tables_ == RunTables::kCustomersOnly) return Status();  // begin_customer_table() follows
  IngestOptions orders = ingest_options_for(options_);
  orders.attributes_may_be_elsewhere = tables_ == RunTables::kOrdersAndCustomers;
  ingest_.emplace(std::move(orders));
  return Status();
}

Status ClassificationSession::begin_customer_table(CustomerTableReading reading) {
  if (tables_ == RunTables::kOrders || reading_customer_table_) {
    return Status::error(ErrorCode::kInvalidState, "begin_customer_table() in a run without one, or twice");
  }
  if (tables_ == RunTables::kOrdersAndCustomers && options_.customer_table_id_column == std::string()) {
    return Status::error(ErrorCode::kInvalidOptions,
                         reading.file_name + ": a customers table joined to orders needs its customer id "
                                             "column; \"no id column\" is for a customers table alone");
  }
  if (ingest_) {
    if (Status status = ingest_->finish(); !status.ok()) return status;
    orders_ = ingest_->take_result();
  } else {
    orders_.emplace();  // customers only: no order, no customer yet
    orders_->orders_read = false;
    for (const auto& [field, header] : wanted_attributes(options_)) {
      AttributeColumn column;
      column.field = field;
      orders_->customers.attributes.push_back(std::move(column));
    }
  }
  IngestOptions table = customer_table_ingest_options(options_);
  table.attributes_may_be_elsewhere = tables_ == RunTables::kOrdersAndCustomers;
  table.file_name = std::move(reading.file_name);
  table.encoding = reading.encoding;
  table.header_row = reading.header_row;
  table.sheet = std::move(reading.sheet);
  ingest_.emplace(std::move(table));
  reading_customer_table_ = true;
  return Status();
}

Status ClassificationSession::feed(std::string_view bytes) {
  if (!ingest_) return Status::error(ErrorCode::kInvalidState, "feed() before begin()");
  return ingest_->feed(bytes);
}

Status ClassificationSession::finish() {
  if (!ingest_) return Status::error(ErrorCode::kInvalidState, "finish() before begin()");
  if (tables_ != RunTables::kOrders && !reading_customer_table_) {
    return Status::error(ErrorCode::kInvalidState, "finish() before the customers table");
  }
  if (Status status = ingest_->finish(); !status.ok()) return status;
  IngestResult read = ingest_->take_result();
  ingest_.reset();  // frees the id and order hash tables before anything is shown
  if (reading_customer_table_) {
    IngestResult orders = std::move(*orders_);
    orders_.reset();
    if (Status status = join_customer_table(orders, std::move(read), wanted_attributes(options_));
        !status.ok()) {
      return status;
    }
    read = std::move(orders);
  }
  result_ = classify(std::move(read), options_);
  return Status();
}

Status ClassificationSession::reclassify(ClassifyOptions options, bool& reclassified) {
  reclassified = false;
  if (!result_) return Status::error(ErrorCode::kInvalidState, "reclassify() before a finished run");
  if (Status status = validate_options(options); !status.ok()) return status;
  const ClassifyOptions& read_with = result_->options;
  if (!same_columns(options.columns, read_with.columns) ||
      options.customer_table_id_column != read_with.customer_table_id_column ||
      options.analysis_date != read_with.analysis_date ||
      options.cancelled_order_prefix != read_with.cancelled_order_prefix) {
    return Status();
  }
  // The CLV models need each purchase, which a run without them may not have kept.
  if (policy_needs_clv(options) && !result_->ingest.order_log_kept) return Status();
  // Every attribute the new policy reads must have been read, from the same column.
  const CustomerTable& customers = result_->ingest.customers;
  for (const auto& [field, header] : wanted_attributes(options)) {
    const AttributeColumn* read = customers.attribute(field);
    if (!read || (header && *header != read->header)) return Status();
  }
  keep_file_reading(read_with, options);
  IngestResult ingest = std::move(result_->ingest);
  result_ = classify(std::move(ingest), options);
  options_ = std::move(options);
  cached_order_key_.reset();
  cached_order_.clear();
  cached_view_filter_.reset();
  cached_view_.clear();
  reclassified = true;
  return Status();
}

const std::vector<std::uint32_t>& ClassificationSession::customer_order(CustomerSortColumn column,
                                                                      bool descending) {
  if (!result_) {
    cached_order_.clear();
    return cached_order_;
  }
  const std::pair<CustomerSortColumn, bool> wanted{column, descending};
  if (cached_order_key_ != wanted) {
    cached_order_ = tierlens::customer_order(*result_, column, descending);
    cached_order_key_ = wanted;
    cached_view_filter_.reset();  // it filtered the order before
  }
  return cached_order_;
}

Status ClassificationSession::customer_view(const CustomerFilter& filter, CustomerSortColumn column,
                                            bool descending, const std::vector<std::uint32_t>*& view) {
  view = nullptr;
  const std::vector<std::uint32_t>& order = customer_order(column, descending);
  if (filter.keeps_all()) {
    view = &order;  // no copy of a million indices for the unfiltered table
    return Status();
  }
  if (cached_view_filter_ != filter) {
    cached_view_filter_.reset();
    if (!result_) {
      cached_view_.clear();
    } else if (Status status = filter_customers(*result_, order, filter, cached_view_); !status.ok()) {
      return status;
    }
    cached_view_filter_ = filter;
  }
  view = &cached_view_;
  return Status();
}

}  // namespace tierlens
