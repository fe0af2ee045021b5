// Two tables at once: the orders, and a customers table (one row per customer: industry,
// province, employees … as a CRM or ERP exports its customer master), joined on the customer
// id. Nobody is lost on either side: customers without orders are classified with no
// purchases, and customers in the orders but not in the table are counted and named.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "tierlens/order_ingest.h"
#include "tierlens/status.h"

namespace tierlens {

/// How many ids each list of examples keeps.
inline constexpr std::size_t kJoinExamples = 10;

/// Joins `table` (read by OrderIngest as TableKind::kCustomers, with the same attribute list)
/// into `orders` on the customer id. An attribute takes the table's value when the table has
/// one (the customer master is the reference), else the orders' most recent value. Customers
/// only in the table are appended with no orders. The table's skipped rows join the orders'.
/// `attributes` is the run's list (field, header the user named): a named header found in
/// neither file is an error.
Status join_customer_table(IngestResult& orders, IngestResult table,
                           const std::vector<std::pair<std::string, std::optional<std::string>>>& attributes);

}  // namespace tierlens
