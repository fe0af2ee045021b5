#include "tierlens/xlsx_workbook.h"

#include "xlsx_contents.h"
#include "xlsx_package.h"
#include "xlsx_sheet_csv.h"
#include "xml_text.h"

namespace tierlens {
namespace {

Status workbook_error(const std::string& file_name, const std::string& what) {
  return Status::error(ErrorCode::kBadWorkbook, file_name + ": " + what);
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

/// The workbook part, as the package's relationships name it (xl/workbook.xml as a fallback),
/// or an error that says what kind of file this is instead.
Status find_workbook_part(const XlsxContents& contents, std::string& part) {
  std::vector<Relationship> relationships;
  if (Status status = read_relationships(contents.archive, contents.file_name, "", relationships);
      !status.ok()) {
    return status;
  }
  part = "xl/workbook.xml";
  for (const Relationship& relationship : relationships) {
    if (is_relationship_type(relationship.type, "officeDocument")) part = relationship.target;
  }
  // These say what the file is instead: "orders.xlsx is an OpenDocument file …".
  const auto not_a_workbook = [&](const std::string& what) {
    return Status::error(ErrorCode::kBadWorkbook, contents.file_name + " " + what);
  };
  if (ends_with(part, ".bin")) {
    return not_a_workbook(
        "is a binary Excel workbook (.xlsb); save it as .xlsx or CSV and try again");
  }
  if (contents.archive.find(part)) return Status();
  if (contents.archive.find("content.xml") && contents.archive.find("mimetype")) {
    return not_a_workbook(
        "is an OpenDocument file (.ods), not an Excel workbook; save it as .xlsx or CSV and try "
        "again");
  }
  if (contents.archive.find("word/document.xml"))
    return not_a_workbook("is a Word document, not an Excel workbook");
  return not_a_workbook("is a zip archive but not an Excel workbook: it has no " + part);
}

struct SheetEntry {
  std::string name;
  std::string relationship_id;
};

Status read_workbook_part(const XlsxContents& contents, const std::string& part,
                          std::vector<SheetEntry>& sheets, bool& date1904) {
  return scan_xml_part(contents.archive, contents.file_name, part, [&](const XmlToken& token) {
    if (token.kind != XmlToken::Kind::kStartTag) return true;
    if (token.name == "workbookPr") {
      const std::string_view value = token.attribute("date1904");
      date1904 = value == "1" || value == "true";
    } else if (token.name == "sheet") {
      // r:id, in the relationships namespace; the tokenizer drops the prefix.
      sheets.push_back(
          {decode_ooxml_text(token.attribute("name")), decode_ooxml_text(token.attribute("id"))});
    }
    return true;
  });
}

/// The part of each relationship type the workbook has one of (shared strings, styles):
/// the relationship's target, else the usual name when the archive has it, else "".
std::string single_part(const XlsxContents& contents,
                        const std::vector<Relationship>& relationships, std::string_view type,
                        const std::string& usual_name) {
  for (const Relationship& relationship : relationships) {
    if (is_relationship_type(relationship.type, type)) return relationship.target;
  }
  return contents.archive.find(usual_name) ? usual_name : "";
}

}  // namespace

Status XlsxWorkbook::open(std::string_view file_bytes, const std::string& file_name,
                          XlsxWorkbook& workbook) {
  workbook = XlsxWorkbook();
  auto contents = std::make_shared<XlsxContents>();
  contents->file_name = file_name;
  if (Status status = ZipArchive::open(file_bytes, file_name, contents->archive); !status.ok())
    return status;

  std::string workbook_part;
  if (Status status = find_workbook_part(*contents, workbook_part); !status.ok()) return status;
  std::vector<SheetEntry> sheet_entries;
  if (Status status =
          read_workbook_part(*contents, workbook_part, sheet_entries, contents->date1904);
      !status.ok()) {
    return status;
  }
  std::vector<Relationship> relationships;
  if (Status status =
          read_relationships(contents->archive, file_name, workbook_part, relationships);
      !status.ok()) {
    return status;
  }

  std::vector<XlsxSheet> sheets;
  for (const SheetEntry& entry : sheet_entries) {
    const Relationship* found = nullptr;
    for (const Relationship& relationship : relationships) {
      if (relationship.id == entry.relationship_id) found = &relationship;
    }
    if (!found) {
      return workbook_error(file_name, "sheet '" + entry.name + "' has no part: relationship '" +
                                           entry.relationship_id + "' of " + workbook_part +
                                           " is missing");
    }
    if (is_relationship_type(found->type, "worksheet"))
      sheets.push_back({entry.name, found->target});
  }
  if (sheets.empty()) return workbook_error(file_name, "the workbook has no worksheets");

  const std::string strings_part =
      single_part(*contents, relationships, "sharedStrings", "xl/sharedStrings.xml");
  if (!strings_part.empty()) {
    if (Status status = read_shared_strings(*contents, strings_part, contents->shared_strings);
        !status.ok()) {
      return status;
    }
  }
  const std::string styles_part = single_part(*contents, relationships, "styles", "xl/styles.xml");
  if (!styles_part.empty()) {
    if (Status status = read_date_styles(*contents, styles_part, contents->date_styles);
        !status.ok())
      return status;
  }

  workbook.sheets_ = std::move(sheets);
  workbook.contents_ = std::move(contents);
  return Status();
}

Status XlsxWorkbook::sheet_as_csv(std::size_t index,
                                  const std::function<bool(std::string_view)>& sink) const {
  if (!contents_ || index >= sheets_.size()) {
    return Status::error(ErrorCode::kInvalidOptions,
                         "there is no sheet " + std::to_string(index + 1) + "; the workbook has " +
                             std::to_string(sheets_.size()));
  }
  const XlsxSheet& sheet = sheets_[index];
  const std::string label = "sheet '" + sheet.name + "' (" + sheet.part + ")";
  if (!contents_->archive.find(sheet.part)) {
    return workbook_error(contents_->file_name, label + " is missing from the workbook");
  }
  SheetCsvConverter converter(*contents_, label, sink);
  const Status scanned =
      scan_xml_part(contents_->archive, contents_->file_name, sheet.part,
                    [&](const XmlToken& token) { return converter.on_token(token); });
  if (!converter.status().ok()) return converter.status();
  if (converter.stopped()) return Status();
  if (!scanned.ok()) return scanned;
  if (!converter.finish()) return converter.status();
  return Status();
}

bool looks_like_zip(std::string_view head) {
  return head.substr(0, 4) == std::string_view("PK\x03\x04", 4);
}

}  // namespace tierlens
