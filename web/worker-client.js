// The page's side of the worker protocol: request/response promises matched by id.
//
// The worker is started on the first request; the page asks for the policy presets as soon
// as it loads, so the editor is ready before the first file. Cancelling terminates it
// outright: WebAssembly busy in a long call cannot be interrupted any other way, and a fresh
// worker is cheap (the browser caches the compiled module's bytes). The next request starts
// that fresh worker.

import { ErrorCode, Response, WorkerRequestError } from './protocol.js';

export class WorkerClient {
  /** @type {Worker|null} */
  #worker = null;
  #nextId = 1;
  /** @type {Map<number, {resolve: Function, reject: Function, onProgress?: Function}>} */
  #pending = new Map();

  /**
   * Sends one request and answers its result.
   * @param {string} type one of `Request`
   * @param {object} [payload]
   * @param {{onProgress?: (loaded: number, total: number) => void, transfer?: Transferable[]}} [how]
   * @returns {Promise<any>} rejects with a `WorkerRequestError`
   */
  request(type, payload = {}, { onProgress, transfer = [] } = {}) {
    const worker = this.#ensureWorker();
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, onProgress });
      // id and type last, so a payload field of the same name cannot take their place.
      worker.postMessage({ ...payload, id, type }, transfer);
    });
  }

  /** Stops all work at once; every pending request rejects with a cancellation error. */
  cancel() {
    this.#stop({ name: 'CancelledError', code: ErrorCode.CANCELLED, message: 'Cancelled.' });
  }

  #ensureWorker() {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'tierlens' });
    worker.addEventListener('message', (event) => this.#onMessage(event.data));
    // A module that fails to load or a crash inside the worker: nothing will answer, so fail
    // everything pending and let the next request try a fresh worker.
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.#stop({
        name: 'WorkerError',
        code: ErrorCode.WORKER_FAILED,
        message: event.message || 'The worker stopped unexpectedly.',
      });
    });
    worker.addEventListener('messageerror', () => {
      this.#stop({ name: 'WorkerError', code: ErrorCode.WORKER_FAILED, message: 'A message from the worker could not be read.' });
    });
    this.#worker = worker;
    return worker;
  }

  #onMessage(message) {
    const pending = this.#pending.get(message.id);
    if (!pending) return; // an answer to a request that was already given up
    if (message.type === Response.PROGRESS) {
      pending.onProgress?.(message.loaded, message.total);
      return;
    }
    this.#pending.delete(message.id);
    if (message.type === Response.OK) pending.resolve(message.result);
    else pending.reject(new WorkerRequestError(message.error ?? {}));
  }

  #stop(wireError) {
    this.#worker?.terminate();
    this.#worker = null;
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const { reject } of pending) reject(new WorkerRequestError(wireError));
  }
}
