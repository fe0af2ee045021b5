// Which character separates the fields: decided once per file, from its header record.
#pragma once

#include <string_view>

namespace tierlens {

/// The candidate (comma, semicolon, tab, pipe) that occurs most often outside quotes in the
/// header record; comma when none occurs or on a tie, since a one-column file is valid too.
char detect_delimiter(std::string_view header_record, char quote = '"');

/// "," → "comma", ";" → "semicolon", "\t" → "tab": how summaries name the delimiter.
const char* delimiter_name(char delimiter);

}  // namespace tierlens
