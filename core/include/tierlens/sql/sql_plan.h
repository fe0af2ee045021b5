// The policy compiled to SQL, step one: a plan that no dialect has been chosen for yet.
//
// A plan is a list of named steps (the CTEs of one `WITH … SELECT`), each with a comment
// saying which policy item it implements, and a final SELECT. Their bodies are expressions
// written mostly in the SQL the three engines share (CASE, COALESCE, window functions,
// joins); the few operations each engine spells its own way (integer division, day
// arithmetic, trimming, regular expressions, type names, string literals) are kept as
// portable calls that the printer (sql_printer.h) spells per dialect. So DuckDB, PostgreSQL
// and Spark SQL are printed from one plan and cannot drift apart in what they compute.
#pragma once

#include <string>
#include <vector>

namespace tierlens::sql {

/// The operations the dialects spell differently.
enum class Fn {
  kIntDiv,          ///< (a, b): integer division truncating towards zero
  kDaysBetween,     ///< (from, to): whole days from `from` to `to`
  kAddDays,         ///< (date, n)
  kToDate,          ///< (x): a date or timestamp as a date
  kTrimSpaces,      ///< (x): spaces and tabs stripped from both ends
  kAsciiLower,      ///< (x): A–Z to a–z, every other character kept
  kRegexMatches,    ///< (x, pattern): the pattern (anchored by the caller) is found in x
  kRegexReplaceAll, ///< (x, pattern, replacement)
  kAsText,          ///< (x): cast to the text type
  kAsDouble,        ///< (x): cast to a double
  kAsBigInt,        ///< (x): cast to a 64-bit integer
  kAsWide,          ///< (x): cast to an integer type wide enough for sums × 10⁶
  kAsDecimal,       ///< (x): cast to DECIMAL(38, 9): exact decimal arithmetic on amounts
  kTextWithTab,     ///< (): the two characters space and tab, as a text value
  kMicrosToDecimal, ///< (micros): an exact decimal of currency units, 6 decimals
};

/// An expression: a sequence of parts, each portable SQL text, an identifier or a string
/// literal (quoted per dialect), a portable call, or a nested expression.
struct Expr {
  struct Part {
    enum class Kind { kText, kIdentifier, kString, kCall };
    Kind kind = Kind::kText;
    std::string text;        ///< kText: SQL as is; kIdentifier, kString: the raw name or value
    Fn fn = Fn::kIntDiv;     ///< kCall
    std::vector<Expr> args;  ///< kCall
  };
  std::vector<Part> parts;

  Expr() = default;
  Expr(const char* text);         // NOLINT: portable SQL text reads naturally in the compiler
  Expr(const std::string& text);  // NOLINT

  Expr& operator+=(const Expr& more);
  bool empty() const { return parts.empty(); }
};

Expr operator+(Expr left, const Expr& right);

/// A quoted identifier: "employees" in DuckDB and PostgreSQL, `employees` in Spark.
Expr identifier(const std::string& name);
/// A string literal with the dialect's escaping.
Expr string_literal(const std::string& value);
/// A portable call.
Expr call(Fn fn, std::vector<Expr> args = {});
/// A number as SQL text: integers as they are, others the shortest decimal that reads back
/// to the same double; past 15 significant digits, a text cast to double, which every engine
/// parses correctly rounded (a long decimal literal may not be).
Expr number(double value);
/// An integer literal.
Expr integer(long long value);
/// `items` joined by `separator`.
Expr join(const std::vector<Expr>& items, const std::string& separator);

/// One row list for a VALUES step: each row's cells, already expressions.
struct ValuesTable {
  std::vector<std::string> columns;
  std::vector<std::vector<Expr>> rows;
};

/// The BG/NBD series c·(₂F₁(A, B; C; z) − 1)/B summed per row of a source step (see
/// hypergeometric.h), term by term with the core's own stopping rule: a recursive CTE in
/// DuckDB and PostgreSQL, an aggregate over a sequence in Spark SQL.
struct SeriesSpec {
  std::string source;       ///< the step with one row per series: key columns and a, b, c, z
  std::vector<std::string> keys;  ///< columns that identify a row of the source
  int max_terms = 0;        ///< Spark: the fixed number of steps the aggregate takes
};

struct Step {
  enum class Kind { kQuery, kValues, kSeries };
  Kind kind = Kind::kQuery;
  std::string name;
  std::vector<std::string> comment;  ///< lines, without the leading "-- "
  Expr query;                        ///< kQuery: a SELECT
  ValuesTable values;                ///< kValues
  SeriesSpec series;                 ///< kSeries
};

struct Plan {
  std::vector<std::string> header;  ///< comment lines opening the script
  std::vector<Step> steps;
  Expr final_select;                ///< the SELECT after the WITH list (no semicolon)
  bool recursive() const;
};

}  // namespace tierlens::sql
