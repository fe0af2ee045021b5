// The classified customers, 50 at a time, sortable; choosing one explains it. Besides the RFM
// numbers there is a column for the customer's name (when the file has names), its tier, its
// label in each dimension of the policy, and its CLV figures when the policy uses CLV, so the
// columns follow the result on screen.

import { formatInteger, formatMoney, formatOrBlank, formatShare } from './format.js';
import { labelText } from './label-text.js';
import { PagedTableView } from './paged-table-view.js';
import { strings } from './strings.js';

const PAGE_SIZE = 50;

// Headings are read when drawn, in the language on screen.
const column = (key, extra = {}) => ({
  key, get label() { return strings.customerColumns[key]; }, get title() { return strings.columnTitles[key]; }, ...extra,
});
const ID_COLUMN = column('customer_id', { sortKey: 'customer_id' });
const NAME_COLUMN = column('customer_name', { className: 'name-cell', clipped: true });
const SEGMENT_COLUMN = column('segment', { sortKey: 'segment', value: (p, i) => strings.segmentName(p.segment[i]) });
const RFM_COLUMNS = [
  column('r_score', { sortKey: 'r_score', descendingFirst: true, className: 'number' }),
  column('f_score', { sortKey: 'f_score', descendingFirst: true, className: 'number' }),
  column('m_score', { sortKey: 'm_score', descendingFirst: true, className: 'number' }),
  column('recency', { sortKey: 'recency', format: formatInteger, className: 'number' }),
  column('frequency', { sortKey: 'frequency', descendingFirst: true, format: formatInteger, className: 'number' }),
  column('monetary', { sortKey: 'monetary', descendingFirst: true, format: formatMoney, className: 'number' }),
  column('first_order', { sortKey: 'first_order', className: 'date' }),
  column('last_order', { sortKey: 'last_order', descendingFirst: true, className: 'date' }),
];
/** Read from the page's `clv` columns; a customer without a figure (NaN) has an empty cell. */
const clvColumn = (key, format) => column(key, {
  sortKey: key, descendingFirst: true, className: 'number', format: formatOrBlank(format), value: (p, i) => p.clv[key][i],
});
const CLV_COLUMNS = [
  clvColumn('p_alive', formatShare),
  clvColumn('expected_purchases', formatMoney), // a mean count: two decimals, like money
  clvColumn('expected_spend', formatMoney),
  clvColumn('clv', formatMoney),
  clvColumn('historical_clv', formatMoney),
];

/**
 * @param {HTMLElement} root `#customer-table`
 * @param {object} how
 * @param {(offset: number, count: number, sortKey: string, descending: boolean) => Promise<object>} how.fetchPage
 * @param {(index: number) => void} how.onChooseCustomer gets the customer's engine index
 * @param {(error: Error) => void} how.onError
 * @returns {{reset: (summary: object) => Promise<void>, refresh: (summary: object) => Promise<void>}}
 *   `reset` for a new result (first page, default order), `refresh` for the same customers
 *   classified anew (same page, same order)
 */
export function createCustomerTable(root, { fetchPage, onChooseCustomer, onError }) {
  let summary = null;
  const table = new PagedTableView(root, {
    columns: (page) => columnsFor(summary, page),
    pageSize: PAGE_SIZE,
    initialSort: { key: 'monetary', descending: true }, // the most valuable customers first
    fetchPage: (offset, count, sort) => fetchPage(offset, count, sort.key, sort.descending),
    rowKey: 'index',
    onChooseRow: (page, i) => onChooseCustomer(page.index[i]),
    onError,
  });
  return {
    reset(next) { summary = next; return table.reset(); },
    refresh(next) {
      summary = next;
      // Sorted by a CLV column the new policy no longer has: back to the first page in the
      // initial order, not an order by a column that is not shown.
      if (!next?.clv && CLV_COLUMNS.some(({ sortKey }) => sortKey === table.sort?.key)) return table.reset();
      return table.refresh();
    },
  };
}

function columnsFor(summary, page) {
  const dimensions = summary?.dimensions ?? [];
  const tiers = summary?.tiers ?? [];
  // A name column only when the file has names: most order exports have none.
  const hasNames = Array.isArray(page.customer_name) && page.customer_name.some((name) => name);
  const tierColumn = tiers.length === 0 ? null : column('tier', {
    sortKey: 'tier',
    className: 'label-cell',
    value: (p, i) => tiers[p.tier[i]]?.name ?? '',
  });
  const labelColumns = dimensions.map((dimension, d) => ({
    key: `label-${dimension.id}`,
    label: dimension.name,
    title: strings.labelColumnTitle(dimension.name),
    className: 'label-cell',
    // The engine sorts by segment, which is this dimension's label.
    sortKey: dimension.type === 'rfm_segments' ? 'segment' : undefined,
    value: (p, i) => labelText(dimension, dimension.labels[p.labels?.[d]?.[i]]?.label ?? ''),
  }));
  // The segment column stands in for an rfm_segments dimension when the policy has none.
  const segmentColumn = dimensions.some((dimension) => dimension.type === 'rfm_segments') ? null : SEGMENT_COLUMN;
  return [ID_COLUMN, hasNames ? NAME_COLUMN : null, tierColumn, ...labelColumns, segmentColumn, ...RFM_COLUMNS,
    ...(page.clv ? CLV_COLUMNS : [])]
    .filter(Boolean);
}
