// A thin horizontal bar for a share (0..1) beside its number. Sized through the CSSOM (the
// page's CSP forbids style attributes in markup, not styles set from script); hidden from
// assistive technology, which reads the number next to it.

import { el } from './dom.js';

/**
 * @param {number} share 0..1
 * @param {'customers'|'revenue'} kind picks the colour, as in the segment chart
 */
export function shareBar(share, kind) {
  const fill = el('span', { class: `share-bar-fill bar-${kind}` });
  fill.style.width = `${Math.max(0, Math.min(1, share)) * 100}%`;
  return el('span', { class: 'share-bar', 'aria-hidden': 'true' }, fill);
}
