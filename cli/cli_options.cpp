#include "cli_options.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "tierlens/policy_json.h"
#include "tierlens/presets.h"

namespace tierlens::cli {
namespace {

Status usage_error(const std::string& message) {
  return Status::error(ErrorCode::kInvalidOptions, message + "\n\n" + kUsage);
}

std::optional<std::vector<double>> parse_number_list(const std::string& text) {
  std::vector<double> values;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    const std::string item = text.substr(start, comma - start);
    char* end = nullptr;
    const double value = std::strtod(item.c_str(), &end);
    if (item.empty() || *end != '\0') return std::nullopt;
    values.push_back(value);
    start = comma + 1;
  }
  return values;
}

/// --policy FILE or --preset ID, wherever they stand: the flags after them change the policy,
/// so it is read before them.
Status load_policy(const std::vector<std::string>& args, ClassifyOptions& options) {
  std::optional<std::string> policy_path, preset;
  for (std::size_t i = 1; i < args.size(); ++i) {
    if (args[i] != "--policy" && args[i] != "--preset") continue;
    if (i + 1 >= args.size()) {
      return usage_error(args[i] + (args[i] == "--policy" ? ": expected a policy file" : ": expected a preset id"));
    }
    (args[i] == "--policy" ? policy_path : preset) = args[i + 1];
  }
  if (policy_path && preset) return usage_error("give --policy or --preset, not both");
  if (policy_path) return read_policy_file(*policy_path, options);
  return load_preset(preset.value_or(std::string(presets().front().id)), options);
}

}  // namespace

Status read_policy_file(const std::string& path, ClassifyOptions& options) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return Status::error(ErrorCode::kIoError, path + ": cannot open the policy file");
  std::ostringstream text;
  text << file.rdbuf();
  const Status status = parse_policy_json(text.str(), options);
  if (!status.ok()) return Status::error(status.code(), path + ": " + status.message());
  return Status();
}

const char* const kUsage =
    R"(Usage:
  tierlens classify ORDERS_FILE [--customers CUSTOMERS_FILE] --out DIR [options]
  tierlens classify --customers CUSTOMERS_FILE --out DIR [options]
      Classifies every customer as the policy says (default: RFM segments). Writes
      DIR/customers.csv, DIR/customers.xlsx (customers, segments, tiers, dimensions and
      skipped rows as sheets), DIR/summary.json, DIR/skipped.csv and DIR/policy.json
      (the policy used, in its canonical form). A customers table (one
      row per customer: industry, province, employees …) is joined to the orders on the
      customer id; alone, it is classified by its attributes.
  tierlens explain ORDERS_FILE --customer ID [--json] [options]
      Prints why one customer got its scores, labels and tier.
  tierlens columns ORDERS_FILE [options]
  tierlens columns --customers CUSTOMERS_FILE [options]
      Shows, as JSON, how the file would be read and which column plays each role,
      from its start alone: the page's mapping step. Nothing is computed.
  tierlens compare EARLIER_FILE LATER_FILE --out DIR [--field F] [options]
  tierlens compare ORDERS_FILE --as-of EARLIER --as-of LATER --out DIR [--field F] [options]
      How customers moved between two runs of one policy (客户迁移): two files, or one
      file as of two dates. Compares the tier (default; the segment when the policy has
      no tiers), --field segment, or a dimension's id. Writes DIR/migration.json (the
      matrix of label before × after, counts up, down, same, new and gone) and
      DIR/migration.csv (every customer who moved).
  tierlens validate POLICY_FILE
      Checks a policy file (format in core/POLICY.md) and says what is wrong, where.
  tierlens presets [--out DIR]
      Lists the built-in presets; with --out, writes each as DIR/ID.json to start from.
  tierlens sample [--out FILE]
      Writes the built-in sample orders file (to stdout without --out).
  tierlens sql --dialect duckdb|postgres|spark [ORDERS_FILE] [--fit ORDERS_FILE] [--out FILE] [options]
      Compiles the policy to one SQL script that classifies the customers of an
      `orders` table (and a `customers` table with --customers) inside DuckDB,
      PostgreSQL or Spark: the columns and labels of customers.csv. The column names
      are the policy's (defaults customer_id, order_id, order_date, amount), or those
      a run on ORDERS_FILE would read. CLV and clusters are fitted on data: --fit runs
      the core on that file and the SQL applies the fitted parameters and centres.
      Writes the script to FILE (stdout without --out).

Options:
  --policy FILE            the classification policy: dimensions, tiers, strategies
  --preset ID              a built-in policy instead (default: rfm_segments); the flags
                           below change either
  --encoding NAME          utf-8, gb18030 (also gbk), utf-16le or utf-16be
                           (default: detected from the first 64 KiB)
  --date-order ORDER       dmy or mdy: how 3/5/2024 reads (default: detected from the
                           date column, e.g. 25/12/2024 means day first)
  --header-row N           the row holding the column names (default: the first row
                           whose names give the needed columns, after any title rows)
  --sheet NAME             the sheet of a workbook (.xlsx) to read (default: the first)
  --bins N                 RFM bins per metric, 2..9 (default 5)
  --as-of YYYY-MM-DD       analysis date (default: the day after the latest order);
                           orders after it are skipped
  --customer-id COLUMN     header of the customer id column   (default: guessed)
  --customers-id COLUMN    the customers table's customer id column (default: guessed)
  --order-id COLUMN        header of the order id column      (default: guessed)
  --no-order-id            the file has no order id: every row is one order
  --date COLUMN            header of the order date column    (default: guessed)
  --amount COLUMN          header of the amount column        (default: guessed)
  --cancelled-prefix TEXT  order ids starting with TEXT are cancellations (e.g. C):
                           they count as returns whatever the sign of their amount
  --quantity COLUMN        with --unit-price: amount = quantity × unit price
  --unit-price COLUMN
  --recency-breaks A,B,..  fixed breakpoints (bins − 1 values) instead of quantiles;
  --frequency-breaks ...   recency in days, frequency in orders,
  --monetary-breaks ...    monetary in currency units
)";

Status parse_command_line(const std::vector<std::string>& args, CliRequest& request) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    request.command = Command::kHelp;
    return Status();
  }
  if (args[0] == "--version") {
    request.command = Command::kVersion;
    return Status();
  }
  if (args[0] == "classify") {
    request.command = Command::kClassify;
  } else if (args[0] == "explain") {
    request.command = Command::kExplain;
  } else if (args[0] == "columns") {
    request.command = Command::kColumns;
  } else if (args[0] == "compare") {
    request.command = Command::kCompare;
  } else if (args[0] == "sample") {
    request.command = Command::kSample;
  } else if (args[0] == "validate") {
    request.command = Command::kValidate;
  } else if (args[0] == "presets") {
    request.command = Command::kPresets;
  } else if (args[0] == "sql") {
    request.command = Command::kSql;
  } else {
    return usage_error("unknown command \"" + args[0] + "\"");
  }

  ClassifyOptions& options = request.options;
  if (request.command == Command::kClassify || request.command == Command::kExplain ||
      request.command == Command::kColumns || request.command == Command::kCompare ||
      request.command == Command::kSql) {
    if (Status status = load_policy(args, options); !status.ok()) return status;
  }
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& flag = args[i];
    const auto value = [&]() -> std::optional<std::string> {
      if (i + 1 >= args.size()) return std::nullopt;
      return args[++i];
    };
    const auto column = [&](ColumnRole role) -> Status {
      const auto name = value();
      if (!name) return usage_error(flag + ": expected a column header name");
      options.columns[role] = *name;
      return Status();
    };
    const auto breaks = [&](std::optional<std::vector<double>>& target) -> Status {
      const auto text = value();
      const auto values = text ? parse_number_list(*text) : std::nullopt;
      if (!values) return usage_error(flag + ": expected comma-separated numbers, e.g. 30,90,180,365");
      target = values;
      return Status();
    };

    Status status;
    if (flag == "--out") {
      const auto path = value();
      if (!path) return usage_error("--out: expected a path");
      request.out_path = *path;
    } else if (flag == "--customer" && request.command == Command::kExplain) {
      const auto id = value();
      if (!id) return usage_error("--customer: expected a customer id");
      request.customer_id = *id;
    } else if (flag == "--policy" || flag == "--preset") {
      ++i;  // read by load_policy
    } else if (flag == "--field" && request.command == Command::kCompare) {
      const auto field = value();
      if (!field || field->empty()) return usage_error("--field: expected tier, segment or a dimension id");
      request.compare_field = *field;
    } else if (flag == "--json") {
      request.json = true;
    } else if (flag == "--dialect" && request.command == Command::kSql) {
      const auto dialect = value();
      if (!dialect || (*dialect != "duckdb" && *dialect != "postgres" && *dialect != "spark")) {
        return usage_error("--dialect: expected duckdb, postgres or spark");
      }
      request.sql_dialect = *dialect;
    } else if (flag == "--fit" && request.command == Command::kSql) {
      const auto path = value();
      if (!path) return usage_error("--fit: expected the orders file to fit CLV and clusters on");
      request.fit_path = *path;
    } else if (flag == "--bins") {
      const auto text = value();
      char* end = nullptr;
      const long bins = text ? std::strtol(text->c_str(), &end, 10) : 0;
      if (!text || text->empty() || *end != '\0' || bins < kMinBins || bins > kMaxBins) {
        return usage_error("--bins: expected a whole number from " + std::to_string(kMinBins) +
                           " to " + std::to_string(kMaxBins));
      }
      options.bins = static_cast<int>(bins);
    } else if (flag == "--encoding") {
      const auto text = value();
      const auto encoding = text ? parse_text_encoding(*text) : std::nullopt;
      if (!encoding) return usage_error("--encoding: expected utf-8, gb18030, gbk, utf-16le or utf-16be");
      options.encoding = encoding;
    } else if (flag == "--header-row") {
      const auto text = value();
      char* end = nullptr;
      const long row = text ? std::strtol(text->c_str(), &end, 10) : 0;
      if (!text || text->empty() || *end != '\0' || row < 1) {
        return usage_error("--header-row: expected a row number, 1 or more");
      }
      options.header_row = static_cast<std::uint64_t>(row);
    } else if (flag == "--customers") {
      const auto path = value();
      if (!path) return usage_error("--customers: expected the customers table's file");
      request.customers_path = *path;
    } else if (flag == "--customers-id") {
      const auto name = value();
      if (!name) return usage_error("--customers-id: expected a column header name");
      options.customer_table_id_column = *name;
    } else if (flag == "--sheet") {
      const auto name = value();
      if (!name || name->empty()) return usage_error("--sheet: expected a sheet name");
      options.sheet = *name;
    } else if (flag == "--cancelled-prefix") {
      const auto prefix = value();
      if (!prefix) return usage_error("--cancelled-prefix: expected the order id prefix, e.g. C");
      options.cancelled_order_prefix = *prefix;
    } else if (flag == "--date-order") {
      const auto text = value();
      const auto order = text ? parse_date_order(*text) : std::nullopt;
      if (!order) return usage_error("--date-order: expected dmy (day first) or mdy (month first)");
      options.date_order = order;
    } else if (flag == "--as-of") {
      const auto text = value();
      const auto day = text ? parse_iso_date(*text) : std::nullopt;
      if (!day) return usage_error("--as-of: expected a date as YYYY-MM-DD");
      if (request.command == Command::kCompare) {
        request.compare_dates.push_back(*day);
      } else {
        options.analysis_date = day;
      }
    } else if (flag == "--customer-id") {
      status = column(ColumnRole::kCustomerId);
    } else if (flag == "--order-id") {
      status = column(ColumnRole::kOrderId);
    } else if (flag == "--no-order-id") {
      options.columns[ColumnRole::kOrderId] = std::string();
    } else if (flag == "--date") {
      status = column(ColumnRole::kDate);
    } else if (flag == "--amount") {
      status = column(ColumnRole::kAmount);
    } else if (flag == "--quantity") {
      status = column(ColumnRole::kQuantity);
    } else if (flag == "--unit-price") {
      status = column(ColumnRole::kUnitPrice);
    } else if (flag == "--recency-breaks") {
      status = breaks(options.recency_breakpoints);
    } else if (flag == "--frequency-breaks") {
      status = breaks(options.frequency_breakpoints);
    } else if (flag == "--monetary-breaks") {
      status = breaks(options.monetary_breakpoints);
    } else if (!flag.empty() && flag[0] == '-') {
      return usage_error("unknown option \"" + flag + "\"");
    } else if (request.input_path.empty() && request.command != Command::kSample &&
               request.command != Command::kPresets) {
      request.input_path = flag;
    } else if (request.command == Command::kCompare && request.later_input_path.empty()) {
      request.later_input_path = flag;
    } else {
      return usage_error("unexpected argument \"" + flag + "\"");
    }
    if (!status.ok()) return status;
  }

  if (request.command == Command::kValidate) {
    if (request.input_path.empty()) return usage_error("validate: missing the policy file");
    return Status();
  }
  if (request.command == Command::kSample || request.command == Command::kPresets) return Status();
  if (request.command == Command::kSql) {
    if (request.sql_dialect.empty()) return usage_error("sql: missing --dialect duckdb|postgres|spark");
    if (!request.fit_path.empty() && !request.input_path.empty()) {
      return usage_error("sql: give the orders file once: --fit FILE reads its columns too");
    }
    return validate_options(options);
  }
  if (request.input_path.empty() && request.customers_path.empty()) {
    return usage_error("missing the orders file (or --customers FILE)");
  }
  if (request.command == Command::kColumns && !request.input_path.empty() && !request.customers_path.empty()) {
    return usage_error("columns: give the orders file or --customers FILE, one at a time");
  }
  if ((request.command == Command::kClassify || request.command == Command::kCompare) && request.out_path.empty()) {
    return usage_error(std::string(request.command == Command::kClassify ? "classify" : "compare") +
                       ": missing --out DIR");
  }
  if (request.command == Command::kCompare) {
    const bool two_files = !request.later_input_path.empty();
    if (two_files ? request.compare_dates.size() > 1 : request.compare_dates.size() != 2) {
      return usage_error("compare: give two orders files, or one file and --as-of twice (the earlier date first)");
    }
    if (two_files && request.compare_dates.size() == 1) options.analysis_date = request.compare_dates.front();
    if (!two_files && request.compare_dates[0] >= request.compare_dates[1]) {
      return usage_error("compare: the first --as-of must be the earlier date");
    }
    if (!request.customers_path.empty()) return usage_error("compare: --customers is not supported here yet");
  }
  if (request.command == Command::kExplain && request.customer_id.empty()) {
    return usage_error("explain: missing --customer ID");
  }
  return validate_options(options);
}

}  // namespace tierlens::cli
