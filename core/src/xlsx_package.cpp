#include "xlsx_package.h"

#include "xml_text.h"

namespace tierlens {
namespace {

/// Part names are URIs: "%20" and the like stand for the bytes of the zip entry's name.
std::string percent_decoded(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
        hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string relationships_part(const std::string& source) {
  const std::size_t slash = source.rfind('/');
  const std::string directory = slash == std::string::npos ? "" : source.substr(0, slash + 1);
  const std::string name = slash == std::string::npos ? source : source.substr(slash + 1);
  return directory + "_rels/" + name + ".rels";
}

}  // namespace

Status scan_xml_part(const ZipArchive& archive, const std::string& file_name,
                     const std::string& part, const XmlTokenHandler& handler) {
  XmlScanner scanner;
  XmlToken token;
  bool stopped = false;
  const auto drain = [&] {
    while (!stopped && scanner.next(token)) stopped = !handler(token);
    return !stopped && scanner.error().empty();
  };
  const Status read = archive.read(part, [&](std::string_view bytes) {
    scanner.append(bytes);
    return drain();
  });
  if (!read.ok()) return read;
  if (stopped) return Status();
  if (scanner.error().empty()) {
    scanner.end_input();
    drain();
  }
  if (stopped) return Status();
  if (const std::string problem = scanner.finish(); !problem.empty()) {
    return Status::error(ErrorCode::kBadWorkbook, file_name + ": " + part + ": " + problem);
  }
  return Status();
}

Status read_relationships(const ZipArchive& archive, const std::string& file_name,
                          const std::string& source, std::vector<Relationship>& relationships) {
  relationships.clear();
  const std::string rels = relationships_part(source);
  if (!archive.find(rels)) return Status();
  return scan_xml_part(archive, file_name, rels, [&](const XmlToken& token) {
    if (token.kind != XmlToken::Kind::kStartTag || token.name != "Relationship") return true;
    if (decode_ooxml_text(token.attribute("TargetMode")) == "External") return true;
    relationships.push_back(
        {decode_ooxml_text(token.attribute("Id")), decode_ooxml_text(token.attribute("Type")),
         resolve_part_name(source, decode_ooxml_text(token.attribute("Target")))});
    return true;
  });
}

bool is_relationship_type(std::string_view type, std::string_view kind) {
  const std::size_t slash = type.rfind('/');
  return type.substr(slash == std::string_view::npos ? 0 : slash + 1) == kind;
}

std::string resolve_part_name(const std::string& source, std::string_view target) {
  std::string path;
  if (!target.empty() && target.front() == '/') {
    path = percent_decoded(target.substr(1));
  } else {
    const std::size_t slash = source.rfind('/');
    path =
        (slash == std::string::npos ? "" : source.substr(0, slash + 1)) + percent_decoded(target);
  }
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    const std::string segment = path.substr(start, end - start);
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    start = end + 1;
  }
  std::string resolved;
  for (const std::string& segment : segments) resolved += (resolved.empty() ? "" : "/") + segment;
  return resolved;
}

}  // namespace tierlens
