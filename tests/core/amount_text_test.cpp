// Amount cells as sales exports write them, read exactly; and the decimal mark of a column
// decided from its values.
#include <gtest/gtest.h>

#include "test_support.h"
#include "tierlens/amount_text.h"

namespace tierlens {
namespace {

/// The amount in micro-units, or a sentinel when the cell is refused.
Micros micros(std::string_view text, DecimalMark mark = DecimalMark::kPoint) {
  const auto value = parse_amount(text, mark);
  if (!value) return -999;
  return *to_micros(*value);
}

constexpr Micros kUnit = 1'000'000;

TEST(AmountText, CurrencySignsCodesAndSpaces) {
  EXPECT_EQ(micros("¥1,234.50"), 1'234'500'000);
  EXPECT_EQ(micros("￥ 88"), 88 * kUnit);
  EXPECT_EQ(micros("$ 12.5"), 12'500'000);
  EXPECT_EQ(micros("12.50 €"), 12'500'000);
  EXPECT_EQ(micros("£3"), 3 * kUnit);
  EXPECT_EQ(micros("500元"), 500 * kUnit);
  EXPECT_EQ(micros("CNY 1,000"), 1'000 * kUnit);
  EXPECT_EQ(micros("99 usd"), 99 * kUnit);
  EXPECT_EQ(micros("1 234 567.8"), 1'234'567'800'000);
}

TEST(AmountText, NegativesAsSignsOrParentheses) {
  EXPECT_EQ(micros("-12.5"), -12'500'000);
  EXPECT_EQ(micros("(300.00)"), -300 * kUnit);
  EXPECT_EQ(micros("(¥1,000)"), -1'000 * kUnit);
  EXPECT_EQ(micros("-¥12"), -12 * kUnit);
  EXPECT_EQ(micros("¥-12"), -12 * kUnit);
  EXPECT_EQ(micros("+7"), 7 * kUnit);
}

TEST(AmountText, FullWidthDigitsAndSigns) {
  EXPECT_EQ(micros("１２３"), 123 * kUnit);
  EXPECT_EQ(micros("－１，２３４．５"), -1'234'500'000);
  EXPECT_EQ(micros("（８８）"), -88 * kUnit);
  EXPECT_EQ(micros("￥１２３　"), 123 * kUnit);  // an ideographic space after it
}

TEST(AmountText, DecimalComma) {
  EXPECT_EQ(micros("1.234,56", DecimalMark::kComma), 1'234'560'000);
  EXPECT_EQ(micros("12,5", DecimalMark::kComma), 12'500'000);
  EXPECT_EQ(micros("1 234,56 €", DecimalMark::kComma), 1'234'560'000);
  // With a decimal point, "1,234" is a thousand and more; with a comma it is not a grouping.
  EXPECT_EQ(micros("1,234"), 1'234 * kUnit);
  EXPECT_EQ(micros("1,234", DecimalMark::kComma), 1'234'000);
}

TEST(AmountText, RefusesWhatIsNotOneNumber) {
  for (const char* text : {"", "n/a", "12,34", "1,2345", "1,234,56", "12.3.4", "¥", "()", "--5",
                           "1e5", "12 34", "abc 12", "12 apples", "1.234,56"}) {
    EXPECT_EQ(micros(text), -999) << text;
  }
  EXPECT_EQ(micros("1,234.56", DecimalMark::kComma), -999);
}

TEST(AmountText, TheDecimalMarkIsDecidedByTheColumn) {
  EXPECT_EQ(guess_decimal_mark({"12.50", "1,234"}).mark, DecimalMark::kPoint);
  EXPECT_EQ(guess_decimal_mark({"1,234", "2,000"}).mark, DecimalMark::kPoint);  // ambiguous: point
  const DecimalMarkGuess comma = guess_decimal_mark({"3", "1.234", "12,50", "7,5"});
  EXPECT_EQ(comma.mark, DecimalMark::kComma);
  EXPECT_EQ(comma.example, "12,50");
  EXPECT_EQ(guess_decimal_mark({"1.234,5"}).mark, DecimalMark::kComma);
  // Evidence both ways: the point, which needs no evidence.
  EXPECT_EQ(guess_decimal_mark({"12,50", "12.50"}).mark, DecimalMark::kPoint);
}

TEST(AmountText, AEuropeanFileReadsItsAmountsExactly) {
  const std::string file =
      "Kunde;Datum;Betrag\nA;05.03.2024;1.234,56 €\nB;25.12.2024;12,50\nA;01.06.2024;(34,56)\n";
  ClassificationSession session;
  ClassifyOptions options;
  options.columns[ColumnRole::kCustomerId] = "Kunde";
  options.columns[ColumnRole::kDate] = "Datum";
  options.columns[ColumnRole::kAmount] = "Betrag";
  ASSERT_TRUE(testing::run_session(session, file, options).ok());
  const IngestResult& ingest = session.result()->ingest;
  EXPECT_EQ(ingest.input.decimal_mark, DecimalMark::kComma);
  EXPECT_EQ(ingest.input.date_order, DateOrder::kDayFirst);
  EXPECT_EQ(ingest.rows.used, 3u);
  EXPECT_EQ(ingest.customers.monetary[0], 1'200'000'000);  // 1234.56 − 34.56
  EXPECT_EQ(ingest.customers.monetary[1], 12'500'000);
}

}  // namespace
}  // namespace tierlens
