// The generator the clustering draws from: its outputs are pinned so that a change in it (which
// would change every clustering) cannot pass unnoticed.
#include "tierlens/seeded_random.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace tierlens {
namespace {

TEST(SeededRandom, SplitMix64GivesItsPublishedSequence) {
  // The sequence from state 0 in Vigna's splitmix64.c (and Java's SplittableRandom).
  std::uint64_t state = 0;
  EXPECT_EQ(split_mix64(state), 0xe220a8397b1dcdafULL);
  EXPECT_EQ(split_mix64(state), 0x6e789e6aa1b965f4ULL);
  EXPECT_EQ(split_mix64(state), 0x06c45d188009454fULL);
}

TEST(SeededRandom, Seed42GivesTheReferenceOutputs) {
  // From a Python transcription of the authors' C code (splitmix64.c fills the state,
  // xoshiro256starstar.c draws), checked first against both published sequences: SplitMix64
  // from 0 above, and xoshiro256** from the state {1, 2, 3, 4}: 11520, 0, 1509978240,
  // 1215971899390074240.
  SeededRandom random(42);
  EXPECT_EQ(random.next_u64(), 0x15780b2e0c2ec716ULL);
  EXPECT_EQ(random.next_u64(), 0x6104d9866d113a7eULL);
  EXPECT_EQ(random.next_u64(), 0xae17533239e499a1ULL);
}

TEST(SeededRandom, TheSameSeedRepeatsAndAnotherDoesNot) {
  SeededRandom a(7), b(7), c(8);
  for (int i = 0; i < 100; ++i) {
    const std::uint64_t from_a = a.next_u64();
    EXPECT_EQ(from_a, b.next_u64());
    EXPECT_NE(from_a, c.next_u64());
  }
}

TEST(SeededRandom, UniformBelowStaysInRangeAndHitsEveryValueEvenly) {
  SeededRandom random(1);
  std::vector<int> counts(7, 0);
  for (int i = 0; i < 70'000; ++i) {
    const std::uint64_t value = random.uniform_below(7);
    ASSERT_LT(value, 7u);
    ++counts[value];
  }
  // 10,000 expected each; the standard deviation is about 93, so ±500 is over 5 of them.
  for (const int count : counts) EXPECT_NEAR(count, 10'000, 500);
  for (int i = 0; i < 10; ++i) EXPECT_EQ(random.uniform_below(1), 0u);
  // Just above 2^63, almost half of all draws are rejected: the loop must still end in range.
  const std::uint64_t huge = (1ULL << 63) + 12345;
  for (int i = 0; i < 100; ++i) EXPECT_LT(random.uniform_below(huge), huge);
}

TEST(SeededRandom, UniformUnitIsAMultipleOfTwoToTheMinus53InTheHalfOpenUnitInterval) {
  SeededRandom random(3);
  double sum = 0;
  for (int i = 0; i < 10'000; ++i) {
    const double value = random.uniform_unit();
    ASSERT_GE(value, 0.0);
    ASSERT_LT(value, 1.0);
    const double scaled = value * 0x1.0p53;
    EXPECT_EQ(scaled, std::floor(scaled));
    sum += value;
  }
  EXPECT_NEAR(sum / 10'000, 0.5, 0.015);  // the mean's standard deviation is 0.0029
}

}  // namespace
}  // namespace tierlens
