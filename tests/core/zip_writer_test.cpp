// The DEFLATE encoder and zip writer, checked against zlib (the reference) and the core's own
// readers: every stream decodes to its input, and the same input gives the same bytes.
#include "tierlens/zip_writer.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <random>
#include <string>

#include "tierlens/deflate.h"
#include "tierlens/inflate.h"
#include "tierlens/zip_archive.h"

namespace tierlens {
namespace {

std::string zlib_inflate_raw(const std::string& compressed, std::size_t expected_size) {
  std::string out(expected_size + 64, '\0');
  z_stream stream{};
  inflateInit2(&stream, -15);
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int result = inflate(&stream, Z_FINISH);
  EXPECT_EQ(result, Z_STREAM_END) << "zlib: " << (stream.msg ? stream.msg : "");
  EXPECT_EQ(stream.avail_in, 0u) << "bytes after the final block";
  out.resize(stream.total_out);
  inflateEnd(&stream);
  return out;
}

std::string core_inflate(const std::string& compressed) {
  std::string out;
  const Status status = inflate_raw(compressed, [&](std::string_view bytes) {
    out.append(bytes);
    return true;
  });
  EXPECT_TRUE(status.ok()) << status.message();
  return out;
}

/// Inputs that exercise literals, long and overlapping matches, the 64 KiB block and 32 KiB
/// window edges, bytes that do not compress (stored blocks) and text in Chinese.
std::vector<std::pair<std::string, std::string>> inputs() {
  std::mt19937 random(7);
  std::vector<std::pair<std::string, std::string>> cases = {{"empty", ""}, {"one byte", "x"}, {"two", "ab"}};
  std::string runs(300000, 'a');
  cases.emplace_back("one long run", runs);
  std::string noise;
  for (int i = 0; i < 200000; ++i) noise += static_cast<char>(random());
  cases.emplace_back("random bytes", noise);
  std::string xml;
  for (int i = 0; xml.size() < 3'000'000; ++i) {
    xml += "<row r=\"" + std::to_string(i) + "\"><c r=\"A" + std::to_string(i) + "\" t=\"s\"><v>" +
           std::to_string(random() % 5000) + "</v></c><c s=\"3\"><v>" + std::to_string(random() % 100000) + ".5</v></c></row>";
  }
  cases.emplace_back("sheet XML", xml);
  std::string chinese;
  for (int i = 0; i < 40000; ++i) chinese += "客户" + std::to_string(random() % 997) + "，重要价值客户；";
  cases.emplace_back("Chinese text", chinese);
  for (const std::size_t size : {65535u, 65536u, 65537u, 65536u + 258u, 32768u + 3u}) {
    std::string edge;
    for (std::size_t i = 0; i < size; ++i) edge += static_cast<char>('a' + (i * i) % 7);
    cases.emplace_back("periodic, " + std::to_string(size) + " bytes", edge);
  }
  cases.emplace_back("noise then its repeat 32 KiB back", noise.substr(0, 32768) + noise.substr(0, 32768) + noise.substr(0, 100));
  return cases;
}

TEST(Deflate, EveryStreamInflatesToItsInputWithZlibAndTheCore) {
  for (const auto& [name, input] : inputs()) {
    const std::string compressed = deflate_raw(input);
    EXPECT_EQ(zlib_inflate_raw(compressed, input.size()), input) << name;
    EXPECT_EQ(core_inflate(compressed), input) << name;
  }
}

TEST(Deflate, CompressesSheetXmlAndNeverGrowsMuch) {
  for (const auto& [name, input] : inputs()) {
    const std::string compressed = deflate_raw(input);
    // A stored block costs 5 bytes per 60 KiB block, the final block 2.
    EXPECT_LE(compressed.size(), input.size() + 5 * (input.size() / (60 * 1024) + 1) + 2) << name;
    if (name == "sheet XML") {
      EXPECT_LT(compressed.size() * 4, input.size()) << name;
    }
  }
}

TEST(Deflate, TheSameBytesHoweverTheyAreWritten) {
  for (const auto& [name, input] : inputs()) {
    std::string pieces;
    DeflateEncoder encoder(pieces);
    for (std::size_t at = 0; at < input.size(); at += 1000) encoder.write(std::string_view(input).substr(at, 1000));
    encoder.finish();
    EXPECT_EQ(pieces, deflate_raw(input)) << name;
  }
}

TEST(ZipWriter, EntriesReadBackWithTheirNamesCrcsAndBytes) {
  ZipWriter zip;
  zip.add("[Content_Types].xml", "<Types/>");
  zip.begin_entry("xl/worksheets/sheet1.xml");
  const std::string xml = inputs()[5].second;
  for (std::size_t at = 0; at < xml.size(); at += 70000) zip.write(std::string_view(xml).substr(at, 70000));
  zip.add("empty", "");
  zip.add("数据/说明.txt", "中文");
  const std::string bytes = zip.finish();

  ZipArchive archive;
  ASSERT_TRUE(ZipArchive::open(bytes, "test.zip", archive).ok());
  ASSERT_EQ(archive.entries().size(), 4u);
  EXPECT_EQ(archive.entries()[0].name, "[Content_Types].xml");
  EXPECT_EQ(archive.entries()[3].name, "数据/说明.txt");
  EXPECT_EQ(archive.entries()[3].flags, 0x0800);  // a UTF-8 name says so
  EXPECT_EQ(archive.entries()[1].method, 8);
  EXPECT_EQ(archive.entries()[1].uncompressed_size, xml.size());
  for (const auto& [name, want] : std::vector<std::pair<std::string, std::string>>{
           {"[Content_Types].xml", "<Types/>"}, {"xl/worksheets/sheet1.xml", xml}, {"empty", ""}, {"数据/说明.txt", "中文"}}) {
    std::string got;
    ASSERT_TRUE(archive.read_whole(name, got).ok()) << name;  // the CRC-32 is checked too
    EXPECT_EQ(got, want) << name;
  }
  // Every timestamp is 1980-01-01 00:00: local header bytes 10–13.
  EXPECT_EQ(bytes.substr(10, 4), std::string("\x00\x00\x21\x00", 4));
}

TEST(ZipWriter, AnEmptyArchiveIsJustTheEndRecord) {
  ZipWriter zip;
  const std::string bytes = zip.finish();
  EXPECT_EQ(bytes.size(), 22u);
  ZipArchive archive;
  EXPECT_TRUE(ZipArchive::open(bytes, "empty.zip", archive).ok());
  EXPECT_TRUE(archive.entries().empty());
}

}  // namespace
}  // namespace tierlens
