#include "tierlens/customer_history.h"

#include <cstdint>
#include <map>

namespace tierlens {

CustomerHistory customer_history(const Classification& result, std::size_t index) {
  CustomerHistory history;
  history.kept = result.ingest.order_log_kept;
  // One pass over the log: a profile is opened one customer at a time, so no index is kept.
  std::map<DayNumber, std::pair<Micros, Micros>> by_day;
  for (const OrderRecord& order : result.ingest.order_log) {
    if (order.customer != index) continue;
    auto& [bought, returned] = by_day[order.day];
    // A day's purchases and returns each stay below the largest amount (a file of absurd
    // amounts that cancel out could pass it): saturate rather than overflow.
    Micros& sum = order.amount >= 0 ? bought : returned;
    const Micros magnitude = order.amount >= 0 ? order.amount : order.amount == INT64_MIN ? INT64_MAX : -order.amount;
    if (__builtin_add_overflow(sum, magnitude, &sum)) sum = INT64_MAX;
  }
  for (const auto& [day, amounts] : by_day) {
    history.day.push_back(day);
    history.purchases.push_back(amounts.first);
    history.returns.push_back(amounts.second);
  }
  return history;
}

}  // namespace tierlens
