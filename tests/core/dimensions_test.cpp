// One test per dimension type (core/POLICY.md "Dimensions"), each on a few customers written
// here, with every label worked out by hand. The analysis date is 2024-07-01 throughout, so
// recency is the days from the last purchase to that day (2024 is a leap year).
#include "tierlens/dimensions.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "test_support.h"
#include "tierlens/builtin_tables.h"
#include "tierlens/policy_json.h"

namespace tierlens {
namespace {

using testing::classify_text;
using testing::run_session;
using Labels = std::map<std::string, std::string>;

const DimensionResult* find_dimension(const Classification& result, const std::string& id) {
  for (const DimensionResult& dimension : result.dimensions) {
    if (result.dimension_policy(dimension).id == id) return &dimension;
  }
  ADD_FAILURE() << "no dimension " << id;
  return nullptr;
}

/// Customer id → label of dimension `id`.
Labels labels(const Classification& result, const std::string& id) {
  Labels out;
  const DimensionResult* dimension = find_dimension(result, id);
  if (!dimension) return out;
  for (std::size_t i = 0; i < result.customer_count(); ++i) {
    out[result.ingest.customers.id[i]] = result.label(*dimension, i);
  }
  return out;
}

std::size_t index_of(const Classification& result, const std::string& id) {
  const auto& ids = result.ingest.customers.id;
  return static_cast<std::size_t>(std::find(ids.begin(), ids.end(), id) - ids.begin());
}

/// Per label (in the dimension's order): "label customers revenue", revenue in units.
std::vector<std::string> totals(const Classification& result, const std::string& id) {
  std::vector<std::string> out;
  const DimensionResult* dimension = find_dimension(result, id);
  if (!dimension) return out;
  for (std::size_t k = 0; k < dimension->labels.size(); ++k) {
    out.push_back(dimension->labels[k] + " " + std::to_string(dimension->totals[k].customers) + " " +
                  format_micros(dimension->totals[k].revenue, 0));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// rfm_classes

// Per customer: recency (days), frequency (orders), monetary.
//   A   5  1  600      B  20  2  100 (40 + 60)     C  20  3  200 (30 + 70 + 100)
//   D  40  2  200 (150 + 50)                       E  30  1  150
// Fixed RFM breakpoints with 3 bins make the scores easy to read off: recency [10, 30] → R
// 3 − (breakpoints strictly below), frequency [1, 2] and monetary [100, 500] → 1 + (strictly
// below):  A R3 F1 M3,  B R2 F2 M1,  C R2 F3 M2,  D R1 F2 M2,  E R2 F1 M2.
constexpr const char* kRfmOrders =
    "order_id,customer_id,order_date,amount\n"
    "A1,A,2024-06-26,600\n"
    "B1,B,2024-05-01,40\n"
    "B2,B,2024-06-11,60\n"
    "C1,C,2024-04-01,30\n"
    "C2,C,2024-05-01,70\n"
    "C3,C,2024-06-11,100\n"
    "D1,D,2024-04-10,150\n"
    "D2,D,2024-05-22,50\n"
    "E1,E,2024-06-01,150\n";

TEST(Dimensions, RfmClassesAgainstMeansMediansAndFixedThresholds) {
  const Classification result = classify_text(kRfmOrders, R"({
    "tierlens_policy": 1, "analysis_date": "2024-07-01",
    "rfm": {"bins": 3, "breakpoints": {"recency": [10, 30], "frequency": [1, 2], "monetary": [100, 500]}},
    "dimensions": [
      {"id": "by_score", "type": "rfm_classes", "compare": "score_mean"},
      {"id": "by_mean", "type": "rfm_classes", "compare": "value_mean"},
      {"id": "by_median", "type": "rfm_classes", "compare": "value_median"},
      {"id": "by_fixed", "type": "rfm_classes", "compare": "fixed",
       "thresholds": {"recency": 30, "frequency": 2, "monetary": 150}}
    ]})");
  ASSERT_EQ(result.customer_count(), 5u);
  EXPECT_EQ(result.recency, (std::vector<std::int32_t>{5, 20, 20, 40, 30}));
  EXPECT_EQ(result.r_score, (std::vector<std::uint8_t>{3, 2, 2, 1, 2}));
  EXPECT_EQ(result.f_score, (std::vector<std::uint8_t>{1, 2, 3, 2, 1}));
  EXPECT_EQ(result.m_score, (std::vector<std::uint8_t>{3, 1, 2, 2, 2}));

  // score_mean: mean R = 10/5 = 2, F = 9/5 = 1.8, M = 10/5 = 2. A score equal to its mean is
  // high: B, C and E sit exactly at the mean R (近), C, D and E at the mean M (高).
  EXPECT_EQ(labels(result, "by_score"), (Labels{{"A", "重要发展客户"},    // 近 低 高
                                                {"B", "一般价值客户"},    // 近 高 低
                                                {"C", "重要价值客户"},    // 近 高 高
                                                {"D", "重要保持客户"},    // 远 高 高
                                                {"E", "重要发展客户"}}));  // 近 低 高
  const DimensionResult& by_score = *find_dimension(result, "by_score");
  ASSERT_EQ(by_score.references.size(), 3u);
  EXPECT_DOUBLE_EQ(by_score.references[0].second, 2);
  EXPECT_DOUBLE_EQ(by_score.references[1].second, 1.8);
  EXPECT_DOUBLE_EQ(by_score.references[2].second, 2);

  // value_mean: recency mean 115/5 = 23 (fewer days is 近: A, B, C), frequency 9/5 = 1.8
  // (B, C, D), monetary 1250/5 = 250 (only A).
  EXPECT_EQ(labels(result, "by_mean"), (Labels{{"A", "重要发展客户"},    // 近 低 高
                                               {"B", "一般价值客户"},    // 近 高 低
                                               {"C", "一般价值客户"},    // 近 高 低
                                               {"D", "一般保持客户"},    // 远 高 低
                                               {"E", "一般挽留客户"}}));  // 远 低 低
  const DimensionResult& by_mean = *find_dimension(result, "by_mean");
  ASSERT_EQ(by_mean.references.size(), 3u);
  EXPECT_DOUBLE_EQ(by_mean.references[0].second, 23);
  EXPECT_DOUBLE_EQ(by_mean.references[1].second, 1.8);
  EXPECT_DOUBLE_EQ(by_mean.references[2].second, 250);

  // value_median: recency 5 20 20 30 40 → 20 (A, B, C 近); frequency 1 1 2 2 3 → 2 (B, C, D);
  // monetary 100 150 200 200 600 → 200 (A, C, D).
  EXPECT_EQ(labels(result, "by_median"), (Labels{{"A", "重要发展客户"},
                                                 {"B", "一般价值客户"},
                                                 {"C", "重要价值客户"},
                                                 {"D", "重要保持客户"},
                                                 {"E", "一般挽留客户"}}));
  const DimensionResult& by_median = *find_dimension(result, "by_median");
  ASSERT_EQ(by_median.references.size(), 3u);
  EXPECT_DOUBLE_EQ(by_median.references[0].second, 20);
  EXPECT_DOUBLE_EQ(by_median.references[1].second, 2);
  EXPECT_DOUBLE_EQ(by_median.references[2].second, 200);

  // fixed: recency ≤ 30 is 近 (E at 30 is), frequency ≥ 2, monetary ≥ 150 (E at 150 is).
  EXPECT_EQ(labels(result, "by_fixed"), (Labels{{"A", "重要发展客户"},
                                                {"B", "一般价值客户"},
                                                {"C", "重要价值客户"},
                                                {"D", "重要保持客户"},
                                                {"E", "重要发展客户"}}));

  // All eight classes are labels, in the usual order, whether used or not.
  EXPECT_EQ(by_mean.labels, (std::vector<std::string>{"重要价值客户", "重要发展客户", "重要保持客户",
                                                      "重要挽留客户", "一般价值客户", "一般发展客户",
                                                      "一般保持客户", "一般挽留客户"}));
}

// ---------------------------------------------------------------------------------------------
// abc

TEST(Dimensions, AbcByShareOfCustomersKeepsTiesTogether) {
  // Ten customers; cuts [20, 30]: a customer is A when fewer than 20 % of the customers (2)
  // rank strictly above, B when fewer than 50 % (5) do, else C. B and C tie at 900: one
  // customer ranks above each, so both are A, and A holds three customers.
  //   A 1000 (0 above) A   B 900 (1) A   C 900 (1) A   D 500 (3) B   E 400 (4) B
  //   F 300 (5) C          G 200 (6) C   H 200 (6) C   I 100 (8) C   J 50 (9) C
  const Classification result = classify_text(
      "order_id,customer_id,order_date,amount\n"
      "1,A,2024-06-01,1000\n2,B,2024-06-01,900\n3,C,2024-06-01,900\n4,D,2024-06-01,500\n"
      "5,E,2024-06-01,400\n6,F,2024-06-01,300\n7,G,2024-06-01,200\n8,H,2024-06-01,200\n"
      "9,I,2024-06-01,100\n10,J,2024-06-01,50\n",
      R"({"tierlens_policy": 1, "analysis_date": "2024-07-01",
          "dimensions": [{"id": "pyramid", "type": "abc", "by": "customers", "cuts": [20, 30],
                          "labels": ["A", "B", "C"]}]})");
  ASSERT_EQ(result.customer_count(), 10u);
  EXPECT_EQ(labels(result, "pyramid"),
            (Labels{{"A", "A"}, {"B", "A"}, {"C", "A"}, {"D", "B"}, {"E", "B"},
                    {"F", "C"}, {"G", "C"}, {"H", "C"}, {"I", "C"}, {"J", "C"}}));
  EXPECT_EQ(totals(result, "pyramid"), (std::vector<std::string>{"A 3 2800", "B 2 900", "C 5 850"}));
  const DimensionResult& pyramid = *find_dimension(result, "pyramid");
  EXPECT_DOUBLE_EQ(pyramid.value[index_of(result, "C")], 0.1);  // share of customers above
  EXPECT_DOUBLE_EQ(pyramid.value[index_of(result, "D")], 0.3);
  EXPECT_DOUBLE_EQ(pyramid.value[index_of(result, "F")], 0.5);
}

TEST(Dimensions, AbcByCumulativeRevenue) {
  // Positive revenue 550 + 3 × 100 + 80 + 50 + 20 = 1000. Cuts [70, 20]: A when the revenue
  // of the customers ranked strictly above is below 70 %, B below 90 %, else C.
  //   A 550 (0 above) A;  B, C, D 100 each (550 above = 55 %) A — D alone would be at 75 %;
  //   E 80 (850 = 85 %) B;  F 50 (930) C;  G 20 (980) C;
  //   H 0 (a purchase of 50 returned) and I −30 (only a return): no positive revenue → C.
  const Classification result = classify_text(
      "order_id,customer_id,order_date,amount\n"
      "1,A,2024-06-01,550\n2,B,2024-06-01,100\n3,C,2024-06-01,100\n4,D,2024-06-01,100\n"
      "5,E,2024-06-01,80\n6,F,2024-06-01,50\n7,G,2024-06-01,20\n"
      "8,H,2024-06-01,50\n9,H,2024-06-10,-50\n10,I,2024-06-10,-30\n",
      R"({"tierlens_policy": 1, "analysis_date": "2024-07-01",
          "dimensions": [{"id": "abc", "type": "abc", "by": "revenue", "cuts": [70, 20],
                          "labels": ["A", "B", "C"]}]})");
  ASSERT_EQ(result.customer_count(), 9u);
  EXPECT_EQ(labels(result, "abc"), (Labels{{"A", "A"}, {"B", "A"}, {"C", "A"}, {"D", "A"}, {"E", "B"},
                                           {"F", "C"}, {"G", "C"}, {"H", "C"}, {"I", "C"}}));
  // Per label: customers and net revenue (C: 50 + 20 + 0 − 30 = 40).
  EXPECT_EQ(totals(result, "abc"), (std::vector<std::string>{"A 4 850", "B 1 80", "C 4 40"}));
  const DimensionResult& abc = *find_dimension(result, "abc");
  EXPECT_DOUBLE_EQ(abc.value[index_of(result, "D")], 0.55);
  EXPECT_DOUBLE_EQ(abc.value[index_of(result, "E")], 0.85);
  ASSERT_EQ(abc.references.size(), 3u);  // the lowest monetary of each class
  EXPECT_DOUBLE_EQ(abc.references[0].second, 100);
  EXPECT_DOUBLE_EQ(abc.references[1].second, 80);
  EXPECT_DOUBLE_EQ(abc.references[2].second, -30);
}

// ---------------------------------------------------------------------------------------------
// bands

TEST(Dimensions, BandsOnAnAttributeColumn) {
  // Mins 1000 / 100, first band whose min ≤ value: "1,200" reads as 1200; 1000 and 100 sit on
  // their band's min; 99.5 is below both; an empty cell and "n/a" have no number.
  const Classification result = classify_text(
      "order_id,customer_id,order_date,amount,employees\n"
      "1,A,2024-06-01,10,\"1,200\"\n2,B,2024-06-01,10,1000\n3,C,2024-06-01,10,999\n"
      "4,D,2024-06-01,10,100\n5,E,2024-06-01,10,99.5\n6,F,2024-06-01,10,\n7,G,2024-06-01,10,n/a\n",
      R"({"tierlens_policy": 1, "analysis_date": "2024-07-01",
          "dimensions": [
            {"id": "scale", "type": "bands", "field": "employees",
             "bands": [{"label": "大型", "min": 1000}, {"label": "中型", "min": 100}, {"label": "小型"}]},
            {"id": "sales", "type": "bands", "field": "annual_sales",
             "bands": [{"label": "高", "min": 1000000}, {"label": "低"}], "missing": "不详"}
          ]})");
  ASSERT_EQ(result.customer_count(), 7u);
  EXPECT_EQ(labels(result, "scale"), (Labels{{"A", "大型"}, {"B", "大型"}, {"C", "中型"}, {"D", "中型"},
                                             {"E", "小型"}, {"F", "未知"}, {"G", "未知"}}));
  EXPECT_EQ(totals(result, "scale"),
            (std::vector<std::string>{"大型 2 20", "中型 2 20", "小型 1 10", "未知 2 20"}));
  const DimensionResult& scale = *find_dimension(result, "scale");
  EXPECT_EQ(scale.warnings, (std::vector<std::string>{"2 customers have no number in \"employees\" and are 未知"}));
  EXPECT_EQ(explain_dimension(result, scale, index_of(result, "G")).text, "employees \"n/a\" is not a number → 未知.");
  EXPECT_EQ(explain_dimension(result, scale, index_of(result, "A")).text, "employees 1200 ≥ 1000 → 大型.");

  // A column the file does not have: everyone gets the missing label, and a warning says why.
  for (const auto& [id, label] : labels(result, "sales")) EXPECT_EQ(label, "不详") << id;
  EXPECT_EQ(find_dimension(result, "sales")->warnings,
            (std::vector<std::string>{"the file has no column for \"annual_sales\": every customer is 不详"}));
}

// ---------------------------------------------------------------------------------------------
// mapping

constexpr const char* kMappingOrders =
    "order_id,customer_id,order_date,amount,industry,province,country\n"
    "1,A,2024-06-01,10,制造业,广西壮族自治区,中国\n"
    "2,B,2024-06-01,10,electronics,Inner Mongolia,China\n"
    "3,C,2024-06-01,10,零售,香港特别行政区,PRC\n"
    "4,D,2024-06-01,10,retail,上海市,Germany\n"
    "5,E,2024-06-01,10,RETAIL,Guangdong Province,\n"
    "6,F,2024-06-01,10,餐饮,黑龙江省,Mainland China\n"
    "7,G,2024-06-01,10,,Atlantis,中华人民共和国\n"
    "8,H,2024-06-01,10,医药,,usa\n";

TEST(Dimensions, MappingThroughAUserTableThenBuiltinTables) {
  const Classification result = classify_text(kMappingOrders, R"({
    "tierlens_policy": 1, "analysis_date": "2024-07-01",
    "dimensions": [
      {"id": "sector", "type": "mapping", "field": "industry",
       "table": {"制造业": "重点行业", "Electronics": "重点行业", "零售": "商贸",
                 "Retail": "Retail-1", "retail": "retail-2"},
       "default": "其他行业"},
      {"id": "region", "type": "mapping", "field": "province", "builtin": "china_regions",
       "missing": "境外或未知"},
      {"id": "market", "type": "mapping", "field": "country", "builtin": "domestic_international"}
    ]})");
  ASSERT_EQ(result.customer_count(), 8u);
  // Exact match first (D "retail" → retail-2, although "Retail" comes first in the table), then
  // ignoring ASCII case in table order (B → Electronics, E "RETAIL" → Retail-1), then default.
  EXPECT_EQ(labels(result, "sector"), (Labels{{"A", "重点行业"}, {"B", "重点行业"}, {"C", "商贸"},
                                              {"D", "retail-2"}, {"E", "Retail-1"}, {"F", "其他行业"},
                                              {"G", "未知"}, {"H", "其他行业"}}));
  EXPECT_EQ(find_dimension(result, "sector")->labels,
            (std::vector<std::string>{"重点行业", "商贸", "Retail-1", "retail-2", "其他行业", "未知"}));

  EXPECT_EQ(labels(result, "region"), (Labels{{"A", "华南"}, {"B", "华北"}, {"C", "华南"}, {"D", "华东"},
                                              {"E", "华南"}, {"F", "东北"}, {"G", "其他"},
                                              {"H", "境外或未知"}}));
  EXPECT_EQ(find_dimension(result, "region")->warnings,
            (std::vector<std::string>{
                "1 customers have a \"province\" that is not a Chinese province and are 其他"}));

  EXPECT_EQ(labels(result, "market"), (Labels{{"A", "国内"}, {"B", "国内"}, {"C", "国内"}, {"D", "国际"},
                                              {"E", "未知"}, {"F", "国内"}, {"G", "国内"}, {"H", "国际"}}));
  EXPECT_EQ(totals(result, "market"), (std::vector<std::string>{"国内 5 50", "国际 2 20", "其他 0 0", "未知 1 10"}));
}

TEST(BuiltinTables, ChinaRegionFromChineseNamesWithOrWithoutSuffixPinyinAndEnglish) {
  const std::pair<const char*, const char*> cases[] = {
      {"广西壮族自治区", "华南"}, {"广西", "华南"},           {"广西省", "华南"},
      {"Guangxi", "华南"},        {"GUANGXI", "华南"},        {"内蒙古自治区", "华北"},
      {"内蒙古", "华北"},         {"Inner Mongolia", "华北"}, {"香港特别行政区", "华南"},
      {"Hong Kong", "华南"},      {"澳门", "华南"},           {"Macau", "华南"},
      {"上海市", "华东"},         {"上海", "华东"},           {"Shanghai", "华东"},
      {"台湾", "华东"},           {"Guangdong Province", "华南"}, {"广东省", "华南"},
      {" 江苏省 ", "华东"},       {"北京市", "华北"},         {"Peking", "华北"},
      {"山西", "华北"},           {"Shanxi", "华北"},         {"陕西省", "西北"},
      {"Shaanxi", "西北"},        {"新疆维吾尔自治区", "西北"}, {"宁夏回族自治区", "西北"},
      {"西藏自治区", "西南"},     {"Tibet", "西南"},          {"重庆市", "西南"},
      {"湖北省", "华中"},         {"Henan", "华中"},          {"黑龙江省", "东北"},
      {"Jilin", "东北"},          {"辽宁", "东北"},
  };
  for (const auto& [province, region] : cases) {
    EXPECT_EQ(china_region(province), std::optional<std::string>(region)) << province;
  }
  for (const char* unknown : {"", "  ", "Atlantis", "Bavaria", "省", "自治区"}) {
    EXPECT_EQ(china_region(unknown), std::nullopt) << unknown;
  }
  EXPECT_EQ(china_region_names(), (std::vector<std::string>{"华东", "华北", "华中", "华南", "西南", "西北", "东北"}));
}

// The English names in official use: the Chinese forms (广西壮族自治区 …) are recognised, and
// so are "Inner Mongolia Autonomous Region" and "Tibet Autonomous Region", but latin_stem in
// builtin_tables.cpp strips only "autonomousregion", leaving "guangxizhuang", "ningxiahui",
// "xinjianguyghur", which match no province.
TEST(BuiltinTables, ChinaRegionFromOfficialEnglishNamesOfAutonomousRegions) {
  EXPECT_EQ(china_region("Inner Mongolia Autonomous Region"), std::optional<std::string>("华北"));
  EXPECT_EQ(china_region("Tibet Autonomous Region"), std::optional<std::string>("西南"));
  EXPECT_EQ(china_region("Hong Kong SAR"), std::optional<std::string>("华南"));
  EXPECT_EQ(china_region("Guangxi Zhuang Autonomous Region"), std::optional<std::string>("华南"));
  EXPECT_EQ(china_region("Ningxia Hui Autonomous Region"), std::optional<std::string>("西北"));
  EXPECT_EQ(china_region("Xinjiang Uyghur Autonomous Region"), std::optional<std::string>("西北"));
  EXPECT_EQ(china_region("Xinjiang Uygur Autonomous Region"), std::optional<std::string>("西北"));
}

TEST(BuiltinTables, DomesticOrInternational) {
  for (const char* china : {"中国", "中华人民共和国", "China", "CHINA", " china ", "PRC", "P.R.C.", "CN",
                            "CHN", "Mainland China", "People's Republic of China"}) {
    EXPECT_EQ(domestic_or_international(china), "国内") << china;
  }
  for (const char* abroad : {"Germany", "United States", "USA", "日本", "Chinatown"}) {
    EXPECT_EQ(domestic_or_international(abroad), "国际") << abroad;
  }
}

// "PR China" / "P.R. China" is how many European exports write the country; it is China, as
// "PRC" and "China" are (builtin_tables.cpp lists neither "prchina" nor "chinapeoplesrepublicof").
TEST(BuiltinTables, DomesticOrInternationalCommonWesternSpellingsOfChina) {
  for (const char* china : {"PR China", "P.R. China", "China, People's Republic of"}) {
    EXPECT_EQ(domestic_or_international(china), "国内") << china;
  }
}

// ---------------------------------------------------------------------------------------------
// lifecycle

TEST(Dimensions, LifecycleStagesInTheirOrder) {
  // new_days 30, at_risk_days 60, lost_days 120, loyal_orders 3. Per customer:
  //   P  only a return                                         → 潜在客户
  //   L  last 02-01: 29 + 122 = 151 days > 120                 → 流失客户
  //   X  last 03-03: 120 days, not > 120 but > 60             → 预警客户
  //   R  five orders, last 04-15: 30 + 31 + 16 = 77 days > 60 → 预警客户 (before loyal)
  //   N  three orders since 06-10: first 21 days ago ≤ 30      → 新客户 (before loyal)
  //   M  one order on 06-01: first exactly 30 days ago         → 新客户
  //   Y  three orders, first 01-10, last 06-20                 → 忠诚客户
  //   V  two orders, first 03-01, last 06-01 (30 days)         → 活跃客户
  //   B  two orders, last 05-02: exactly 60 days, not > 60     → 活跃客户
  const Classification result = classify_text(
      "order_id,customer_id,order_date,amount\n"
      "P1,P,2024-06-01,-20\n"
      "L1,L,2024-01-05,100\nL2,L,2024-02-01,100\n"
      "X1,X,2024-01-05,100\nX2,X,2024-03-03,100\n"
      "R1,R,2024-01-10,10\nR2,R,2024-02-10,10\nR3,R,2024-03-10,10\nR4,R,2024-04-01,10\nR5,R,2024-04-15,10\n"
      "N1,N,2024-06-10,10\nN2,N,2024-06-15,10\nN3,N,2024-06-20,10\n"
      "M1,M,2024-06-01,10\n"
      "Y1,Y,2024-01-10,10\nY2,Y,2024-03-10,10\nY3,Y,2024-06-20,10\n"
      "V1,V,2024-03-01,10\nV2,V,2024-06-01,10\n"
      "B1,B,2024-01-02,10\nB2,B,2024-05-02,10\n",
      R"({"tierlens_policy": 1, "analysis_date": "2024-07-01",
          "dimensions": [{"id": "stage", "type": "lifecycle", "new_days": 30, "at_risk_days": 60,
                          "lost_days": 120, "loyal_orders": 3}]})");
  ASSERT_EQ(result.customer_count(), 9u);
  EXPECT_EQ(labels(result, "stage"), (Labels{{"P", "潜在客户"}, {"L", "流失客户"}, {"X", "预警客户"},
                                             {"R", "预警客户"}, {"N", "新客户"}, {"M", "新客户"},
                                             {"Y", "忠诚客户"}, {"V", "活跃客户"}, {"B", "活跃客户"}}));
  EXPECT_EQ(totals(result, "stage"),
            (std::vector<std::string>{"潜在客户 1 -20", "新客户 2 40", "活跃客户 2 40", "忠诚客户 1 30",
                                      "预警客户 2 250", "流失客户 1 200"}));
}

TEST(Dimensions, LifecycleLabelsCanBeRenamed) {
  const Classification result = classify_text(
      "order_id,customer_id,order_date,amount\nP1,P,2024-06-01,-20\nN1,N,2024-06-20,10\n",
      R"({"tierlens_policy": 1, "analysis_date": "2024-07-01",
          "dimensions": [{"id": "stage", "type": "lifecycle",
                          "labels": {"potential": "Prospect", "new": "New"}}]})");
  EXPECT_EQ(labels(result, "stage"), (Labels{{"P", "Prospect"}, {"N", "New"}}));
}

// ---------------------------------------------------------------------------------------------
// score

TEST(Dimensions, ScoreWithMinMaxAndPercentileFactors) {
  // monetary (weight 3, min–max over 100..900) and recency (weight 1, percentile, lower is
  // better). Percentile = (customers below + ½ × other customers equal) / (n − 1), n = 5:
  //   recency 10 10 20 40 80 → A, B (0 + ½)/4 = 0.125;  C 2/4;  D 3/4;  E 4/4; then 1 − that.
  //        monetary  min–max   recency  1 − pct   score = (3 × mm + pct') / 4 × 100
  //   A    100       0         10       0.875     21.875 → 21.88
  //   B    300       0.25      10       0.875     (0.75 + 0.875) / 4 = 40.625 → 40.63
  //   C    500       0.5       20       0.5       (1.5 + 0.5) / 4 = 50
  //   D    500       0.5       40       0.25      (1.5 + 0.25) / 4 = 43.75
  //   E    900       1         80       0         3 / 4 = 75
  // Recency 10 = 06-21, 20 = 06-11, 40 = 05-22, 80 = 04-12.
  const Classification result = classify_text(
      "order_id,customer_id,order_date,amount\n"
      "1,A,2024-06-21,100\n2,B,2024-06-21,300\n3,C,2024-06-11,500\n4,D,2024-05-22,500\n"
      "5,E,2024-04-12,900\n",
      R"({"tierlens_policy": 1, "analysis_date": "2024-07-01",
          "dimensions": [{"id": "potential", "type": "score",
            "factors": [{"field": "monetary", "weight": 3, "normalize": "min_max"},
                        {"field": "recency", "weight": 1, "normalize": "percentile", "direction": "lower"}],
            "grades": [{"label": "优", "min": 60}, {"label": "良", "min": 45}, {"label": "中", "min": 25},
                       {"label": "差"}]}]})");
  ASSERT_EQ(result.customer_count(), 5u);
  EXPECT_EQ(result.recency, (std::vector<std::int32_t>{10, 10, 20, 40, 80}));
  const DimensionResult& score = *find_dimension(result, "potential");
  ASSERT_EQ(score.value.size(), 5u);
  EXPECT_DOUBLE_EQ(score.value[0], 21.88);
  EXPECT_DOUBLE_EQ(score.value[1], 40.63);
  EXPECT_DOUBLE_EQ(score.value[2], 50);
  EXPECT_DOUBLE_EQ(score.value[3], 43.75);
  EXPECT_DOUBLE_EQ(score.value[4], 75);
  EXPECT_EQ(labels(result, "potential"),
            (Labels{{"A", "差"}, {"B", "中"}, {"C", "良"}, {"D", "中"}, {"E", "优"}}));
  EXPECT_TRUE(score.warnings.empty());
}

TEST(Dimensions, ScoreWithZScoresAndAMissingValue) {
  // satisfaction 2 4 4 4 5 5 7 9: mean 5, population sd √(32 / 8) = 2. Normalised (z + 3) / 6:
  //   2 → z −1.5 → 25;  4 → −0.5 → 41.67;  5 → 0 → 50;  7 → 1 → 66.67;  9 → 2 → 83.33.
  // I has no value: the factor counts 0, and the mean and sd are over the other eight.
  const Classification result = classify_text(
      "order_id,customer_id,order_date,amount,satisfaction\n"
      "1,A,2024-06-01,10,2\n2,B,2024-06-01,10,4\n3,C,2024-06-01,10,4\n4,D,2024-06-01,10,4\n"
      "5,E,2024-06-01,10,5\n6,F,2024-06-01,10,5\n7,G,2024-06-01,10,7\n8,H,2024-06-01,10,9\n"
      "9,I,2024-06-01,10,\n",
      R"({"tierlens_policy": 1, "analysis_date": "2024-07-01",
          "dimensions": [{"id": "happiness", "type": "score",
            "factors": [{"field": "satisfaction", "weight": 2, "normalize": "z_score"}],
            "grades": [{"label": "high", "min": 60}, {"label": "mid", "min": 40}, {"label": "low"}]}]})");
  ASSERT_EQ(result.customer_count(), 9u);
  const DimensionResult& score = *find_dimension(result, "happiness");
  const double expected[] = {25, 41.67, 41.67, 41.67, 50, 50, 66.67, 83.33, 0};
  for (std::size_t i = 0; i < 9; ++i) EXPECT_DOUBLE_EQ(score.value[i], expected[i]) << result.ingest.customers.id[i];
  EXPECT_EQ(labels(result, "happiness"),
            (Labels{{"A", "low"}, {"B", "mid"}, {"C", "mid"}, {"D", "mid"}, {"E", "mid"}, {"F", "mid"},
                    {"G", "high"}, {"H", "high"}, {"I", "low"}}));
  EXPECT_EQ(score.warnings, (std::vector<std::string>{
                                "1 customers have no number in \"satisfaction\"; that factor counts 0 for them"}));
}

// ---------------------------------------------------------------------------------------------
// tree

TEST(Dimensions, TreeWalksDownFromTheFirstMatchingRootToTheFirstMatchingChild) {
  // Roots 01 (industry 制造业) and 02 (monetary ≥ 500). In "listed", 0102 (employees ≥ 100) is
  // listed before 0101 (≥ 1000); "coded" lists them in code order.
  //   A 制造业, 1500 employees   → listed: 0102 (first child that holds), coded: 0101
  //   B 制造业, 50, monetary 900 → 01 holds first; no child holds: stays at 01 (never tries 02)
  //   C 零售, monetary 800       → 02 → 0201 (industry 零售)
  //   D 物流, monetary 600       → 02 → 0202 (no condition)
  //   E 医药, monetary 100       → no root holds → the default
  //   F 制造业, no employees     → 01, no child holds
  const std::string nodes_tail = R"(
        {"code": "02", "name": "大额", "when": {"field": "monetary", "op": ">=", "value": 500}},
        {"code": "0201", "name": "大额零售", "when": {"field": "industry", "op": "=", "value": "零售"}},
        {"code": "0202", "name": "大额其他"}])";
  const std::string root01 = R"({"code": "01", "name": "制造业", "when": {"field": "industry", "op": "=", "value": "制造业"}})";
  const std::string large = R"({"code": "0101", "name": "大型", "when": {"field": "employees", "op": ">=", "value": 1000}})";
  const std::string medium = R"({"code": "0102", "name": "中小型", "when": {"field": "employees", "op": ">=", "value": 100}})";
  const Classification result = classify_text(
      "order_id,customer_id,order_date,amount,industry,employees\n"
      "1,A,2024-06-01,100,制造业,1500\n2,B,2024-06-01,900,制造业,50\n3,C,2024-06-01,800,零售,\n"
      "4,D,2024-06-01,600,物流,\n5,E,2024-06-01,100,医药,\n6,F,2024-06-01,300,制造业,\n",
      R"({"tierlens_policy": 1, "analysis_date": "2024-07-01", "dimensions": [
          {"id": "listed", "type": "tree", "scheme": [2, 2], "nodes": [)" + root01 + ", " + medium + ", " +
          large + ", " + nodes_tail + R"(},
          {"id": "coded", "type": "tree", "scheme": [2, 2], "default": "其他", "nodes": [)" + root01 + ", " +
          large + ", " + medium + ", " + nodes_tail + "}]}");
  ASSERT_EQ(result.customer_count(), 6u);
  EXPECT_EQ(labels(result, "listed"), (Labels{{"A", "0102 中小型"}, {"B", "01 制造业"}, {"C", "0201 大额零售"},
                                              {"D", "0202 大额其他"}, {"E", "未分类"}, {"F", "01 制造业"}}));
  EXPECT_EQ(labels(result, "coded"), (Labels{{"A", "0101 大型"}, {"B", "01 制造业"}, {"C", "0201 大额零售"},
                                             {"D", "0202 大额其他"}, {"E", "其他"}, {"F", "01 制造业"}}));
  EXPECT_EQ(find_dimension(result, "listed")->labels,
            (std::vector<std::string>{"01 制造业", "0102 中小型", "0101 大型", "02 大额", "0201 大额零售",
                                      "0202 大额其他", "未分类"}));
}

// ---------------------------------------------------------------------------------------------
// rules

TEST(Dimensions, RulesTakeTheFirstThatHoldsAndMayUseAnEarlierDimension) {
  // value: ABC by revenue, one cut at 50 %; revenue 400 + 300 + 200 + 100 = 1000.
  //   A 400 (0 % above) 高, recency 10, 2 orders: 维护 — 唤回 and 培养 hold too, but come later
  //   B 300 (40 %) 高, recency 90:                唤回
  //   C 200 (70 %) 低, 2 orders:                  培养
  //   D 100 (90 %) 低, 1 order:                   观察
  const Classification result = classify_text(
      "order_id,customer_id,order_date,amount\n"
      "A1,A,2024-05-01,200\nA2,A,2024-06-21,200\nB1,B,2024-04-02,300\n"
      "C1,C,2024-05-01,100\nC2,C,2024-06-26,100\nD1,D,2024-06-26,100\n",
      R"({"tierlens_policy": 1, "analysis_date": "2024-07-01", "dimensions": [
          {"id": "value", "type": "abc", "by": "revenue", "cuts": [50], "labels": ["高", "低"]},
          {"id": "action", "type": "rules", "rules": [
            {"label": "维护", "when": {"all": [{"field": "value", "op": "=", "value": "高"},
                                              {"field": "recency", "op": "<=", "value": 30}]}},
            {"label": "唤回", "when": {"field": "value", "op": "=", "value": "高"}},
            {"label": "培养", "when": {"field": "frequency", "op": ">=", "value": 2}},
            {"label": "观察"}]}]})");
  ASSERT_EQ(result.customer_count(), 4u);
  EXPECT_EQ(result.recency, (std::vector<std::int32_t>{10, 90, 5, 5}));
  EXPECT_EQ(labels(result, "value"), (Labels{{"A", "高"}, {"B", "高"}, {"C", "低"}, {"D", "低"}}));
  EXPECT_EQ(labels(result, "action"), (Labels{{"A", "维护"}, {"B", "唤回"}, {"C", "培养"}, {"D", "观察"}}));
  EXPECT_EQ(totals(result, "action"), (std::vector<std::string>{"维护 1 400", "唤回 1 300", "培养 1 200", "观察 1 100"}));
  const DimensionResult& action = *find_dimension(result, "action");
  EXPECT_EQ(explain_dimension(result, action, index_of(result, "D")).text, "no earlier rule holds → 观察.");
  EXPECT_EQ(explain_dimension(result, action, index_of(result, "B")).text,
            "value = 高 holds (value = 高) → 唤回.");
}

}  // namespace
}  // namespace tierlens
