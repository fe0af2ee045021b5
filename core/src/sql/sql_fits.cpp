#include "tierlens/sql/sql_fits.h"

#include "tierlens/cluster_features.h"

namespace tierlens::sql {

const ClusterFit* SqlFits::cluster_fit(const std::string& dimension_id) const {
  for (const ClusterFit& fit : clusters) {
    if (fit.dimension_id == dimension_id) return &fit;
  }
  return nullptr;
}

SqlFits fits_from_run(const Classification& result) {
  SqlFits fits;
  fits.source = result.ingest.input.file_name;
  if (const auto& clv = result.clv) {
    ClvFit fit;
    if (clv->purchases) fit.purchases = clv->purchases->params;
    if (clv->spend) fit.spend = clv->spend->params;
    fit.fitted_on = clv->fitted_on;
    fit.spend_fitted_on = clv->spend_fitted_on;
    fits.clv = fit;
  }
  for (const DimensionResult& dimension : result.dimensions) {
    const Dimension& policy = result.dimension_policy(dimension);
    const auto* spec = std::get_if<ClusterSpec>(&policy.spec);
    if (!spec || !dimension.clusters) continue;
    ClusterFit fit;
    fit.dimension_id = policy.id;
    fit.features = spec->features;
    fit.log_transform = spec->log_transform;
    fit.missing_label = spec->missing_label;
    fit.fitted_on = dimension.clusters->fitted_on;
    fit.clustered = !dimension.clusters->clusters.empty();
    if (fit.clustered) {
      // The standardisation is the features' own over every customer who has them all: what
      // the dimension computed, computed again (features never read later dimensions).
      const ClusterFeatures features = cluster_features(result, *spec);
      fit.means = features.means;
      fit.deviations = features.deviations;
      for (std::size_t k = 0; k < dimension.clusters->clusters.size(); ++k) {
        fit.centres.push_back(dimension.clusters->clusters[k].centre);
        fit.labels.push_back(dimension.labels[k]);
      }
    }
    fits.clusters.push_back(std::move(fit));
  }
  return fits;
}

}  // namespace tierlens::sql
