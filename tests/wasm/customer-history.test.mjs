// The profile card's calls under Node: customerHistory() (a customer's orders by day, returns
// apart) and customerProfile() (attributes and metrics), on tiny_orders.csv, whose customer C
// bought 20.00 on 2024-03-05 and returned 5.00 on 2024-03-09, and whose A has two rows of one
// order on 2024-03-01. Keeping the order log must not change any output.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';

import { fixturesDir } from '../support/paths.mjs';
import { loadEngineUnderNode } from './engine-under-node.mjs';

const TINY = join(fixturesDir, 'tiny_orders.csv');
const isoDay = (day) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** Classifies tiny_orders.csv; answers the engine index of each customer id. */
function classifyTiny(engine, input) {
  engine.begin('tiny_orders.csv', null, input);
  engine.feed(readFileSync(TINY));
  engine.finish();
  const page = engine.customers(0, 50);
  return Object.fromEntries(page.customer_id.map((id, row) => [id, page.index[row]]));
}

const plain = (history) => ({
  kept: history.kept,
  day: [...history.day].map(isoDay),
  purchases: [...history.purchases],
  returns: [...history.returns],
});

describe('customerHistory', () => {
  let engine;
  before(async () => { engine = await loadEngineUnderNode(); });

  test('purchases and returns by day, when the run keeps the order log', () => {
    const index = classifyTiny(engine, { keepOrderLog: true });
    const history = engine.customerHistory(index.C);
    assert.ok(history.day instanceof Int32Array && history.purchases instanceof Float64Array);
    assert.deepEqual(plain(history), { kept: true, day: ['2024-03-05', '2024-03-09'], purchases: [20, 0], returns: [0, 5] });
    assert.deepEqual(plain(engine.customerHistory(index.A)),
      { kept: true, day: ['2024-01-10', '2024-03-01'], purchases: [100, 100], returns: [0, 0] });
    assert.equal(engine.customerHistory(999), null);
  });

  test('kept is false without keepOrderLog', () => {
    const index = classifyTiny(engine, {});
    assert.deepEqual(plain(engine.customerHistory(index.C)), { kept: false, day: [], purchases: [], returns: [] });
  });

  test('keeping the order log changes no output', () => {
    classifyTiny(engine, {});
    const without = [engine.summaryJson(), Buffer.from(engine.customersCsv())];
    classifyTiny(engine, { keepOrderLog: true });
    assert.equal(engine.summaryJson(), without[0]);
    assert.ok(Buffer.from(engine.customersCsv()).equals(without[1]));
  });

  test('keep_order_log must be true or false', () => {
    const status = JSON.parse(engine.module.beginIngest('tiny_orders.csv', '', '{"keep_order_log": "yes"}'));
    assert.deepEqual(status, { ok: false, code: 'invalid_options', message: 'keep_order_log: expected true or false' });
  });
});

describe('customerProfile', () => {
  let engine;
  before(async () => { engine = await loadEngineUnderNode(); });

  test('every metric, null where the customer has none', () => {
    const index = classifyTiny(engine, {});
    const { attributes, metrics } = engine.customerProfile(index.C);
    assert.deepEqual(attributes, []);
    assert.equal(metrics.frequency, 1);
    assert.equal(metrics.monetary, 15);
    assert.equal(metrics.average_order_value, 15);
    assert.equal(metrics.clv, null);
    assert.throws(() => engine.customerProfile(999), { code: 'invalid_state' });
  });
});
