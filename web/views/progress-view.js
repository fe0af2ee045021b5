// The progress card: what is being read, bytes read of the total, and the Cancel button.

import { byId } from './dom.js';
import { formatBytes, formatWholePercent } from './format.js';
import { strings } from './strings.js';

export class ProgressView {
  #card = byId('progress');
  #label = byId('progress-label');
  #bar = byId('progress-bar');
  #text = byId('progress-text');
  /** What the card says, kept to say it again in another language (see relabel). */
  #what = { name: '', labelKey: 'reading', loaded: null, total: null };

  /**
   * Shows the card for a new run.
   * @param {string|(() => string)} name the file (or files) read; a function when the text
   *   depends on the language, as a list of names does
   * @param {'reading'|'readingColumns'} [labelKey] the heading's text in strings.js
   */
  start(name, labelKey = 'reading') {
    this.#what = { name, labelKey, loaded: null, total: null };
    this.#bar.removeAttribute('value'); // indeterminate until the first bytes are read
    this.relabel();
    this.#card.hidden = false;
  }

  /** Bytes read so far; at the end the work left is scoring, which has no byte count. */
  update(loaded, total) {
    this.#what.loaded = loaded;
    this.#what.total = total;
    this.#bar.value = total > 0 ? loaded / total : 1;
    this.relabel();
  }

  /** Writes the card's text again, in the language on screen. */
  relabel() {
    const { name, labelKey, loaded, total } = this.#what;
    this.#label.textContent = strings[labelKey](typeof name === 'function' ? name() : name);
    if (loaded === null) {
      this.#text.textContent = strings.startingEngine;
    } else {
      const fraction = total > 0 ? loaded / total : 1;
      this.#text.textContent = loaded >= total
        ? strings.scoring
        : strings.bytesProgress(formatBytes(loaded), formatBytes(total), formatWholePercent(fraction));
    }
  }

  hide() {
    this.#card.hidden = true;
  }
}
