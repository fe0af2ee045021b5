// The reader's two hash tables: customer ids to numbers, and the (customer, order) pairs
// that count distinct orders. Both must answer exactly what a std::map would, through growth,
// reservation and (for orders) the switch from the rising-ids log to the table.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "tierlens/byte_hash.h"
#include "tierlens/customer_id_index.h"
#include "tierlens/order_key_set.h"

namespace tierlens {
namespace {

TEST(ByteHash, DependsOnEveryByteAndTheLength) {
  EXPECT_NE(hash_bytes("C0001"), hash_bytes("C0002"));
  EXPECT_NE(hash_bytes("abcdefgh1"), hash_bytes("abcdefgh2"));  // the byte past the first block
  EXPECT_NE(hash_bytes(std::string_view("a\0", 2)), hash_bytes("a"));
  EXPECT_NE(hash_bytes(""), hash_bytes(std::string_view("\0", 1)));
  EXPECT_EQ(hash_bytes("same id"), hash_bytes(std::string("same id")));
}

TEST(CustomerIdIndex, NumbersIdsInOrderOfFirstAppearance) {
  CustomerIdIndex index;
  std::vector<std::string> ids;
  std::map<std::string, std::uint32_t> expected;
  std::mt19937 random(7);
  for (int row = 0; row < 200'000; ++row) {
    const std::string id = "C" + std::to_string(random() % 30'000);
    bool added = false;
    const std::uint32_t number = index.find_or_add(id, ids, added);
    const auto [entry, inserted] = expected.try_emplace(id, static_cast<std::uint32_t>(expected.size()));
    ASSERT_EQ(added, inserted) << id;
    ASSERT_EQ(number, entry->second) << id;
    if (added) ids.push_back(id);
  }
  EXPECT_EQ(ids.size(), expected.size());
}

TEST(CustomerIdIndex, ReservingChangesNoAnswer) {
  CustomerIdIndex reserved, grown;
  reserved.reserve(5'000);
  std::vector<std::string> ids_reserved, ids_grown;
  for (int i = 0; i < 10'000; ++i) {
    const std::string id = std::to_string((i * 7919) % 6'000);  // repeats after 6,000
    bool added_reserved = false, added_grown = false;
    const auto a = reserved.find_or_add(id, ids_reserved, added_reserved);
    const auto b = grown.find_or_add(id, ids_grown, added_grown);
    ASSERT_EQ(a, b);
    ASSERT_EQ(added_reserved, added_grown);
    if (added_reserved) ids_reserved.push_back(id), ids_grown.push_back(id);
  }
  EXPECT_EQ(ids_reserved.size(), 6'000u);
}

TEST(CustomerIdIndex, TellsApartIdsThatDifferOnlyInLengthOrLastByte) {
  CustomerIdIndex index;
  std::vector<std::string> ids;
  for (const std::string id : {"a", "a ", "ab", "abcdefgh", "abcdefgi", "abcdefghi", ""}) {
    bool added = false;
    EXPECT_EQ(index.find_or_add(id, ids, added), ids.size());
    EXPECT_TRUE(added) << id;
    ids.push_back(id);
  }
  bool added = true;
  EXPECT_EQ(index.find_or_add("abcdefgi", ids, added), 4u);
  EXPECT_FALSE(added);
}

/// Feeds (customer, order) pairs to an OrderKeySet and a std::set; both must agree on each.
void expect_same_as_set(const std::vector<std::pair<std::uint32_t, std::string>>& pairs, std::size_t reserve) {
  OrderKeySet orders;
  if (reserve) orders.reserve(reserve);
  std::set<std::pair<std::uint32_t, std::string>> expected;
  for (const auto& [customer, id] : pairs) {
    ASSERT_EQ(orders.insert(customer, id), expected.insert({customer, id}).second) << customer << " " << id;
  }
  EXPECT_EQ(orders.size(), expected.size());
}

TEST(OrderKeySet, RisingIdsAreAllNew) {
  std::vector<std::pair<std::uint32_t, std::string>> pairs;
  for (std::uint32_t i = 1; i <= 50'000; ++i) pairs.emplace_back(i % 5'000, "O" + std::to_string(i));  // O9 < O10
  expect_same_as_set(pairs, 0);
  expect_same_as_set(pairs, pairs.size());
}

TEST(OrderKeySet, AnOrderSeenAgainLaterIsFoundAfterTheSwitch) {
  std::vector<std::pair<std::uint32_t, std::string>> pairs;
  for (std::uint32_t i = 1; i <= 20'000; ++i) pairs.emplace_back(i % 700, "SO-" + std::to_string(100'000 + i));
  pairs.emplace_back(5 % 700, "SO-100005");  // a line of order 5, far from its others: not new
  pairs.emplace_back(6, "SO-100005");        // the same id for another customer: new
  pairs.emplace_back(8 % 700, "SO-100008");
  for (std::uint32_t i = 20'001; i <= 30'000; ++i) pairs.emplace_back(i % 700, "SO-" + std::to_string(100'000 + i));
  expect_same_as_set(pairs, 0);
  expect_same_as_set(pairs, 1'000);
}

TEST(OrderKeySet, ShuffledIdsWithRepeatsMatchASet) {
  std::mt19937 random(11);
  std::vector<std::pair<std::uint32_t, std::string>> pairs;
  for (int i = 0; i < 100'000; ++i) {
    const std::uint32_t order = random() % 40'000;
    pairs.emplace_back(order % 3'000, "INV" + std::to_string(order));
  }
  expect_same_as_set(pairs, 0);
  expect_same_as_set(pairs, 100'000);
}

TEST(OrderKeySet, TheSameIdTwiceInARowBreaksTheRise) {
  std::vector<std::pair<std::uint32_t, std::string>> pairs = {{0, "1"}, {1, "2"}, {1, "2"}, {0, "3"}, {0, "1"}, {2, "1"}};
  expect_same_as_set(pairs, 0);
}

}  // namespace
}  // namespace tierlens
