// Customer lifetime value applied in SQL (clv.h): the BG/NBD and Gamma-Gamma parameters are
// fitted by a run of the core (maximum likelihood needs an optimiser SQL does not have) and
// applied here to every customer with the core's formulas: P(alive) and the expected purchases
// of bg_nbd_forecast.cpp (its rewritten hypergeometric series, summed term by term with the
// same stopping rule), the expected spend of gamma_gamma.cpp, the discounted monthly sum of
// clv.cpp, and the historical CLV.
#include <cmath>

#include "sql_compiler.h"
#include "tierlens/clv.h"
#include "tierlens/clv_inputs.h"
#include "tierlens/gamma_gamma.h"
#include "tierlens/portable_math.h"
#include "tierlens/text.h"

namespace tierlens::sql {
namespace {

/// Days in an average month, for the historical CLV (clv.cpp).
constexpr double kDaysPerMonth = 365.25 / 12;

/// The series' steps at most: far past what the fits of real data need (a few hundred).
constexpr int kMaxSeriesTerms = 5000;

std::string value_text(double value) { return format_number(value, 6); }

}  // namespace

Expr period_number(const Expr& day, PurchasePeriod period) {
  const Expr days = call(Fn::kDaysBetween, {Expr("DATE '1970-01-01'"), day});
  switch (period) {
    case PurchasePeriod::kDay: return days;
    case PurchasePeriod::kWeek:  // weeks from Monday 1970-01-05
      return call(Fn::kAsBigInt, {Expr("FLOOR(") + as_double(days + " - 4") + " / 7)"});
    case PurchasePeriod::kMonth:
      return call(Fn::kAsBigInt, {Expr("EXTRACT(YEAR FROM ") + day + ") * 12 + EXTRACT(MONTH FROM " + day + ") - 1"});
  }
  return days;
}

Status Compiler::compile_clv() {
  if (!fits_ || !fits_->clv) {
    return Status::error(ErrorCode::kInvalidOptions,
                         "this policy uses customer lifetime value, whose models (BG/NBD and Gamma-Gamma) are fitted "
                         "on data: give the orders file with --fit FILE, and the SQL applies the parameters fitted there");
  }
  const ClvFit& fit = *fits_->clv;
  const ClvSettings& settings = options_.clv;
  const char* unit = purchase_period_key(settings.period);

  // Discounts by month and the annuity: computed here exactly as clv.cpp computes them.
  std::vector<double> discounts;
  double factor = 1, annuity = 0;
  for (int month = 1; month <= settings.horizon_months; ++month) {
    factor /= 1 + settings.monthly_discount_rate;
    discounts.push_back(factor);
    annuity += factor;
  }

  add_query("clv_purchase_periods",
            {"CLV (policy clv: period " + std::string(unit) + ", horizon " + std::to_string(settings.horizon_months) +
                 " months, discount " + value_text(settings.monthly_discount_rate) + " a month, margin " +
                 value_text(settings.margin) + ").",
             "The models see purchases (amount ≥ 0) per " + std::string(unit) + ": several in one count once."},
            Expr("SELECT customer_id, ") + period_number(Expr("order_day"), settings.period) +
                " AS period, SUM(amount) AS spend\nFROM order_lines\nWHERE amount >= 0\nGROUP BY customer_id, " +
                period_number(Expr("order_day"), settings.period));
  add_query("clv_inputs",
            {"Per customer, in the models' terms (clv_inputs.h): x = purchase " + std::string(unit) + "s after the first,",
             "t_x = " + std::string(unit) + "s from the first to the last, age (T) = " + std::string(unit) +
                 "s from the first to the data's last day,",
             "repeat_spend = the mean spend per repeat " + std::string(unit) + ", in currency units."},
            Expr("SELECT p.customer_id,\n  COUNT(*) - 1 AS x,\n  MAX(p.period) - MIN(p.first_period) AS t_x,\n  MAX(e.end_period) - MIN(p.first_period) AS age,\n"
                 "  CASE WHEN COUNT(*) = 1 THEN 0 ELSE ") +
                as_double(Expr("SUM(CASE WHEN p.period > p.first_period THEN ") + call(Fn::kAsWide, {Expr("p.spend")}) +
                          " ELSE 0 END)") +
                " / 1000000 / (COUNT(*) - 1) END AS repeat_spend\n"
                "FROM (SELECT clv_purchase_periods.*, MIN(period) OVER (PARTITION BY customer_id) AS first_period\n"
                "      FROM clv_purchase_periods) AS p\nCROSS JOIN (SELECT " +
                period_number(Expr("data_end"), settings.period) + " AS end_period FROM analysis) AS e\nGROUP BY p.customer_id");

  Expr scores;
  if (fit.purchases) {
    const BgNbdParams& p = *fit.purchases;
    const double per_month = periods_per_month(settings.period);
    ValuesTable months;
    months.columns = {"month", "horizon", "discount"};
    for (int month = 1; month <= settings.horizon_months; ++month) {
      months.rows.push_back({integer(month), number(per_month * static_cast<double>(month)), number(discounts[month - 1])});
    }
    add_values("clv_months",
               {"Each month of the horizon: its end in " + std::string(unit) + "s (a month is " + value_text(per_month) + " " + unit +
                "s) and its discount 1 / (1 + rate)^month."},
               months);
    add_query("clv_series_inputs",
              {"Fitted BG/NBD parameters (applied, not refitted): r " + format_number(p.r, 6) + ", alpha " +
                   format_number(p.alpha, 6) + ", a " + format_number(p.a, 6) + ", b " + format_number(p.b, 6) + ".",
               "Per distinct (x, age) and month: the arguments of the series c·(₂F₁(A, B; c; z) − 1)/B with",
               "A = a + b − 1 − r, B = a − 1, c = a + b + x − 1, z = h/(alpha + age + h), and L = log(1 − z) = −ln(1 + h/(alpha + age))."},
              Expr("SELECT i.x, i.age, m.month, m.discount, m.horizon,\n  ") + number(p.a + p.b - 1 - p.r) + " AS a,\n  " +
                  number(p.a - 1) + " AS b,\n  (" + number(p.a + p.b) + " + i.x) - 1 AS c,\n  m.horizon / ((" +
                  number(p.alpha) + " + i.age) + m.horizon) AS z,\n  -LN(1 + m.horizon / (" + number(p.alpha) +
                  " + i.age)) AS log_one_minus_z,\n  " + number(p.a + p.b - 1 - p.r) + " * (m.horizon / ((" +
                  number(p.alpha) + " + i.age) + m.horizon)) AS first_term,\n  1 AS first_n\n"
                  "FROM (SELECT DISTINCT " + as_double(Expr("x")) + " AS x, " + as_double(Expr("age")) +
                  " AS age FROM clv_inputs) AS i\nCROSS JOIN clv_months AS m");
    Step series;
    series.kind = Step::Kind::kSeries;
    series.name = "clv_series";
    series.comment = {"The hypergeometric series term by term (hypergeometric.h: hypergeometric_2f1_scaled_excess),",
                      "stopping where the core stops: once the rest, bounded by a geometric series, is below 1e-17",
                      "of the sum (at most " + std::to_string(kMaxSeriesTerms) + " terms)."};
    series.series.source = "clv_series_inputs";
    series.series.keys = {"x", "age", "month"};
    series.series.max_terms = kMaxSeriesTerms;
    plan_.steps.push_back(series);
    // Where that series does not stay finite (a very large a, whose terms grow like (a·z)ⁿ/n!),
    // the core takes the paper's own series, ₂F₁(r + x, b + x; c; z), as bg_nbd_forecast.cpp.
    add_query("clv_fallback_inputs",
              {"Where the rewritten series overflows (a very large fitted a), the paper's own series",
               "₂F₁(r + x, b + x; c; z), as bg_nbd_forecast.cpp falls back to."},
              Expr("SELECT i.x, i.age, i.month, ") + number(p.r) + " + i.x AS a, " + number(p.b) +
                  " + i.x AS b, i.c, i.z, " + as_double(Expr("1")) + " AS first_term, 0 AS first_n\n"
                  "FROM clv_series_inputs AS i\n"
                  "JOIN clv_series AS s ON s.done AND NOT s.finite AND s.x = i.x AND s.age = i.age AND s.month = i.month");
    Step fallback = series;
    fallback.name = "clv_fallback_series";
    fallback.comment = {"That series, term by term with the same rule."};
    fallback.series.source = "clv_fallback_inputs";
    plan_.steps.push_back(fallback);
    const Expr u = Expr("(") + number(p.a - 1) + " * i.log_one_minus_z)";
    add_query("clv_while_alive",
              {"Purchases expected by the end of each month from a customer still active (FHL 2005 eq. 10 without",
               "P(alive), rewritten as bg_nbd_forecast.cpp: −c·L·(eᵘ − 1)/u − eᵘ·series with u = (a − 1)·L;",
               "or c/(a − 1)·(1 − (1 − z)^(r + x)·₂F₁(r + x, b + x; c; z)) where that overflows)."},
              Expr("SELECT i.x, i.age, i.month, i.discount,\n  CASE WHEN s.finite THEN\n    -i.c * i.log_one_minus_z * (CASE WHEN ") +
                  u + " = 0 THEN 1 ELSE (EXP(" + u + ") - 1) / " + u + " END)\n    - EXP(" + u + ") * s.total\n" +
                  "  ELSE i.c / " + number(p.a - 1) + " * (1 - EXP((" + number(p.r) + " + i.x) * i.log_one_minus_z) * f.total) END AS cumulative\n"
                  "FROM clv_series_inputs AS i\n"
                  "JOIN clv_series AS s ON s.done AND s.x = i.x AND s.age = i.age AND s.month = i.month\n"
                  "LEFT JOIN clv_fallback_series AS f ON f.done AND f.x = i.x AND f.age = i.age AND f.month = i.month");
    add_query("clv_forecast",
              {"Per (x, age): purchases expected over the horizon while active, and the same month by month, each",
               "month's purchases times its discount, summed."},
              Expr("SELECT x, age,\n  MAX(CASE WHEN month = ") + integer(settings.horizon_months) +
                  " THEN cumulative END) AS while_alive,\n  SUM((cumulative - previous) * discount) AS discounted\n"
                  "FROM (SELECT w.*, COALESCE(LAG(cumulative) OVER (PARTITION BY x, age ORDER BY month), 0) AS previous\n"
                  "      FROM clv_while_alive AS w) AS by_month\nGROUP BY x, age");
    Expr spend = as_double(Expr("NULL"));
    std::vector<std::string> comment = {
        "Per customer: P(alive) = 1 / (1 + a/(b + x − 1)·((alpha + T)/(alpha + t_x))^(r + x)) (1 without repeat purchases),",
        "expected purchases = P(alive) × while_alive"};
    if (fit.spend) {
      const GammaGammaParams& g = *fit.spend;
      comment.back() += ", expected spend (Gamma-Gamma, fitted p " + format_number(g.p, 6) + ", q " + format_number(g.q, 6) +
                        ", gamma " + format_number(g.gamma, 6) + ")";
      comment.push_back("= p·(gamma + x·m)/(p·x + q − 1), the population's " +
                        format_number(gamma_gamma_expected_spend(g, 0, 0), 6) +
                        " for a customer without positive repeat spend, and CLV = margin × spend × P(alive) × discounted.");
      spend = Expr("CASE WHEN i.x > 0 AND i.repeat_spend > 0 THEN ") + number(g.p) + " * (" + number(g.gamma) +
              " + i.x * i.repeat_spend) / (" + number(g.p) + " * i.x + " + number(g.q) + " - 1) ELSE " +
              number(gamma_gamma_expected_spend(g, 0, 0)) + " END";
    }
    const Expr alive = Expr("CASE WHEN i.x = 0 THEN 1.0 ELSE 1 / (1 + EXP(") + number(pmath::log(p.a)) + " - LN((" + number(p.b) +
                       " + i.x) - 1) + (" + number(p.r) + " + i.x) * LN(1 + (i.age - i.t_x) / (" + number(p.alpha) +
                       " + i.t_x)))) END";
    add_query("clv_scores", comment,
              Expr("SELECT customer_id, p_alive, p_alive * while_alive AS expected_purchases, expected_spend,\n  ") +
                  (fit.model() ? Expr(number(settings.margin)) + " * expected_spend * p_alive * discounted" : as_double(Expr("NULL"))) +
                  " AS clv\nFROM (\n  SELECT i.customer_id, " + as_double(alive) + " AS p_alive, f.while_alive, f.discounted,\n    " +
                  as_double(spend) + " AS expected_spend\n  FROM (SELECT customer_id, " + as_double(Expr("x")) + " AS x, " +
                  as_double(Expr("t_x")) + " AS t_x, " + as_double(Expr("age")) +
                  " AS age, repeat_spend FROM clv_inputs) AS i\n  JOIN clv_forecast AS f ON f.x = i.x AND f.age = i.age\n) AS scored");
  }

  const Expr historical = Expr("CASE WHEN c.first_purchase IS NULL THEN NULL ELSE GREATEST(0.0, c.monetary) * ") +
                          number(settings.margin) + " / GREATEST(1.0, " +
                          as_double(call(Fn::kDaysBetween, {Expr("c.first_purchase"), Expr("c.data_end")}) + " + 1") + " / " +
                          number(kDaysPerMonth) + ") * " + number(annuity) + " END";
  std::vector<std::string> comment;
  if (fits_->source.empty()) {
    comment.push_back("CLV fitted on the run's data.");
  } else {
    comment.push_back("CLV fitted on " + fits_->source + " (" + std::to_string(fit.fitted_on) + " customers).");
  }
  comment.push_back("historical_clv = the customer's past monthly value (at least a month) × margin × Σ discounts (" +
                    format_number(annuity, 6) + ").");
  comment.push_back(fit.model() ? "clv = the models' CLV." : "The models were not fitted on that data: clv = historical_clv.");
  Expr columns;
  if (fit.purchases) {
    columns = Expr("s.p_alive,\n  s.expected_purchases,\n  s.expected_spend,\n  ");
  } else {
    columns = as_double(Expr("NULL")) + " AS p_alive,\n  " + as_double(Expr("NULL")) + " AS expected_purchases,\n  " +
              as_double(Expr("NULL")) + " AS expected_spend,\n  ";
  }
  columns += (fit.model() ? Expr("s.clv") : historical) + " AS clv,\n  " + historical + " AS historical_clv";
  extend_chain("customer_values", comment, columns,
               fit.purchases ? Expr("LEFT JOIN clv_scores AS s ON s.customer_id = c.customer_id") : Expr());
  return Status();
}

}  // namespace tierlens::sql
