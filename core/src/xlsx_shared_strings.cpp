// xl/sharedStrings.xml: <sst><si><t>text</t></si><si><r><t>rich</t></r><r><t> text</t></r>
// <rPh><t>phonetic</t></rPh></si>…</sst>.
#include <algorithm>

#include "xlsx_contents.h"
#include "xlsx_package.h"
#include "xml_text.h"

namespace tierlens {

Status read_shared_strings(const XlsxContents& contents, const std::string& part,
                           SharedStrings& strings) {
  if (const ZipEntry* entry = contents.archive.find(part)) {
    // The declared count, trusted only as far as the part's size allows (each string takes
    // at least 9 bytes, "<si></si>"), so a lying header cannot make us reserve gigabytes.
    strings.reserve(
        static_cast<std::size_t>(std::min<std::uint64_t>(entry->uncompressed_size / 9, 1u << 24)));
  }
  bool in_item = false;
  int phonetic_depth = 0;
  bool in_text = false;
  std::string xml_text;  // the <si>'s text with XML escapes decoded, _xHHHH_ not yet
  std::string text;
  return scan_xml_part(contents.archive, contents.file_name, part, [&](const XmlToken& token) {
    switch (token.kind) {
      case XmlToken::Kind::kStartTag:
        if (token.name == "si") {
          in_item = !token.self_closing;
          xml_text.clear();
          if (token.self_closing) strings.add("");
        } else if (token.name == "rPh") {
          if (!token.self_closing) ++phonetic_depth;
        } else if (token.name == "t") {
          in_text = in_item && phonetic_depth == 0 && !token.self_closing;
        }
        break;
      case XmlToken::Kind::kEndTag:
        if (token.name == "si" && in_item) {
          text.clear();
          append_ooxml_unescaped(xml_text, text);
          strings.add(text);
          in_item = false;
          phonetic_depth = 0;
        } else if (token.name == "rPh") {
          phonetic_depth = std::max(0, phonetic_depth - 1);
        } else if (token.name == "t") {
          in_text = false;
        }
        break;
      case XmlToken::Kind::kText:
        if (in_text) append_xml_text(token.text, xml_text);
        break;
      case XmlToken::Kind::kCData:
        if (in_text) xml_text += token.text;
        break;
    }
    return true;
  });
}

}  // namespace tierlens
