// The `tierlens` command-line tool: the same core as the page, for batch runs, scripts and
// the tests that hold the page to the same bytes.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli_options.h"
#include "tierlens/classification.h"
#include "tierlens/column_preview.h"
#include "tierlens/dashboard.h"
#include "tierlens/explanation.h"
#include "tierlens/migration.h"
#include "tierlens/policy_json.h"
#include "tierlens/presets.h"
#include "tierlens/reports.h"
#include "tierlens/sample_orders.h"
#include "tierlens/session.h"
#include "tierlens/sql/policy_sql.h"
#include "tierlens/xlsx_workbook.h"

namespace fs = std::filesystem;
using namespace tierlens;

namespace {

constexpr std::size_t kChunkBytes = 4 << 20;  // the page's worker reads the same size

/// Streams one file through the session in chunks, exactly as the page's worker does.
Status feed_file(const std::string& path, ClassificationSession& session) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return Status::error(ErrorCode::kIoError, path + ": cannot open the file");
  std::vector<char> buffer(kChunkBytes);
  while (file) {
    file.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    const auto got = static_cast<std::size_t>(file.gcount());
    if (got == 0) break;
    if (Status status = session.feed(std::string_view(buffer.data(), got)); !status.ok()) {
      return status;
    }
  }
  if (file.bad()) return Status::error(ErrorCode::kIoError, path + ": read error");
  return Status();
}

/// Reads the orders file, the customers table, or both (orders first), and classifies.
Status read_and_classify(const cli::CliRequest& request, ClassificationSession& session) {
  const bool orders = !request.input_path.empty();
  const bool customers = !request.customers_path.empty();
  ClassifyOptions options = request.options;
  if (orders) {
    options.file_name = fs::path(request.input_path).filename().string();
    std::error_code unknown_size;
    const std::uintmax_t bytes = fs::file_size(request.input_path, unknown_size);
    if (!unknown_size) options.file_bytes = bytes;
  }
  const RunTables tables = !customers ? RunTables::kOrders
                           : orders  ? RunTables::kOrdersAndCustomers
                                     : RunTables::kCustomersOnly;
  if (Status status = session.begin(options, tables); !status.ok()) return status;
  if (orders) {
    if (Status status = feed_file(request.input_path, session); !status.ok()) return status;
  }
  if (customers) {
    CustomerTableReading reading;
    reading.file_name = fs::path(request.customers_path).filename().string();
    // The reading flags (--encoding, --header-row, --sheet) are the orders file's; a table
    // in another encoding or layout is detected.
    if (!orders) {
      reading.encoding = request.options.encoding;
      reading.header_row = request.options.header_row;
      reading.sheet = request.options.sheet;
    }
    if (Status status = session.begin_customer_table(reading); !status.ok()) return status;
    if (Status status = feed_file(request.customers_path, session); !status.ok()) return status;
  }
  return session.finish();
}

Status write_file(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return Status::error(ErrorCode::kIoError, path.string() + ": cannot write the file");
  return Status();
}


/// The CLV models' parameters and the holdout check, as a table a terminal shows.
void print_clv(const ClvResult& clv) {
  const char* unit = purchase_period_key(clv.settings.period);
  std::printf("customer lifetime value (%s, per %s, %d months):\n",
              clv.basis == "model" ? "BG/NBD + Gamma-Gamma" : "historical", unit, clv.settings.horizon_months);
  if (const auto& fit = clv.purchases) {
    std::printf("  BG/NBD       r %.4f  alpha %.4f  a %.4f  b %.4f  (log-likelihood %.2f, %d iterations)\n",
                fit->params.r, fit->params.alpha, fit->params.a, fit->params.b, fit->log_likelihood, fit->iterations);
  }
  if (const auto& fit = clv.spend) {
    std::printf("  Gamma-Gamma  p %.4f  q %.4f  gamma %.4f  (log-likelihood %.2f, %d iterations)\n",
                fit->params.p, fit->params.q, fit->params.gamma, fit->log_likelihood, fit->iterations);
  }
  if (!clv.holdout) return;
  const HoldoutCheck& check = *clv.holdout;
  std::printf("  holdout check: fitted to %s, predicting %g %ss to %s\n", format_iso_date(check.calibration_end).c_str(),
              check.holdout_periods, unit, format_iso_date(check.holdout_end).c_str());
  if (!check.fitted) {
    std::printf("    not fitted: %s\n", check.problem.c_str());
    return;
  }
  std::printf("    %-18s %10s %12s %12s\n", "repeat purchases", "customers", "actual", "predicted");
  for (const HoldoutCheck::Group& group : check.by_frequency) {
    const std::string name = std::to_string(group.frequency) + (group.and_more ? "+" : "");
    std::printf("    %-18s %10llu %12.4f %12.4f\n", name.c_str(), static_cast<unsigned long long>(group.customers),
                group.actual_mean, group.predicted_mean);
  }
  std::printf("    %-18s %10llu %12.2f %12.2f\n", "all (total)", static_cast<unsigned long long>(check.customers),
              check.actual, check.predicted);
}

Status run_classify(const cli::CliRequest& request) {
  ClassificationSession session;
  if (Status status = read_and_classify(request, session); !status.ok()) return status;
  const Classification& result = *session.result();
  const fs::path out_dir(request.out_path);
  std::error_code error;
  fs::create_directories(out_dir, error);
  if (error) {
    return Status::error(ErrorCode::kIoError, out_dir.string() + ": " + error.message());
  }
  std::string workbook;
  try {
    workbook = customers_xlsx(result);
  } catch (const std::length_error& error) {  // 4 GiB or more: the zip would need ZIP64
    return Status::error(ErrorCode::kIoError, (out_dir / "customers.xlsx").string() + ": " + error.what());
  }
  for (const auto& [name, bytes] : {std::pair{"customers.csv", customers_csv(result)},
                                    std::pair{"customers.xlsx", std::move(workbook)},
                                    std::pair{"summary.json", summary_json(result)},
                                    std::pair{"dashboard.json", dashboard_json(result)},
                                    std::pair{"skipped.csv", skipped_csv(result)},
                                    std::pair{"policy.json", policy_json_text(result.options)}}) {
    if (Status status = write_file(out_dir / name, bytes); !status.ok()) return status;
  }

  const auto print_rows = [](const std::string& file, const RowAccounting& rows) {
    std::printf("%s: %llu rows, %llu used, %llu skipped\n", file.c_str(),
                static_cast<unsigned long long>(rows.total), static_cast<unsigned long long>(rows.used),
                static_cast<unsigned long long>(rows.skipped()));
  };
  if (result.ingest.orders_read) print_rows(result.ingest.input.file_name, result.ingest.rows);
  if (const auto& table = result.ingest.customer_table) print_rows(table->input.file_name, table->rows);
  std::printf("%zu customers", result.customer_count());
  if (result.has_analysis_date()) std::printf(" as of %s", format_iso_date(result.analysis_date).c_str());
  std::printf("\n");
  for (const DimensionResult& dimension : result.dimensions) {
    std::printf("%s:\n", result.dimension_policy(dimension).name.c_str());
    for (std::size_t l = 0; l < dimension.labels.size(); ++l) {
      std::printf("  %-28s %8llu\n", dimension.labels[l].c_str(),
                  static_cast<unsigned long long>(dimension.totals[l].customers));
    }
  }
  if (result.clv) print_clv(*result.clv);
  if (!result.tier_of.empty()) std::printf("tiers:\n");
  for (std::size_t t = 0; t < result.tier_totals.size(); ++t) {
    std::printf("  %-28s %8llu\n", result.options.tiers[t].name.c_str(),
                static_cast<unsigned long long>(result.tier_totals[t].customers));
  }
  for (const std::string& warning : result.warnings) std::printf("warning: %s\n", warning.c_str());
  for (const DimensionResult& dimension : result.dimensions) {
    for (const std::string& warning : dimension.warnings) {
      std::printf("warning: %s: %s\n", result.dimension_policy(dimension).id.c_str(), warning.c_str());
    }
  }
  std::printf("wrote %s/{customers.csv,customers.xlsx,summary.json,dashboard.json,skipped.csv,policy.json}\n",
              out_dir.string().c_str());
  return Status();
}

/// The first bytes of a file, as the page sends them for the columns preview: the first 64 KiB,
/// or a whole workbook (which cannot be read from its start).
Status read_head(const std::string& path, std::string& head) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return Status::error(ErrorCode::kIoError, path + ": cannot open the file");
  head.assign(kPreviewHeadBytes, '\0');
  file.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(file.gcount()));
  if (looks_like_zip(head)) {
    std::ostringstream rest;
    rest << file.rdbuf();
    head += rest.str();
  }
  return Status();
}

Status run_columns(const cli::CliRequest& request) {
  const bool customers = request.input_path.empty();
  const std::string& path = customers ? request.customers_path : request.input_path;
  std::string head;
  if (Status status = read_head(path, head); !status.ok()) return status;
  ClassifyOptions options = request.options;
  options.file_name = fs::path(path).filename().string();
  ColumnPreview preview;
  if (Status status = preview_columns(head, options, preview,
                                      customers ? TableKind::kCustomers : TableKind::kOrders);
      !status.ok()) {
    return status;
  }
  std::cout << column_preview_json(preview) << "\n";
  return Status();
}

/// Classifies both runs of a comparison and writes how customers moved between them.
Status run_compare(const cli::CliRequest& request) {
  cli::CliRequest earlier = request, later = request;
  if (!request.later_input_path.empty()) {
    later.input_path = request.later_input_path;
  } else {
    earlier.options.analysis_date = request.compare_dates[0];
    later.options.analysis_date = request.compare_dates[1];
  }
  ClassificationSession before, after;
  if (Status status = read_and_classify(earlier, before); !status.ok()) return status;
  if (Status status = read_and_classify(later, after); !status.ok()) return status;
  const std::string field = !request.compare_field.empty()            ? request.compare_field
                            : request.options.tiers.empty() ? "segment" : "tier";
  Migration migration;
  if (Status status = compare_runs(*before.result(), *after.result(), field, migration); !status.ok()) return status;

  const fs::path out_dir(request.out_path);
  std::error_code error;
  fs::create_directories(out_dir, error);
  if (error) return Status::error(ErrorCode::kIoError, out_dir.string() + ": " + error.message());
  for (const auto& [name, bytes] : {std::pair{"migration.json", migration_json(migration)},
                                    std::pair{"migration.csv", migration_csv(migration)}}) {
    if (Status status = write_file(out_dir / name, bytes); !status.ok()) return status;
  }
  std::printf("%s before (rows) × after (columns):\n", field.c_str());
  for (std::size_t row = 0; row < migration.matrix.size(); ++row) {
    const std::string name = row < migration.labels.size() ? migration.labels[row] : "(new)";
    std::printf("  %-28s", name.c_str());
    for (const std::uint64_t count : migration.matrix[row]) std::printf(" %8llu", static_cast<unsigned long long>(count));
    std::printf("\n");
  }
  std::printf("  (last column: gone)\n");
  for (int m = 0; m < 5; ++m) {
    std::printf("%s %llu%s", move_key(static_cast<Move>(m)), static_cast<unsigned long long>(migration.counts[m]),
                m < 4 ? ", " : "\n");
  }
  std::printf("wrote %s/{migration.json,migration.csv}\n", out_dir.string().c_str());
  return Status();
}

Status run_explain(const cli::CliRequest& request) {
  ClassificationSession session;
  if (Status status = read_and_classify(request, session); !status.ok()) return status;
  const Classification& result = *session.result();
  const auto& ids = result.ingest.customers.id;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (ids[i] != request.customer_id) continue;
    const auto explanation = explain_customer(result, i);
    if (request.json) {
      std::cout << explanation.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
                << "\n";
    } else {
      std::cout << explanation["text"].get<std::string>() << "\n";
    }
    return Status();
  }
  return Status::error(ErrorCode::kInvalidOptions,
                       "no customer \"" + request.customer_id + "\" in " + request.input_path);
}

Status run_validate(const cli::CliRequest& request) {
  ClassifyOptions options;
  if (Status status = cli::read_policy_file(request.input_path, options); !status.ok()) return status;
  std::size_t enabled = 0;
  for (const Dimension& dimension : options.dimensions) enabled += dimension.enabled ? 1 : 0;
  std::printf("%s: a valid policy \"%s\": %zu dimensions (%zu enabled), %zu tiers\n",
              request.input_path.c_str(), options.name.c_str(), options.dimensions.size(), enabled,
              options.tiers.size());
  return Status();
}

Status run_presets(const cli::CliRequest& request) {
  if (!request.out_path.empty()) {
    std::error_code error;
    fs::create_directories(request.out_path, error);
    if (error) return Status::error(ErrorCode::kIoError, request.out_path + ": " + error.message());
  }
  for (const Preset& preset : presets()) {
    std::printf("%-22s %s — %s\n", std::string(preset.id).c_str(), std::string(preset.name).c_str(),
                std::string(preset.description).c_str());
    if (request.out_path.empty()) continue;
    ClassifyOptions options;
    if (Status status = load_preset(preset.id, options); !status.ok()) return status;
    const fs::path path = fs::path(request.out_path) / (std::string(preset.id) + ".json");
    if (Status status = write_file(path, policy_json_text(options)); !status.ok()) return status;
  }
  return Status();
}

/// `tierlens sql`: the policy as one SQL script. The columns come from a run on --fit FILE
/// (which also fits CLV and clusters), from the header of ORDERS_FILE, or from the policy.
Status run_sql(const cli::CliRequest& request) {
  const auto dialect = sql::parse_dialect(request.sql_dialect);
  const ClassifyOptions& options = request.options;
  sql::SqlMapping mapping;
  std::optional<sql::SqlFits> fits;
  if (!request.fit_path.empty()) {
    cli::CliRequest fit = request;
    fit.input_path = request.fit_path;
    ClassificationSession session;
    if (Status status = read_and_classify(fit, session); !status.ok()) return status;
    mapping = sql::mapping_from_run(*session.result());
    fits = sql::fits_from_run(*session.result());
  } else if (!request.input_path.empty()) {
    ClassifyOptions preview_options = options;
    preview_options.file_name = fs::path(request.input_path).filename().string();
    std::string head;
    if (Status status = read_head(request.input_path, head); !status.ok()) return status;
    ColumnPreview orders, customers;
    if (Status status = preview_columns(head, preview_options, orders); !status.ok()) return status;
    if (!orders.problem.empty()) return Status::error(ErrorCode::kMissingColumn, orders.problem);
    if (!request.customers_path.empty()) {
      if (Status status = read_head(request.customers_path, head); !status.ok()) return status;
      if (Status status = preview_columns(head, preview_options, customers, TableKind::kCustomers); !status.ok()) {
        return status;
      }
    }
    mapping = sql::mapping_from_preview(options, orders, request.customers_path.empty() ? nullptr : &customers);
  } else {
    mapping = sql::mapping_from_policy(options, !request.customers_path.empty());
  }
  if (sql::policy_needs_fit(options) && !fits) {
    return Status::error(ErrorCode::kInvalidOptions,
                         "this policy uses CLV or clusters, which are fitted on data: add --fit ORDERS_FILE (the core "
                         "fits them on that file and the SQL applies what it fitted)");
  }
  std::string script;
  if (Status status = sql::policy_sql(options, mapping, fits ? &*fits : nullptr, *dialect, script); !status.ok()) {
    return status;
  }
  if (request.out_path.empty()) {
    std::fwrite(script.data(), 1, script.size(), stdout);
    return Status();
  }
  return write_file(request.out_path, script);
}

Status run_sample(const cli::CliRequest& request) {
  const std::string csv = generate_sample_orders();
  if (request.out_path.empty()) {
    std::fwrite(csv.data(), 1, csv.size(), stdout);
    return Status();
  }
  return write_file(request.out_path, csv);
}

}  // namespace

int main(int argc, char** argv) {
  cli::CliRequest request;
  Status status = cli::parse_command_line(std::vector<std::string>(argv + 1, argv + argc), request);
  if (status.ok()) {
    switch (request.command) {
      case cli::Command::kHelp: std::fputs(cli::kUsage, stdout); break;
      case cli::Command::kVersion: std::printf("tierlens %s\n", kTierLensVersion); break;
      case cli::Command::kClassify: status = run_classify(request); break;
      case cli::Command::kExplain: status = run_explain(request); break;
      case cli::Command::kCompare: status = run_compare(request); break;
      case cli::Command::kColumns: status = run_columns(request); break;
      case cli::Command::kSample: status = run_sample(request); break;
      case cli::Command::kValidate: status = run_validate(request); break;
      case cli::Command::kPresets: status = run_presets(request); break;
      case cli::Command::kSql: status = run_sql(request); break;
    }
  }
  if (!status.ok()) {
    std::fprintf(stderr, "tierlens: %s\n", status.message().c_str());
    return status.code() == ErrorCode::kInvalidOptions ? 2 : 1;
  }
  return 0;
}
