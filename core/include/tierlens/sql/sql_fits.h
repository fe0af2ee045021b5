// What a policy learns from the data and SQL cannot: the CLV models' parameters (fitted by
// maximum likelihood) and the k-means centres (found by restarts from random seeds). A run of
// the core fits them once; the SQL then applies them to every customer, in the warehouse.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tierlens/bg_nbd.h"
#include "tierlens/classification.h"
#include "tierlens/gamma_gamma.h"

namespace tierlens::sql {

/// The CLV models as fitted on the run's purchases; absent models were not fitted (the
/// summary's warnings say why), and CLV is then the historical one.
struct ClvFit {
  std::optional<BgNbdParams> purchases;
  std::optional<GammaGammaParams> spend;
  std::size_t fitted_on = 0;        ///< customers the purchase model was fitted on
  std::size_t spend_fitted_on = 0;  ///< repeat customers the spend model was fitted on
  bool model() const { return purchases && spend; }
};

/// One `clusters` dimension as clustered: how each feature was transformed and standardised,
/// the centres in standard deviations, and each cluster's label. No clusters (too few
/// customers): every customer takes the missing label.
struct ClusterFit {
  std::string dimension_id;
  bool clustered = false;
  std::vector<std::string> features;
  bool log_transform = true;
  std::vector<double> means, deviations;   ///< per feature, of the transformed values
  std::vector<std::vector<double>> centres; ///< per cluster, per feature, in standard deviations
  std::vector<std::string> labels;          ///< per cluster
  std::string missing_label;
  std::size_t fitted_on = 0;
};

struct SqlFits {
  std::string source;  ///< the file fitted on, named in the script's header
  std::optional<ClvFit> clv;
  std::vector<ClusterFit> clusters;

  const ClusterFit* cluster_fit(const std::string& dimension_id) const;
};

/// The fits of a finished run of the policy.
SqlFits fits_from_run(const Classification& result);

}  // namespace tierlens::sql
