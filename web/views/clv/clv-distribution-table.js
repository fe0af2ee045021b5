// The numbers behind the CLV box plots, and their text equivalent: per tier (or segment) its
// customers, their total and mean CLV, and the five-number summary.

import { el } from '../dom.js';
import { formatInteger, formatMoney } from '../format.js';
import { strings } from '../strings.js';

const COLUMNS = ['customers', 'total', 'mean', 'min', 'q1', 'median', 'q3', 'max'];

/**
 * @param {object[]} groups `by_tier` or `by_segment` of the summary's `clv`
 * @param {'tier'|'segment'} groupKey
 */
export function clvDistributionTable(groups, groupKey) {
  const words = strings.clv;
  const headings = words.distributionColumns;
  return el('div', { class: 'table-scroll' },
    el('table', { class: 'data-table compact', 'data-testid': 'clv-distribution-table' },
      el('caption', { class: 'visually-hidden', text: words.distributionCaption(words.groupWords[groupKey]) }),
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col', text: headings[groupKey] }),
        ...COLUMNS.map((key) => el('th', { scope: 'col', class: 'number', text: headings[key] })))),
      el('tbody', {}, ...groups.map((group) => el('tr', { dataset: { group: group[groupKey] } },
        el('th', { scope: 'row', text: groupKey === 'segment' ? strings.segmentName(group[groupKey]) : group[groupKey] }),
        ...COLUMNS.map((key) => numberCell(key, group[key])))))));
}

/** A number cell, empty when the group has no such figure (no customers); `data-value` keeps
 *  the exact number for tests and copy-paste. */
function numberCell(key, value) {
  if (typeof value !== 'number') return el('td', { class: 'number', dataset: { col: key } });
  return el('td', { class: 'number', dataset: { col: key, value: String(value) } },
    key === 'customers' ? formatInteger(value) : formatMoney(value));
}
