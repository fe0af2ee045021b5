// Private to the SQL compiler: the state of one compilation and the pieces each file adds.
//
// Every step after `metrics` holds one row per customer with every column computed so far; the
// compiler keeps the name of the latest such step (`chain`) and each dimension adds a step
// selecting `c.*` from it plus its label. Helper steps (aggregates a dimension needs) sit
// before the step that joins them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tierlens/metrics.h"
#include "tierlens/sql/policy_sql.h"

namespace tierlens::sql {

/// What a field name reads in SQL, for a row aliased `c` of the chain: its number (NULL when
/// the customer has none) and its text ('' when none), as CustomerFields gives them.
struct SqlField {
  enum class Kind { kMetric, kDimension, kAttribute, kAbsent };
  Kind kind = Kind::kAbsent;
  std::string name;
  Metric metric = Metric::kRecency;
  Expr number;  ///< kMetric, kAttribute
  Expr text;    ///< kDimension, kAttribute
  Expr present; ///< a two-valued condition
};

class Compiler {
 public:
  Compiler(const ClassifyOptions& options, const SqlMapping& mapping, const SqlFits* fits)
      : options_(options), mapping_(mapping), fits_(fits) {}

  Status compile(Plan& plan);

  // Shared by the pieces (sql_compile_*.cpp).
  const ClassifyOptions& options() const { return options_; }
  const SqlMapping& mapping() const { return mapping_; }
  const SqlFits* fits() const { return fits_; }
  int bins() const { return options_.bins; }

  void add_query(const std::string& name, std::vector<std::string> comment, Expr query);
  void add_values(const std::string& name, std::vector<std::string> comment, ValuesTable values);
  /// Adds a step over the chain (`c.*` plus `columns`, from `from`, which names the chain as
  /// `c`) and makes it the chain.
  void extend_chain(const std::string& name, std::vector<std::string> comment, const Expr& columns,
                    const Expr& from_suffix = Expr());
  const std::string& chain() const { return chain_; }
  bool has_step(const std::string& name) const;

  SqlField resolve(const std::string& name) const;
  /// A condition as a two-valued SQL condition over a chain row `c`; refuses what SQL cannot
  /// say as the core does.
  Status condition(const Condition& condition, Expr& out) const;

  /// The column of attribute `field` in the chain.
  static Expr attribute_text(const std::string& field);
  static Expr attribute_number(const std::string& field);

  // The pieces, in the order compile() calls them.
  Status compile_orders();        // sql_compile_orders.cpp: rows, customers, analysis date, metrics
  void compile_rfm();             // sql_compile_rfm.cpp: breakpoints, scores, segments
  Status compile_clv();           // sql_compile_clv.cpp
  Status compile_dimension(const Dimension& dimension);  // sql_compile_dimensions.cpp
  Status compile_tiers();         // sql_compile_dimensions.cpp
  void compile_output();          // sql_compile_orders.cpp: the final SELECT
  void compile_header();          // sql_compile_header.cpp

  bool needs_clv() const;
  /// The dimensions compiled so far (their ids are fields from then on).
  const std::vector<std::string>& dimension_ids() const { return dimension_ids_; }

 private:
  Status compile_clusters(const Dimension& dimension, const ClusterSpec& spec);

  const ClassifyOptions& options_;
  const SqlMapping& mapping_;
  const SqlFits* fits_;
  Plan plan_;
  std::string chain_;
  std::vector<std::string> dimension_ids_;
};

/// The number of characters (not bytes) of UTF-8 `text`: SQL's LENGTH, LEFT and RIGHT count them.
int utf8_length(const std::string& text);

/// A step name for a dimension: "dimension_" + its id.
std::string dimension_step(const std::string& id);

/// round(x) half away from zero, as std::round, spelled with FLOOR (PostgreSQL's round of a
/// double rounds half to even).
Expr round_half_away(const Expr& x);

/// CAST(x AS DOUBLE).
Expr as_double(const Expr& x);

/// The period number of date `day` under the CLV models' period (clv_inputs.h: period_number).
Expr period_number(const Expr& day, PurchasePeriod period);

/// Money in micro-units as an exact decimal in currency units.
Expr micros_to_decimal(const Expr& micros);

}  // namespace tierlens::sql
