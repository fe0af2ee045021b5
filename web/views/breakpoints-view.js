// The breakpoints that cut recency, frequency and monetary into scores, and how the scores
// map onto the segment grid.

import { el } from './dom.js';
import { formatNumber } from './format.js';
import { strings } from './strings.js';

const DIMENSIONS = ['recency', 'frequency', 'monetary'];

/**
 * @param {HTMLElement} container the breakpoints card's body
 * @param {object} rfm the summary's `rfm`
 */
export function renderBreakpoints(container, rfm) {
  const cuts = Math.max(0, ...DIMENSIONS.map((d) => rfm.breakpoints?.[d]?.length ?? 0));
  const head = el('thead', {}, el('tr', {},
    el('th', { scope: 'col', text: '' }),
    ...Array.from({ length: cuts }, (_, i) => el('th', { scope: 'col', class: 'number', text: strings.breakpointColumn(i + 1) }))));
  const body = el('tbody', {}, ...DIMENSIONS.map((dimension) =>
    el('tr', { dataset: { dimension } },
      el('th', { scope: 'row', text: strings.dimensions[dimension] }),
      ...(rfm.breakpoints?.[dimension] ?? []).map((value) => el('td', { class: 'number', dataset: { value } }, formatNumber(value))))));

  container.replaceChildren(
    el('p', { class: 'muted', text: strings.breakpointsIntro(rfm.method, rfm.bins) }),
    el('div', { class: 'table-scroll' },
      el('table', { class: 'data-table compact', id: 'breakpoints-table' },
        el('caption', { class: 'visually-hidden', text: strings.breakpointsHeading }), head, body)),
    // The engine's own sentences on how quantiles are cut and scores become segments.
    ...[rfm.quantile_rule, rfm.segment_rule, rfm.grid_mapping].filter(Boolean).map((text) => el('p', { class: 'muted small', text })),
  );
}
