// xl/styles.xml: <numFmts><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/></numFmts> …
// <cellXfs><xf numFmtId="164" …/>…</cellXfs>. A cell's s="2" is the third <xf> of cellXfs.
#include <map>

#include "xlsx_contents.h"
#include "xlsx_number_format.h"
#include "xlsx_package.h"
#include "xml_text.h"

namespace tierlens {
namespace {

/// A small non-negative decimal attribute; -1 when absent or not one.
long small_number(std::string_view text) {
  if (text.empty() || text.size() > 9) return -1;
  long value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

Status read_date_styles(const XlsxContents& contents, const std::string& part,
                        std::vector<bool>& date_styles) {
  std::map<long, bool> custom_is_date;  // numFmtId → its code shows a date
  std::vector<long> style_formats;      // cellXfs index → numFmtId
  // Only the children of <numFmts> and <cellXfs> count: <dxf> (conditional formats) has
  // <numFmt>s of its own, and <cellStyleXfs> <xf>s, with other meanings.
  bool in_number_formats = false;
  bool in_cell_styles = false;
  const Status status =
      scan_xml_part(contents.archive, contents.file_name, part, [&](const XmlToken& token) {
        if (token.kind == XmlToken::Kind::kEndTag) {
          if (token.name == "numFmts") in_number_formats = false;
          if (token.name == "cellXfs") in_cell_styles = false;
          return true;
        }
        if (token.kind != XmlToken::Kind::kStartTag) return true;
        if (token.name == "numFmts") {
          in_number_formats = !token.self_closing;
        } else if (token.name == "cellXfs") {
          in_cell_styles = !token.self_closing;
        } else if (token.name == "numFmt" && in_number_formats) {
          custom_is_date[small_number(token.attribute("numFmtId"))] =
              is_date_format_code(decode_ooxml_text(token.attribute("formatCode")));
        } else if (token.name == "xf" && in_cell_styles) {
          style_formats.push_back(small_number(token.attribute("numFmtId")));
        }
        return true;
      });
  date_styles.clear();
  for (const long format : style_formats) {
    const auto custom = custom_is_date.find(format);
    date_styles.push_back(custom != custom_is_date.end()
                              ? custom->second
                              : is_builtin_date_format(static_cast<int>(format)));
  }
  return status;
}

}  // namespace tierlens
