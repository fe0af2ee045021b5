// Orders as JSON: an array of objects, or JSON Lines (one object per line). Each object is
// one row; the first object's keys are the header. The JSON is turned into CSV text chunk by
// chunk, so that one reader, with one set of rules and skip reasons, serves every format.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tierlens/status.h"

namespace tierlens {

/// True when `text` (the start of a file, as UTF-8) opens with `[` or `{`.
bool looks_like_json(std::string_view text);

class JsonRowsToCsv {
 public:
  explicit JsonRowsToCsv(std::string file_name) : file_name_(std::move(file_name)) {}

  /// Appends to `csv` the rows of the objects completed by `text`. After an error (see
  /// status()) nothing more is converted.
  void convert(std::string_view text, std::string& csv);
  /// Ends the document: an object left open is an error.
  void finish();

  const Status& status() const { return status_; }
  /// Keys that appeared after the first object and are not in the header, in order.
  const std::vector<std::string>& ignored_keys() const { return ignored_keys_; }

 private:
  void emit(std::string& csv);

  std::string file_name_;
  Status status_;
  std::string object_;  ///< the text of the object being read
  int depth_ = 0;
  bool in_string_ = false;
  bool escaped_ = false;
  std::uint64_t objects_ = 0;
  std::vector<std::string> header_;
  std::vector<std::string> ignored_keys_;
};

}  // namespace tierlens
