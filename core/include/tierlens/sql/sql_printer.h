// A plan (sql_plan.h) printed as one SQL script for one engine.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "tierlens/sql/sql_plan.h"

namespace tierlens::sql {

enum class Dialect { kDuckDb, kPostgres, kSpark };

/// "duckdb", "postgres", "spark".
const char* dialect_key(Dialect dialect);

/// "DuckDB", "PostgreSQL", "Spark SQL".
const char* dialect_name(Dialect dialect);

/// The dialect named `key` (as dialect_key spells it; "postgresql" and "sparksql" too).
std::optional<Dialect> parse_dialect(std::string_view key);

/// The plan as one statement: the header comment, WITH [RECURSIVE] and every step as a CTE
/// with its comment, then the final SELECT and a semicolon.
std::string print_plan(const Plan& plan, Dialect dialect);

/// One expression as `dialect` spells it (for tests and for the printer itself).
std::string print_expr(const Expr& expr, Dialect dialect);

}  // namespace tierlens::sql
