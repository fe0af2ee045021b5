#include "tierlens/csv_writer.h"
#include "tierlens/json_rows.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace tierlens {
namespace {

using Json = nlohmann::ordered_json;

bool is_json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/// A JSON value as the text of a cell: strings as they are, numbers and booleans as JSON
/// writes them, null as empty, arrays and objects as their JSON text.
std::string cell_text(const Json& value) {
  if (value.is_null()) return "";
  if (value.is_string()) return value.get<std::string>();
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

bool looks_like_json(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  const auto first = std::find_if_not(text.begin(), text.end(), is_json_space);
  return first != text.end() && (*first == '[' || *first == '{');
}

void JsonRowsToCsv::convert(std::string_view text, std::string& csv) {
  for (const char c : text) {
    if (!status_.ok()) return;
    if (depth_ == 0) {
      // Between objects: the array's brackets, commas and white space (JSON Lines' newlines).
      if (is_json_space(c) || c == ',' || (c == '[' && objects_ == 0) || c == ']') continue;
      if (c != '{') {
        status_ = Status::error(ErrorCode::kBadJson,
                                file_name_ + ": after object " + std::to_string(objects_) +
                                    " found '" + std::string(1, c) +
                                    "'; expected a JSON array of objects, or one object per line");
        return;
      }
    }
    object_ += c;
    if (in_string_) {
      if (escaped_) {
        escaped_ = false;
      } else if (c == '\\') {
        escaped_ = true;
      } else if (c == '"') {
        in_string_ = false;
      }
      continue;
    }
    if (c == '"') {
      in_string_ = true;
    } else if (c == '{' || c == '[') {
      ++depth_;
    } else if ((c == '}' || c == ']') && --depth_ == 0) {
      emit(csv);
    }
  }
}

void JsonRowsToCsv::finish() {
  if (status_.ok() && depth_ != 0) {
    status_ = Status::error(ErrorCode::kBadJson,
                            file_name_ + ": the JSON ends inside object " + std::to_string(objects_ + 1) +
                                "; expected its closing }");
  }
}

void JsonRowsToCsv::emit(std::string& csv) {
  ++objects_;
  const Json object = Json::parse(object_, nullptr, /*allow_exceptions=*/false);
  object_.clear();
  if (object.is_discarded() || !object.is_object()) {
    status_ = Status::error(ErrorCode::kBadJson,
                            file_name_ + ": object " + std::to_string(objects_) +
                                " is not valid JSON; expected {\"key\": value, …}");
    return;
  }
  if (objects_ == 1) {
    for (const auto& item : object.items()) header_.push_back(item.key());
    for (std::size_t i = 0; i < header_.size(); ++i) {
      if (i > 0) csv += ',';
      append_csv_field(csv, header_[i]);
    }
    csv += '\n';
  }
  for (std::size_t i = 0; i < header_.size(); ++i) {
    if (i > 0) csv += ',';
    const auto found = object.find(header_[i]);
    if (found != object.end()) append_csv_field(csv, cell_text(*found));
  }
  csv += '\n';
  for (const auto& item : object.items()) {
    if (std::find(header_.begin(), header_.end(), item.key()) == header_.end() &&
        std::find(ignored_keys_.begin(), ignored_keys_.end(), item.key()) == ignored_keys_.end()) {
      ignored_keys_.push_back(item.key());
    }
  }
}

}  // namespace tierlens
