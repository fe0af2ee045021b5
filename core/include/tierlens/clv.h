// Customer lifetime value (客户生命周期价值): the BG/NBD model of how often each customer buys
// and whether they are still a customer (Fader, Hardie & Lee 2005), and the Gamma-Gamma model
// of how much they spend per purchase (Fader & Hardie 2013), both fitted by maximum
// likelihood to the run's own purchases. Per customer: the chance they are still active,
// purchases and spend expected over the horizon, and their CLV. A simple historical CLV is
// given too, and stands in when the models cannot be fitted.
//
// The fit is checked the way the paper checks it: refitted on the data without its last
// days (the holdout), the model predicts each customer's purchases in those days, and the
// predictions are compared with what the customers actually did.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "tierlens/bg_nbd.h"
#include "tierlens/clv_inputs.h"
#include "tierlens/gamma_gamma.h"
#include "tierlens/order_ingest.h"
#include "tierlens/policy.h"

namespace tierlens {

/// Below this many customers with a repeat purchase the models are not fitted: their
/// parameters would say more about chance than about the customers.
inline constexpr std::uint64_t kMinRepeatCustomers = 20;

/// The models are fitted on at most this many customers (a fixed-seed sample beyond it);
/// every customer is then scored with the fitted parameters.
inline constexpr std::uint64_t kMaxFitCustomers = 10'000;

/// Above this correlation of repeat frequency and repeat spend, the Gamma-Gamma model's
/// assumption (spend independent of frequency) is in doubt: a warning says so.
inline constexpr double kMaxFrequencySpendCorrelation = 0.3;

/// The holdout check: repeat purchases predicted for the held-out days against those made.
struct HoldoutCheck {
  DayNumber calibration_end = 0;  ///< the last day the check's models saw
  DayNumber holdout_end = 0;      ///< the last day of the data
  double holdout_periods = 0;     ///< the length of the holdout, in periods
  bool fitted = false;            ///< false: `problem` says why there are no predictions
  std::string problem;
  BgNbdFit purchases;             ///< the model fitted on the calibration days only
  std::uint64_t customers = 0;    ///< customers with a purchase in the calibration days
  double actual = 0;              ///< repeat purchase periods in the holdout, all customers
  double predicted = 0;
  /// Customers grouped by repeat purchases in the calibration days (0, 1, … and a last
  /// open group), each with the mean holdout purchases made and predicted.
  struct Group {
    int frequency = 0;
    bool and_more = false;  ///< the last group: this frequency or more
    std::uint64_t customers = 0;
    double actual_mean = 0, predicted_mean = 0;
  };
  std::vector<Group> by_frequency;
};

/// What the CLV computation did, and its figures per customer (parallel to the customers;
/// NaN where a customer has none: no purchase, or no model).
struct ClvResult {
  ClvSettings settings;
  DayNumber calibration_end = 0;  ///< the last day of the data the models saw
  /// "model" when CLV comes from the fitted models; "historical" when they could not be
  /// fitted (warnings say why) and CLV is the historical one.
  std::string basis = "historical";
  std::uint64_t customers_with_purchases = 0;
  std::uint64_t repeat_customers = 0;
  /// Repeat customers left out of the spend model: their repeat purchases are worth nothing.
  std::uint64_t spend_excluded = 0;
  std::uint64_t fitted_on = 0;        ///< customers the purchase model was fitted on
  std::uint64_t spend_fitted_on = 0;  ///< repeat customers the spend model was fitted on
  std::optional<BgNbdFit> purchases;    ///< absent: not fitted
  std::optional<GammaGammaFit> spend;   ///< absent: not fitted
  /// Pearson correlation of frequency and repeat spend among the spend model's customers.
  std::optional<double> frequency_spend_correlation;
  std::vector<std::string> warnings;
  std::optional<HoldoutCheck> holdout;

  std::vector<double> probability_alive, expected_purchases, expected_spend, clv, historical_clv;
};

/// Fits the models to the purchases of `ingest.order_log` (kept: IngestOptions::keep_order_log) up to
/// `data_end`, the last day of the data, and computes every customer's figures.
ClvResult compute_clv(const IngestResult& ingest, const ClvSettings& settings, DayNumber data_end);

}  // namespace tierlens
