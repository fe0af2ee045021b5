// An incremental RFC 4180 record splitter: bytes go in as chunks cut anywhere, complete
// records come out. It is the only place that knows about quoting, so every reader (orders
// today, customer sheets later) shares one definition of "a row".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tierlens {

/// One record, valid only during the RecordSink call that receives it.
struct CsvRecord {
  std::vector<std::string_view> fields;  ///< unquoted, "" unescaped; never trimmed
  std::string_view raw;                  ///< the record's bytes without its line ending
  std::uint64_t row = 0;                 ///< 1-based record number, the header being row 1
  std::uint64_t line = 0;                ///< 1-based physical line where the record starts
  bool unterminated_quote = false;       ///< the stream ended inside a quoted field
};

class RecordSink {
 public:
  virtual ~RecordSink() = default;
  virtual void on_record(const CsvRecord& record) = 0;
  /// The records of one call arrive together, in file order, so that a sink can look ahead
  /// across them (the order reader starts the cache misses of a few dozen rows at once).
  /// All of them stay valid until this returns. By default, one on_record() each.
  virtual void on_records(const CsvRecord* records, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) on_record(records[i]);
  }
};

/// Finds where the first record of `text` ends (a line break outside quotes).
/// Answers text.size() when the record is not complete within `text`.
std::size_t find_record_end(std::string_view text, char quote = '"');

class CsvSplitter {
 public:
  explicit CsvSplitter(char delimiter, char quote = '"');

  /// Emits every record completed by this chunk; keeps an incomplete tail for the next one.
  void feed(std::string_view chunk, RecordSink& sink);

  /// Emits the last record when the stream does not end with a line break.
  void finish(RecordSink& sink);

 private:
  /// Emits the complete records at the front of `text`; answers how many bytes they used.
  std::size_t split_complete_records(std::string_view text, RecordSink& sink);
  /// Splits the record at `start` into record_.fields when it holds no quote and ends
  /// within `text`; answers where it ends (its line break), or text.size() when it does not.
  std::size_t split_unquoted_record(std::string_view text, std::size_t start);
  /// Where the record after the line break at `end` starts (past a CRLF's LF too).
  std::size_t past_line_break(std::string_view text, std::size_t end);
  void emit(std::string_view raw, std::size_t line_breaks_inside, RecordSink& sink,
            bool unterminated_quote);
  void split_fields(std::string_view raw, CsvRecord& record);
  /// Hands the records split so far to the sink and starts a new batch.
  void deliver(RecordSink& sink);

  char delimiter_;
  char quote_;
  std::string carry_;                 ///< an incomplete record waiting for more bytes
  std::size_t carry_scanned_ = 0;     ///< how much of carry_ is known not to end the record
  bool carry_in_quotes_ = false;      ///< the quote state at carry_scanned_
  bool skip_leading_lf_ = false;      ///< the last chunk ended with CR; drop a following LF
  std::uint64_t next_row_ = 1;
  std::uint64_t next_line_ = 1;
  /// Records waiting to be delivered: views into the text being split, which stays valid
  /// until that call returns. Their field vectors are reused from batch to batch.
  std::vector<CsvRecord> batch_;
  std::size_t batched_ = 0;
  /// Storage for fields that needed "" unescaping. Rewritten by the next such record, so a
  /// record that uses it ends its batch.
  std::string unescaped_;
};

}  // namespace tierlens
