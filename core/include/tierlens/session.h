// One classification run from first byte to result: options, then chunks of the file, then
// the classification. The CLI and the WebAssembly module both drive this same object, so the
// page and the command line cannot disagree about what a file means.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "tierlens/classification.h"
#include "tierlens/classify_options.h"
#include "tierlens/customer_order.h"
#include "tierlens/order_ingest.h"
#include "tierlens/status.h"

namespace tierlens {

/// How a run under `options` reads its file: the columns, attributes (the policy's, and the
/// customer name), analysis date and the user's reading options.
IngestOptions ingest_options_for(const ClassifyOptions& options);

class ClassificationSession {
 public:
  /// Starts a new run, forgetting any earlier one. On invalid options nothing is started.
  Status begin(ClassifyOptions options);
  /// Forgets everything: no run in progress, no result.
  void reset();
  /// The next bytes of the file, cut anywhere.
  Status feed(std::string_view bytes);
  /// Ends the file and classifies. After success, result() is available.
  Status finish();

  /// Classifies the customers already read under another policy, without the file. Sets
  /// `reclassified` false (and changes nothing) when the policy reads the file differently:
  /// other columns, attributes, analysis date or cancellation prefix; then begin() and feed the file again.
  /// On invalid options nothing changes.
  Status reclassify(ClassifyOptions options, bool& reclassified);

  /// The finished result, or null before a successful finish().
  const Classification* result() const { return result_ ? &*result_ : nullptr; }

  /// Customer indices in display order; the last order asked for is kept, so paging through
  /// one sorted view sorts once.
  const std::vector<std::uint32_t>& customer_order(CustomerSortKey key, bool descending);

 private:
  ClassifyOptions options_;
  std::optional<OrderIngest> ingest_;
  std::optional<Classification> result_;
  std::optional<std::pair<CustomerSortKey, bool>> cached_order_key_;
  std::vector<std::uint32_t> cached_order_;
};

}  // namespace tierlens
