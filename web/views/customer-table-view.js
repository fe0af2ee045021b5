// The classified customers, however many, in one scrolling table (virtual-table-view.js: only
// the rows in view are fetched from the worker and drawn), sortable by any column, narrowed by
// the filters above it (customer-filter-view.js); choosing one explains it. Besides the RFM
// numbers there is a column for the customer's name (when the file has names), its tier, its
// label in each dimension of the policy, and its CLV figures when the policy uses CLV, so the
// columns follow the result on screen.

import {
  CustomerFilterView, filterFor, isFiltering, NO_FILTER, sameFilter, wireFilter,
} from './customer-filter-view.js';
import { el } from './dom.js';
import { formatInteger, formatMoney, formatOrBlank, formatShare } from './format.js';
import { labelText } from './label-text.js';
import { strings } from './strings.js';
import { VirtualTableView } from './virtual-table-view.js';

// Headings are read when drawn, in the language on screen.
const column = (key, extra = {}) => ({
  key, get label() { return strings.customerColumns[key]; }, get title() { return strings.columnTitles[key]; }, ...extra,
});
const ID_COLUMN = column('customer_id', { sortKey: 'customer_id', clipped: true, width: 8 });
const NAME_COLUMN = column('customer_name', { sortKey: 'customer_name', className: 'name-cell', clipped: true, width: 14 });
const SEGMENT_COLUMN = column('segment', { sortKey: 'segment', clipped: true, width: 11, value: (p, i) => strings.segmentName(p.segment[i]) });
const RFM_COLUMNS = [
  column('r_score', { sortKey: 'r_score', descendingFirst: true, className: 'number', width: 4.5 }),
  column('f_score', { sortKey: 'f_score', descendingFirst: true, className: 'number', width: 4.5 }),
  column('m_score', { sortKey: 'm_score', descendingFirst: true, className: 'number', width: 4.5 }),
  column('recency', { sortKey: 'recency', format: formatInteger, className: 'number', width: 6 }),
  column('frequency', { sortKey: 'frequency', descendingFirst: true, format: formatInteger, className: 'number', width: 6 }),
  column('monetary', { sortKey: 'monetary', descendingFirst: true, format: formatMoney, className: 'number', width: 8.5 }),
  column('first_order', { sortKey: 'first_order', className: 'date', width: 7.5 }),
  column('last_order', { sortKey: 'last_order', descendingFirst: true, className: 'date', width: 7.5 }),
];
/** Read from the page's `clv` columns; a customer without a figure (NaN) has an empty cell. */
const clvColumn = (key, format) => column(key, {
  sortKey: key, descendingFirst: true, className: 'number', width: 7.5, format: formatOrBlank(format), value: (p, i) => p.clv[key][i],
});
const CLV_COLUMNS = [
  clvColumn('p_alive', formatShare),
  clvColumn('expected_purchases', formatMoney), // a mean count: two decimals, like money
  clvColumn('expected_spend', formatMoney),
  clvColumn('clv', formatMoney),
  clvColumn('historical_clv', formatMoney),
];

/** The most valuable customers first. */
const INITIAL_SORT = Object.freeze({ key: 'monetary', descending: true });

/**
 * @param {HTMLElement} root `#customer-table`
 * @param {object} how
 * @param {(offset: number, count: number, sortKey: string, descending: boolean, filter: object|null) => Promise<object>} how.fetchPage
 *   rows of the customers `filter` keeps (see TierLensEngine#customers), in that order
 * @param {(index: number) => void} how.onChooseCustomer gets the customer's engine index
 * @param {(error: Error) => void} how.onError
 * @returns {{reset: (summary: object) => Promise<void>, refresh: (summary: object) => Promise<void>}}
 *   `reset` for a new result (top row, default order, no filter), `refresh` for the same
 *   customers classified anew or drawn in another language (same rows, order and filters,
 *   as far as the new result still has them)
 */
export function createCustomerTable(root, { fetchPage, onChooseCustomer, onError }) {
  let summary = null;
  /** The filter of the rows asked for. */
  let filter = NO_FILTER;
  const filterRoot = el('div', { class: 'customer-filter-bar' });
  const status = el('p', { class: 'customer-table-status', 'aria-live': 'polite', 'data-testid': `${root.id}-status` });
  const hint = el('p', { class: 'customer-table-hint muted', id: `${root.id}-hint` });
  root.replaceChildren(filterRoot, status);
  const table = new VirtualTableView(root, {
    columns: (page) => columnsFor(summary, page),
    initialSort: INITIAL_SORT,
    fetchRows: (offset, count, sort) => fetchPage(offset, count, sort.key, sort.descending, wireFilter(filter)),
    rowKey: 'index',
    onChooseRow: (page, i) => onChooseCustomer(page.index[i]),
    onRange: showRange,
    label: () => strings.customerTable.tableLabel,
    describedBy: hint.id,
    emptyText: () => (isFiltering(filter) ? strings.customerTable.noMatches : strings.customerTable.noCustomers),
    loadingText: () => strings.customerTable.loadingRow,
    onError,
  });
  root.append(hint);
  const filters = new CustomerFilterView(filterRoot, {
    onChange(next) {
      const changed = !sameFilter(next, filter);
      filter = next;
      if (changed) table.reload({ position: 'top' });
      else table.settle();
    },
    onTyping: () => table.markBusy(),
  });

  function showRange({ first, last, total, page }) {
    const all = page?.customers ?? summary?.customers ?? total;
    const text = strings.customerTable;
    if (total === 0) status.textContent = isFiltering(filter) ? text.noneOf(formatInteger(all)) : text.noCustomers;
    else if (total !== all) status.textContent = text.showingFiltered(formatInteger(first), formatInteger(last), formatInteger(total), formatInteger(all));
    else status.textContent = text.showing(formatInteger(first), formatInteger(last), formatInteger(total));
    hint.textContent = text.keyboardHint;
  }

  return {
    reset(next) {
      summary = next;
      filter = NO_FILTER;
      filters.render(next, filter);
      // The rows of the result before are not shown (nor chosen) while this one's come.
      status.textContent = strings.customerTable.loadingRow;
      return table.reload({ sort: INITIAL_SORT, position: 'top', clearSelection: true, dropRows: true });
    },
    refresh(next) {
      summary = next;
      // Filters the new result cannot apply (a tier renamed, a dimension gone) are dropped,
      // and then the rows start from the top: the position meant something else.
      const kept = filterFor(next, filter);
      const dropped = !sameFilter(kept, filter);
      filter = kept;
      filters.render(next, filter);
      // Sorted by a column the new policy no longer has (CLV, a dimension's label): back to
      // the top in the initial order, not an order by a column that is not shown.
      if (!hasSortColumn(next, table.sort?.key)) {
        return table.reload({ sort: INITIAL_SORT, position: 'top' });
      }
      return table.reload({ position: dropped ? 'top' : 'keep' });
    },
  };
}

/** Whether the columns of `summary` include the one sorted by `key`. */
function hasSortColumn(summary, key) {
  if (CLV_COLUMNS.some(({ sortKey }) => sortKey === key)) return Boolean(summary?.clv);
  if (key?.startsWith('label:')) return (summary?.dimensions ?? []).some((dimension) => `label:${dimension.id}` === key);
  return true;
}

function columnsFor(summary, page) {
  const dimensions = summary?.dimensions ?? [];
  const tiers = summary?.tiers ?? [];
  // A name column only when the file has names: most order exports have none.
  const hasNames = page.has_names;
  const tierColumn = tiers.length === 0 ? null : column('tier', {
    sortKey: 'tier',
    className: 'label-cell',
    clipped: true,
    width: 8,
    value: (p, i) => tiers[p.tier[i]]?.name ?? '',
  });
  const labelColumns = dimensions.map((dimension, d) => ({
    key: `label-${dimension.id}`,
    label: dimension.name,
    title: strings.labelColumnTitle(dimension.name),
    className: 'label-cell',
    clipped: true,
    width: 9,
    // Labels sort in the dimension's own order; an RFM segment's is the segment's.
    sortKey: dimension.type === 'rfm_segments' ? 'segment' : `label:${dimension.id}`,
    value: (p, i) => labelText(dimension, dimension.labels[p.labels?.[d]?.[i]]?.label ?? ''),
  }));
  // The segment column stands in for an rfm_segments dimension when the policy has none.
  const segmentColumn = dimensions.some((dimension) => dimension.type === 'rfm_segments') ? null : SEGMENT_COLUMN;
  return [ID_COLUMN, hasNames ? NAME_COLUMN : null, tierColumn, ...labelColumns, segmentColumn, ...RFM_COLUMNS,
    ...(page.clv ? CLV_COLUMNS : [])]
    .filter(Boolean);
}
