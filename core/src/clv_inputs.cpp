#include "tierlens/clv_inputs.h"

#include <algorithm>
#include <utility>

#include "tierlens/money.h"
#include "wide_int.h"

namespace tierlens {
namespace {

/// Floor division: periods before 1970 get numbers below those after it.
std::int64_t floor_divide(std::int64_t value, std::int64_t divisor) {
  const std::int64_t quotient = value / divisor;
  return (value % divisor != 0 && value < 0) ? quotient - 1 : quotient;
}

/// 1970-01-05, the first Monday of day numbers: weeks run Monday to Sunday.
constexpr DayNumber kFirstMonday = 4;

}  // namespace

std::int64_t period_number(DayNumber day, PurchasePeriod period) {
  switch (period) {
    case PurchasePeriod::kDay: return day;
    case PurchasePeriod::kWeek: return floor_divide(std::int64_t{day} - kFirstMonday, 7);
    case PurchasePeriod::kMonth: {
      const CivilDate date = civil_from_days(day);
      return std::int64_t{date.year} * 12 + (date.month - 1);
    }
  }
  return day;
}

double periods_per_month(PurchasePeriod period) {
  switch (period) {
    case PurchasePeriod::kDay: return 30;
    case PurchasePeriod::kWeek: return 4.345;
    case PurchasePeriod::kMonth: return 1;
  }
  return 30;
}

ClvInputs clv_inputs(const std::vector<OrderRecord>& order_log, std::size_t customer_count,
                     PurchasePeriod period, DayNumber calibration_end) {
  // Group the purchases by customer (a counting sort: the log can hold millions of records).
  // Returns are not purchases: the models leave them out.
  std::vector<std::size_t> start(customer_count + 1, 0);
  for (const OrderRecord& order : order_log) {
    if (order.amount >= 0) ++start[order.customer + 1];
  }
  for (std::size_t c = 0; c < customer_count; ++c) start[c + 1] += start[c];
  std::vector<std::pair<std::int64_t, Micros>> by_customer(start[customer_count]);
  std::vector<std::size_t> next(start.begin(), start.end() - 1);
  for (const OrderRecord& order : order_log) {
    if (order.amount >= 0) by_customer[next[order.customer]++] = {period_number(order.day, period), order.amount};
  }

  const std::int64_t end_period = period_number(calibration_end, period);
  ClvInputs inputs;
  inputs.in_calibration.assign(customer_count, 0);
  inputs.frequency.assign(customer_count, 0);
  inputs.recency.assign(customer_count, 0);
  inputs.age.assign(customer_count, 0);
  inputs.repeat_spend.assign(customer_count, 0);
  inputs.later_purchases.assign(customer_count, 0);
  for (std::size_t c = 0; c < customer_count; ++c) {
    const auto first = by_customer.begin() + static_cast<std::ptrdiff_t>(start[c]);
    const auto last = by_customer.begin() + static_cast<std::ptrdiff_t>(start[c + 1]);
    std::sort(first, last);
    if (first == last || first->first > end_period) {
      // No purchase in the calibration period: later ones are a new customer's, not a repeat.
      continue;
    }
    inputs.in_calibration[c] = 1;
    const std::int64_t first_period = first->first;
    std::int64_t last_period = first_period;
    std::int64_t previous = first_period;
    WideInt repeat_spend = 0;  // micro-units: exact, and no overflow whatever the returns
    double repeats = 0, later = 0;
    for (auto purchase = first; purchase != last; ++purchase) {
      const bool new_period = purchase->first != previous;
      previous = purchase->first;
      if (purchase->first > end_period) {
        if (new_period) ++later;
        continue;
      }
      if (purchase->first == first_period) continue;  // the first period: acquisition
      if (new_period) ++repeats;
      last_period = purchase->first;
      repeat_spend += purchase->second;
    }
    inputs.frequency[c] = repeats;
    inputs.recency[c] = static_cast<double>(last_period - first_period);
    inputs.age[c] = static_cast<double>(end_period - first_period);
    inputs.repeat_spend[c] = repeats > 0 ? static_cast<double>(repeat_spend) / static_cast<double>(kMicrosPerUnit) / repeats : 0;
    inputs.later_purchases[c] = later;
  }
  return inputs;
}

}  // namespace tierlens
