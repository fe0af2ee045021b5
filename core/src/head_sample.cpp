#include "head_sample.h"

#include "tierlens/csv_splitter.h"
#include "tierlens/text.h"

namespace tierlens {
namespace {

/// The data rows kept whole from the head, to guess a role no header name gives away.
constexpr std::size_t kValueGuessRows = 200;

class HeadSampler : public RecordSink {
 public:
  HeadSampler(std::uint64_t header_row, const IngestOptions& options)
      : header_row_(header_row), options_(options) {}

  HeadSample sample;

  /// After the head: decides the mapping if the rows did not fill up before.
  void finish() {
    if (!decided_) decide();
  }

 private:
  void on_record(const CsvRecord& record) override {
    if (record.row < header_row_) return;
    if (record.row == header_row_) {
      for (const std::string_view name : record.fields) sample.header.emplace_back(trim_spaces(name));
      // The names alone may settle every role: then no row needs keeping whole.
      decided_ = resolve_columns(sample.header, options_.columns, options_.file_name, mapping_, {},
                                 options_.table).ok();
      return;
    }
    if (decided_) return take_values(record.fields);
    sample.rows.emplace_back(record.fields.begin(), record.fields.end());
    if (sample.rows.size() == kValueGuessRows) decide();
  }

  void decide() {
    if (!resolve_columns(sample.header, options_.columns, options_.file_name, mapping_, sample.rows,
                         options_.table).ok()) {
      mapping_ = ColumnMapping{};
    }
    for (const std::vector<std::string>& row : sample.rows) take_values(row);
    decided_ = true;
  }

  template <typename Fields>
  void take_values(const Fields& fields) {
    const auto take = [&](ColumnRole role, std::vector<std::string>& into) {
      const auto column = mapping_[role];
      if (column && *column < fields.size()) into.emplace_back(fields[*column]);
    };
    take(ColumnRole::kDate, sample.dates);
    take(ColumnRole::kAmount, sample.amounts);
    take(ColumnRole::kQuantity, sample.amounts);
    take(ColumnRole::kUnitPrice, sample.amounts);
  }

  std::uint64_t header_row_;
  const IngestOptions& options_;
  ColumnMapping mapping_;
  bool decided_ = false;
};

}  // namespace

HeadSample sample_head(std::string_view head, char delimiter, char quote, std::uint64_t header_row,
                       const IngestOptions& options) {
  HeadSampler sampler(header_row, options);
  CsvSplitter splitter(delimiter, quote);
  splitter.feed(head, sampler);
  sampler.finish();
  return std::move(sampler.sample);
}

}  // namespace tierlens
