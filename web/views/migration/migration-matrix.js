// The migration matrix as a table (the Sankey diagram's text equivalent): a row per label
// before, a column per label after, best first; the last row holds the new customers and the
// last column the gone ones. Cells are shaded by count (by class: the CSP allows no inline
// style) and the diagonal, those who kept their label, is outlined.

import { el } from '../dom.js';
import { formatInteger } from '../format.js';
import { strings } from '../strings.js';
import { flowKind } from './migration-sankey.js';

/** Shades of a cell, from none (0) to the largest count (5). */
const SHADES = 5;

/**
 * @param {{labels: string[], matrix: number[][]}} migration
 * @param {{labelText: (label: string) => string, fieldName: string}} how
 */
export function migrationMatrix({ labels, matrix }, { labelText, fieldName }) {
  const words = strings.migration;
  const count = labels.length;
  const name = (index, side) => (index < count ? labelText(labels[index]) : side === 'before' ? words.newCustomers : words.goneCustomers);
  const largest = Math.max(1, ...matrix.flat());
  const shade = (value) => (value === 0 ? 0 : Math.max(1, Math.ceil((SHADES * value) / largest)));
  const columnTotals = matrix[0].map((_, column) => matrix.reduce((sum, row) => sum + row[column], 0));

  const head = el('tr', {},
    el('th', { scope: 'col', class: 'migration-corner', text: words.corner }),
    ...matrix[0].map((_, column) => el('th', { scope: 'col', class: 'number', dataset: { column: String(column) }, text: name(column, 'after') })),
    el('th', { scope: 'col', class: 'number', text: words.total }));
  const rows = matrix.map((cells, row) => el('tr', { dataset: { row: String(row) } },
    el('th', { scope: 'row', text: name(row, 'before') }),
    ...cells.map((value, column) => {
      const kind = flowKind(row, column, count);
      return el('td', {
        class: `number migration-cell shade-${shade(value)}${kind === 'same' ? ' diagonal' : ''}`,
        title: words.cellTitle(name(row, 'before'), name(column, 'after'), formatInteger(value)),
        dataset: { row: String(row), col: String(column), value: String(value), kind },
      }, formatInteger(value));
    }),
    el('td', { class: 'number migration-total', dataset: { rowTotal: String(row) } }, formatInteger(cells.reduce((a, b) => a + b, 0)))));
  const totals = el('tr', { class: 'migration-totals' },
    el('th', { scope: 'row', text: words.total }),
    ...columnTotals.map((value, column) => el('td', { class: 'number migration-total', dataset: { columnTotal: String(column) } }, formatInteger(value))),
    el('td', { class: 'number migration-total' }, formatInteger(columnTotals.reduce((a, b) => a + b, 0))));

  return el('div', { class: 'table-scroll' },
    el('table', { class: 'data-table migration-matrix', 'data-testid': 'migration-matrix' },
      el('caption', { class: 'muted small', text: words.matrixCaption(fieldName) }),
      el('thead', {}, head),
      el('tbody', {}, ...rows),
      el('tfoot', {}, totals)));
}
