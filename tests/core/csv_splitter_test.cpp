#include "tierlens/csv_splitter.h"

#include <gtest/gtest.h>

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
