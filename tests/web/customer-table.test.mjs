// The customer table's arithmetic, without a browser: where a virtually scrolled table stands
// for a scroll position (also above the browsers' height cap, where the range is compressed),
// the blocks of rows it holds, and the filters it sends and keeps across a new result.
//
// Run: node --test tests/web/

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { filterFor, isFiltering, NO_FILTER, sameFilter, wireFilter } from '../../web/views/customer-filter-view.js';
import { RowBlocks } from '../../web/views/row-blocks.js';
import {
  firstRowAt, firstToShow, isScaled, SAFE_SCROLL_RANGE, scrollLayout, scrollTopFor,
} from '../../web/views/virtual-rows.js';

describe('virtual rows', () => {
  test('a few rows: no scrolling, the top row is the first', () => {
    const layout = scrollLayout({ rows: 5, rowHeight: 32, bodyHeight: 160 });
    assert.deepEqual(layout, { rows: 5, rowHeight: 32, fullRows: 5, maxFirst: 0, scrollRange: 0 });
    assert.equal(firstRowAt(100, layout), 0);
    assert.equal(scrollTopFor(3, layout), 0);
  });

  test('420 rows, 18 in view: one pixel is one pixel of rows', () => {
    const layout = scrollLayout({ rows: 420, rowHeight: 32, bodyHeight: 590 }); // 18 whole rows and a part
    assert.equal(layout.fullRows, 18);
    assert.equal(layout.maxFirst, 402);
    assert.equal(layout.scrollRange, 402 * 32);
    assert.ok(!isScaled(layout));
    assert.equal(firstRowAt(0, layout), 0);
    assert.equal(firstRowAt(31.9, layout), 0);
    assert.equal(firstRowAt(32, layout), 1);
    assert.equal(firstRowAt(3200, layout), 100);
    assert.equal(firstRowAt(1e9, layout), 402);
    for (const row of [0, 1, 100, 401, 402]) assert.equal(firstRowAt(scrollTopFor(row, layout), layout), row);
  });

  test('a million rows: the range is compressed below the cap, and every row can still be reached', () => {
    const layout = scrollLayout({ rows: 1_000_000, rowHeight: 32, bodyHeight: 590 });
    assert.equal(layout.maxFirst, 999_982);
    assert.equal(layout.scrollRange, SAFE_SCROLL_RANGE);
    assert.ok(layout.maxFirst * 32 > SAFE_SCROLL_RANGE, 'what the range stands for');
    assert.ok(isScaled(layout));
    assert.equal(firstRowAt(SAFE_SCROLL_RANGE / 2, layout), 499_991);
    assert.equal(firstRowAt(SAFE_SCROLL_RANGE, layout), 999_982);
    assert.equal(firstRowAt(SAFE_SCROLL_RANGE - 1, layout), 999_981);
    for (const row of [0, 1, 2, 12_345, 499_991, 999_981, 999_982]) {
      assert.equal(firstRowAt(scrollTopFor(row, layout), layout), row, `row ${row}`);
    }
  });

  test('bringing a row into view moves as little as possible', () => {
    const layout = scrollLayout({ rows: 100, rowHeight: 32, bodyHeight: 320 }); // 10 in view
    assert.equal(firstToShow(15, 10, layout), 10); // in view: stays
    assert.equal(firstToShow(19, 10, layout), 10);
    assert.equal(firstToShow(20, 10, layout), 11); // one below: one down
    assert.equal(firstToShow(9, 10, layout), 9); // one above: one up
    assert.equal(firstToShow(99, 0, layout), 90); // the last row: at the bottom
  });
});

describe('row blocks', () => {
  const page = (first, count) => ({ total: 1000, index: Uint32Array.from({ length: count }, (_, i) => first + i) });

  test('rows are found in their block, and missing blocks are asked for once', () => {
    const blocks = new RowBlocks({ blockSize: 100, keep: 3 });
    assert.deepEqual(blocks.missing(150, 260), [1, 2]);
    blocks.claim(1);
    assert.deepEqual(blocks.missing(150, 260), [2]);
    assert.ok(blocks.loading);
    blocks.put(1, page(100, 100), 150);
    assert.equal(blocks.row(150).page.index[blocks.row(150).i], 150);
    assert.equal(blocks.row(250), null);
    assert.ok(!blocks.loading);
  });

  test('a short last block holds only its rows', () => {
    const blocks = new RowBlocks({ blockSize: 100, keep: 3 });
    blocks.put(9, page(900, 42), 900);
    assert.equal(blocks.row(941).page.index[blocks.row(941).i], 941);
    assert.equal(blocks.row(942), null);
  });

  test('the blocks farthest from the rows in view go first', () => {
    const blocks = new RowBlocks({ blockSize: 100, keep: 3 });
    for (const block of [0, 1, 2]) blocks.put(block, page(block * 100, 100), 0);
    blocks.put(5, page(500, 100), 500); // now in view: block 0 is the farthest
    assert.equal(blocks.size, 3);
    assert.equal(blocks.row(50), null);
    assert.ok(blocks.row(150) && blocks.row(250) && blocks.row(550));
  });

  test('a failed block may be asked for again', () => {
    const blocks = new RowBlocks({ blockSize: 100, keep: 3 });
    blocks.claim(4);
    blocks.fail(4);
    assert.deepEqual(blocks.missing(400, 450), [4]);
  });
});

describe('customer filters', () => {
  const summary = {
    tiers: [{ name: 'VIP' }, { name: 'Grow' }],
    dimensions: [{ id: 'lifecycle', type: 'lifecycle', labels: [{ label: 'Loyal' }, { label: 'Lost' }] }],
    segments: [{ segment: 'Champions' }, { segment: 'Lost' }],
  };

  test('only what is set goes to the worker; nothing set is no filter', () => {
    assert.equal(wireFilter(NO_FILTER), null);
    assert.equal(wireFilter({ ...NO_FILTER, search: '   ' }), null);
    assert.ok(!isFiltering({ ...NO_FILTER, search: ' ' }));
    assert.deepEqual(wireFilter({ tier: 'VIP', labels: { lifecycle: 'Loyal' }, segment: null, search: ' 华盛 ' }),
      { tier: 'VIP', labels: { lifecycle: 'Loyal' }, search: '华盛' });
    assert.ok(sameFilter({ ...NO_FILTER, search: 'a ' }, { ...NO_FILTER, search: ' a' }));
    assert.ok(!sameFilter({ ...NO_FILTER, tier: 'VIP' }, NO_FILTER));
  });

  test('a new result keeps the filters it still has, and drops the others', () => {
    const filter = { tier: 'VIP', labels: { lifecycle: 'Loyal' }, segment: 'Champions', search: 'cn' };
    assert.deepEqual(filterFor(summary, filter), filter);
    const renamed = { ...summary, tiers: [{ name: 'A' }], dimensions: [{ ...summary.dimensions[0], labels: [{ label: 'Lost' }] }] };
    assert.deepEqual(filterFor(renamed, filter), { tier: null, labels: {}, segment: 'Champions', search: 'cn' });
    // With an rfm_segments dimension the segment is chosen there: the segment filter goes.
    const withSegments = { ...summary, dimensions: [...summary.dimensions, { id: 'rfm', type: 'rfm_segments', labels: [] }] };
    assert.equal(filterFor(withSegments, filter).segment, null);
  });
});
