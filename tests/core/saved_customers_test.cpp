// A customers.csv saved earlier, read back and compared with the run on screen (客户迁移
// against last quarter's file): hand-made files with known answers, the round trip through
// customers_csv, and the messages a damaged file gets.
#include <gtest/gtest.h>

#include "test_support.h"
#include "tierlens/reports.h"
#include "tierlens/saved_migration.h"
#include "two_quarters.h"

namespace tierlens {
namespace {

using testing::classify_text;

// The policy and the two quarters of tests/core/migration_test.cpp.
using testing::two_quarters::kAfter;
using testing::two_quarters::kBefore;
using testing::two_quarters::kPolicy;

const std::string kBom = "\xEF\xBB\xBF";
const std::string kHeader =
    "customer_id,first_order,last_order,recency,frequency,monetary,r_score,f_score,m_score,fm_score,segment_cell,"
    "segment,size,tier\r\n";

/// A row of kHeader's columns with made-up metrics: only the id and the labels matter here.
std::string row(const std::string& id, const std::string& segment, const std::string& size, const std::string& tier) {
  return id + ",2024-01-01,2024-01-01,10,1,50,3,3,3,3,33," + segment + "," + size + "," + tier + "\r\n";
}

SavedCustomers read_ok(const std::string& bytes, std::size_t chunk = 1 << 20) {
  SavedCustomersReader reader("q1-customers.csv");
  for (std::size_t at = 0; at < bytes.size(); at += chunk) {
    const Status status = reader.feed(std::string_view(bytes).substr(at, chunk));
    EXPECT_TRUE(status.ok()) << status.message();
  }
  SavedCustomers saved;
  const Status status = reader.finish(saved);
  EXPECT_TRUE(status.ok()) << status.message();
  return saved;
}

Status read_error(const std::string& bytes) {
  SavedCustomers saved;
  return read_saved_customers(bytes, "q1-customers.csv", saved);
}

TEST(SavedCustomers, ReadsTheIdsAndEveryLabelColumn) {
  const SavedCustomers saved =
      read_ok(kBom + kHeader + row("A", "Lost", "small", "normal") + row("B", "Champions", "big", "key"));
  EXPECT_EQ(saved.file_name, "q1-customers.csv");
  EXPECT_EQ(saved.ids, (std::vector<std::string>{"A", "B"}));
  ASSERT_EQ(saved.columns.size(), 3u);  // segment, size, tier: not the dates, the metrics or segment_cell
  EXPECT_EQ(saved.columns[0].field, "segment");
  EXPECT_EQ(saved.columns[1].field, "size");
  EXPECT_EQ(saved.columns[2].field, "tier");
  EXPECT_EQ(saved.columns[2].labels, (std::vector<std::string>{"normal", "key"}));  // as they first appear
  EXPECT_EQ(saved.columns[2].label_of, (std::vector<std::uint32_t>{0, 1}));
  EXPECT_EQ(saved.column("tier"), &saved.columns[2]);
  EXPECT_EQ(saved.column("region"), nullptr);
}

TEST(SavedCustomers, TheBomIsOptionalAndChunksMayCutAnywhere) {
  const std::string body = kHeader + row("A", "Lost", "small", "normal") + row("B", "Champions", "big", "key");
  for (const std::string& bytes : {kBom + body, body}) {
    for (const std::size_t chunk : {std::size_t{1}, std::size_t{7}, bytes.size()}) {
      const SavedCustomers saved = read_ok(bytes, chunk);
      EXPECT_EQ(saved.ids, (std::vector<std::string>{"A", "B"})) << "chunk " << chunk;
      EXPECT_EQ(saved.columns[0].field, "segment");  // the BOM is not part of the first header
    }
  }
}

TEST(SavedCustomers, ACellGuardedAgainstFormulasReadsAsWritten) {
  // customers_csv wrote the ids "-7" and "=X" as "'-7" and "'=X"; an apostrophe before a
  // letter is the customer's own.
  const SavedCustomers saved = read_ok(kBom + kHeader + row("\"'-7\"", "Lost", "small", "normal") +
                                       row("\"'=X\"", "Lost", "small", "normal") + row("'Ok", "Lost", "small", "normal"));
  EXPECT_EQ(saved.ids, (std::vector<std::string>{"-7", "=X", "'Ok"}));
}

TEST(SavedCustomers, AFileExcelSavedAgainAsGbkIsRead) {
  // 重点 and 维护 in GBK, as Chinese Excel saves "CSV": no BOM, not UTF-8.
  const std::string key = "\xD6\xD8\xB5\xE3", care = "\xCE\xAC\xBB\xA4";
  const SavedCustomers saved = read_ok("customer_id,segment,tier\r\nA,Lost," + key + "\r\nB,Lost," + care + "\r\n");
  EXPECT_EQ(saved.column("tier")->labels, (std::vector<std::string>{"重点", "维护"}));
}

TEST(SavedCustomers, TheFileTheCliWritesReadsBackToTheSameMigration) {
  // customers_csv of last quarter's run, compared with this quarter's, must say what comparing
  // the two runs says, for every field.
  const Classification before = classify_text(kBefore, kPolicy);
  const Classification after = classify_text(kAfter, kPolicy);
  const SavedCustomers saved = read_ok(customers_csv(before));
  for (const char* field : {"tier", "segment", "size"}) {
    Migration from_runs, from_file;
    ASSERT_TRUE(compare_runs(before, after, field, from_runs).ok());
    const Status status = compare_with_saved(saved, after, field, from_file);
    ASSERT_TRUE(status.ok()) << status.message();
    EXPECT_EQ(migration_json(from_file), migration_json(from_runs)) << field;
    EXPECT_EQ(migration_csv(from_file), migration_csv(from_runs)) << field;
  }
}

TEST(SavedCustomers, ACustomerInOneFileOnlyIsNewOrGone) {
  const Classification after = classify_text(kAfter, kPolicy);  // A key, B normal, C key, D normal
  // E is only in the file (gone); C is only in the run (new); A stays normal → key (up).
  const SavedCustomers saved = read_ok(kBom + kHeader + row("A", "Lost", "small", "normal") +
                                       row("B", "Lost", "big", "key") + row("D", "Lost", "small", "normal") +
                                       row("E", "Lost", "big", "key"));
  Migration migration;
  ASSERT_TRUE(compare_with_saved(saved, after, "tier", migration).ok());
  EXPECT_EQ(migration.labels, (std::vector<std::string>{"key", "normal"}));
  EXPECT_EQ(migration.matrix, (std::vector<std::vector<std::uint64_t>>{{0, 1, 1}, {1, 1, 0}, {1, 0, 0}}));
  EXPECT_EQ(migration_csv(migration),
            kBom + "customer_id,before,after,move\r\nA,normal,key,up\r\nB,key,normal,down\r\nC,,key,new\r\n"
                   "E,key,,gone\r\n");
}

TEST(SavedCustomers, ALabelTheCurrentPolicyDoesNotKnowComesAfterItsOwn) {
  const Classification after = classify_text(kAfter, kPolicy);
  // Last quarter's policy had a tier "vip" (A) and "watch" (D) that the current one lacks:
  // they follow the current tiers, in the order the file has them, so A (vip → key) moved up
  // and nobody stays in them.
  const SavedCustomers saved = read_ok(kBom + kHeader + row("A", "Lost", "small", "vip") +
                                       row("B", "Lost", "big", "key") + row("C", "Lost", "big", "key") +
                                       row("D", "Lost", "small", "watch"));
  Migration migration;
  ASSERT_TRUE(compare_with_saved(saved, after, "tier", migration).ok());
  EXPECT_EQ(migration.labels, (std::vector<std::string>{"key", "normal", "vip", "watch"}));
  EXPECT_EQ(migration.matrix, (std::vector<std::vector<std::uint64_t>>{
                                  {1, 1, 0, 0, 0},  // key: C stays, B → normal
                                  {0, 0, 0, 0, 0},
                                  {1, 0, 0, 0, 0},  // vip: A → key
                                  {0, 1, 0, 0, 0},  // watch: D → normal
                                  {0, 0, 0, 0, 0}}));
  EXPECT_EQ(migration.counts[static_cast<int>(Move::kUp)], 2u);    // A, D
  EXPECT_EQ(migration.counts[static_cast<int>(Move::kDown)], 1u);  // B
  EXPECT_EQ(migration.counts[static_cast<int>(Move::kSame)], 1u);  // C
}

TEST(SavedCustomers, AFieldTheFileOrTheRunLacksIsRefused) {
  const Classification after = classify_text(kAfter, kPolicy);
  const SavedCustomers saved = read_ok(kBom + "customer_id,segment\r\nA,Lost\r\n");
  Migration migration;
  const Status missing = compare_with_saved(saved, after, "tier", migration);
  EXPECT_EQ(missing.code(), ErrorCode::kInvalidOptions);
  EXPECT_EQ(missing.message(), "q1-customers.csv has no column \"tier\" to compare; it has segment");
  EXPECT_EQ(compare_with_saved(saved, after, "region", migration).message(),
            "the current run has no dimension \"region\"; compare \"tier\", \"segment\" or a dimension id");
  EXPECT_TRUE(compare_with_saved(saved, after, "segment", migration).ok());
}

TEST(SavedCustomers, ADamagedFileNamesTheFileRowAndColumn) {
  struct Case {
    std::string bytes;
    ErrorCode code;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"", ErrorCode::kEmptyFile, "q1-customers.csv: the file is empty; expected a customers.csv saved by TierLens"},
      {"customer_id,date,amount\r\nA,2024-01-01,5\r\n", ErrorCode::kBadSavedFile,
       "q1-customers.csv, row 1: no segment column: this is not a customers.csv saved by TierLens (its columns "
       "are customer_id, …, segment, then a column per dimension and the tier)"},
      {"id,segment\r\nA,Lost\r\n", ErrorCode::kBadSavedFile,
       "q1-customers.csv, row 1: no customer_id column: this is not a customers.csv saved by TierLens (its "
       "columns are customer_id, …, segment, then a column per dimension and the tier)"},
      {kHeader + row("A", "Lost", "small", "normal") + "B,2024-01-01,Lost\r\n", ErrorCode::kBadSavedFile,
       "q1-customers.csv, row 3: 3 cells where the header has 14"},
      {kHeader + row("", "Lost", "small", "normal"), ErrorCode::kBadSavedFile,
       "q1-customers.csv, row 2, column customer_id: the customer id is empty"},
      {kHeader + row("A", "Lost", "small", "normal") + row("B", "Lost", "small", "normal") +
           row("A", "Lost", "big", "key"),
       ErrorCode::kBadSavedFile,
       "q1-customers.csv, row 4, column customer_id: \"A\" is already on row 2; a customers.csv has one row per "
       "customer"},
      {"customer_id,segment,tier,tier\r\nA,Lost,key,key\r\n", ErrorCode::kBadSavedFile,
       "q1-customers.csv, row 1, column tier: the column appears twice"},
      // A quoted cell over two lines moves the next row's line; the message gives both.
      {"customer_id,customer_name,segment\r\nA,\"Two\r\nlines\",Lost\r\nB,\"open,Lost\r\n", ErrorCode::kBadSavedFile,
       "q1-customers.csv, row 3 (line 4): a quoted cell is not closed before the end of the file"},
  };
  for (const Case& c : cases) {
    const Status status = read_error(c.bytes);
    EXPECT_EQ(status.code(), c.code) << c.bytes;
    EXPECT_EQ(status.message(), c.message) << c.bytes;
  }
}

TEST(SavedCustomers, NothingIsReadAfterTheEnd) {
  SavedCustomersReader reader("q1-customers.csv");
  SavedCustomers saved;
  ASSERT_TRUE(reader.feed(kHeader).ok());
  ASSERT_TRUE(reader.finish(saved).ok());
  EXPECT_EQ(reader.feed("A").code(), ErrorCode::kInvalidState);
  EXPECT_TRUE(saved.ids.empty());
}

}  // namespace
}  // namespace tierlens
