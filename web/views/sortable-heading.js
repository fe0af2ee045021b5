// A column heading of a table the engine sorts: a button that sorts by the column, with
// aria-sort and an arrow saying the order shown. Shared by the paged and the scrolling table.

import { el } from './dom.js';
import { strings } from './strings.js';

/**
 * @param {import('./paged-table-view.js').Column} column
 * @param {{key: string, descending: boolean}|null} sort the order shown
 * @param {(column: object) => void} onSort called when the heading is clicked
 * @returns {HTMLTableCellElement}
 */
export function columnHeading(column, sort, onSort) {
  const className = column.className ?? '';
  if (!column.sortKey) return el('th', { scope: 'col', class: className, title: column.title, text: column.label });
  const active = sort?.key === column.sortKey;
  const direction = active ? (sort.descending ? 'descending' : 'ascending') : 'none';
  return el('th', { scope: 'col', class: className, 'aria-sort': direction, dataset: { sortKey: column.sortKey } },
    el('button', {
      type: 'button', class: 'sort-button', title: column.title ?? strings.sortBy(column.label),
      on: { click: () => onSort(column) },
    }, column.label, el('span', { class: 'sort-indicator', 'aria-hidden': 'true', text: active ? (sort.descending ? '▼' : '▲') : '' })));
}
