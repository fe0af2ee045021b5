// A table that shows one page of a long result at a time, asks for pages on demand, and
// optionally sorts by a column and lets a row be chosen. The rows stay in the worker; only
// the page on screen crosses to the page.

import { el } from './dom.js';
import { formatInteger } from './format.js';
import { columnHeading } from './sortable-heading.js';
import { strings } from './strings.js';

/**
 * @typedef {object} Column
 * @property {string} key field of the page (a column array)
 * @property {string} label heading text
 * @property {string} [title] longer heading, shown on hover
 * @property {string} [sortKey] the engine's sort key; absent = not sortable
 * @property {boolean} [descendingFirst] first click sorts largest first
 * @property {(value: any) => string} [format]
 * @property {string} [className] `number`, `mono` …
 * @property {boolean} [clipped] drawn on one line and cut; the full text shows on hover
 * @property {(page: object, i: number) => any} [value] the cell's value when it is not simply
 *   `page[key][i]` (e.g. a label looked up by its index)
 */

export class PagedTableView {
  #root;
  #options;
  #offset = 0;
  #total = 0;
  #sort;
  #request = 0;
  #selectedKey = null;
  #table;
  #status;
  #previous;
  #next;

  /**
   * @param {HTMLElement} root an empty element to build into
   * @param {object} options
   * @param {Column[]|((page: object) => Column[])} options.columns a function when the
   *   columns depend on the result (one per dimension of the policy, say)
   * @param {number} options.pageSize
   * @param {(offset: number, count: number, sort: {key: string, descending: boolean}|null) => Promise<object>} options.fetchPage
   * @param {{key: string, descending: boolean}} [options.initialSort]
   * @param {string} [options.rowKey] page field that identifies a row (set as `data-key`)
   * @param {(page: object, i: number) => void} [options.onChooseRow] rows become choosable
   * @param {(error: Error) => void} options.onError
   */
  constructor(root, options) {
    this.#root = root;
    this.#options = options;
    this.#sort = options.initialSort ?? null;
    this.#table = el('table', { class: 'data-table', 'data-testid': `${root.id}-table` });
    this.#status = el('span', { class: 'pager-status', 'aria-live': 'polite', 'data-testid': `${root.id}-status` });
    this.#previous = el('button', { type: 'button', class: 'button secondary', text: strings.previousPage, on: { click: () => this.#turn(-1) } });
    this.#next = el('button', { type: 'button', class: 'button secondary', text: strings.nextPage, on: { click: () => this.#turn(+1) } });
    root.replaceChildren(
      el('div', { class: 'table-scroll' }, this.#table),
      el('div', { class: 'pager' }, this.#previous, this.#status, this.#next),
    );
  }

  /** Shows the first page, in the initial order, for a new result. */
  reset() {
    this.#offset = 0;
    this.#sort = this.#options.initialSort ?? null;
    this.#selectedKey = null;
    return this.#load();
  }

  /**
   * Shows the same page, in the same order, again: for the same rows classified anew. The
   * chosen row stays chosen.
   */
  refresh() {
    return this.#load();
  }

  /** The order shown: `{key, descending}`, or null. */
  get sort() {
    return this.#sort;
  }

  #turn(direction) {
    const offset = this.#offset + direction * this.#options.pageSize;
    if (offset < 0 || offset >= this.#total) return;
    this.#offset = offset;
    this.#load();
  }

  #sortBy(column) {
    const same = this.#sort?.key === column.sortKey;
    this.#sort = { key: column.sortKey, descending: same ? !this.#sort.descending : Boolean(column.descendingFirst) };
    this.#offset = 0;
    return this.#load();
  }

  // The pager stays usable while a page loads (disabling a focused button would throw keyboard
  // focus to the top of the document); answers to superseded requests are dropped.
  async #load() {
    const request = ++this.#request;
    this.#table.setAttribute('aria-busy', 'true');
    try {
      const page = await this.#options.fetchPage(this.#offset, this.#options.pageSize, this.#sort);
      if (request === this.#request) this.#render(page);
    } catch (error) {
      if (request === this.#request) this.#options.onError(error);
    } finally {
      if (request === this.#request) this.#table.removeAttribute('aria-busy');
    }
  }

  #columns(page) {
    const { columns } = this.#options;
    return typeof columns === 'function' ? columns(page) : columns;
  }

  #render(page) {
    const { rowKey, onChooseRow, pageSize } = this.#options;
    const columns = this.#columns(page);
    const count = pageRowCount(page, columns);
    const rows = Array.from({ length: count }, (_, i) => this.#renderRow(page, i, columns));
    // A sort button is rebuilt with its heading; keep keyboard focus on it across the rebuild.
    const focusedSortKey = this.#table.contains(document.activeElement)
      ? document.activeElement.closest('th')?.dataset.sortKey : undefined;
    this.#table.replaceChildren(this.#renderHead(columns), el('tbody', {}, ...rows));
    if (focusedSortKey) this.#table.querySelector(`th[data-sort-key="${focusedSortKey}"] button`)?.focus();
    this.#table.classList.toggle('choosable', Boolean(onChooseRow && rowKey));
    // Set on every page, so a page drawn again after a change of language speaks it.
    this.#previous.textContent = strings.previousPage;
    this.#next.textContent = strings.nextPage;

    const first = this.#offset + 1;
    const last = this.#offset + count;
    this.#status.textContent = page.total === 0 || count === 0
      ? strings.noRows
      : strings.rowsOf(formatInteger(first), formatInteger(last), formatInteger(page.total));
    this.#total = page.total;
    // aria-disabled rather than disabled, so a focused button keeps focus on the last page.
    this.#previous.setAttribute('aria-disabled', String(this.#offset === 0));
    this.#next.setAttribute('aria-disabled', String(this.#offset + pageSize >= page.total));
  }

  #renderHead(columns) {
    return el('thead', {}, el('tr', {},
      ...columns.map((column) => columnHeading(column, this.#sort, (chosen) => this.#sortBy(chosen)))));
  }

  #renderRow(page, i, columns) {
    const { rowKey, onChooseRow } = this.#options;
    const key = rowKey ? String(page[rowKey][i]) : undefined;
    const choose = onChooseRow && rowKey ? () => {
      this.#selectedKey = key;
      for (const row of this.#table.tBodies[0].rows) row.classList.toggle('selected', row.dataset.key === key);
      onChooseRow(page, i);
    } : null;

    const cells = columns.map((column, c) => {
      const value = column.value ? column.value(page, i) : page[column.key][i];
      const text = column.format ? column.format(value) : String(value);
      // The first cell of a choosable row is a button, so rows can be chosen from the keyboard.
      const content = choose && c === 0 ? el('button', { type: 'button', class: 'link-button', on: { click: choose } }, text) : text;
      return el(c === 0 ? 'th' : 'td', {
        scope: c === 0 ? 'row' : undefined, class: column.className, title: column.clipped ? text : undefined, dataset: { col: column.key },
      }, content);
    });
    const row = el('tr', { dataset: { key }, class: key !== undefined && key === this.#selectedKey ? 'selected' : undefined }, ...cells);
    if (choose) {
      row.addEventListener('click', (event) => {
        if (!event.target.closest('button')) choose();
      });
    }
    return row;
  }
}

/** How many rows a page holds: the length of its first column. */
function pageRowCount(page, columns) {
  return page[columns[0].key]?.length ?? 0;
}
