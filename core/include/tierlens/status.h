// Errors as values: every fallible core call answers a Status with a stable code and a
// message written for the person who opened the file (it names the file, row and column).
#pragma once

#include <string>
#include <utility>

namespace tierlens {

/// Stable error codes; their names (error_code_name) cross the wasm boundary and never change.
enum class ErrorCode {
  kOk,
  kInvalidOptions,   ///< options JSON or CLI flags are malformed or out of range
  kEmptyFile,        ///< the file has no header row
  kMissingColumn,    ///< a required column role could not be found or was named wrongly
  kInvalidState,     ///< calls out of order (e.g. feed after finish)
  kIoError,          ///< a file could not be read or written (CLI only)
  kNotText,          ///< the file is not text (a workbook, an archive, an image)
  kBadJson,          ///< a JSON file that is not an array of objects or JSON Lines
  kBadWorkbook,      ///< an .xlsx workbook (or the zip archive inside it) that cannot be read
  kBadSavedFile,     ///< a file given as a customers.csv saved by TierLens that is not one, or is damaged
};

/// The machine-readable name of a code, e.g. "missing_column".
const char* error_code_name(ErrorCode code);

class Status {
 public:
  Status() = default;
  static Status error(ErrorCode code, std::string message) {
    return Status(code, std::move(message));
  }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  Status(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}

  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
};

}  // namespace tierlens
