#include "tierlens/classify_options.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace tierlens {
namespace {

using nlohmann::json;

Status invalid(const std::string& message) {
  return Status::error(ErrorCode::kInvalidOptions, message);
}

Status invalid_bins(const std::string& given) {
  return invalid("bins: expected a whole number from " + std::to_string(kMinBins) + " to " +
                 std::to_string(kMaxBins) + ", got " + given);
}

Status validate_breakpoints(RfmMetric metric, const std::optional<std::vector<double>>& values,
                            int bins) {
  if (!values) return Status();
  const std::string path = std::string("breakpoints.") + rfm_metric_key(metric);
  if (static_cast<int>(values->size()) != bins - 1) {
    return invalid(path + ": expected " + std::to_string(bins - 1) + " values for " +
                   std::to_string(bins) + " bins, got " + std::to_string(values->size()));
  }
  for (std::size_t i = 0; i < values->size(); ++i) {
    if (!std::isfinite((*values)[i])) return invalid(path + ": values must be finite numbers");
    if (i > 0 && !((*values)[i - 1] < (*values)[i])) {
      return invalid(path + ": values must be strictly ascending");
    }
  }
  return Status();
}

Status read_breakpoints(const json& node, RfmMetric metric,
                        std::optional<std::vector<double>>& out) {
  const char* key = rfm_metric_key(metric);
  if (!node.contains(key) || node[key].is_null()) return Status();
  const json& list = node[key];
  const std::string path = std::string("breakpoints.") + key;
  if (!list.is_array()) return invalid(path + ": expected an array of numbers");
  std::vector<double> values;
  for (const json& value : list) {
    if (!value.is_number()) return invalid(path + ": expected an array of numbers");
    values.push_back(value.get<double>());
  }
  out = std::move(values);
  return Status();
}

}  // namespace

Status validate_options(const ClassifyOptions& options) {
  if (options.bins < kMinBins || options.bins > kMaxBins) {
    return invalid_bins(std::to_string(options.bins));
  }
  for (const RfmMetric metric : kRfmMetrics) {
    const auto& values = options.fixed_breakpoints(metric);
    if (Status status = validate_breakpoints(metric, values, options.bins); !status.ok()) {
      return status;
    }
  }
  return Status();
}

Status parse_options_json(std::string_view text, ClassifyOptions& options) {
  const json root = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded() || !root.is_object()) {
    return invalid("options: expected a JSON object");
  }
  for (const auto& [key, value] : root.items()) {
    if (key == "file_name") {
      if (!value.is_string()) return invalid("file_name: expected a string");
      options.file_name = value.get<std::string>();
    } else if (key == "bins") {
      if (!value.is_number_integer()) return invalid("bins: expected a whole number");
      const std::int64_t bins = value.get<std::int64_t>();
      if (bins < kMinBins || bins > kMaxBins) return invalid_bins(std::to_string(bins));
      options.bins = static_cast<int>(bins);
    } else if (key == "analysis_date") {
      if (value.is_null()) continue;
      const auto day = value.is_string() ? parse_iso_date(value.get<std::string>()) : std::nullopt;
      if (!day) return invalid("analysis_date: expected a date as YYYY-MM-DD, or null");
      options.analysis_date = day;
    } else if (key == "columns") {
      if (!value.is_object()) return invalid("columns: expected an object of role → header name");
      for (const auto& [role_key, name] : value.items()) {
        int role = 0;
        while (role < kColumnRoleCount &&
               role_key != column_role_key(static_cast<ColumnRole>(role))) {
          ++role;
        }
        if (role == kColumnRoleCount) {
          return invalid("columns." + role_key + ": unknown role; expected customer_id, "
                         "order_id, date, amount, quantity or unit_price");
        }
        if (name.is_null()) continue;
        if (!name.is_string()) return invalid("columns." + role_key + ": expected a header name");
        options.columns.names[role] = name.get<std::string>();
      }
    } else if (key == "breakpoints") {
      if (!value.is_object()) return invalid("breakpoints: expected an object");
      for (const auto& [metric, unused] : value.items()) {
        if (metric != "recency" && metric != "frequency" && metric != "monetary") {
          return invalid("breakpoints." + metric +
                         ": unknown metric; expected recency, frequency or monetary");
        }
      }
      for (const RfmMetric metric : kRfmMetrics) {
        if (Status status = read_breakpoints(value, metric, options.fixed_breakpoints(metric));
            !status.ok()) {
          return status;
        }
      }
    } else {
      return invalid(key + ": unknown option; expected file_name, bins, analysis_date, "
                     "columns or breakpoints");
    }
  }
  return validate_options(options);
}

}  // namespace tierlens
