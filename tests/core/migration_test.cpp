// Comparing two runs: the matrix of tier moves, the list of customers who moved, and the
// files a user downloads; hand-made orders with known answers.
#include <gtest/gtest.h>

#include "test_support.h"
#include "two_quarters.h"
#include "tierlens/migration.h"

namespace tierlens {
namespace {

using testing::classify_text;

using testing::two_quarters::kAfter;
using testing::two_quarters::kBefore;
using testing::two_quarters::kPolicy;

TEST(Migration, CountsEveryCustomerOnceAndListsThoseWhoMoved) {
  const Classification before = classify_text(kBefore, kPolicy);
  const Classification after = classify_text(kAfter, kPolicy);
  Migration migration;
  ASSERT_TRUE(compare_runs(before, after, "tier", migration).ok());
  EXPECT_EQ(migration.labels, (std::vector<std::string>{"key", "normal"}));
  // Rows: key, normal, new; columns: key, normal, gone.
  EXPECT_EQ(migration.matrix, (std::vector<std::vector<std::uint64_t>>{{0, 1, 1}, {1, 1, 0}, {1, 0, 0}}));
  EXPECT_EQ(migration.counts[static_cast<int>(Move::kUp)], 1u);
  EXPECT_EQ(migration.counts[static_cast<int>(Move::kDown)], 1u);
  EXPECT_EQ(migration.counts[static_cast<int>(Move::kSame)], 1u);
  EXPECT_EQ(migration.counts[static_cast<int>(Move::kNew)], 1u);
  EXPECT_EQ(migration.counts[static_cast<int>(Move::kGone)], 1u);
  ASSERT_EQ(migration.moves.size(), 4u);  // by id: A up, B down, C new, E gone
  EXPECT_EQ(migration.moves[0].customer_id, "A");
  EXPECT_EQ(migration.moves[0].move, Move::kUp);
  EXPECT_EQ(migration.moves[1].move, Move::kDown);
  EXPECT_EQ(migration.moves[2].before, "");
  EXPECT_EQ(migration.moves[2].after, "key");
  EXPECT_EQ(migration.moves[3].move, Move::kGone);
  EXPECT_EQ(migration_csv(migration),
            "\xEF\xBB\xBF" "customer_id,before,after,move\r\nA,normal,key,up\r\nB,key,normal,down\r\nC,,key,new\r\n"
            "E,key,,gone\r\n");
}

TEST(Migration, TheSameOrdersAsOfTwoDatesCompareAnyDimension) {
  ClassifyOptions early, late;
  ASSERT_TRUE(parse_policy_json(kPolicy, early).ok());
  late = early;
  early.analysis_date = days_from_civil(2024, 1, 31);
  late.analysis_date = days_from_civil(2024, 3, 31);
  ClassificationSession first, second;
  ASSERT_TRUE(testing::run_session(first, kAfter, early).ok());
  ASSERT_TRUE(testing::run_session(second, kAfter, late).ok());
  Migration migration;
  ASSERT_TRUE(compare_runs(*first.result(), *second.result(), "size", migration).ok());
  // As of January: A 50 small, B 200 big, D 30 small; C has not bought yet.
  EXPECT_EQ(migration.counts[static_cast<int>(Move::kUp)], 1u);    // A
  EXPECT_EQ(migration.counts[static_cast<int>(Move::kDown)], 1u);  // B
  EXPECT_EQ(migration.counts[static_cast<int>(Move::kNew)], 1u);   // C
  EXPECT_EQ(migration.counts[static_cast<int>(Move::kGone)], 0u);
  EXPECT_NE(migration_json(migration).find("\"up\": 1"), std::string::npos);
}

TEST(Migration, AFieldOneRunLacksIsRefused) {
  const Classification before = classify_text(kBefore, kPolicy);
  const Classification no_tiers = classify_text(kAfter, R"({"tierlens_policy": 1})");
  Migration migration;
  EXPECT_EQ(compare_runs(before, no_tiers, "tier", migration).message(), "the later run's policy has no tiers");
  EXPECT_EQ(compare_runs(before, before, "region", migration).message(),
            "the earlier run has no dimension \"region\"; compare \"tier\", \"segment\" or a dimension id");
  ASSERT_TRUE(compare_runs(before, no_tiers, "segment", migration).ok());
}

}  // namespace
}  // namespace tierlens
