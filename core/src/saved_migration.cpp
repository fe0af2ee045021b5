#include "tierlens/saved_migration.h"

#include <algorithm>

namespace tierlens {
namespace {

/// The saved file's column as a run's labels, ordered by `order` (the current run's labels,
/// best first) and then the file's own labels `order` lacks.
RunLabels saved_labels(const SavedCustomers& saved, const SavedLabelColumn& column,
                       const std::vector<std::string>& order) {
  RunLabels run;
  run.ids = &saved.ids;
  run.labels = order;
  std::vector<std::uint32_t> position_of_label;  // per label of the file: its place in run.labels
  for (const std::string& label : column.labels) {
    auto found = std::find(run.labels.begin(), run.labels.end(), label);
    if (found == run.labels.end()) found = run.labels.insert(run.labels.end(), label);
    position_of_label.push_back(static_cast<std::uint32_t>(found - run.labels.begin()));
  }
  run.label_of.reserve(column.label_of.size());
  for (const std::uint32_t label : column.label_of) run.label_of.push_back(position_of_label[label]);
  return run;
}

}  // namespace

Status compare_with_saved(const SavedCustomers& before, const Classification& after, const std::string& field,
                          Migration& migration) {
  RunLabels now;
  if (Status status = run_labels(after, field, "current", now); !status.ok()) return status;
  const SavedLabelColumn* column = before.column(field);
  if (!column) {
    std::string fields;
    for (const SavedLabelColumn& saved : before.columns) fields += (fields.empty() ? "" : ", ") + saved.field;
    return Status::error(ErrorCode::kInvalidOptions, before.file_name + " has no column \"" + field +
                                                         "\" to compare; it has " + fields);
  }
  migration = compare_labels(saved_labels(before, *column, now.labels), now, field);
  return Status();
}

}  // namespace tierlens
