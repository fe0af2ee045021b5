// The compiler's driver and its first steps: the order rows the core uses, one row per
// customer with its dates, orders, net amount and attributes, the analysis date, and the
// metrics every dimension reads (order_ingest.cpp, classification.cpp, customer_fields.cpp).
#include <cmath>

#include "sql_compiler.h"
#include "tierlens/money.h"
#include "tierlens/policy_validation.h"

namespace tierlens::sql {
namespace {

/// A column of the orders table, its cells trimmed of spaces and tabs as the reader trims them.
Expr trimmed_text(const std::string& table_alias, const std::string& column) {
  return call(Fn::kTrimSpaces, {call(Fn::kAsText, {Expr(table_alias + ".") + identifier(column)})});
}

/// An amount in micro-units, rounded half away from zero past the 6th decimal (money.h).
Expr amount_micros(const SqlMapping& mapping) {
  const Expr value = mapping.amount
                         ? call(Fn::kAsDecimal, {Expr("o.") + identifier(*mapping.amount)})
                         : call(Fn::kAsDecimal, {Expr("o.") + identifier(mapping.quantity)}) + " * " +
                               call(Fn::kAsDecimal, {Expr("o.") + identifier(mapping.unit_price)});
  return call(Fn::kAsBigInt, {Expr("ROUND(") + value + " * 1000000)"});
}

/// The attributes read from the orders, in mapping order.
std::vector<const AttributeSource*> order_attributes(const SqlMapping& mapping) {
  std::vector<const AttributeSource*> out;
  for (const AttributeSource& source : mapping.attributes) {
    if (source.orders_column) out.push_back(&source);
  }
  return out;
}

/// A decimal as the core reads attribute cells (customer_fields.cpp: read_number): plain, or
/// with commas between groups of three digits; anything else is no number.
Expr attribute_number_of(const Expr& text) {
  return Expr("CASE WHEN ") + call(Fn::kRegexMatches, {text, string_literal("^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)$")}) +
         " THEN " + as_double(text) + "\n       WHEN " +
         call(Fn::kRegexMatches, {text, string_literal("^[+-]?[0-9]{1,3}(,[0-9]{3})+([.][0-9]*)?$")}) + " THEN " +
         as_double(Expr("replace(") + text + ", ',', '')") + " END";
}

}  // namespace

int utf8_length(const std::string& text) {
  int length = 0;
  for (const char c : text) length += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return length;
}

std::string dimension_step(const std::string& id) { return "dimension_" + id; }

Expr as_double(const Expr& x) { return call(Fn::kAsDouble, {x}); }

Expr round_half_away(const Expr& x) {
  return Expr("(CASE WHEN ") + x + " >= 0 THEN FLOOR(" + x + " + 0.5) ELSE -FLOOR(-(" + x + ") + 0.5) END)";
}

Expr micros_to_decimal(const Expr& micros) { return call(Fn::kMicrosToDecimal, {micros}); }

Expr Compiler::attribute_text(const std::string& field) { return Expr("c.") + identifier("attribute:" + field); }

Expr Compiler::attribute_number(const std::string& field) {
  return Expr("c.") + identifier("attribute:" + field + ":number");
}

void Compiler::add_query(const std::string& name, std::vector<std::string> comment, Expr query) {
  Step step;
  step.kind = Step::Kind::kQuery;
  step.name = name;
  step.comment = std::move(comment);
  step.query = std::move(query);
  plan_.steps.push_back(std::move(step));
}

void Compiler::add_values(const std::string& name, std::vector<std::string> comment, ValuesTable values) {
  Step step;
  step.kind = Step::Kind::kValues;
  step.name = name;
  step.comment = std::move(comment);
  step.values = std::move(values);
  plan_.steps.push_back(std::move(step));
}

void Compiler::extend_chain(const std::string& name, std::vector<std::string> comment, const Expr& columns,
                            const Expr& from_suffix) {
  add_query(name, std::move(comment),
            Expr("SELECT c.*,\n  ") + columns + "\nFROM " + chain_ + " AS c" +
                (from_suffix.empty() ? Expr() : Expr("\n") + from_suffix));
  chain_ = name;
}

bool Compiler::has_step(const std::string& name) const {
  for (const Step& step : plan_.steps) {
    if (step.name == name) return true;
  }
  return false;
}

bool Compiler::needs_clv() const { return policy_needs_clv(options_); }

Status Compiler::compile_orders() {
  const SqlMapping& m = mapping_;
  const auto attributes = order_attributes(m);

  // 1. The rows as the reader types them.
  Expr columns = Expr("  ") + trimmed_text("o", m.customer_id) + " AS customer_id,\n  " +
                 call(Fn::kToDate, {Expr("o.") + identifier(m.date)}) + " AS order_day,\n  " +
                 amount_micros(m) + " AS amount_micros";
  if (m.order_id) columns += Expr(",\n  ") + trimmed_text("o", *m.order_id) + " AS order_id";
  for (const AttributeSource* source : attributes) {
    columns += Expr(",\n  ") + trimmed_text("o", *source->orders_column) + " AS " +
               identifier("attribute:" + source->field);
  }
  add_query("order_rows",
            {"The orders table, typed: customer ids, order ids and attribute cells as text trimmed of spaces",
             "and tabs, the date as a date, the amount in micro-units (rounded half away from zero past the",
             "6th decimal)" + std::string(m.amount ? "" : ", from quantity × unit price") + "."},
            Expr("SELECT\n") + columns + "\nFROM " + identifier(m.orders_table) + " AS o");

  // 2. The rows used, with returns and cancellations signed.
  const std::string& prefix = options_.cancelled_order_prefix;
  Expr amount = "amount_micros";
  if (!prefix.empty() && m.order_id) {
    amount = Expr("CASE WHEN LEFT(order_id, ") + integer(utf8_length(prefix)) + ") = " + string_literal(prefix) +
             " AND amount_micros > 0 THEN -amount_micros ELSE amount_micros END";
  }
  Expr where = "customer_id <> '' AND order_day IS NOT NULL AND amount_micros IS NOT NULL";
  if (m.order_id) where += " AND order_id <> ''";
  if (options_.analysis_date) {
    where += Expr(" AND order_day <= DATE ") + string_literal(format_iso_date(*options_.analysis_date));
  }
  Expr select = Expr("SELECT customer_id, order_day, ") + amount + " AS amount";
  if (m.order_id) select += ", order_id";
  for (const AttributeSource* source : attributes) select += Expr(", ") + identifier("attribute:" + source->field);
  std::vector<std::string> comment = {
      "The rows the core uses: a customer id, a date and an amount (and an order id when the table has",
      "one); a row with an empty cell there is skipped, as the core skips it."};
  if (options_.analysis_date) {
    comment.push_back("Policy analysis_date " + format_iso_date(*options_.analysis_date) +
                      ": rows dated after it are skipped.");
  }
  comment.push_back("A negative amount is a return: it lowers monetary and is not a purchase.");
  if (!prefix.empty()) {
    comment.push_back("Policy returns.cancelled_order_prefix \"" + prefix +
                      "\": those orders are returns whatever the sign of their amount.");
  }
  add_query("order_lines", comment, select + "\nFROM order_rows\nWHERE " + where);

  // 3. One row per customer who has orders.
  const Expr frequency = m.order_id ? Expr("COUNT(DISTINCT CASE WHEN amount >= 0 THEN order_id END)")
                                    : Expr("SUM(CASE WHEN amount >= 0 THEN 1 ELSE 0 END)");
  add_query("customer_orders",
            {"Per customer: the first and last purchase (rows with an amount ≥ 0), the last row of any kind,",
             std::string("frequency = ") + (m.order_id ? "distinct orders" : "purchase rows (no order id: each row is an order)") +
                 " with an amount ≥ 0, monetary = the net sum of amounts."},
            Expr("SELECT customer_id,\n"
                 "  MIN(CASE WHEN amount >= 0 THEN order_day END) AS first_purchase,\n"
                 "  MAX(CASE WHEN amount >= 0 THEN order_day END) AS last_purchase,\n"
                 "  MAX(order_day) AS last_activity,\n  ") +
                call(Fn::kAsBigInt, {frequency}) + " AS frequency,\n  " +
                call(Fn::kAsBigInt, {Expr("SUM(amount)")}) + " AS monetary_micros\n"
                "FROM order_lines\nGROUP BY customer_id");

  // 4. Attributes: the most recent non-empty cell per customer.
  if (!attributes.empty()) {
    Expr ranks, values;
    for (std::size_t a = 0; a < attributes.size(); ++a) {
      const Expr column = identifier("attribute:" + attributes[a]->field);
      const Expr rank = identifier("rank:" + attributes[a]->field);
      ranks += Expr(",\n    ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY CASE WHEN ") + column +
               " <> '' THEN 0 ELSE 1 END, order_day DESC, " + column + " DESC) AS " + rank;
      values += Expr(",\n  MAX(CASE WHEN ") + rank + " = 1 AND " + column + " <> '' THEN " + column + " END) AS " + column;
    }
    add_query("customer_attributes",
              {"Attributes: each customer takes the value of its most recent row where the cell is not empty.",
               "Two different values on the customer's latest day: the core takes the later row of the file;",
               "a table has no row order, so this takes the greater value."},
              Expr("SELECT customer_id") + values + "\nFROM (\n  SELECT order_lines.*" + ranks +
                  "\n  FROM order_lines\n) AS ranked\nGROUP BY customer_id");
  }

  // 5. The customers table, when there is one.
  std::vector<const AttributeSource*> listed;
  if (m.customers_table) {
    for (const AttributeSource& source : m.attributes) {
      if (source.customers_column) listed.push_back(&source);
    }
    Expr cells;
    for (const AttributeSource* source : listed) {
      cells += Expr(",\n  MAX(") + trimmed_text("t", *source->customers_column) + ") AS " +
               identifier("attribute:" + source->field);
    }
    add_query("listed_customers",
              {"The customers table: one row per customer id, its cells attributes that win over the orders'.",
               "A customer listed twice: the core keeps the first row; this takes the greater value."},
              Expr("SELECT ") + trimmed_text("t", m.customers_id) + " AS customer_id" + cells + "\nFROM " +
                  identifier(*m.customers_table) + " AS t\nWHERE " + trimmed_text("t", m.customers_id) +
                  " <> ''\nGROUP BY " + trimmed_text("t", m.customers_id));
  }

  // 6. Every customer.
  Expr all = m.customers_table ? Expr("COALESCE(o.customer_id, l.customer_id) AS customer_id")
                               : Expr("o.customer_id");
  all += ",\n  o.first_purchase, o.last_purchase, o.last_activity,\n  COALESCE(o.frequency, 0) AS frequency, "
         "COALESCE(o.monetary_micros, 0) AS monetary_micros";
  for (const AttributeSource& source : m.attributes) {
    if (!source.present()) continue;
    const Expr column = identifier("attribute:" + source.field);
    Expr value = source.orders_column ? Expr("a.") + column : Expr("''");
    if (source.customers_column) {
      value = Expr("CASE WHEN l.") + column + " <> '' THEN l." + column + " ELSE " +
              (source.orders_column ? Expr("COALESCE(a.") + column + ", '')" : Expr("''")) + " END";
    } else {
      value = Expr("COALESCE(") + value + ", '')";
    }
    all += Expr(",\n  ") + value + " AS " + column;
  }
  Expr from = "customer_orders AS o";
  if (!attributes.empty()) from += "\nLEFT JOIN customer_attributes AS a ON a.customer_id = o.customer_id";
  if (m.customers_table) from += "\nFULL OUTER JOIN listed_customers AS l ON l.customer_id = o.customer_id";
  add_query("customers",
            {m.customers_table ? "Every customer: those with orders and those listed in the customers table (who have none)."
                               : "Every customer with a used row."},
            Expr("SELECT ") + all + "\nFROM " + from);

  // 7. The analysis date.
  Expr analysis = options_.analysis_date
                      ? Expr("DATE ") + string_literal(format_iso_date(*options_.analysis_date))
                      : call(Fn::kAddDays, {Expr("(SELECT MAX(order_day) FROM order_lines)"), Expr("1")});
  Expr data_end = options_.analysis_date ? Expr("DATE ") + string_literal(format_iso_date(*options_.analysis_date))
                                         : Expr("(SELECT MAX(order_day) FROM order_lines)");
  add_query("analysis",
            {options_.analysis_date ? "Policy analysis_date: recency is counted to this day."
                                    : "The analysis date: the day after the latest order (policy analysis_date not set).",
             "earliest_day: the first day any customer bought (or returned); data_end: the data's last day."},
            Expr("SELECT ") + analysis + " AS analysis_date,\n  " + data_end + " AS data_end,\n  "
                "(SELECT MIN(COALESCE(first_purchase, last_activity)) FROM customers) AS earliest_day");

  // 8. The metrics.
  Expr metrics =
      Expr("CASE WHEN c.last_purchase IS NOT NULL THEN ") +
      call(Fn::kDaysBetween, {Expr("c.last_purchase"), Expr("d.analysis_date")}) +
      "\n       WHEN c.last_activity IS NOT NULL THEN " +
      call(Fn::kDaysBetween, {Expr("c.last_activity"), Expr("d.analysis_date")}) +
      "\n       WHEN d.earliest_day IS NULL THEN 0\n       ELSE " +
      call(Fn::kDaysBetween, {Expr("d.earliest_day"), Expr("d.analysis_date")}) + " + 1 END AS recency,\n  " +
      as_double(Expr("c.monetary_micros")) + " / 1000000 AS monetary,\n  "
      "CASE WHEN c.frequency = 0 THEN NULL ELSE " + as_double(Expr("c.monetary_micros")) +
      " / 1000000 / c.frequency END AS average_order_value,\n  "
      "CASE WHEN c.first_purchase IS NULL THEN NULL ELSE " +
      call(Fn::kDaysBetween, {Expr("c.first_purchase"), Expr("d.analysis_date")}) + " END AS tenure,\n  "
      "d.analysis_date, d.data_end";
  for (const AttributeSource& source : m.attributes) {
    if (!source.present()) continue;
    metrics += Expr(",\n  ") + attribute_number_of(attribute_text(source.field)) + " AS " +
               identifier("attribute:" + source.field + ":number");
  }
  chain_ = "customers";
  extend_chain("metrics",
               {"Fields: recency (days since the last purchase; a customer who only returned goods counts from",
                "the last return; one listed without orders, from the first day of the data), monetary in",
                "currency units, average_order_value, tenure, and each attribute's number (plain decimals,",
                "or with commas between groups of three digits) for rules that compare numbers."},
               metrics, "CROSS JOIN analysis AS d");
  return Status();
}

void Compiler::compile_output() {
  Expr columns = "customer_id";
  if (const AttributeSource* names = mapping_.attribute("customer_name"); names && names->present()) {
    columns += Expr(",\n  ") + identifier("attribute:customer_name") + " AS customer_name";
  }
  columns += ",\n  first_purchase AS first_order,\n  last_purchase AS last_order,\n  recency,\n  frequency,\n  " +
             micros_to_decimal(Expr("monetary_micros")) +
             " AS monetary,\n  r_score,\n  f_score,\n  m_score,\n  fm_score,\n  segment_cell,\n  segment";
  if (needs_clv()) {
    columns += ",\n  p_alive,\n  expected_purchases,\n  expected_spend,\n  clv,\n  historical_clv";
  }
  for (const std::string& id : dimension_ids_) columns += Expr(",\n  ") + identifier(id);
  if (!options_.tiers.empty()) columns += ",\n  tier";
  plan_.final_select = Expr("-- The classified customers: the columns of customers.csv, ordered by customer id.\nSELECT\n  ") +
                       columns + "\nFROM " + chain_ + "\nORDER BY customer_id";
}

Status Compiler::compile(Plan& plan) {
  if (Status status = compile_orders(); !status.ok()) return status;
  compile_rfm();
  if (needs_clv()) {
    if (Status status = compile_clv(); !status.ok()) return status;
  }
  for (const Dimension& dimension : options_.dimensions) {
    if (!dimension.enabled) continue;
    if (Status status = compile_dimension(dimension); !status.ok()) return status;
    dimension_ids_.push_back(dimension.id);
  }
  if (Status status = compile_tiers(); !status.ok()) return status;
  compile_output();
  compile_header();
  plan = std::move(plan_);
  return Status();
}

bool policy_needs_fit(const ClassifyOptions& options) {
  if (policy_needs_clv(options)) return true;
  for (const Dimension& dimension : options.dimensions) {
    if (dimension.enabled && std::holds_alternative<ClusterSpec>(dimension.spec)) return true;
  }
  return false;
}

Status compile_policy(const ClassifyOptions& options, const SqlMapping& mapping, const SqlFits* fits, Plan& plan) {
  if (Status status = validate_options(options); !status.ok()) return status;
  Compiler compiler(options, mapping, fits);
  return compiler.compile(plan);
}

Status policy_sql(const ClassifyOptions& options, const SqlMapping& mapping, const SqlFits* fits, Dialect dialect,
                  std::string& script) {
  Plan plan;
  if (Status status = compile_policy(options, mapping, fits, plan); !status.ok()) return status;
  script = print_plan(plan, dialect);
  return Status();
}

}  // namespace tierlens::sql
