// The user's work kept in this browser, and given back on the next visit: the page tells this
// flow each policy the core accepted from the user and each input classified, and asks it once,
// on start, for what an earlier visit left (storage/saved-work.js keeps it, the input card's
// note shows it, views/saved-work-view.js). Where the browser keeps nothing for the page, every
// call is a quiet no-op and the note never shows: the page works as before.

import { openSavedWork } from './storage/saved-work.js';
import { SavedWorkView } from './views/saved-work-view.js';

export class SavedWorkFlow {
  /** @type {Promise<import('./storage/saved-work.js').SavedWork|null>} */
  #store;
  #view;
  /** @type {Promise<object|null>|null} what restore() answers, read once */
  #restoring = null;
  /** The input read back: classifying it again does not copy its files again. */
  #restoredInput = null;
  #root;
  /** Writes not yet committed, also as the note's `data-writing` (for the tests to wait on). */
  #writing = 0;

  /** @param {HTMLElement} viewRoot the input card's slot for the note */
  constructor(viewRoot) {
    this.#root = viewRoot;
    this.#store = openSavedWork();
    this.#view = new SavedWorkView(viewRoot, { onClear: () => this.clear() });
    this.#root.dataset.writing = '0';
  }

  /**
   * What an earlier visit saved, shown in the note as restored.
   * @returns {Promise<{policy: object|null, presetId: string, input: object|null}|null>} null
   *   when nothing is saved (or nothing can be); `input` is a FileInput or `{sample: true}`
   */
  restore() {
    this.#restoring ??= this.#read();
    return this.#restoring;
  }

  /** Keeps a policy the core accepted from the user (the mapping step's columns included). */
  keepPolicy(policy, presetId) {
    return this.#write(async (store) => {
      try {
        await store.keepPolicy(policy, presetId);
      } catch {
        return; // refused (storage full, the site's data being cleared): it lasts this visit only
      }
      this.#view.show(store.description);
    });
  }

  /** Keeps the input of a run that ended with a result: its files (or the sample). */
  keepInput(input) {
    if (input === this.#restoredInput) return Promise.resolve();
    return this.#write(async (store) => {
      try {
        await store.keepInput(input); // files it cannot keep are named in the description
      } catch {
        return;
      }
      this.#view.show(store.description);
    });
  }

  /** "Clear saved work": deletes every record (the language, in localStorage, stays). */
  clear() {
    return this.#write(async (store) => {
      try {
        await store.clear();
      } catch {
        this.#view.show(store.description);
        return;
      }
      this.#restoredInput = null;
      this.#view.showCleared();
    });
  }

  /** Writes the note again in the language on screen. */
  redraw() {
    this.#view.redraw();
  }

  /** Runs `work` with the store, if this browser gives one, counting it as a write. */
  async #write(work) {
    this.#root.dataset.writing = String(++this.#writing);
    try {
      const store = await this.#store;
      if (store) await work(store);
    } finally {
      this.#root.dataset.writing = String(--this.#writing);
    }
  }

  async #read() {
    const store = await this.#store;
    if (!store) return null;
    try {
      const saved = await store.read();
      if (!saved.description) return null;
      this.#restoredInput = saved.input;
      this.#view.show(saved.description, { restored: true });
      return saved;
    } catch {
      return null; // unreadable (another version's records): the page starts afresh
    }
  }
}
