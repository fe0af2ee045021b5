// The policy compiled to SQL (`tierlens sql`, the page's "Download SQL"): one script per
// engine that, given the orders table (and optionally the customers table) with the mapped
// columns, produces the classified customers table with the columns and labels of the core's
// customers.csv. What the SQL cannot compute from the rows alone — the CLV models and the
// k-means centres — is fitted by a run of the core and applied in SQL (sql_fits.h).
#pragma once

#include <string>

#include "tierlens/classify_options.h"
#include "tierlens/sql/sql_fits.h"
#include "tierlens/sql/sql_mapping.h"
#include "tierlens/sql/sql_plan.h"
#include "tierlens/sql/sql_printer.h"
#include "tierlens/status.h"

namespace tierlens::sql {

/// True when the policy has something only a fit gives: a CLV field or dimension, or a
/// `clusters` dimension.
bool policy_needs_fit(const ClassifyOptions& options);

/// Builds the plan of `options` (validated) read through `mapping`. `fits` must hold what
/// policy_needs_fit asks for: without it the policy is refused, saying what to fit and how.
/// Also refused: what SQL cannot say as the core does (`contains` on a number field).
Status compile_policy(const ClassifyOptions& options, const SqlMapping& mapping, const SqlFits* fits,
                      Plan& plan);

/// compile_policy, printed for `dialect`.
Status policy_sql(const ClassifyOptions& options, const SqlMapping& mapping, const SqlFits* fits,
                  Dialect dialect, std::string& script);

}  // namespace tierlens::sql
