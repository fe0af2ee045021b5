// The CLV models' view of each customer, which is not RFM's: they count purchase *periods*
// (several purchases on one day are one, with the default period of a day) and time from the
// customer's own first purchase, as Fader, Hardie & Lee (2005) and the lifetimes library do:
//
//   frequency x  = purchase periods after the first one (repeat purchases);
//   recency t_x  = periods from the first purchase to the last;
//   age T        = periods from the first purchase to the end of the calibration period;
//   repeat spend = mean spend per repeat period (the first period's spend is left out: it
//                  says how the customer was acquired, not how they buy afterwards).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "tierlens/civil_date.h"
#include "tierlens/order_ingest.h"
#include "tierlens/policy.h"

namespace tierlens {

/// The number of the period `day` falls in: days, weeks from Monday, or calendar months.
/// Consecutive periods have consecutive numbers.
std::int64_t period_number(DayNumber day, PurchasePeriod period);

/// Periods in a month, for horizons given in months (lifetimes' factors: 30 days, 4.345
/// weeks, 1 month).
double periods_per_month(PurchasePeriod period);

/// Per customer (parallel to the customer table), the models' inputs over the calibration
/// period, which ends on `calibration_end` (included), and the purchase periods after it.
struct ClvInputs {
  /// False for a customer with no purchase by calibration_end: the models say nothing of them.
  std::vector<std::uint8_t> in_calibration;
  std::vector<double> frequency, recency, age;
  std::vector<double> repeat_spend;  ///< in currency units; 0 when frequency is 0
  /// Purchase periods after the calibration period (the holdout's actual purchases).
  std::vector<double> later_purchases;

  std::size_t size() const { return in_calibration.size(); }
};

/// Builds the inputs of `customer_count` customers from the order log (any order; returns,
/// the negative records, are left out).
ClvInputs clv_inputs(const std::vector<OrderRecord>& order_log, std::size_t customer_count,
                     PurchasePeriod period, DayNumber calibration_end);

}  // namespace tierlens
