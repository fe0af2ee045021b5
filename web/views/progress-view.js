// The progress card: what is being read, bytes read of the total, and the Cancel button.

import { byId } from './dom.js';
import { formatBytes, formatWholePercent } from './format.js';
import { strings } from './strings.js';

export class ProgressView {
  #card = byId('progress');
  #label = byId('progress-label');
  #bar = byId('progress-bar');
  #text = byId('progress-text');

  /** Shows the card for a new run over `fileName`. */
  start(fileName) {
    this.#label.textContent = strings.reading(fileName);
    this.#bar.removeAttribute('value'); // indeterminate until the first bytes are read
    this.#text.textContent = strings.startingEngine;
    this.#card.hidden = false;
  }

  /** Bytes read so far; at the end the work left is scoring, which has no byte count. */
  update(loaded, total) {
    const fraction = total > 0 ? loaded / total : 1;
    this.#bar.value = fraction;
    this.#text.textContent = loaded >= total
      ? strings.scoring
      : strings.bytesProgress(formatBytes(loaded), formatBytes(total), formatWholePercent(fraction));
  }

  hide() {
    this.#card.hidden = true;
  }
}
