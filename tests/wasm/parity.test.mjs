// The wasm build must give byte-identical output to the native CLI on the same files.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';

import { classifyWithCli, explainWithCli, writeSampleWithCli } from '../support/cli.mjs';
import { fixturesDir, sharedDataFile } from '../support/paths.mjs';
import { classifyFile, loadEngineUnderNode } from './engine-under-node.mjs';

const fixtures = readdirSync(fixturesDir).filter((name) => /\.(csv|tsv)$/.test(name));

function assertSameReports(engine, cli, label) {
  assert.ok(Buffer.from(engine.customersCsv()).equals(cli.customersCsv), `${label}: customers.csv`);
  assert.equal(engine.summaryJson(), cli.summaryJson, `${label}: summary.json`);
  assert.ok(Buffer.from(engine.skippedCsv()).equals(cli.skippedCsv), `${label}: skipped.csv`);
}

describe('wasm output is byte-identical to the native CLI', () => {
  let engine;
  before(async () => { engine = await loadEngineUnderNode(); });

  for (const name of fixtures) {
    test(name, () => {
      const file = join(fixturesDir, name);
      const cli = classifyWithCli(file);
      for (const chunkBytes of [1, 3, 64, 4 << 20]) {
        classifyFile(engine, file, { chunkBytes });
        assertSameReports(engine, cli, `${name} in ${chunkBytes}-byte chunks`);
      }
    });
  }

  test('tiny_orders.csv with 3 bins, an analysis date and fixed recency breakpoints', () => {
    const file = join(fixturesDir, 'tiny_orders.csv');
    const cli = classifyWithCli(file, ['--bins', '3', '--as-of', '2024-03-08', '--recency-breaks', '7,30']);
    classifyFile(engine, file, {
      options: { bins: 3, analysis_date: '2024-03-08', breakpoints: { recency: [7, 30] } },
    });
    assertSameReports(engine, cli, 'tiny with options');
  });

  test('the built-in sample: the same bytes generated, the same result', () => {
    const sampleFile = writeSampleWithCli();
    assert.ok(Buffer.from(engine.sampleOrdersCsv()).equals(readFileSync(sampleFile)));
    classifyFile(engine, sampleFile);
    assertSameReports(engine, classifyWithCli(sampleFile), 'sample');
  });

  test('UCI Online Retail (541,909 rows)', (t) => {
    const file = sharedDataFile('online-retail-uci/online_retail.csv');
    if (!file) {
      t.skip('online_retail.csv not found under ../shared/data (set TIERLENS_SHARED_DATA)');
      return;
    }
    const summary = classifyFile(engine, file);
    assert.equal(summary.rows.total, 541909);
    assert.equal(summary.customers, 4372);
    assertSameReports(engine, classifyWithCli(file), 'online_retail.csv');
  });
});

describe('the engine API', () => {
  let engine;
  before(async () => { engine = await loadEngineUnderNode(); });

  test('pages customers in any order, ties broken by id', () => {
    classifyFile(engine, join(fixturesDir, 'tiny_orders.csv'));
    const page = engine.customers(0, 2, 'monetary', true);
    assert.equal(page.total, 5);
    assert.deepEqual(page.customer_id, ['B', 'D']);
    assert.deepEqual([...page.monetary], [1000, 900]);
    assert.deepEqual([...page.r_score], [2, 1]);
    assert.deepEqual(page.segment, ['Customers Needing Attention', "Can't Lose Them"]);
    assert.ok(page.recency instanceof Int32Array);
    const tail = engine.customers(4, 50, 'frequency', false);
    assert.deepEqual(tail.customer_id, ['D']);
  });

  test('explains a customer in the words the CLI uses', () => {
    const file = join(fixturesDir, 'tiny_orders.csv');
    classifyFile(engine, file);
    const page = engine.customers(3, 1);  // D, by id
    const explanation = engine.explain(page.index[0]);
    assert.equal(explanation.segment, "Can't Lose Them");
    assert.equal(explanation.text, explainWithCli(file, 'D'));
  });

  test('pages skipped rows with row, line, column and reason', () => {
    classifyFile(engine, join(fixturesDir, 'messy_orders.csv'));
    const page = engine.skipped(1, 2);
    assert.equal(page.total, 11);
    assert.deepEqual([...page.row], [5, 6]);
    assert.deepEqual([...page.line], [6, 7]);
    assert.deepEqual(page.column, ['CustomerID', 'InvoiceDate']);
    assert.deepEqual(page.reason, ['missing_customer_id', 'missing_date']);
  });

  test('errors arrive as TierLensError with a stable code and a message for people', () => {
    assert.throws(() => engine.begin({ bins: 12 }), {
      name: 'TierLensError', code: 'invalid_options',
      message: 'bins: expected a whole number from 2 to 9, got 12',
    });
    // Refused options start nothing: feeding now is an error, not a run with defaults.
    assert.throws(() => engine.feed(new Uint8Array([65])), { code: 'invalid_state' });
    engine.begin({ file_name: 'people.csv' });
    assert.throws(() => engine.feed(new TextEncoder().encode('name,age\nAda,36\n')), {
      code: 'missing_column',
      message: 'people.csv: no customer id column found in the header row (columns: "name", "age"); '
        + 'set the customer_id column (CLI: --customer-id)',
    });
    engine.begin({ file_name: 'empty.csv' });
    assert.throws(() => engine.finish(), { code: 'empty_file' });
  });

  test('repeated runs do not grow the wasm heap (no leak per run)', () => {
    const file = join(fixturesDir, 'messy_orders.csv');
    const run = () => {
      classifyFile(engine, file, { chunkBytes: 7 });
      engine.customers(0, 50, 'segment', true);
      engine.skipped(0, 50);
      engine.customersCsv();
      engine.explain(0);
    };
    for (let i = 0; i < 20; i += 1) run();
    const heapAfterWarmUp = engine.module.HEAPU8.buffer.byteLength;
    for (let i = 0; i < 500; i += 1) run();
    assert.equal(engine.module.HEAPU8.buffer.byteLength, heapAfterWarmUp);
  });
});
