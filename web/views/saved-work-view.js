// The input card's note on the work kept in this browser (storage/saved-work.js): what is
// kept (the files or the sample, the policy and columns) and since when, which files could
// not be kept, the plain statement that a copy now stays in this browser, and the "Clear saved
// work" button. Shown whenever anything is saved; after a clear it says so until the next save.

import { el } from './dom.js';
import { formatList } from './format.js';
import { strings } from './strings.js';

export class SavedWorkView {
  #root;
  #what;
  #missing;
  #button;
  #help;
  #privacy;
  /** @type {import('../storage/saved-work.js').SavedDescription|null} */
  #saved = null;
  /** The saved work was restored on this visit (said until the next save). */
  #restored = false;
  #cleared = false;

  /**
   * @param {HTMLElement} root the card's empty, hidden slot
   * @param {{onClear: () => void}} handlers
   */
  constructor(root, { onClear }) {
    this.#root = root;
    // Focused after a clear (the button is gone), so the result is read out.
    this.#what = el('p', { class: 'saved-work-what', id: 'saved-work-what', tabindex: '-1', 'data-testid': 'saved-work-what' });
    this.#missing = el('p', { class: 'saved-work-missing', 'data-testid': 'saved-work-missing', hidden: true });
    this.#help = el('p', { class: 'help', id: 'clear-saved-work-help' });
    this.#button = el('button', {
      type: 'button', id: 'clear-saved-work', class: 'button secondary', 'data-testid': 'clear-saved-work',
      'aria-describedby': this.#help.id, on: { click: onClear },
    });
    this.#privacy = el('p', { class: 'saved-work-privacy small', 'data-testid': 'saved-work-privacy' });
    root.append(this.#what, this.#missing, this.#privacy, el('div', { class: 'saved-work-clear' }, this.#button, this.#help));
    root.hidden = true;
  }

  /**
   * Shows what is saved (hidden when nothing is).
   * @param {import('../storage/saved-work.js').SavedDescription|null} saved
   * @param {{restored?: boolean}} [how] `restored`: read back on this visit, not just written
   */
  show(saved, { restored = false } = {}) {
    this.#saved = saved;
    this.#restored = restored;
    this.#cleared = false;
    this.redraw();
  }

  /** Everything was deleted: says so, and moves focus from the button that goes. */
  showCleared() {
    const hadFocus = this.#root.contains(document.activeElement);
    this.#saved = null;
    this.#restored = false;
    this.#cleared = true;
    this.redraw();
    if (hadFocus) this.#what.focus();
  }

  /** Writes the note again, in the language on screen. */
  redraw() {
    const words = strings.savedWork;
    const saved = this.#saved;
    this.#root.hidden = !saved && !this.#cleared;
    this.#root.dataset.saved = saved ? 'yes' : 'no';
    this.#button.hidden = !saved;
    this.#help.hidden = !saved;
    this.#privacy.hidden = !saved;
    this.#missing.hidden = true;
    if (!saved) {
      this.#what.textContent = this.#cleared ? words.cleared : '';
      return;
    }
    const when = formatWhen(saved.savedAt);
    const input = saved.input;
    const what = !input ? words.whatPolicy
      : input.sample ? words.whatSample
        : input.kept ? words.whatFiles(formatList(input.fileNames))
          : words.whatPolicyAndColumns;
    this.#what.textContent = this.#restored ? words.restored(when, what) : words.saved(when, what);
    if (input && !input.sample && !input.kept) {
      const names = formatList(input.fileNames);
      this.#missing.textContent = input.reason === 'quota' ? words.notKeptQuota(names) : words.notKept(names);
      this.#missing.hidden = false;
    }
    this.#button.textContent = words.clear;
    this.#help.textContent = words.clearHelp;
    this.#privacy.textContent = words.privacy;
  }
}

function formatWhen(time) {
  return new Intl.DateTimeFormat(strings.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(time));
}
