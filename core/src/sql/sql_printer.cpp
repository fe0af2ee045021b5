#include "tierlens/sql/sql_printer.h"

#include <sstream>

namespace tierlens::sql {
namespace {

std::string quote_identifier(const std::string& name, Dialect dialect) {
  const char quote = dialect == Dialect::kSpark ? '`' : '"';
  std::string out(1, quote);
  for (const char c : name) {
    out += c;
    if (c == quote) out += c;
  }
  return out + quote;
}

/// DuckDB and PostgreSQL (standard_conforming_strings, the default) double a quote and take
/// backslashes as they are; Spark SQL reads backslash escapes in every string literal.
std::string quote_string(const std::string& value, Dialect dialect) {
  std::string out = "'";
  for (const char c : value) {
    if (dialect == Dialect::kSpark && (c == '\\' || c == '\'')) {
      out += '\\';
      out += c;
    } else {
      out += c;
      if (c == '\'') out += '\'';
    }
  }
  return out + "'";
}

const char* double_type(Dialect dialect) { return dialect == Dialect::kPostgres ? "DOUBLE PRECISION" : "DOUBLE"; }

const char* text_type(Dialect dialect) {
  switch (dialect) {
    case Dialect::kDuckDb: return "VARCHAR";
    case Dialect::kPostgres: return "TEXT";
    case Dialect::kSpark: return "STRING";
  }
  return "VARCHAR";
}

const char* wide_type(Dialect dialect) {
  switch (dialect) {
    case Dialect::kDuckDb: return "HUGEINT";
    case Dialect::kPostgres: return "NUMERIC";
    case Dialect::kSpark: return "DECIMAL(38, 0)";
  }
  return "HUGEINT";
}

std::string print_call(const Expr::Part& part, Dialect dialect) {
  std::vector<std::string> a;
  for (const Expr& arg : part.args) a.push_back(print_expr(arg, dialect));
  const auto arg = [&](std::size_t i) { return i < a.size() ? a[i] : std::string(); };
  const bool spark = dialect == Dialect::kSpark;
  const std::string space_and_tab = spark ? "concat(' ', chr(9))" : "(' ' || chr(9))";
  switch (part.fn) {
    case Fn::kIntDiv:
      switch (dialect) {
        case Dialect::kDuckDb: return "((" + arg(0) + ") // (" + arg(1) + "))";
        case Dialect::kPostgres: return "((" + arg(0) + ") / (" + arg(1) + "))";
        case Dialect::kSpark: return "((" + arg(0) + ") DIV (" + arg(1) + "))";
      }
      break;
    case Fn::kDaysBetween:
      return spark ? "datediff(" + arg(1) + ", " + arg(0) + ")" : "(" + arg(1) + " - (" + arg(0) + "))";
    case Fn::kAddDays:
      return spark ? "date_add(" + arg(0) + ", " + arg(1) + ")" : "(" + arg(0) + " + (" + arg(1) + "))";
    case Fn::kToDate: return "CAST(" + arg(0) + " AS DATE)";
    case Fn::kTrimSpaces:
      switch (dialect) {
        case Dialect::kDuckDb: return "trim(" + arg(0) + ", " + space_and_tab + ")";
        case Dialect::kPostgres: return "btrim(" + arg(0) + ", " + space_and_tab + ")";
        case Dialect::kSpark: return "trim(BOTH " + space_and_tab + " FROM " + arg(0) + ")";
      }
      break;
    case Fn::kAsciiLower:
      return "translate(" + arg(0) + ", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')";
    case Fn::kRegexMatches:
      switch (dialect) {
        case Dialect::kDuckDb: return "regexp_matches(" + arg(0) + ", " + arg(1) + ")";
        case Dialect::kPostgres: return "(" + arg(0) + " ~ " + arg(1) + ")";
        case Dialect::kSpark: return "(" + arg(0) + " RLIKE " + arg(1) + ")";
      }
      break;
    case Fn::kRegexReplaceAll:
      return "regexp_replace(" + arg(0) + ", " + arg(1) + ", " + arg(2) + (spark ? ")" : ", 'g')");
    case Fn::kAsText: return "CAST(" + arg(0) + " AS " + text_type(dialect) + ")";
    case Fn::kAsDouble: return "CAST(" + arg(0) + " AS " + double_type(dialect) + ")";
    case Fn::kAsBigInt: return "CAST(" + arg(0) + " AS BIGINT)";
    case Fn::kAsWide: return "CAST(" + arg(0) + " AS " + wide_type(dialect) + ")";
    case Fn::kAsDecimal:
      return "CAST(" + arg(0) + (dialect == Dialect::kPostgres ? " AS NUMERIC)" : " AS DECIMAL(38, 9))");
    case Fn::kTextWithTab: return space_and_tab;
    case Fn::kMicrosToDecimal:
      switch (dialect) {
        case Dialect::kDuckDb: return "CAST(CAST(" + arg(0) + " AS DECIMAL(38, 6)) * 0.000001 AS DECIMAL(38, 6))";
        case Dialect::kPostgres: return "CAST(CAST(" + arg(0) + " AS NUMERIC) / 1000000 AS NUMERIC(38, 6))";
        case Dialect::kSpark: return "CAST(CAST(" + arg(0) + " AS DECIMAL(38, 6)) / 1000000 AS DECIMAL(38, 6))";
      }
      break;
  }
  return "";
}

void print_values(const ValuesTable& values, const std::string& name, Dialect dialect, std::ostringstream& out) {
  std::string columns;
  for (std::size_t c = 0; c < values.columns.size(); ++c) {
    columns += (c ? ", " : "") + values.columns[c];
  }
  out << "  SELECT * FROM " << (dialect == Dialect::kSpark ? "VALUES" : "(VALUES");
  for (std::size_t r = 0; r < values.rows.size(); ++r) {
    out << (r ? "," : "") << "\n    (";
    for (std::size_t c = 0; c < values.rows[r].size(); ++c) {
      out << (c ? ", " : "") << print_expr(values.rows[r][c], dialect);
    }
    out << ")";
  }
  out << (dialect == Dialect::kSpark ? "" : ")") << " AS " << name << "(" << columns << ")\n";
}

/// Indents every line of `text` by two spaces.
std::string indented(const std::string& text) {
  std::string out = "  ";
  for (std::size_t i = 0; i < text.size(); ++i) {
    out += text[i];
    if (text[i] == '\n' && i + 1 < text.size()) out += "  ";
  }
  return out;
}

/// The series of hypergeometric.h's sum_series, term by term: from the source's first_term at
/// index first_n, termₙ₊₁ = termₙ · (a + n)(b + n)z / ((c + n)(n + 1)) until the rest is below
/// 1e-17 of the sum, bounded as the core bounds it (a geometric tail once the ratio settles).
/// A sum that grows past 1e280 is given up (finite = FALSE) where the core's would overflow:
/// PostgreSQL refuses a double overflow, and the core then takes another form of the formula.
void print_series(const Step& step, Dialect dialect, std::ostringstream& out) {
  const SeriesSpec& s = step.series;
  std::string keys;
  for (const std::string& key : s.keys) keys += key + ", ";
  const bool spark = dialect == Dialect::kSpark;
  const std::string one = spark ? "1.0D" : "1.0", two = spark ? "2.0D" : "2.0";
  // The bound q on every later ratio (hypergeometric.cpp), at step n with this step's ratio.
  const auto bound = [&](const std::string& ratio) {
    return "CASE WHEN a > 0 AND b > 0 AND c > 0\n"
           "        THEN z * GREATEST(" + one + ", (a + n + 1) / (n + 2)) * GREATEST(" + one + ", (b + n + 1) / (c + n + 1))\n"
           "      WHEN n >= GREATEST(ABS(a), ABS(b), ABS(c)) + 1 THEN GREATEST(ABS(" + ratio + "), z) ELSE " + two + " END";
  };
  if (!spark) {
    out << "  SELECT " << keys << "a, b, c, z, first_n AS n, first_term AS term, first_term AS total, FALSE AS done, TRUE AS finite\n"
        << "  FROM " << s.source << "\n"
        << "  UNION ALL\n"
        << "  SELECT " << keys << "a, b, c, z, n + 1, next_term, next_total,\n"
        << "    next_term = 0 OR NOT finite OR n + 1 >= " << s.max_terms << "\n"
        << "      OR (q < 1 AND ABS(next_term) * q / (1 - q) <= 1e-17 * ABS(next_total)),\n"
        << "    finite\n"
        << "  FROM (\n"
        << "    SELECT " << keys << "a, b, c, z, n, next_term, total + next_term AS next_total,\n"
        << "      ABS(next_term) < 1e280 AND ABS(total + next_term) < 1e280 AS finite,\n"
        << "      " << bound("ratio") << " AS q\n"
        << "    FROM (SELECT " << keys << "a, b, c, z, n, total, ratio, term * ratio AS next_term\n"
        << "          FROM (SELECT " << keys << "a, b, c, z, n, term, total,\n"
        << "                  (a + n) * (b + n) * z / ((c + n) * (n + 1)) AS ratio\n"
        << "                FROM " << step.name << " WHERE NOT done) AS ratios) AS stepped\n"
        << "  ) AS bounded\n";
    return;
  }
  // Spark SQL has no recursive CTE before 4.1: the same recurrence as an aggregate over a
  // sequence, its state left as it is once done.
  const std::string ratio = "((a + n) * (b + n) * z / ((c + n) * (n + 1)))";
  const std::string next = "(acc.term * " + ratio + ")";
  const std::string q = "(" + bound(ratio) + ")";
  out << "  SELECT " << keys << "a, b, c, z, s.total AS total, TRUE AS done, s.finite AS finite\n"
      << "  FROM (\n"
      << "    SELECT " << keys << "a, b, c, z,\n"
      << "      aggregate(sequence(0, " << s.max_terms << "),\n"
      << "        named_struct('term', first_term, 'total', first_term, 'done', false, 'finite', true),\n"
      << "        (acc, n) -> CASE WHEN acc.done OR n < first_n THEN acc ELSE named_struct(\n"
      << "          'term', " << next << ",\n"
      << "          'total', acc.total + " << next << ",\n"
      << "          'done', " << next << " = 0 OR NOT (ABS(" << next << ") < 1e280D AND ABS(acc.total + " << next << ") < 1e280D)\n"
      << "            OR n + 1 >= " << s.max_terms << "\n"
      << "            OR (" << q << " < 1\n"
      << "                AND ABS(" << next << ") * " << q << " / (1 - " << q << ")\n"
      << "                  <= 1e-17D * ABS(acc.total + " << next << ")),\n"
      << "          'finite', ABS(" << next << ") < 1e280D AND ABS(acc.total + " << next << ") < 1e280D) END) AS s\n"
      << "    FROM " << s.source << "\n"
      << "  ) AS summed\n";
}

}  // namespace

const char* dialect_key(Dialect dialect) {
  switch (dialect) {
    case Dialect::kDuckDb: return "duckdb";
    case Dialect::kPostgres: return "postgres";
    case Dialect::kSpark: return "spark";
  }
  return "";
}

const char* dialect_name(Dialect dialect) {
  switch (dialect) {
    case Dialect::kDuckDb: return "DuckDB";
    case Dialect::kPostgres: return "PostgreSQL";
    case Dialect::kSpark: return "Spark SQL";
  }
  return "";
}

std::optional<Dialect> parse_dialect(std::string_view key) {
  if (key == "duckdb") return Dialect::kDuckDb;
  if (key == "postgres" || key == "postgresql") return Dialect::kPostgres;
  if (key == "spark" || key == "sparksql") return Dialect::kSpark;
  return std::nullopt;
}

std::string print_expr(const Expr& expr, Dialect dialect) {
  std::string out;
  for (const Expr::Part& part : expr.parts) {
    switch (part.kind) {
      case Expr::Part::Kind::kText: out += part.text; break;
      case Expr::Part::Kind::kIdentifier: out += quote_identifier(part.text, dialect); break;
      case Expr::Part::Kind::kString: out += quote_string(part.text, dialect); break;
      case Expr::Part::Kind::kCall: out += print_call(part, dialect); break;
    }
  }
  return out;
}

std::string print_plan(const Plan& plan, Dialect dialect) {
  std::ostringstream out;
  for (const std::string& line : plan.header) out << (line.empty() ? "--" : "-- " + line) << "\n";
  out << "--\n-- This script: " << dialect_name(dialect) << ".\n\n";
  // Spark SQL 3.x has no RECURSIVE: its series step is an aggregate instead (print_series).
  out << (plan.recursive() && dialect != Dialect::kSpark ? "WITH RECURSIVE\n" : "WITH\n");
  for (std::size_t i = 0; i < plan.steps.size(); ++i) {
    const Step& step = plan.steps[i];
    out << "\n";
    for (const std::string& line : step.comment) out << "-- " << line << "\n";
    out << step.name << " AS (\n";
    switch (step.kind) {
      case Step::Kind::kQuery: out << indented(print_expr(step.query, dialect)) << "\n"; break;
      case Step::Kind::kValues: print_values(step.values, step.name + "_rows", dialect, out); break;
      case Step::Kind::kSeries: print_series(step, dialect, out); break;
    }
    out << ")" << (i + 1 < plan.steps.size() ? "," : "") << "\n";
  }
  out << "\n" << print_expr(plan.final_select, dialect) << ";\n";
  return out.str();
}

}  // namespace tierlens::sql
