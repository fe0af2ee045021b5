// What a field name means for one customer: a metric, an earlier dimension's label, or an
// attribute read from a column. Names are resolved once per run; values are read per
// customer as a number (when the field has one) and as text.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tierlens/classification.h"
#include "tierlens/metrics.h"
#include "tierlens/text.h"

namespace tierlens {

struct FieldRef {
  enum class Kind { kMetric, kDimension, kAttribute, kAbsent };
  Kind kind = Kind::kAbsent;
  int index = 0;  ///< a Metric, an index into result.dimensions, or into customers.attributes
  std::string name;
};

class CustomerFields {
 public:
  /// Fields over `result` as computed so far: dimensions are visible once in result.dimensions.
  explicit CustomerFields(const Classification& result);

  /// What `name` refers to; kAbsent for an attribute whose column the file lacks.
  FieldRef resolve(const std::string& name) const;

  /// The number, if the field has one for this customer: metrics (monetary in units), and
  /// attribute cells that read as numbers. Absent for labels, text cells and empty cells.
  std::optional<double> number(const FieldRef& field, std::size_t customer) const;

  /// The value as text ("" when absent): the label, the cell, or the metric's number.
  std::string text(const FieldRef& field, std::size_t customer) const;

  bool present(const FieldRef& field, std::size_t customer) const;

 private:
  /// A CLV figure of the customer; absent without CLV in the run or a value for them.
  std::optional<double> clv_figure(std::vector<double> ClvResult::*figure, std::size_t customer) const;

  const Classification& result_;
  /// Per attribute column, the number each distinct value reads as (parsed once).
  std::vector<std::vector<std::optional<double>>> attribute_numbers_;
};

}  // namespace tierlens
