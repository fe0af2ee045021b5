// One customer's orders, for the page's profile card (客户画像): each day they bought or
// returned something, with the amount, oldest first. Read from the order log, which a run
// keeps when asked (ClassifyOptions::keep_order_log) or when the policy uses CLV.
#pragma once

#include <cstddef>
#include <vector>

#include "tierlens/classification.h"

namespace tierlens {

struct CustomerHistory {
  bool kept = false;  ///< false: the run kept no order log, so there is no history to show
  std::vector<DayNumber> day;
  std::vector<Micros> purchases;  ///< that day's purchases (0 when only returns)
  std::vector<Micros> returns;    ///< that day's returns, as a positive amount (0 when none)
};

/// The history of customer `index` (an index into result.ingest.customers), one entry per day.
CustomerHistory customer_history(const Classification& result, std::size_t index);

}  // namespace tierlens
