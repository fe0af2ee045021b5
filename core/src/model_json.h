// Private to the core: the summary's account of the fitted models, for reports.cpp. The CLV
// section (the models' parameters, their checks, CLV per tier and segment) and a `clusters`
// dimension's details (k tried, centres) are large enough to live apart from the rest.
#pragma once

#include <nlohmann/json.hpp>

#include "tierlens/classification.h"

namespace tierlens {

/// The summary's `clv`: null when the run computed no CLV.
nlohmann::ordered_json clv_json(const Classification& result);

/// A `clusters` dimension's `clusters` entry in the summary.
nlohmann::ordered_json cluster_summary_json(const ClusterSummary& summary, const std::vector<std::string>& labels);

/// A CLV figure as the reports print it: 2 decimals for money, 4 for counts and
/// probabilities; empty when absent (NaN).
std::string clv_figure_text(double value, int decimals);

}  // namespace tierlens
