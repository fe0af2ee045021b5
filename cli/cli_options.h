// Command-line flags → a command and ClassifyOptions. Kept apart from main() so the flag
// spellings live in one place, next to the help text that documents them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tierlens/classify_options.h"
#include "tierlens/status.h"

namespace tierlens::cli {

enum class Command { kClassify, kExplain, kColumns, kCompare, kSample, kValidate, kPresets, kSql, kHelp, kVersion };

struct CliRequest {
  Command command = Command::kHelp;
  std::string input_path;        ///< classify, explain, columns; validate: the policy file
  std::string customers_path;    ///< classify, explain, columns: a customers table (--customers)
  std::string out_path;          ///< classify, presets: a directory; sample: a file ("" = stdout)
  std::string customer_id;       ///< explain
  bool json = false;             ///< explain: print JSON instead of text
  std::string later_input_path;  ///< compare: the later orders file (the earlier is input_path)
  std::vector<DayNumber> compare_dates;  ///< compare: two --as-of dates over one file
  std::string compare_field;     ///< compare: "tier", "segment" or a dimension id ("" = tier, or segment without tiers)
  std::string sql_dialect;       ///< sql: "duckdb", "postgres" or "spark"
  std::string fit_path;          ///< sql: the orders file the core fits CLV and clusters on (--fit)
  ClassifyOptions options;
};

extern const char* const kUsage;

/// Reads a policy file into `options`; errors name the file.
Status read_policy_file(const std::string& path, ClassifyOptions& options);

/// Parses argv (without the program name). Errors name the flag and what was expected.
/// The policy comes from --policy FILE or --preset ID (default: the rfm_segments preset);
/// the other flags then change it.
Status parse_command_line(const std::vector<std::string>& args, CliRequest& request);

}  // namespace tierlens::cli
