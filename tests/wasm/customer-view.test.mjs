// The customer table's views through the wasm build, as the page's worker asks for them:
// customers(offset, count, sortKey, descending, filter) on tests/fixtures/customer_view/ (the
// answers are worked out in tests/core/customer_view_test.cpp, whose case names these follow).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';

import { fixturesDir } from '../support/paths.mjs';
import { loadEngineUnderNode } from './engine-under-node.mjs';

const DIR = join(fixturesDir, 'customer_view');

describe('CustomerView', () => {
  let engine;
  /** The ids of the view (all its rows), and its total. */
  const ids = (filter, sortKey = 'customer_id', descending = false) => {
    const page = engine.customers(0, 100, sortKey, descending, filter);
    assert.equal(page.total, page.customer_id.length);
    return page.customer_id.join(' ');
  };

  before(async () => {
    engine = await loadEngineUnderNode();
    engine.begin('orders.csv', JSON.parse(readFileSync(join(DIR, 'policy.json'), 'utf8')));
    engine.feed(readFileSync(join(DIR, 'orders.csv')));
    engine.finish();
  });

  test('NoFilterKeepsEveryCustomerInTheSortOrder', () => {
    assert.equal(ids(null), 'C-003 D-004 E-005 K-001 k-002');
    assert.equal(ids({}, 'monetary', true), 'K-001 k-002 C-003 D-004 E-005');
    const page = engine.customers(0, 2, 'customer_id', false);
    assert.deepEqual([page.total, page.customers, page.has_names], [5, 5, true]);
  });

  test('SortsByALabelInItsDimensionsOrderAndByName', () => {
    assert.equal(ids(null, 'label:value'), 'K-001 k-002 C-003 D-004 E-005');
    assert.equal(ids(null, 'label:value', true), 'E-005 C-003 D-004 K-001 k-002');
    assert.equal(ids(null, 'customer_name'), 'C-003 K-001 k-002 D-004 E-005');
    assert.equal(ids({ tier: '普通客户' }, 'customer_name', true), 'D-004 E-005');
  });

  test('FiltersByTier', () => {
    assert.equal(ids({ tier: '重点客户' }), 'C-003 k-002');
    assert.equal(ids({ tier: '重点客户' }, 'monetary', true), 'k-002 C-003');
    assert.equal(ids({ tier: '普通客户' }, 'monetary', false), 'E-005 D-004');
  });

  test('FiltersByLabelsOfAnyDimensionAllOfThemAtOnce', () => {
    assert.equal(ids({ labels: { value: '高价值' } }), 'K-001 k-002');
    assert.equal(ids({ labels: { value: '中价值', scale: '大型' } }), 'C-003');
    assert.equal(ids({ labels: { value: '低价值', scale: '大型' } }), '');
  });

  test('FiltersCombineWithTheSearch', () => {
    assert.equal(ids({ tier: '重点客户', search: 'acme' }), 'C-003');
  });

  test('SearchFindsIdsAndNamesIgnoringAsciiCase', () => {
    assert.equal(ids({ search: 'acme' }), 'C-003 K-001');
    assert.equal(ids({ search: 'K-00' }), 'K-001 k-002');
    assert.equal(ids({ search: '005' }), 'E-005');
  });

  test('SearchFindsChineseNamesBySubstring', () => {
    assert.equal(ids({ search: '华盛' }), 'D-004 k-002');
    assert.equal(ids({ search: '华盛机械' }), 'k-002');
  });

  test('a page of a view: its rows from the offset, the total of the view and of the result', () => {
    const page = engine.customers(1, 1, 'monetary', true, { search: '华盛' });
    assert.deepEqual([page.total, page.customers, [...page.customer_id]], [2, 5, ['D-004']]);
    assert.deepEqual(page.customer_name, ['北京华盛科技']);
    assert.ok(page.monetary instanceof Float64Array);
    assert.deepEqual([...page.monetary], [100]);
  });

  test('NamesTheResultDoesNotHaveAreErrors', () => {
    assert.throws(() => engine.customers(0, 10, 'customer_id', false, { tier: 'VIP' }),
      { name: 'TierLensError', code: 'invalid_options', message: 'customer filter: no tier named "VIP"' });
    assert.throws(() => engine.customers(0, 10, 'customer_id', false, { labels: { value: '顶级' } }),
      { code: 'invalid_options', message: 'customer filter: dimension "value" has no label "顶级"' });
    assert.throws(() => engine.customers(0, 10, 'customer_id', false, { order: 'id' }),
      { code: 'invalid_options', message: 'customer filter: unknown key "order"' });
    // The engine still answers the next page.
    assert.equal(ids({ tier: '战略客户' }), 'K-001');
  });
});
