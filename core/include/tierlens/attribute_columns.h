// Customer attributes (industry, province, employees …) read from the file's other columns.
// A policy names them as fields; which column holds a field is guessed from the header in
// English and Chinese, or given by the user.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tierlens {

/// The column that holds attribute `field`: a known spelling of it (e.g. "employees" →
/// 员工人数, Employees, headcount), else a header named exactly like the field (ignoring ASCII
/// case). Columns listed in `taken` (those already playing a role) are never chosen.
std::optional<std::size_t> guess_attribute_column(const std::vector<std::string>& header,
                                                  std::string_view field,
                                                  const std::vector<std::size_t>& taken);

}  // namespace tierlens
