// `tierlens compare`: how customers moved between two runs of one policy, from two files or
// from one file as of two dates. The same hand-made orders as tests/core/migration_test.cpp.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { runCli } from '../support/cli.mjs';

const policy = {
  tierlens_policy: 1,
  dimensions: [{ id: 'size', type: 'bands', field: 'monetary', bands: [{ label: 'big', min: 100 }, { label: 'small' }] }],
  tiers: [{ name: 'key', when: { field: 'size', op: '=', value: 'big' } }, { name: 'normal' }],
};

// Last quarter: A 50 (normal), B 200 (key), D 30, E 120 (key). This quarter: A bought 80 more
// (up), B returned 150 (down), C is new with 500, E is gone.
const before = 'customer_id,date,amount\nA,2024-01-01,50\nB,2024-01-05,200\nD,2024-01-10,30\nE,2024-01-12,120\n';
const after =
  'customer_id,date,amount\nA,2024-01-01,50\nA,2024-03-01,80\nB,2024-01-05,200\nB,2024-03-02,-150\n' +
  'C,2024-03-10,500\nD,2024-01-10,30\n';

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'tierlens-compare-'));
  const write = (name, text) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  return { dir, write };
}

test('two files: the matrix, the counts and every customer who moved', () => {
  const { dir, write } = workspace();
  const out = join(dir, 'out');
  runCli(['compare', write('q1.csv', before), write('q2.csv', after), '--policy', write('p.json', JSON.stringify(policy)),
    '--out', out]);
  const migration = JSON.parse(readFileSync(join(out, 'migration.json'), 'utf8'));
  assert.equal(migration.field, 'tier');
  assert.deepEqual(migration.labels, ['key', 'normal']);
  assert.deepEqual(migration.matrix, [[0, 1, 1], [1, 1, 0], [1, 0, 0]]);
  assert.deepEqual(migration.counts, { same: 1, up: 1, down: 1, new: 1, gone: 1 });
  assert.equal(readFileSync(join(out, 'migration.csv'), 'utf8'),
    '\uFEFFcustomer_id,before,after,move\r\nA,normal,key,up\r\nB,key,normal,down\r\nC,,key,new\r\nE,key,,gone\r\n');
});

test('one file as of two dates, on a dimension', () => {
  const { dir, write } = workspace();
  const out = join(dir, 'out');
  runCli(['compare', write('orders.csv', after), '--as-of', '2024-01-31', '--as-of', '2024-03-31', '--field', 'size',
    '--policy', write('p.json', JSON.stringify(policy)), '--out', out]);
  const migration = JSON.parse(readFileSync(join(out, 'migration.json'), 'utf8'));
  assert.equal(migration.field, 'size');
  assert.deepEqual(migration.counts, { same: 1, up: 1, down: 1, new: 1, gone: 0 });
});

test('a missing second run is refused with the usage', () => {
  const { write } = workspace();
  assert.throws(() => runCli(['compare', write('orders.csv', after), '--as-of', '2024-01-31', '--out', 'x']),
    /give two orders files, or one file and --as-of twice/);
});
