// Reading one orders file in two parts at once (order_ingest.h): what the second reader is
// told, what it hands back, and the merge that makes the two one reading.
//
// Why the merge gives what reading on would: the later part starts at a record's start, so
// its rows are the rows reading on would have met, read the same way (the decisions travel
// with it). Per customer, sums add, earliest and latest days are min and max, and an
// attribute keeps the later part's value when its day is not earlier (a later row wins a
// tie). Customers first seen in the later part come after the earlier part's, in the order
// the later part met them. Row and line numbers continue from the earlier part's. Frequency
// counts distinct orders: an order of the later part that the earlier part already counted
// is taken off again. What this cannot promise, it refuses, and the caller reads on.

#include <algorithm>
#include <cstdint>

#include "tierlens/order_ingest.h"
#include "part_bytes.h"

namespace tierlens {
namespace {

/// How the later part's orders are told apart from the earlier part's (finish_later_part).
enum class OrderOverlap : std::uint8_t {
  kNone,         ///< no order of the later part can be in the earlier part
  kFirstMayRepeat,  ///< ids rise across the join; the first may be the earlier part's last order
  kKeysListed,   ///< every (customer, order) of the later part follows, to be looked up
};

void write_customer_table(const CustomerTable& customers, PartWriter& out) {
  out.u32(static_cast<std::uint32_t>(customers.size()));
  out.u32(static_cast<std::uint32_t>(customers.attributes.size()));
  for (const AttributeColumn& attribute : customers.attributes) {
    out.u32(static_cast<std::uint32_t>(attribute.values.size()));
    for (const std::string& value : attribute.values) out.text(value);
  }
  for (std::size_t i = 0; i < customers.size(); ++i) {
    out.text(customers.id[i]);
    out.i64(customers.monetary[i]);
    out.i32(customers.first_purchase[i]);
    out.i32(customers.last_purchase[i]);
    out.i32(customers.last_activity[i]);
    out.u32(customers.frequency[i]);
    for (const AttributeColumn& attribute : customers.attributes) {
      out.u32(attribute.value_of[i]);
      out.i32(attribute.seen_on[i]);
    }
  }
}

/// An order log record in a part: customer, day, amount.
constexpr std::size_t kOrderRecordBytes = 16;

void write_order_record(const OrderRecord& record, PartWriter& out) {
  out.u32(record.customer);
  out.i32(record.day);
  out.i64(record.amount);
}

OrderRecord read_order_record(PartReader& in) {
  OrderRecord record;
  record.customer = in.u32();
  record.day = in.i32();
  record.amount = in.i64();
  return record;
}

/// A later part as its bytes hold it: views into them, checked but not yet merged.
struct LaterPart {
  std::uint64_t bytes = 0;
  std::uint64_t replaced = 0;
  bool large_total_seen = false;
  DayNumber latest_day = kNoDay;
  RowAccounting rows;

  struct Customer {
    std::string_view id;
    CustomerTotals totals;
  };
  std::vector<Customer> customers;
  std::vector<std::vector<std::string_view>> attribute_values;  ///< per attribute, as numbered there
  std::vector<AttributeState> attribute_states;                 ///< per customer × attribute

  bool order_log_kept = false;
  /// The order log's records as they came (customers numbered as in `customers`), read
  /// straight into the log: a copy in between would be fresh memory to fault in, page by page.
  std::string_view order_log_bytes;
  std::uint64_t order_log_size = 0;
  std::vector<SkippedRow> skipped;     ///< rows and lines numbered from the part's start

  OrderOverlap overlap = OrderOverlap::kNone;
  std::uint32_t first_order_customer = 0;                           ///< kFirstMayRepeat
  std::vector<std::pair<std::uint32_t, std::uint64_t>> order_keys;  ///< kKeysListed
};

bool read_later_part(std::string_view bytes, std::size_t attribute_count, LaterPart& part) {
  PartReader in(bytes);
  part.bytes = in.u64();
  part.replaced = in.u64();
  part.large_total_seen = in.u8() != 0;
  part.latest_day = in.i32();
  part.rows.total = in.u64();
  part.rows.used = in.u64();
  for (std::uint64_t& count : part.rows.skipped_by_reason) count = in.u64();

  const std::uint32_t customers = in.u32();
  if (in.u32() != attribute_count) return false;
  part.attribute_values.resize(attribute_count);
  for (std::vector<std::string_view>& values : part.attribute_values) {
    const std::uint32_t count = in.u32();
    if (!in.has_room_for(count, 4)) return false;
    for (std::uint32_t v = 0; v < count; ++v) values.push_back(in.text());
  }
  if (!in.has_room_for(customers, 28 + 8 * attribute_count)) return false;
  part.customers.resize(customers);
  part.attribute_states.resize(std::size_t{customers} * attribute_count);
  for (std::uint32_t i = 0; i < customers; ++i) {
    LaterPart::Customer& customer = part.customers[i];
    customer.id = in.text();
    customer.totals.monetary = in.i64();
    customer.totals.first_purchase = in.i32();
    customer.totals.last_purchase = in.i32();
    customer.totals.last_activity = in.i32();
    customer.totals.frequency = in.u32();
    for (std::size_t a = 0; a < attribute_count; ++a) {
      AttributeState& state = part.attribute_states[std::size_t{i} * attribute_count + a];
      state.value = in.u32();
      state.seen_on = in.i32();
      if (in.ok() && state.value >= part.attribute_values[a].size()) return false;
    }
  }

  part.order_log_kept = in.u8() != 0;
  part.order_log_size = in.u64();
  if (!in.has_room_for(part.order_log_size, kOrderRecordBytes)) return false;
  part.order_log_bytes = in.bytes(part.order_log_size * kOrderRecordBytes);
  PartReader records(part.order_log_bytes);
  for (std::uint64_t i = 0; i < part.order_log_size; ++i) {
    const OrderRecord record = read_order_record(records);
    if (record.customer >= customers) return false;
  }

  const std::uint64_t skipped = in.u64();
  if (!in.has_room_for(skipped, 30)) return false;
  part.skipped.resize(skipped);
  for (SkippedRow& row : part.skipped) {
    row.file = static_cast<TableKind>(in.u8());
    row.row = in.u64();
    row.line = in.u64();
    const std::uint8_t reason = in.u8();
    if (reason >= kSkipReasonCount) return false;
    row.reason = static_cast<SkipReason>(reason);
    row.column = std::string(in.text());
    row.detail = std::string(in.text());
    row.raw = std::string(in.text());
  }

  return in.at_end();
}

bool read_later_part_orders(std::string_view bytes, std::size_t customers, LaterPart& part) {
  PartReader in(bytes);
  part.overlap = static_cast<OrderOverlap>(in.u8());
  if (part.overlap == OrderOverlap::kFirstMayRepeat) {
    part.first_order_customer = in.u32();
    if (in.ok() && part.first_order_customer >= customers) return false;
  } else if (part.overlap == OrderOverlap::kKeysListed) {
    const std::uint64_t keys = in.u64();
    if (!in.has_room_for(keys, 12)) return false;
    part.order_keys.resize(keys);
    for (auto& [customer, order] : part.order_keys) {
      customer = in.u32();
      order = in.u64();
      if (in.ok() && customer >= customers) return false;
    }
  } else if (part.overlap != OrderOverlap::kNone) {
    return false;
  }
  return in.at_end();
}

/// The earlier part's order ids as the later part needs them (earlier_part_ending()).
struct EarlierEnding {
  bool has_orders = false;
  bool rising = false;
  std::string_view largest;
};

}  // namespace

std::optional<std::string> OrderIngest::later_part_reading() const {
  const InputDescription& input = result_.input;
  if (!failure_.ok() || phase_ != Phase::kReadingRows || merged_later_part_ || json_ || !splitter_ ||
      input.format != "csv" || input.encoding != TextEncoding::kUtf8 || options_.table != TableKind::kOrders ||
      options_.preview_rows || !input.columns[ColumnRole::kCustomerId]) {
    return std::nullopt;
  }
  PartWriter out;
  out.text(options_.file_name);
  out.text(options_.cancelled_order_prefix);
  out.u8(options_.analysis_date ? 1 : 0);
  out.i32(options_.analysis_date.value_or(0));
  out.u8(options_.keep_order_log ? 1 : 0);
  out.u8(static_cast<std::uint8_t>(input.delimiter));
  out.u8(static_cast<std::uint8_t>(input.quote));
  out.u8(static_cast<std::uint8_t>(input.date_order));
  out.u8(static_cast<std::uint8_t>(input.decimal_mark));
  out.u32(static_cast<std::uint32_t>(input.header.size()));
  for (const std::string& name : input.header) out.text(name);
  for (const std::optional<std::size_t>& column : input.columns.index) {
    out.u8(column ? 1 : 0);
    out.u32(static_cast<std::uint32_t>(column.value_or(0)));
  }
  out.u32(static_cast<std::uint32_t>(result_.customers.attributes.size()));
  for (std::size_t a = 0; a < result_.customers.attributes.size(); ++a) {
    out.text(result_.customers.attributes[a].field);
    out.text(result_.customers.attributes[a].header);
    out.u8(attribute_column_index_[a] ? 1 : 0);
    out.u32(static_cast<std::uint32_t>(attribute_column_index_[a].value_or(0)));
  }
  // Rows per byte, as the head showed: the later part's tables are sized by it.
  out.u64(expected_rows_);
  out.u64(options_.expected_bytes.value_or(0));
  return out.take();
}

Status OrderIngest::begin_later_part(std::string_view reading, std::optional<std::uint64_t> part_bytes) {
  const Status bad = Status::error(ErrorCode::kInvalidState, "begin_later_part(): not the bytes of later_part_reading()");
  if (phase_ != Phase::kDetectingEncoding || result_.input.bytes > 0) {
    return Status::error(ErrorCode::kInvalidState, "begin_later_part() after feed()");
  }
  PartReader in(reading);
  options_.file_name = std::string(in.text());
  options_.cancelled_order_prefix = std::string(in.text());
  const bool has_analysis_date = in.u8() != 0;
  const DayNumber analysis_date = in.i32();
  options_.analysis_date = has_analysis_date ? std::optional<DayNumber>(analysis_date) : std::nullopt;
  options_.keep_order_log = in.u8() != 0;
  options_.table = TableKind::kOrders;
  options_.preview_rows.reset();

  InputDescription& input = result_.input;
  input.file_name = options_.file_name;
  input.encoding = TextEncoding::kUtf8;
  input.delimiter = static_cast<char>(in.u8());
  input.quote = static_cast<char>(in.u8());
  input.date_order = static_cast<DateOrder>(in.u8());
  input.decimal_mark = static_cast<DecimalMark>(in.u8());
  const std::uint32_t header_size = in.u32();
  if (!in.has_room_for(header_size, 4)) return bad;
  for (std::uint32_t i = 0; i < header_size; ++i) input.header.emplace_back(in.text());
  for (std::optional<std::size_t>& column : input.columns.index) {
    const bool present = in.u8() != 0;
    const std::uint32_t index = in.u32();
    if (present && index >= header_size) return bad;
    column = present ? std::optional<std::size_t>(index) : std::nullopt;
  }
  const std::uint32_t attributes = in.u32();
  if (!in.has_room_for(attributes, 13)) return bad;
  for (std::uint32_t a = 0; a < attributes; ++a) {
    AttributeColumn column;
    column.field = std::string(in.text());
    column.header = std::string(in.text());
    const bool present = in.u8() != 0;
    const std::uint32_t index = in.u32();
    if (present && index >= header_size) return bad;
    result_.customers.attributes.push_back(std::move(column));
    attribute_column_index_.push_back(present ? std::optional<std::size_t>(index) : std::nullopt);
    attribute_value_index_.emplace_back().emplace("", 0);
  }
  const std::uint64_t file_rows = in.u64();
  const std::uint64_t file_bytes = in.u64();
  if (!in.at_end() || !input.columns[ColumnRole::kCustomerId] || !input.columns[ColumnRole::kDate] ||
      (input.date_order != DateOrder::kMonthFirst && input.date_order != DateOrder::kDayFirst) ||
      (input.decimal_mark != DecimalMark::kPoint && input.decimal_mark != DecimalMark::kComma)) {
    return bad;
  }

  result_.order_log_kept = options_.keep_order_log;
  transcoder_.emplace(TextEncoding::kUtf8);
  splitter_.emplace(input.delimiter, input.quote);
  header_row_ = 0;  // every record of a later part is a data row
  phase_ = Phase::kReadingRows;
  if (part_bytes && file_rows > 0 && file_bytes > 0) {
    expected_rows_ = *part_bytes / file_bytes * file_rows + *part_bytes % file_bytes * file_rows / file_bytes;
    if (options_.keep_order_log) result_.order_log.reserve(expected_rows_);
    if (input.columns[ColumnRole::kOrderId]) seen_orders_.reserve(expected_rows_);
  }
  return Status();
}

Status OrderIngest::finish_later_part(std::string& part) {
  if (header_row_ != 0 || phase_ != Phase::kReadingRows) {
    return Status::error(ErrorCode::kInvalidState, "finish_later_part() without begin_later_part()");
  }
  if (Status status = finish(); !status.ok()) return status;

  const CustomerTable& customers = result_.customers;
  PartWriter out;
  out.reserve(customers.size() * (40 + 8 * customers.attributes.size()) + result_.order_log.size() * 16);
  out.u64(result_.input.bytes);
  out.u64(result_.input.replaced_characters);
  out.u8(large_total_seen_ ? 1 : 0);
  out.i32(result_.latest_day);
  out.u64(result_.rows.total);
  out.u64(result_.rows.used);
  for (const std::uint64_t count : result_.rows.skipped_by_reason) out.u64(count);
  write_customer_table(customers, out);

  out.u8(result_.order_log_kept ? 1 : 0);
  out.u64(result_.order_log.size());
  for (const OrderRecord& record : result_.order_log) write_order_record(record, out);
  out.u64(result_.skipped.size());
  for (const SkippedRow& row : result_.skipped) {
    out.u8(static_cast<std::uint8_t>(row.file));
    out.u64(row.row);
    out.u64(row.line);
    out.u8(static_cast<std::uint8_t>(row.reason));
    out.text(row.column);
    out.text(row.detail);
    out.text(row.raw);
  }
  part = out.take();
  return Status();
}

std::string OrderIngest::earlier_part_ending() const {
  PartWriter out;
  out.u8(seen_orders_.size() > 0 ? 1 : 0);
  out.u8(seen_orders_.rising() ? 1 : 0);
  out.text(seen_orders_.rising() ? seen_orders_.largest_id() : std::string());
  return out.take();
}

Status OrderIngest::later_part_orders(std::string_view earlier_ending, std::string& orders) const {
  PartReader in(earlier_ending);
  EarlierEnding earlier;
  earlier.has_orders = in.u8() != 0;
  earlier.rising = in.u8() != 0;
  earlier.largest = in.text();
  if (!in.at_end()) {
    return Status::error(ErrorCode::kInvalidState, "later_part_orders(): not the bytes of earlier_part_ending()");
  }
  if (header_row_ != 0 || phase_ != Phase::kFinished) {
    return Status::error(ErrorCode::kInvalidState, "later_part_orders() before finish_later_part()");
  }
  // Ids that rise across the join are new without a look-up; only an order cut by the join
  // (its first lines earlier, the rest here) can repeat one, and only as the first.
  OrderOverlap overlap = OrderOverlap::kKeysListed;
  if (!earlier.has_orders || seen_orders_.size() == 0) {
    overlap = OrderOverlap::kNone;
  } else if (earlier.rising && seen_orders_.rising()) {
    if (order_id_comes_after(seen_orders_.first_id(), earlier.largest)) overlap = OrderOverlap::kNone;
    else if (seen_orders_.first_id() == earlier.largest) overlap = OrderOverlap::kFirstMayRepeat;
  }
  PartWriter out;
  out.u8(static_cast<std::uint8_t>(overlap));
  if (overlap == OrderOverlap::kFirstMayRepeat) out.u32(seen_orders_.first_customer());
  if (overlap == OrderOverlap::kKeysListed) {
    out.reserve(1 + 8 + seen_orders_.size() * 12);
    out.u64(seen_orders_.size());
    seen_orders_.for_each([&](std::uint32_t customer, std::uint64_t order) {
      out.u32(customer);
      out.u64(order);
    });
  }
  orders = out.take();
  return Status();
}

bool OrderIngest::merge_later_part(std::string_view bytes, std::string_view orders) {
  // Reading on must have had nothing waiting: no record, no character cut at the join.
  if (!failure_.ok() || phase_ != Phase::kReadingRows || merged_later_part_ || json_ || !splitter_ ||
      !splitter_->at_record_boundary() || (transcoder_ && transcoder_->holds_partial_character()) ||
      header_row_ == 0 || large_total_seen_) {
    return false;
  }
  CustomerTable& customers = result_.customers;
  const std::size_t attribute_count = customers.attributes.size();
  LaterPart part;
  if (!read_later_part(bytes, attribute_count, part) ||
      !read_later_part_orders(orders, part.customers.size(), part) || part.large_total_seen ||
      part.order_log_kept != result_.order_log_kept) {
    return false;
  }
  // The one row whose message names a line: a quote left open runs to the end of the file.
  for (const SkippedRow& row : part.skipped) {
    if (row.reason == SkipReason::kUnterminatedQuote) return false;
  }
  // Reading on would have met the ids in the part's order; the part's own numbers map to them.
  // An order's lines cut by the join are one record of the log, as reading on makes them.
  std::vector<std::uint32_t> number_of(part.customers.size());
  std::vector<OrderRecord>& log = result_.order_log;
  Micros joined_amount = 0;
  bool join_log_records = false;
  PartReader later_records(part.order_log_bytes);
  if (!log.empty() && part.order_log_size > 0) {
    const OrderRecord& last = log.back();
    const OrderRecord first = read_order_record(later_records);
    // A customer of the part found here: its number is known before anything is added.
    const std::optional<std::uint32_t> known = customer_index_.find(part.customers[first.customer].id, customers.id);
    join_log_records = known && *known == last.customer && last.day == first.day &&
                       (last.amount < 0) == (first.amount < 0);
    if (join_log_records && __builtin_add_overflow(last.amount, first.amount, &joined_amount)) return false;
    if (!join_log_records) later_records = PartReader(part.order_log_bytes);
  }

  // Nothing refused past this point: merge.
  merged_later_part_ = true;
  // The part numbers its attribute values its own way; each is looked up here once, when a
  // customer first takes it (kNoValue: not yet).
  constexpr std::uint32_t kNoValue = UINT32_MAX;
  std::vector<std::vector<std::uint32_t>> value_number(attribute_count);
  for (std::size_t a = 0; a < attribute_count; ++a) value_number[a].assign(part.attribute_values[a].size(), kNoValue);
  for (std::size_t i = 0; i < part.customers.size(); ++i) {
    bool added = false;
    const std::uint32_t number = find_or_add_customer(part.customers[i].id, added);
    number_of[i] = number;
    CustomerTotals& totals = totals_[number];
    const CustomerTotals& later = part.customers[i].totals;
    totals.monetary += later.monetary;
    if (later.first_purchase != kNoDay) {
      totals.first_purchase =
          totals.first_purchase == kNoDay ? later.first_purchase : std::min(totals.first_purchase, later.first_purchase);
    }
    totals.last_purchase = std::max(totals.last_purchase, later.last_purchase);
    totals.last_activity = std::max(totals.last_activity, later.last_activity);
    totals.frequency += later.frequency;
    for (std::size_t a = 0; a < attribute_count; ++a) {
      const AttributeState& later_state = part.attribute_states[i * attribute_count + a];
      AttributeState& state = attribute_states_[std::size_t{number} * attribute_count + a];
      if (later_state.value == 0 || later_state.seen_on < state.seen_on) continue;
      std::uint32_t& number_here = value_number[a][later_state.value];
      if (number_here == kNoValue) {
        const std::string_view value = part.attribute_values[a][later_state.value];
        AttributeColumn& attribute = customers.attributes[a];
        const auto [entry, inserted] = attribute_value_index_[a].try_emplace(
            std::string(value), static_cast<std::uint32_t>(attribute.values.size()));
        if (inserted) attribute.values.emplace_back(value);
        number_here = entry->second;
      }
      state.value = number_here;
      state.seen_on = later_state.seen_on;
    }
  }

  // An order the earlier part counted is not new when the part meets it again.
  if (part.overlap == OrderOverlap::kFirstMayRepeat) {
    const std::uint32_t number = number_of[part.first_order_customer];
    if (seen_orders_.size() > 0 && seen_orders_.rising() && seen_orders_.last_customer() == number) {
      --totals_[number].frequency;
    }
  } else if (part.overlap == OrderOverlap::kKeysListed) {
    for (const auto& [customer, order] : part.order_keys) {
      if (seen_orders_.contains_hashed(number_of[customer], order)) --totals_[number_of[customer]].frequency;
    }
  }

  if (join_log_records) log.back().amount = joined_amount;
  log.reserve(log.size() + part.order_log_size);
  for (std::uint64_t i = join_log_records ? 1 : 0; i < part.order_log_size; ++i) {
    const OrderRecord record = read_order_record(later_records);
    log.push_back({number_of[record.customer], record.day, record.amount});
  }

  const std::uint64_t rows_before = splitter_->records_emitted();
  const std::uint64_t lines_before = splitter_->lines_passed();
  for (SkippedRow& row : part.skipped) {
    row.row += rows_before;
    row.line += lines_before;
    result_.skipped.push_back(std::move(row));
  }
  result_.rows.total += part.rows.total;
  result_.rows.used += part.rows.used;
  for (int reason = 0; reason < kSkipReasonCount; ++reason) {
    result_.rows.skipped_by_reason[reason] += part.rows.skipped_by_reason[reason];
  }
  result_.latest_day = std::max(result_.latest_day, part.latest_day);
  result_.input.bytes += part.bytes;
  later_part_replaced_ += part.replaced;
  return true;
}

}  // namespace tierlens
