// A customer's order history for the profile card, from the order log a run keeps on request.
#include <gtest/gtest.h>

#include "test_support.h"
#include "tierlens/customer_history.h"

namespace tierlens {
namespace {

TEST(CustomerHistory, OneEntryPerDayOldestFirstWithPurchasesAndReturnsApart) {
  ClassifyOptions options;
  options.keep_order_log = true;
  ClassificationSession session;
  ASSERT_TRUE(testing::run_session(session,
                                   "customer_id,order_id,date,amount\n"
                                   "A,1,2024-03-01,10.50\nB,2,2024-01-01,7\nA,1,2024-03-01,4.50\n"
                                   "A,3,2024-01-15,20\nA,4,2024-03-01,-5\nA,5,2024-02-01,-3\n",
                                   options)
                  .ok());
  const Classification& result = *session.result();
  const CustomerHistory history = customer_history(result, 0);  // A, the first customer seen
  ASSERT_TRUE(history.kept);
  EXPECT_EQ(history.day, (std::vector<DayNumber>{days_from_civil(2024, 1, 15), days_from_civil(2024, 2, 1),
                                                 days_from_civil(2024, 3, 1)}));
  EXPECT_EQ(history.purchases, (std::vector<Micros>{20'000'000, 0, 15'000'000}));
  EXPECT_EQ(history.returns, (std::vector<Micros>{0, 3'000'000, 5'000'000}));
}

TEST(CustomerHistory, ARunWithoutTheLogSaysSo) {
  ClassificationSession session;
  ASSERT_TRUE(testing::run_session(session, "customer_id,date,amount\nA,2024-03-01,10\n").ok());
  const CustomerHistory history = customer_history(*session.result(), 0);
  EXPECT_FALSE(history.kept);
  EXPECT_TRUE(history.day.empty());
}

}  // namespace
}  // namespace tierlens
