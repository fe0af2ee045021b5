// The segment summary table: the numbers behind the chart, and the chart's text equivalent.

import { el } from './dom.js';
import { formatInteger, formatMoney, formatShare } from './format.js';
import { strings } from './strings.js';

const COLUMNS = [
  { key: 'customers', format: formatInteger },
  { key: 'customer_share', format: formatShare },
  { key: 'revenue', format: formatMoney },
  { key: 'revenue_share', format: formatShare },
];

/**
 * @param {HTMLTableElement} table `#segment-table`
 * @param {object} summary the engine's summary
 */
export function renderSegmentTable(table, summary) {
  const headings = strings.segmentColumns;
  const head = el('thead', {}, el('tr', {},
    el('th', { scope: 'col', text: headings.segment }),
    ...COLUMNS.map(({ key }) => el('th', { scope: 'col', class: 'number', text: headings[key] }))));

  const body = el('tbody', {}, ...summary.segments.map((segment) =>
    el('tr', { dataset: { segment: segment.segment } },
      el('th', { scope: 'row', dataset: { col: 'segment' }, text: strings.segmentName(segment.segment) }),
      ...COLUMNS.map(({ key, format }) => numberCell(key, segment[key], format)))));

  const total = {
    customers: summary.customers, customer_share: 1, revenue: summary.revenue, revenue_share: 1,
  };
  const foot = el('tfoot', {}, el('tr', { dataset: { segment: '' } },
    el('th', { scope: 'row', text: strings.segmentTotal }),
    ...COLUMNS.map(({ key, format }) => numberCell(key, total[key], format))));

  table.replaceChildren(el('caption', { class: 'visually-hidden', text: strings.segmentsHeading }), head, body, foot);
}

/** A number cell; `data-value` keeps the exact number for tests and copy-paste. */
function numberCell(key, value, format) {
  return el('td', { class: 'number', dataset: { col: key, value } }, format(value));
}
