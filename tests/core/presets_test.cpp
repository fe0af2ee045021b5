// The presets (presets.h) keep the promises their names make, on the built-in sample and, when
// it is present, on the real UCI Online Retail file: every customer exactly one tier, ABC
// classes that are the smallest sets reaching their share of revenue, value pyramids of 5 % /
// 15 % of customers (up to ties), the eight RFM classes, and warnings for missing columns.
#include "tierlens/presets.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>
#include <set>

#include "test_support.h"
#include "tierlens/sample_orders.h"

namespace tierlens {
namespace {

using testing::file_exists;
using testing::read_file;
using testing::run_session;
using testing::shared_data_path;

/// Runs `bytes` under preset `id`; null (and a failure) when the preset or the file is refused.
std::unique_ptr<Classification> classify_with_preset(const std::string& bytes, std::string_view id,
                                                     const std::string& file_name) {
  ClassifyOptions options;
  options.file_name = file_name;
  const Status loaded = load_preset(id, options);
  EXPECT_TRUE(loaded.ok()) << id << ": " << loaded.message();
  if (!loaded.ok()) return nullptr;
  ClassificationSession session;
  const Status run = run_session(session, bytes, options);
  EXPECT_TRUE(run.ok()) << id << ": " << run.message();
  if (!run.ok()) return nullptr;
  return std::make_unique<Classification>(*session.result());
}

const DimensionResult* find_dimension(const Classification& result, const std::string& id) {
  for (const DimensionResult& dimension : result.dimensions) {
    if (result.dimension_policy(dimension).id == id) return &dimension;
  }
  ADD_FAILURE() << "no dimension " << id;
  return nullptr;
}

/// Every customer is in exactly one tier, and the tier totals add up to the whole.
void expect_one_tier_each(const Classification& result, std::string_view preset) {
  SCOPED_TRACE(std::string(preset));
  const std::size_t n = result.customer_count();
  ASSERT_GT(n, 0u);
  ASSERT_FALSE(result.options.tiers.empty());
  ASSERT_EQ(result.tier_of.size(), n);
  ASSERT_EQ(result.tier_totals.size(), result.options.tiers.size());
  std::vector<std::uint64_t> counted(result.options.tiers.size());
  for (const std::uint32_t tier : result.tier_of) {
    ASSERT_LT(tier, result.options.tiers.size());
    ++counted[tier];
  }
  std::uint64_t customers = 0;
  Micros revenue = 0;
  for (std::size_t t = 0; t < result.tier_totals.size(); ++t) {
    EXPECT_EQ(result.tier_totals[t].customers, counted[t]) << result.options.tiers[t].name;
    customers += result.tier_totals[t].customers;
    revenue += result.tier_totals[t].revenue;
  }
  EXPECT_EQ(customers, n);
  EXPECT_EQ(revenue, result.revenue);
}

/// The classes of an `abc` dimension are cut where its spec says, up to ties. For class k
/// before the last, with c = the cumulative cut (e.g. 70 %, then 90 %) and W = all customers
/// (by customers) or all positive revenue (by revenue):
///   - classes 0..k together hold at least c of W;
///   - what ranks strictly above the lowest customer of class k is below c of W, so removing
///     the lowest tie group of class k would leave classes 0..k below c: the minimal set;
///   - every customer of class k has more monetary than every customer of class k + 1.
void expect_abc_cuts(const Classification& result, const std::string& id) {
  SCOPED_TRACE(id);
  const DimensionResult* dimension = find_dimension(result, id);
  ASSERT_NE(dimension, nullptr);
  const auto* spec = std::get_if<AbcSpec>(&result.dimension_policy(*dimension).spec);
  ASSERT_NE(spec, nullptr);
  const bool by_revenue = spec->by == AbcBasis::kRevenue;
  const std::vector<Micros>& monetary = result.ingest.customers.monetary;
  const std::size_t n = result.customer_count();
  // The weight of one customer: 1, or its positive revenue.
  const auto weight = [&](std::size_t i) -> Micros {
    return by_revenue ? std::max<Micros>(monetary[i], 0) : 1;
  };
  Micros whole = 0;
  for (std::size_t i = 0; i < n; ++i) whole += weight(i);
  ASSERT_GT(whole, 0);

  double cumulative = 0;
  for (std::size_t k = 0; k < spec->cuts.size(); ++k) {
    cumulative += spec->cuts[k];
    Micros held = 0;  // classes 0..k
    std::optional<Micros> lowest, highest_after;
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint32_t label = dimension->label_of[i];
      if (label <= k) held += weight(i);
      if (label == k && (!lowest || monetary[i] < *lowest)) lowest = monetary[i];
      if (label == k + 1 && (!highest_after || monetary[i] > *highest_after)) highest_after = monetary[i];
    }
    const std::string what = spec->labels[k] + " (cumulative " + std::to_string(cumulative) + " %)";
    EXPECT_GE(static_cast<long double>(held) * 100, static_cast<long double>(cumulative) * whole) << what;
    if (!lowest) continue;  // an empty class: a tie group took all of its share
    if (by_revenue) {
      EXPECT_GT(*lowest, 0) << what << ": only customers with positive revenue";
    }
    Micros above = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (monetary[i] > *lowest) above += weight(i);
    }
    EXPECT_LT(static_cast<long double>(above) * 100, static_cast<long double>(cumulative) * whole) << what;
    if (highest_after) {
      EXPECT_GT(*lowest, *highest_after) << what;
    }
  }
}

/// Labels of `id` that some customer has, with their customer counts summing to n.
void expect_labels_cover_everyone(const Classification& result, const std::string& id) {
  const DimensionResult* dimension = find_dimension(result, id);
  ASSERT_NE(dimension, nullptr);
  std::uint64_t customers = 0;
  for (const SegmentTotals& totals : dimension->totals) customers += totals.customers;
  EXPECT_EQ(customers, result.customer_count()) << id;
  ASSERT_EQ(dimension->label_of.size(), result.customer_count()) << id;
  for (const std::uint32_t label : dimension->label_of) ASSERT_LT(label, dimension->labels.size()) << id;
}

std::vector<std::string> all_warnings(const Classification& result) {
  std::vector<std::string> warnings = result.warnings;
  for (const DimensionResult& dimension : result.dimensions) {
    warnings.insert(warnings.end(), dimension.warnings.begin(), dimension.warnings.end());
  }
  return warnings;
}

// ---------------------------------------------------------------------------------------------

TEST(Presets, EveryPresetLoadsAndValidates) {
  const std::vector<Preset>& all = presets();
  ASSERT_EQ(all.size(), 7u);
  std::set<std::string_view> ids;
  for (const Preset& preset : all) {
    EXPECT_TRUE(ids.insert(preset.id).second) << preset.id << " twice";
    ClassifyOptions options;
    options.file_name = "kept.csv";
    const Status status = load_preset(preset.id, options);
    ASSERT_TRUE(status.ok()) << preset.id << ": " << status.message();
    EXPECT_TRUE(validate_options(options).ok()) << preset.id;
    EXPECT_EQ(options.file_name, "kept.csv") << preset.id;
    EXPECT_FALSE(options.dimensions.empty()) << preset.id;
    EXPECT_FALSE(options.tiers.empty()) << preset.id;
    EXPECT_FALSE(options.tiers.back().when.has_value()) << preset.id << ": the last tier catches the rest";
  }
  EXPECT_EQ(all.front().id, "rfm_segments");
}

TEST(Presets, AnUnknownPresetIsRefusedAndChangesNothing) {
  ClassifyOptions options;
  options.name = "mine";
  const Status status = load_preset("pareto", options);
  EXPECT_EQ(status.code(), ErrorCode::kInvalidOptions);
  EXPECT_EQ(status.message(),
            "preset: unknown preset \"pareto\"; expected one of rfm_segments, rfm_classes, abc_pareto, "
            "b2b_key_accounts, ic_industry, u8_seven_dimensions, clv_clusters");
  EXPECT_EQ(options.name, "mine");
}

class PresetsOnTheSample : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { sample_ = new std::string(generate_sample_orders()); }
  static void TearDownTestSuite() {
    delete sample_;
    sample_ = nullptr;
  }
  static std::unique_ptr<Classification> run(std::string_view id) {
    return classify_with_preset(*sample_, id, "sample.csv");
  }
  static std::string* sample_;
};
std::string* PresetsOnTheSample::sample_ = nullptr;

TEST_F(PresetsOnTheSample, EveryCustomerHasExactlyOneTier) {
  for (const Preset& preset : presets()) {
    const auto result = run(preset.id);
    ASSERT_NE(result, nullptr) << preset.id;
    expect_one_tier_each(*result, preset.id);
    for (const DimensionResult& dimension : result->dimensions) {
      expect_labels_cover_everyone(*result, result->dimension_policy(dimension).id);
    }
  }
}

TEST_F(PresetsOnTheSample, AbcClassesAreTheSmallestSetsReachingTheirShare) {
  const auto pareto = run("abc_pareto");
  ASSERT_NE(pareto, nullptr);
  expect_abc_cuts(*pareto, "abc");      // 70 / 20 / 10 of revenue
  expect_abc_cuts(*pareto, "pyramid");  // 5 / 15 / 80 % of customers
  const auto b2b = run("b2b_key_accounts");
  ASSERT_NE(b2b, nullptr);
  expect_abc_cuts(*b2b, "value");
  const auto ic = run("ic_industry");
  ASSERT_NE(ic, nullptr);
  expect_abc_cuts(*ic, "volume");  // 10 / 30 / 60 % of customers
  const auto u8 = run("u8_seven_dimensions");
  ASSERT_NE(u8, nullptr);
  expect_abc_cuts(*u8, "value");
}

TEST_F(PresetsOnTheSample, ValuePyramidHoldsFivePercentThenFifteenPercentOfCustomers) {
  const auto result = run("abc_pareto");
  ASSERT_NE(result, nullptr);
  const DimensionResult* pyramid = find_dimension(*result, "pyramid");
  ASSERT_NE(pyramid, nullptr);
  const std::size_t n = result->customer_count();
  ASSERT_EQ(pyramid->labels, (std::vector<std::string>{"Top", "High", "Standard"}));
  // Up to ties the classes hold ⌈5 %⌉ and ⌈20 %⌉ − ⌈5 %⌉ of the customers; ties can only add
  // to a class, and on this sample monetary values do not tie at the cuts.
  const auto at_least = [&](double percent) {
    return static_cast<std::uint64_t>(std::ceil(static_cast<double>(n) * percent / 100));
  };
  EXPECT_EQ(pyramid->totals[0].customers, at_least(5));
  EXPECT_EQ(pyramid->totals[0].customers + pyramid->totals[1].customers, at_least(20));
}

TEST_F(PresetsOnTheSample, RfmClassesGiveOneOfTheEightClassesToEveryone) {
  const auto result = run("rfm_classes");
  ASSERT_NE(result, nullptr);
  const DimensionResult* classes = find_dimension(*result, "rfm_class");
  ASSERT_NE(classes, nullptr);
  const std::vector<std::string> eight = {"重要价值客户", "重要发展客户", "重要保持客户", "重要挽留客户",
                                          "一般价值客户", "一般发展客户", "一般保持客户", "一般挽留客户"};
  EXPECT_EQ(classes->labels, eight);
  expect_labels_cover_everyone(*result, "rfm_class");
  // One tier per class, named alike: the tier is the class.
  for (std::size_t i = 0; i < result->customer_count(); ++i) {
    ASSERT_EQ(result->options.tiers[result->tier_of[i]].name, result->label(*classes, i))
        << result->ingest.customers.id[i];
  }
}

TEST_F(PresetsOnTheSample, B2bIcAndU8FindEveryColumnTheyNeed) {
  for (const char* id : {"b2b_key_accounts", "ic_industry", "u8_seven_dimensions"}) {
    const auto result = run(id);
    ASSERT_NE(result, nullptr) << id;
    EXPECT_EQ(all_warnings(*result), std::vector<std::string>{}) << id;
  }
}

// ---------------------------------------------------------------------------------------------
// The real UCI Online Retail file (541,909 invoice lines), read in place from ../shared/data.
// It has no employees, industry, province, product_type, needs or service column.

class PresetsOnOnlineRetail : public testing::OnlineRetailFile {
 protected:
  static std::unique_ptr<Classification> run(std::string_view id) {
    return classify_with_preset(*bytes_, id, "online_retail.csv");
  }
};

TEST_F(PresetsOnOnlineRetail, AbcParetoGivesOneTierEachAndTheMinimalClasses) {
  const auto result = run("abc_pareto");
  ASSERT_NE(result, nullptr);
  EXPECT_EQ(result->customer_count(), 4'372u);
  expect_one_tier_each(*result, "abc_pareto");
  expect_abc_cuts(*result, "abc");
  expect_abc_cuts(*result, "pyramid");
  // Customers whose returns outweigh their purchases are never A.
  const DimensionResult* abc = find_dimension(*result, "abc");
  ASSERT_NE(abc, nullptr);
  for (std::size_t i = 0; i < result->customer_count(); ++i) {
    if (result->ingest.customers.monetary[i] <= 0) {
      ASSERT_EQ(result->label(*abc, i), "C") << result->ingest.customers.id[i];
    }
  }
}

TEST_F(PresetsOnOnlineRetail, RfmPresetsGiveOneTierEach) {
  for (const char* id : {"rfm_segments", "rfm_classes"}) {
    const auto result = run(id);
    ASSERT_NE(result, nullptr) << id;
    expect_one_tier_each(*result, id);
  }
}

TEST_F(PresetsOnOnlineRetail, B2bSaysWhichColumnsTheFileLacks) {
  const auto result = run("b2b_key_accounts");
  ASSERT_NE(result, nullptr);
  expect_one_tier_each(*result, "b2b_key_accounts");
  expect_abc_cuts(*result, "value");
  const std::vector<std::string> warnings = all_warnings(*result);
  for (const char* column : {"employees", "industry"}) {
    const std::string named = std::string("the file has no column for \"") + column + "\"";
    EXPECT_EQ(std::count_if(warnings.begin(), warnings.end(),
                            [&](const std::string& warning) { return warning.find(named) != std::string::npos; }),
              1)
        << column;
  }
  // Without employees nobody is 大型, so 战略客户 (高价值 and 大型) is empty and 重点客户 is
  // exactly the 高价值 customers.
  const DimensionResult* value = find_dimension(*result, "value");
  ASSERT_NE(value, nullptr);
  EXPECT_EQ(result->tier_totals.at(0).customers, 0u);
  EXPECT_EQ(result->tier_totals.at(1).customers, value->totals.at(0).customers);
}

TEST_F(PresetsOnOnlineRetail, IcAndU8NameEveryMissingColumn) {
  const std::pair<const char*, std::vector<const char*>> cases[] = {
      {"ic_industry", {"product_type", "needs"}},
      {"u8_seven_dimensions", {"industry", "employees", "province", "needs", "product_type", "service"}},
  };
  for (const auto& [id, missing] : cases) {
    const auto result = run(id);
    ASSERT_NE(result, nullptr) << id;
    expect_one_tier_each(*result, id);
    const std::vector<std::string> warnings = all_warnings(*result);
    for (const char* column : missing) {
      const std::string named = std::string("the file has no column for \"") + column + "\"";
      EXPECT_TRUE(std::any_of(warnings.begin(), warnings.end(),
                              [&](const std::string& warning) { return warning.find(named) != std::string::npos; }))
          << id << ": " << column;
    }
  }
}

}  // namespace
}  // namespace tierlens
