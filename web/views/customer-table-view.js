// The classified customers, 50 at a time, sortable by any column; choosing one explains it.

import { formatInteger, formatMoney } from './format.js';
import { PagedTableView } from './paged-table-view.js';
import { strings } from './strings.js';

const PAGE_SIZE = 50;

const column = (key, extra = {}) => ({ key, label: strings.customerColumns[key], title: strings.columnTitles[key], ...extra });
const COLUMNS = [
  column('customer_id', { sortKey: 'customer_id' }),
  column('segment', { sortKey: 'segment' }),
  column('r_score', { sortKey: 'r_score', descendingFirst: true, className: 'number' }),
  column('f_score', { sortKey: 'f_score', descendingFirst: true, className: 'number' }),
  column('m_score', { sortKey: 'm_score', descendingFirst: true, className: 'number' }),
  column('recency', { sortKey: 'recency', format: formatInteger, className: 'number' }),
  column('frequency', { sortKey: 'frequency', descendingFirst: true, format: formatInteger, className: 'number' }),
  column('monetary', { sortKey: 'monetary', descendingFirst: true, format: formatMoney, className: 'number' }),
  column('first_order', { sortKey: 'first_order', className: 'date' }),
  column('last_order', { sortKey: 'last_order', descendingFirst: true, className: 'date' }),
];

/**
 * @param {HTMLElement} root `#customer-table`
 * @param {object} how
 * @param {(offset: number, count: number, sortKey: string, descending: boolean) => Promise<object>} how.fetchPage
 * @param {(index: number) => void} how.onChooseCustomer gets the customer's engine index
 * @param {(error: Error) => void} how.onError
 */
export function createCustomerTable(root, { fetchPage, onChooseCustomer, onError }) {
  return new PagedTableView(root, {
    columns: COLUMNS,
    pageSize: PAGE_SIZE,
    initialSort: { key: 'monetary', descending: true }, // the most valuable customers first
    fetchPage: (offset, count, sort) => fetchPage(offset, count, sort.key, sort.descending),
    rowKey: 'index',
    onChooseRow: (page, i) => onChooseCustomer(page.index[i]),
    onError,
  });
}
