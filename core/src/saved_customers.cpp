#include "tierlens/saved_customers.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "tierlens/metrics.h"

namespace tierlens {
namespace {

/// How much of the file is looked at to tell its encoding (as much as the orders reader).
constexpr std::size_t kEncodingHeadBytes = 64 * 1024;

/// Columns of customers.csv that are neither a label nor a metric.
bool is_attribute_column(std::string_view column) {
  for (const char* name : {"customer_id", "customer_name", "first_order", "last_order", "segment_cell"}) {
    if (column == name) return true;
  }
  return false;
}

/// customers_csv puts an apostrophe before a text cell that would start a formula in Excel
/// (csv_writer.h); read back, the cell is what it was before the guard.
std::string_view unguarded(std::string_view cell) {
  if (cell.size() >= 2 && cell[0] == '\'') {
    const char next = cell[1];
    if (next == '=' || next == '+' || next == '-' || next == '@' || next == '\t' || next == '\r') return cell.substr(1);
  }
  return cell;
}

std::string quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

}  // namespace

const SavedLabelColumn* SavedCustomers::column(std::string_view field) const {
  for (const SavedLabelColumn& column : columns) {
    if (column.field == field) return &column;
  }
  return nullptr;
}

/// Reads the splitter's records into the customers; the first row that cannot be read stops
/// the reading, and `error` says why.
class SavedCustomersReader::Rows : public RecordSink {
 public:
  explicit Rows(std::string file_name) { saved.file_name = std::move(file_name); }

  SavedCustomers saved;
  Status error;
  bool header_read = false;

  void on_record(const CsvRecord& record) override {
    if (!error.ok()) return;
    if (record.unterminated_quote) {
      fail(record, "", "a quoted cell is not closed before the end of the file");
    } else if (!header_read) {
      read_header(record);
    } else if (!record.raw.empty()) {  // a blank line (at the end of a hand-edited file) says nothing
      read_customer(record);
    }
  }

  /// A customer id twice: the rows of its first two appearances.
  void check_ids_unique() {
    if (!error.ok()) return;
    std::vector<std::uint32_t> order(saved.ids.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return saved.ids[a] < saved.ids[b]; });
    std::optional<std::uint32_t> first_repeat;
    for (std::size_t i = 1; i < order.size(); ++i) {
      if (saved.ids[order[i]] != saved.ids[order[i - 1]]) continue;
      if (!first_repeat || row_of_[order[i]] < row_of_[*first_repeat]) first_repeat = order[i];
    }
    if (!first_repeat) return;
    const std::string& id = saved.ids[*first_repeat];
    const auto first = std::find(saved.ids.begin(), saved.ids.end(), id) - saved.ids.begin();
    error = Status::error(ErrorCode::kBadSavedFile,
                          saved.file_name + ", row " + std::to_string(row_of_[*first_repeat]) + ", column customer_id: " +
                              quoted(id) + " is already on row " + std::to_string(row_of_[first]) +
                              "; a customers.csv has one row per customer");
  }

 private:
  void fail(const CsvRecord& record, std::string_view column, const std::string& message) {
    std::string where = saved.file_name + ", row " + std::to_string(record.row);
    if (record.line != record.row) where += " (line " + std::to_string(record.line) + ")";
    if (!column.empty()) where += ", column " + std::string(column);
    error = Status::error(ErrorCode::kBadSavedFile, where + ": " + message);
  }

  void read_header(const CsvRecord& record) {
    width_ = record.fields.size();
    column_of_cell_.assign(width_, std::nullopt);
    for (std::size_t c = 0; c < width_; ++c) {
      const std::string_view name = record.fields[c];
      if (name == "customer_id" && !id_cell_) {
        id_cell_ = c;
      } else if (!name.empty() && !is_attribute_column(name) && !parse_metric(name)) {
        if (saved.column(name)) return fail(record, name, "the column appears twice");
        column_of_cell_[c] = saved.columns.size();
        saved.columns.push_back({std::string(name), {}, {}});
      }
    }
    if (!id_cell_ || !saved.column("segment")) {
      return fail(record, "", std::string("no ") + (id_cell_ ? "segment" : "customer_id") +
                                  " column: this is not a customers.csv saved by TierLens (its columns are "
                                  "customer_id, …, segment, then a column per dimension and the tier)");
    }
    label_index_.resize(saved.columns.size());
    header_read = true;
  }

  void read_customer(const CsvRecord& record) {
    if (record.fields.size() != width_) {
      return fail(record, "", std::to_string(record.fields.size()) + " cells where the header has " +
                                  std::to_string(width_));
    }
    const std::string_view id = unguarded(record.fields[*id_cell_]);
    if (id.empty()) return fail(record, "customer_id", "the customer id is empty");
    saved.ids.emplace_back(id);
    row_of_.push_back(record.row);
    for (std::size_t c = 0; c < width_; ++c) {
      if (!column_of_cell_[c]) continue;
      const std::size_t at = *column_of_cell_[c];
      SavedLabelColumn& column = saved.columns[at];
      const auto [entry, added] = label_index_[at].try_emplace(std::string(unguarded(record.fields[c])),
                                                               static_cast<std::uint32_t>(column.labels.size()));
      if (added) column.labels.push_back(entry->first);
      column.label_of.push_back(entry->second);
    }
  }

  std::size_t width_ = 0;                                   ///< cells in the header
  std::optional<std::size_t> id_cell_;                      ///< the customer_id cell
  std::vector<std::optional<std::size_t>> column_of_cell_;  ///< per cell: its label column, if it is one
  std::vector<std::unordered_map<std::string, std::uint32_t>> label_index_;  ///< per label column
  std::vector<std::uint64_t> row_of_;                       ///< per customer, its row
};

SavedCustomersReader::SavedCustomersReader(std::string file_name)
    : file_name_(std::move(file_name)), rows_(std::make_unique<Rows>(file_name_)) {}

SavedCustomersReader::~SavedCustomersReader() = default;

void SavedCustomersReader::start(std::string_view head, bool whole_file) {
  const EncodingGuess guess = guess_text_encoding(head, whole_file);
  encoding_ = guess.encoding;
  transcoder_.emplace(guess.encoding);
  read(head.substr(guess.bom_bytes));
}

void SavedCustomersReader::read(std::string_view bytes) {
  std::string_view text;
  if (encoding_ == TextEncoding::kUtf8) {
    text = transcoder_->pass_valid_utf8(bytes, converted_);  // what TierLens writes: read in place
  } else {
    converted_.clear();  // Excel re-saved it as GBK or UTF-16
    transcoder_->convert(bytes, converted_);
    text = converted_;
  }
  splitter_.feed(text, *rows_);
}

Status SavedCustomersReader::feed(std::string_view bytes) {
  if (finished_) return Status::error(ErrorCode::kInvalidState, file_name_ + ": read after the end of the file");
  if (!rows_->error.ok()) return rows_->error;
  if (transcoder_) {
    read(bytes);
  } else {
    head_.append(bytes);
    if (head_.size() >= kEncodingHeadBytes) {
      start(head_, false);
      head_ = std::string();
    }
  }
  return rows_->error;
}

Status SavedCustomersReader::finish(SavedCustomers& out) {
  if (finished_) return Status::error(ErrorCode::kInvalidState, file_name_ + ": read after the end of the file");
  finished_ = true;
  if (!transcoder_) start(head_, true);
  if (!rows_->error.ok()) return rows_->error;
  converted_.clear();
  transcoder_->finish(converted_);
  splitter_.feed(converted_, *rows_);
  splitter_.finish(*rows_);
  if (!rows_->error.ok()) return rows_->error;
  if (!rows_->header_read) {
    return Status::error(ErrorCode::kEmptyFile, file_name_ + ": the file is empty; expected a customers.csv saved by TierLens");
  }
  rows_->check_ids_unique();
  if (!rows_->error.ok()) return rows_->error;
  out = std::move(rows_->saved);
  return Status();
}

Status read_saved_customers(std::string_view bytes, std::string file_name, SavedCustomers& out) {
  SavedCustomersReader reader(std::move(file_name));
  if (Status status = reader.feed(bytes); !status.ok()) return status;
  return reader.finish(out);
}

}  // namespace tierlens
