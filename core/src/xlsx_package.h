// The package layer of an .xlsx workbook (Open Packaging Conventions): parts are zip entries
// found through relationship files, and each part is XML read as a stream of tokens.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "tierlens/status.h"
#include "tierlens/zip_archive.h"
#include "xml_scan.h"

namespace tierlens {

/// Receives each token of a part; answers false to stop reading (the handler keeps why).
using XmlTokenHandler = std::function<bool(const XmlToken& token)>;

/// Streams part `part` of the archive through the XML tokenizer to `handler`. Errors (the part
/// missing, damaged, or malformed XML) name the file and the part.
Status scan_xml_part(const ZipArchive& archive, const std::string& file_name,
                     const std::string& part, const XmlTokenHandler& handler);

struct Relationship {
  std::string id;
  std::string type;    ///< e.g. ".../relationships/worksheet"
  std::string target;  ///< resolved to a part name, e.g. "xl/worksheets/sheet1.xml"
};

/// The relationships of part `source` ("" for the package itself), read from its .rels part
/// (e.g. xl/_rels/workbook.xml.rels). No .rels part gives none; external targets are left out.
Status read_relationships(const ZipArchive& archive, const std::string& file_name,
                          const std::string& source, std::vector<Relationship>& relationships);

/// True when `type` is the relationship type `kind` ("worksheet", "sharedStrings", …) in
/// either the Transitional or the Strict OOXML namespace (the last path segment is compared).
bool is_relationship_type(std::string_view type, std::string_view kind);

/// The part a relationship target names, from the directory of part `source`: relative paths
/// are resolved against it (with . and .. segments), absolute ones ("/xl/…") from the root.
std::string resolve_part_name(const std::string& source, std::string_view target);

}  // namespace tierlens
