// How customers moved between two runs (客户迁移): the same policy on last quarter's and this
// quarter's orders, or on the same orders as of two analysis dates. Customers are matched by
// id; each is counted in a matrix of label before × label after, and those whose label
// changed are listed, up or down.
//
// "Up" means towards the first label: tiers are listed best first (战略客户 before 维护客户),
// and so are the labels of the built-in dimensions (Champions first, A before C, 高价值
// before 低价值). Customers in one run only are "new" or "gone".
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "tierlens/classification.h"
#include "tierlens/status.h"

namespace tierlens {

enum class Move { kSame, kUp, kDown, kNew, kGone };

/// "same", "up", "down", "new", "gone".
const char* move_key(Move move);

struct CustomerMove {
  std::string customer_id;
  std::string before, after;  ///< "" when new (before) or gone (after)
  Move move = Move::kSame;
};

struct Migration {
  std::string field;                ///< "tier", "segment" or a dimension id
  /// The labels in their order (best first), the union of both runs' labels; the matrix's
  /// rows and columns follow it, with one more of each for customers in one run only.
  std::vector<std::string> labels;
  /// (labels + 1) × (labels + 1): row = label before (last row: new customers), column =
  /// label after (last column: gone customers).
  std::vector<std::vector<std::uint64_t>> matrix;
  std::uint64_t counts[5] = {};     ///< per Move
  std::vector<CustomerMove> moves;  ///< every customer whose label changed (or who is new or gone), by id
};

/// Compares `field` — "tier", "segment", or the id of a dimension both runs computed —
/// between two runs. Refuses (kInvalidOptions, with a message) a field one run lacks.
Status compare_runs(const Classification& before, const Classification& after, const std::string& field,
                    Migration& migration);

/// One run's label per customer for the compared field: what compare_runs reads from a
/// classification, and what saved_migration.h reads from a customers.csv saved earlier.
struct RunLabels {
  std::vector<std::string> labels;                ///< best first
  std::vector<std::uint32_t> label_of;            ///< per customer, an index into labels
  const std::vector<std::string>* ids = nullptr;  ///< per customer; borrowed from the run
};

/// The labels of `field` in `run`, in the policy's order (tiers as listed, a dimension's
/// labels in its own order, the 11 segments Champions first); `which` ("earlier", "later")
/// names the run when it lacks the field.
Status run_labels(const Classification& run, const std::string& field, const char* which, RunLabels& out);

/// The comparison both kinds of run share. The labels are the earlier run's, then those only
/// the later run has, in that run's order; customers are matched by id.
Migration compare_labels(const RunLabels& before, const RunLabels& after, const std::string& field);

/// {field, labels, matrix, counts: {same, up, down, new, gone}, moves: […]} as pretty JSON.
std::string migration_json(const Migration& migration);

/// customer_id, before, after, move — one row per customer who moved, UTF-8 with BOM.
std::string migration_csv(const Migration& migration);

}  // namespace tierlens
