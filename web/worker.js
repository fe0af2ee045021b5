// The page's worker: owns the TierLens engine and answers the requests of protocol.js.
//
// Requests are served one at a time, in arrival order: reading a file awaits between chunks,
// and a page request slipping into that gap would see a half-read file.

import { loadEngine } from './engine/tierlens-engine.js';
import { ErrorCode, Request, Response, SAMPLE_FILE_NAME, toWireError } from './protocol.js';

/** Bytes read from the file per step: big enough to keep the parser busy, small enough for
 *  smooth progress and to never hold more than two chunks at once. */
const CHUNK_BYTES = 4 * 1024 * 1024;

/** @type {Promise<import('./engine/tierlens-engine.js').TierLensEngine>|null} */
let enginePromise = null;
let hasResult = false;
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
  async [Request.CLASSIFY_FILE]({ id, file, options }) {
    const engine = await startClassifying({ ...options, file_name: file.name });
    await feedFile(engine, file, (loaded) => postProgress(id, loaded, file.size));
    return finishClassifying(engine);
  },

  async [Request.CLASSIFY_SAMPLE]({ id, options }) {
    // As a Blob the sample takes the same chunked path as a user's file (and the Blob owns
    // its bytes, so heap growth while feeding cannot detach them).
    const sample = new Blob([(await loadedEngine()).sampleOrdersCsv()]);
    const engine = await startClassifying({ ...options, file_name: SAMPLE_FILE_NAME });
    await feedFile(engine, sample, (loaded) => postProgress(id, loaded, sample.size));
    return finishClassifying(engine);
  },

  async [Request.CUSTOMERS_PAGE]({ offset, count, sortKey, descending }) {
    return columnsReply((await classifiedEngine()).customers(offset, count, sortKey, descending));
  },

  async [Request.SKIPPED_PAGE]({ offset, count }) {
    return columnsReply((await classifiedEngine()).skipped(offset, count));
  },

  async [Request.EXPLAIN]({ index }) {
    return { result: (await classifiedEngine()).explain(index), transfer: [] };
  },

  async [Request.CUSTOMERS_CSV]() {
    return bytesReply((await classifiedEngine()).customersCsv());
  },

  async [Request.SKIPPED_CSV]() {
    return bytesReply((await classifiedEngine()).skippedCsv());
  },

  async [Request.SAMPLE_CSV]() {
    return bytesReply((await loadedEngine()).sampleOrdersCsv());
  },
};

/** The engine, loaded once per worker; a failed load is retried by the next request. */
function loadedEngine() {
  enginePromise ??= loadEngine().catch((thrown) => {
    enginePromise = null;
    throw thrown;
  });
  return enginePromise;
}

async function classifiedEngine() {
  const engine = await loadedEngine();
  if (!hasResult) throw codedError(ErrorCode.NO_RESULT, 'There is no classified file yet.');
  return engine;
}

async function startClassifying(options) {
  const engine = await loadedEngine();
  hasResult = false;
  engine.begin(options);
  return engine;
}

function finishClassifying(engine) {
  const summary = engine.finish();
  hasResult = true;
  return { result: summary, transfer: [] };
}

/**
 * Feeds `file` to the engine chunk by chunk, never holding the whole file. The next chunk is
 * read while the current one is parsed.
 */
async function feedFile(engine, file, onProgress) {
  onProgress(0);
  const read = (start) => file.slice(start, start + CHUNK_BYTES).arrayBuffer();
  let nextChunk = file.size > 0 ? read(0) : null;
  for (let start = 0; start < file.size; start += CHUNK_BYTES) {
    const buffer = await nextChunk;
    nextChunk = start + CHUNK_BYTES < file.size ? read(start + CHUNK_BYTES) : null;
    engine.feed(new Uint8Array(buffer));
    onProgress(Math.min(start + CHUNK_BYTES, file.size));
  }
}

function postProgress(id, loaded, total) {
  self.postMessage({ type: Response.PROGRESS, id, loaded, total });
}

/** Bytes made by the engine, moved (not copied) to the page. */
function bytesReply(bytes) {
  const owned = ownBuffer(bytes);
  return { result: { bytes: owned }, transfer: [owned.buffer] };
}

/** A page of columns; its typed arrays are moved (not copied) to the page. */
function columnsReply(page) {
  const result = {};
  const transfer = [];
  for (const [key, column] of Object.entries(page)) {
    if (ArrayBuffer.isView(column)) {
      result[key] = ownBuffer(column);
      transfer.push(result[key].buffer);
    } else {
      result[key] = column;
    }
  }
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
