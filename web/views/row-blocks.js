// The rows a virtual table holds on the page: blocks of consecutive rows as the worker sent
// them (each a page of columns), a few around the rows in view, the farthest dropped first.
// The rows themselves stay in the worker; this is a small window onto them.

export class RowBlocks {
  #blockSize;
  #keep;
  /** @type {Map<number, object>} block number → page */
  #pages = new Map();
  /** Blocks asked for and not yet answered. */
  #pending = new Set();

  /** @param {{blockSize: number, keep: number}} how `keep`: the most blocks held */
  constructor({ blockSize, keep }) {
    this.#blockSize = blockSize;
    this.#keep = keep;
  }

  get blockSize() {
    return this.#blockSize;
  }

  /** The block holding row `row`. */
  blockOf(row) {
    return Math.floor(row / this.#blockSize);
  }

  /** Row `row` as `{page, i}` (its page and its place in it), or null when not held. */
  row(row) {
    const page = this.#pages.get(this.blockOf(row));
    const i = row - this.blockOf(row) * this.#blockSize;
    return page && i < (page.index?.length ?? 0) ? { page, i } : null;
  }

  /** Any page held (they all carry the view's totals), or null. */
  anyPage() {
    return this.#pages.values().next().value ?? null;
  }

  /** The blocks rows `first`…`last` need that are neither held nor asked for. */
  missing(first, last) {
    const missing = [];
    for (let block = this.blockOf(Math.max(0, first)); block <= this.blockOf(Math.max(0, last)); block++) {
      if (!this.#pages.has(block) && !this.#pending.has(block)) missing.push(block);
    }
    return missing;
  }

  /** Block `block` is being asked for. */
  claim(block) {
    this.#pending.add(block);
  }

  /** Whether some block is asked for and not answered. */
  get loading() {
    return this.#pending.size > 0;
  }

  /** Block `block` arrived; the blocks farthest from `nearRow` go when more than `keep` are held. */
  put(block, page, nearRow) {
    this.#pending.delete(block);
    this.#pages.set(block, page);
    if (this.#pages.size <= this.#keep) return;
    const near = this.blockOf(nearRow);
    const byDistance = [...this.#pages.keys()].sort((a, b) => Math.abs(b - near) - Math.abs(a - near));
    for (const far of byDistance.slice(0, this.#pages.size - this.#keep)) this.#pages.delete(far);
  }

  /** Block `block` could not be fetched: it may be asked for again. */
  fail(block) {
    this.#pending.delete(block);
  }

  /** How many blocks are held (for the tests). */
  get size() {
    return this.#pages.size;
  }
}
