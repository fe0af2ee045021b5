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

TEST(Quote, SingleQuotesAreTheQuoteOnlyWhereFieldsAreWrappedInThem) {
  EXPECT_EQ(detect_quote("id;name\n'1';'a; b'\n'2';'c'\n", ';'), '\'');
  // Apostrophes in text, a single wrapped line, or any double-quoted field: the double quote.
  EXPECT_EQ(detect_quote("id,segment\n1,Can't Lose Them\n2,'t is'\n", ','), '"');
  EXPECT_EQ(detect_quote("id;name\n'1';'a'\n2;b\n", ';'), '"');
  EXPECT_EQ(detect_quote("id,name\n'1','a'\n'2',\"b, c\"\n", ','), '"');
  EXPECT_EQ(detect_quote("", ','), '"');
}

}  // namespace
}  // namespace tierlens
