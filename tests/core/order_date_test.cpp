#include "tierlens/order_date.h"

#include <gtest/gtest.h>

namespace tierlens {
namespace {

DayNumber day(int y, int m, int d) { return days_from_civil(y, m, d); }

TEST(OrderDate, IsoWithAndWithoutTime) {
  EXPECT_EQ(parse_order_date("2011-12-09"), day(2011, 12, 9));
  EXPECT_EQ(parse_order_date("2011-12-09 12:50"), day(2011, 12, 9));
  EXPECT_EQ(parse_order_date("2011-12-09 12:50:07"), day(2011, 12, 9));
  EXPECT_EQ(parse_order_date("2011-12-09T08:26:00"), day(2011, 12, 9));
  EXPECT_EQ(parse_order_date("2011-12-09 23:59:59.250"), day(2011, 12, 9));
  EXPECT_EQ(parse_order_date("  2024-2-5 "), day(2024, 2, 5));
}

TEST(OrderDate, UsMonthDayYearAsInOnlineRetail) {
  EXPECT_EQ(parse_order_date("12/1/2010 8:26"), day(2010, 12, 1));
  EXPECT_EQ(parse_order_date("1/18/2011 10:01"), day(2011, 1, 18));
  EXPECT_EQ(parse_order_date("01/02/2011"), day(2011, 1, 2));
  EXPECT_EQ(parse_order_date("2/29/2024 0:00:30"), day(2024, 2, 29));
}

TEST(OrderDate, RefusesImpossibleAndOtherShapes) {
  for (const char* text :
       {"", "2023-02-29", "2024-13-01", "2024-04-31", "13/1/2024 10:00", "2/30/2024",
        "2024-01-01 24:00", "2024-01-01 10:60", "2024-01-01 10", "2024-01-01 10:00 PM",
        "2024-01-01x", "5.3.2024", "2024/03/05", "yesterday", "20240305", "1/1/24"}) {
    EXPECT_FALSE(parse_order_date(text).has_value()) << text;
  }
}

}  // namespace
}  // namespace tierlens
