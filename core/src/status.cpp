#include "tierlens/status.h"

namespace tierlens {

const char* error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk: return "ok";
    case ErrorCode::kInvalidOptions: return "invalid_options";
    case ErrorCode::kEmptyFile: return "empty_file";
    case ErrorCode::kMissingColumn: return "missing_column";
    case ErrorCode::kInvalidState: return "invalid_state";
    case ErrorCode::kIoError: return "io_error";
    case ErrorCode::kNotText: return "not_text";
    case ErrorCode::kBadJson: return "bad_json";
    case ErrorCode::kBadWorkbook: return "bad_workbook";
    case ErrorCode::kBadSavedFile: return "bad_saved_file";
  }
  return "unknown";
}

}  // namespace tierlens
