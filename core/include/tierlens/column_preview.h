// The mapping step: before anything is computed, the user sees how TierLens would read a
// file (encoding, header row, delimiter), a few of its rows, and which column it takes for
// each role and attribute, and confirms or changes that. The start of the file is enough.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tierlens/classify_options.h"
#include "tierlens/order_ingest.h"
#include "tierlens/status.h"

namespace tierlens {

/// Where a column choice came from: the policy named it, TierLens guessed it from the
/// header, or no column plays the part.
enum class ChoiceSource { kNamed, kGuessed, kNone };

/// "named", "guessed", "none".
const char* choice_source_key(ChoiceSource source);

/// The column read for one role ("customer_id", "date" …) or attribute field ("industry").
struct ColumnChoice {
  std::string field;
  std::optional<std::string> column;  ///< the header name; none when no column plays it
  ChoiceSource source = ChoiceSource::kNone;
  /// A run cannot go on without it: the customer id and the date always; the amount unless
  /// quantity and unit price are both there (and then those two).
  bool required = false;
};

struct ColumnPreview {
  TableKind table = TableKind::kOrders;        ///< what the file was previewed as
  InputDescription input;                      ///< how the file is read, with its header
  std::vector<std::vector<std::string>> rows;  ///< the first data rows, cells as read
  std::vector<ColumnChoice> roles;             ///< one per ColumnRole, in that order
  std::vector<ColumnChoice> attributes;        ///< the customer name, then the policy's fields
  /// What would stop a run with these choices (a required column not found, a named column
  /// not in the header), in the words a run would fail with; empty when nothing would.
  std::string problem;
};

inline constexpr std::size_t kPreviewRows = 10;
/// What a preview reads of a text file: its first 64 KiB, as a run decides conventions from.
inline constexpr std::size_t kPreviewHeadBytes = 64 * 1024;
/// A preview of a workbook (xlsx_workbook.h: looks_like_zip) needs the whole file: a zip's
/// directory is at its end.

/// Previews `head` (the start of the file; all of it for a workbook) as `options` would read
/// it: as orders, or as a customers table (one role, the customer id; the rest attributes).
/// Fails only when the file cannot be read at all: not text, bad JSON, empty.
Status preview_columns(std::string_view head, const ClassifyOptions& options, ColumnPreview& preview,
                       TableKind table = TableKind::kOrders);

}  // namespace tierlens
