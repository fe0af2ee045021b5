// A table of any number of rows (a million customers) that draws only the rows in view. The
// rows stay in the worker: they are fetched in blocks around the rows in view and a few blocks
// are kept (row-blocks.js). The scroll box is as tall as all the rows would be (compressed
// above a safe height, see virtual-rows.js); inside it, the table itself stays put (sticky)
// and shows the rows the scroll position stands for, so the header never scrolls away and
// the rows move a whole row at a time, as in a spreadsheet.
//
// Rows are focusable: the arrow keys, Page Up/Down, Home and End move between them (fetching
// as they go), Enter or a click chooses one. aria-rowcount and aria-rowindex tell assistive
// technology how many rows there are and where each drawn one stands.

import { el } from './dom.js';
import { RowBlocks } from './row-blocks.js';
import { columnHeading } from './sortable-heading.js';
import { strings } from './strings.js';
import { firstRowAt, firstToShow, scrollLayout, scrollTopFor } from './virtual-rows.js';

const ROW_HEIGHT = 32; // px; styles.css draws every row this tall
const BLOCK_SIZE = 100;
const KEEP_BLOCKS = 12;
/** Rows fetched ahead of and behind the rows in view, so that scrolling finds them there. */
const OVERSCAN = 40;
const MAX_IN_FLIGHT = 2;
/** Header height until the table has been laid out (it is drawn while results are hidden). */
const HEAD_FALLBACK = 40;

/** The row blocks of a view not fetched yet. */
const emptyBlocks = () => new RowBlocks({ blockSize: BLOCK_SIZE, keep: KEEP_BLOCKS });

/**
 * @typedef {import('./paged-table-view.js').Column & {width?: number}} VirtualColumn
 *   `width` in rem (the table has a fixed layout, so columns do not jump while scrolling)
 */

export class VirtualTableView {
  #options;
  #scroller;
  #space;
  #window;
  #table;
  #colgroup;
  #head;
  #body;
  #sort;
  /** @type {VirtualColumn[]} */
  #columns = [];
  #headSignature = '';
  /** @type {RowBlocks} */
  #blocks = emptyBlocks();
  #total = 0;
  #first = 0;
  /** The row keyboard focus is on (or enters at). */
  #active = 0;
  #selectedKey = null;
  /** Bumped by every reload; answers for an older one are dropped. */
  #generation = 0;
  /** The generation whose rows are held; behind #generation while a reload is on its way. */
  #shownGeneration = -1;
  #inFlight = 0;
  #fetchFailed = false;
  #layout = scrollLayout({ rows: 0, rowHeight: ROW_HEIGHT, bodyHeight: ROW_HEIGHT });
  #expectedScrollTop = null;
  #frame = 0;
  #busyOutside = false;

  /**
   * @param {HTMLElement} root an element to build into (the table goes at its end)
   * @param {object} options
   * @param {(page: object) => VirtualColumn[]} options.columns from the first rows of a view
   * @param {(offset: number, count: number, sort: {key: string, descending: boolean}|null) => Promise<object>} options.fetchRows
   *   a page of columns with `total` (the rows of the view) and the `rowKey` column
   * @param {{key: string, descending: boolean}} [options.initialSort]
   * @param {string} options.rowKey page field that identifies a row (set as `data-key`)
   * @param {(page: object, i: number) => void} options.onChooseRow
   * @param {(range: {first: number, last: number, total: number, page: object|null}) => void} [options.onRange]
   *   the rows in view (1-based, `last` 0 when none) after each drawing
   * @param {() => string} options.label the table's accessible name, read when drawn
   * @param {string} [options.describedBy] the id of a text that says how to use the table
   * @param {() => string} options.emptyText shown when the view has no rows
   * @param {() => string} options.loadingText shown in a row not fetched yet
   * @param {(error: Error) => void} options.onError
   */
  constructor(root, options) {
    this.#options = options;
    this.#sort = options.initialSort ?? null;
    this.#colgroup = el('colgroup');
    this.#head = el('thead');
    this.#body = el('tbody');
    this.#table = el('table', {
      class: 'data-table virtual-table choosable', 'data-testid': `${root.id}-table`, 'aria-rowcount': '1',
      'aria-describedby': options.describedBy,
    },
      this.#colgroup, this.#head, this.#body);
    this.#window = el('div', { class: 'virtual-table-window' }, this.#table);
    this.#space = el('div', { class: 'virtual-table-space' }, this.#window);
    this.#scroller = el('div', { class: 'virtual-table-scroll', tabindex: '-1', 'data-testid': `${root.id}-scroll` }, this.#space);
    root.append(this.#scroller);

    this.#scroller.addEventListener('scroll', () => this.#onScroll(), { passive: true });
    this.#scroller.addEventListener('keydown', (event) => this.#onKey(event));
    this.#body.addEventListener('click', (event) => {
      const row = event.target.closest('tr[data-row]');
      if (row) this.#choose(Number(row.dataset.row));
    });
    this.#body.addEventListener('focusin', (event) => {
      const row = event.target.closest('tr[data-row]');
      if (row) this.#active = Number(row.dataset.row);
    });
    // Drawn while hidden (no size yet), and the window may change: draw again at the new size.
    new ResizeObserver(() => this.#scheduleRender()).observe(this.#scroller);
    window.addEventListener('resize', () => this.#scheduleRender());
  }

  /** The order shown: `{key, descending}`, or null. */
  get sort() {
    return this.#sort;
  }

  /**
   * Shows the view anew (another result, order or filter): fetches the rows at the top (or,
   * with `position: 'keep'`, at the row now at the top), then swaps them in, so the rows on
   * screen stay until the new ones are there. Resolves when they are drawn.
   * @param {{sort?: {key: string, descending: boolean}|null, position?: 'top'|'keep', clearSelection?: boolean, dropRows?: boolean}} [how]
   *   `dropRows`: the rows held are another result's, which may be on screen before the new
   *   rows come: they leave at once, and nothing can be chosen until the new rows are drawn
   */
  reload({ sort = this.#sort, position = 'top', clearSelection = false, dropRows = false } = {}) {
    const generation = ++this.#generation;
    this.#busyOutside = false;
    this.#table.setAttribute('aria-busy', 'true');
    if (dropRows) {
      this.#blocks = emptyBlocks();
      this.#shownGeneration = -1; // #render and the keys wait for the new rows
      this.#body.replaceChildren();
    }
    const anchor = position === 'keep' ? this.#first : 0;
    const blocks = emptyBlocks();
    // The blocks of the rows that will be in view: one, or two when they straddle a boundary.
    const wanted = blocks.missing(anchor, anchor + Math.max(this.#layout.fullRows, 24));
    for (const block of wanted) blocks.claim(block);
    const fetched = Promise.all(wanted.map((block) => this.#options.fetchRows(block * BLOCK_SIZE, BLOCK_SIZE, sort)));
    return fetched.then((pages) => {
      if (generation !== this.#generation) return;
      const page = pages[0];
      wanted.forEach((block, i) => blocks.put(block, pages[i], anchor));
      this.#blocks = blocks;
      this.#inFlight = 0;
      this.#fetchFailed = false;
      this.#shownGeneration = generation;
      this.#sort = sort;
      this.#total = page.total;
      this.#columns = this.#options.columns(page);
      this.#first = anchor;
      if (position === 'top') this.#active = 0;
      if (clearSelection) this.#selectedKey = null;
      this.#render({ scrollToFirst: true });
    }, (error) => {
      if (generation !== this.#generation) return;
      this.#table.removeAttribute('aria-busy');
      this.#options.onError(error);
    });
  }

  /** Marks the table as about to change (a search being typed), until the next reload. */
  markBusy() {
    this.#busyOutside = true;
    this.#table.setAttribute('aria-busy', 'true');
  }

  /** Ends markBusy when no reload follows (the search typed came back to what is shown). */
  settle() {
    this.#busyOutside = false;
    this.#render();
  }

  #sortBy(column) {
    const same = this.#sort?.key === column.sortKey;
    const sort = { key: column.sortKey, descending: same ? !this.#sort.descending : Boolean(column.descendingFirst) };
    return this.reload({ sort, position: 'top' });
  }

  #onScroll() {
    const top = this.#scroller.scrollTop;
    if (this.#expectedScrollTop !== null) {
      const expected = this.#expectedScrollTop;
      this.#expectedScrollTop = null;
      if (Math.abs(top - expected) < 1) return; // our own scrolling: #first is already right
    }
    const first = firstRowAt(top, this.#layout);
    if (first === this.#first) return;
    this.#first = first;
    this.#scheduleRender();
  }

  #scheduleRender() {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#render();
    });
  }

  #onKey(event) {
    const onRow = event.target instanceof HTMLElement && event.target.matches('tr[data-row]');
    if (!onRow && event.target !== this.#scroller) return; // a sort button keeps its keys
    if (this.#total === 0 || this.#shownGeneration < 0) return;
    const page = this.#layout.fullRows;
    const moves = {
      ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page, Home: -Infinity, End: Infinity,
    };
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.#choose(this.#active);
      return;
    }
    if (!(event.key in moves)) return;
    event.preventDefault();
    const step = moves[event.key];
    const row = Math.max(0, Math.min(this.#total - 1, step === Infinity ? this.#total - 1 : step === -Infinity ? 0 : this.#active + step));
    this.#moveTo(row);
  }

  /** Moves keyboard focus to row `row`, scrolling it into view. */
  #moveTo(row) {
    this.#active = row;
    this.#first = firstToShow(row, this.#first, this.#layout);
    this.#render({ scrollToFirst: true, focusActive: true });
  }

  #choose(row) {
    const held = this.#blocks.row(row);
    if (!held) return; // not fetched yet: nothing to choose
    this.#active = row;
    this.#selectedKey = String(held.page[this.#options.rowKey][held.i]);
    for (const tr of this.#body.rows) tr.classList.toggle('selected', tr.dataset.key === this.#selectedKey);
    this.#options.onChooseRow(held.page, held.i);
  }

  /** The most pixels the table may take: most of the window, never very little or very much. */
  #viewportHeight() {
    return Math.round(Math.min(640, Math.max(300, window.innerHeight * 0.7)));
  }

  #render({ scrollToFirst = false, focusActive = false } = {}) {
    if (this.#shownGeneration < 0) return; // nothing fetched yet
    this.#renderHead();
    const headHeight = this.#head.offsetHeight || HEAD_FALLBACK;
    const scrollbar = this.#scroller.offsetHeight > 0 ? this.#scroller.offsetHeight - this.#scroller.clientHeight : 0;
    const bodyMax = Math.max(ROW_HEIGHT, this.#viewportHeight() - headHeight - scrollbar);
    const bodyHeight = Math.min(bodyMax, Math.max(1, this.#total) * ROW_HEIGHT);
    this.#layout = scrollLayout({ rows: this.#total, rowHeight: ROW_HEIGHT, bodyHeight });
    this.#first = Math.max(0, Math.min(this.#first, this.#layout.maxFirst));
    this.#active = Math.max(0, Math.min(this.#active, this.#total - 1));

    this.#scroller.style.height = `${headHeight + bodyHeight + scrollbar}px`;
    this.#space.style.height = `${headHeight + bodyHeight + this.#layout.scrollRange}px`;
    this.#window.style.height = `${headHeight + bodyHeight}px`;
    if (scrollToFirst) this.#scrollTo(scrollTopFor(this.#first, this.#layout));

    const hadFocus = focusActive || this.#body.contains(document.activeElement);
    const count = Math.min(this.#total - this.#first, Math.ceil(bodyHeight / ROW_HEIGHT));
    const rows = [];
    let missing = false;
    for (let row = this.#first; row < this.#first + count; row++) {
      const held = this.#blocks.row(row);
      if (!held) missing = true;
      rows.push(held ? this.#renderRow(row, held.page, held.i) : this.#placeholderRow(row));
    }
    if (this.#total === 0) {
      rows.push(el('tr', { class: 'virtual-empty' },
        el('td', { colspan: String(Math.max(1, this.#columns.length)), text: this.#options.emptyText() })));
    }
    // One row is in the Tab order: the active one, or the top one when it is out of view.
    if (this.#total > 0) (rows.find((tr) => Number(tr.dataset.row) === this.#active) ?? rows[0])?.setAttribute('tabindex', '0');
    this.#body.replaceChildren(...rows);
    this.#table.setAttribute('aria-rowcount', String(this.#total + 1));
    this.#table.setAttribute('aria-label', this.#options.label());
    if (hadFocus) {
      const target = this.#body.querySelector(`tr[data-row="${this.#active}"]`) ?? this.#scroller;
      target.focus({ preventScroll: true });
    }

    const current = this.#shownGeneration === this.#generation;
    if (current && !missing && !this.#busyOutside) this.#table.removeAttribute('aria-busy');
    else this.#table.setAttribute('aria-busy', 'true');
    this.#options.onRange?.({
      first: count > 0 ? this.#first + 1 : 0,
      last: this.#first + Math.min(count, this.#layout.fullRows),
      total: this.#total,
      page: this.#blocks.anyPage(),
    });
    if (current) this.#fetchMissing(count);
  }

  #scrollTo(top) {
    if (Math.abs(this.#scroller.scrollTop - top) < 1) return;
    this.#scroller.scrollTop = top;
    this.#expectedScrollTop = this.#scroller.scrollTop;
  }

  /** Asks for the blocks the rows in view, and those just around them, need; nearest first. */
  #fetchMissing(count) {
    if (this.#total === 0 || this.#fetchFailed) return;
    const generation = this.#generation;
    const middle = this.#first + Math.floor(count / 2);
    const missing = this.#blocks.missing(Math.max(0, this.#first - OVERSCAN), Math.min(this.#total - 1, this.#first + count + OVERSCAN))
      .sort((a, b) => Math.abs(a * BLOCK_SIZE + BLOCK_SIZE / 2 - middle) - Math.abs(b * BLOCK_SIZE + BLOCK_SIZE / 2 - middle));
    for (const block of missing.slice(0, Math.max(0, MAX_IN_FLIGHT - this.#inFlight))) {
      this.#blocks.claim(block);
      this.#inFlight++;
      const blocks = this.#blocks;
      this.#options.fetchRows(block * BLOCK_SIZE, BLOCK_SIZE, this.#sort).then((page) => {
        if (generation !== this.#generation) return;
        this.#inFlight--;
        blocks.put(block, page, this.#first);
        this.#render();
      }, (error) => {
        if (generation !== this.#generation) return;
        this.#inFlight--;
        blocks.fail(block);
        this.#fetchFailed = true; // no retry loop: the next reload tries again
        this.#options.onError(error);
      });
    }
  }

  #renderHead() {
    const signature = JSON.stringify([this.#columns.map((c) => [c.key, c.label, c.sortKey ?? '', c.width ?? '']), this.#sort]);
    if (signature === this.#headSignature) return;
    this.#headSignature = signature;
    // A sort button is rebuilt with its heading; keep keyboard focus on it across the rebuild.
    const focusedSortKey = this.#head.contains(document.activeElement)
      ? document.activeElement.closest('th')?.dataset.sortKey : undefined;
    this.#colgroup.replaceChildren(...this.#columns.map((column) => {
      const col = el('col');
      col.style.width = `${column.width ?? 8}rem`;
      return col;
    }));
    this.#table.style.width = `${this.#columns.reduce((sum, column) => sum + (column.width ?? 8), 0)}rem`;
    this.#head.replaceChildren(el('tr', { 'aria-rowindex': '1' },
      ...this.#columns.map((column) => columnHeading(column, this.#sort, (chosen) => this.#sortBy(chosen)))));
    if (focusedSortKey) this.#head.querySelector(`th[data-sort-key="${focusedSortKey}"] button`)?.focus();
  }

  #renderRow(row, page, i) {
    const key = String(page[this.#options.rowKey][i]);
    const cells = this.#columns.map((column, c) => {
      const value = column.value ? column.value(page, i) : page[column.key][i];
      const text = column.format ? column.format(value) : String(value);
      return el(c === 0 ? 'th' : 'td', {
        scope: c === 0 ? 'row' : undefined, class: column.className, title: column.clipped ? text : undefined,
        dataset: { col: column.key },
      }, text);
    });
    return el('tr', {
      'aria-rowindex': String(row + 2), tabindex: '-1', dataset: { row: String(row), key },
      class: key === this.#selectedKey ? 'selected' : undefined,
    }, ...cells);
  }

  #placeholderRow(row) {
    return el('tr', { 'aria-rowindex': String(row + 2), tabindex: '-1', class: 'virtual-loading', dataset: { row: String(row) } },
      el('td', { colspan: String(Math.max(1, this.#columns.length)), text: this.#options.loadingText() }));
  }
}
