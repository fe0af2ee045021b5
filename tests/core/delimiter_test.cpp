#include "tierlens/delimiter.h"

#include <gtest/gtest.h>

namespace tierlens {
namespace {

TEST(Delimiter, PicksTheMostFrequentOutsideQuotes) {
  EXPECT_EQ(detect_delimiter("InvoiceNo,StockCode,Description"), ',');
  EXPECT_EQ(detect_delimiter("Kunde;Datum;Betrag"), ';');
  EXPECT_EQ(detect_delimiter("客户编号\t日期\t金额"), '\t');
  EXPECT_EQ(detect_delimiter("\"a;b;c;d\",x,y"), ',');  // semicolons inside quotes don't count
  EXPECT_EQ(detect_delimiter("\"Betrag, netto\";Kunde;Datum"), ';');
}

TEST(Delimiter, CommaForOneColumnOrATie) {
  EXPECT_EQ(detect_delimiter("customer"), ',');
  EXPECT_EQ(detect_delimiter("a,b;c"), ',');
}

}  // namespace
}  // namespace tierlens
