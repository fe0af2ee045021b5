// The one message protocol between the page (worker-client.js) and its worker (worker.js).
//
// Every request carries an `id`; the worker answers it with exactly one OK or ERROR message
// with the same id, and may send PROGRESS messages for it before that. Errors cross as plain
// `{name, code, message}` objects because Error instances lose their fields in structured
// cloning.

/** The name the built-in sample orders go by, in the summary and when downloaded. */
export const SAMPLE_FILE_NAME = 'tierlens-sample-orders.csv';

/** The tables a run reads (PRODUCT.md §3): what each of the user's files can be. */
export const Table = Object.freeze({
  /** Orders or transactions: a customer id, a date and an amount per row. */
  ORDERS: 'orders',
  /** A customers table: one row per customer and its attributes. */
  CUSTOMERS: 'customers',
});

/** The most files one run reads: an orders file and a customers table. */
export const MAX_FILES = 2;

/** What the page can ask the worker to do. */
export const Request = Object.freeze({
  /**
   * `{files: [{file: File, role, reading}], policy}` → `[{role, inspection, error}]`, one per
   * file in the order given: what the files of one run look like, before anything is
   * computed, for the mapping step. One or two files; `role` is a `Table`, or null to have the
   * worker tell which file is which (see table-roles.js). `reading` is `{encoding, dateOrder,
   * headerRow, sheet}`: `encoding` utf-8 | gb18030 | utf-16le | utf-16be, `dateOrder`
   * day_first | month_first ('' detects either), `headerRow` a row number or null, `sheet` the
   * name of a workbook's sheet (''/null: the first). `inspection` is
   * `{table, input, header, rows, roles, attributes, problem}` (see TierLensEngine#inspect),
   * or null when the file cannot be read that way, and then `error` says why. Reads the first
   * 64 KiB of a text file, and a workbook (a zip archive) whole. `policy` as for CLASSIFY_FILES.
   */
  INSPECT_FILES: 'inspect-files',
  /**
   * `{orders: {file: File, ...reading}|null, customers: {file: File, ...reading}|null, policy}`
   * → the summary object: the orders file, the customers table (one row per customer, joined
   * on the customer id), or both. Reads the files in chunks, with progress over the bytes of
   * both. `policy` is a policy object (core/POLICY.md), or null for the engine's default
   * preset; the reading options as for INSPECT_FILES (a customers table has no date order).
   * The worker keeps the Files, to read them again when a later policy needs that.
   */
  CLASSIFY_FILES: 'classify-files',
  /** `{file: File, policy, ...reading}`: CLASSIFY_FILES for an orders file alone. */
  CLASSIFY_FILE: 'classify-file',
  /**
   * `{policy}` → the summary object, for the built-in sample orders. With progress. The
   * policy's `columns`, `customer_table` and `attributes` are left out: they name the user's
   * columns, and the sample's are TierLens's own.
   */
  CLASSIFY_SAMPLE: 'classify-sample',
  /**
   * `{policy}` → `{summary, reread}`: the last input classified again under `policy`. Without
   * reading the input again when the engine can (`reread: false`), else the worker reads the
   * Files or sample it kept, with progress, as CLASSIFY_FILES does (`reread: true`).
   */
  RECLASSIFY: 'reclassify',
  /** `{}` → `[{id, name, description}]`, the built-in policies. */
  PRESETS: 'presets',
  /** `{presetId}` → the policy object of that preset. (Not `id`: that is the request's.) */
  PRESET_POLICY: 'preset-policy',
  /**
   * `{policy}` → the policy in its canonical form, or an error with code `invalid_options`
   * whose message names the offending path.
   */
  CHECK_POLICY: 'check-policy',
  /**
   * `{offset, count, sortKey, descending, filter}` → one customers page (columns); its `clv` is
   * null, or columns of the CLV figures when the policy uses CLV. `filter` (optional) keeps
   * only some customers: `{tier, labels: {dimension id: label}, segment, search}` (see
   * TierLensEngine#customers); the page's `total` counts them. The typed arrays are transferred.
   */
  CUSTOMERS_PAGE: 'customers-page',
  /**
   * `{dimensionIndex, maxPoints}` → null, or the points of the `clusters` dimension at that
   * index of the summary's `dimensions` for the scatter: `{features, total, customer, cluster,
   * values, projection}` (see TierLensEngine#clusterPoints), at most `maxPoints` of them. The
   * typed arrays are transferred.
   */
  CLUSTER_POINTS: 'cluster-points',
  /** `{offset, count}` → one skipped-rows page (columns). */
  SKIPPED_PAGE: 'skipped-page',
  /** `{index}` → the explanation object of one customer. */
  EXPLAIN: 'explain',
  /**
   * `{index}` → `{explanation, profile, history}` for the profile card: the explanation as
   * for EXPLAIN, the attributes and metrics (TierLensEngine#customerProfile), and the orders
   * by day (TierLensEngine#customerHistory; its typed arrays are transferred).
   */
  CUSTOMER_PROFILE: 'customer-profile',
  /** `{}` → `{bytes: Uint8Array}`, customers.csv; the buffer is transferred. */
  CUSTOMERS_CSV: 'customers-csv',
  /** `{}` → `{bytes: Uint8Array}`, skipped.csv; the buffer is transferred. */
  SKIPPED_CSV: 'skipped-csv',
  /**
   * `{}` → `{bytes: Uint8Array}`, customers.xlsx (customers, segments, tiers, dimensions and
   * skipped rows as sheets); the buffer is transferred.
   */
  CUSTOMERS_XLSX: 'customers-xlsx',
  /** `{}` → `{bytes: Uint8Array}`, summary.json as the CLI writes it; the buffer is transferred. */
  SUMMARY_JSON: 'summary-json',
  /**
   * `{}` → the dashboard object: dashboard.json as the CLI writes it, parsed (see
   * TierLensEngine#dashboardJson), for the dashboard's charts.
   */
  DASHBOARD: 'dashboard',
  /**
   * `{}` → `{bytes: Uint8Array}`, policy.json: the policy of the result on screen in its
   * canonical form, as the CLI writes it; the buffer is transferred.
   */
  POLICY_JSON: 'policy-json',
  /**
   * `{dialect}` → `{bytes: Uint8Array}`, the policy of the result on screen as one SQL script
   * for 'duckdb', 'postgres' or 'spark' (TierLensEngine#policySql); the buffer is transferred.
   */
  POLICY_SQL: 'policy-sql',
  /** `{}` → `{bytes: Uint8Array}`, the sample orders CSV; the buffer is transferred. */
  SAMPLE_CSV: 'sample-csv',
  /**
   * `{earlier, field}` → how customers moved from an earlier run to the result on screen (客户迁移),
   * as TierLensEngine#compare answers it. `earlier` is one of `{kind: 'as_of', asOf:
   * 'YYYY-MM-DD'}` (the input on screen read again as of that date), `{kind: 'files', orders:
   * {file}, customers: {file}|null}` (other orders; without a customers table, the one on
   * screen's, if it has one) — both classified under the policy of the result on screen — or
   * `{kind: 'saved', file}` (a customers.csv saved earlier by TierLens). `field` is 'tier',
   * 'segment' or a dimension id. With progress while the earlier run is read; the earlier run
   * is kept, and asked again with the same input and policy it is not read again.
   */
  COMPARE: 'compare',
  /** `{}` → `{bytes: Uint8Array}`, migration.json of the last COMPARE as the CLI writes it. */
  MIGRATION_JSON: 'migration-json',
  /** `{}` → `{bytes: Uint8Array}`, migration.csv of the last COMPARE as the CLI writes it. */
  MIGRATION_CSV: 'migration-csv',
});

/** What the worker sends back. */
export const Response = Object.freeze({
  /** `{type, id, result}`: the request succeeded. */
  OK: 'ok',
  /** `{type, id, error: {name, code, message}}`: the request failed. */
  ERROR: 'error',
  /** `{type, id, loaded, total}`: bytes of the input read so far. */
  PROGRESS: 'progress',
});

/** Codes of errors made by the page or worker itself (the engine brings its own codes). */
export const ErrorCode = Object.freeze({
  CANCELLED: 'cancelled',
  /** The engine's code for a policy it refuses (the message names the path). */
  INVALID_POLICY: 'invalid_options',
  NO_RESULT: 'no_result',
  UNKNOWN_REQUEST: 'unknown_request',
  WORKER_FAILED: 'worker_failed',
  INTERNAL: 'internal',
});

/**
 * An error that crossed the worker boundary, rebuilt as a real Error on the page's side.
 * `message` is meant for the user as it is (the engine's messages name file, row and column).
 */
export class WorkerRequestError extends Error {
  constructor({ name = 'Error', code = ErrorCode.INTERNAL, message = '' }) {
    super(message);
    this.name = name;
    this.code = code;
  }

  get cancelled() {
    return this.code === ErrorCode.CANCELLED;
  }
}

/** Turns anything thrown into the wire shape `{name, code, message}`. */
export function toWireError(thrown) {
  if (thrown instanceof Error) {
    return {
      name: thrown.name,
      code: typeof thrown.code === 'string' ? thrown.code : ErrorCode.INTERNAL,
      message: thrown.message,
    };
  }
  return { name: 'Error', code: ErrorCode.INTERNAL, message: String(thrown) };
}
