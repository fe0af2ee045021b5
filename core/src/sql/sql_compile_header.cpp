// The comment that opens every script: what it reads, what it produces, what was fitted on
// data by the core and what the SQL computes itself, and how far it is proven equal.
#include "sql_compiler.h"
#include "tierlens/reports.h"
#include "tierlens/text.h"

namespace tierlens::sql {
namespace {

std::string quoted(const std::string& name) { return "\"" + name + "\""; }

std::string numbers(const std::vector<double>& values) {
  std::string text;
  for (const double value : values) text += (text.empty() ? "" : ", ") + format_number(value, 6);
  return text;
}

}  // namespace

void Compiler::compile_header() {
  const SqlMapping& m = mapping_;
  std::vector<std::string>& h = plan_.header;
  h.push_back(std::string("TierLens ") + kTierLensVersion + ": the policy \"" + options_.name + "\" compiled to SQL.");
  h.push_back("");
  h.push_back("Reads the table " + m.orders_table + ", one row per order line:");
  h.push_back("  customer id  " + quoted(m.customer_id) + "  (trimmed text; a row without one is skipped)");
  h.push_back("  date         " + quoted(m.date) + "  (a date or a timestamp)");
  h.push_back("  order id     " + (m.order_id ? quoted(*m.order_id) + "  (frequency counts distinct orders)"
                                              : std::string("none: every row is an order")));
  h.push_back("  amount       " + (m.amount ? quoted(*m.amount) : quoted(m.quantity) + " × " + quoted(m.unit_price)) +
              "  (numbers; negative: a return)");
  std::string attributes;
  for (const AttributeSource& source : m.attributes) {
    if (!source.orders_column) continue;
    attributes += (attributes.empty() ? "" : ", ") + source.field + " " + quoted(*source.orders_column);
  }
  if (!attributes.empty()) h.push_back("  attributes   " + attributes);
  if (m.customers_table) {
    std::string listed;
    for (const AttributeSource& source : m.attributes) {
      if (source.customers_column) listed += (listed.empty() ? "" : ", ") + source.field + " " + quoted(*source.customers_column);
    }
    h.push_back("and the table " + *m.customers_table + ", one row per customer: id " + quoted(m.customers_id) +
                (listed.empty() ? "" : "; " + listed) + ".");
  }
  std::string absent;
  for (const AttributeSource& source : m.attributes) {
    if (!source.present() && source.field != "customer_name") absent += (absent.empty() ? "" : ", ") + source.field;
  }
  if (!absent.empty()) h.push_back("No column for: " + absent + " (rules on them see no value, as in the core).");
  h.push_back("");
  h.push_back("Produces one row per customer with the columns and labels of the core's customers.csv, by");
  h.push_back("customer id. Wrap it as CREATE TABLE … AS (or a view) to keep it.");
  h.push_back("");
  if (fits_ && (fits_->clv || !fits_->clusters.empty())) {
    h.push_back("Fitted on data by a run of the core" + (fits_->source.empty() ? std::string() : " on " + fits_->source) +
                ", and applied here:");
    if (const auto& clv = fits_->clv; clv && needs_clv()) {
      if (clv->purchases) {
        const BgNbdParams& p = *clv->purchases;
        h.push_back("  BG/NBD       r " + format_number(p.r, 6) + ", alpha " + format_number(p.alpha, 6) + ", a " +
                    format_number(p.a, 6) + ", b " + format_number(p.b, 6) + " (" + std::to_string(clv->fitted_on) +
                    " customers)");
      } else {
        h.push_back("  BG/NBD       not fitted (too few repeat customers or no convergence): CLV is historical");
      }
      if (clv->spend) {
        const GammaGammaParams& g = *clv->spend;
        h.push_back("  Gamma-Gamma  p " + format_number(g.p, 6) + ", q " + format_number(g.q, 6) + ", gamma " +
                    format_number(g.gamma, 6) + " (" + std::to_string(clv->spend_fitted_on) + " repeat customers)");
      } else if (clv->purchases) {
        h.push_back("  Gamma-Gamma  not fitted: CLV is historical");
      }
    }
    for (const ClusterFit& fit : fits_->clusters) {
      if (!fit.clustered) {
        h.push_back("  k-means " + fit.dimension_id + ": no clusters found; every customer is " + fit.missing_label);
        continue;
      }
      h.push_back("  k-means " + fit.dimension_id + ": " + std::to_string(fit.centres.size()) + " centres on " +
                  std::to_string(fit.features.size()) + " features (" + [&] {
                    std::string names;
                    for (const std::string& f : fit.features) names += (names.empty() ? "" : ", ") + f;
                    return names;
                  }() + "), means " + numbers(fit.means) + ", deviations " + numbers(fit.deviations));
    }
    h.push_back("Applied in SQL: P(alive), expected purchases (the hypergeometric series summed term by term),");
    h.push_back("expected spend, CLV and historical CLV; each customer's nearest cluster centre. The data the");
    h.push_back("script runs on may differ from the data fitted on: the parameters stay those above.");
    h.push_back("");
  }
  h.push_back("Computed in SQL from the rows, as the core computes them: recency, frequency, monetary (exact, in");
  h.push_back("micro-units), the RFM breakpoints (type-7 quantiles with an exact integer index) and scores,");
  h.push_back("segments, and every dimension and tier of the policy, each step below commented with the policy");
  h.push_back("item it implements.");
  h.push_back("");
  h.push_back("Proven equal to the core customer by customer (TierLens's tests/sql/, every preset, the built-in");
  h.push_back("sample and UCI Online Retail): DuckDB and PostgreSQL. Spark SQL is printed from the same plan and");
  h.push_back("not run by the tests. Known differences: see the README's \"tierlens sql\".");
}

}  // namespace tierlens::sql
