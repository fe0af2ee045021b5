#include "tierlens/classify_options.h"

#include <cmath>

#include "tierlens/policy_validation.h"

namespace tierlens {
namespace {

Status invalid(const std::string& message) {
  return Status::error(ErrorCode::kInvalidOptions, message);
}

Status invalid_bins(const std::string& given) {
  return invalid("rfm.bins: expected a whole number from " + std::to_string(kMinBins) + " to " +
                 std::to_string(kMaxBins) + ", got " + given);
}

Status validate_breakpoints(RfmMetric metric, const std::optional<std::vector<double>>& values,
                            int bins) {
  if (!values) return Status();
  const std::string path = std::string("rfm.breakpoints.") + rfm_metric_key(metric);
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

}  // namespace

void keep_file_reading(const ClassifyOptions& from, ClassifyOptions& to) {
  to.file_name = from.file_name;
  to.encoding = from.encoding;
  to.date_order = from.date_order;
  to.header_row = from.header_row;
  to.sheet = from.sheet;
  to.keep_order_log = from.keep_order_log;
  to.file_bytes = from.file_bytes;
}

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
  return validate_policy(options);
}

}  // namespace tierlens
