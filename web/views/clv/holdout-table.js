// The numbers behind the holdout chart, and its text equivalent: per group of customers (by
// repeat purchases before the cut-off) how many there are, and the mean purchases they made
// after it next to the mean the model predicted.

import { el } from '../dom.js';
import { formatInteger, formatNumber } from '../format.js';
import { strings } from '../strings.js';
import { groupName } from './holdout-chart.js';

const COLUMNS = [
  { key: 'customers', format: formatInteger },
  { key: 'actual_mean', format: formatNumber },
  { key: 'predicted_mean', format: formatNumber },
];

/** @param {object} holdout the summary's `clv.holdout` */
export function holdoutTable(holdout) {
  const words = strings.clv.holdout;
  return el('div', { class: 'table-scroll' },
    el('table', { class: 'data-table compact holdout-table', 'data-testid': 'holdout-table' },
      el('caption', { class: 'visually-hidden', text: words.tableCaption }),
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col', text: words.columns.frequency }),
        ...COLUMNS.map(({ key }) => el('th', { scope: 'col', class: 'number', text: words.columns[key] })))),
      el('tbody', {}, ...(holdout.by_frequency ?? []).map((group) => el('tr', { dataset: { frequency: String(group.frequency) } },
        el('th', { scope: 'row', dataset: { col: 'frequency' }, text: groupName(group) }),
        ...COLUMNS.map(({ key, format }) => numberCell(key, group[key], format)))))));
}

/** A number cell; a missing figure (no prediction) is a dash, with no `data-value`. */
export function numberCell(key, value, format) {
  if (typeof value !== 'number') return el('td', { class: 'number', dataset: { col: key } }, strings.clv.noValue);
  return el('td', { class: 'number', dataset: { col: key, value: String(value) } }, format(value));
}
