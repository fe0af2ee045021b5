#include "tierlens/civil_date.h"

#include <gtest/gtest.h>

namespace tierlens {
namespace {

TEST(CivilDate, EpochAndKnownDays) {
  EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
  EXPECT_EQ(days_from_civil(2000, 3, 1), 11017);
  EXPECT_EQ(days_from_civil(2011, 12, 10) - days_from_civil(2011, 1, 18), 326);
}

TEST(CivilDate, RoundTripsEveryDayOfSeveralCenturies) {
  for (DayNumber day = days_from_civil(1800, 1, 1); day < days_from_civil(2300, 1, 1); ++day) {
    const CivilDate date = civil_from_days(day);
    ASSERT_EQ(days_from_civil(date.year, date.month, date.day), day);
  }
}

TEST(CivilDate, ValidatesLeapYears) {
  EXPECT_TRUE(is_valid_civil_date(2024, 2, 29));
  EXPECT_FALSE(is_valid_civil_date(2023, 2, 29));
  EXPECT_FALSE(is_valid_civil_date(1900, 2, 29));
  EXPECT_TRUE(is_valid_civil_date(2000, 2, 29));
  EXPECT_FALSE(is_valid_civil_date(2024, 4, 31));
  EXPECT_FALSE(is_valid_civil_date(2024, 13, 1));
}

TEST(CivilDate, FormatsAndParsesIso) {
  EXPECT_EQ(format_iso_date(days_from_civil(2011, 12, 9)), "2011-12-09");
  EXPECT_EQ(parse_iso_date("2011-12-09"), days_from_civil(2011, 12, 9));
  EXPECT_FALSE(parse_iso_date("2011-12-9"));
  EXPECT_FALSE(parse_iso_date("2011-02-30"));
  EXPECT_FALSE(parse_iso_date("20111209"));
}

}  // namespace
}  // namespace tierlens
