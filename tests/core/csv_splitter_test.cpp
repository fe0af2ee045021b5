#include "tierlens/csv_splitter.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace tierlens {
namespace {

struct Collected {
  std::vector<std::vector<std::string>> fields;
  std::vector<std::string> raw;
  std::vector<std::uint64_t> rows, lines;
  std::vector<bool> unterminated;
};

class Collector : public RecordSink {
 public:
  Collected got;
  void on_record(const CsvRecord& record) override {
    got.fields.emplace_back(record.fields.begin(), record.fields.end());
    got.raw.emplace_back(record.raw);
    got.rows.push_back(record.row);
    got.lines.push_back(record.line);
    got.unterminated.push_back(record.unterminated_quote);
  }
};

Collected split(const std::string& text, std::size_t chunk_size, char delimiter = ',') {
  CsvSplitter splitter(delimiter);
  Collector collector;
  for (std::size_t at = 0; at < text.size(); at += chunk_size) {
    splitter.feed(std::string_view(text).substr(at, chunk_size), collector);
  }
  splitter.finish(collector);
  return collector.got;
}

using Rows = std::vector<std::vector<std::string>>;

TEST(CsvSplitter, Rfc4180Quoting) {
  const std::string text =
      "id,name,note\n"
      "1,\"Smith, John\",plain\n"
      "2,\"say \"\"hi\"\"\",\"two\nlines\"\n"
      "3,,\"\"\n";
  const Collected got = split(text, text.size());
  EXPECT_EQ(got.fields, (Rows{{"id", "name", "note"},
                              {"1", "Smith, John", "plain"},
                              {"2", "say \"hi\"", "two\nlines"},
                              {"3", "", ""}}));
  EXPECT_EQ(got.raw[2], "2,\"say \"\"hi\"\"\",\"two\nlines\"");
  EXPECT_EQ(got.lines, (std::vector<std::uint64_t>{1, 2, 3, 5}));
  EXPECT_EQ(got.rows, (std::vector<std::uint64_t>{1, 2, 3, 4}));
}

TEST(CsvSplitter, LineEndingsLfCrlfAndCr) {
  const Rows expected{{"a", "b"}, {"1", "2"}, {"3", "4"}};
  EXPECT_EQ(split("a,b\n1,2\n3,4\n", 100).fields, expected);
  EXPECT_EQ(split("a,b\r\n1,2\r\n3,4\r\n", 100).fields, expected);
  EXPECT_EQ(split("a,b\r1,2\r3,4", 100).fields, expected);
  EXPECT_EQ(split("a,b\r\n1,2\r\n3,4", 100).lines, (std::vector<std::uint64_t>{1, 2, 3}));
}

TEST(CsvSplitter, EveryChunkSizeGivesTheSameRecords) {
  const std::string text =
      "h1;h2;h3\r\n"
      "\"x;y\";\"multi\r\nline\";z\r\n"
      "\r\n"
      "1;\"\"\"\";3\r\n"
      "last;row;\"no newline\"";
  const Collected whole = split(text, text.size(), ';');
  ASSERT_EQ(whole.fields.size(), 5u);
  EXPECT_EQ(whole.fields[1], (std::vector<std::string>{"x;y", "multi\r\nline", "z"}));
  EXPECT_EQ(whole.fields[2], (std::vector<std::string>{""}));  // a blank line is a record
  EXPECT_EQ(whole.fields[3], (std::vector<std::string>{"1", "\"", "3"}));
  EXPECT_EQ(whole.lines, (std::vector<std::uint64_t>{1, 2, 4, 5, 6}));
  for (std::size_t chunk = 1; chunk <= text.size(); ++chunk) {
    const Collected got = split(text, chunk, ';');
    ASSERT_EQ(got.fields, whole.fields) << "chunk size " << chunk;
    ASSERT_EQ(got.raw, whole.raw) << "chunk size " << chunk;
    ASSERT_EQ(got.lines, whole.lines) << "chunk size " << chunk;
  }
}

/// Takes each batch as a whole, copying its records only once the last has arrived: a record
/// that a later one in its batch had overwritten would show.
class BatchCollector : public RecordSink {
 public:
  Collected got;
  std::vector<std::size_t> batch_sizes;
  void on_record(const CsvRecord&) override { ADD_FAILURE() << "records come in batches"; }
  void on_records(const CsvRecord* records, std::size_t count) override {
    batch_sizes.push_back(count);
    for (std::size_t i = 0; i < count; ++i) {
      got.fields.emplace_back(records[i].fields.begin(), records[i].fields.end());
      got.raw.emplace_back(records[i].raw);
      got.rows.push_back(records[i].row);
    }
  }
};

TEST(CsvSplitter, RecordsArriveInBatchesThatStayValidUntilTheCallEnds) {
  // Plain rows, rows whose fields need "" unescaping (kept in the splitter's own storage),
  // quoted line breaks and a last row without one.
  std::string text = "id,name,note\n";
  for (int i = 1; i <= 100; ++i) {
    const std::string n = std::to_string(i);
    if (i % 7 == 3) {
      text += n + ",\"say \"\"" + n + "\"\"\",\"x\"\"y\"\n";
    } else if (i % 11 == 5) {
      text += n + ",\"two\nlines " + n + "\",z\n";
    } else {
      text += n + ",name " + n + ",plain\n";
    }
  }
  text += "last,row,\"no newline\"";
  const Collected one_by_one = split(text, text.size());
  ASSERT_EQ(one_by_one.fields.size(), 102u);
  EXPECT_EQ(one_by_one.fields[3], (std::vector<std::string>{"3", "say \"3\"", "x\"y"}));
  EXPECT_EQ(one_by_one.fields[5], (std::vector<std::string>{"5", "two\nlines 5", "z"}));
  for (const std::size_t chunk : {std::size_t{1}, std::size_t{7}, std::size_t{64}, text.size()}) {
    CsvSplitter splitter(',');
    BatchCollector batches;
    for (std::size_t at = 0; at < text.size(); at += chunk) {
      splitter.feed(std::string_view(text).substr(at, chunk), batches);
    }
    splitter.finish(batches);
    EXPECT_EQ(batches.got.fields, one_by_one.fields) << "chunk size " << chunk;
    EXPECT_EQ(batches.got.raw, one_by_one.raw) << "chunk size " << chunk;
    EXPECT_EQ(batches.got.rows, one_by_one.rows) << "chunk size " << chunk;
    const std::size_t largest = *std::max_element(batches.batch_sizes.begin(), batches.batch_sizes.end());
    EXPECT_LE(largest, 32u) << "chunk size " << chunk;
    if (chunk >= 64) {
      EXPECT_GT(largest, 1u) << "chunk size " << chunk;
    }
  }
}

TEST(CsvSplitter, EveryChunkSizeGivesTheSameRecordsWithCarriageReturnsAlone) {
  // CR line endings, a blank line, and a quoted CR: a chunk may end at any of them.
  const std::string text = "a,b\r1,\"x\ry\"\r\r\"q\",2\r3,4\r";
  const Collected whole = split(text, text.size());
  EXPECT_EQ(whole.fields, (Rows{{"a", "b"}, {"1", "x\ry"}, {""}, {"q", "2"}, {"3", "4"}}));
  for (std::size_t chunk = 1; chunk <= text.size(); ++chunk) {
    const Collected got = split(text, chunk);
    ASSERT_EQ(got.fields, whole.fields) << "chunk size " << chunk;
    ASSERT_EQ(got.lines, whole.lines) << "chunk size " << chunk;
  }
  // Mixed endings: a CR alone, then an LF that starts the next chunk belongs to no CRLF.
  const std::string mixed = "ab\rc\nd\r\ne";
  for (std::size_t chunk = 1; chunk <= mixed.size(); ++chunk) {
    EXPECT_EQ(split(mixed, chunk).fields, (Rows{{"ab"}, {"c"}, {"d"}, {"e"}})) << "chunk size " << chunk;
  }
}

TEST(CsvSplitter, TrailingDelimiterGivesAnEmptyLastField) {
  EXPECT_EQ(split("a,b,\n", 10).fields, (Rows{{"a", "b", ""}}));
}

TEST(CsvSplitter, StrayTextAfterClosingQuoteIsKept) {
  EXPECT_EQ(split("\"12\" inch,x\n", 10).fields, (Rows{{"12 inch", "x"}}));
}

TEST(CsvSplitter, UnterminatedQuoteSwallowsTheRestAndIsFlagged) {
  for (const std::size_t chunk : {1u, 3u, 100u}) {
    const Collected got = split("a,b\n1,\"open\n2,3\n", chunk);
    ASSERT_EQ(got.fields.size(), 2u);
    EXPECT_FALSE(got.unterminated[0]);
    EXPECT_TRUE(got.unterminated[1]);
    EXPECT_EQ(got.raw[1], "1,\"open\n2,3\n");
  }
}

TEST(CsvSplitter, FindsTheEndOfTheFirstRecord) {
  EXPECT_EQ(find_record_end("a,\"b\nc\",d\nnext"), 9u);
  EXPECT_EQ(find_record_end("no line break"), 13u);
}

}  // namespace
}  // namespace tierlens
