// `tierlens sql` proven on real engines: for every preset, on the built-in sample and on UCI
// Online Retail, the script the CLI prints for DuckDB and for PostgreSQL, run on the orders
// loaded into that engine, gives every customer the same values and labels as the core's
// customers.csv — customer by customer, column by column.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { classifyWithCli, runCli, writeSampleWithCli } from '../support/cli.mjs';
import { sharedDataFile } from '../support/paths.mjs';
import { assertSameCustomers } from './compare.mjs';
import { csvTable } from '../support/csv.mjs';
import { openDuckDb, startPostgres } from './engines.mjs';

/** Every preset with its policy, and whether it needs a fit (CLV or clusters). */
function presets() {
  const dir = mkdtempSync(join(tmpdir(), 'tierlens-presets-'));
  return runCli(['presets', '--out', dir]).trim().split('\n').map((line) => {
    const id = line.split(/\s+/)[0];
    const policy = JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8'));
    const needsFit = policy.dimensions.some((d) => d.type === 'clv' || d.type === 'clusters') ||
      JSON.stringify(policy.tiers).match(/"field":\s*"(clv|p_alive|expected_purchases|expected_spend|historical_clv)"/) !== null;
    return { id, needsFit };
  });
}

const PRESETS = presets();

const DATASETS = [
  { name: 'the built-in sample', file: () => writeSampleWithCli(), flags: [], types: { order_date: 'timestamp', amount: 'decimal' } },
  {
    name: 'UCI Online Retail',
    file: () => sharedDataFile('online-retail-uci/online_retail.csv'),
    flags: ['--cancelled-prefix', 'C'],
    types: { InvoiceDate: 'timestamp', Quantity: 'decimal', UnitPrice: 'decimal' },
  },
];

/** The script `tierlens sql` prints for one preset; the columns from the file, or a fit on it. */
function script(dialect, preset, file, flags) {
  return runCli(['sql', '--dialect', dialect, '--preset', preset.id, ...flags, ...(preset.needsFit ? ['--fit', file] : [file])]);
}

const coreRuns = new Map();
function coreCustomers(file, preset, flags) {
  const key = `${file} ${preset.id}`;
  if (!coreRuns.has(key)) {
    coreRuns.set(key, csvTable(classifyWithCli(file, ['--preset', preset.id, ...flags]).customersCsv.toString('utf8')));
  }
  return coreRuns.get(key);
}

for (const dataset of DATASETS) {
  const file = dataset.file();

  describe(`DuckDB equals the core on ${dataset.name}`, { skip: file ? false : 'online_retail.csv not found under ../shared/data (set TIERLENS_SHARED_DATA)' }, () => {
    let duckdb;
    before(async () => {
      duckdb = await openDuckDb();
      await duckdb.load('orders', file, dataset.types);
    });
    after(() => duckdb?.close());
    for (const preset of PRESETS) {
      test(preset.id, async () => {
        const sql = csvTable(await duckdb.run(script('duckdb', preset, file, dataset.flags)));
        const compared = assertSameCustomers(coreCustomers(file, preset, dataset.flags), sql, `${preset.id} on DuckDB`);
        assert.ok(compared > 100, `${compared} customers compared`);
      });
    }
  });

  describe(`PostgreSQL equals the core on ${dataset.name}`, { skip: file ? false : 'online_retail.csv not found under ../shared/data (set TIERLENS_SHARED_DATA)' }, () => {
    let postgres;
    before(() => {
      postgres = startPostgres();
      if (postgres.ok) postgres.load('orders', file, dataset.types);
    });
    after(() => postgres?.ok && postgres.stop());
    for (const preset of PRESETS) {
      test(preset.id, (t) => {
        if (!postgres.ok) {
          t.skip(`PostgreSQL could not be started: ${postgres.reason}`);
          return;
        }
        const sql = csvTable(postgres.run(script('postgres', preset, file, dataset.flags)));
        const compared = assertSameCustomers(coreCustomers(file, preset, dataset.flags), sql, `${preset.id} on PostgreSQL`);
        assert.ok(compared > 100, `${compared} customers compared`);
      });
    }
  });
}
