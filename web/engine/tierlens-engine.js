// The friendly JavaScript face of the TierLens WebAssembly module.
//
// The Embind layer (wasm/bindings.cpp) exposes a handful of coarse calls that answer a JSON
// status; this file turns a bad status into a thrown Error and parses the payloads, so callers
// (the page's worker, the Node tests) never see the raw module. It runs unchanged in a module
// worker and under Node: the wasm bytes are either given (Node) or fetched next to the glue.

import createTierLensModule from '../dist/tierlens.mjs';

/** An error the core reported: `code` is the stable machine-readable code. */
export class TierLensError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'TierLensError';
    this.code = code;
  }
}

/**
 * Loads and instantiates the module.
 * @param {{wasmBinary?: Uint8Array, wasmUrl?: URL|string}} [source] Node passes the bytes;
 *   the browser fetches `dist/tierlens.wasm` (streaming compilation) unless told otherwise.
 * @returns {Promise<TierLensEngine>}
 */
export async function loadEngine(source = {}) {
  const wasmUrl = source.wasmUrl ?? new URL('../dist/tierlens.wasm', import.meta.url);
  let failInstantiation;
  const instantiationFailed = new Promise((_, reject) => { failInstantiation = reject; });
  const module = await Promise.race([instantiationFailed, createTierLensModule({
    // Our own instantiation, so the glue's environment guessing (which misreads module workers
    // and Node 20's fetch) is never used.
    instantiateWasm(imports, onInstantiated) {
      const instantiation = source.wasmBinary
        ? WebAssembly.instantiate(source.wasmBinary, imports)
        : WebAssembly.instantiateStreaming(fetch(wasmUrl), imports);
      instantiation.then((result) => onInstantiated(result.instance, result.module), failInstantiation);
      return {};
    },
  })]);
  return new TierLensEngine(module);
}

function unwrap(statusJson) {
  const status = JSON.parse(statusJson);
  if (!status.ok) throw new TierLensError(status.code, status.message);
  return status;
}

export class TierLensEngine {
  constructor(module) {
    this.module = module;
  }

  /** The built-in presets: `[{id, name, description}]`, in the order the page offers them. */
  presets() {
    return JSON.parse(this.module.presetList());
  }

  /** The policy object of preset `id` (e.g. `rfm_segments`, `rfm_classes`). */
  presetPolicy(id) {
    return unwrap(this.module.presetPolicy(id)).policy;
  }

  /**
   * Checks a policy without running it. Throws a TierLensError (`invalid_options`, the
   * message names the offending path) or answers the policy in its canonical form: every
   * default filled in, keys in a fixed order; what "export" should save.
   * @param {object|string} policy the policy object or its JSON text; see core/POLICY.md
   */
  checkPolicy(policy) {
    return unwrap(this.module.checkPolicy(policyText(policy))).policy;
  }

  /**
   * Starts reading a new orders file; forgets any earlier result.
   * @param {string} fileName shown in messages and the summary
   * @param {object|string|null} policy see core/POLICY.md; null runs the `rfm_segments` preset
   * @param {{encoding?: string, dateOrder?: string, headerRow?: number|null}} [input] how to
   *   read the file: encoding utf-8 | gb18030 | utf-16le | utf-16be, dateOrder day_first |
   *   month_first, headerRow the row of the column names; '' or null detects it; sheet
   *   the workbook sheet to read (an .xlsx), by name; '' or null: the first; tables the
   *   files of the run: 'orders' (the default), 'orders_and_customers' (then feed the
   *   orders, call beginCustomerTable() and feed the customers table) or 'customers' (call
   *   beginCustomerTable() at once; fileName is then ''); keepOrderLog true keeps each
   *   customer's orders for customerHistory() (not part of the policy; outputs unchanged);
   *   fileBytes the orders file's size, when known: the engine sizes its tables once for it
   */
  begin(fileName, policy = null, input = {}) {
    unwrap(this.module.beginIngest(fileName, policy === null ? '' : policyText(policy), inputText(input)));
  }

  /**
   * Ends the orders file and starts the customers table (one row per customer, joined on the
   * customer id); feed() then reads it. Only in a run begun with `tables` saying so.
   * @param {string} fileName
   * @param {{encoding?: string, headerRow?: number|null, sheet?: string}} [input]
   */
  beginCustomerTable(fileName, input = {}) {
    unwrap(this.module.beginCustomerTable(fileName, inputText(input)));
  }

  /**
   * How a file would be read, before anything is computed: the page's mapping step.
   * @param {string} fileName
   * @param {Uint8Array} head the file's first 64 KiB (all of it when smaller), or the whole
   *   file when it is a workbook (it starts with the zip signature `PK\x03\x04`)
   * @param {object} input as for begin(), and `table`: 'orders' (the default) or 'customers'
   *   to preview the file as a customers table (one role: the customer id)
   * @param {object|string|null} policy its columns and attributes are applied as a run would
   * @returns {{input: object, header: string[], rows: string[][], roles: Array<{field:
   *   string, column: string|null, source: 'named'|'guessed'|'none', required: boolean}>,
   *   attributes: Array<object>, problem: string|null}} `input` as in the summary; `roles`
   *   one per column role (customer_id, order_id, date, amount, quantity, unit_price);
   *   `attributes` the customer name, then the fields the policy uses; `problem` what would
   *   stop a run with these columns. Throws when the file cannot be read at all.
   */
  inspect(fileName, head, input = {}, policy = null) {
    return unwrap(this.module.inspectFile(fileName, head, inputText(input),
      policy === null ? '' : policyText(policy))).preview;
  }

  /** Feeds the next chunk of the file's bytes; chunks may cut records anywhere. */
  feed(bytes) {
    unwrap(this.module.feedChunk(this.#copyIn(bytes)));
  }

  /**
   * Has the engine write once into `bytes` of its memory and free them, so that reading a
   * file later reuses those pages rather than waiting for the system to provide each
   * (bench/RESULTS.md). The page keeps them: call it once, with what a typical file needs.
   */
  prepareMemory(bytes) {
    this.module.prepareMemory(bytes);
  }

  /** Copies `bytes` into the engine's chunk buffer (one memcpy); answers their length. */
  #copyIn(bytes) {
    this.module.chunkBuffer(bytes.length).set(bytes);
    return bytes.length;
  }

  /** Ends the file and classifies every customer; answers the summary object. */
  finish() {
    unwrap(this.module.finishAndClassify());
    return JSON.parse(this.module.summaryJson());
  }

  /**
   * Classifies the customers already read under another policy, without reading the file
   * again. Answers the new summary, or null when the policy changes what must be read from
   * the file (columns, attributes, analysis date): then begin/feed/finish again.
   * Throws on an invalid policy (the earlier result stays).
   */
  reclassify(policy) {
    const status = unwrap(this.module.reclassify(policyText(policy)));
    return status.reclassified ? JSON.parse(this.module.summaryJson()) : null;
  }

  /** The summary exactly as the CLI writes `summary.json`. */
  summaryJson() {
    return this.module.summaryJson();
  }

  /**
   * The dashboard's figures exactly as the CLI writes `dashboard.json` (format in
   * core/src/dashboard_json.cpp): the RFM grid, the Lorenz curve and ABC cuts, the R/F/M
   * histograms, the breakdowns by attribute and the tiers' segments; "null" before a result.
   */
  dashboardJson() {
    const text = this.module.dashboardJson();
    if (text.startsWith('{"ok":false')) unwrap(text);
    return text;
  }

  /**
   * One page of the classified customers, as columns.
   * @param {number} offset first row of the page, in the chosen order
   * @param {number} count rows wanted (fewer come back at the end)
   * @param {string} sortKey customer_id | customer_name | first_order | last_order | recency |
   *   frequency | monetary | r_score | f_score | m_score | fm_score | segment | tier | p_alive |
   *   expected_purchases | expected_spend | clv | historical_clv | label:<dimension id> (labels
   *   in the dimension's order; customers without a CLV figure or a name sort last)
   * @param {boolean} descending
   * @returns {{total:number, index:Uint32Array, customer_id:string[], customer_name:string[],
   *   first_order:string[], last_order:string[], recency:Int32Array, frequency:Int32Array,
   *   monetary:Float64Array, r_score:Uint8Array, f_score:Uint8Array, m_score:Uint8Array,
   *   fm_score:Uint8Array, cell:string[], segment:string[], labels:Uint32Array[],
   *   tier:Int32Array, clv: null|{p_alive, expected_purchases, expected_spend, clv,
   *   historical_clv}}} `labels[d][row]` indexes `summary.dimensions[d].labels`; `tier[row]`
   *   indexes `summary.tiers` (−1 when the policy has no tiers); `clv` is null unless the
   *   policy uses CLV, else Float64Arrays with NaN where a customer has no figure.
   *   `total` counts the rows of the view (the filter's customers), `customers` the whole
   *   result; `has_names` says whether the file has a customer name column.
   * @param {{tier?: string, labels?: Object<string, string>, segment?: string, search?: string}|null} [filter]
   *   only the customers of that tier, with those labels (dimension id → label), of that RFM
   *   segment (its engine name), whose id or name contains `search` (ASCII letters in either
   *   case); all must hold. Throws a TierLensError (`invalid_options`) when it names a tier,
   *   dimension, label or segment the result has not.
   */
  customers(offset, count, sortKey = 'customer_id', descending = false, filter = null) {
    const page = this.module.customerPage(offset, count, sortKey, descending, filter ? JSON.stringify(filter) : '');
    if (page.ok === false) throw new TierLensError(page.code, page.message);
    return page;
  }

  /**
   * The customers of a `clusters` dimension for a scatter plot: all of them, or a fixed sample
   * of `maxPoints` when there are more.
   * @param {number} dimensionIndex index into the summary's `dimensions`
   * @param {number} maxPoints
   * @returns {null|{features: string[], total: number, customer: Uint32Array, cluster:
   *   Uint32Array, values: Float64Array, projection: Float64Array}} null when that dimension
   *   is not a clusters dimension; `total` customers were clustered; `cluster[p]` indexes the
   *   dimension's labels; `values` is points × features as read (days, orders, money);
   *   `projection` points × 2 on the first two principal axes of the standardised features
   */
  clusterPoints(dimensionIndex, maxPoints) {
    return this.module.clusterPoints(dimensionIndex, maxPoints);
  }

  /**
   * One page of the skipped rows, in file order (the orders' first, then the customers
   * table's); `file` names each row's file.
   * @returns {{total:number, file:string[], row:Uint32Array, line:Uint32Array, column:string[],
   *   reason:string[], detail:string[], raw:string[]}}
   */
  skipped(offset, count) {
    return this.module.skippedPage(offset, count);
  }

  /** Why customer `index` (the `index` column of a page) got its scores, labels and tier. */
  explain(index) {
    return unwrap(this.module.explainCustomer(index)).explanation;
  }

  /**
   * What a profile card shows besides explain(): `{attributes: [{field, header, value}],
   * metrics: {recency, frequency, monetary, average_order_value, tenure, r_score, f_score,
   * m_score, fm_score, clv, historical_clv, p_alive, expected_purchases, expected_spend}}`;
   * `attributes` every attribute column the run read (the name apart), a metric null where the
   * customer has none (CLV figures without CLV in the policy).
   */
  customerProfile(index) {
    return unwrap(this.module.customerProfile(index)).profile;
  }

  /**
   * Customer `index`'s orders by day, oldest first: `{kept, day: Int32Array (days since
   * 1970-01-01), purchases: Float64Array, returns: Float64Array}` in currency units, returns
   * as positive amounts; `kept` is false (and the arrays empty) unless the run was begun with
   * keepOrderLog or its policy uses CLV. Null for an index with no customer.
   */
  customerHistory(index) {
    return this.module.customerHistory(index);
  }

  /** customers.csv, byte for byte as the CLI writes it (UTF-8 with BOM). */
  customersCsv() {
    return this.module.customersCsv();
  }

  /** skipped.csv, byte for byte as the CLI writes it (UTF-8 with BOM). */
  skippedCsv() {
    return this.module.skippedCsv();
  }

  /**
   * customers.xlsx, byte for byte as the CLI writes it: the Customers, Segments, Tiers,
   * Dimensions and Skipped rows sheets (see customers_xlsx in core/include/tierlens/reports.h).
   * Throws a TierLensError when the workbook cannot be made (out of memory).
   */
  customersXlsx() {
    const bytes = this.module.customersXlsx();
    if (typeof bytes === 'string') unwrap(bytes);
    return bytes;
  }

  /** The policy of the last result in its canonical form, as the CLI writes `policy.json`. */
  policyJson() {
    return this.module.policyJson();
  }

  /**
   * The policy of the last result compiled to one SQL script for `dialect` ('duckdb',
   * 'postgres' or 'spark'), as `tierlens sql --fit` on the file on screen prints it: the run's
   * columns, its CLV parameters and cluster centres applied. Throws a TierLensError when the
   * policy cannot be compiled.
   */
  policySql(dialect) {
    const text = this.module.policySql(dialect);
    if (text.startsWith('{')) unwrap(text);
    return text;
  }

  // --- Comparing runs (客户迁移): the result on screen with an earlier run, read apart ---

  /**
   * Starts reading the earlier run a comparison needs, without touching the result on screen:
   * orders (and a customers table) under a policy, as begin() and beginCustomerTable() take
   * them; then feedEarlier() and finishEarlier(). Forgets any earlier run and comparison.
   */
  beginEarlier(fileName, policy = null, input = {}) {
    unwrap(this.module.beginEarlierRun(fileName, policy === null ? '' : policyText(policy), inputText(input)));
  }

  beginEarlierCustomerTable(fileName, input = {}) {
    unwrap(this.module.beginEarlierCustomerTable(fileName, inputText(input)));
  }

  /**
   * Starts reading a customers.csv saved earlier by TierLens as the earlier run (its ids and
   * label columns; see core/include/tierlens/saved_customers.h); then feedEarlier(),
   * finishEarlier().
   */
  beginSavedEarlier(fileName) {
    unwrap(this.module.beginSavedRun(fileName));
  }

  /** The earlier run's next bytes, cut anywhere. */
  feedEarlier(bytes) {
    unwrap(this.module.feedEarlierRun(this.#copyIn(bytes)));
  }

  /** Ends the earlier run's file (and classifies its orders). */
  finishEarlier() {
    unwrap(this.module.finishEarlierRun());
  }

  /**
   * How customers moved from the earlier run to the result on screen, on `field` ('tier',
   * 'segment' or a dimension id). Keeps the comparison for migrationJson()/migrationCsv().
   * @param {string} field
   * @param {number} listLimit how many customers moved up (and down) to list
   * @returns {{field: string, labels: string[], matrix: number[][], counts: {same: number,
   *   up: number, down: number, new: number, gone: number}, up: {total: number, moves:
   *   Array<{customer_id: string, before: string, after: string, index: number}>}, down:
   *   object}} `labels` best first; `matrix` (labels + 1)², rows the label before (last: new
   *   customers), columns the label after (last: gone ones), as in migration.json; `index` the
   *   customer's in the result on screen
   */
  compare(field, listLimit) {
    return unwrap(this.module.compareWithEarlier(field, listLimit)).migration;
  }

  /** migration.json of the last comparison, byte for byte as `tierlens compare` writes it. */
  migrationJson() {
    return nonEmpty(this.module.migrationJson());
  }

  /** migration.csv of the last comparison (UTF-8 with BOM), as `tierlens compare` writes it. */
  migrationCsv() {
    return nonEmpty(this.module.migrationCsv());
  }

  /** The built-in sample orders file, generated by the core (deterministic). */
  sampleOrdersCsv() {
    return this.module.sampleOrdersCsv();
  }
}

/** The reading options as the core takes them; '' or null leaves each to detection. */
function inputText({ encoding = '', dateOrder = '', headerRow = null, sheet = '', tables = 'orders', table = 'orders', keepOrderLog = false, fileBytes = null } = {}) {
  return JSON.stringify({ encoding, date_order: dateOrder, header_row: headerRow, sheet: sheet ?? '', tables, table, keep_order_log: keepOrderLog, file_bytes: fileBytes });
}

/** A download of the last comparison: there is none before compare() succeeded. */
function nonEmpty(bytes) {
  if (bytes.length === 0) throw new TierLensError('invalid_state', 'there is no comparison of runs yet');
  return bytes;
}

function policyText(policy) {
  return typeof policy === 'string' ? policy : JSON.stringify(policy);
}
