#include "tierlens/csv_splitter.h"

#include <cstring>

namespace tierlens {
namespace {

/// How many records are delivered together: enough for a sink to overlap the cache misses of
/// that many rows, few enough that their fields stay in the cache.
constexpr std::size_t kBatchRecords = 32;

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

/// The high bit of each byte of `word` that equals `byte`'s (set in `repeated` as
/// byte × kOnes). Bits above the first match may be false; the lowest set bit never is.
inline std::uint64_t bytes_equal(std::uint64_t word, std::uint64_t repeated) {
  const std::uint64_t diff = word ^ repeated;
  return (diff - kOnes) & ~diff & kHighBits;
}

/// Where the next delimiter, quote or line break is, from `at`; `end` when there is none.
/// Eight bytes at a time (an unquoted field is a few words of nothing to look at): the
/// reader's hottest loop, and portable, so WebAssembly and native builds scan alike.
inline const char* next_special(const char* at, const char* end, std::uint64_t delimiters,
                                std::uint64_t quotes) {
  constexpr std::uint64_t kLineFeeds = kOnes * '\n', kReturns = kOnes * '\r';
  for (; end - at >= 8; at += 8) {
    std::uint64_t word;
    std::memcpy(&word, at, 8);  // little-endian on every target built (x86-64, wasm32)
    const std::uint64_t found = bytes_equal(word, delimiters) | bytes_equal(word, quotes) |
                                bytes_equal(word, kLineFeeds) | bytes_equal(word, kReturns);
    if (found != 0) return at + (__builtin_ctzll(found) >> 3);
  }
  for (; at < end; ++at) {
    const char c = *at;
    if (c == static_cast<char>(delimiters) || c == static_cast<char>(quotes) || c == '\n' || c == '\r') return at;
  }
  return end;
}

bool is_line_break(char c) { return c == '\n' || c == '\r'; }

/// Scans `text` from `pos` with the given quote state; answers the index of the first line
/// break outside quotes, or text.size(). `in_quotes` is left as it was at the answer.
std::size_t scan_for_record_end(std::string_view text, std::size_t pos, bool& in_quotes,
                                char quote) {
  for (; pos < text.size(); ++pos) {
    const char c = text[pos];
    if (c == quote) {
      in_quotes = !in_quotes;  // "" inside quotes toggles twice, which is what it should do
    } else if (!in_quotes && is_line_break(c)) {
      return pos;
    }
  }
  return text.size();
}

/// Line breaks inside a record (in quoted fields); CRLF counts once.
std::size_t count_line_breaks(std::string_view raw) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\n' || (raw[i] == '\r' && (i + 1 == raw.size() || raw[i + 1] != '\n'))) {
      ++count;
    }
  }
  return count;
}

}  // namespace

std::size_t find_record_end(std::string_view text, char quote) {
  bool in_quotes = false;
  return scan_for_record_end(text, 0, in_quotes, quote);
}

CsvSplitter::CsvSplitter(char delimiter, char quote)
    : delimiter_(delimiter), quote_(quote), batch_(kBatchRecords) {}

void CsvSplitter::feed(std::string_view chunk, RecordSink& sink) {
  if (skip_leading_lf_ && !chunk.empty()) {
    skip_leading_lf_ = false;
    if (chunk.front() == '\n') chunk.remove_prefix(1);
  }
  if (carry_.empty()) {
    const std::size_t used = split_complete_records(chunk, sink);
    carry_.assign(chunk.substr(used));
    return;
  }
  // A record begun in an earlier chunk: only its end is joined to it, and the rest of the
  // chunk is split where it is. (The scan resumes in the quote state the carry ended in, so a
  // record spanning many chunks, or an unterminated quote, costs linear, not quadratic, time.)
  bool in_quotes = carry_in_quotes_;
  const std::size_t end = scan_for_record_end(chunk, 0, in_quotes, quote_);
  if (end == chunk.size()) {
    carry_.append(chunk);
    carry_scanned_ = carry_.size();
    carry_in_quotes_ = in_quotes;
    return;
  }
  std::size_t joined = end + 1;  // past its line break, both bytes of a CRLF
  if (chunk[end] == '\r' && joined < chunk.size() && chunk[joined] == '\n') ++joined;
  carry_.append(chunk.substr(0, joined));
  std::string record;
  record.swap(carry_);
  carry_scanned_ = 0;
  carry_in_quotes_ = false;
  split_complete_records(record, sink);
  // A CR that ends the record before the chunk's end is followed by no LF (it would have been
  // joined): the next chunk starts afresh.
  if (joined < chunk.size()) skip_leading_lf_ = false;
  chunk.remove_prefix(joined);
  const std::size_t used = split_complete_records(chunk, sink);
  carry_.assign(chunk.substr(used));
}

std::size_t CsvSplitter::split_complete_records(std::string_view text, RecordSink& sink) {
  std::size_t start = 0;
  while (start < text.size()) {
    // Most records have no quote: one pass finds both their fields and their end.
    if (const std::size_t end = split_unquoted_record(text, start); end != text.size()) {
      CsvRecord& record = batch_[batched_];
      record.raw = text.substr(start, end - start);
      record.row = next_row_++;
      record.line = next_line_++;
      record.unterminated_quote = false;
      if (++batched_ == batch_.size()) deliver(sink);
      start = past_line_break(text, end);
      continue;
    }
    bool in_quotes = false;
    const std::size_t end = scan_for_record_end(text, start, in_quotes, quote_);
    if (end == text.size()) {
      carry_scanned_ = end - start;
      carry_in_quotes_ = in_quotes;
      break;
    }
    const std::string_view raw = text.substr(start, end - start);
    emit(raw, count_line_breaks(raw), sink, false);
    start = past_line_break(text, end);
  }
  deliver(sink);  // before `text` may go: the caller's chunk, or a copy that feed() drops
  return start;
}

void CsvSplitter::deliver(RecordSink& sink) {
  if (batched_ == 0) return;
  sink.on_records(batch_.data(), batched_);
  batched_ = 0;
}

std::size_t CsvSplitter::past_line_break(std::string_view text, std::size_t end) {
  std::size_t next = end + 1;
  if (text[end] == '\r') {
    if (next < text.size()) {
      if (text[next] == '\n') ++next;
    } else {
      skip_leading_lf_ = true;  // the LF of this CRLF may open the next chunk
    }
  }
  return next;
}

std::size_t CsvSplitter::split_unquoted_record(std::string_view text, std::size_t start) {
  std::vector<std::string_view>& fields = batch_[batched_].fields;
  fields.clear();
  const std::uint64_t delimiters = kOnes * static_cast<unsigned char>(delimiter_);
  const std::uint64_t quotes = kOnes * static_cast<unsigned char>(quote_);
  const char* const end = text.data() + text.size();
  const char* field = text.data() + start;
  for (const char* at = field;; ++at) {
    at = next_special(at, end, delimiters, quotes);
    if (at == end || *at == quote_) return text.size();
    fields.emplace_back(field, static_cast<std::size_t>(at - field));
    if (*at != delimiter_) return static_cast<std::size_t>(at - text.data());  // a line break
    field = at + 1;
  }
}

void CsvSplitter::finish(RecordSink& sink) {
  if (carry_.empty()) return;
  bool in_quotes = false;
  scan_for_record_end(carry_, 0, in_quotes, quote_);
  emit(carry_, count_line_breaks(carry_), sink, in_quotes);
  deliver(sink);  // the record is a view into carry_
  carry_.clear();
  carry_scanned_ = 0;
  carry_in_quotes_ = false;
}

void CsvSplitter::emit(std::string_view raw, std::size_t line_breaks_inside, RecordSink& sink,
                       bool unterminated_quote) {
  CsvRecord& record = batch_[batched_++];
  split_fields(raw, record);
  record.raw = raw;
  record.row = next_row_++;
  record.line = next_line_;
  record.unterminated_quote = unterminated_quote;
  next_line_ += line_breaks_inside + 1;
  // A record with fields in unescaped_ goes at once: the next quoted record rewrites it.
  if (!unescaped_.empty() || batched_ == batch_.size()) deliver(sink);
}

void CsvSplitter::split_fields(std::string_view raw, CsvRecord& record) {
  record.fields.clear();
  unescaped_.clear();
  // Reserved up front so that views into unescaped_ stay valid while the record is built.
  unescaped_.reserve(raw.size());
  std::size_t pos = 0;
  while (true) {
    if (pos < raw.size() && raw[pos] == quote_) {
      // Quoted field. Text after the closing quote, up to the delimiter, is kept as it is:
      // lenient like Excel, rather than refusing a whole row over one stray character.
      const std::size_t content_start = pos + 1;
      std::size_t cursor = content_start;
      bool needs_copy = false;
      std::size_t content_end = raw.size();
      while (cursor < raw.size()) {
        if (raw[cursor] == quote_) {
          if (cursor + 1 < raw.size() && raw[cursor + 1] == quote_) {
            needs_copy = true;
            cursor += 2;
            continue;
          }
          content_end = cursor;
          ++cursor;
          break;
        }
        ++cursor;
      }
      std::size_t field_end = raw.find(delimiter_, cursor);
      if (field_end == std::string_view::npos) field_end = raw.size();
      const bool has_tail = cursor < field_end;
      if (!needs_copy && !has_tail) {
        record.fields.push_back(raw.substr(content_start, content_end - content_start));
      } else {
        const std::size_t begin = unescaped_.size();
        for (std::size_t i = content_start; i < content_end; ++i) {
          unescaped_.push_back(raw[i]);
          if (raw[i] == quote_) ++i;  // "" → "
        }
        if (has_tail) unescaped_.append(raw.substr(cursor, field_end - cursor));
        record.fields.push_back(std::string_view(unescaped_).substr(begin));
      }
      pos = field_end;
    } else {
      std::size_t field_end = raw.find(delimiter_, pos);
      if (field_end == std::string_view::npos) field_end = raw.size();
      record.fields.push_back(raw.substr(pos, field_end - pos));
      pos = field_end;
    }
    if (pos >= raw.size()) break;
    ++pos;  // past the delimiter; a trailing delimiter yields a final empty field
    if (pos == raw.size()) {
      record.fields.push_back(std::string_view());
      break;
    }
  }
}

}  // namespace tierlens
