#include "tierlens/header_row.h"

#include <string>
#include <vector>

#include "tierlens/csv_splitter.h"
#include "tierlens/delimiter.h"
#include "tierlens/text.h"

namespace tierlens {
namespace {

constexpr std::uint64_t kRowsLookedAt = 30;

struct HeadRecord {
  std::uint64_t row;
  std::vector<std::string> fields;  ///< trimmed
  std::string raw;
};

class HeadCollector : public RecordSink {
 public:
  std::vector<HeadRecord> records;

 private:
  void on_record(const CsvRecord& record) override {
    if (record.row > kRowsLookedAt) return;
    HeadRecord copy{record.row, {}, std::string(record.raw)};
    for (const std::string_view field : record.fields) copy.fields.emplace_back(trim_spaces(field));
    records.push_back(std::move(copy));
  }
};

std::vector<HeadRecord> first_records(std::string_view head, char delimiter) {
  HeadCollector collector;
  CsvSplitter splitter(delimiter);
  splitter.feed(head, collector);
  splitter.finish(collector);
  return std::move(collector.records);
}

std::size_t non_empty_fields(const HeadRecord& record) {
  std::size_t count = 0;
  for (const std::string& field : record.fields) count += field.empty() ? 0 : 1;
  return count;
}

}  // namespace

HeaderGuess find_header_row(std::string_view head, const ColumnOverrides& columns,
                            std::optional<std::uint64_t> given_row, TableKind table) {
  HeaderGuess guess;
  if (given_row) {
    guess.row = *given_row;
    for (const HeadRecord& record : first_records(head, ',')) {
      if (record.row == *given_row) guess.delimiter = detect_delimiter(record.raw);
    }
    return guess;
  }

  constexpr char kDelimiters[] = {',', ';', '\t', '|'};
  std::optional<HeaderGuess> best;
  std::size_t best_fields = 0;
  HeaderGuess widest;
  std::size_t widest_fields = 0;
  for (const char delimiter : kDelimiters) {
    for (const HeadRecord& record : first_records(head, delimiter)) {
      const std::size_t fields = non_empty_fields(record);
      if (fields > widest_fields) {
        widest = {delimiter, record.row, false};
        widest_fields = fields;
      }
      if (best && record.row > best->row) break;  // a later row cannot win
      ColumnMapping mapping;
      if (fields < 2 || !resolve_columns(record.fields, columns, "", mapping, {}, table).ok()) continue;
      if (!best || record.row < best->row || fields > best_fields) {
        best = HeaderGuess{delimiter, record.row, true};
        best_fields = fields;
      }
      break;
    }
  }
  if (best) return *best;
  if (widest_fields > 0) return widest;
  guess.delimiter = detect_delimiter(head.substr(0, find_record_end(head)));
  return guess;
}

}  // namespace tierlens
