#include "xml_text.h"

#include <cstdint>

#include "tierlens/text_encoding.h"

namespace tierlens {
namespace {

/// The code point of a numeric reference's digits ("#65", "#x41"); -1 when malformed or not
/// a Unicode scalar value.
long numeric_reference(std::string_view name) {
  const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
  std::string_view digits = name.substr(hex ? 2 : 1);
  if (digits.empty() || digits.size() > 8) return -1;
  long value = 0;
  for (const char c : digits) {
    const int digit = hex ? hex_value(c) : (c >= '0' && c <= '9' ? c - '0' : -1);
    if (digit < 0) return -1;
    value = value * (hex ? 16 : 10) + digit;
  }
  if (value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return -1;
  return value;
}

/// The code unit of an _xHHHH_ escape at the start of `text`, or -1.
long ooxml_escape_at(std::string_view text) {
  if (text.size() < 7 || text[0] != '_' || text[1] != 'x' || text[6] != '_') return -1;
  long value = 0;
  for (int i = 2; i < 6; ++i) {
    const int digit = hex_value(text[i]);
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

}  // namespace

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_xml_text(std::string_view raw, std::string& out) {
  std::size_t at = 0;
  while (at < raw.size()) {
    const std::size_t special = raw.find_first_of("&\r", at);
    if (special == std::string_view::npos) {
      out.append(raw.substr(at));
      return;
    }
    out.append(raw.substr(at, special - at));
    at = special;
    if (raw[at] == '\r') {
      out += '\n';
      at += at + 1 < raw.size() && raw[at + 1] == '\n' ? 2 : 1;
      continue;
    }
    const std::size_t semicolon = raw.find(';', at);
    const std::string_view name = semicolon == std::string_view::npos || semicolon - at > 12
                                      ? std::string_view()
                                      : raw.substr(at + 1, semicolon - at - 1);
    long code_point = -1;
    if (name == "amp")
      code_point = '&';
    else if (name == "lt")
      code_point = '<';
    else if (name == "gt")
      code_point = '>';
    else if (name == "quot")
      code_point = '"';
    else if (name == "apos")
      code_point = '\'';
    else if (!name.empty() && name[0] == '#')
      code_point = numeric_reference(name);
    if (code_point < 0) {
      out += '&';
      ++at;
      continue;
    }
    append_utf8(static_cast<std::uint32_t>(code_point), out);
    at = semicolon + 1;
  }
}

void append_ooxml_unescaped(std::string_view text, std::string& out) {
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t underscore = text.find("_x", at);
    if (underscore == std::string_view::npos) {
      out.append(text.substr(at));
      return;
    }
    out.append(text.substr(at, underscore - at));
    at = underscore;
    const long unit = ooxml_escape_at(text.substr(at));
    if (unit < 0) {
      out += '_';
      ++at;
      continue;
    }
    at += 7;
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      const long low = ooxml_escape_at(text.substr(at));
      if (low >= 0xDC00 && low <= 0xDFFF) {
        append_utf8(static_cast<std::uint32_t>(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)),
                    out);
        at += 7;
        continue;
      }
    }
    append_utf8(unit >= 0xD800 && unit <= 0xDFFF ? 0xFFFD : static_cast<std::uint32_t>(unit), out);
  }
}

std::string decode_ooxml_text(std::string_view raw) {
  std::string xml_decoded;
  append_xml_text(raw, xml_decoded);
  std::string text;
  append_ooxml_unescaped(xml_decoded, text);
  return text;
}

}  // namespace tierlens
