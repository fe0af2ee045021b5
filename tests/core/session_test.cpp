#include "tierlens/session.h"

#include <gtest/gtest.h>

#include "test_support.h"
#include "tierlens/reports.h"
#include "tierlens/sample_orders.h"

namespace tierlens {
namespace {

using testing::fixture_path;
using testing::read_file;
using testing::run_session;

struct Reports {
  std::string customers, summary, skipped;
  bool operator==(const Reports& other) const {
    return customers == other.customers && summary == other.summary && skipped == other.skipped;
  }
};

Reports reports_for(const std::string& bytes, std::size_t chunk) {
  ClassificationSession session;
  const Status status = run_session(session, bytes, {}, chunk);
  EXPECT_TRUE(status.ok()) << status.message();
  const Classification& result = *session.result();
  return {customers_csv(result), summary_json(result), skipped_csv(result)};
}

TEST(Session, ChunkBoundariesNeverChangeTheResult) {
  for (const char* name : {"tiny_orders.csv", "messy_orders.csv", "chinese_orders.tsv"}) {
    const std::string bytes = read_file(fixture_path(name));
    const Reports whole = reports_for(bytes, bytes.size());
    for (std::size_t chunk = 1; chunk <= 64; ++chunk) {
      ASSERT_TRUE(reports_for(bytes, chunk) == whole) << name << ", chunk size " << chunk;
    }
  }
  const std::string sample = generate_sample_orders();
  const Reports whole = reports_for(sample, sample.size());
  for (const std::size_t chunk : {1u, 7u, 4096u, 65537u}) {
    ASSERT_TRUE(reports_for(sample, chunk) == whole) << "sample, chunk size " << chunk;
  }
}

TEST(Session, CallsOutOfOrderAreErrors) {
  ClassificationSession session;
  EXPECT_EQ(session.feed("x").code(), ErrorCode::kInvalidState);
  EXPECT_EQ(session.finish().code(), ErrorCode::kInvalidState);
  EXPECT_EQ(session.result(), nullptr);
}

TEST(Session, BeginForgetsTheEarlierResult) {
  ClassificationSession session;
  ASSERT_TRUE(run_session(session, read_file(fixture_path("tiny_orders.csv"))).ok());
  ASSERT_NE(session.result(), nullptr);
  ASSERT_TRUE(session.begin({}).ok());
  EXPECT_EQ(session.result(), nullptr);
}

TEST(Session, InvalidOptionsStartNothing) {
  ClassificationSession session;
  ASSERT_TRUE(run_session(session, read_file(fixture_path("tiny_orders.csv"))).ok());
  ClassifyOptions bad;
  bad.bins = 1;
  EXPECT_EQ(session.begin(bad).code(), ErrorCode::kInvalidOptions);
  EXPECT_EQ(session.result(), nullptr);
  EXPECT_EQ(session.feed("customer,date,amount\n").code(), ErrorCode::kInvalidState);
}

TEST(Session, SortedOrdersBreakTiesById) {
  ClassificationSession session;
  ASSERT_TRUE(run_session(session, read_file(fixture_path("tiny_orders.csv"))).ok());
  const auto ids = [&](CustomerSortKey key, bool descending) {
    std::string text;
    for (const std::uint32_t i : session.customer_order(key, descending)) {
      text += session.result()->ingest.customers.id[i];
    }
    return text;
  };
  EXPECT_EQ(ids(CustomerSortKey::kCustomerId, false), "ABCDE");
  EXPECT_EQ(ids(CustomerSortKey::kMonetary, true), "BDAEC");
  EXPECT_EQ(ids(CustomerSortKey::kFrequency, false), "BCEAD");  // B, C, E tie at 1: by id
  // Catalogue order: Loyal (A), Potential Loyalists (E), Promising (C), Needing Attention (B),
  // Can't Lose Them (D).
  EXPECT_EQ(ids(CustomerSortKey::kSegment, false), "AECBD");
}

}  // namespace
}  // namespace tierlens
