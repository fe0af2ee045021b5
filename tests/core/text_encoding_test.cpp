// Files in GBK/GB18030 and UTF-16 read exactly as their UTF-8 original; a workbook renamed
// .csv is refused with a message that says what it is.
#include <gtest/gtest.h>

#include "test_support.h"
#include "tierlens/reports.h"
#include "tierlens/text_encoding.h"

namespace tierlens {
namespace {

using testing::fixture_path;
using testing::read_file;
using testing::run_session;

/// Converts `bytes` in chunks of `chunk` bytes: characters cut by a boundary must survive.
std::string to_utf8(TextEncoding encoding, std::string_view bytes, std::size_t chunk,
                    std::uint64_t* replaced = nullptr) {
  Utf8Transcoder transcoder(encoding);
  std::string out;
  for (std::size_t at = 0; at < bytes.size(); at += chunk) transcoder.convert(bytes.substr(at, chunk), out);
  transcoder.finish(out);
  if (replaced) *replaced = transcoder.replaced();
  return out;
}

TEST(TextEncoding, GuessesFromTheByteOrderMarkThenFromValidity) {
  const auto guess = [](std::string_view head, bool whole = true) { return guess_text_encoding(head, whole); };
  EXPECT_EQ(guess("\xEF\xBB\xBF" "a,b").encoding, TextEncoding::kUtf8);
  EXPECT_EQ(guess("\xEF\xBB\xBF" "a,b").bom_bytes, 3u);
  EXPECT_EQ(guess("\xFF\xFE" "a\0").encoding, TextEncoding::kUtf16Le);
  EXPECT_EQ(guess("\xFE\xFF" "\0a").encoding, TextEncoding::kUtf16Be);
  EXPECT_EQ(guess("id,客户\n").encoding, TextEncoding::kUtf8);  // valid UTF-8
  // "客户" in GBK is BF CD BB A7: not UTF-8, valid GB18030.
  EXPECT_EQ(guess("id,\xBF\xCD\xBB\xA7\n").encoding, TextEncoding::kGb18030);
  EXPECT_EQ(guess("id,\xBF\xCD\xBB\xA7\n").basis, EncodingGuess::Basis::kValidGb18030);
  // A head cut inside "中" (E4 B8 AD) is still UTF-8 while the file goes on, not at its end.
  EXPECT_EQ(guess("id,\xE4\xB8", /*whole=*/false).encoding, TextEncoding::kUtf8);
  EXPECT_EQ(guess("id,\xE4\xB8", /*whole=*/true).basis, EncodingGuess::Basis::kValidGb18030);
  // 0xFF is valid in neither: read as UTF-8, and the run warns.
  EXPECT_EQ(guess("id,\xFF\n").basis, EncodingGuess::Basis::kNeither);
}

TEST(TextEncoding, NamesUsersGive) {
  EXPECT_EQ(parse_text_encoding("GBK"), TextEncoding::kGb18030);
  EXPECT_EQ(parse_text_encoding("gb2312"), TextEncoding::kGb18030);
  EXPECT_EQ(parse_text_encoding("UTF8"), TextEncoding::kUtf8);
  EXPECT_EQ(parse_text_encoding("utf-16"), TextEncoding::kUtf16Le);
  EXPECT_EQ(parse_text_encoding("UTF-16BE"), TextEncoding::kUtf16Be);
  EXPECT_FALSE(parse_text_encoding("latin1").has_value());
}

TEST(TextEncoding, Gb18030TwoAndFourByteCodesInAnyChunking) {
  // 中文 (D6D0 CEC4), ¥ (four bytes 81 30 84 36), € (A2E3), 𐀀 (90 30 81 30: a supplementary plane)
  const std::string gb = "\xD6\xD0\xCE\xC4,\x81\x30\x84\x36,\xA2\xE3,\x90\x30\x81\x30";
  const std::string utf8 = "中文,¥,€,\xF0\x90\x80\x80";
  for (const std::size_t chunk : {1u, 2u, 3u, 5u, 100u}) {
    std::uint64_t replaced = 99;
    EXPECT_EQ(to_utf8(TextEncoding::kGb18030, gb, chunk, &replaced), utf8) << chunk;
    EXPECT_EQ(replaced, 0u);
  }
}

TEST(TextEncoding, MalformedBytesBecomeReplacementCharactersAndAreCounted) {
  std::uint64_t replaced = 0;
  // 0x80 is never a lead byte; D6 followed by the end of the file is cut short.
  EXPECT_EQ(to_utf8(TextEncoding::kGb18030, "a\x80" "b\xD6", 1, &replaced), "a\uFFFD" "b\uFFFD");
  EXPECT_EQ(replaced, 2u);
  // A lone low surrogate in UTF-16LE.
  EXPECT_EQ(to_utf8(TextEncoding::kUtf16Le, std::string("a\0\x00\xDC", 4), 1, &replaced), "a\uFFFD");
  EXPECT_EQ(replaced, 1u);
}

TEST(TextEncoding, Utf16SurrogatePairsAcrossChunks) {
  const std::string le("\x2D\x4E\x00\xD8\x00\xDC", 6);  // 中 then U+10000
  const std::string be("\x4E\x2D\xD8\x00\xDC\x00", 6);
  for (const std::size_t chunk : {1u, 3u, 5u}) {
    EXPECT_EQ(to_utf8(TextEncoding::kUtf16Le, le, chunk), "中\xF0\x90\x80\x80") << chunk;
    EXPECT_EQ(to_utf8(TextEncoding::kUtf16Be, be, chunk), "中\xF0\x90\x80\x80") << chunk;
  }
}

TEST(TextEncoding, GbkAndUtf16FilesClassifyExactlyAsTheirUtf8Original) {
  const auto classify = [](const std::string& name, std::size_t chunk) {
    const Classification result = testing::classify_fixture(name, chunk);
    return std::pair{customers_csv(result), result.ingest.input};
  };
  const auto [original, utf8_input] = classify("chinese_orders.tsv", 1 << 20);
  ASSERT_NE(original.find("上海华盛机械有限公司"), std::string::npos);
  EXPECT_EQ(utf8_input.encoding_source, "byte order mark");
  const std::pair<const char*, TextEncoding> copies[] = {
      {"chinese_orders_gbk.tsv", TextEncoding::kGb18030},
      {"chinese_orders_utf16le.tsv", TextEncoding::kUtf16Le},
      {"chinese_orders_utf16be.tsv", TextEncoding::kUtf16Be}};
  for (const auto& [name, encoding] : copies) {
    for (const std::size_t chunk : {1u, 7u, 1u << 20}) {
      const auto [csv, input] = classify(name, chunk);
      EXPECT_EQ(csv, original) << name << " in " << chunk << "-byte chunks";
      EXPECT_EQ(input.encoding, encoding) << name;
      EXPECT_EQ(input.replaced_characters, 0u) << name;
      EXPECT_EQ(input.header[1], "客户编号") << name;
    }
  }
}

TEST(TextEncoding, TheUserCanSayTheEncoding) {
  // A header that is valid UTF-8 and valid GB18030 alike is read the way the user says.
  const std::string gb = "customer_id,date,amount,\xD6\xD0\xCE\xC4\nA,2024-01-02,5,x\n";
  ClassificationSession session;
  ClassifyOptions options;
  options.encoding = TextEncoding::kGb18030;
  ASSERT_TRUE(run_session(session, gb, options).ok());
  EXPECT_EQ(session.result()->ingest.input.header[3], "中文");
  EXPECT_EQ(session.result()->ingest.input.encoding_source, "given");
}

TEST(TextEncoding, AFileIsReadForWhatItIsNotForItsName) {
  ClassificationSession session;
  ClassifyOptions options;
  options.file_name = "workbook-renamed.csv";
  // The first bytes of a workbook: read as one whatever its name, and refused as damaged.
  const Status status = run_session(session, read_file(fixture_path("not-text/workbook-renamed.csv")), options);
  EXPECT_EQ(status.code(), ErrorCode::kBadWorkbook);
  EXPECT_EQ(status.message(), "workbook-renamed.csv: the zip archive is truncated (its central directory is missing)");
  const Status binary = run_session(session, std::string("id,date\0\x01\x02", 10), options);
  EXPECT_EQ(binary.code(), ErrorCode::kNotText);
  EXPECT_NE(binary.message().find("not a text file"), std::string::npos);
}

}  // namespace
}  // namespace tierlens
