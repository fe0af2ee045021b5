// A small streaming XML tokenizer for the parts of a workbook: tags with their attributes, and
// text. It is not a validating parser: it knows the syntax a spreadsheet program writes and
// refuses what it cannot split (a tag cut off at the end, a DTD), with the byte where that is.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tierlens {

struct XmlAttribute {
  std::string_view name;       ///< local name: any "prefix:" removed
  std::string_view raw_value;  ///< as written, entities not decoded (see append_xml_text)
};

/// One token; its views point into the scanner and are valid until the next append().
struct XmlToken {
  enum class Kind { kStartTag, kEndTag, kText, kCData };
  Kind kind = Kind::kText;
  std::string_view name;      ///< tags: local name, any "prefix:" removed
  bool self_closing = false;  ///< start tags written <name/>: no end tag follows
  std::string_view text;      ///< kText: raw character data; kCData: literal text
  std::vector<XmlAttribute> attributes;

  /// The raw value of attribute `local_name`, or an empty view when it is absent.
  std::string_view attribute(std::string_view local_name) const;
  bool has_attribute(std::string_view local_name) const;
};

class XmlScanner {
 public:
  /// Adds the next piece of the document (pieces may cut anywhere).
  void append(std::string_view bytes);
  /// Says that nothing more will be appended: next() then reads what is left.
  void end_input() { ended_ = true; }
  /// Reads the next complete token from what was appended; false when more input is needed,
  /// or on an error (error() then says what it is).
  bool next(XmlToken& token);
  /// After the last append: an empty string, or what is wrong with the end of the document.
  std::string finish() const;

  const std::string& error() const { return error_; }

 private:
  bool fail(std::size_t at, const std::string& what);
  bool read_token(XmlToken& token);
  /// Reads the tag at pos_ (which holds '<'); false when it is incomplete or malformed.
  bool read_tag(XmlToken& token);
  bool skip_past(std::string_view terminator, std::size_t from);

  std::string buffer_;
  std::size_t pos_ = 0;          ///< first byte of buffer_ not yet tokenized
  std::uint64_t discarded_ = 0;  ///< bytes dropped from the front of buffer_ so far
  /// After an incomplete token, the unread size at which to try again: twice what was
  /// there, so that a huge token is re-read a logarithmic number of times, not once a piece.
  std::size_t retry_at_ = 0;
  bool ended_ = false;
  std::string error_;
};

}  // namespace tierlens
