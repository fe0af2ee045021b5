#include "xml_scan.h"

#include <cstring>

namespace tierlens {
namespace {

bool is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool is_name_char(char c) {
  return !is_xml_space(c) && c != '<' && c != '>' && c != '/' && c != '=' && c != '"' &&
         c != '\'' && c != '?' && c != '!';
}

std::string_view local_name(std::string_view name) {
  const std::size_t colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

}  // namespace

std::string_view XmlToken::attribute(std::string_view local_name) const {
  for (const XmlAttribute& attribute : attributes) {
    if (attribute.name == local_name) return attribute.raw_value;
  }
  return {};
}

bool XmlToken::has_attribute(std::string_view local_name) const {
  for (const XmlAttribute& attribute : attributes) {
    if (attribute.name == local_name) return true;
  }
  return false;
}

void XmlScanner::append(std::string_view bytes) {
  // Drop what was tokenized: the buffer holds at most one incomplete token plus a piece.
  buffer_.erase(0, pos_);
  discarded_ += pos_;
  pos_ = 0;
  buffer_.append(bytes);
}

bool XmlScanner::fail(std::size_t at, const std::string& what) {
  if (error_.empty())
    error_ = "malformed XML at byte " + std::to_string(discarded_ + at) + ": " + what;
  return false;
}

bool XmlScanner::skip_past(std::string_view terminator, std::size_t from) {
  const std::size_t end = buffer_.find(terminator, from);
  if (end == std::string::npos) return false;
  pos_ = end + terminator.size();
  return true;
}

bool XmlScanner::next(XmlToken& token) {
  if (!ended_ && buffer_.size() - pos_ < retry_at_) return false;
  retry_at_ = 0;
  if (read_token(token)) return true;
  retry_at_ = 2 * (buffer_.size() - pos_);
  return false;
}

bool XmlScanner::read_token(XmlToken& token) {
  while (error_.empty() && pos_ < buffer_.size()) {
    if (buffer_[pos_] != '<') {
      const std::size_t open = buffer_.find('<', pos_);
      // Text runs to the next tag; wait for it so the text comes out whole.
      if (open == std::string::npos) return false;
      token.kind = XmlToken::Kind::kText;
      token.text = std::string_view(buffer_).substr(pos_, open - pos_);
      pos_ = open;
      return true;
    }
    const std::string_view rest = std::string_view(buffer_).substr(pos_);
    if (rest.size() < 2) return false;
    if (rest[1] == '?') {
      if (!skip_past("?>", pos_ + 2)) return false;
      continue;
    }
    if (rest[1] == '!') {
      constexpr std::string_view kComment = "<!--";
      constexpr std::string_view kCData = "<![CDATA[";
      if (rest.substr(0, kComment.size()) == kComment) {
        if (!skip_past("-->", pos_ + kComment.size())) return false;
        continue;
      }
      const std::string_view start = rest.substr(0, kCData.size());
      if (start.size() < kCData.size() &&
          (start == kCData.substr(0, start.size()) || start == kComment.substr(0, start.size()))) {
        return false;  // too short yet to tell
      }
      if (start == kCData) {
        const std::size_t text_start = pos_ + kCData.size();
        const std::size_t end = buffer_.find("]]>", text_start);
        if (end == std::string::npos) return false;
        token.kind = XmlToken::Kind::kCData;
        token.text = std::string_view(buffer_).substr(text_start, end - text_start);
        pos_ = end + 3;
        return true;
      }
      return fail(pos_, "a document type declaration or unknown <! markup; workbooks have none");
    }
    return read_tag(token);
  }
  return false;
}

bool XmlScanner::read_tag(XmlToken& token) {
  const std::string_view text(buffer_);
  std::size_t at = pos_ + 1;
  const bool end_tag = text[at] == '/';
  if (end_tag) ++at;
  const std::size_t name_start = at;
  while (at < text.size() && is_name_char(text[at])) ++at;
  if (at == text.size()) return false;
  if (at == name_start) return fail(pos_, "'<' is not followed by a tag name");
  token.kind = end_tag ? XmlToken::Kind::kEndTag : XmlToken::Kind::kStartTag;
  token.name = local_name(text.substr(name_start, at - name_start));
  token.self_closing = false;
  token.attributes.clear();
  for (;;) {
    while (at < text.size() && is_xml_space(text[at])) ++at;
    if (at == text.size()) return false;
    const char c = text[at];
    if (c == '>') break;
    if (c == '/' && !end_tag) {
      if (at + 1 == text.size()) return false;
      if (text[at + 1] != '>') return fail(at, "expected '>' after '/'");
      token.self_closing = true;
      ++at;
      break;
    }
    if (end_tag || !is_name_char(c))
      return fail(at, "unexpected '" + std::string(1, c) + "' in a tag");
    const std::size_t attribute_start = at;
    while (at < text.size() && is_name_char(text[at])) ++at;
    const std::string_view attribute_name = text.substr(attribute_start, at - attribute_start);
    while (at < text.size() && is_xml_space(text[at])) ++at;
    if (at == text.size()) return false;
    if (text[at] != '=')
      return fail(at, "expected '=' after attribute " + std::string(attribute_name));
    ++at;
    while (at < text.size() && is_xml_space(text[at])) ++at;
    if (at == text.size()) return false;
    const char quote = text[at];
    if (quote != '"' && quote != '\'') return fail(at, "an attribute value must be quoted");
    const std::size_t close = text.find(quote, at + 1);
    if (close == std::string_view::npos) return false;
    token.attributes.push_back({local_name(attribute_name), text.substr(at + 1, close - at - 1)});
    at = close + 1;
  }
  pos_ = at + 1;
  return true;
}

std::string XmlScanner::finish() const {
  if (!error_.empty()) return error_;
  if (pos_ < buffer_.size() && buffer_[pos_] == '<') {
    return "malformed XML at byte " + std::to_string(discarded_ + pos_) +
           ": the document ends inside a tag or comment";
  }
  return "";
}

}  // namespace tierlens
