// One classification run from first byte to result: options, then chunks of the file, then
// the classification. The CLI and the WebAssembly module both drive this same object, so the
// page and the command line cannot disagree about what a file means.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "tierlens/classification.h"
#include "tierlens/classify_options.h"
#include "tierlens/customer_order.h"
#include "tierlens/customer_view.h"
#include "tierlens/order_ingest.h"
#include "tierlens/status.h"

namespace tierlens {

/// How a run under `options` reads its file: the columns, attributes (the policy's, and the
/// customer name), analysis date and the user's reading options.
IngestOptions ingest_options_for(const ClassifyOptions& options);

/// How a customers table is read under `options`: its one role, the customer id, as the
/// policy's customer_table names it (or guessed); the same attributes; no dates to read.
/// The file's name, encoding, header row and sheet are those in `options`.
IngestOptions customer_table_ingest_options(const ClassifyOptions& options);

/// The files a run reads: the orders; the orders and a customers table (customer_join.h);
/// or a customers table alone (one row per customer, e.g. with annual sales: classified by
/// its attributes, every customer without orders).
enum class RunTables { kOrders, kOrdersAndCustomers, kCustomersOnly };

/// How to read a customers table; its customer id column is the policy's
/// (ClassifyOptions::customer_table_id_column) or guessed.
struct CustomerTableReading {
  std::string file_name = "customers.csv";
  std::optional<TextEncoding> encoding;
  std::optional<std::uint64_t> header_row;
  std::optional<std::string> sheet;
};

class ClassificationSession {
 public:
  /// Starts a new run, forgetting any earlier one. On invalid options nothing is started.
  /// feed() then reads the orders file, unless `tables` says customers only.
  Status begin(ClassifyOptions options, RunTables tables = RunTables::kOrders);
  /// Ends the orders file (when the run has one) and starts the customers table: feed() then
  /// reads it. Only in a run begun with a customers table, once.
  Status begin_customer_table(CustomerTableReading reading);
  /// Forgets everything: no run in progress, no result.
  void reset();
  /// The next bytes of the file, cut anywhere.
  Status feed(std::string_view bytes);
  /// Ends the file and classifies. After success, result() is available.
  Status finish();

  /// Classifies the customers already read under another policy, without the file. Sets
  /// `reclassified` false (and changes nothing) when the policy reads the file differently:
  /// other columns, attributes, analysis date or cancellation prefix, or it uses CLV and the
  /// run did not (the purchases were not kept); then begin() and feed the file again.
  /// On invalid options nothing changes.
  Status reclassify(ClassifyOptions options, bool& reclassified);

  /// The finished result, or null before a successful finish().
  const Classification* result() const { return result_ ? &*result_ : nullptr; }

  /// Customer indices in display order; the last order asked for is kept, so paging through
  /// one sorted view sorts once.
  const std::vector<std::uint32_t>& customer_order(CustomerSortColumn column, bool descending);

  /// The customers `filter` keeps, in display order (customer_view.h), pointed to by `view`;
  /// the last view asked for is kept, so scrolling through one view filters and sorts once.
  /// Fails, with `view` null, when the filter names what the result has not.
  Status customer_view(const CustomerFilter& filter, CustomerSortColumn column, bool descending,
                       const std::vector<std::uint32_t>*& view);

 private:
  ClassifyOptions options_;
  RunTables tables_ = RunTables::kOrders;
  std::optional<OrderIngest> ingest_;  ///< the file being read: the orders, then the table
  std::optional<IngestResult> orders_;  ///< the orders, read, while the customers table is
  bool reading_customer_table_ = false;
  std::optional<Classification> result_;
  std::optional<std::pair<CustomerSortColumn, bool>> cached_order_key_;
  std::vector<std::uint32_t> cached_order_;
  std::optional<CustomerFilter> cached_view_filter_;  ///< over cached_order_; reset with it
  std::vector<std::uint32_t> cached_view_;
};

}  // namespace tierlens
