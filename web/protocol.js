// The one message protocol between the page (worker-client.js) and its worker (worker.js).
//
// Every request carries an `id`; the worker answers it with exactly one OK or ERROR message
// with the same id, and may send PROGRESS messages for it before that. Errors cross as plain
// `{name, code, message}` objects because Error instances lose their fields in structured
// cloning.

/** The name the built-in sample orders go by, in the summary and when downloaded. */
export const SAMPLE_FILE_NAME = 'tierlens-sample-orders.csv';

/** What the page can ask the worker to do. */
export const Request = Object.freeze({
  /**
   * `{file: File, policy, encoding, dateOrder, headerRow, sheet}` → what the file looks like,
   * before anything is computed: `{input, header, rows, roles, attributes, problem}` (see
   * TierLensEngine#inspect), for the mapping step. Reads the first 64 KiB of a text file, and
   * a workbook (a zip archive) whole. The reading options and `policy` as for CLASSIFY_FILE.
   */
  INSPECT_FILE: 'inspect-file',
  /**
   * `{file: File, policy, encoding, dateOrder, headerRow, sheet}` → the summary object. Reads
   * the file in chunks, with progress. `policy` is a policy object (core/POLICY.md), or null
   * for the engine's default preset; `encoding` is utf-8 | gb18030 | utf-16le | utf-16be,
   * `dateOrder` day_first | month_first ('' detects either), `headerRow` a row number or null,
   * `sheet` the name of a workbook's sheet (''/null: the first).
   * The worker keeps the File, to read it again when a later policy needs that.
   */
  CLASSIFY_FILE: 'classify-file',
  /**
   * `{policy}` → the summary object, for the built-in sample orders. With progress. The
   * policy's `columns` and `attributes` are left out: they name the user's columns, and the
   * sample's are TierLens's own.
   */
  CLASSIFY_SAMPLE: 'classify-sample',
  /**
   * `{policy}` → `{summary, reread}`: the last input classified again under `policy`. Without
   * reading the input again when the engine can (`reread: false`), else the worker reads the
   * File or sample it kept, with progress, as CLASSIFY_FILE does (`reread: true`).
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
  /** `{offset, count, sortKey, descending}` → one customers page (columns). */
  CUSTOMERS_PAGE: 'customers-page',
  /** `{offset, count}` → one skipped-rows page (columns). */
  SKIPPED_PAGE: 'skipped-page',
  /** `{index}` → the explanation object of one customer. */
  EXPLAIN: 'explain',
  /** `{}` → `{bytes: Uint8Array}`, customers.csv; the buffer is transferred. */
  CUSTOMERS_CSV: 'customers-csv',
  /** `{}` → `{bytes: Uint8Array}`, skipped.csv; the buffer is transferred. */
  SKIPPED_CSV: 'skipped-csv',
  /** `{}` → `{bytes: Uint8Array}`, the sample orders CSV; the buffer is transferred. */
  SAMPLE_CSV: 'sample-csv',
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
