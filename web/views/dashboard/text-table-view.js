// A chart's text table (text-table.js) as the page shows it: folded in a <details> under the
// chart, so that the numbers are one click (or Enter) away and a screen reader can read them.
// Cells carry data-col and, for numbers, data-value (what the tests compare).

import { el } from '../dom.js';

/**
 * @param {{caption: string, columns: object[], rows: object[][]}} table
 * @param {string} summaryText the <summary>'s text
 * @param {string} id names the table for the tests (data-chart)
 */
export function textTableDetails(table, summaryText, id) {
  const head = el('tr', {}, ...table.columns.map((column) =>
    el('th', { scope: 'col', class: column.numeric ? 'number' : null, dataset: { col: column.key }, text: column.label })));
  const rows = table.rows.map((cells) => el('tr', {}, ...cells.map((cell, i) => {
    const column = table.columns[i];
    const dataset = { col: column.key };
    if (typeof cell.value === 'number') dataset.value = String(cell.value);
    return el(i === 0 ? 'th' : 'td', { scope: i === 0 ? 'row' : null, class: column.numeric ? 'number' : null, dataset, text: cell.text });
  })));
  return el('details', { class: 'dashboard-numbers' },
    el('summary', { text: summaryText }),
    el('div', { class: 'table-scroll' },
      el('table', { class: 'data-table compact', 'data-testid': 'dashboard-table', dataset: { chart: id } },
        el('caption', { text: table.caption }),
        el('thead', {}, head),
        el('tbody', {}, ...rows))));
}
