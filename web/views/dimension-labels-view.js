// How each dimension of the policy split the customers: per dimension a small table of its
// labels in their natural order (bands order, A before B …) with customers and revenue and
// their shares, a bar for each share, and the dimension's own warnings.

import { el } from './dom.js';
import { formatInteger, formatMoney, formatShare } from './format.js';
import { labelText } from './label-text.js';
import { shareBar } from './share-bar.js';
import { strings } from './strings.js';

/**
 * @param {HTMLElement} container the dimensions card's body
 * @param {object[]} dimensions the summary's `dimensions` (enabled ones only, policy order)
 */
export function renderDimensionLabels(container, dimensions = []) {
  if (dimensions.length === 0) {
    container.replaceChildren(el('p', { class: 'muted', text: strings.dimensionLabels.none }));
    return;
  }
  container.replaceChildren(el('div', { class: 'dimension-blocks' }, ...dimensions.map(dimensionBlock)));
}

function dimensionBlock(dimension) {
  const words = strings.dimensionLabels;
  const headingId = `dimension-labels-${dimension.id}`;
  const rows = (dimension.labels ?? []).map((label) => el('tr', { dataset: { label: label.label } },
    el('th', { scope: 'row', dataset: { col: 'label' }, text: labelText(dimension, label.label) }),
    el('td', { class: 'number', dataset: { col: 'customers', value: label.customers } }, formatInteger(label.customers)),
    shareCell('customer_share', label.customer_share, 'customers'),
    el('td', { class: 'number', dataset: { col: 'revenue', value: label.revenue } }, formatMoney(label.revenue)),
    shareCell('revenue_share', label.revenue_share, 'revenue')));

  return el('section', { class: 'dimension-block', dataset: { dimension: dimension.id, type: dimension.type }, 'aria-labelledby': headingId },
    el('h3', { id: headingId },
      el('span', { text: dimension.name }),
      el('span', { class: 'type-badge', text: strings.policy.dimensionTypes[dimension.type] ?? dimension.type })),
    dimension.description ? el('p', { class: 'muted small', text: dimension.description }) : null,
    el('div', { class: 'table-scroll' },
      el('table', { class: 'data-table compact label-table' },
        el('caption', { class: 'visually-hidden', text: words.caption(dimension.name) }),
        el('thead', {}, el('tr', {},
          el('th', { scope: 'col', text: words.label }),
          el('th', { scope: 'col', class: 'number', text: words.customers }),
          el('th', { scope: 'col', class: 'share-col', text: words.customer_share }),
          el('th', { scope: 'col', class: 'number', text: words.revenue }),
          el('th', { scope: 'col', class: 'share-col', text: words.revenue_share }))),
        el('tbody', {}, ...rows))),
    warningList(dimension.warnings));
}

function shareCell(col, value, kind) {
  return el('td', { class: 'share-col', dataset: { col, value } },
    el('span', { class: 'share-text', text: formatShare(value) }), shareBar(value, kind));
}

/** A dimension's or the summary's warnings, or nothing when there are none. */
export function warningList(warnings) {
  if (!Array.isArray(warnings) || warnings.length === 0) return null;
  return el('ul', { class: 'warning-list', 'data-testid': 'warnings' }, ...warnings.map((warning) => el('li', { text: warning })));
}
