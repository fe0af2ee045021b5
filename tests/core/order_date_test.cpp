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

TEST(OrderDate, TheShapesChineseAndEuropeanExportsUse) {
  EXPECT_EQ(parse_order_date("2024/3/5"), day(2024, 3, 5));
  EXPECT_EQ(parse_order_date("2024/03/05 14:30"), day(2024, 3, 5));
  EXPECT_EQ(parse_order_date("2024.3.5"), day(2024, 3, 5));
  EXPECT_EQ(parse_order_date("2024年3月5日"), day(2024, 3, 5));
  EXPECT_EQ(parse_order_date("2024年12月31日 23:59"), day(2024, 12, 31));
  EXPECT_EQ(parse_order_date("2024年3月5日14:30"), day(2024, 3, 5));
  EXPECT_EQ(parse_order_date("20240305"), day(2024, 3, 5));
  EXPECT_EQ(parse_order_date("3/5/2024 2:30 PM"), day(2024, 3, 5));
  EXPECT_EQ(parse_order_date("3/5/2024 12:05 am"), day(2024, 3, 5));
}

TEST(OrderDate, AWeekdayAfterTheDateIsDropped) {
  // As point-of-sale exports write them (the Chaoyang pharmacy file: "2018-01-01 星期五").
  EXPECT_EQ(parse_order_date("2018-01-01 星期五"), day(2018, 1, 1));
  EXPECT_EQ(parse_order_date("2018-01-01 周一"), day(2018, 1, 1));
  EXPECT_EQ(parse_order_date("2024年3月5日 星期二"), day(2024, 3, 5));
  EXPECT_EQ(parse_order_date("2024-03-05（周二）"), day(2024, 3, 5));
  EXPECT_EQ(parse_order_date("2024-03-05 14:30 Tue"), day(2024, 3, 5));
  EXPECT_EQ(parse_order_date("3/5/2024 (Tuesday)"), day(2024, 3, 5));
  // The date decides, even when the weekday disagrees (2018-01-01 was a Monday).
  EXPECT_EQ(parse_order_date("2018-01-01 Friday"), day(2018, 1, 1));
  // A weekday alone, or words that merely end like one, are still not dates.
  EXPECT_EQ(parse_order_date("星期五"), std::nullopt);
  EXPECT_EQ(parse_order_date("2018-01-01 Caesarsun"), std::nullopt);
  EXPECT_EQ(parse_order_date("2018-02-29 星期四"), std::nullopt);
  EXPECT_EQ(parse_order_date("2018-01-01 (周五"), std::nullopt);
}

TEST(OrderDate, YearLastDatesFollowTheColumnsOrder) {
  EXPECT_EQ(parse_order_date("3/5/2024", DateOrder::kMonthFirst), day(2024, 3, 5));
  EXPECT_EQ(parse_order_date("3/5/2024", DateOrder::kDayFirst), day(2024, 5, 3));
  EXPECT_EQ(parse_order_date("05.03.2024", DateOrder::kDayFirst), day(2024, 3, 5));
  EXPECT_EQ(parse_order_date("31-12-2024", DateOrder::kDayFirst), day(2024, 12, 31));
  EXPECT_FALSE(parse_order_date("31/12/2024", DateOrder::kMonthFirst).has_value());
  EXPECT_FALSE(parse_order_date("12/31/2024", DateOrder::kDayFirst).has_value());
}

TEST(OrderDate, ExcelSerialDayNumbers) {
  // Excel counts from 1899-12-30: 45356 is 2024-03-05; a fraction is the time of day.
  EXPECT_EQ(parse_order_date("45356"), day(2024, 3, 5));
  EXPECT_EQ(parse_order_date("45356.75"), day(2024, 3, 5));
  EXPECT_EQ(parse_order_date("367"), day(1901, 1, 1));
  EXPECT_FALSE(parse_order_date("366").has_value());  // 1900 and before: Excel's calendar is off there
  EXPECT_FALSE(parse_order_date("2958466").has_value());
  EXPECT_FALSE(parse_order_date("45356.").has_value());
}

TEST(OrderDate, RefusesImpossibleAndOtherShapes) {
  for (const char* text :
       {"", "2023-02-29", "2024-13-01", "2024-04-31", "13/1/2024 10:00", "2/30/2024",
        "2024-01-01 24:00", "2024-01-01 10:60", "2024-01-01 10", "2024-01-01 13:00 PM",
        "2024-01-01 0:30 AM", "2024-01-01x", "2024-03/05", "2024年3月5", "yesterday", "1/1/24",
        "20241305", "18991231", "-45356", "4.5e4"}) {
    EXPECT_FALSE(parse_order_date(text).has_value()) << text;
  }
}

TEST(OrderDate, TheDayMonthOrderIsDecidedForTheWholeColumn) {
  using Basis = DateOrderGuess::Basis;
  const auto guess = [](std::vector<std::string> values) { return guess_date_order(values); };
  EXPECT_EQ(guess({"2024-03-05", "45356"}).basis, Basis::kNoYearLastDates);
  // Every value reads both ways: month first is assumed, and said.
  const DateOrderGuess ambiguous = guess({"3/5/2024", "1/2/2024 10:00"});
  EXPECT_EQ(ambiguous.basis, Basis::kAmbiguous);
  EXPECT_EQ(ambiguous.order, DateOrder::kMonthFirst);
  // One value that reads only day first decides the column.
  const DateOrderGuess day_first = guess({"3/5/2024", "1/2/2024", "25/12/2024", "x"});
  EXPECT_EQ(day_first.basis, Basis::kEvidence);
  EXPECT_EQ(day_first.order, DateOrder::kDayFirst);
  EXPECT_EQ(day_first.example, "25/12/2024");
  // Both kinds: the majority wins and the conflict is reported.
  const DateOrderGuess conflict = guess({"12/25/2024", "12/26/2024", "25/12/2024"});
  EXPECT_EQ(conflict.basis, Basis::kConflicting);
  EXPECT_EQ(conflict.order, DateOrder::kMonthFirst);
}

TEST(OrderDate, NamesOfTheOrder) {
  EXPECT_EQ(parse_date_order("DMY"), DateOrder::kDayFirst);
  EXPECT_EQ(parse_date_order("month_first"), DateOrder::kMonthFirst);
  EXPECT_FALSE(parse_date_order("ymd").has_value());
}

}  // namespace
}  // namespace tierlens
