// The user's work kept in this browser between visits, in IndexedDB: the policy they work with
// (the columns chosen in the mapping step are part of it) and the last run's input, either the
// files themselves (IndexedDB keeps Blobs: a copy of each file's bytes), each with the table it
// was read as and how (encoding, date order, header row, sheet), or "the sample". Nothing
// leaves the machine; the copy stays in this browser until it is cleared. No DOM: the page
// decides when to keep and what to show (saved-work-flow.js).
//
// Two records, written apart so that a file too big for the browser's quota loses only itself:
//   'policy' {policy, presetId, savedAt}
//   'input'  {kind: 'sample', savedAt}
//            {kind: 'files', files: [{file, role, reading}], savedAt}
//            {kind: 'not-kept', reason: 'quota'|'failed', files: [{name, role, reading}], savedAt}
//
// Where IndexedDB is missing or refused (some private modes, sandboxed frames, browsers that
// give file:// pages none) openSavedWork answers null, and the page keeps nothing.

const DB_NAME = 'tierlens';
const DB_VERSION = 1;
const STORE = 'saved-work';
const POLICY = 'policy';
const INPUT = 'input';

/** A browser that never answers the open request (seen in private modes) is taken as none. */
const OPEN_TIMEOUT_MS = 3000;

/**
 * @returns {Promise<SavedWork|null>} the store, or null where this browser keeps nothing for
 *   the page
 */
export async function openSavedWork(factory = globalThis.indexedDB) {
  if (!factory) return null;
  try {
    const store = new SavedWork(factory);
    await store.connection();
    return store;
  } catch {
    return null; // SecurityError (opaque origin), InvalidStateError (private mode), a timeout
  }
}

/**
 * What is saved, as the page shows it: `input` null (none), `{sample: true}`, or
 * `{fileNames, kept, reason}`; `savedAt` the newest record's time (ms since the epoch).
 * @typedef {{hasPolicy: boolean, input: object|null, savedAt: number}} SavedDescription
 */

export class SavedWork {
  #factory;
  /** @type {Promise<IDBDatabase>|null} opened on first use, and again after the browser closed it */
  #db = null;
  /** Writes and the clear run one after another, in the order asked. */
  #queue = Promise.resolve();
  /** The records as last read or written, for `description` (the files are not held here). */
  #policy = null;
  #input = null;

  constructor(factory) {
    this.#factory = factory;
  }

  /** The open database; opened (and made, on the first visit) when needed. */
  connection() {
    this.#db ??= openDatabase(this.#factory).then((db) => {
      // Another tab upgrading, or the browser clearing the site's data: let go, open anew later.
      const forget = () => { db.close(); this.#db = null; };
      db.onversionchange = forget;
      db.onclose = () => { this.#db = null; };
      return db;
    }, (error) => {
      this.#db = null;
      throw error;
    });
    return this.#db;
  }

  /**
   * Reads what an earlier visit saved.
   * @returns {Promise<{policy: object|null, presetId: string, input: object|null,
   *   description: SavedDescription|null}>} `input` a FileInput (file-flow.js) or `{sample: true}`,
   *   null when nothing (or only the names of files not kept) was saved
   */
  async read() {
    const [policy, input] = await this.#run('readonly', (store) => [request(store.get(POLICY)), request(store.get(INPUT))]);
    this.#policy = policy ?? null;
    this.#input = input ?? null;
    return {
      policy: this.#policy?.policy ?? null,
      presetId: this.#policy?.presetId ?? '',
      input: restorable(this.#input),
      description: this.description,
    };
  }

  /** Keeps `policy` (canonical, as the core accepted it) and the preset it still is, or ''. */
  keepPolicy(policy, presetId) {
    const record = { policy, presetId, savedAt: Date.now() };
    return this.#enqueue(async () => {
      await this.#put(POLICY, record);
      this.#policy = record;
    });
  }

  /**
   * Keeps a run's input: `{sample: true}` or a FileInput. Files the browser cannot keep (over
   * its quota, or unreadable) are named instead, so the page can say which.
   * @returns {Promise<'kept'|'not-kept'>}
   */
  keepInput(input) {
    return this.#enqueue(async () => {
      const savedAt = Date.now();
      if (!input.files) {
        await this.#put(INPUT, { kind: 'sample', savedAt });
        this.#input = { kind: 'sample', savedAt };
        return 'kept';
      }
      const files = input.files.map(({ file, role, reading }) => ({ file, role, reading }));
      try {
        await this.#put(INPUT, { kind: 'files', files, savedAt });
        this.#input = { kind: 'files', files: files.map(({ file, role, reading }) => ({ name: file.name, role, reading })), savedAt };
        return 'kept';
      } catch (error) {
        const reason = error?.name === 'QuotaExceededError' ? 'quota' : 'failed';
        const named = files.map(({ file, role, reading }) => ({ name: file.name, role, reading }));
        this.#input = { kind: 'not-kept', reason, files: named, savedAt };
        // Replaces the input saved before, which no longer is the last run's.
        await this.#put(INPUT, this.#input);
        return 'not-kept';
      }
    });
  }

  /** Deletes everything saved. */
  clear() {
    return this.#enqueue(async () => {
      await this.#run('readwrite', (store) => [request(store.clear())]);
      this.#policy = null;
      this.#input = null;
    });
  }

  /** @returns {SavedDescription|null} what is saved, null when nothing is */
  get description() {
    if (!this.#policy && !this.#input) return null;
    const input = this.#input;
    return {
      hasPolicy: Boolean(this.#policy),
      input: !input ? null
        : input.kind === 'sample' ? { sample: true }
          : {
            fileNames: input.files.map((entry) => entry.name ?? entry.file?.name ?? ''),
            kept: input.kind === 'files',
            reason: input.reason ?? null,
          },
      savedAt: Math.max(this.#policy?.savedAt ?? 0, input?.savedAt ?? 0),
    };
  }

  #enqueue(work) {
    const done = this.#queue.then(work);
    this.#queue = done.catch(() => {}); // one failed write does not stop the next
    return done;
  }

  #put(key, value) {
    return this.#run('readwrite', (store) => [request(store.put(value, key))]);
  }

  /**
   * Runs requests in one transaction and answers their results once it has committed (a write
   * is kept only then). A transaction that aborts rejects with its error: a QuotaExceededError
   * when the files were too big.
   */
  async #run(mode, makeRequests) {
    const db = await this.connection();
    return new Promise((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const results = makeRequests(transaction.objectStore(STORE));
      transaction.oncomplete = () => Promise.all(results).then(resolve, reject);
      transaction.onabort = () => reject(transaction.error ?? new DOMException('The transaction was aborted', 'AbortError'));
      for (const result of results) result.catch(() => {}); // the abort reports it
    });
  }
}

/** The input a record can give back to classify, or null. */
function restorable(record) {
  if (record?.kind === 'sample') return { sample: true };
  if (record?.kind !== 'files' || !record.files.every(({ file }) => file instanceof Blob)) return null;
  return { files: record.files.map(({ file, role, reading }) => ({ file, role, reading })) };
}

function openDatabase(factory) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new DOMException('IndexedDB did not answer', 'TimeoutError')), OPEN_TIMEOUT_MS);
    const settle = (then) => (value) => { clearTimeout(timer); then(value); };
    const opening = factory.open(DB_NAME, DB_VERSION); // throws SecurityError where refused
    opening.onupgradeneeded = () => opening.result.createObjectStore(STORE);
    opening.onsuccess = settle(() => resolve(opening.result));
    opening.onerror = settle(() => reject(opening.error));
    // Another tab holds an older version open: wait for it (the timer gives up).
    opening.onblocked = () => {};
  });
}

/** An IDBRequest as a promise of its result. */
function request(idbRequest) {
  return new Promise((resolve, reject) => {
    idbRequest.onsuccess = () => resolve(idbRequest.result);
    idbRequest.onerror = () => reject(idbRequest.error);
  });
}
