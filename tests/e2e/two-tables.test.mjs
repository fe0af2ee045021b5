// Two tables in headless Chromium: an orders file and a customers table chosen together are
// told apart, confirmed file by file in the mapping step, joined on the customer id, and give
// what the native CLI gives for `classify orders.csv --customers customers.csv` under the same
// policy; a customers table can also be read alone, with or without an id column. Every
// request the browser makes is recorded and must stay on the page's own origin.
//
// Run: node --test tests/e2e/   (needs web/dist/ built, the native CLI, and /usr/bin/chromium)

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';

import { classifyWithCli } from '../support/cli.mjs';
import { cliPath, fixturesDir, sharedDataFile } from '../support/paths.mjs';
import { writeBigOrdersCsv } from './big-orders.mjs';
import {
  chooseFiles, chooseNoIdColumn, chooseTable, download, openPage, readFacts, readMapping, waitForMapping,
  waitForPolicySettled, waitForState, waitUntilSettled,
} from './page-driver.mjs';
import { assertStayedOnOrigin, browserSuite } from './suite.mjs';

const ORDERS = path.join(fixturesDir, 'two_tables', 'orders.csv');
const CUSTOMERS = path.join(fixturesDir, 'two_tables', 'customers.csv');
const WHOLESALE = sharedDataFile('wholesale-customers-uci/wholesale_customers.csv');
const noCli = existsSync(cliPath) ? false : `no native CLI at ${cliPath} (bash scripts/build.sh native)`;

const suite = browserSuite('two-tables');

/** Every skipped row listed on the page: `[{file, row, reason}]`. */
function readSkippedRows() {
  return suite.page.$$eval('#skipped-table tbody tr', (rows) => rows.map((row) => {
    const cell = (col) => row.querySelector(`[data-col="${col}"]`).textContent;
    return { file: cell('file'), row: cell('row'), reason: cell('reason') };
  }));
}

/** Opens the page and gives it both files, customers.csv first: the order says nothing. */
async function chooseBothTables() {
  await openPage(suite.page, suite.server.url);
  await suite.page.setInputFiles('#file-input', [CUSTOMERS, ORDERS]);
  await waitForMapping(suite.page);
  return readMapping(suite.page);
}

test('an orders file and a customers table chosen together: each is told its table, and they are joined', { skip: noCli }, async () => {
  const step = await chooseBothTables();
  assert.deepEqual(step.files.map(({ name, table }) => [name, table]), [['orders.csv', 'orders'], ['customers.csv', 'customers']]);
  const [orders, customers] = step.files;
  assert.deepEqual(orders.roles, { customer_id: '客户编号', order_id: '订单编号', date: '下单日期', amount: '金额', quantity: '', unit_price: '' });
  assert.deepEqual(customers.roles, { customer_id: '客户编号' });
  assert.equal(customers.attributes.customer_name, '客户名称');
  assert.deepEqual([orders.problem, customers.problem], ['', '']);
  assert.equal(step.canClassify, true);
  // Joined to orders, the customers table needs its id column: no "no id column" choice.
  assert.equal(await suite.page.locator('#mapping option[data-no-id-column]').count(), 0);
  // A customers table has no order dates to read.
  assert.ok(await suite.page.locator('[data-testid="mapping-file"][data-table="customers"] [data-testid="date-order-select"]').isHidden());

  await suite.page.click('#mapping-classify');
  const { state, error } = await waitUntilSettled(suite.page);
  assert.equal(state, 'done', error);
  const facts = await readFacts(suite.page);
  assert.equal(facts.customers, '5');
  assert.deepEqual([facts.file, facts['rows-total'], facts['rows-used'], facts['rows-skipped']], ['orders.csv', '5', '5', '0']);
  assert.deepEqual([facts['table-file'], facts['table-rows-total'], facts['table-rows-used'], facts['table-rows-skipped']],
    ['customers.csv', '6', '4', '2']);
  assert.deepEqual([facts['table-customers'], facts['without-orders'], facts['not-in-table']], ['4', '1', '1']);
  assert.equal(await suite.page.textContent('[data-testid="fact-without-orders"] dd'), '1 (K04)');
  assert.equal(await suite.page.textContent('[data-testid="fact-not-in-table"] dd'), '1 (K05)');
  assert.match(await suite.page.textContent('#notice'), /Classified 5 customers from orders\.csv and customers\.csv/);
  assert.match(await suite.page.textContent('#columns-note'), /Columns as saved in the policy:.*the customer id “客户编号” of customers\.csv/s);

  assert.deepEqual(await readSkippedRows(), [
    { file: 'customers.csv', row: '6', reason: 'duplicate_customer' },
    { file: 'customers.csv', row: '7', reason: 'missing_customer_id' },
  ]);

  // The same as the CLI under the same policy, byte for byte.
  const policyFile = await suite.exportPolicy('two-tables.json');
  const cli = classifyWithCli(ORDERS, ['--customers', CUSTOMERS, '--policy', policyFile]);
  const downloaded = await download(suite.page, '#download-customers');
  assert.equal(downloaded.name, 'orders-classified.csv');
  assert.ok(downloaded.bytes.equals(cli.customersCsv), 'the customers CSV differs from the CLI’s');
  assert.ok((await download(suite.page, '#download-skipped')).bytes.equals(cli.skippedCsv), 'the skipped rows differ from the CLI’s');
  const exported = JSON.parse(await readFile(policyFile, 'utf8'));
  assert.deepEqual(exported.customer_table, { customer_id: '客户编号' });
  assert.equal(exported.attributes.customer_name, '客户名称');

  // An edit that changes what is read (the analysis date) reads both files again.
  await suite.page.fill('#analysis-date', '2024-06-30');
  const settled = await waitForPolicySettled(suite.page);
  assert.equal(settled.status, 'applied', settled.problem);
  const reread = await readFacts(suite.page);
  assert.deepEqual([reread['analysis-date'], reread.customers, reread['table-rows-skipped'], reread['without-orders']],
    ['2024-06-30', '5', '2', '1']);
  const asOf = classifyWithCli(ORDERS, ['--customers', CUSTOMERS, '--policy', policyFile, '--as-of', '2024-06-30']);
  assert.ok((await download(suite.page, '#download-customers')).bytes.equals(asOf.customersCsv), 'after the re-read, the customers CSV differs');

  // The same two files again: the policy names their columns, so no step.
  const { shown } = await chooseFiles(suite.page, [ORDERS, CUSTOMERS]);
  assert.equal(shown, false, 'the mapping step was shown again for the same files');
  assert.equal((await waitUntilSettled(suite.page)).state, 'done');
  assert.equal((await readFacts(suite.page))['not-in-table'], '1');
});

test('the roles can be swapped in the step, and each file is read again as its new table', async () => {
  await chooseBothTables();
  await chooseTable(suite.page, 'orders.csv', 'customers');
  let step = await readMapping(suite.page);
  assert.deepEqual(step.files.map(({ name, table }) => [name, table]), [['orders.csv', 'customers'], ['customers.csv', 'orders']]);
  assert.deepEqual(step.files[0].roles, { customer_id: '客户编号' });
  assert.deepEqual(Object.keys(step.files[1].roles), ['customer_id', 'order_id', 'date', 'amount', 'quantity', 'unit_price']);
  assert.match(step.files[1].problem, /customers\.csv: no order date column found/);
  assert.equal(step.canClassify, false);
  assert.ok(step.check.includes('Choose the column of the Order date (日期).'), step.check.join(' | '));

  // And back: each file as it first was.
  await chooseTable(suite.page, 'customers.csv', 'customers');
  step = await readMapping(suite.page);
  assert.deepEqual(step.files.map(({ name, table }) => [name, table]), [['orders.csv', 'orders'], ['customers.csv', 'customers']]);
  assert.equal(step.files[0].roles.date, '下单日期');
  assert.equal(step.canClassify, true);

  // Cancel leaves the step with nothing classified.
  await suite.page.click('#mapping-cancel');
  assert.equal(await suite.page.evaluate(() => document.body.dataset.state), 'idle');
  assert.ok(await suite.page.isHidden('#mapping'));
});

test('both files dropped on the drop zone at once are taken as when chosen', async () => {
  await openPage(suite.page, suite.server.url);
  const files = await Promise.all([CUSTOMERS, ORDERS].map(async (file) => [path.basename(file), await readFile(file, 'utf8')]));
  const transfer = await suite.page.evaluateHandle((given) => {
    const data = new DataTransfer();
    for (const [name, text] of given) data.items.add(new File([text], name, { type: 'text/csv' }));
    return data;
  }, files);
  await suite.page.dispatchEvent('#drop-zone', 'drop', { dataTransfer: transfer });
  await waitForMapping(suite.page);
  const step = await readMapping(suite.page);
  assert.deepEqual(step.files.map(({ name, table }) => [name, table]), [['orders.csv', 'orders'], ['customers.csv', 'customers']]);
  assert.equal(step.canClassify, true);
});

test('a customers table alone is proposed as one, and classified with no orders', { skip: noCli }, async () => {
  await openPage(suite.page, suite.server.url);
  await suite.page.setInputFiles('#file-input', CUSTOMERS);
  await waitForMapping(suite.page);
  const step = await readMapping(suite.page);
  assert.deepEqual(step.files.map(({ name, table }) => [name, table]), [['customers.csv', 'customers']]);
  assert.deepEqual(step.roles, { customer_id: '客户编号' });
  assert.equal(step.problem, '');
  assert.equal(await suite.page.locator('#mapping option[data-no-id-column]').count(), 1); // alone, it may have no id column
  await suite.page.click('#mapping-classify');
  const { state, error } = await waitUntilSettled(suite.page);
  assert.equal(state, 'done', error);

  const facts = await readFacts(suite.page);
  assert.deepEqual([facts.customers, facts['table-file'], facts['table-rows-used'], facts['table-rows-skipped']],
    ['4', 'customers.csv', '4', '2']);
  for (const absent of ['analysis-date', 'revenue', 'file', 'rows-total', 'without-orders']) assert.ok(!(absent in facts), absent);
  assert.match(await suite.page.textContent('#warnings'), /customers only, no orders/);

  const policyFile = await suite.exportPolicy('customers-alone.json');
  const cli = classifyWithCli(null, ['--customers', CUSTOMERS, '--policy', policyFile]);
  const downloaded = await download(suite.page, '#download-customers');
  assert.equal(downloaded.name, 'customers-classified.csv');
  assert.ok(downloaded.bytes.equals(cli.customersCsv), 'the customers CSV differs from the CLI’s');
});

test('the UCI wholesale customers alone, with no id column: 440 customers, one per row', { skip: noCli || (!WHOLESALE && 'no shared data: wholesale-customers-uci/wholesale_customers.csv') }, async () => {
  await openPage(suite.page, suite.server.url);
  await suite.page.setInputFiles('#file-input', WHOLESALE);
  await waitForMapping(suite.page);
  // No customer id, no date, no amount: neither table as it stands. Read as a customers table
  // alone, it can say that each row is one customer.
  await chooseTable(suite.page, 'wholesale_customers.csv', 'customers');
  let step = await readMapping(suite.page);
  assert.match(step.problem, /no customer id column found/);
  assert.equal(step.canClassify, false);
  await chooseNoIdColumn(suite.page);
  step = await readMapping(suite.page);
  assert.equal(step.canClassify, true);
  await suite.page.click('#mapping-classify');
  const { state, error } = await waitUntilSettled(suite.page);
  assert.equal(state, 'done', error);
  const facts = await readFacts(suite.page);
  assert.deepEqual([facts.customers, facts['table-rows-total'], facts['table-rows-used']], ['440', '440', '440']);
  assert.match(await suite.page.textContent('#columns-note'), /one customer per row of wholesale_customers\.csv/);

  const policyFile = await suite.exportPolicy('wholesale.json');
  assert.deepEqual(JSON.parse(await readFile(policyFile, 'utf8')).customer_table, { customer_id: '' });
  const cli = classifyWithCli(null, ['--customers', WHOLESALE, '--customers-id', '', '--policy', policyFile]);
  assert.ok((await download(suite.page, '#download-customers')).bytes.equals(cli.customersCsv), 'the customers CSV differs from the CLI’s');

  // The policy now says so: the same file again goes straight through, as a customers table.
  const { shown } = await chooseFiles(suite.page, [WHOLESALE]);
  assert.equal(shown, false, 'the mapping step was shown again');
  assert.equal((await waitUntilSettled(suite.page)).state, 'done');
  assert.equal((await readFacts(suite.page)).customers, '440');
});

test('progress counts the bytes of both files, and Cancel stops them at once', { timeout: 180_000 }, async () => {
  const big = path.join(suite.scratch, 'big-orders.csv');
  await writeBigOrdersCsv(big, 3_000_000);
  await openPage(suite.page, suite.server.url);
  await suite.page.setInputFiles('#file-input', [big, CUSTOMERS]);
  await waitForMapping(suite.page);
  assert.deepEqual((await readMapping(suite.page)).files.map(({ table }) => table), ['orders', 'customers']);
  await suite.page.click('#mapping-classify');
  await waitForState(suite.page, ['working']);
  await suite.page.waitForFunction(() => document.getElementById('progress-bar').value > 0, null, { polling: 20 });
  const total = (await stat(big)).size + (await stat(CUSTOMERS)).size;
  const shown = await suite.page.evaluate(async (bytes) => (await import('./views/format.js')).formatBytes(bytes), total);
  const text = await suite.page.textContent('#progress-text');
  assert.ok(text.includes(` of ${shown} (`), `“${text}” is not over ${shown}, the bytes of both files`);
  assert.match(await suite.page.textContent('#progress-label'), /big-orders\.csv and customers\.csv/);

  const clicked = Date.now();
  await suite.page.click('#cancel-button');
  await waitForState(suite.page, ['cancelled'], 1_000);
  assert.ok(Date.now() - clicked < 1_000);
  assert.ok(await suite.page.isHidden('#progress'));
});

test('three files at once: a clear message, and nothing is read', async () => {
  await openPage(suite.page, suite.server.url);
  const third = path.join(fixturesDir, 'tiny_orders.csv');
  await suite.page.setInputFiles('#file-input', [ORDERS, CUSTOMERS, third]);
  assert.equal((await waitUntilSettled(suite.page)).state, 'error');
  const message = await suite.page.textContent('#error-message');
  assert.match(message, /^You chose 3 files \(orders\.csv, customers\.csv, and tiny_orders\.csv\)\. TierLens reads at most 2 at once/);
  assert.equal(await suite.page.textContent('#error-heading'), 'Too many files at once');
  assert.ok(await suite.page.isHidden('#mapping'));
  assert.ok(await suite.page.isHidden('#progress'));

  // Two of them then work.
  await suite.page.setInputFiles('#file-input', [ORDERS, CUSTOMERS]);
  await waitForMapping(suite.page);
  assert.ok(await suite.page.isHidden('#error'));
});

test('the roles are told apart as the page tells them', async () => {
  const { inspectTables, missingRoles, tablesOf } = await import('../../web/table-roles.js');
  assert.equal(tablesOf({ orders: 1, customers: null }), 'orders');
  assert.equal(tablesOf({ orders: 1, customers: 1 }), 'orders_and_customers');
  assert.equal(tablesOf({ orders: null, customers: 1 }), 'customers');
  const entry = (field, column) => ({ field, column, source: column ? 'guessed' : 'none', required: true });
  const asOrders = (columns) => ({
    table: 'orders', header: [], problem: null, attributes: [],
    roles: ['customer_id', 'order_id', 'date', 'amount', 'quantity', 'unit_price'].map((role) => entry(role, columns[role] ?? null)),
  });
  assert.deepEqual(missingRoles(asOrders({ customer_id: 'a', date: 'b', quantity: 'c', unit_price: 'd' })), []);
  assert.deepEqual(missingRoles(asOrders({ customer_id: 'a' })), ['date', 'amount']);
  assert.deepEqual(missingRoles({ table: 'customers', roles: [entry('customer_id', null)] }), ['customer_id']);

  // A file with an id but no date or amount is a customers table; with its dates it is orders.
  const file = (name, columns, id = columns.customer_id) => ({
    name,
    role: null,
    inspect: (table) => (table === 'orders'
      ? { ...asOrders(columns), problem: columns.date ? null : 'no date' }
      : { table, header: [], problem: id ? null : 'no id', attributes: [], roles: [entry('customer_id', id ?? null)] }),
  });
  const customersFile = file('c.csv', { customer_id: 'id' });
  const ordersFile = file('o.csv', { customer_id: 'id', date: 'd', amount: 'a' });
  assert.deepEqual(inspectTables([customersFile], null).map(({ role }) => role), ['customers']);
  assert.deepEqual(inspectTables([ordersFile], null).map(({ role }) => role), ['orders']);
  assert.deepEqual(inspectTables([file('w.csv', {})], null).map(({ role }) => role), ['orders']);
  assert.deepEqual(inspectTables([customersFile, ordersFile], null).map(({ role }) => role), ['customers', 'orders']);
  assert.deepEqual(inspectTables([ordersFile, customersFile], null).map(({ role }) => role), ['orders', 'customers']);
  // A file that cannot be read is reported, not thrown.
  const unreadable = { name: 'x.csv', role: 'orders', inspect: () => { throw new Error('x.csv: not a table'); } };
  assert.deepEqual(inspectTables([unreadable], null), [{ role: 'orders', inspection: null, error: 'x.csv: not a table' }]);
});

test('both files\' choices go into one policy', async () => {
  const { choicesConflicts, NO_ID_COLUMN, writeChoice, keepFileColumns } = await import('../../web/column-mapping.js');
  const orders = {
    table: 'orders',
    roles: { customer_id: '客户编号', order_id: '', date: '下单日期', amount: '金额', quantity: '', unit_price: '' },
    attributes: { customer_name: '', industry: '行业' },
  };
  const customers = { table: 'customers', roles: { customer_id: '客户编号' }, attributes: { customer_name: '客户名称', industry: '行业' } };
  assert.deepEqual(choicesConflicts([orders, customers]), []);
  const policy = { columns: {}, customer_table: { customer_id: null }, attributes: { employees: '员工' } };
  writeChoice(policy, orders, customers);
  assert.deepEqual(policy.customer_table, { customer_id: '客户编号' });
  assert.equal(policy.columns.date, '下单日期');
  assert.deepEqual(policy.attributes, { employees: '员工', customer_name: '客户名称', industry: '行业' });

  assert.deepEqual(choicesConflicts([orders, { ...customers, attributes: { industry: '所属行业' } }]),
    [{ kind: 'attribute', field: 'industry', columns: ['行业', '所属行业'] }]);

  const alone = { columns: { customer_id: 'x' }, attributes: {} };
  writeChoice(alone, { table: 'customers', roles: { customer_id: NO_ID_COLUMN }, attributes: {} });
  assert.deepEqual(alone, { columns: { customer_id: 'x' }, customer_table: { customer_id: '' }, attributes: {} });

  // A preset keeps the customers table's column along with the orders'.
  const preset = { columns: { customer_id: null }, customer_table: { customer_id: null }, attributes: {} };
  assert.deepEqual(keepFileColumns(policy, preset).customer_table, { customer_id: '客户编号' });
});

// Last, over everything the tests above made the browser do.
test('every request of the two-table tests stays on the page\'s own origin', () => {
  assertStayedOnOrigin(suite);
});
