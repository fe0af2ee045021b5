// The zip layer under .xlsx: archives built in the test (stored and deflated entries, a
// comment, ZIP64 records) read back; every defect is an error that names the file and entry.
#include "tierlens/zip_archive.h"

#include <gtest/gtest.h>

#include <string>

#include "zip_writer.h"

namespace tierlens {
namespace {

using testing::make_zip;
using testing::TestZipEntry;
using testing::TestZipOptions;

std::string read_entry(const ZipArchive& archive, const std::string& name,
                       Status* status = nullptr) {
  std::string contents;
  const Status read = archive.read_whole(name, contents);
  if (status) *status = read;
  EXPECT_TRUE(status || read.ok()) << read.message();
  return contents;
}

std::string big_text() {
  std::string text;
  for (int i = 0; i < 50000; ++i)
    text += "<c r=\"A" + std::to_string(i) + "\"><v>" + std::to_string(i * 7) + "</v></c>";
  return text;
}

TEST(ZipArchive, ReadsStoredAndDeflatedEntries) {
  const std::string big = big_text();
  for (const bool zip64 : {false, true}) {
    TestZipOptions options;
    options.zip64 = zip64;
    options.comment = "an archive comment, which the end record search must step over";
    const std::string zip = make_zip(
        {{"mimetype", "stored text"}, {"xl/Big.xml", big, true}, {"empty", "", true}}, options);
    ZipArchive archive;
    const Status opened = ZipArchive::open(zip, "book.xlsx", archive);
    ASSERT_TRUE(opened.ok()) << opened.message();
    ASSERT_EQ(archive.entries().size(), 3u);
    EXPECT_EQ(archive.entries()[1].name, "xl/Big.xml");
    EXPECT_EQ(archive.entries()[1].method, 8);
    EXPECT_EQ(archive.entries()[1].uncompressed_size, big.size());
    EXPECT_EQ(read_entry(archive, "mimetype"), "stored text");
    EXPECT_TRUE(read_entry(archive, "xl/big.xml") == big);  // part names ignore ASCII case
    EXPECT_EQ(read_entry(archive, "empty"), "");
    EXPECT_EQ(archive.find("nothing"), nullptr);
  }
}

TEST(ZipArchive, RefusesWhatIsNotAZip) {
  ZipArchive archive;
  EXPECT_EQ(ZipArchive::open("", "a.xlsx", archive).message(),
            "a.xlsx: not a zip archive (too short); an .xlsx workbook is a zip archive");
  const Status text = ZipArchive::open("id,date,amount\n1,2024-01-01,5\n", "orders.xlsx", archive);
  EXPECT_EQ(text.code(), ErrorCode::kBadWorkbook);
  EXPECT_EQ(text.message(),
            "orders.xlsx: not a zip archive (no end of central directory); an .xlsx workbook is a "
            "zip archive");
}

TEST(ZipArchive, RefusesTruncatedArchives) {
  const std::string zip = make_zip({{"a.xml", big_text(), true}});
  ZipArchive archive;
  // Cut before the end record: the directory is gone.
  EXPECT_EQ(ZipArchive::open(zip.substr(0, zip.size() / 2), "cut.xlsx", archive).message(),
            "cut.xlsx: the zip archive is truncated (its central directory is missing)");
  // The end record kept, the data before it cut out: the directory points past the start.
  const std::string tail = zip.substr(zip.size() - 200);
  EXPECT_EQ(ZipArchive::open(tail, "tail.xlsx", archive).message(),
            "tail.xlsx: the zip archive is truncated (its central directory is cut off)");
}

TEST(ZipArchive, ChecksEachEntrysCrc) {
  const std::string zip = make_zip(
      {{"stored.xml", "abc", false, 0, -1, true}, {"deflated.xml", big_text(), true, 0, -1, true}});
  ZipArchive archive;
  ASSERT_TRUE(ZipArchive::open(zip, "book.xlsx", archive).ok());
  Status status;
  read_entry(archive, "stored.xml", &status);
  EXPECT_EQ(status.message(), "book.xlsx: stored.xml is damaged: its CRC-32 does not match");
  read_entry(archive, "deflated.xml", &status);
  EXPECT_EQ(status.message(), "book.xlsx: deflated.xml is damaged: its CRC-32 does not match");
}

TEST(ZipArchive, RefusesEntriesItCannotRead) {
  const std::string zip = make_zip({{"secret.xml", "x", false, /*flags=*/1},
                                    {"bzip2.xml", "x", false, 0, /*method=*/12},
                                    {"damaged.xml", "xxxxxxxxxx", false, 0, /*method=*/8}});
  ZipArchive archive;
  ASSERT_TRUE(ZipArchive::open(zip, "book.xlsx", archive).ok());
  Status status;
  read_entry(archive, "secret.xml", &status);
  EXPECT_EQ(
      status.message(),
      "book.xlsx: secret.xml is encrypted; save the workbook without a password and try again");
  read_entry(archive, "bzip2.xml", &status);
  EXPECT_EQ(status.message(),
            "book.xlsx: bzip2.xml uses compression method 12; only stored (0) and deflate (8) "
            "entries can be read");
  read_entry(archive, "damaged.xml", &status);
  EXPECT_EQ(status.code(), ErrorCode::kBadWorkbook);
  EXPECT_EQ(status.message().rfind("book.xlsx: damaged.xml: corrupt compressed data at byte ", 0),
            0u)
      << status.message();
  read_entry(archive, "xl/workbook.xml", &status);
  EXPECT_EQ(status.message(), "book.xlsx: xl/workbook.xml is missing from the archive");
}

}  // namespace
}  // namespace tierlens
