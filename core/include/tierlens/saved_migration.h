// How customers moved since a customers.csv saved earlier (saved_customers.h): the earlier
// run is the file, the later one the classification on screen. The file has no policy, so the
// order of its labels, and with it what "up" means, is the current run's: the current
// policy's labels best first, then any label it does not know (a tier since renamed, a
// dimension's label since removed) after them, in the order the file first has them.
#pragma once

#include <string>

#include "tierlens/classification.h"
#include "tierlens/migration.h"
#include "tierlens/saved_customers.h"

namespace tierlens {

/// Compares `field` ("tier", "segment" or a dimension id) of the saved file with the same
/// field of `after`. Refuses (kInvalidOptions) a field the file or the run lacks.
Status compare_with_saved(const SavedCustomers& before, const Classification& after, const std::string& field,
                          Migration& migration);

}  // namespace tierlens
