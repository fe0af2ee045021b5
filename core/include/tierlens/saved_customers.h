// A customers.csv saved earlier by TierLens (the page's download, the CLI's customers.csv),
// read back as a run to compare the current one with (客户迁移 against last quarter's file):
// each customer's id and, for every label column it has, the customer's label.
//
// The label columns are those customers_csv (reports.h) writes for labels: `segment`, one per
// dimension (headed by its id) and `tier`; every other column (the id, the name, the dates and
// the metrics, whose names a dimension id may not take) is passed over. Read as written:
// UTF-8, with or without the BOM, comma-separated; a text cell guarded against formulas
// ("'=…") is read back without its apostrophe. The same file re-saved by Excel as GBK or
// UTF-16 is read too. Bytes go in as chunks cut anywhere.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tierlens/csv_splitter.h"
#include "tierlens/status.h"
#include "tierlens/text_encoding.h"

namespace tierlens {

/// One label column of a saved customers.csv.
struct SavedLabelColumn {
  std::string field;                    ///< its header: "segment", "tier" or a dimension id
  std::vector<std::string> labels;      ///< distinct labels, in the order they first appear
  std::vector<std::uint32_t> label_of;  ///< per customer, an index into labels
};

struct SavedCustomers {
  std::string file_name;
  std::vector<std::string> ids;          ///< per customer, in file order
  std::vector<SavedLabelColumn> columns;  ///< in file order

  /// The column of `field`, or null when the file has none.
  const SavedLabelColumn* column(std::string_view field) const;
};

class SavedCustomersReader {
 public:
  explicit SavedCustomersReader(std::string file_name);
  ~SavedCustomersReader();

  /// The next bytes of the file. Fails on the first row that cannot be read: the message
  /// names the file, the row (the header being row 1), its line and the column.
  Status feed(std::string_view bytes);
  /// Ends the file; on success `out` holds every customer.
  Status finish(SavedCustomers& out);

 private:
  class Rows;
  /// Tells the encoding from the first bytes and reads them.
  void start(std::string_view head, bool whole_file);
  /// Reads the next bytes, converted to UTF-8.
  void read(std::string_view bytes);

  std::string file_name_;
  std::string head_;  ///< the first bytes, held until the encoding can be told
  TextEncoding encoding_ = TextEncoding::kUtf8;
  std::optional<Utf8Transcoder> transcoder_;
  std::string converted_;
  CsvSplitter splitter_{','};
  std::unique_ptr<Rows> rows_;
  Status error_;
  bool finished_ = false;
};

/// The whole file at once (tests, the CLI).
Status read_saved_customers(std::string_view bytes, std::string file_name, SavedCustomers& out);

}  // namespace tierlens
