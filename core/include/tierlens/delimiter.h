// Which character separates the fields, and which one quotes them: decided once per file,
// from its first records.
#pragma once

#include <string_view>

namespace tierlens {

/// The candidate (comma, semicolon, tab, pipe) that occurs most often outside quotes in the
/// header record; comma when none occurs or on a tie, since a one-column file is valid too.
char detect_delimiter(std::string_view header_record, char quote = '"');

/// The quote character of `head` (the start of a file) under `delimiter`: the double quote,
/// unless fields are wrapped in single quotes ('a, b';'c') on at least two lines and none in
/// double quotes, as some older exports write them.
char detect_quote(std::string_view head, char delimiter);

/// "," → "comma", ";" → "semicolon", "\t" → "tab": how summaries name the delimiter.
const char* delimiter_name(char delimiter);

}  // namespace tierlens
