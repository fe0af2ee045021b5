// Reads an orders file chunk by chunk and aggregates it per customer. Every data row is
// either used or kept as a SkippedRow with its reason; the file itself is never held whole.
//
// The first 64 KiB decide how the whole file is read, once: the encoding (then converted to
// UTF-8), JSON or delimited text, the header row and delimiter, the day/month order of the
// date column and the decimal mark of the amounts. The user may set the encoding, the date
// order and the header row instead.
//
// A workbook (.xlsx) is the exception: a zip's directory is at its end, so its bytes are held
// until finish(), when the chosen sheet is streamed as CSV text through the same reader.
#pragma once

#include <climits>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "tierlens/civil_date.h"
#include "tierlens/column_roles.h"
#include "tierlens/csv_splitter.h"
#include "tierlens/customer_id_index.h"
#include "tierlens/json_rows.h"
#include "tierlens/kept_bytes.h"
#include "tierlens/amount_text.h"
#include "tierlens/money.h"
#include "tierlens/order_date.h"
#include "tierlens/order_key_set.h"
#include "tierlens/skipped_rows.h"
#include "tierlens/status.h"
#include "tierlens/text_encoding.h"

namespace tierlens {

/// The largest workbook read: it is held whole in memory (a 4 GiB WebAssembly heap also
/// holds the customers). CSV and JSON are streamed and have no such limit.
inline constexpr std::uint64_t kMaxWorkbookBytes = std::uint64_t{1} << 30;

/// Marks "no such day", e.g. the first purchase of a customer who only returned goods.
inline constexpr DayNumber kNoDay = INT32_MIN;

/// One customer attribute read from a column: each customer keeps the value of its most
/// recent row where the cell is not empty (a later row wins a tie). Values are stored once
/// each: industries and provinces repeat across thousands of customers.
struct AttributeColumn {
  std::string field;                     ///< the policy's name, e.g. "industry"
  std::string header;                    ///< the column read; empty when the file has none
  std::vector<std::string> values{""};   ///< distinct values; values[0] is "no value"
  std::vector<std::uint32_t> value_of;   ///< per customer, an index into values
  std::vector<DayNumber> seen_on;        ///< per customer, the day of that value's row

  const std::string& value(std::size_t customer) const { return values[value_of[customer]]; }
};

/// Per-customer aggregates, one entry per customer in order of first appearance.
///
/// A row with a negative amount is a return: it lowers monetary but is not a purchase, so it
/// neither counts as an order nor moves the purchase dates. A customer listed in a customers
/// table without any order has no dates at all (kNoDay) and zero frequency and monetary.
struct CustomerTable {
  std::vector<std::string> id;
  std::vector<DayNumber> first_purchase;  ///< kNoDay when the customer has only returns
  std::vector<DayNumber> last_purchase;   ///< kNoDay when the customer has only returns
  std::vector<DayNumber> last_activity;   ///< latest order row of any kind, returns included
  std::vector<std::uint32_t> frequency;   ///< distinct orders with a non-negative amount
  std::vector<Micros> monetary;           ///< net sum of amounts, returns included
  std::vector<AttributeColumn> attributes;  ///< as IngestOptions::attributes asked

  /// The column of attribute `field`, or null when it was not asked for.
  const AttributeColumn* attribute(std::string_view field) const {
    for (const AttributeColumn& column : attributes) {
      if (column.field == field) return &column;
    }
    return nullptr;
  }

  /// Appends a customer with no order yet and no attribute values; answers its index.
  std::uint32_t add_without_orders(std::string_view customer_id) {
    id.emplace_back(customer_id);
    first_purchase.push_back(kNoDay);
    last_purchase.push_back(kNoDay);
    last_activity.push_back(kNoDay);
    frequency.push_back(0);
    monetary.push_back(0);
    for (AttributeColumn& column : attributes) {
      column.value_of.push_back(0);
      column.seen_on.push_back(kNoDay);
    }
    return static_cast<std::uint32_t>(id.size() - 1);
  }

  std::size_t size() const { return id.size(); }
};

/// One entry of the order log: what a customer bought (or returned) on a day. The CLV models
/// (clv.h) count purchase days rather than orders; the page's profile card shows each
/// customer's history. Consecutive rows of one customer on one day with amounts of one sign
/// (the lines of an order) are one record; other same-day records are summed by their readers.
struct OrderRecord {
  std::uint32_t customer = 0;
  DayNumber day = 0;
  Micros amount = 0;  ///< negative for a return
};

/// What was read and how: reported back to the user in the summary.
struct InputDescription {
  std::string file_name;
  std::uint64_t bytes = 0;
  TextEncoding encoding = TextEncoding::kUtf8;
  /// "given", "byte order mark", "detected" (the bytes are valid in it), or "assumed" (valid
  /// in no encoding TierLens knows: read as UTF-8).
  std::string encoding_source = "detected";
  std::uint64_t replaced_characters = 0;  ///< bytes not valid in the encoding, shown as U+FFFD
  char delimiter = ',';
  char quote = '"';  ///< the quote character: '"', or '\'' where the file quotes that way
  /// The row holding the column names: 1 unless title rows stand above it.
  std::uint64_t header_row = 1;
  /// "csv" (any delimited text), "json" (an array of objects, or JSON Lines: each object
  /// is a row, the first object's keys the header) or "xlsx" (a workbook: one sheet is read).
  std::string format = "csv";
  std::vector<std::string> sheets;  ///< a workbook's worksheets, in tab order
  std::string sheet;                ///< the one read
  std::vector<std::string> ignored_json_keys;  ///< keys not in the first object
  bool utf8_bom = false;
  std::vector<std::string> header;
  ColumnMapping columns;
  /// How dates with the year last (3/5/2024) were read, and why: "given", or what the first
  /// 64 KiB of the date column showed.
  DateOrder date_order = DateOrder::kMonthFirst;
  std::string date_order_source = "no dates with the year last";
  /// The decimal mark of the amount columns, decided from their values in the first 64 KiB.
  DecimalMark decimal_mark = DecimalMark::kPoint;
  std::string decimal_mark_example;  ///< the value that decided a decimal comma
};

/// What joining a customers table found (customer_join.h); shown in the summary next to the orders' figures.
struct CustomerTableReport {
  InputDescription input;  ///< how the customers table was read
  RowAccounting rows;      ///< its rows: used (one per customer) or skipped, with reasons
  std::uint64_t customers = 0;       ///< customers listed in the table
  std::uint64_t without_orders = 0;  ///< listed, but with no row in the orders
  std::uint64_t not_in_table = 0;    ///< in the orders, but not listed in the table
  std::vector<std::string> without_orders_examples;  ///< the first few ids of each, in file order
  std::vector<std::string> not_in_table_examples;
};

struct IngestResult {
  InputDescription input;
  RowAccounting rows;
  CustomerTable customers;
  std::vector<SkippedRow> skipped;
  DayNumber latest_day = kNoDay;  ///< latest order date among used rows
  /// Preview only (IngestOptions::preview_rows): the first data rows' cells as read, and
  /// what would stop a real run (a required column not found, a named one absent).
  std::vector<std::vector<std::string>> preview_rows;
  std::string column_problem;
  /// False in a run of a customers table alone: `input` and `rows` then describe no file.
  bool orders_read = true;
  /// Set when a customers table was joined (customer_join.h).
  std::optional<CustomerTableReport> customer_table;
  /// Every used order row, in file order; kept only when IngestOptions::keep_order_log.
  std::vector<OrderRecord> order_log;
  bool order_log_kept = false;
};

struct IngestOptions {
  std::string file_name = "orders.csv";
  /// Order lines, or a customers table: one row per customer, its other columns attributes.
  TableKind table = TableKind::kOrders;
  /// True when the run reads another file that may hold the attribute columns the user
  /// named: one missing from this file is then not an error here (the join checks both).
  bool attributes_may_be_elsewhere = false;
  ColumnOverrides columns;
  /// When set, rows dated after it are skipped: the data as it stood on that day.
  std::optional<DayNumber> analysis_date;
  /// The file's encoding when the user knows it; otherwise detected from the first bytes.
  std::optional<TextEncoding> encoding;
  /// The day/month order of dates like 3/5/2024 when the user knows it; otherwise decided
  /// from the date column's values in the first 64 KiB, for the whole column.
  std::optional<DateOrder> date_order;
  /// The row holding the column names when the user says it (1 = the first row); otherwise
  /// the first row whose names give the required columns.
  std::optional<std::uint64_t> header_row;
  /// Order ids starting with this are cancellations: their amount counts as a return. Empty:
  /// none; a run that sets it needs the order id column.
  std::string cancelled_order_prefix;
  /// The largest workbook read (tests lower it to check the refusal cheaply).
  std::uint64_t max_workbook_bytes = kMaxWorkbookBytes;
  /// The sheet of a workbook to read, by name; the first one when unset.
  std::optional<std::string> sheet;
  /// Attribute fields to keep per customer, each with the header the user named for it (an
  /// error when absent from the file) or none (guessed; no column is not an error).
  std::vector<std::pair<std::string, std::optional<std::string>>> attributes;
  /// Keep every order row's customer, day and amount (IngestResult::order_log): the CLV models
  /// and the page's profile card need them; other runs do not pay for them.
  bool keep_order_log = false;
  /// The file's size in bytes when known beforehand (the page's File, the CLI's stat): the
  /// tables that grow with the rows are then sized once for the whole file. Changes no output.
  std::optional<std::uint64_t> expected_bytes;
  /// Set to preview the file rather than read it: the page's mapping step, shown before
  /// anything is computed. The header's guesses are kept even when a required column is
  /// missing (IngestResult::column_problem says which), this many data rows are kept as
  /// text, and no row is aggregated. The start of the file is enough.
  std::optional<std::size_t> preview_rows;
};

/// One customer's running totals while a file is read: what an order row updates, side by side,
/// so that a row touches one cache line of them rather than one per column (at half a million
/// customers the columns were ~30 MB read at random). Moved into CustomerTable's columns when
/// the file ends.
struct CustomerTotals {
  Micros monetary = 0;
  DayNumber first_purchase = kNoDay;
  DayNumber last_purchase = kNoDay;
  DayNumber last_activity = kNoDay;
  std::uint32_t frequency = 0;
};

/// A customer's value of one attribute while a file is read (AttributeColumn's value_of and
/// seen_on, side by side for the same reason).
struct AttributeState {
  std::uint32_t value = 0;  ///< an index into AttributeColumn::values; 0 is "no value"
  DayNumber seen_on = kNoDay;
};

class OrderIngest : private RecordSink {
 public:
  explicit OrderIngest(IngestOptions options);

  /// Consumes the next bytes of the file. Fails (and keeps failing) when the header row
  /// lacks a required column.
  Status feed(std::string_view chunk);

  /// Ends the file. Fails on an empty file or a bad header.
  Status finish();

  /// The result, valid after a successful finish(); moved out.
  IngestResult take_result() { return std::move(result_); }

 private:
  void decide_encoding(bool whole_file);
  void feed_decoded(std::string_view bytes);
  void feed_text(std::string_view text);
  void begin_table();
  void on_record(const CsvRecord& record) override;
  void on_records(const CsvRecord* records, std::size_t count) override;
  void take_record(const CsvRecord& record);
  void start_rows(std::string_view head);
  void reserve_for_file(std::string_view head);
  void read_conventions(std::string_view head, char delimiter);
  void skip_above_header(const CsvRecord& record);
  void read_header(const CsvRecord& record);
  void resolve_attributes();
  void read_order(const CsvRecord& record);
  void skip(const CsvRecord& record, SkipReason reason, std::optional<std::size_t> column,
            std::string detail);
  bool read_amount(const CsvRecord& record, Micros& amount);
  void read_attributes(const CsvRecord& record, std::uint32_t customer, DayNumber day);
  void add_pending_orders();
  void add_to_customer(std::string_view customer_id, std::uint32_t customer_hash, std::string_view order_id,
                       DayNumber day, Micros amount, const CsvRecord& record);
  std::uint32_t find_or_add_customer(std::string_view customer_id, std::uint32_t customer_hash, bool& added);
  void keep_order(std::uint32_t customer, DayNumber day, Micros amount);
  void read_customer(std::string_view customer_id, const CsvRecord& record);
  void move_totals_into_table();

  void read_workbook();

  enum class Phase { kDetectingEncoding, kHoldingWorkbook, kReadingHeader, kReadingRows, kFinished };

  IngestOptions options_;
  IngestResult result_;
  Phase phase_ = Phase::kDetectingEncoding;
  Status failure_;
  std::string raw_head_;  ///< the first bytes, held until the encoding is decided; a workbook's all
  std::optional<Utf8Transcoder> transcoder_;  ///< to UTF-8, invalid bytes replaced
  std::string decoded_;   ///< scratch: one chunk converted to UTF-8
  std::string head_;  ///< the first 64 KiB of text, where the header row and conventions are found
  std::uint64_t header_row_ = 1;
  SampleRows head_rows_;  ///< the first data rows, until the header is resolved
  std::optional<JsonRowsToCsv> json_;  ///< set when the file is JSON
  std::string csv_;                    ///< scratch: JSON turned into CSV text
  std::optional<CsvSplitter> splitter_;
  /// An order row read and checked, not yet added to its customer: the rows of one batch of
  /// records are added together (add_pending_orders()), in file order.
  struct PendingOrder {
    const CsvRecord* record;
    std::string_view customer_id;
    std::string_view order_id;
    DayNumber day;
    Micros amount;
  };
  std::vector<PendingOrder> pending_;
  std::vector<std::uint32_t> pending_hashes_;  ///< CustomerIdIndex::hash_of each pending customer id
  bool adding_pending_ = false;
  CustomerIdIndex customer_index_;
  std::vector<CustomerTotals> totals_;          ///< per customer, until the file ends
  std::vector<AttributeState> attribute_states_;  ///< per customer × attribute, likewise
  std::vector<std::uint64_t> customer_rows_;  ///< a customers table: the row of each customer
  OrderKeySet seen_orders_;
  std::uint64_t expected_rows_ = 0;  ///< predicted from IngestOptions::expected_bytes; 0: unknown
  /// The last order counted: the lines of one order usually come together, and then skip the set.
  std::uint32_t previous_order_customer_ = 0;
  KeptBytes previous_order_id_;
  /// Per attribute: its column in the file (if any) and the index of each distinct value.
  std::vector<std::optional<std::size_t>> attribute_column_index_;
  std::vector<std::unordered_map<std::string, std::uint32_t>> attribute_value_index_;
};

}  // namespace tierlens
