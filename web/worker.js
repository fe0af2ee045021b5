// The page's worker: owns the TierLens engine and answers the requests of protocol.js.
//
// Requests are served one at a time, in arrival order: reading a file awaits between chunks,
// and a page request slipping into that gap would see a half-read file.

import { readEarlierRun } from './earlier-run.js';
import { loadEngine } from './engine/tierlens-engine.js';
import { readFileInChunks } from './file-reading.js';
import { bytesToInspect } from './input-files.js';
import { ErrorCode, Request, Response, SAMPLE_FILE_NAME, toWireError } from './protocol.js';
import { inspectTables, tablesOf } from './table-roles.js';

/**
 * Orders files larger than this keep no order log (the profile card's timeline): at 16 bytes
 * per order row it would be the largest thing in memory (80 MB at 5 M rows), and writing it
 * took about a tenth of the reading time there (bench/RESULTS.md). The card then says why.
 */
const ORDER_LOG_MAX_BYTES = 256 * 1024 * 1024;
/**
 * Engine memory written once as the worker warms up, for a user's first file to reuse: what
 * a file of a million order rows grows the engine by (the first touch of each page of it took
 * 0.2 s there otherwise; bench/RESULTS.md). The page holds it from then on.
 */
const PREPARED_MEMORY_BYTES = 64 * 1024 * 1024;
/** How many customers moved up (and down) a comparison lists on the page. */
const MIGRATION_LIST_LIMIT = 100;

/** @type {Promise<import('./engine/tierlens-engine.js').TierLensEngine>|null} */
let enginePromise = null;
let hasResult = false;
/** Whether the last run read without an order log because its file is over ORDER_LOG_MAX_BYTES. */
let orderLogLeftOut = false;
/**
 * The input last classified, `{orders, customers, sample?}`, each `{blob, name, input}` or
 * null (a user's File, or the sample as a Blob; `input` how to read it), kept so that a policy
 * which changes what is read from the files (columns, analysis date) can be applied without
 * asking the page for them again. A File is a handle, not a copy.
 */
let lastSource = null;
let queue = Promise.resolve();

self.addEventListener('message', (event) => {
  const request = event.data;
  queue = queue.then(() => serve(request));
});

async function serve(request) {
  try {
    const handler = handlers[request.type];
    if (!handler) throw codedError(ErrorCode.UNKNOWN_REQUEST, `Unknown request type “${request.type}”.`);
    const { result, transfer } = await handler(request);
    self.postMessage({ type: Response.OK, id: request.id, result }, transfer);
  } catch (thrown) {
    self.postMessage({ type: Response.ERROR, id: request.id, error: toWireError(thrown) });
  }
}

const handlers = {
  async [Request.INSPECT_FILES]({ files, policy }) {
    const engine = await loadedEngine();
    const heads = await Promise.all(files.map(({ file }) => bytesToInspect(file)));
    const result = inspectTables(files.map(({ file, role, reading }, i) => ({
      name: file.name,
      role,
      inspect: (table, tablePolicy) => engine.inspect(file.name, heads[i], { ...readingOf(reading), table }, tablePolicy ?? null),
    })), policy ?? null);
    return { result, transfer: [] };
  },

  async [Request.CLASSIFY_FILES]({ id, orders, customers, policy }) {
    const source = { orders: orders ? fileSource(orders) : null, customers: customers ? fileSource(customers) : null };
    return { result: await classifySource(id, source, policy), transfer: [] };
  },

  async [Request.CLASSIFY_FILE]({ id, file, policy, ...reading }) {
    return handlers[Request.CLASSIFY_FILES]({ id, orders: { file, ...reading }, customers: null, policy });
  },

  async [Request.CLASSIFY_SAMPLE]({ id, policy }) {
    // As a Blob the sample takes the same chunked path as a user's file (and the Blob owns
    // its bytes, so heap growth while feeding cannot detach them).
    const sample = new Blob([(await loadedEngine()).sampleOrdersCsv()]);
    const source = { orders: { blob: sample, name: SAMPLE_FILE_NAME, input: {} }, customers: null, sample: true };
    return { result: await classifySource(id, source, policy), transfer: [] };
  },

  async [Request.RECLASSIFY]({ id, policy }) {
    const engine = await loadedEngine();
    // Throws on an invalid policy, and then the earlier result stays.
    const summary = hasResult ? engine.reclassify(policyFor(lastSource, policy)) : null;
    if (summary) return { result: { summary, reread: false }, transfer: [] };
    // The policy changes what is read from the file (or the last read failed): read it again.
    if (!lastSource) throw codedError(ErrorCode.NO_RESULT, 'There is no classified file yet.');
    return { result: { summary: await classifySource(id, lastSource, policy), reread: true }, transfer: [] };
  },

  async [Request.PRESETS]() {
    return { result: (await loadedEngine()).presets(), transfer: [] };
  },

  async [Request.PRESET_POLICY]({ presetId }) {
    return { result: (await loadedEngine()).presetPolicy(presetId), transfer: [] };
  },

  async [Request.CHECK_POLICY]({ policy }) {
    return { result: (await loadedEngine()).checkPolicy(policy), transfer: [] };
  },

  async [Request.CUSTOMERS_PAGE]({ offset, count, sortKey, descending, filter = null }) {
    return columnsReply((await classifiedEngine()).customers(offset, count, sortKey, descending, filter));
  },

  async [Request.CLUSTER_POINTS]({ dimensionIndex, maxPoints }) {
    const points = (await classifiedEngine()).clusterPoints(dimensionIndex, maxPoints);
    return points ? columnsReply(points) : { result: null, transfer: [] };
  },

  async [Request.SKIPPED_PAGE]({ offset, count }) {
    return columnsReply((await classifiedEngine()).skipped(offset, count));
  },

  async [Request.EXPLAIN]({ index }) {
    return { result: (await classifiedEngine()).explain(index), transfer: [] };
  },

  async [Request.CUSTOMER_PROFILE]({ index }) {
    const engine = await classifiedEngine();
    const columns = engine.customerHistory(index);
    const history = columns ? columnsReply(columns) : { result: null, transfer: [] };
    // Not kept because the file is large (not because the policy changed since): say so.
    if (history.result && !history.result.kept && orderLogLeftOut) {
      history.result.limitBytes = ORDER_LOG_MAX_BYTES;
    }
    return {
      result: { explanation: engine.explain(index), profile: engine.customerProfile(index), history: history.result },
      transfer: history.transfer,
    };
  },

  async [Request.CUSTOMERS_CSV]() {
    return bytesReply((await classifiedEngine()).customersCsv());
  },

  async [Request.SKIPPED_CSV]() {
    return bytesReply((await classifiedEngine()).skippedCsv());
  },

  async [Request.CUSTOMERS_XLSX]() {
    return bytesReply((await classifiedEngine()).customersXlsx());
  },

  async [Request.SUMMARY_JSON]() {
    return bytesReply(new TextEncoder().encode((await classifiedEngine()).summaryJson()));
  },

  async [Request.DASHBOARD]() {
    return { result: JSON.parse((await classifiedEngine()).dashboardJson()), transfer: [] };
  },

  async [Request.POLICY_JSON]() {
    return bytesReply(new TextEncoder().encode((await classifiedEngine()).policyJson()));
  },

  async [Request.POLICY_SQL]({ dialect }) {
    return bytesReply(new TextEncoder().encode((await classifiedEngine()).policySql(dialect)));
  },

  async [Request.SAMPLE_CSV]() {
    return bytesReply((await loadedEngine()).sampleOrdersCsv());
  },

  async [Request.COMPARE]({ id, earlier, field }) {
    const engine = await classifiedEngine();
    await readEarlierRun(engine, earlier, { source: lastSource, feedFile, onProgress: (loaded, total) => postProgress(id, loaded, total) });
    return { result: engine.compare(field, MIGRATION_LIST_LIMIT), transfer: [] };
  },

  async [Request.MIGRATION_JSON]() {
    return bytesReply((await classifiedEngine()).migrationJson());
  },

  async [Request.MIGRATION_CSV]() {
    return bytesReply((await classifiedEngine()).migrationCsv());
  },
};

/**
 * The engine, loaded once per worker and warmed up; a failed load is retried by the next
 * request. The page asks for the presets as it opens, so this happens while the user is still
 * looking for a file.
 */
function loadedEngine() {
  enginePromise ??= loadEngine().then((engine) => {
    warmUp(engine);
    return engine;
  }).catch((thrown) => {
    enginePromise = null;
    throw thrown;
  });
  return enginePromise;
}

/**
 * Classifies the built-in sample once and forgets it. WebAssembly starts in a baseline
 * compiler and optimises each function once it has run hot; without this, a user's first file
 * of 100 k rows spent most of its time in baseline code (bench/RESULTS.md: 0.40 → 0.29 s in the
 * worker). Then the memory a first file needs is written once (PREPARED_MEMORY_BYTES). Both
 * take about 0.2 s on the machines measured, before any request that needs the engine is
 * answered: while the page opens, before a file can be chosen.
 */
function warmUp(engine) {
  engine.begin(SAMPLE_FILE_NAME, null, {});
  engine.feed(engine.sampleOrdersCsv());
  engine.finish();
  // What the page asks as soon as a result is in (the dashboard's figures, the first customer
  // rows) is compiled now too: cold, after a 1 M-row file, they answered some 30–40 ms later.
  engine.dashboardJson();
  engine.customers(0, 100, 'monetary', true);
  engine.prepareMemory(PREPARED_MEMORY_BYTES);
}

async function classifiedEngine() {
  const engine = await loadedEngine();
  if (!hasResult) throw codedError(ErrorCode.NO_RESULT, 'There is no classified file yet.');
  return engine;
}

/** How a file is read, as the engine takes it; '' or null leaves each to detection. */
function readingOf({ encoding = '', dateOrder = '', headerRow = null, sheet = null } = {}) {
  return { encoding, dateOrder, headerRow, sheet };
}

/** A user's file and how to read it, as CLASSIFY_FILES gives it. */
function fileSource({ file, ...reading }) {
  return { blob: file, name: file.name, input: readingOf(reading) };
}

/**
 * Reads `source` through the engine under `policy`: the orders, then the customers table,
 * with progress over the bytes of both for request `id`; answers the summary. The source is
 * remembered first, so that a failed read can be retried by a later RECLASSIFY with a
 * corrected policy.
 */
async function classifySource(id, source, policy) {
  const engine = await loadedEngine();
  lastSource = source;
  hasResult = false;
  const { orders, customers } = source;
  const ordersBytes = orders?.blob.size ?? 0;
  const total = ordersBytes + (customers?.blob.size ?? 0);
  // The order log is kept for the profile card's history (it does not change any output).
  orderLogLeftOut = ordersBytes > ORDER_LOG_MAX_BYTES;
  engine.begin(orders?.name ?? '', policyFor(source, policy ?? null), {
    ...(orders?.input ?? {}),
    tables: tablesOf(source),
    keepOrderLog: !orderLogLeftOut,
    fileBytes: orders?.blob.size ?? null,
  });
  if (orders) await feedFile(engine, orders.blob, (loaded) => postProgress(id, loaded, total));
  if (customers) {
    const { encoding, headerRow, sheet } = customers.input; // a customers table has no order dates
    engine.beginCustomerTable(customers.name, { encoding, headerRow, sheet });
    await feedFile(engine, customers.blob, (loaded) => postProgress(id, ordersBytes + loaded, total));
  }
  const summary = engine.finish();
  hasResult = true;
  return summary;
}

/**
 * The policy as it applies to `source`: the sample is read with its own columns, whatever
 * columns the user's files have (a policy with none named guesses them, and finds the sample's).
 */
function policyFor(source, policy) {
  if (!source?.sample || !policy) return policy;
  const { columns, attributes, customer_table, ...rest } = policy;
  return rest;
}

/** Feeds `file` to the engine chunk by chunk (file-reading.js), never holding it whole. */
function feedFile(engine, file, onProgress, feed = (bytes) => engine.feed(bytes)) {
  return readFileInChunks(file, feed, onProgress);
}

function postProgress(id, loaded, total) {
  self.postMessage({ type: Response.PROGRESS, id, loaded, total });
}

/** Bytes made by the engine, moved (not copied) to the page. */
function bytesReply(bytes) {
  const owned = ownBuffer(bytes);
  return { result: { bytes: owned }, transfer: [owned.buffer] };
}

/**
 * A page of columns; its typed arrays are moved (not copied) to the page. A column may also
 * be a list of typed arrays (the label indexes, one array per dimension), or an object of
 * them (a customers page's CLV figures).
 */
function columnsReply(page) {
  const result = {};
  const transfer = [];
  const own = (column) => {
    if (!ArrayBuffer.isView(column)) return column;
    const owned = ownBuffer(column);
    transfer.push(owned.buffer);
    return owned;
  };
  const ownAll = (column) => {
    if (Array.isArray(column) && column.some((item) => ArrayBuffer.isView(item))) return column.map(own);
    if (column && typeof column === 'object' && !ArrayBuffer.isView(column) && !Array.isArray(column)) {
      return Object.fromEntries(Object.entries(column).map(([key, item]) => [key, own(item)]));
    }
    return own(column);
  };
  for (const [key, column] of Object.entries(page)) result[key] = ownAll(column);
  return { result, transfer };
}

/**
 * `view` itself when it spans its whole buffer, else a copy that does. Cloning or transferring
 * a view of the wasm heap would send (or detach) the entire heap, not the view's bytes.
 */
function ownBuffer(view) {
  const whole = view.byteOffset === 0 && view.byteLength === view.buffer.byteLength;
  return whole && view.buffer instanceof ArrayBuffer ? view : view.slice();
}

function codedError(code, message) {
  return Object.assign(new Error(message), { code });
}
