#include "tierlens/money.h"

#include <gtest/gtest.h>

namespace tierlens {
namespace {

Micros micros(const char* text) { return *to_micros(*parse_decimal(text)); }

TEST(Money, ParsesPlainDecimals) {
  EXPECT_EQ(micros("1234.56"), 1'234'560'000);
  EXPECT_EQ(micros("-3"), -3'000'000);
  EXPECT_EQ(micros("+2.5"), 2'500'000);
  EXPECT_EQ(micros(".5"), 500'000);
  EXPECT_EQ(micros("5."), 5'000'000);
  EXPECT_EQ(micros(" 0.000001 "), 1);
  EXPECT_EQ(micros("000000000000000000001.5"), 1'500'000);  // leading zeros are free
}

TEST(Money, RoundsPastSixDecimalsHalfAwayFromZero) {
  EXPECT_EQ(micros("0.0000005"), 1);
  EXPECT_EQ(micros("0.0000004"), 0);
  EXPECT_EQ(micros("-0.0000005"), -1);
}

TEST(Money, RefusesWhatIsNotAPlainNumber) {
  for (const char* text : {"", "-", ".", "1,234.56", "1e3", "¥100", "12 34", "1.2.3", "n/a",
                           "0.1234567891", "1234567890123456789"}) {
    EXPECT_FALSE(parse_decimal(text).has_value()) << text;
  }
}

TEST(Money, MultipliesQuantityByUnitPriceExactly) {
  const auto times = [](const char* q, const char* p) {
    return multiply_to_micros(*parse_decimal(q), *parse_decimal(p));
  };
  EXPECT_EQ(times("74215", "1.04"), 77'183'600'000);  // Online Retail customer 12346
  EXPECT_EQ(times("-12", "0.29"), -3'480'000);
  EXPECT_EQ(times("3", "0.001"), 3'000);
  EXPECT_EQ(times("0.5", "0.0000003"), 0);             // 0.00000015 rounds to 0 micros
  EXPECT_FALSE(times("1", "99999999999999").has_value());  // past int64 micro-units
}

TEST(Money, SumsWithoutFloatingPointDrift) {
  Micros total = 0;
  for (int i = 0; i < 10; ++i) total += micros("0.1");
  EXPECT_EQ(total, micros("1"));
}

TEST(Money, FormatsExactlyWithTwoToSixDecimals) {
  EXPECT_EQ(format_micros(77'183'600'000), "77183.60");
  EXPECT_EQ(format_micros(1'250), "0.00125");
  EXPECT_EQ(format_micros(0), "0.00");
  EXPECT_EQ(format_micros(-4'000'000), "-4.00");
  EXPECT_EQ(format_micros(-500), "-0.0005");
  EXPECT_EQ(format_micros(INT64_MIN), "-9223372036854.775808");
}

}  // namespace
}  // namespace tierlens
