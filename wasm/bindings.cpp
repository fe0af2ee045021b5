// The only Emscripten code in TierLens: a handful of coarse calls over one
// ClassificationSession (and, at the end, a second one: the earlier run a comparison of runs
// reads without disturbing the run on screen). Bytes come in as Uint8Array (one copy into the heap), results go out
// as JSON status strings, typed-array columns, or byte arrays. Nothing here throws into
// JavaScript: every failure becomes {"ok": false, "code": …, "message": …}, which
// web/engine/tierlens-engine.js turns into a TierLensError.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <new>
#include <optional>
#include <nlohmann/json.hpp>
#include <string>

#include "tierlens/cluster_features.h"
#include "tierlens/customer_fields.h"
#include "tierlens/customer_history.h"
#include "tierlens/dashboard.h"
#include "tierlens/customer_view.h"
#include "tierlens/explanation.h"
#include "tierlens/migration.h"
#include "tierlens/policy_json.h"
#include "tierlens/sql/policy_sql.h"
#include "tierlens/presets.h"
#include "tierlens/reports.h"
#include "tierlens/sample_orders.h"
#include "tierlens/saved_migration.h"
#include "tierlens/session.h"

using emscripten::val;
using nlohmann::ordered_json;
using namespace tierlens;

namespace {

ClassificationSession& session() {
  static ClassificationSession instance;  // one module per worker, one run at a time
  return instance;
}

std::string dump(const ordered_json& json) {
  return json.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

std::string status_json(const Status& status) {
  if (status.ok()) return R"({"ok":true})";
  return dump({{"ok", false}, {"code", error_code_name(status.code())}, {"message", status.message()}});
}

/// Runs `body`, turning any C++ exception into an error status rather than a wasm trap.
template <typename Body>
std::string guarded(Body body) {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return dump({{"ok", false}, {"code", "out_of_memory"},
                 {"message", "the file is too large for the memory this page may use"}});
  } catch (const std::exception& error) {
    return dump({{"ok", false}, {"code", "internal_error"}, {"message", error.what()}});
  }
}

/// A copy of `bytes` as a JS Uint8Array (a view on the heap would dangle when memory grows).
val to_uint8_array(const std::string& bytes) {
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  return val::global("Uint8Array").new_(emscripten::typed_memory_view(bytes.size(), data));
}

template <typename T>
val typed_array(const char* type, const std::vector<T>& values) {
  return val::global(type).new_(emscripten::typed_memory_view(values.size(), values.data()));
}

/// The policy JSON, or the default preset when it is empty.
Status read_policy(const std::string& policy_json, ClassifyOptions& options) {
  if (policy_json.empty()) return load_preset(presets().front().id, options);
  return parse_policy_json(policy_json, options);
}

/// What the page's input JSON says besides how to read the file: which files a run reads
/// (beginIngest) and what a previewed file is (inspectFile).
struct InputTables {
  RunTables tables = RunTables::kOrders;
  TableKind table = TableKind::kOrders;
};

/// How to read the file, as the page says it: {"encoding": "gb18030", "date_order": "day_first",
/// "header_row": 3, "sheet": "订单", "tables": "orders_and_customers", "table": "customers",
/// "keep_order_log": true, "file_bytes": 65000000}; a missing or empty value means "detect it" (for tables and table:
/// orders; for keep_order_log: false, the page's runs set it for the profile card's history).
Status read_input_options(const std::string& input_json, ClassifyOptions& options,
                          InputTables* tables = nullptr) {
  const auto input = nlohmann::json::parse(input_json.empty() ? "{}" : input_json, nullptr, false);
  if (input.is_discarded() || !input.is_object()) {
    return Status::error(ErrorCode::kInvalidOptions, "input options: expected a JSON object");
  }
  if (tables) {
    const std::string run = input.value("tables", "");
    if (run.empty() || run == "orders") tables->tables = RunTables::kOrders;
    else if (run == "orders_and_customers") tables->tables = RunTables::kOrdersAndCustomers;
    else if (run == "customers") tables->tables = RunTables::kCustomersOnly;
    else return Status::error(ErrorCode::kInvalidOptions,
                              "tables: expected orders, orders_and_customers or customers, got \"" + run + "\"");
    const std::string table = input.value("table", "");
    if (table.empty() || table == "orders") tables->table = TableKind::kOrders;
    else if (table == "customers") tables->table = TableKind::kCustomers;
    else return Status::error(ErrorCode::kInvalidOptions,
                              "table: expected orders or customers, got \"" + table + "\"");
  }
  const std::string encoding = input.value("encoding", "");
  if (!encoding.empty()) {
    options.encoding = parse_text_encoding(encoding);
    if (!options.encoding) {
      return Status::error(ErrorCode::kInvalidOptions,
                           "encoding: expected utf-8, gb18030, utf-16le or utf-16be, got \"" + encoding + "\"");
    }
  }
  if (input.contains("header_row") && !input["header_row"].is_null()) {
    if (!input["header_row"].is_number_unsigned() || input["header_row"].get<std::uint64_t>() < 1) {
      return Status::error(ErrorCode::kInvalidOptions, "header_row: expected a row number, 1 or more");
    }
    options.header_row = input["header_row"].get<std::uint64_t>();
  }
  if (input.contains("sheet") && !input["sheet"].is_null()) {
    if (!input["sheet"].is_string()) {
      return Status::error(ErrorCode::kInvalidOptions, "sheet: expected a sheet name");
    }
    if (!input["sheet"].get<std::string>().empty()) options.sheet = input["sheet"].get<std::string>();
  }
  if (input.contains("keep_order_log") && !input["keep_order_log"].is_null()) {
    if (!input["keep_order_log"].is_boolean()) {
      return Status::error(ErrorCode::kInvalidOptions, "keep_order_log: expected true or false");
    }
    options.keep_order_log = input["keep_order_log"].get<bool>();
  }
  if (input.contains("file_bytes") && !input["file_bytes"].is_null()) {
    if (!input["file_bytes"].is_number_unsigned()) {
      return Status::error(ErrorCode::kInvalidOptions, "file_bytes: expected the file's size in bytes");
    }
    options.file_bytes = input["file_bytes"].get<std::uint64_t>();
  }
  const std::string date_order = input.value("date_order", "");
  if (!date_order.empty()) {
    options.date_order = parse_date_order(date_order);
    if (!options.date_order) {
      return Status::error(ErrorCode::kInvalidOptions,
                           "date_order: expected day_first or month_first, got \"" + date_order + "\"");
    }
  }
  return Status();
}

/// Starts a run in `run` (the run on screen, or the earlier one it is compared with).
/// `file_name` is the orders file's ('' when the run reads customers only); `input_json` says
/// how to read it, and which files the run reads ("tables").
std::string begin_run(ClassificationSession& run, const std::string& file_name, const std::string& policy_json,
                      const std::string& input_json) {
  return guarded([&] {
    ClassifyOptions options;
    options.file_name = file_name;
    InputTables tables;
    if (Status status = read_input_options(input_json, options, &tables); !status.ok()) {
      run.reset();
      return status_json(status);
    }
    if (Status status = read_policy(policy_json, options); !status.ok()) {
      run.reset();  // no half-configured run may go on with default options
      return status_json(status);
    }
    return status_json(run.begin(std::move(options), tables.tables));
  });
}

std::string begin_ingest(const std::string& file_name, const std::string& policy_json,
                         const std::string& input_json) {
  return begin_run(session(), file_name, policy_json, input_json);
}

/// Ends the orders file (if `run` has one) and starts the customers table, read as
/// `input_json` says (encoding, header_row, sheet); feedChunk then reads the table.
std::string begin_run_customer_table(ClassificationSession& run, const std::string& file_name,
                                     const std::string& input_json) {
  return guarded([&] {
    ClassifyOptions read_as;
    if (Status status = read_input_options(input_json, read_as); !status.ok()) return status_json(status);
    CustomerTableReading reading;
    reading.file_name = file_name;
    reading.encoding = read_as.encoding;
    reading.header_row = read_as.header_row;
    reading.sheet = read_as.sheet;
    return status_json(run.begin_customer_table(std::move(reading)));
  });
}

std::string begin_customer_table(const std::string& file_name, const std::string& input_json) {
  return begin_run_customer_table(session(), file_name, input_json);
}

/// The mapping step's preview of a file from its first bytes (a workbook: all of them), read
/// as `policy_json` and `input_json` say; see column_preview.h. Touches no session.
std::string inspect_file(const std::string& file_name, const std::string& head,
                         const std::string& input_json, const std::string& policy_json) {
  return guarded([&] {
    ClassifyOptions options;
    InputTables tables;
    if (Status status = read_input_options(input_json, options, &tables); !status.ok()) return status_json(status);
    if (Status status = read_policy(policy_json, options); !status.ok()) return status_json(status);
    options.file_name = file_name;
    ColumnPreview preview;
    if (Status status = preview_columns(head, options, preview, tables.table); !status.ok()) {
      return status_json(status);
    }
    return "{\"ok\": true, \"preview\": " + column_preview_json(preview) + "}";
  });
}

std::string reclassify(const std::string& policy_json) {
  return guarded([&] {
    ClassifyOptions options;
    if (Status status = parse_policy_json(policy_json, options); !status.ok()) return status_json(status);
    bool reclassified = false;
    if (Status status = session().reclassify(std::move(options), reclassified); !status.ok()) {
      return status_json(status);
    }
    return dump({{"ok", true}, {"reclassified", reclassified}});
  });
}

std::string preset_list() {
  ordered_json list = ordered_json::array();
  for (const Preset& preset : presets()) {
    list.push_back({{"id", preset.id}, {"name", preset.name}, {"description", preset.description}});
  }
  return dump(list);
}

std::string preset_policy(const std::string& id) {
  return guarded([&] {
    ClassifyOptions options;
    if (Status status = load_preset(id, options); !status.ok()) return status_json(status);
    return dump({{"ok", true}, {"policy", policy_to_json(options)}});
  });
}

std::string check_policy(const std::string& policy_json) {
  return guarded([&] {
    ClassifyOptions options;
    if (Status status = parse_policy_json(policy_json, options); !status.ok()) return status_json(status);
    return dump({{"ok", true}, {"policy", policy_to_json(options)}});
  });
}

/// Where the page puts each chunk of a file before it is fed: the page copies the chunk in
/// with one HEAPU8.set (a memcpy). Passing a Uint8Array as std::string instead copied it byte
/// by byte in JS, then again into the string.
std::vector<char>& chunk_buffer() {
  static std::vector<char> buffer;
  return buffer;
}

/// A view of chunk_buffer() resized to `bytes`, for the page to fill. Taken afresh for each
/// chunk: feeding may grow the wasm memory, which detaches earlier views.
val chunk_buffer_view(std::size_t bytes) {
  std::vector<char>& buffer = chunk_buffer();
  buffer.resize(bytes);
  return val(emscripten::typed_memory_view(bytes, reinterpret_cast<unsigned char*>(buffer.data())));
}

std::string_view buffered_chunk(std::size_t bytes) {
  return std::string_view(chunk_buffer().data(), std::min(bytes, chunk_buffer().size()));
}

/// Feeds the first `bytes` of chunk_buffer() to the run.
std::string feed_chunk(std::size_t bytes) {
  return guarded([&] { return status_json(session().feed(buffered_chunk(bytes))); });
}

std::string finish_and_classify() {
  return guarded([] { return status_json(session().finish()); });
}

std::string summary() {
  const Classification* result = session().result();
  return result ? summary_json(*result) : "null";
}

/// The dashboard's figures (dashboard.h) as the CLI writes dashboard.json; "null" before a result.
std::string dashboard() {
  return guarded([] {
    const Classification* result = session().result();
    return result ? dashboard_json(*result) : std::string("null");
  });
}

/// Rows `offset`… of the customers `filter_json` keeps (customer_view.h; '' keeps all) in the
/// order asked for; `total` counts the view, `customers` the whole result. A filter naming
/// what the result has not answers {ok: false, code, message} instead.
val customer_page(std::uint32_t offset, std::uint32_t count, const std::string& sort_key,
                  bool descending, const std::string& filter_json) {
  val page = val::object();
  const Classification* result = session().result();
  const std::optional<CustomerSortColumn> column = result ? parse_customer_sort_column(*result, sort_key) : std::nullopt;
  const std::vector<std::uint32_t> none;
  const std::vector<std::uint32_t>* view = &none;
  CustomerFilter filter;
  Status status = parse_customer_filter_json(filter_json, filter);
  if (status.ok() && result) {
    status = session().customer_view(filter, column.value_or(CustomerSortKey::kCustomerId), descending, view);
  }
  if (!status.ok()) {
    page.set("ok", false);
    page.set("code", std::string(error_code_name(status.code())));
    page.set("message", status.message());
    return page;
  }
  const std::vector<std::uint32_t>& order = *view;
  const std::size_t begin = std::min<std::size_t>(offset, order.size());
  const std::size_t end = std::min<std::size_t>(begin + count, order.size());

  std::vector<std::uint32_t> index(order.begin() + begin, order.begin() + end);
  std::vector<std::int32_t> recency, frequency;
  std::vector<double> monetary;
  std::vector<std::uint8_t> r, f, m, fm;
  val ids = val::array(), names = val::array(), first = val::array(), last = val::array(),
      cells = val::array(), segments = val::array();
  const AttributeColumn* name_column = result ? customer_names(*result) : nullptr;
  const std::size_t dimension_count = result ? result->dimensions.size() : 0;
  std::vector<std::vector<std::uint32_t>> labels(dimension_count);
  std::vector<std::int32_t> tiers;
  for (const std::uint32_t i : index) {
    const CustomerTable& customers = result->ingest.customers;
    ids.call<void>("push", customers.id[i]);
    names.call<void>("push", name_column ? name_column->value(i) : std::string());
    for (std::size_t d = 0; d < dimension_count; ++d) labels[d].push_back(result->dimensions[d].label_of[i]);
    tiers.push_back(result->tier_of.empty() ? -1 : static_cast<std::int32_t>(result->tier_of[i]));
    first.call<void>("push", customers.first_purchase[i] == kNoDay
                                 ? std::string() : format_iso_date(customers.first_purchase[i]));
    last.call<void>("push", customers.last_purchase[i] == kNoDay
                                ? std::string() : format_iso_date(customers.last_purchase[i]));
    recency.push_back(result->recency[i]);
    frequency.push_back(static_cast<std::int32_t>(customers.frequency[i]));
    monetary.push_back(micros_to_units(customers.monetary[i]));
    r.push_back(result->r_score[i]);
    f.push_back(result->f_score[i]);
    m.push_back(result->m_score[i]);
    fm.push_back(result->fm_score[i]);
    cells.call<void>("push", segment_cell(*result, i));
    segments.call<void>("push", std::string(segment_name(result->segment[i])));
  }
  page.set("total", order.size());
  page.set("customers", result ? result->customer_count() : 0);
  page.set("has_names", name_column != nullptr);
  page.set("index", typed_array("Uint32Array", index));
  page.set("customer_id", ids);
  page.set("customer_name", names);
  page.set("first_order", first);
  page.set("last_order", last);
  page.set("recency", typed_array("Int32Array", recency));
  page.set("frequency", typed_array("Int32Array", frequency));
  page.set("monetary", typed_array("Float64Array", monetary));
  page.set("r_score", typed_array("Uint8Array", r));
  page.set("f_score", typed_array("Uint8Array", f));
  page.set("m_score", typed_array("Uint8Array", m));
  page.set("fm_score", typed_array("Uint8Array", fm));
  page.set("cell", cells);
  page.set("segment", segments);
  val label_columns = val::array();
  for (const auto& column : labels) label_columns.call<void>("push", typed_array("Uint32Array", column));
  page.set("labels", label_columns);
  page.set("tier", typed_array("Int32Array", tiers));
  // CLV figures when the run computed them, NaN where a customer has none.
  if (result && result->clv) {
    val clv = val::object();
    for (const auto& [name, figure] : {std::pair{"p_alive", &ClvResult::probability_alive},
                                       std::pair{"expected_purchases", &ClvResult::expected_purchases},
                                       std::pair{"expected_spend", &ClvResult::expected_spend},
                                       std::pair{"clv", &ClvResult::clv},
                                       std::pair{"historical_clv", &ClvResult::historical_clv}}) {
      std::vector<double> values;
      for (const std::uint32_t i : index) values.push_back(((*result->clv).*figure)[i]);
      clv.set(name, typed_array("Float64Array", values));
    }
    page.set("clv", clv);
  } else {
    page.set("clv", val::null());
  }
  return page;
}

/// The points of a `clusters` dimension for the page's scatter: at most `max_points`
/// customers (a fixed sample when there are more), each with its features as read, its
/// position on the first two principal axes, and its cluster.
val cluster_points(std::uint32_t dimension_index, std::uint32_t max_points) {
  val points = val::object();
  const Classification* result = session().result();
  if (!result || dimension_index >= result->dimensions.size()) return val::null();
  const DimensionResult& dimension = result->dimensions[dimension_index];
  const auto* spec = std::get_if<ClusterSpec>(&result->dimension_policy(dimension).spec);
  if (!spec || !dimension.clusters) return val::null();
  const ClusterFeatures features = cluster_features(*result, *spec);
  const std::vector<double> projection = principal_projection(features.points, features.dimensions);
  const std::vector<std::uint32_t> shown = scatter_sample(features.customers.size(), max_points);
  std::vector<double> raw, xy;
  std::vector<std::uint32_t> customers, clusters;
  for (const std::uint32_t p : shown) {
    customers.push_back(features.customers[p]);
    clusters.push_back(dimension.label_of[features.customers[p]]);
    raw.insert(raw.end(), features.raw.begin() + p * features.dimensions,
               features.raw.begin() + (p + 1) * features.dimensions);
    xy.push_back(projection[2 * p]);
    xy.push_back(projection[2 * p + 1]);
  }
  val names = val::array();
  for (const std::string& feature : spec->features) names.call<void>("push", feature);
  points.set("features", names);
  points.set("total", features.customers.size());
  points.set("customer", typed_array("Uint32Array", customers));
  points.set("cluster", typed_array("Uint32Array", clusters));
  points.set("values", typed_array("Float64Array", raw));
  points.set("projection", typed_array("Float64Array", xy));
  return points;
}

val skipped_page(std::uint32_t offset, std::uint32_t count) {
  val page = val::object();
  const Classification* result = session().result();
  const std::vector<SkippedRow> none;
  const std::vector<SkippedRow>& skipped = result ? result->ingest.skipped : none;
  const std::size_t begin = std::min<std::size_t>(offset, skipped.size());
  const std::size_t end = std::min<std::size_t>(begin + count, skipped.size());
  std::vector<std::uint32_t> rows, lines;
  val files = val::array(), columns = val::array(), reasons = val::array(), details = val::array(),
      raws = val::array();
  for (std::size_t i = begin; i < end; ++i) {
    const SkippedRow& row = skipped[i];
    files.call<void>("push", skipped_file_name(*result, row));
    rows.push_back(static_cast<std::uint32_t>(row.row));
    lines.push_back(static_cast<std::uint32_t>(row.line));
    columns.call<void>("push", row.column);
    reasons.call<void>("push", std::string(skip_reason_code(row.reason)));
    details.call<void>("push", row.detail);
    raws.call<void>("push", row.raw);
  }
  page.set("total", skipped.size());
  page.set("file", files);
  page.set("row", typed_array("Uint32Array", rows));
  page.set("line", typed_array("Uint32Array", lines));
  page.set("column", columns);
  page.set("reason", reasons);
  page.set("detail", details);
  page.set("raw", raws);
  return page;
}

std::string explain(std::uint32_t index) {
  return guarded([&] {
    const Classification* result = session().result();
    if (!result || index >= result->customer_count()) {
      return status_json(Status::error(ErrorCode::kInvalidState,
                                       "no classified customer with index " + std::to_string(index)));
    }
    return dump({{"ok", true}, {"explanation", explain_customer(*result, index)}});
  });
}

/// What the profile card shows besides the explanation: every attribute column the run read
/// (the name apart) with this customer's value, and every metric (null where absent).
std::string customer_profile(std::uint32_t index) {
  return guarded([&] {
    const Classification* result = session().result();
    if (!result || index >= result->customer_count()) {
      return status_json(Status::error(ErrorCode::kInvalidState,
                                       "no classified customer with index " + std::to_string(index)));
    }
    ordered_json attributes = ordered_json::array();
    for (const AttributeColumn& column : result->ingest.customers.attributes) {
      if (column.header.empty() || column.field == "customer_name") continue;
      attributes.push_back({{"field", column.field}, {"header", column.header}, {"value", column.value(index)}});
    }
    const CustomerFields fields(*result);
    ordered_json metrics = ordered_json::object();
    for (int m = 0; m < kMetricCount; ++m) {
      const char* key = metric_key(static_cast<Metric>(m));
      const std::optional<double> value = fields.number(fields.resolve(key), index);
      metrics[key] = value && std::isfinite(*value) ? ordered_json(*value) : ordered_json();
    }
    return dump({{"ok", true}, {"profile", {{"attributes", attributes}, {"metrics", metrics}}}});
  });
}

/// Customer `index`'s orders by day for the profile card's timeline: {kept, day: Int32Array
/// (days since 1970-01-01), purchases, returns: Float64Array in currency units}; null when
/// there is no such customer. `kept` false: the run kept no order log.
val customer_history_columns(std::uint32_t index) {
  const Classification* result = session().result();
  if (!result || index >= result->customer_count()) return val::null();
  const CustomerHistory history = customer_history(*result, index);
  std::vector<std::int32_t> days(history.day.begin(), history.day.end());
  std::vector<double> purchases, returns;
  for (const Micros amount : history.purchases) purchases.push_back(micros_to_units(amount));
  for (const Micros amount : history.returns) returns.push_back(micros_to_units(amount));
  val columns = val::object();
  columns.set("kept", history.kept);
  columns.set("day", typed_array("Int32Array", days));
  columns.set("purchases", typed_array("Float64Array", purchases));
  columns.set("returns", typed_array("Float64Array", returns));
  return columns;
}

val customers_csv_bytes() {
  const Classification* result = session().result();
  return to_uint8_array(result ? customers_csv(*result) : std::string());
}

val skipped_csv_bytes() {
  const Classification* result = session().result();
  return to_uint8_array(result ? skipped_csv(*result) : std::string());
}

/// customers.xlsx as a Uint8Array, or an error status (a string) when it cannot be made:
/// the workbook of a very large result may not fit in the memory left.
val customers_xlsx_bytes() {
  const Classification* result = session().result();
  std::string bytes;
  const std::string status = guarded([&] {
    if (result) bytes = customers_xlsx(*result);
    return std::string(R"({"ok":true})");
  });
  return status == R"({"ok":true})" ? to_uint8_array(bytes) : val(status);
}

/// The canonical policy of the last result, as the CLI writes policy.json; "null" before one.
std::string policy_json() {
  const Classification* result = session().result();
  return result ? policy_json_text(result->options) : "null";
}

/// The policy of the last result compiled to SQL for `dialect` ("duckdb", "postgres" or
/// "spark"), reading the columns the run read, with the CLV parameters and cluster centres it
/// fitted: `tierlens sql --fit` on the file on screen. The script's text, a status JSON when it
/// cannot be made (it starts with "{", a script with "--"), "null" before a result.
std::string policy_sql(const std::string& dialect) {
  const Classification* result = session().result();
  if (!result) return "null";
  return guarded([&] {
    const auto parsed = sql::parse_dialect(dialect);
    if (!parsed) return status_json(Status::error(ErrorCode::kInvalidOptions, "unknown SQL dialect \"" + dialect + "\""));
    const sql::SqlFits fits = sql::fits_from_run(*result);
    std::string script;
    const Status status = sql::policy_sql(result->options, sql::mapping_from_run(*result), &fits, *parsed, script);
    return status.ok() ? script : status_json(status);
  });
}

val sample_orders_csv() { return to_uint8_array(generate_sample_orders()); }

/// Writes once into `bytes` of fresh heap, then frees them. Memory the module grows into is
/// given real pages only when first written, one 4 KiB page at a time, and on the machines
/// measured each costs some 12 µs (bench/RESULTS.md): 64 MiB, 0.2 s. Done as the page opens,
/// a user's first file reuses these pages instead of paying for them while it is read.
void prepare_memory(std::size_t bytes) {
  auto* const block = static_cast<volatile char*>(std::malloc(bytes));  // volatile: not elided
  if (block == nullptr) return;
  for (std::size_t at = 0; at < bytes; at += 4096) block[at] = 0;
  std::free(const_cast<char*>(block));
}

}  // namespace

EMSCRIPTEN_BINDINGS(tierlens) {
  emscripten::function("beginIngest", &begin_ingest);
  emscripten::function("beginCustomerTable", &begin_customer_table);
  emscripten::function("chunkBuffer", &chunk_buffer_view);
  emscripten::function("feedChunk", &feed_chunk);
  emscripten::function("prepareMemory", &prepare_memory);
  emscripten::function("inspectFile", &inspect_file);
  emscripten::function("finishAndClassify", &finish_and_classify);
  emscripten::function("reclassify", &reclassify);
  emscripten::function("presetList", &preset_list);
  emscripten::function("presetPolicy", &preset_policy);
  emscripten::function("checkPolicy", &check_policy);
  emscripten::function("summaryJson", &summary);
  emscripten::function("dashboardJson", &dashboard);
  emscripten::function("customerPage", &customer_page);
  emscripten::function("clusterPoints", &cluster_points);
  emscripten::function("skippedPage", &skipped_page);
  emscripten::function("explainCustomer", &explain);
  emscripten::function("customerProfile", &customer_profile);
  emscripten::function("customerHistory", &customer_history_columns);
  emscripten::function("customersCsv", &customers_csv_bytes);
  emscripten::function("skippedCsv", &skipped_csv_bytes);
  emscripten::function("customersXlsx", &customers_xlsx_bytes);
  emscripten::function("policyJson", &policy_json);
  emscripten::function("policySql", &policy_sql);
  emscripten::function("sampleOrdersCsv", &sample_orders_csv);
}

// --- Comparing runs (客户迁移): the run on screen with an earlier one ---

namespace {

/// The run the one on screen is compared with: other orders, or the same orders as of an
/// earlier date, classified under the same policy; or a customers.csv saved earlier. And the
/// last comparison made, which the downloads give.
struct Comparison {
  ClassificationSession run;                   ///< the earlier orders, classified
  std::optional<SavedCustomersReader> reader;  ///< a saved customers.csv being read
  std::optional<SavedCustomers> saved;         ///< … once read
  std::optional<Migration> migration;
};

Comparison& comparison() {
  static Comparison instance;  // beside session(): the run on screen is never disturbed
  return instance;
}

/// Forgets the earlier run, of either kind, and the comparison made with it.
void forget_earlier_run() {
  Comparison& c = comparison();
  c.run.reset();
  c.reader.reset();
  c.saved.reset();
  c.migration.reset();
}

/// beginIngest for the earlier run; then feedEarlierRun, finishEarlierRun.
std::string begin_earlier_run(const std::string& file_name, const std::string& policy_json,
                              const std::string& input_json) {
  forget_earlier_run();
  return begin_run(comparison().run, file_name, policy_json, input_json);
}

std::string begin_earlier_customer_table(const std::string& file_name, const std::string& input_json) {
  return begin_run_customer_table(comparison().run, file_name, input_json);
}

/// Starts reading a customers.csv saved earlier as the earlier run (saved_customers.h).
std::string begin_saved_run(const std::string& file_name) {
  return guarded([&] {
    forget_earlier_run();
    comparison().reader.emplace(file_name);
    return status_json(Status());
  });
}

/// Feeds the first `bytes` of chunk_buffer() to the earlier run.
std::string feed_earlier_run(std::size_t bytes) {
  return guarded([&] {
    Comparison& c = comparison();
    const std::string_view chunk = buffered_chunk(bytes);
    return status_json(c.reader ? c.reader->feed(chunk) : c.run.feed(chunk));
  });
}

/// Ends the earlier run's file: classifies the orders, or keeps the saved customers read.
std::string finish_earlier_run() {
  return guarded([&] {
    Comparison& c = comparison();
    if (!c.reader) return status_json(c.run.finish());
    SavedCustomers saved;
    const Status status = c.reader->finish(saved);
    c.reader.reset();
    if (status.ok()) c.saved = std::move(saved);
    return status_json(status);
  });
}

/// Where customer `id` is in `result` (its index, as customer pages give it), or -1.
std::int64_t index_of_customer(const Classification& result, const std::string& id) {
  const std::vector<std::string>& ids = result.ingest.customers.id;
  const auto at = std::lower_bound(result.order_by_id.begin(), result.order_by_id.end(), id,
                                   [&](std::uint32_t i, const std::string& wanted) { return ids[i] < wanted; });
  return at != result.order_by_id.end() && ids[*at] == id ? static_cast<std::int64_t>(*at) : -1;
}

/// Compares `field` of the earlier run with the run on screen and keeps the comparison for
/// the downloads. Answers {"ok": true, "migration": {field, labels, matrix, counts, up, down}}:
/// as migration.json has them, but instead of every move, the first `list_limit` customers
/// moved up and down (by id), `up`/`down` = {total, moves: [{customer_id, before, after,
/// index}]} with `index` the customer's in the run on screen.
std::string compare_with_earlier(const std::string& field, std::uint32_t list_limit) {
  return guarded([&] {
    Comparison& c = comparison();
    c.migration.reset();
    const Classification* now = session().result();
    Migration migration;
    Status status;
    if (!now) status = Status::error(ErrorCode::kInvalidState, "there is no classified result to compare");
    else if (c.saved) status = compare_with_saved(*c.saved, *now, field, migration);
    else if (c.run.result()) status = compare_runs(*c.run.result(), *now, field, migration);
    else status = Status::error(ErrorCode::kInvalidState, "there is no earlier run to compare with");
    if (!status.ok()) return status_json(status);

    ordered_json counts = ordered_json::object();
    for (int m = 0; m < 5; ++m) counts[move_key(static_cast<Move>(m))] = migration.counts[m];
    ordered_json lists = ordered_json::object();
    for (const Move move : {Move::kUp, Move::kDown}) {
      lists[move_key(move)] = {{"total", migration.counts[static_cast<int>(move)]}, {"moves", ordered_json::array()}};
    }
    for (const CustomerMove& move : migration.moves) {
      if (move.move != Move::kUp && move.move != Move::kDown) continue;
      ordered_json& list = lists[move_key(move.move)]["moves"];
      if (list.size() >= list_limit) continue;
      list.push_back({{"customer_id", move.customer_id}, {"before", move.before}, {"after", move.after},
                      {"index", index_of_customer(*now, move.customer_id)}});
    }
    const ordered_json view = {{"field", migration.field}, {"labels", migration.labels}, {"matrix", migration.matrix},
                               {"counts", counts},         {"up", lists["up"]},          {"down", lists["down"]}};
    c.migration = std::move(migration);
    return dump({{"ok", true}, {"migration", view}});
  });
}

/// migration.json and migration.csv of the last comparison, byte for byte as the CLI's
/// `tierlens compare` writes them; empty before one.
val migration_json_bytes() {
  const std::optional<Migration>& migration = comparison().migration;
  return to_uint8_array(migration ? migration_json(*migration) : std::string());
}

val migration_csv_bytes() {
  const std::optional<Migration>& migration = comparison().migration;
  return to_uint8_array(migration ? migration_csv(*migration) : std::string());
}

}  // namespace

EMSCRIPTEN_BINDINGS(tierlens_comparison) {
  emscripten::function("beginEarlierRun", &begin_earlier_run);
  emscripten::function("beginEarlierCustomerTable", &begin_earlier_customer_table);
  emscripten::function("beginSavedRun", &begin_saved_run);
  emscripten::function("feedEarlierRun", &feed_earlier_run);
  emscripten::function("finishEarlierRun", &finish_earlier_run);
  emscripten::function("compareWithEarlier", &compare_with_earlier);
  emscripten::function("migrationJson", &migration_json_bytes);
  emscripten::function("migrationCsv", &migration_csv_bytes);
}
