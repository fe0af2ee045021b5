// The policy compiled to SQL: the plan and its printers on small hand-made policies. That the
// SQL computes what the core computes is proven on DuckDB and PostgreSQL by tests/sql/; here,
// what must hold of the text itself: each dialect's spelling of the portable operations, exact
// literals, the steps a policy item becomes and their comments, refusals, and scripts that are
// well formed (quotes and parentheses balanced, every step defined before it is read).
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "test_support.h"
#include "tierlens/presets.h"
#include "tierlens/sample_orders.h"
#include "tierlens/sql/policy_sql.h"

namespace tierlens::sql {
namespace {

ClassifyOptions policy(const std::string& json) {
  ClassifyOptions options;
  const Status status = parse_policy_json(json, options);
  EXPECT_TRUE(status.ok()) << status.message();
  return options;
}

std::string compiled(const ClassifyOptions& options, Dialect dialect, const SqlFits* fits = nullptr,
                     const SqlMapping* mapping = nullptr) {
  std::string script;
  const SqlMapping fallback = mapping_from_policy(options);
  const Status status = policy_sql(options, mapping ? *mapping : fallback, fits, dialect, script);
  EXPECT_TRUE(status.ok()) << status.message();
  return script;
}

/// The script with string literals, quoted identifiers and comments blanked out, or an error
/// message when a quote is left open.
std::string code_only(const std::string& script, Dialect dialect, std::string& problem) {
  std::string code;
  for (std::size_t i = 0; i < script.size(); ++i) {
    const char c = script[i];
    if (c == '-' && i + 1 < script.size() && script[i + 1] == '-') {
      while (i < script.size() && script[i] != '\n') ++i;
      code += '\n';
      continue;
    }
    const char identifier_quote = dialect == Dialect::kSpark ? '`' : '"';
    if (c == '\'' || c == identifier_quote) {
      std::size_t j = i + 1;
      for (;; ++j) {
        if (j >= script.size()) {
          problem = "an open quote at byte " + std::to_string(i);
          return code;
        }
        if (c == '\'' && dialect == Dialect::kSpark && script[j] == '\\') {
          ++j;
          continue;
        }
        if (script[j] == c) {
          if (j + 1 < script.size() && script[j + 1] == c && !(c == '\'' && dialect == Dialect::kSpark)) {
            ++j;
            continue;
          }
          break;
        }
      }
      code += c == '\'' ? "'s'" : "ident";
      i = j;
      continue;
    }
    code += c;
  }
  return code;
}

/// Checks what every script must be: quotes closed, parentheses balanced, one statement, each
/// step defined once and only read after its definition.
void expect_well_formed(const std::string& script, Dialect dialect, const std::string& context) {
  std::string problem;
  const std::string code = code_only(script, dialect, problem);
  ASSERT_TRUE(problem.empty()) << context << ": " << problem;
  int depth = 0;
  for (const char c : code) {
    depth += c == '(' ? 1 : c == ')' ? -1 : 0;
    ASSERT_GE(depth, 0) << context;
  }
  EXPECT_EQ(depth, 0) << context;
  EXPECT_EQ(std::count(code.begin(), code.end(), ';'), 1) << context;
  EXPECT_EQ(code.substr(code.find_last_not_of("\n"), 1), ";") << context;
  if (dialect == Dialect::kSpark) {
    EXPECT_EQ(code.find('"'), std::string::npos) << context << ": Spark quotes identifiers with backticks";
    EXPECT_EQ(code.find("RECURSIVE"), std::string::npos) << context;
    EXPECT_EQ(code.find(" // "), std::string::npos) << context;
  }
  // Steps: "name AS (" at the start of a line.
  const std::regex step(R"((^|\n)([a-z_][a-z0-9_]*) AS \()");
  std::set<std::string> defined;
  std::size_t previous_end = 0;
  for (auto it = std::sregex_iterator(code.begin(), code.end(), step); it != std::sregex_iterator(); ++it) {
    const std::string name = (*it)[2];
    const std::string before = code.substr(previous_end, static_cast<std::size_t>(it->position()) - previous_end);
    // Every FROM / JOIN of a plain name in the text so far reads a step already defined (or the input tables).
    const std::regex read(R"((FROM|JOIN) ([a-z_][a-z0-9_]*))");
    for (auto r = std::sregex_iterator(before.begin(), before.end(), read); r != std::sregex_iterator(); ++r) {
      const std::string table = (*r)[2];
      // ("ident": the quoted input tables; Spark's trim(BOTH … FROM c.x) reads no table.)
      EXPECT_TRUE(defined.count(table) || table.size() == 1 || table == "ident" || table == name)
          << context << ": " << table << " read before it is defined";
    }
    EXPECT_TRUE(defined.insert(name).second) << context << ": step " << name << " defined twice";
    previous_end = static_cast<std::size_t>(it->position());
  }
  EXPECT_GT(defined.size(), 8u) << context;
}

TEST(SqlPrinter, SpellsThePortableOperationsPerDialect) {
  const Expr division = call(Fn::kIntDiv, {Expr("n - 1"), Expr("2")});
  EXPECT_EQ(print_expr(division, Dialect::kDuckDb), "((n - 1) // (2))");
  EXPECT_EQ(print_expr(division, Dialect::kPostgres), "((n - 1) / (2))");
  EXPECT_EQ(print_expr(division, Dialect::kSpark), "((n - 1) DIV (2))");
  const Expr days = call(Fn::kDaysBetween, {Expr("a"), Expr("b")});
  EXPECT_EQ(print_expr(days, Dialect::kDuckDb), "(b - (a))");
  EXPECT_EQ(print_expr(days, Dialect::kSpark), "datediff(b, a)");
  EXPECT_EQ(print_expr(call(Fn::kAsDouble, {Expr("x")}), Dialect::kPostgres), "CAST(x AS DOUBLE PRECISION)");
  EXPECT_EQ(print_expr(call(Fn::kAsWide, {Expr("x")}), Dialect::kDuckDb), "CAST(x AS HUGEINT)");
  EXPECT_EQ(print_expr(call(Fn::kAsWide, {Expr("x")}), Dialect::kSpark), "CAST(x AS DECIMAL(38, 0))");
  EXPECT_EQ(print_expr(call(Fn::kRegexMatches, {Expr("v"), string_literal("^[0-9]+$")}), Dialect::kPostgres),
            "(v ~ '^[0-9]+$')");
  EXPECT_EQ(print_expr(call(Fn::kTrimSpaces, {Expr("v")}), Dialect::kPostgres), "btrim(v, (' ' || chr(9)))");
}

TEST(SqlPrinter, QuotesStringsAndIdentifiersAsEachEngineReadsThem) {
  const Expr text = string_literal("it's C:\\x");
  EXPECT_EQ(print_expr(text, Dialect::kDuckDb), "'it''s C:\\x'");
  EXPECT_EQ(print_expr(text, Dialect::kPostgres), "'it''s C:\\x'");
  EXPECT_EQ(print_expr(text, Dialect::kSpark), "'it\\'s C:\\\\x'");
  EXPECT_EQ(print_expr(identifier("a\"b"), Dialect::kPostgres), "\"a\"\"b\"");
  EXPECT_EQ(print_expr(identifier("员工人数"), Dialect::kSpark), "`员工人数`");
}

TEST(SqlPrinter, NumbersReadBackToTheSameDouble) {
  EXPECT_EQ(print_expr(number(500), Dialect::kDuckDb), "500");
  EXPECT_EQ(print_expr(number(-3), Dialect::kDuckDb), "-3");
  EXPECT_EQ(print_expr(number(0.5), Dialect::kDuckDb), "0.5");
  EXPECT_EQ(print_expr(number(20000.5), Dialect::kDuckDb), "20000.5");
  // Past 15 digits, a decimal literal may be read through a decimal type and rounded twice.
  // Past 15 digits: the shortest text that reads back to the same double, through a text cast.
  EXPECT_EQ(print_expr(number(1.0 / 3), Dialect::kPostgres), "CAST('0.3333333333333333' AS DOUBLE PRECISION)");
  EXPECT_EQ(std::strtod("0.3333333333333333", nullptr), 1.0 / 3);
  EXPECT_EQ(print_expr(number(68.89065123456789), Dialect::kDuckDb), "CAST('68.89065123456788' AS DOUBLE)");
  EXPECT_EQ(std::strtod("68.89065123456788", nullptr), 68.89065123456789);
}

TEST(SqlCompiler, EachPolicyItemBecomesANamedCommentedStep) {
  const ClassifyOptions options = policy(R"({"tierlens_policy": 1, "name": "demo",
    "rfm": {"bins": 3},
    "dimensions": [{"id": "size", "type": "bands", "field": "employees",
                    "bands": [{"label": "big", "min": 1000}, {"label": "small"}]},
                   {"id": "value", "type": "abc", "by": "revenue", "cuts": [70, 20], "labels": ["A", "B", "C"]}],
    "tiers": [{"name": "key", "when": {"field": "size", "op": "=", "value": "big"}}, {"name": "rest"}]})");
  const std::string script = compiled(options, Dialect::kDuckDb);
  EXPECT_NE(script.find("-- TierLens 0.1.0: the policy \"demo\" compiled to SQL."), std::string::npos);
  EXPECT_NE(script.find("\ndimension_size AS ("), std::string::npos);
  EXPECT_NE(script.find("-- Dimension \"size\" (bands"), std::string::npos);
  EXPECT_NE(script.find(": employees in bands, the first whose min it reaches; no number: 未知."), std::string::npos);
  EXPECT_NE(script.find("\ndimension_value AS ("), std::string::npos);
  EXPECT_NE(script.find("\ntiers AS ("), std::string::npos);
  // 3 bins: the scores placed on the 5 × 5 grid as segments.h does: 1, 2, 3 → 1, 3, 5.
  EXPECT_NE(script.find("CASE c.r_score WHEN 1 THEN 1 WHEN 2 THEN 3 WHEN 3 THEN 5 END"), std::string::npos);
  // The revenue cuts as exact parts per million: 70 % and 90 % cumulative.
  EXPECT_NE(script.find("* 1000000 < 700000 * "), std::string::npos);
  EXPECT_NE(script.find("* 1000000 < 900000 * "), std::string::npos);
  // The columns of customers.csv, in its order.
  EXPECT_NE(script.find("segment_cell,\n  segment,\n  \"size\",\n  \"value\",\n  tier\nFROM tiers\nORDER BY customer_id;"),
            std::string::npos);
  expect_well_formed(script, Dialect::kDuckDb, "demo");
}

TEST(SqlCompiler, ConditionsKeepTheCoresMissingValueRule) {
  // employees has a column; "hobby" does not: != on it always holds, = never.
  const ClassifyOptions options = policy(R"({"tierlens_policy": 1,
    "attributes": {"employees": "员工"},
    "dimensions": [{"id": "r", "type": "rules", "rules": [
      {"label": "a", "when": {"field": "hobby", "op": "!=", "value": "golf"}},
      {"label": "b", "when": {"field": "employees", "op": ">=", "value": 500}},
      {"label": "c", "when": {"not": {"field": "employees", "op": "=", "value": 12}}},
      {"label": "d"}]}]})");
  SqlMapping mapping = mapping_from_policy(options);
  for (AttributeSource& source : mapping.attributes) {
    if (source.field == "hobby") source.orders_column.reset();
  }
  const std::string script = compiled(options, Dialect::kPostgres, nullptr, &mapping);
  EXPECT_NE(script.find("WHEN TRUE THEN 'a'"), std::string::npos);
  EXPECT_NE(script.find("WHEN (c.\"attribute:employees:number\" IS NOT NULL AND c.\"attribute:employees:number\" >= 500) THEN 'b'"),
            std::string::npos);
  // A number compares numerically where the cell is one, else as the text the core prints it as.
  EXPECT_NE(script.find("(NOT ((c.\"attribute:employees\" <> '') AND (CASE WHEN c.\"attribute:employees:number\" IS NOT NULL "
                        "THEN c.\"attribute:employees:number\" = 12 ELSE c.\"attribute:employees\" = '12' END)))"),
            std::string::npos);
  EXPECT_NE(script.find("o.\"员工\""), std::string::npos);
}

TEST(SqlCompiler, RefusesWhatItCannotSayAsTheCoreDoes) {
  Plan plan;
  const ClassifyOptions clv = policy(R"({"tierlens_policy": 1,
    "dimensions": [{"id": "v", "type": "clv"}]})");
  Status status = compile_policy(clv, mapping_from_policy(clv), nullptr, plan);
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message().find("fitted on data: give the orders file with --fit FILE"), std::string::npos);
  EXPECT_TRUE(policy_needs_fit(clv));

  const ClassifyOptions clusters = policy(R"({"tierlens_policy": 1,
    "dimensions": [{"id": "k", "type": "clusters", "k": 3}]})");
  status = compile_policy(clusters, mapping_from_policy(clusters), nullptr, plan);
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message().find("k-means"), std::string::npos);

  const ClassifyOptions contains = policy(R"({"tierlens_policy": 1,
    "tiers": [{"name": "x", "when": {"field": "recency", "op": "contains", "value": "1"}}, {"name": "y"}]})");
  status = compile_policy(contains, mapping_from_policy(contains), nullptr, plan);
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message().find("recency contains"), std::string::npos);
  EXPECT_FALSE(policy_needs_fit(contains));
}

TEST(SqlCompiler, MappingDefaultsAndTheRunsOwnColumns) {
  ClassifyOptions options = policy(R"({"tierlens_policy": 1, "columns": {"customer_id": "客户", "order_id": ""},
    "dimensions": [{"id": "m", "type": "mapping", "field": "industry", "table": {"电子": "重点"}}]})");
  const SqlMapping mapping = mapping_from_policy(options);
  EXPECT_EQ(mapping.customer_id, "客户");
  EXPECT_FALSE(mapping.order_id.has_value());
  EXPECT_EQ(mapping.date, "order_date");
  ASSERT_NE(mapping.attribute("industry"), nullptr);
  EXPECT_EQ(*mapping.attribute("industry")->orders_column, "industry");
  EXPECT_FALSE(mapping.attribute("customer_name")->present());

  // A run knows the columns it read and guessed: the sample's.
  options.columns[ColumnRole::kCustomerId].reset();
  options.columns[ColumnRole::kOrderId].reset();
  ClassificationSession session;
  ASSERT_TRUE(testing::run_session(session, generate_sample_orders(), options).ok());
  const SqlMapping from_run = mapping_from_run(*session.result());
  EXPECT_EQ(from_run.customer_id, "customer_id");
  EXPECT_EQ(from_run.date, "order_date");
  EXPECT_EQ(*from_run.order_id, "order_id");
  EXPECT_EQ(*from_run.amount, "amount");
  EXPECT_EQ(*from_run.attribute("customer_name")->orders_column, "customer_name");
  EXPECT_EQ(*from_run.attribute("industry")->orders_column, "industry");
}

TEST(SqlCompiler, EveryPresetPrintsWellFormedInEveryDialect) {
  // The fits a run gives (CLV and clusters), as `tierlens sql --fit` takes them.
  const std::string sample = generate_sample_orders();
  for (const Preset& preset : presets()) {
    ClassifyOptions options;
    ASSERT_TRUE(load_preset(preset.id, options).ok());
    ClassificationSession session;
    ASSERT_TRUE(testing::run_session(session, sample, options).ok());
    const SqlFits fits = fits_from_run(*session.result());
    const SqlMapping mapping = mapping_from_run(*session.result());
    for (const Dialect dialect : {Dialect::kDuckDb, Dialect::kPostgres, Dialect::kSpark}) {
      const std::string script = compiled(options, dialect, &fits, &mapping);
      expect_well_formed(script, dialect, std::string(preset.id) + " " + dialect_key(dialect));
      EXPECT_NE(script.find(std::string("-- This script: ") + dialect_name(dialect) + "."), std::string::npos);
      if (policy_needs_fit(options)) {
        EXPECT_NE(script.find("Fitted on data by a run of the core on orders.csv"), std::string::npos);
        EXPECT_NE(script.find(dialect == Dialect::kSpark ? "aggregate(sequence(" : "WITH RECURSIVE"), std::string::npos);
      }
    }
  }
}

}  // namespace
}  // namespace tierlens::sql
