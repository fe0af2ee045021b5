// The rows that were not used: how many for each reason, and every one of them, page by page.

import { el } from './dom.js';
import { formatInteger } from './format.js';
import { PagedTableView } from './paged-table-view.js';
import { strings } from './strings.js';

const PAGE_SIZE = 50;

const column = (key, extra = {}) => ({ key, label: strings.skippedColumns[key], ...extra });
const COLUMNS = [
  column('row', { format: formatInteger, className: 'number' }),
  column('line', { format: formatInteger, className: 'number' }),
  column('column'),
  column('reason', { className: 'code' }),
  column('detail'),
  column('raw', { className: 'mono raw', clipped: true }),
];

/**
 * @param {HTMLElement} container where the counts by reason go
 * @param {object} rows the summary's `rows`
 */
export function renderSkippedReasons(container, rows) {
  if (rows.skipped === 0) {
    container.replaceChildren(el('p', { class: 'muted', text: strings.skippedNone }));
    return;
  }
  const headings = strings.skippedReasonColumns;
  container.replaceChildren(
    el('p', { text: strings.skippedIntro(formatInteger(rows.skipped)) }),
    el('div', { class: 'table-scroll' }, el('table', { class: 'data-table compact', id: 'skipped-reasons-table' },
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col', text: headings.reason }),
        el('th', { scope: 'col', text: headings.description }),
        el('th', { scope: 'col', class: 'number', text: headings.count }))),
      el('tbody', {}, ...rows.skipped_by_reason.map(({ reason, description, count }) =>
        el('tr', { dataset: { reason } },
          el('th', { scope: 'row', class: 'code', text: reason }),
          el('td', { text: description }),
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
    rowKey: 'row',
    onError,
  });
}
