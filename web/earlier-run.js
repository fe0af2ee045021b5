// The earlier run of a comparison (客户迁移), read by the worker beside the result on screen:
// the same input as of an earlier date, other orders (and a customers table), or a
// customers.csv saved earlier by TierLens. Orders are classified under the policy of the
// result on screen, as the engine holds it; the mapping is the policy's, so the same columns
// are read. No DOM; the worker passes what it knows (protocol.js, Request.COMPARE).

import { tablesOf } from './table-roles.js';

/** How a file the user gave for the earlier run is read: everything detected. */
const DETECTED = Object.freeze({ encoding: '', dateOrder: '', headerRow: null, sheet: null });

/** What the earlier run was last read from, to read it again only when that changed. */
let kept = null;

/**
 * Makes the engine's earlier run the one `earlier` describes, reading it unless it was the
 * last one read (same kind, files, date and policy).
 * @param {import('./engine/tierlens-engine.js').TierLensEngine} engine with a result on screen
 * @param {{kind: 'as_of', asOf: string}|{kind: 'files', orders: {file: File}, customers: {file: File}|null}|{kind: 'saved', file: File}} earlier
 * @param {object} context
 * @param {{orders: object|null, customers: object|null}} context.source the input on screen,
 *   `{blob, name, input}` per table (see worker.js)
 * @param {(engine: object, blob: Blob, onProgress: (loaded: number) => void, feed?: (bytes: Uint8Array) => void) => Promise<void>} context.feedFile
 * @param {(loaded: number, total: number) => void} context.onProgress
 */
export async function readEarlierRun(engine, earlier, { source, feedFile, onProgress }) {
  const policy = engine.policyJson();
  const parts = partsOf(earlier, source);
  const key = { kind: earlier.kind, asOf: earlier.asOf ?? null, policy, blobs: [parts.orders?.blob, parts.customers?.blob, parts.saved?.blob] };
  if (kept && sameKey(kept, key)) return;
  kept = null;
  const feed = (bytes) => engine.feedEarlier(bytes);
  if (parts.saved) {
    engine.beginSavedEarlier(parts.saved.name);
    await feedFile(engine, parts.saved.blob, (loaded) => onProgress(loaded, parts.saved.blob.size), feed);
  } else {
    const { orders, customers } = parts;
    const ordersBytes = orders?.blob.size ?? 0;
    const total = ordersBytes + (customers?.blob.size ?? 0);
    const runPolicy = earlier.kind === 'as_of' ? { ...JSON.parse(policy), analysis_date: earlier.asOf } : JSON.parse(policy);
    engine.beginEarlier(orders?.name ?? '', runPolicy, { ...(orders?.input ?? {}), tables: tablesOf(parts) });
    if (orders) await feedFile(engine, orders.blob, (loaded) => onProgress(loaded, total), feed);
    if (customers) {
      const { encoding, headerRow, sheet } = customers.input;
      engine.beginEarlierCustomerTable(customers.name, { encoding, headerRow, sheet });
      await feedFile(engine, customers.blob, (loaded) => onProgress(ordersBytes + loaded, total), feed);
    }
  }
  engine.finishEarlier();
  kept = key;
}

/** The files of the earlier run, `{blob, name, input}` each or null. */
function partsOf(earlier, source) {
  const given = (part) => (part ? { blob: part.file, name: part.file.name, input: DETECTED } : null);
  switch (earlier.kind) {
    case 'as_of':
      return { orders: source.orders, customers: source.customers, saved: null };
    case 'files':
      // Without a customers table of its own, the earlier orders are joined with the one on
      // screen: the same customers' attributes, so that only the orders make the difference.
      return { orders: given(earlier.orders), customers: given(earlier.customers) ?? source.customers ?? null, saved: null };
    case 'saved':
      return { orders: null, customers: null, saved: given(earlier) };
    default:
      throw Object.assign(new Error(`Unknown earlier run “${earlier.kind}”.`), { code: 'invalid_options' });
  }
}

function sameKey(a, b) {
  return a.kind === b.kind && a.asOf === b.asOf && a.policy === b.policy && a.blobs.every((blob, i) => blob === b.blobs[i]);
}
