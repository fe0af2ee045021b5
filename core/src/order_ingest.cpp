#include "tierlens/order_ingest.h"

#include <algorithm>

#include "tierlens/attribute_columns.h"
#include "tierlens/byte_hash.h"
#include "tierlens/delimiter.h"
#include "tierlens/header_row.h"
#include "tierlens/order_date.h"
#include "tierlens/text.h"
#include "tierlens/xlsx_workbook.h"
#include "head_sample.h"

namespace tierlens {
namespace {

/// How much of the start of a file decides how all of it is read (encoding, format, header
/// row, delimiter, date order, decimal mark): enough rows that a GBK file's first Chinese
/// name and a day-first date are in it, small enough to hold while waiting.
constexpr std::size_t kHeadBytes = 64 * 1024;

bool is_blank(const CsvRecord& record) {
  return std::all_of(record.fields.begin(), record.fields.end(),
                     [](std::string_view field) { return trim_spaces(field).empty(); });
}

std::string quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

/// "1 GiB", "512 MiB": a limit as people read it.
std::string format_byte_size(std::uint64_t bytes) {
  if (bytes % (std::uint64_t{1} << 30) == 0) return std::to_string(bytes >> 30) + " GiB";
  if (bytes % (std::uint64_t{1} << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  return std::to_string(bytes) + " bytes";
}

}  // namespace

OrderIngest::OrderIngest(IngestOptions options) : options_(std::move(options)) {
  result_.input.file_name = options_.file_name;
  result_.order_log_kept = options_.keep_order_log;
}

Status OrderIngest::feed(std::string_view chunk) {
  if (!failure_.ok()) return failure_;
  if (phase_ == Phase::kFinished) {
    return Status::error(ErrorCode::kInvalidState, "feed() after finish()");
  }
  result_.input.bytes += chunk.size();
  if (phase_ == Phase::kHoldingWorkbook) {
    if (result_.input.bytes > options_.max_workbook_bytes) {
      failure_ = Status::error(ErrorCode::kBadWorkbook,
                               options_.file_name + ": the workbook is larger than " +
                                   format_byte_size(options_.max_workbook_bytes) +
                                   ", the most that is read (it is held whole in memory); save the "
                                   "sheet as CSV, which is read in pieces at any size");
      raw_head_ = std::string();
      return failure_;
    }
    raw_head_.append(chunk);
    return Status();
  }
  if (phase_ == Phase::kDetectingEncoding) {
    raw_head_.append(chunk);
    if (raw_head_.size() >= 4 && looks_like_zip(raw_head_)) {
      phase_ = Phase::kHoldingWorkbook;
      return Status();
    }
    if (raw_head_.size() < kHeadBytes && !options_.encoding) return Status();
    decide_encoding(/*whole_file=*/false);
    return failure_;
  }
  feed_decoded(chunk);
  return failure_;
}

Status OrderIngest::finish() {
  if (!failure_.ok()) return failure_;
  if (phase_ == Phase::kFinished) return Status();
  if (phase_ == Phase::kDetectingEncoding && looks_like_zip(raw_head_)) phase_ = Phase::kHoldingWorkbook;
  if (phase_ == Phase::kHoldingWorkbook) read_workbook();
  if (phase_ == Phase::kDetectingEncoding) decide_encoding(/*whole_file=*/true);
  if (!failure_.ok()) return failure_;
  if (transcoder_) {
    decoded_.clear();
    transcoder_->finish(decoded_);
    feed_text(decoded_);
    result_.input.replaced_characters = transcoder_->replaced();
  }
  if (phase_ == Phase::kReadingHeader) begin_table();
  if (failure_.ok() && json_) {
    json_->finish();
    failure_ = json_->status();
    result_.input.ignored_json_keys = json_->ignored_keys();
  }
  if (!failure_.ok()) return failure_;
  splitter_->finish(*this);
  move_totals_into_table();
  if (failure_.ok() && result_.input.header.empty()) {
    failure_ = Status::error(ErrorCode::kEmptyFile,
                             options_.file_name + ": the file is empty; expected a header row "
                                                  "followed by one row per order line");
  }
  phase_ = Phase::kFinished;
  return failure_;
}

void OrderIngest::read_workbook() {
  const std::string bytes = std::move(raw_head_);  // the workbook reads views of these bytes
  raw_head_ = std::string();
  XlsxWorkbook workbook;
  failure_ = XlsxWorkbook::open(bytes, options_.file_name, workbook);
  if (!failure_.ok()) return;
  InputDescription& input = result_.input;
  input.format = "xlsx";
  input.encoding_source = "workbook";
  for (const XlsxSheet& sheet : workbook.sheets()) input.sheets.push_back(sheet.name);
  if (input.sheets.empty()) {
    failure_ = Status::error(ErrorCode::kBadWorkbook, options_.file_name + ": the workbook has no worksheet");
    return;
  }
  std::size_t index = 0;
  if (options_.sheet) {
    const auto found = std::find(input.sheets.begin(), input.sheets.end(), *options_.sheet);
    if (found == input.sheets.end()) {
      std::string names;
      for (const std::string& name : input.sheets) names += (names.empty() ? "\"" : ", \"") + name + "\"";
      failure_ = Status::error(ErrorCode::kInvalidOptions, options_.file_name + ": no sheet \"" + *options_.sheet +
                                                               "\" in the workbook (sheets: " + names + ")");
      return;
    }
    index = static_cast<std::size_t>(found - input.sheets.begin());
  }
  input.sheet = input.sheets[index];
  phase_ = Phase::kReadingHeader;
  // A preview needs only the first rows: the rest of a large sheet is not converted.
  const Status read = workbook.sheet_as_csv(index, [this](std::string_view csv) {
    feed_text(csv);
    return failure_.ok() && !(options_.preview_rows && result_.preview_rows.size() >= *options_.preview_rows);
  });
  if (failure_.ok()) failure_ = read;
}

void OrderIngest::decide_encoding(bool whole_file) {
  InputDescription& input = result_.input;
  const EncodingGuess guess = guess_text_encoding(raw_head_, whole_file);
  if (!options_.encoding && looks_binary(raw_head_)) {
    failure_ = Status::error(ErrorCode::kNotText,
                             options_.file_name + ": this is not a text file (it holds NUL bytes); expected "
                                                  "CSV, TSV or JSON text with a header row, or an Excel "
                                                  "workbook (.xlsx)");
    return;
  }
  if (options_.encoding) {
    input.encoding = *options_.encoding;
    input.encoding_source = "given";
  } else {
    input.encoding = guess.encoding;
    input.encoding_source = guess.basis == EncodingGuess::Basis::kByteOrderMark ? "byte order mark"
                            : guess.basis == EncodingGuess::Basis::kNeither     ? "assumed"
                                                                                : "detected";
  }
  // A byte order mark is skipped when it belongs to the encoding read.
  const std::size_t bom = guess.bom_bytes > 0 && guess.encoding == input.encoding ? guess.bom_bytes : 0;
  input.utf8_bom = bom > 0 && input.encoding == TextEncoding::kUtf8;
  // UTF-8 goes through a transcoder too: it replaces bytes that are not UTF-8 (and counts
  // them), so that every report the run writes is valid UTF-8 whatever the file held.
  transcoder_.emplace(input.encoding);
  phase_ = Phase::kReadingHeader;
  const std::string head = std::move(raw_head_);
  raw_head_ = std::string();
  feed_decoded(std::string_view(head).substr(std::min(bom, head.size())));
}

void OrderIngest::feed_decoded(std::string_view bytes) {
  if (!transcoder_) return feed_text(bytes);
  if (result_.input.encoding == TextEncoding::kUtf8) return feed_text(transcoder_->pass_valid_utf8(bytes, decoded_));
  decoded_.clear();
  transcoder_->convert(bytes, decoded_);
  feed_text(decoded_);
}

void OrderIngest::feed_text(std::string_view text) {
  if (!failure_.ok()) return;
  if (phase_ == Phase::kReadingHeader) {
    // Hold the first 64 KiB of text: the header row, the delimiter, the date order and the
    // decimal mark are all decided from it, once, for the whole file.
    head_.append(text);
    if (head_.size() < kHeadBytes) return;
    begin_table();
    return;
  }
  if (json_) {
    csv_.clear();
    json_->convert(text, csv_);
    if (!json_->status().ok()) {
      failure_ = json_->status();
      return;
    }
    text = csv_;
  }
  splitter_->feed(text, *this);
}

void OrderIngest::begin_table() {
  std::string head = std::move(head_);
  head_ = std::string();
  if (result_.input.format != "xlsx" && looks_like_json(head)) {
    result_.input.format = "json";
    json_.emplace(options_.file_name);
    std::string csv;
    json_->convert(head, csv);
    if (!json_->status().ok()) {
      failure_ = json_->status();
      return;
    }
    head = std::move(csv);
  }
  start_rows(head);
}

void OrderIngest::start_rows(std::string_view head) {
  const HeaderGuess header = find_header_row(head, options_.columns, options_.header_row, options_.table);
  const char delimiter = header.delimiter;
  header_row_ = header.row;
  result_.input.header_row = header.row;
  result_.input.delimiter = delimiter;
  result_.input.quote = detect_quote(head, delimiter);
  read_conventions(head, delimiter);
  splitter_.emplace(delimiter, result_.input.quote);
  reserve_for_file(head);
  phase_ = Phase::kReadingRows;
  splitter_->feed(head, *this);
}

void OrderIngest::reserve_for_file(std::string_view head) {
  // The order set and the order log hold up to one entry per row. Grown by doubling, each
  // would at its last growth hold the old and the new copy at once (at ten million rows, some
  // 280 MB at that moment), and WebAssembly memory, once grown, is never given back. So they
  // are sized once, for the rows the file's size and its head's line length predict.
  // Past this many rows they grow as they must: a guess must not claim gigabytes.
  constexpr std::uint64_t kMostRowsReserved = std::uint64_t{16} << 20;
  if (!options_.expected_bytes || options_.preview_rows || options_.table != TableKind::kOrders ||
      result_.input.format != "csv" || head.empty()) {
    return;
  }
  const auto lines = static_cast<std::uint64_t>(std::count(head.begin(), head.end(), '\n'));
  if (lines == 0) return;
  const std::uint64_t rows = std::min(*options_.expected_bytes / head.size() * lines +
                                          *options_.expected_bytes % head.size() * lines / head.size(),
                                      kMostRowsReserved);
  expected_rows_ = rows;
  if (options_.keep_order_log) result_.order_log.reserve(rows);
}

void OrderIngest::read_conventions(std::string_view head, char delimiter) {
  // The head holds at least the first 64 KiB: enough values to tell 13/3 from 3/13, or 12,50
  // from 1,250, in any real file; the whole column then reads one way.
  HeadSample sample = sample_head(head, delimiter, result_.input.quote, header_row_, options_);
  head_rows_ = std::move(sample.rows);
  const std::vector<std::string>& dates = sample.dates;
  const std::vector<std::string>& amounts = sample.amounts;

  InputDescription& input = result_.input;
  const DecimalMarkGuess mark = guess_decimal_mark(amounts);
  input.decimal_mark = mark.mark;
  if (mark.mark == DecimalMark::kComma) input.decimal_mark_example = mark.example;

  if (options_.date_order) {
    input.date_order = *options_.date_order;
    input.date_order_source = "given";
    return;
  }
  const DateOrderGuess guess = guess_date_order(dates);
  input.date_order = guess.order;
  switch (guess.basis) {
    case DateOrderGuess::Basis::kNoYearLastDates:
      input.date_order_source = "no dates with the year last";
      break;
    case DateOrderGuess::Basis::kEvidence:
      input.date_order_source = "detected: \"" + guess.example + "\" reads only this way";
      break;
    case DateOrderGuess::Basis::kConflicting:
      input.date_order_source = "detected from most dates (\"" + guess.example +
                                "\"), but some read only the other way; set the date order if wrong";
      break;
    case DateOrderGuess::Basis::kAmbiguous:
      input.date_order_source = "assumed: every date reads both ways (e.g. 3/5/2024); set the date order if wrong";
      break;
  }
}

void OrderIngest::on_record(const CsvRecord& record) { on_records(&record, 1); }

void OrderIngest::on_records(const CsvRecord* records, std::size_t count) {
  for (std::size_t i = 0; i < count; ++i) take_record(records[i]);
  add_pending_orders();  // while the records are valid
}

void OrderIngest::take_record(const CsvRecord& record) {
  if (!failure_.ok()) return;
  if (record.row < header_row_) {
    skip_above_header(record);
  } else if (record.row == header_row_) {
    read_header(record);
  } else {
    read_order(record);
  }
}

void OrderIngest::skip_above_header(const CsvRecord& record) {
  ++result_.rows.total;
  ++result_.rows.skipped_by_reason[static_cast<int>(SkipReason::kAboveHeader)];
  SkippedRow skipped;
  skipped.file = options_.table;
  skipped.row = record.row;
  skipped.line = record.line;
  skipped.reason = SkipReason::kAboveHeader;
  skipped.detail = "the header is row " + std::to_string(header_row_);
  skipped.raw.assign(record.raw);
  result_.skipped.push_back(std::move(skipped));
}

void OrderIngest::read_header(const CsvRecord& record) {
  if (is_blank(record)) {
    failure_ = Status::error(ErrorCode::kEmptyFile,
                             options_.file_name + ", row " + std::to_string(record.row) +
                                 ": the header row is empty; expected the column names");
    return;
  }
  for (const std::string_view name : record.fields) {
    result_.input.header.emplace_back(trim_spaces(name));
  }
  failure_ = resolve_columns(result_.input.header, options_.columns, options_.file_name,
                             result_.input.columns, head_rows_, options_.table);
  head_rows_ = SampleRows();  // decided: the rest of the file reads by this mapping
  if (failure_.ok() && options_.table == TableKind::kOrders && !options_.cancelled_order_prefix.empty() &&
      !result_.input.columns[ColumnRole::kOrderId]) {
    failure_ = Status::error(
        ErrorCode::kMissingColumn,
        options_.file_name + ": cancelled orders are marked by the order id prefix \"" +
            options_.cancelled_order_prefix + "\", but no order id column was found (columns: " +
            list_columns(result_.input.header) + "); set the order_id column, or clear the prefix");
  }
  if (!failure_.ok() && options_.preview_rows) {
    result_.column_problem = failure_.message();
    failure_ = Status();
  }
  if (failure_.ok()) resolve_attributes();
  if (failure_.ok() && result_.input.columns[ColumnRole::kOrderId]) seen_orders_.reserve(expected_rows_);
}

void OrderIngest::resolve_attributes() {
  const std::vector<std::string>& header = result_.input.header;
  std::vector<std::size_t> taken;
  for (const auto& index : result_.input.columns.index) {
    if (index) taken.push_back(*index);
  }
  for (const auto& [field, named_header] : options_.attributes) {
    std::optional<std::size_t> column;
    if (named_header) {
      column = find_named_column(header, *named_header);
      if (!column) {
        const Status missing = Status::error(
            ErrorCode::kMissingColumn, options_.file_name + ": the column \"" + *named_header +
                                           "\" given for the field \"" + field +
                                           "\" is not in the header row (columns: " +
                                           list_columns(header) + ")");
        if (!options_.preview_rows && !options_.attributes_may_be_elsewhere) {
          failure_ = missing;
          return;
        }
        if (options_.preview_rows && result_.column_problem.empty()) {
          result_.column_problem = missing.message();
        }
      }
    } else {
      column = guess_attribute_column(header, field, taken);
    }
    AttributeColumn attribute;
    attribute.field = field;
    if (column) attribute.header = header[*column];
    result_.customers.attributes.push_back(std::move(attribute));
    attribute_column_index_.push_back(column);
    attribute_value_index_.emplace_back().emplace("", 0);
  }
}

void OrderIngest::skip(const CsvRecord& record, SkipReason reason,
                       std::optional<std::size_t> column, std::string detail) {
  // The rows before this one are added first, so that rows are always taken in file order
  // (a pending row can itself be skipped, while being added: its amount would overflow).
  if (!adding_pending_) add_pending_orders();
  ++result_.rows.skipped_by_reason[static_cast<int>(reason)];
  SkippedRow skipped;
  skipped.file = options_.table;
  skipped.row = record.row;
  skipped.line = record.line;
  skipped.reason = reason;
  if (column) skipped.column = result_.input.header[*column];
  skipped.detail = std::move(detail);
  skipped.raw.assign(record.raw);
  result_.skipped.push_back(std::move(skipped));
}

void OrderIngest::read_order(const CsvRecord& record) {
  if (options_.preview_rows) {
    if (result_.preview_rows.size() < *options_.preview_rows && !is_blank(record)) {
      result_.preview_rows.emplace_back(record.fields.begin(), record.fields.end());
    }
    return;
  }
  ++result_.rows.total;
  const ColumnMapping& columns = result_.input.columns;
  const std::size_t expected_fields = result_.input.header.size();

  if (record.unterminated_quote) {
    return skip(record, SkipReason::kUnterminatedQuote, std::nullopt,
                "a quoted field opened on line " + std::to_string(record.line) + " is never closed; expected a closing " +
                    std::string(1, result_.input.quote) + " before the end of the file");
  }
  if (is_blank(record)) return skip(record, SkipReason::kBlankRow, std::nullopt, "");
  if (record.fields.size() != expected_fields) {
    // Trailing empty fields (a spreadsheet's stray commas) are harmless; anything else
    // means the columns no longer line up with the header.
    const bool extra_are_empty =
        record.fields.size() > expected_fields &&
        std::all_of(record.fields.begin() + static_cast<std::ptrdiff_t>(expected_fields),
                    record.fields.end(),
                    [](std::string_view field) { return trim_spaces(field).empty(); });
    if (!extra_are_empty) {
      return skip(record, SkipReason::kFieldCount, std::nullopt,
                  "found " + std::to_string(record.fields.size()) + " fields, expected " +
                      std::to_string(expected_fields) +
                      " as in the header (is a value containing the delimiter not quoted?)");
    }
  }

  if (!columns[ColumnRole::kCustomerId]) {
    // A customers table without an id column (the user said so): each row is a customer,
    // known by its row number, as the spreadsheet shows it.
    return read_customer("row " + std::to_string(record.row), record);
  }
  const std::size_t customer_column = *columns[ColumnRole::kCustomerId];
  const std::string_view customer_id = trim_spaces(record.fields[customer_column]);
  if (customer_id.empty()) {
    return skip(record, SkipReason::kMissingCustomerId, customer_column, "the cell is empty");
  }
  if (options_.table == TableKind::kCustomers) return read_customer(customer_id, record);

  const std::size_t date_column = *columns[ColumnRole::kDate];
  const std::string_view date_text = trim_spaces(record.fields[date_column]);
  if (date_text.empty()) {
    return skip(record, SkipReason::kMissingDate, date_column, "the cell is empty");
  }
  const DateOrder order = result_.input.date_order;
  const std::optional<DayNumber> day = parse_order_date(date_text, order);
  if (!day) {
    const DateOrder other = order == DateOrder::kMonthFirst ? DateOrder::kDayFirst : DateOrder::kMonthFirst;
    const bool other_order_reads_it = parse_order_date(date_text, other).has_value();
    return skip(record, SkipReason::kBadDate, date_column,
                quoted(date_text) + " is not a date; expected " + accepted_date_formats(order) +
                    (other_order_reads_it ? ". It reads as a date " + std::string(other == DateOrder::kDayFirst
                                                                                      ? "day first"
                                                                                      : "month first") +
                                                ": set the date order if the column is written that way"
                                          : ""));
  }
  if (options_.analysis_date && *day > *options_.analysis_date) {
    return skip(record, SkipReason::kAfterAnalysisDate, date_column,
                format_iso_date(*day) + " is after the analysis date " +
                    format_iso_date(*options_.analysis_date));
  }

  Micros amount = 0;
  if (!read_amount(record, amount)) return;

  std::string_view order_id;
  if (const auto order_column = columns[ColumnRole::kOrderId]) {
    order_id = trim_spaces(record.fields[*order_column]);
    if (order_id.empty()) {
      return skip(record, SkipReason::kMissingOrderId, *order_column,
                  "the cell is empty; every row needs the order id it belongs to");
    }
    // A cancellation undoes an order: it lowers monetary whatever sign the export gave it.
    const std::string& cancelled = options_.cancelled_order_prefix;
    if (!cancelled.empty() && order_id.substr(0, cancelled.size()) == cancelled && amount > 0) {
      amount = -amount;
    }
  }
  pending_.push_back({&record, customer_id, order_id, *day, amount});
}

void OrderIngest::add_pending_orders() {
  if (pending_.empty()) return;
  adding_pending_ = true;
  // At half a million customers, finding a row's customer is a cache miss, and was most of
  // the time a row takes (bench/RESULTS.md). Looked up one by one, each miss waits for the
  // one before; the slots of all these rows are read first, so their misses wait together.
  pending_hashes_.clear();
  for (const PendingOrder& order : pending_) pending_hashes_.push_back(CustomerIdIndex::hash_of(order.customer_id));
  customer_index_.warm(pending_hashes_.data(), pending_hashes_.size());
  for (std::size_t i = 0; i < pending_.size(); ++i) {
    const PendingOrder& order = pending_[i];
    add_to_customer(order.customer_id, pending_hashes_[i], order.order_id, order.day, order.amount, *order.record);
  }
  pending_.clear();
  adding_pending_ = false;
}

bool OrderIngest::read_amount(const CsvRecord& record, Micros& amount) {
  const ColumnMapping& columns = result_.input.columns;
  const auto read_number = [&](std::size_t column, SkipReason bad) -> std::optional<Decimal> {
    const std::string_view text = trim_spaces(record.fields[column]);
    if (text.empty()) {
      skip(record, SkipReason::kMissingAmount, column, "the cell is empty");
      return std::nullopt;
    }
    const std::optional<Decimal> number = parse_amount(text, result_.input.decimal_mark);
    if (!number) {
      skip(record, bad, column,
           quoted(text) + " is not a number; expected " + accepted_amount_formats(result_.input.decimal_mark));
    }
    return number;
  };

  std::optional<Micros> micros;
  std::size_t blamed_column = 0;
  if (!columns.amount_from_quantity_and_price()) {
    blamed_column = *columns[ColumnRole::kAmount];
    const auto value = read_number(blamed_column, SkipReason::kBadAmount);
    if (!value) return false;
    micros = to_micros(*value);
  } else {
    blamed_column = *columns[ColumnRole::kQuantity];
    const auto quantity = read_number(blamed_column, SkipReason::kBadQuantity);
    if (!quantity) return false;
    const auto unit_price = read_number(*columns[ColumnRole::kUnitPrice], SkipReason::kBadUnitPrice);
    if (!unit_price) return false;
    micros = multiply_to_micros(*quantity, *unit_price);
  }
  if (!micros) {
    skip(record, SkipReason::kAmountOutOfRange, blamed_column,
         "the amount does not fit in 18 digits with 6 decimals");
    return false;
  }
  amount = *micros;
  return true;
}

std::uint32_t OrderIngest::find_or_add_customer(std::string_view customer_id, std::uint32_t customer_hash,
                                                bool& added) {
  CustomerTable& customers = result_.customers;
  const std::uint32_t index = customer_index_.find_or_add(customer_id, customer_hash, customers.id, added);
  if (added) {
    customers.id.emplace_back(customer_id);
    totals_.emplace_back();
    attribute_states_.resize(attribute_states_.size() + customers.attributes.size());
  }
  return index;
}

void OrderIngest::read_customer(std::string_view customer_id, const CsvRecord& record) {
  bool added = false;
  const std::uint32_t index = find_or_add_customer(customer_id, CustomerIdIndex::hash_of(customer_id), added);
  if (!added) {
    return skip(record, SkipReason::kDuplicateCustomer, result_.input.columns[ColumnRole::kCustomerId],
                quoted(customer_id) + " is already on row " + std::to_string(customer_rows_[index]) +
                    ", whose values are used");
  }
  customer_rows_.push_back(record.row);
  ++result_.rows.used;
  read_attributes(record, index, kNoDay);
}

void OrderIngest::add_to_customer(std::string_view customer_id, std::uint32_t customer_hash,
                                  std::string_view order_id, DayNumber day, Micros amount,
                                  const CsvRecord& record) {
  bool added = false;
  const std::uint32_t index = find_or_add_customer(customer_id, customer_hash, added);
  CustomerTotals& totals = totals_[index];
  if (added) totals.last_activity = day;

  Micros total = 0;
  if (__builtin_add_overflow(totals.monetary, amount, &total)) {
    skip(record, SkipReason::kAmountOutOfRange, result_.input.columns[ColumnRole::kAmount],
         "adding this amount would overflow the customer's total");
    return;
  }
  ++result_.rows.used;
  read_attributes(record, index, day);
  totals.monetary = total;
  totals.last_activity = std::max(totals.last_activity, day);
  result_.latest_day = std::max(result_.latest_day, day);
  if (options_.keep_order_log) keep_order(index, day, amount);
  if (amount < 0) return;  // a return: not a purchase

  DayNumber& first = totals.first_purchase;
  DayNumber& last = totals.last_purchase;
  first = first == kNoDay ? day : std::min(first, day);
  last = std::max(last, day);

  if (!result_.input.columns[ColumnRole::kOrderId]) {
    ++totals.frequency;  // no order id: every row is an order
    return;
  }
  if (index == previous_order_customer_ && same_bytes(order_id, previous_order_id_.view()) && !previous_order_id_.empty()) {
    return;
  }
  if (seen_orders_.insert(index, order_id)) ++totals.frequency;
  previous_order_customer_ = index;
  previous_order_id_.assign(order_id);
}

void OrderIngest::keep_order(std::uint32_t customer, DayNumber day, Micros amount) {
  std::vector<OrderRecord>& log = result_.order_log;
  // The lines of one order come together: one record for them keeps the log small. Purchases
  // and returns stay apart (the CLV models read purchases only); a sum that would overflow
  // starts a new record.
  Micros sum = 0;
  if (!log.empty() && log.back().customer == customer && log.back().day == day &&
      (log.back().amount < 0) == (amount < 0) && !__builtin_add_overflow(log.back().amount, amount, &sum)) {
    log.back().amount = sum;
    return;
  }
  log.push_back({customer, day, amount});
}

void OrderIngest::read_attributes(const CsvRecord& record, std::uint32_t customer, DayNumber day) {
  std::vector<AttributeColumn>& attributes = result_.customers.attributes;
  AttributeState* const states = attribute_states_.data() + std::size_t{customer} * attributes.size();
  for (std::size_t a = 0; a < attributes.size(); ++a) {
    const auto column = attribute_column_index_[a];
    if (!column) continue;
    AttributeColumn& attribute = attributes[a];
    AttributeState& state = states[a];
    const std::string_view value = trim_spaces(record.fields[*column]);
    if (value.empty() || day < state.seen_on) continue;
    state.seen_on = day;
    // Most rows repeat the customer's current value: compare before hashing.
    if (same_bytes(attribute.values[state.value], value)) continue;
    const auto [entry, inserted] = attribute_value_index_[a].try_emplace(
        std::string(value), static_cast<std::uint32_t>(attribute.values.size()));
    if (inserted) attribute.values.emplace_back(value);
    state.value = entry->second;
  }
}

void OrderIngest::move_totals_into_table() {
  CustomerTable& customers = result_.customers;
  const std::size_t count = totals_.size();
  customers.first_purchase.resize(count);
  customers.last_purchase.resize(count);
  customers.last_activity.resize(count);
  customers.frequency.resize(count);
  customers.monetary.resize(count);
  for (std::size_t i = 0; i < count; ++i) {
    const CustomerTotals& totals = totals_[i];
    customers.first_purchase[i] = totals.first_purchase;
    customers.last_purchase[i] = totals.last_purchase;
    customers.last_activity[i] = totals.last_activity;
    customers.frequency[i] = totals.frequency;
    customers.monetary[i] = totals.monetary;
  }
  totals_ = std::vector<CustomerTotals>();
  const std::size_t attribute_count = customers.attributes.size();
  for (std::size_t a = 0; a < attribute_count; ++a) {
    AttributeColumn& attribute = customers.attributes[a];
    attribute.value_of.resize(count);
    attribute.seen_on.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
      attribute.value_of[i] = attribute_states_[i * attribute_count + a].value;
      attribute.seen_on[i] = attribute_states_[i * attribute_count + a].seen_on;
    }
  }
  attribute_states_ = std::vector<AttributeState>();
}

}  // namespace tierlens
