// Excel workbooks in headless Chromium, through the page's own file input: the mapping step
// says the file is a workbook and offers its sheets, the first chosen; another sheet is read
// again by the engine and its problem shown as given; and a workbook classified in the page
// gives what the native CLI gives for the same file under the same policy, byte for byte
// (the LibreOffice fixture, and the real Chaoyang pharmacy workbook when the shared data is
// here). Every request the browser makes is recorded and must stay on the page's own origin.
//
// Run: node --test tests/e2e/   (needs web/dist/ built, the native CLI, and /usr/bin/chromium)

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { classifyWithCli } from '../support/cli.mjs';
import { cliPath, fixturesDir, sharedDataFile } from '../support/paths.mjs';
import {
  changeReading, chooseFile, download, fileSection, openPage, readFacts, readMapping, waitForMapping, waitUntilSettled,
} from './page-driver.mjs';
import { assertStayedOnOrigin, browserSuite } from './suite.mjs';

/** Written by LibreOffice: sheets "Orders" (6 customers) and "客户 & notes" (no order columns). */
const WORKBOOK = path.join(fixturesDir, 'xlsx', 'orders.xlsx');
const SHEETS = ['Orders', '客户 & notes'];
const ORDERS_ROLES = { customer_id: '客户编号', order_id: '', date: '订单日期', amount: '金额', quantity: '', unit_price: '' };
const CHAOYANG_PATH = 'chaoyang-pharmacy-cn/chaoyang_2018_sales_original.xlsx';
const CHAOYANG = sharedDataFile(CHAOYANG_PATH);
const noCli = existsSync(cliPath) ? false : `no native CLI at ${cliPath} (bash scripts/build.sh native)`;

const suite = browserSuite('workbook');

/** The step's sheet control: whether it is shown, its options and the sheet chosen. */
function readSheetControl() {
  const select = fileSection(suite.page).locator('[data-testid="sheet-select"]');
  return select.evaluate((control) => ({
    visible: control.checkVisibility(),
    labelled: control.labels.length > 0,
    options: [...control.options].map((option) => option.value),
    chosen: control.value,
  }));
}

/** The step's facts about the file as read: `{format: 'xlsx', sheet: 'Orders', …}` (values). */
function readStepFacts() {
  return fileSection(suite.page).locator('[data-testid^="mapping-fact-"]').evaluateAll((facts) =>
    Object.fromEntries(facts.map((fact) => [fact.dataset.testid.slice('mapping-fact-'.length), fact.dataset.value])));
}

/** Opens the page fresh and gives it the fixture workbook; waits for the mapping step. */
async function chooseWorkbook() {
  await openPage(suite.page, suite.server.url);
  await suite.page.setInputFiles('#file-input', WORKBOOK);
  await waitForMapping(suite.page);
  return readMapping(suite.page);
}

test('a LibreOffice workbook: the step shows it as xlsx with its sheets, and it classifies as the CLI does', { skip: noCli }, async () => {
  const step = await chooseWorkbook();
  assert.deepEqual(step.files.map(({ name, table }) => [name, table]), [['orders.xlsx', 'orders']]);
  const facts = await readStepFacts();
  assert.equal(facts.format, 'xlsx');
  assert.equal(facts.sheet, 'Orders');
  assert.deepEqual(await readSheetControl(), { visible: true, labelled: true, options: SHEETS, chosen: 'Orders' });
  assert.equal(step.problem, '');
  assert.deepEqual(step.roles, ORDERS_ROLES);
  assert.deepEqual(step.header.map(({ column }) => column), ['客户编号', '订单日期', '下单时间', '金额', '备注', '渠道']);
  assert.equal(step.canClassify, true);

  await suite.page.click('#mapping-classify');
  const { state, error } = await waitUntilSettled(suite.page);
  assert.equal(state, 'done', error);
  const result = await readFacts(suite.page);
  assert.deepEqual([result.file, result.customers, result['rows-used']], ['orders.xlsx', '6', '6']);

  // The same as the CLI under the same policy, byte for byte.
  const policyFile = await suite.exportPolicy('orders-xlsx.json');
  const cli = classifyWithCli(WORKBOOK, ['--policy', policyFile]);
  const downloaded = await download(suite.page, '#download-customers');
  assert.equal(downloaded.name, 'orders-classified.csv');
  assert.ok(downloaded.bytes.equals(cli.customersCsv), 'the customers CSV differs from the CLI’s');
  assert.ok((await download(suite.page, '#download-skipped')).bytes.equals(cli.skippedCsv), 'the skipped rows differ from the CLI’s');
  const summary = JSON.parse(cli.summaryJson);
  assert.deepEqual([summary.customers, summary.input.format, summary.input.sheet], [6, 'xlsx', 'Orders']);
});

test('another sheet is read again: its problem is shown and Classify waits; "Orders" again restores the proposal', async () => {
  await chooseWorkbook();

  await changeReading(suite.page, 'sheet-select', '客户 & notes');
  let step = await readMapping(suite.page);
  assert.equal(await suite.page.evaluate(() => document.body.dataset.state), 'mapping');
  assert.match(step.problem, /^orders\.xlsx: no order date column found in the header row \(columns: "客户编号", "等级", "城市", "活跃", "公式"\)/);
  assert.equal(step.canClassify, false);
  assert.ok(await suite.page.isDisabled('#mapping-classify'));
  assert.deepEqual(step.header.map(({ column }) => column), ['客户编号', '等级', '城市', '活跃', '公式']);
  assert.equal((await readStepFacts()).sheet, '客户 & notes');
  // The control still offers both sheets, the one read chosen.
  assert.deepEqual(await readSheetControl(), { visible: true, labelled: true, options: SHEETS, chosen: '客户 & notes' });

  await changeReading(suite.page, 'sheet-select', 'Orders');
  step = await readMapping(suite.page);
  assert.equal(step.problem, '');
  assert.deepEqual(step.roles, ORDERS_ROLES);
  assert.deepEqual(step.header.map(({ column }) => column), ['客户编号', '订单日期', '下单时间', '金额', '备注', '渠道']);
  assert.equal(step.canClassify, true);
  assert.deepEqual(step.check, []);
  assert.equal((await readStepFacts()).sheet, 'Orders');
  assert.deepEqual(await readSheetControl(), { visible: true, labelled: true, options: SHEETS, chosen: 'Orders' });

  await suite.page.click('#mapping-classify');
  const { state, error } = await waitUntilSettled(suite.page);
  assert.equal(state, 'done', error);
  assert.equal((await readFacts(suite.page)).customers, '6');
});

test('the Chaoyang pharmacy workbook classifies in the page as the CLI does: 1,991 customers', {
  skip: noCli || (!CHAOYANG && `no shared data: ${CHAOYANG_PATH}`),
  timeout: 180_000,
}, async () => {
  await openPage(suite.page, suite.server.url);
  const { confirmed } = await chooseFile(suite.page, CHAOYANG);
  if (!confirmed && (await suite.page.evaluate(() => document.body.dataset.state)) === 'mapping') {
    assert.fail(`the mapping step could not be confirmed: ${JSON.stringify(await readMapping(suite.page))}`);
  }
  const { state, error } = await waitUntilSettled(suite.page);
  assert.equal(state, 'done', error);
  const facts = await readFacts(suite.page);
  assert.deepEqual([facts.file, facts.customers, facts['rows-used']],
    ['chaoyang_2018_sales_original.xlsx', '1991', '6553']);

  const policyFile = await suite.exportPolicy('chaoyang.json');
  const cli = classifyWithCli(CHAOYANG, ['--policy', policyFile]);
  const downloaded = await download(suite.page, '#download-customers');
  assert.ok(downloaded.bytes.equals(cli.customersCsv), 'the customers CSV differs from the CLI’s');
  const summary = JSON.parse(cli.summaryJson);
  assert.deepEqual([summary.customers, summary.rows.used, summary.input.format], [1991, 6553, 'xlsx']);
});

// Last, over everything the tests above made the browser do.
test('every request of the workbook tests stays on the page\'s own origin', () => {
  assertStayedOnOrigin(suite);
});
