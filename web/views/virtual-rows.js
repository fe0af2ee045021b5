// Where a virtually scrolled table stands: which row is at the top for a scroll position, and
// the scroll position of a row. Browsers cap an element's height (Chromium near 33.5 M px,
// Firefox near 17.9 M px), and a million rows of 32 px reach that; above a safe height the
// scroll range is compressed, one pixel of scrolling then passing over several rows.

/** The tallest scroll range used; every browser lays out far more than this. */
export const SAFE_SCROLL_RANGE = 8_000_000;

/**
 * @param {{rows: number, rowHeight: number, bodyHeight: number, safeRange?: number}} how
 *   `bodyHeight`: the pixels rows are shown in, below the header
 * @returns {{rows: number, rowHeight: number, fullRows: number, maxFirst: number, scrollRange: number}}
 *   `fullRows`: rows wholly in view; `maxFirst`: the top row when scrolled to the end (the
 *   last row then wholly in view); `scrollRange`: the pixels the scroll bar travels
 */
export function scrollLayout({ rows, rowHeight, bodyHeight, safeRange = SAFE_SCROLL_RANGE }) {
  const fullRows = Math.max(1, Math.floor(bodyHeight / rowHeight));
  const maxFirst = Math.max(0, rows - fullRows);
  return { rows, rowHeight, fullRows, maxFirst, scrollRange: Math.min(maxFirst * rowHeight, safeRange) };
}

/** Whether the layout compresses the scroll range (one pixel is not one pixel of rows). */
export const isScaled = (layout) => layout.scrollRange < layout.maxFirst * layout.rowHeight;

/** The top row at scroll position `scrollTop`. */
export function firstRowAt(scrollTop, layout) {
  const { maxFirst, scrollRange, rowHeight } = layout;
  if (scrollRange <= 0 || scrollTop <= 0) return 0;
  if (scrollTop >= scrollRange) return maxFirst;
  const first = isScaled(layout) ? Math.floor((scrollTop / scrollRange) * maxFirst) : Math.floor(scrollTop / rowHeight);
  return Math.min(maxFirst, first);
}

/**
 * The scroll position that puts row `first` at the top (as nearly as whole pixels allow when
 * the range is compressed so much that a pixel passes over several rows).
 */
export function scrollTopFor(first, layout) {
  const { maxFirst, scrollRange, rowHeight } = layout;
  const row = Math.max(0, Math.min(maxFirst, first));
  if (scrollRange <= 0 || row === 0) return 0;
  if (row === maxFirst) return scrollRange;
  return isScaled(layout) ? Math.ceil((row * scrollRange) / maxFirst) : row * rowHeight;
}

/**
 * The top row that brings row `row` into view from top row `first`, moving as little as
 * possible: unchanged when it is wholly in view already.
 */
export function firstToShow(row, first, layout) {
  if (row < first) return row;
  if (row > first + layout.fullRows - 1) return Math.min(layout.maxFirst, row - layout.fullRows + 1);
  return Math.min(first, layout.maxFirst);
}
