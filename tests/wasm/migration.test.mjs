// Comparing runs (客户迁移) through the wasm build under Node: the earlier run is read beside
// the result on screen, which it must not disturb, and the downloads must equal the CLI's
// `tierlens compare` byte for byte: the built-in sample as of two dates, and a customers.csv
// saved at the earlier date compared with the later run.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';

import { runCli, writeSampleWithCli } from '../support/cli.mjs';
import { loadEngineUnderNode } from './engine-under-node.mjs';

const EARLIER = '2024-06-30';
const LATER = '2024-12-31';

/** Feeds `bytes` in chunks of `chunk` through `feed`. */
function feedAll(feed, bytes, chunk = 64 * 1024) {
  for (let at = 0; at < bytes.length; at += chunk) feed(bytes.subarray(at, at + chunk));
}

function cliCompare(args) {
  const out = mkdtempSync(join(tmpdir(), 'tierlens-migration-'));
  runCli(['compare', ...args, '--out', out]);
  return { json: readFileSync(join(out, 'migration.json')), csv: readFileSync(join(out, 'migration.csv')) };
}

describe('comparing runs in the wasm build', () => {
  let engine;
  let sample;
  let sampleBytes;

  before(async () => {
    engine = await loadEngineUnderNode();
    sample = writeSampleWithCli();
    sampleBytes = readFileSync(sample);
  });

  /** The sample as the result on screen, as of `date`; answers its summary. */
  function classifySample(date) {
    const policy = { ...engine.presetPolicy('rfm_segments'), analysis_date: date };
    engine.begin('tierlens-sample-orders.csv', policy);
    feedAll((bytes) => engine.feed(bytes), sampleBytes);
    return engine.finish();
  }

  test('the same orders as of an earlier date: what the CLI writes, and the result on screen untouched', () => {
    const summary = classifySample(LATER);
    const customersBefore = engine.customersCsv();
    const policy = { ...JSON.parse(engine.policyJson()), analysis_date: EARLIER };
    engine.beginEarlier('tierlens-sample-orders.csv', policy);
    feedAll((bytes) => engine.feedEarlier(bytes), sampleBytes);
    engine.finishEarlier();

    const migration = engine.compare('segment', 5);
    const cli = cliCompare([sample, '--as-of', EARLIER, '--as-of', LATER, '--field', 'segment']);
    assert.deepEqual(Buffer.from(engine.migrationJson()), cli.json);
    assert.deepEqual(Buffer.from(engine.migrationCsv()), cli.csv);

    // The page's view of it: the JSON's matrix and counts, and the first movers of each way.
    const json = JSON.parse(cli.json.toString('utf8'));
    assert.deepEqual(migration.labels, json.labels);
    assert.deepEqual(migration.matrix, json.matrix);
    assert.deepEqual(migration.counts, json.counts);
    assert.ok(json.counts.up > 5 && json.counts.down > 5, JSON.stringify(json.counts));
    for (const way of ['up', 'down']) {
      const moves = json.moves.filter((move) => move.move === way);
      assert.equal(migration[way].total, moves.length);
      assert.deepEqual(migration[way].moves.map(({ customer_id, before: b, after }) => ({ customer_id, before: b, after, move: way })),
        moves.slice(0, 5));
    }
    // `index` finds the customer in the result on screen.
    const mover = migration.up.moves[0];
    const explanation = engine.explain(mover.index);
    assert.equal(explanation.customer_id, mover.customer_id);

    // The result on screen is still the later run.
    assert.deepEqual(engine.customersCsv(), customersBefore);
    assert.equal(JSON.parse(engine.summaryJson()).analysis_date, summary.analysis_date);
  });

  test('a customers.csv saved at the earlier date, compared with the later run: what the CLI writes', () => {
    classifySample(EARLIER);
    const saved = engine.customersCsv();
    classifySample(LATER);
    engine.beginSavedEarlier('tierlens-sample-orders-classified.csv');
    feedAll((bytes) => engine.feedEarlier(bytes), saved, 1000);
    engine.finishEarlier();
    engine.compare('segment', 100);
    const cli = cliCompare([sample, '--as-of', EARLIER, '--as-of', LATER, '--field', 'segment']);
    assert.deepEqual(Buffer.from(engine.migrationJson()), cli.json);
    assert.deepEqual(Buffer.from(engine.migrationCsv()), cli.csv);
  });

  test('a file that is not a saved customers.csv, and a field it lacks, are refused with their reason', () => {
    classifySample(LATER);
    engine.beginSavedEarlier('orders.csv');
    engine.feedEarlier(new TextEncoder().encode('customer_id,date,amount\nA,2024-01-01,5\n'));
    assert.throws(() => engine.finishEarlier(), (error) => error.code === 'bad_saved_file' &&
      error.message.startsWith('orders.csv, row 1: no segment column: this is not a customers.csv saved by TierLens'));
    assert.throws(() => engine.compare('segment', 10), { code: 'invalid_state', message: 'there is no earlier run to compare with' });
    assert.throws(() => engine.migrationCsv(), { code: 'invalid_state' });

    engine.beginSavedEarlier('old.csv');
    engine.feedEarlier(new TextEncoder().encode('\uFEFFcustomer_id,segment\r\nC0001,Lost\r\n'));
    engine.finishEarlier();
    assert.throws(() => engine.compare('tier', 10), { code: 'invalid_options' });
    assert.equal(engine.compare('segment', 10).field, 'segment');
  });
});
