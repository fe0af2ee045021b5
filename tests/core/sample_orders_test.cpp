#include "tierlens/sample_orders.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace tierlens {
namespace {

TEST(SampleOrders, IsDeterministicAndDependsOnTheSeed) {
  EXPECT_EQ(generate_sample_orders(), generate_sample_orders());
  EXPECT_NE(generate_sample_orders(1), generate_sample_orders(2));
}

TEST(SampleOrders, ShowsEverySegmentAndThreeSkippedRowsToAFirstVisitor) {
  ClassificationSession session;
  ASSERT_TRUE(testing::run_session(session, generate_sample_orders()).ok());
  const Classification& result = *session.result();
  EXPECT_EQ(result.customer_count(), 420u);
  for (int s = 0; s < kSegmentCount; ++s) {
    EXPECT_GT(result.segment_totals[s].customers, 0u) << segment_name(static_cast<Segment>(s));
  }
  const RowAccounting& rows = result.ingest.rows;
  EXPECT_EQ(rows.skipped(), 3u);
  EXPECT_EQ(rows.skipped_by_reason[static_cast<int>(SkipReason::kMissingCustomerId)], 1u);
  EXPECT_EQ(rows.skipped_by_reason[static_cast<int>(SkipReason::kBadDate)], 1u);
  EXPECT_EQ(rows.skipped_by_reason[static_cast<int>(SkipReason::kBadAmount)], 1u);
  EXPECT_EQ(format_iso_date(result.analysis_date), "2026-01-01");
}

}  // namespace
}  // namespace tierlens
