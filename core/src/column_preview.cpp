#include "tierlens/column_preview.h"

#include "tierlens/session.h"

namespace tierlens {

const char* choice_source_key(ChoiceSource source) {
  switch (source) {
    case ChoiceSource::kNamed: return "named";
    case ChoiceSource::kGuessed: return "guessed";
    case ChoiceSource::kNone: return "none";
  }
  return "none";
}

namespace {

ChoiceSource source_of(bool found, bool named) {
  if (!found) return ChoiceSource::kNone;
  return named ? ChoiceSource::kNamed : ChoiceSource::kGuessed;
}

}  // namespace

Status preview_columns(std::string_view head, const ClassifyOptions& options, ColumnPreview& preview,
                       TableKind table) {
  IngestOptions ingest_options = table == TableKind::kCustomers ? customer_table_ingest_options(options)
                                                                 : ingest_options_for(options);
  ingest_options.preview_rows = kPreviewRows;
  const ColumnOverrides& named = ingest_options.columns;
  OrderIngest ingest(ingest_options);
  if (Status status = ingest.feed(head); !status.ok()) return status;
  if (Status status = ingest.finish(); !status.ok()) return status;
  IngestResult result = ingest.take_result();

  preview = ColumnPreview{};
  const ColumnMapping& mapping = result.input.columns;
  const bool from_quantity_and_price = !mapping[ColumnRole::kAmount] &&
                                       mapping[ColumnRole::kQuantity] && mapping[ColumnRole::kUnitPrice];
  const int roles = table == TableKind::kCustomers ? 1 : kColumnRoleCount;  // the id comes first
  for (int r = 0; r < roles; ++r) {
    const auto role = static_cast<ColumnRole>(r);
    ColumnChoice choice;
    choice.field = column_role_key(role);
    if (const auto index = mapping[role]) choice.column = result.input.header[*index];
    const std::optional<std::string>& name = named[role];
    choice.source = source_of(choice.column.has_value(), name && !name->empty());
    switch (role) {
      case ColumnRole::kCustomerId:
      case ColumnRole::kDate: choice.required = true; break;
      case ColumnRole::kAmount: choice.required = !from_quantity_and_price; break;
      case ColumnRole::kQuantity:
      case ColumnRole::kUnitPrice: choice.required = from_quantity_and_price; break;
      case ColumnRole::kOrderId: break;
    }
    preview.roles.push_back(std::move(choice));
  }
  for (const auto& [field, named_header] : ingest_options.attributes) {
    ColumnChoice choice;
    choice.field = field;
    if (const AttributeColumn* attribute = result.customers.attribute(field);
        attribute && !attribute->header.empty()) {
      choice.column = attribute->header;
    }
    choice.source = source_of(choice.column.has_value(), named_header.has_value());
    preview.attributes.push_back(std::move(choice));
  }
  preview.table = table;
  preview.input = std::move(result.input);
  preview.rows = std::move(result.preview_rows);
  preview.problem = std::move(result.column_problem);
  return Status();
}

}  // namespace tierlens
