// The wasm build must give byte-identical output to the native CLI on the same files.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';

import { classifyWithCli, explainWithCli, runCli, writeSampleWithCli } from '../support/cli.mjs';
import { fixturesDir, sharedDataFile } from '../support/paths.mjs';
import { classifyFile, loadEngineUnderNode } from './engine-under-node.mjs';

const fixtures = readdirSync(fixturesDir).filter((name) => /\.(csv|tsv|json|jsonl)$/.test(name));

function assertSameReports(engine, cli, label) {
  assert.ok(Buffer.from(engine.customersCsv()).equals(cli.customersCsv), `${label}: customers.csv`);
  assert.equal(engine.summaryJson(), cli.summaryJson, `${label}: summary.json`);
  assert.ok(Buffer.from(engine.skippedCsv()).equals(cli.skippedCsv), `${label}: skipped.csv`);
  assert.ok(Buffer.from(engine.customersXlsx()).equals(cli.customersXlsx), `${label}: customers.xlsx`);
  assert.equal(engine.policyJson(), cli.policyJson, `${label}: policy.json`);
  assert.equal(engine.dashboardJson(), cli.dashboardJson, `${label}: dashboard.json`);
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
    const policy = engine.presetPolicy('rfm_segments');
    policy.rfm = { bins: 3, breakpoints: { recency: [7, 30] } };
    policy.analysis_date = '2024-03-08';
    classifyFile(engine, file, { policy });
    assertSameReports(engine, cli, 'tiny with options');
  });

  test('orders joined to a customers table, and a customers table alone', () => {
    const orders = join(fixturesDir, 'two_tables', 'orders.csv');
    const customers = join(fixturesDir, 'two_tables', 'customers.csv');
    const policy = engine.presetPolicy('b2b_key_accounts');
    const policyFile = join(mkdtempSync(join(tmpdir(), 'tierlens-policy-')), 'b2b.json');
    writeFileSync(policyFile, JSON.stringify(policy));
    for (const chunkBytes of [5, 4 << 20]) {
      const feed = (file) => {
        const bytes = readFileSync(file);
        for (let at = 0; at < bytes.length; at += chunkBytes) engine.feed(bytes.subarray(at, at + chunkBytes));
      };
      engine.begin('orders.csv', policy, { tables: 'orders_and_customers' });
      feed(orders);
      engine.beginCustomerTable('customers.csv');
      feed(customers);
      const summary = engine.finish();
      assertSameReports(engine, classifyWithCli(orders, ['--customers', customers, '--policy', policyFile]),
        `two tables in ${chunkBytes}-byte chunks`);
      assert.equal(summary.customer_table.without_orders, 1);
      assert.deepEqual(engine.skipped(0, 5).file, ['customers.csv', 'customers.csv']);

      engine.begin('', policy, { tables: 'customers' });
      engine.beginCustomerTable('customers.csv');
      feed(customers);
      assert.equal(engine.finish().tables, 'customers');
      assertSameReports(engine, classifyWithCli(null, ['--customers', customers, '--policy', policyFile]),
        `customers alone in ${chunkBytes}-byte chunks`);
    }
  });

  test('workbooks: a LibreOffice .xlsx and the real Chaoyang workbook, any chunks, any sheet', (t) => {
    const workbook = join(fixturesDir, 'xlsx', 'orders.xlsx');
    const cli = classifyWithCli(workbook);
    for (const chunkBytes of [7, 4 << 20]) {
      classifyFile(engine, workbook, { chunkBytes });
      assertSameReports(engine, cli, `orders.xlsx in ${chunkBytes}-byte chunks`);
    }
    const preview = engine.inspect('orders.xlsx', readFileSync(workbook), {}, null);
    assert.deepEqual([preview.input.format, preview.input.sheets, preview.input.sheet],
      ['xlsx', ['Orders', '客户 & notes'], 'Orders']);
    assert.throws(() => {
      engine.begin('orders.xlsx', null, { sheet: 'Sheet9' });
      engine.feed(readFileSync(workbook));
      engine.finish();
    }, /no sheet "Sheet9" in the workbook/);
    const chaoyang = sharedDataFile('chaoyang-pharmacy-cn/chaoyang_2018_sales_original.xlsx');
    if (!chaoyang) return t.skip('chaoyang-pharmacy-cn not under ../shared/data');
    classifyFile(engine, chaoyang);
    assertSameReports(engine, classifyWithCli(chaoyang), 'chaoyang_2018_sales_original.xlsx');
  });

  test('the traps corpus reads as tests/fixtures/traps/EXPECTED.json says, and as the CLI reads it', () => {
    const expected = JSON.parse(readFileSync(join(fixturesDir, 'traps', 'EXPECTED.json'), 'utf8'));
    const names = Object.keys(expected).filter((name) => !name.startsWith('_'));
    assert.equal(names.length, 7);
    for (const name of names) {
      const want = expected[name];
      const file = join(fixturesDir, 'traps', name);
      if (want.error) {
        assert.throws(() => classifyFile(engine, file), { code: want.error }, name);
        continue;
      }
      const summary = classifyFile(engine, file, { chunkBytes: 3 });
      const skipped = Object.fromEntries(summary.rows.skipped_by_reason.map((r) => [r.reason, r.count]));
      assert.deepEqual([summary.rows.total, summary.rows.used, skipped, summary.customers],
        [want.total, want.used, want.skipped, want.customers], name);
      if ('replaced_characters' in want) assert.equal(summary.input.replaced_characters, want.replaced_characters, name);
      assertSameReports(engine, classifyWithCli(file), name);
    }
  });

  test('every preset on the built-in sample', () => {
    const sampleFile = writeSampleWithCli();
    for (const { id } of engine.presets()) {
      classifyFile(engine, sampleFile, { policy: engine.presetPolicy(id) });
      assertSameReports(engine, classifyWithCli(sampleFile, ['--preset', id]), `sample, ${id}`);
    }
  });

  test('a policy exported by the page is what the CLI reads with --policy', () => {
    const sampleFile = writeSampleWithCli();
    const policy = engine.checkPolicy(engine.presetPolicy('b2b_key_accounts'));
    policy.name = '按规模分层';
    policy.dimensions[0].bands[0].min = 5000;
    const policyFile = join(mkdtempSync(join(tmpdir(), 'tierlens-policy-')), 'policy.json');
    writeFileSync(policyFile, JSON.stringify(engine.checkPolicy(policy), null, 2));
    assert.match(runCli(['validate', policyFile]), /a valid policy "按规模分层": 3 dimensions \(3 enabled\), 4 tiers/);
    classifyFile(engine, sampleFile, { policy });
    assertSameReports(engine, classifyWithCli(sampleFile, ['--policy', policyFile]), 'edited policy');
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

  test('UCI Online Retail under every preset', (t) => {
    const file = sharedDataFile('online-retail-uci/online_retail.csv');
    if (!file) {
      t.skip('online_retail.csv not found under ../shared/data (set TIERLENS_SHARED_DATA)');
      return;
    }
    for (const { id } of engine.presets()) {
      const summary = classifyFile(engine, file, { policy: engine.presetPolicy(id) });
      const inTiers = summary.tiers.reduce((sum, tier) => sum + tier.customers, 0);
      assert.equal(inTiers, 4372, `${id}: every customer exactly one tier`);
      assertSameReports(engine, classifyWithCli(file, ['--preset', id]), `online_retail.csv, ${id}`);
    }
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
    // One label column per dimension of the default policy (segment, lifecycle), and the tier.
    const summary = JSON.parse(engine.summaryJson());
    assert.deepEqual(summary.dimensions.map((d) => d.id), ['rfm_segment', 'lifecycle']);
    assert.equal(page.labels.length, 2);
    assert.ok(page.labels[0] instanceof Uint32Array);
    assert.deepEqual([...page.labels[0]].map((l) => summary.dimensions[0].labels[l].label), page.segment);
    assert.deepEqual([...page.tier].map((t) => summary.tiers[t].name), ['Win back', 'Win back']);
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
    assert.deepEqual(explanation.dimensions.map((d) => [d.id, d.label]),
      [['rfm_segment', "Can't Lose Them"], ['lifecycle', explanation.dimensions[1].label]]);
    assert.equal(explanation.tier.name, 'Win back');
    assert.match(explanation.tier.text, /rfm_segment in \{.*\} holds \(rfm_segment = Can't Lose Them\) → Win back\./);
  });

  test('reclassifies the customers already read, or says the file must be read again', () => {
    const sampleFile = writeSampleWithCli();
    classifyFile(engine, sampleFile, { policy: engine.presetPolicy('rfm_segments') });
    // RFM 八类 reads no column: the customers already read are enough, and the result is
    // the same as reading the file again.
    assert.ok(engine.reclassify(engine.presetPolicy('rfm_classes')));
    const fresh = classifyWithCli(sampleFile, ['--preset', 'rfm_classes']);
    assert.equal(engine.summaryJson(), fresh.summaryJson);
    assert.ok(Buffer.from(engine.customersCsv()).equals(fresh.customersCsv));
    // B2B reads employees and industry, which were not read: the file must be read again.
    assert.equal(engine.reclassify(engine.presetPolicy('b2b_key_accounts')), null);
    classifyFile(engine, sampleFile, { policy: engine.presetPolicy('b2b_key_accounts') });
    // From there, ABC reads nothing new.
    assert.ok(engine.reclassify(engine.presetPolicy('abc_pareto')));
    assert.equal(engine.summaryJson(), classifyWithCli(sampleFile, ['--preset', 'abc_pareto']).summaryJson);
    // A different analysis date changes which rows count: the file must be read again.
    const dated = engine.presetPolicy('abc_pareto');
    dated.analysis_date = '2025-06-30';
    assert.equal(engine.reclassify(dated), null);
    // An invalid policy is refused and the result stays.
    const before = engine.summaryJson();
    assert.throws(() => engine.reclassify({ tierlens_policy: 1, rfm: { bins: 1 } }), { code: 'invalid_options' });
    assert.equal(engine.summaryJson(), before);
  });

  test('previews a file for the mapping step as `tierlens columns` does, from its first 64 KiB', () => {
    const policy = engine.presetPolicy('b2b_key_accounts');
    const policyFile = join(mkdtempSync(join(tmpdir(), 'tierlens-policy-')), 'b2b.json');
    writeFileSync(policyFile, JSON.stringify(policy));
    for (const name of ['erp_title_rows.csv', 'chinese_orders_gbk.tsv', 'tiny_orders.jsonl']) {
      const file = join(fixturesDir, name);
      const head = readFileSync(file).subarray(0, 64 * 1024);
      const preview = engine.inspect(name, head, {}, policy);
      assert.deepEqual(preview, JSON.parse(runCli(['columns', file, '--policy', policyFile])), name);
    }
    const erp = readFileSync(join(fixturesDir, 'erp_title_rows.csv'));
    const preview = engine.inspect('erp_title_rows.csv', erp, {}, policy);
    assert.equal(preview.input.header_row, 4);
    assert.deepEqual(preview.roles.map((r) => [r.field, r.column, r.source]), [
      ['customer_id', '客户编号', 'guessed'], ['order_id', '订单编号', 'guessed'],
      ['date', '下单日期', 'guessed'], ['amount', '金额', 'guessed'],
      ['quantity', null, 'none'], ['unit_price', null, 'none']]);
    assert.deepEqual(preview.attributes.map((a) => a.field),
      ['customer_name', 'employees', 'industry']);
    assert.equal(preview.problem, null);
    assert.equal(preview.rows[0][0], 'SO1');
    // A column the policy names but the file lacks is the problem, in a run's own words.
    const named = { ...policy, columns: { customer_id: '客户代号' } };
    assert.match(engine.inspect('erp_title_rows.csv', erp, {}, named).problem, /"客户代号" given for the customer id/);
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
    assert.throws(() => engine.begin('orders.csv', { tierlens_policy: 1, rfm: { bins: 12 } }), {
      name: 'TierLensError', code: 'invalid_options',
      message: 'rfm.bins: expected a whole number from 2 to 9, got 12',
    });
    assert.throws(() => engine.checkPolicy({ tierlens_policy: 2 }), {
      code: 'invalid_options',
      message: 'tierlens_policy: this TierLens reads policy format version 1, got 2 (written by a newer TierLens)',
    });
    // Refused options start nothing: feeding now is an error, not a run with defaults.
    assert.throws(() => engine.feed(new Uint8Array([65])), { code: 'invalid_state' });
    assert.throws(() => engine.begin('orders.csv', null, { encoding: 'latin1' }), {
      code: 'invalid_options', message: 'encoding: expected utf-8, gb18030, utf-16le or utf-16be, got "latin1"',
    });
    // The encoding the user names wins over detection, and is reported as given.
    engine.begin('gbk.tsv', null, { encoding: 'gbk' });
    engine.feed(readFileSync(join(fixturesDir, 'chinese_orders_gbk.tsv')));
    const given = engine.finish();
    assert.deepEqual([given.input.encoding, given.input.encoding_source], ['gb18030', 'given']);
    assert.throws(() => engine.begin('orders.csv', null, { dateOrder: 'ymd' }), {
      code: 'invalid_options', message: 'date_order: expected day_first or month_first, got "ymd"',
    });
    // A day-first file: detected from one date that reads only that way; or as the user says.
    const dayFirst = new TextEncoder().encode('customer_id,date,amount\nA,3/5/2024,10\nB,25/12/2024,20\n');
    engine.begin('eu.csv');
    engine.feed(dayFirst);
    const detected = engine.finish();
    assert.equal(detected.input.date_order, 'day_first');
    assert.equal(detected.analysis_date, '2024-12-26');
    engine.begin('eu.csv', null, { dateOrder: 'month_first' });
    engine.feed(dayFirst);
    const told = engine.finish();
    assert.deepEqual([told.input.date_order_source, told.rows.skipped], ['given', 1]);
    engine.begin('people.csv');
    engine.feed(new TextEncoder().encode('name,age\nAda,36\n'));  // judged once 64 KiB or the end arrive
    assert.throws(() => engine.finish(), {
      code: 'missing_column',
      message: 'people.csv: no customer id column found in the header row (columns: "name", "age"); '
        + 'set the customer_id column (CLI: --customer-id)',
    });
    engine.begin('empty.csv');
    assert.throws(() => engine.finish(), { code: 'empty_file' });
  });

  test('repeated runs do not grow the wasm heap (no leak per run)', () => {
    const file = join(fixturesDir, 'messy_orders.csv');
    const run = () => {
      classifyFile(engine, file, { chunkBytes: 7 });
      engine.customers(0, 50, 'segment', true);
      engine.skipped(0, 50);
      engine.customersCsv();
      engine.customersXlsx();
      engine.explain(0);
    };
    for (let i = 0; i < 20; i += 1) run();
    const heapAfterWarmUp = engine.module.HEAPU8.buffer.byteLength;
    for (let i = 0; i < 500; i += 1) run();
    assert.equal(engine.module.HEAPU8.buffer.byteLength, heapAfterWarmUp);
  });
});
