// TierLens as an ES module, for an intranet portal that wants the classification without the
// page: `classify(files, policy)` reads the files in a Web Worker (the page's own worker and
// wasm engine) and answers a small result object to read the classification from.
//
//   import { classify } from '/tierlens/embed/tierlens.js';
//   const result = await classify(fileInput.files, 'rfm_classes');
//   console.log(result.summary.tiers);               // as the CLI's summary.json
//   const rows = await result.customerRows(0, 50, 'monetary', true);
//   const csv = await result.customersCsv();          // as the CLI's customers.csv
//   result.dispose();
//
// The module must be served from the portal's own origin (a worker cannot be started from
// another), next to the rest of web/: it imports ../worker-client.js, which starts
// ../worker.js, which loads ../dist/tierlens.wasm. Nothing leaves the browser.
//
// Errors are `Error`s with a `code`: the engine's stable codes (`invalid_options` for a policy
// it refuses, with the path of the mistake in the message; the reader's codes for a file it
// cannot read, naming file, row and column), `worker_failed`, or `disposed`. A cancelled call
// rejects with its AbortSignal's reason.

import { Request, SAMPLE_FILE_NAME, Table } from '../protocol.js';
import { WorkerClient } from '../worker-client.js';
import { customerRows } from './customer-rows.js';

/**
 * How the files are read; every field may be left out for the engine to detect.
 * @typedef {{encoding?: 'utf-8'|'gb18030'|'utf-16le'|'utf-16be', dateOrder?: 'day_first'|
 *   'month_first', headerRow?: number, sheet?: string}} Reading
 */

/**
 * @typedef {object} ClassifyOptions
 * @property {(loaded: number, total: number) => void} [onProgress] bytes read so far
 * @property {AbortSignal} [signal] aborting stops the worker at once
 * @property {Reading} [reading] applies to every file
 */

/**
 * Classifies an orders file, a customers table, or one of each.
 * @param {Blob|File|FileList|Array<Blob|File>|{orders?: Blob|File, customers?: Blob|File}} files
 *   one or two files, told apart from their first rows as the page does (a single file may be a
 *   customers table read alone), or `{orders, customers}` to say which is which. A Blob without
 *   a name is called orders.csv (customers.csv for the customers table).
 * @param {object|string|null} [policy] a policy object (core/POLICY.md), its JSON text, or a
 *   preset id (`rfm_segments`, `rfm_classes`, `abc_pareto` …; see presets()); null: the default
 *   preset, `rfm_segments`. Columns it does not name are guessed from the headers and values.
 * @param {ClassifyOptions} [options]
 * @returns {Promise<TierLensResult>}
 */
export function classify(files, policy = null, options = {}) {
  return run(options, async (client, onProgress) => {
    const policyObject = await resolvePolicy(client, policy);
    const tables = await tablesOf(client, files, policyObject, options.reading ?? {});
    return client.request(Request.CLASSIFY_FILES, { ...tables, policy: policyObject }, { onProgress });
  });
}

/**
 * Classifies the built-in sample (420 B2B customers, three rows deliberately broken).
 * @param {object|string|null} [policy] as for classify()
 * @param {ClassifyOptions} [options]
 * @returns {Promise<TierLensResult>}
 */
export function classifySample(policy = null, options = {}) {
  return run(options, async (client, onProgress) =>
    client.request(Request.CLASSIFY_SAMPLE, { policy: await resolvePolicy(client, policy) }, { onProgress }));
}

/** The built-in policies, in the order the page offers them. @returns {Promise<Array<{id: string, name: string, description: string}>>} */
export function presets() {
  return once((client) => client.request(Request.PRESETS));
}

/** The policy object of a preset, to start your own from. @returns {Promise<object>} */
export function presetPolicy(id) {
  return once((client) => client.request(Request.PRESET_POLICY, { presetId: id }));
}

/** The name the sample goes by in its summary. */
export { SAMPLE_FILE_NAME };

/**
 * One classification, held by its own worker until dispose(). Pages, CSVs and explanations
 * are fetched from the worker on demand, so a million customers cost nothing until read.
 */
export class TierLensResult {
  /** @type {WorkerClient|null} */
  #client;

  /** @param {WorkerClient} client @param {object} summary */
  constructor(client, summary) {
    this.#client = client;
    /** The summary, parsed: what the CLI writes as summary.json (segments, dimensions with
     *  their labels, tiers with their rules and strategies, rows used and skipped …). */
    this.summary = summary;
  }

  /**
   * One page of customers, as columns (see TierLensEngine#customers in engine/tierlens-engine.js:
   * `{total, index, customer_id[], segment[], monetary: Float64Array, labels, tier, …}`).
   * @param {number} [offset] @param {number} [count]
   * @param {string} [sortKey] customer_id | recency | frequency | monetary | segment | tier | clv …
   * @param {boolean} [descending]
   * @param {{tier?: string, labels?: Object<string, string>, segment?: string, search?: string}|null} [filter]
   *   only the customers of a tier, with labels (dimension id → label), of an RFM segment, or
   *   whose id or name contains `search`; `total` then counts them
   */
  customers(offset = 0, count = 100, sortKey = 'customer_id', descending = false, filter = null) {
    return this.#request(Request.CUSTOMERS_PAGE, { offset, count, sortKey, descending, filter });
  }

  /**
   * The same page as objects: `{index, customer_id, customer_name, first_order, last_order,
   * recency, frequency, monetary, r_score, f_score, m_score, fm_score, segment, tier, labels:
   * {dimension id: label}, clv?}`; `tier` is the tier's name (null without tiers).
   */
  async customerRows(offset = 0, count = 100, sortKey = 'customer_id', descending = false, filter = null) {
    return customerRows(await this.customers(offset, count, sortKey, descending, filter), this.summary);
  }

  /** One page of the skipped rows: `{total, file[], row, line, column[], reason[], detail[], raw[]}`. */
  skipped(offset = 0, count = 100) {
    return this.#request(Request.SKIPPED_PAGE, { offset, count });
  }

  /** Why customer `index` (a page's `index`) got its scores, labels and tier. */
  explain(index) {
    return this.#request(Request.EXPLAIN, { index });
  }

  /**
   * Customer `index`'s orders by day, for a timeline: `{kept, day: Int32Array (days since
   * 1970-01-01), purchases: Float64Array, returns: Float64Array}` in currency units.
   */
  async history(index) {
    return (await this.#request(Request.CUSTOMER_PROFILE, { index })).history;
  }

  /** customers.csv as the CLI writes it (UTF-8 with BOM). @returns {Promise<Uint8Array>} */
  async customersCsv() {
    return (await this.#request(Request.CUSTOMERS_CSV)).bytes;
  }

  /** skipped.csv as the CLI writes it. @returns {Promise<Uint8Array>} */
  async skippedCsv() {
    return (await this.#request(Request.SKIPPED_CSV)).bytes;
  }

  /**
   * The same input under another policy (read again only when the policy changes what is read:
   * columns, analysis date). Answers the new summary, which also becomes `this.summary`; on an
   * invalid policy it throws and the result stays as it was.
   * @param {object|string} policy as for classify()
   */
  async reclassify(policy) {
    const client = this.#live();
    const { summary } = await client.request(Request.RECLASSIFY, { policy: await resolvePolicy(client, policy) });
    this.summary = summary;
    return summary;
  }

  /** Stops the worker and frees its memory; later calls reject with code `disposed`. */
  dispose() {
    this.#client?.cancel();
    this.#client = null;
  }

  #request(type, payload) {
    return this.#live().request(type, payload);
  }

  #live() {
    if (!this.#client) throw Object.assign(new Error('This TierLens result was disposed.'), { code: 'disposed' });
    return this.#client;
  }
}

/**
 * Runs `work` on a fresh worker; the worker becomes the result's, or is stopped on failure.
 * Aborting stops the worker under a request, and refuses every later one.
 */
async function run({ signal, onProgress } = {}, work) {
  signal?.throwIfAborted();
  const client = new WorkerClient();
  const abort = () => client.cancel();
  signal?.addEventListener('abort', abort, { once: true });
  const guarded = {
    request(...args) {
      signal?.throwIfAborted();
      return client.request(...args);
    },
  };
  try {
    const summary = await work(guarded, onProgress);
    signal?.throwIfAborted();
    return new TierLensResult(client, summary);
  } catch (error) {
    client.cancel();
    throw signal?.aborted ? signal.reason : error;
  } finally {
    signal?.removeEventListener('abort', abort);
  }
}

/** One request on a worker of its own, stopped afterwards. */
async function once(ask) {
  const client = new WorkerClient();
  try {
    return await ask(client);
  } finally {
    client.cancel();
  }
}

/** A policy object, its JSON text or a preset id, as the object the worker takes (or null). */
async function resolvePolicy(client, policy) {
  if (policy === null || policy === undefined) return null;
  if (typeof policy !== 'string') return policy;
  const text = policy.trim();
  if (!text.startsWith('{')) return client.request(Request.PRESET_POLICY, { presetId: text });
  try {
    return JSON.parse(text);
  } catch (error) {
    throw Object.assign(new Error(`The policy is not valid JSON: ${error.message}`), { code: 'invalid_options' });
  }
}

/** CLASSIFY_FILES's `{orders, customers}`: given, or told from the files' first rows. */
async function tablesOf(client, files, policy, reading) {
  const named = (blob, name) => (blob instanceof File ? blob : new File([blob], name, { type: blob.type }));
  const part = (blob, name) => (blob ? { file: named(blob, name), ...reading } : null);
  if (files && !(files instanceof Blob) && !isList(files)) {
    if (!files.orders && !files.customers) throw new TypeError('classify: no file given');
    return { orders: part(files.orders, 'orders.csv'), customers: part(files.customers, 'customers.csv') };
  }
  const list = files instanceof Blob ? [files] : Array.from(files ?? []);
  if (list.length < 1 || list.length > 2) throw new TypeError(`classify: expected one or two files, got ${list.length}`);
  const entries = list.map((blob, i) => ({ file: named(blob, i === 0 ? 'orders.csv' : 'customers.csv'), role: null, reading }));
  // A file that cannot be read keeps the table it was tried as; classifying it then fails
  // with the engine's own code and message.
  const tables = await client.request(Request.INSPECT_FILES, { files: entries, policy });
  const of = (table) => {
    const at = tables.findIndex(({ role }) => role === table);
    return at < 0 ? null : { file: entries[at].file, ...reading };
  };
  return { orders: of(Table.ORDERS), customers: of(Table.CUSTOMERS) };
}

const isList = (files) => Array.isArray(files) || (typeof FileList !== 'undefined' && files instanceof FileList);
