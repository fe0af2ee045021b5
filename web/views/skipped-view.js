// The rows that were not used: how many for each reason, and every one of them, page by page,
// with the file each is in (the orders or the customers table).

import { el } from './dom.js';
import { formatInteger } from './format.js';
import { PagedTableView } from './paged-table-view.js';
import { strings } from './strings.js';

const PAGE_SIZE = 50;

// Headings are read when drawn, in the language on screen.
const column = (key, extra = {}) => ({ key, get label() { return strings.skippedColumns[key]; }, ...extra });
const COLUMNS = [
  column('file'),
  column('row', { format: formatInteger, className: 'number' }),
  column('line', { format: formatInteger, className: 'number' }),
  column('column'),
  column('reason', { className: 'code' }),
  column('detail'),
  column('raw', { className: 'mono raw', clipped: true }),
];

/** Rows skipped in all the files of a run. */
export const skippedRowCount = (summary) => summary.rows.skipped + (summary.customer_table?.rows.skipped ?? 0);

/**
 * @param {HTMLElement} container where the counts by reason go
 * @param {object} summary the engine's summary: the orders' `rows`, and the customers table's
 */
export function renderSkippedReasons(container, summary) {
  const skipped = skippedRowCount(summary);
  if (skipped === 0) {
    container.replaceChildren(el('p', { class: 'muted', text: strings.skippedNone }));
    return;
  }
  const files = [
    summary.input ? { file: summary.input.file_name, rows: summary.rows } : null,
    summary.customer_table ? { file: summary.customer_table.input.file_name, rows: summary.customer_table.rows } : null,
  ].filter(Boolean);
  const reasons = files.flatMap(({ file, rows }) => rows.skipped_by_reason.map((reason) => ({ file, ...reason })));
  const showFile = files.length > 1;
  const headings = strings.skippedReasonColumns;
  container.replaceChildren(
    el('p', { text: strings.skippedIntro(formatInteger(skipped)) }),
    el('div', { class: 'table-scroll' }, el('table', { class: 'data-table compact', id: 'skipped-reasons-table' },
      el('thead', {}, el('tr', {},
        showFile ? el('th', { scope: 'col', text: headings.file }) : null,
        el('th', { scope: 'col', text: headings.reason }),
        el('th', { scope: 'col', text: headings.description }),
        el('th', { scope: 'col', class: 'number', text: headings.count }))),
      el('tbody', {}, ...reasons.map(({ file, reason, description, count }) =>
        el('tr', { dataset: { reason, file } },
          showFile ? el('td', { text: file }) : null,
          el('th', { scope: 'row', class: 'code', text: reason }),
          el('td', { text: strings.skipReason(reason, description) }),
          el('td', { class: 'number', dataset: { col: 'count', value: count } }, formatInteger(count)))))),
    ),
  );
}

/**
 * @param {HTMLElement} root `#skipped-table`
 * @param {object} how
 * @param {(offset: number, count: number) => Promise<object>} how.fetchPage
 * @param {(error: Error) => void} how.onError
 */
export function createSkippedTable(root, { fetchPage, onError }) {
  return new PagedTableView(root, {
    columns: COLUMNS,
    pageSize: PAGE_SIZE,
    fetchPage: (offset, count) => fetchPage(offset, count),
    onError,
  });
}
