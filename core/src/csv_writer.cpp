#include "tierlens/csv_writer.h"

namespace tierlens {

void append_csv_field(std::string& csv, std::string_view field) {
  const bool quote = field.find_first_of(",\"\r\n") != std::string_view::npos ||
                     (!field.empty() && (field.front() == ' ' || field.back() == ' '));
  if (!quote) {
    csv += field;
    return;
  }
  csv += '"';
  for (const char c : field) {
    if (c == '"') csv += '"';
    csv += c;
  }
  csv += '"';
}
namespace {

bool starts_like_formula(std::string_view value) {
  if (value.empty()) return false;
  const char first = value.front();
  return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' ||
         first == '\r';
}

bool needs_quotes(std::string_view value) {
  return value.find_first_of(",\"\r\n") != std::string_view::npos ||
         (!value.empty() && (value.front() == ' ' || value.back() == ' '));
}

}  // namespace

CsvWriter::CsvWriter() : out_("\xEF\xBB\xBF") {}

void CsvWriter::separate() {
  if (row_started_) out_ += ',';
  row_started_ = true;
}

CsvWriter& CsvWriter::text(std::string_view value) {
  separate();
  const bool guard = starts_like_formula(value);
  if (!guard && !needs_quotes(value)) {
    out_ += value;
    return *this;
  }
  out_ += '"';
  if (guard) out_ += '\'';
  for (const char c : value) {
    if (c == '"') out_ += '"';
    out_ += c;
  }
  out_ += '"';
  return *this;
}

CsvWriter& CsvWriter::number(std::string_view formatted) {
  separate();
  out_ += formatted;
  return *this;
}

CsvWriter& CsvWriter::number(std::int64_t value) { return number(std::to_string(value)); }

void CsvWriter::end_row() {
  out_ += "\r\n";
  row_started_ = false;
}

}  // namespace tierlens
