// `tierlens sql` on hand-made policies that use what the presets do not: every score
// normalisation, rules with every operator, bands on metrics and attributes, the other ways
// of the 8-class scheme, fixed breakpoints and 3 bins, a deeper class tree, a given analysis
// date, no order id, and a customers table. Each is run on DuckDB and PostgreSQL and compared
// with the core customer by customer.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { classifyWithCli, runCli, writeSampleWithCli } from '../support/cli.mjs';
import { assertSameCustomers } from './compare.mjs';
import { csvTable, parseCsv } from '../support/csv.mjs';
import { openDuckDb, startPostgres } from './engines.mjs';

const work = mkdtempSync(join(tmpdir(), 'tierlens-sql-policies-'));
const sample = writeSampleWithCli();
const TYPES = { order_date: 'timestamp', amount: 'decimal' };

/** The sample split in two: orders without attributes but the country, and a customers table. */
function splitSample() {
  const [header, ...rows] = parseCsv(readFileSync(sample, 'utf8'));
  const quote = (v) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const line = (cells) => cells.map(quote).join(',');
  const keep = ['order_id', 'customer_id', 'order_date', 'amount', 'country'];
  const orders = [line(keep), ...rows.filter((r) => r.length === header.length)
    .map((r) => line(keep.map((name) => r[header.indexOf(name)])))].join('\n') + '\n';
  const listed = new Map();
  for (const r of rows) {
    const id = r[header.indexOf('customer_id')];
    if (id && !listed.has(id)) listed.set(id, r);
  }
  const attributes = ['customer_id', 'customer_name', 'industry', 'employees', 'province'];
  // Two customers only in the table, one with a padded id; an empty cell where the orders say nothing.
  const customers = [line(['客户编号', ...attributes.slice(1)]),
    ...[...listed.values()].map((r) => line(attributes.map((name) => r[header.indexOf(name)]))),
    line(['NEW001', '新客户甲', '电子', '1,200', '浙江省']), line([' NEW002 ', 'Newco', 'Retail', '', 'Guangdong Province'])].join('\n') + '\n';
  const ordersFile = join(work, 'orders-split.csv');
  const customersFile = join(work, 'customers.csv');
  writeFileSync(ordersFile, orders);
  writeFileSync(customersFile, customers);
  return { ordersFile, customersFile };
}

const everyType = {
  tierlens_policy: 1,
  name: 'every dimension type',
  rfm: { bins: 3, breakpoints: { recency: [60, 200] } },
  dimensions: [
    { id: 'value_mean_class', type: 'rfm_classes', compare: 'value_mean' },
    { id: 'median_class', type: 'rfm_classes', compare: 'value_median' },
    { id: 'fixed_class', type: 'rfm_classes', compare: 'fixed', thresholds: { recency: 90, frequency: 3, monetary: 50000 } },
    { id: 'spend', type: 'bands', field: 'monetary', bands: [{ label: 'big', min: 100000 }, { label: 'mid', min: 20000.5 }, { label: 'small' }] },
    { id: 'size', type: 'bands', field: 'employees', bands: [{ label: '大型', min: 1000 }, { label: '小型' }], missing: '无' },
    { id: 'aov', type: 'bands', field: 'average_order_value', bands: [{ label: 'high', min: 15000 }, { label: 'low' }] },
    { id: 'region', type: 'mapping', field: 'province', builtin: 'china_regions', table: { 'SHANGHAI': '上海特区' }, default: '境外' },
    { id: 'market', type: 'mapping', field: 'country', builtin: 'domestic_international' },
    { id: 'stage', type: 'lifecycle', new_days: 120, at_risk_days: 150, lost_days: 400, loyal_orders: 8 },
    { id: 'score', type: 'score', factors: [
      { field: 'monetary', weight: 2, normalize: 'percentile' },
      { field: 'recency', weight: 1, normalize: 'min_max', direction: 'lower' },
      { field: 'frequency', weight: 1.5, normalize: 'z_score' },
      { field: 'employees', weight: 0.5, normalize: 'z_score' }],
      grades: [{ label: 'A', min: 70 }, { label: 'B', min: 45.5 }, { label: 'C' }] },
    { id: 'rules', type: 'rules', rules: [
      { label: 'vip', when: { all: [{ field: 'score', op: '=', value: 'A' }, { field: 'frequency', op: '>=', value: 5 }] } },
      { label: 'electronics', when: { field: 'industry', op: 'in', value: ['电子', 'Electronics'] } },
      { label: 'named', when: { field: 'customer_name', op: 'contains', value: '精密' } },
      { label: 'not-china', when: { not: { field: 'market', op: '=', value: '国内' } } },
      { label: 'mid-spend', when: { field: 'monetary', op: 'between', value: [20000, 60000] } },
      { label: 'no-size', when: { field: 'employees', op: '!=', value: 500 } },
      { label: 'other' }] },
    { id: 'tree', type: 'tree', scheme: [1, 2, 2], nodes: [
      { code: '1', name: '国内', when: { field: 'market', op: '=', value: '国内' } },
      { code: '101', name: '华东', when: { field: 'region', op: '=', value: '华东' } },
      { code: '10101', name: '华东大客户', when: { field: 'spend', op: '=', value: 'big' } },
      { code: '102', name: '其他地区', when: { field: 'r_score', op: '>', value: 1 } },
      { code: '2', name: '国际' }] },
  ],
  tiers: [
    { name: 'T1', when: { any: [{ field: 'rules', op: '=', value: 'vip' }, { field: 'tree', op: '=', value: '10101 华东大客户' }] } },
    { name: 'T2', when: { field: 'tenure', op: '>', value: 365 } },
    { name: 'T3', when: { field: 'r_score', op: '=', value: '3' } },
    { name: 'T4' }],
};

const RUNS = [
  { name: 'every dimension type, 3 bins, fixed recency breakpoints', policy: everyType, file: () => sample, flags: [] },
  { name: 'a given analysis date and no order id', policy: { ...everyType, analysis_date: '2025-06-30' }, file: () => sample,
    flags: ['--no-order-id', '--monetary-breaks', '5000,50000'] },
  { name: 'orders and a customers table', policy: { ...everyType, customer_table: { customer_id: '客户编号' } },
    file: () => splitSample(), flags: [] },
];

for (const engine of ['DuckDB', 'PostgreSQL']) {
  describe(`${engine} equals the core on hand-made policies`, () => {
    let db;
    before(async () => {
      db = engine === 'DuckDB' ? await openDuckDb() : startPostgres();
    });
    after(() => (engine === 'DuckDB' ? db?.close() : db?.ok && db.stop()));
    for (const run of RUNS) {
      test(run.name, async (t) => {
        if (db.ok === false) {
          t.skip(`PostgreSQL could not be started: ${db.reason}`);
          return;
        }
        const policyFile = join(work, 'policy.json');
        writeFileSync(policyFile, JSON.stringify(run.policy));
        const files = run.file();
        const orders = typeof files === 'string' ? files : files.ordersFile;
        const customers = typeof files === 'string' ? [] : ['--customers', files.customersFile];
        await db.load('orders', orders, TYPES);
        if (customers.length) await db.load('customers', files.customersFile, {});
        const core = csvTable(classifyWithCli(orders, ['--policy', policyFile, ...customers, ...run.flags]).customersCsv.toString('utf8'));
        const script = runCli(['sql', '--dialect', engine === 'DuckDB' ? 'duckdb' : 'postgres', orders, '--policy', policyFile,
          ...customers, ...run.flags]);
        const sql = csvTable(await db.run(script));
        const compared = assertSameCustomers(core, sql, run.name);
        assert.ok(compared > 100);
      });
    }
  });
}

test('a policy that needs a fit is refused without one, saying what to do', () => {
  assert.throws(() => runCli(['sql', '--dialect', 'duckdb', '--preset', 'clv_clusters']), /fitted on data: add --fit ORDERS_FILE/);
});

test('a dialect must be named', () => {
  assert.throws(() => runCli(['sql', '--preset', 'rfm_segments']), /missing --dialect duckdb\|postgres\|spark/);
  assert.throws(() => runCli(['sql', '--dialect', 'oracle']), /--dialect: expected duckdb, postgres or spark/);
});
