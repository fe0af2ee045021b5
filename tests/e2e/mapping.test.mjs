// The mapping step in headless Chromium: a file whose columns cannot all be guessed waits for
// the user's choice, the choice is saved in the policy (and exported with it), and the next
// file with the same headers goes straight through. Also: a workbook too large to hold is
// refused before it is read, while a text file of any size is not. Every request the browser
// makes is recorded and must stay on the page's own origin.
//
// Run: node --test tests/e2e/   (needs web/dist/ built and /usr/bin/chromium)

import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';

import { fixturesDir } from '../support/paths.mjs';
import {
  changeColumns, chooseColumns, chooseFile, choosePreset, download, openPage, readCustomerColumn, readFacts,
  readMapping, waitForMapping, waitForState, waitUntilSettled,
} from './page-driver.mjs';
import { assertStayedOnOrigin, browserSuite } from './suite.mjs';

/** The customer id (持卡人) no one can guess; the date and amount only from their values. */
const CARD_ORDERS = path.join(fixturesDir, 'mapping', 'card_orders.csv');
const CARD_COLUMNS = { customer_id: '持卡人', order_id: '', date: '时间', amount: '实付', quantity: '', unit_price: '' };

const suite = browserSuite('mapping');

/** Opens the page fresh and takes card_orders.csv through the mapping step. */
async function classifyCardOrders() {
  await openPage(suite.page, suite.server.url);
  await suite.page.setInputFiles('#file-input', CARD_ORDERS);
  await waitForMapping(suite.page);
  await chooseColumns(suite.page, { customer_id: '持卡人' });
  await suite.page.click('#mapping-classify');
  const { state, error } = await waitUntilSettled(suite.page);
  assert.equal(state, 'done', error);
}

test('headers that cannot be guessed: the step shows the problem, and Classify waits for the columns', async () => {
  await openPage(suite.page, suite.server.url);
  await suite.page.setInputFiles('#file-input', CARD_ORDERS);
  await waitForMapping(suite.page);

  let step = await readMapping(suite.page);
  assert.equal(step.problem,
    'card_orders.csv: no customer id column found in the header row (columns: "持卡人", "时间", "实付"); set the customer_id column (CLI: --customer-id)');
  assert.equal(step.canClassify, false);
  assert.deepEqual(step.check, ['Choose the column of the Customer ID (客户编号).']);
  // The date and the amount are guessed from their values: no header name gives them away.
  assert.deepEqual(step.roles, { customer_id: '', order_id: '', date: '时间', amount: '实付', quantity: '', unit_price: '' });
  assert.deepEqual(step.header, [
    { column: '持卡人', roles: [] }, { column: '时间', roles: ['date'] }, { column: '实付', roles: ['amount'] },
  ]);
  assert.equal(step.rows, 6);
  assert.ok(await suite.page.isHidden('#results'));
  assert.ok(await suite.page.isHidden('#progress'), 'something is being computed before Classify');
  // Every choice has a visible label.
  const unlabelled = await suite.page.$$eval('#mapping select, #mapping input', (controls) =>
    controls.filter((control) => !control.labels?.length).map((control) => control.id));
  assert.deepEqual(unlabelled, []);

  // One column for two roles is refused on the spot.
  await chooseColumns(suite.page, { customer_id: '持卡人', quantity: '实付' });
  step = await readMapping(suite.page);
  assert.equal(step.canClassify, false);
  assert.deepEqual(step.check, ['“实付” is chosen for Amount (金额) and Quantity (数量): a column can have one role only.']);

  await chooseColumns(suite.page, { quantity: '' });
  step = await readMapping(suite.page);
  assert.equal(step.canClassify, true);
  assert.deepEqual(step.check, []);
  assert.deepEqual(step.header.map((column) => column.roles), [['customer_id'], ['date'], ['amount']]);

  await suite.page.click('#mapping-classify');
  const { state, error } = await waitUntilSettled(suite.page);
  assert.equal(state, 'done', error);
  assert.ok(await suite.page.isHidden('#mapping'));
  const facts = await readFacts(suite.page);
  assert.deepEqual(
    [facts['rows-total'], facts['rows-used'], facts.customers, facts.revenue, facts['analysis-date']],
    ['6', '6', '3', '650.5', '2024-05-31']);
  assert.deepEqual(await readCustomerColumn(suite.page, 'customer_id'), ['K-002', 'K-001', 'K-003']); // by monetary
  assert.deepEqual(await readCustomerColumn(suite.page, 'frequency'), ['2', '3', '1']);
  assert.deepEqual(await readCustomerColumn(suite.page, 'recency'), ['60', '1', '72']);
  assert.match(await suite.page.textContent('#columns-note'), /Columns as saved in the policy:.*持卡人.*时间.*实付/s);
});

test('the columns chosen are in the exported policy', async () => {
  await classifyCardOrders();
  const exported = JSON.parse((await download(suite.page, '#export-policy')).bytes.toString('utf8'));
  assert.deepEqual(exported.columns, CARD_COLUMNS);
  assert.deepEqual(exported.attributes, {}); // the customer name was left at "none": not named
  assert.equal(await suite.page.inputValue('#preset-select'), ''); // the policy is no longer the preset as shipped
});

test('a second file with the same headers goes straight through; Change columns and Escape', async () => {
  await classifyCardOrders();
  const june = path.join(suite.scratch, 'card_orders_june.csv');
  await writeFile(june, '持卡人,时间,实付\nK-010,2024-06-01,500.00\nK-011,2024-06-02,20.00\nK-010,2024-06-03,30.00\n');
  // Every state the page passes through from here on.
  await suite.page.evaluate(() => {
    window.statesSeen = [];
    new MutationObserver(() => window.statesSeen.push(document.body.dataset.state))
      .observe(document.body, { attributes: true, attributeFilter: ['data-state'] });
  });
  const { shown } = await chooseFile(suite.page, june);
  assert.equal(shown, false, 'the mapping step was shown again for the same headers');
  assert.equal((await waitUntilSettled(suite.page)).state, 'done');
  assert.ok(!(await suite.page.evaluate(() => window.statesSeen)).includes('mapping'));
  const facts = await readFacts(suite.page);
  assert.deepEqual([facts.file, facts.customers, facts.revenue], ['card_orders_june.csv', '2', '550']);
  assert.match(await suite.page.textContent('#columns-note'), /Columns as saved in the policy/);

  // Change columns opens the step for this file, as saved; Escape goes back to the result.
  await changeColumns(suite.page);
  const step = await readMapping(suite.page);
  assert.deepEqual(step.roles, CARD_COLUMNS);
  assert.equal(step.problem, '');
  assert.ok(await suite.page.isHidden('#results'));
  await suite.page.keyboard.press('Escape');
  await waitForState(suite.page, ['done']);
  assert.ok(await suite.page.isHidden('#mapping'));
  assert.ok(await suite.page.isVisible('#results'));
  assert.equal((await readFacts(suite.page)).file, 'card_orders_june.csv');
  assert.equal(await suite.page.evaluate(() => document.activeElement?.id), 'change-columns');
});

test('a file with other headers asks again, starting from the guesses; the sample and presets still work', async () => {
  await classifyCardOrders();
  await suite.page.setInputFiles('#file-input', path.join(fixturesDir, 'tiny_orders.csv'));
  await waitForMapping(suite.page);
  const step = await readMapping(suite.page);
  assert.match(step.problem, /the column "持卡人" given for the customer id is not in the header row/);
  assert.deepEqual(step.roles, { customer_id: 'customer_id', order_id: 'order_id', date: 'order_date', amount: 'amount', quantity: '', unit_price: '' });
  assert.equal(step.canClassify, true);

  // Cancel with a result before: that result comes back.
  await suite.page.click('#mapping-cancel');
  await waitForState(suite.page, ['done']);
  assert.equal((await readFacts(suite.page)).file, 'card_orders.csv');

  // The sample is read with its own columns, whatever the policy names for the user's files.
  await suite.page.click('#sample-button');
  assert.equal((await waitUntilSettled(suite.page)).state, 'done');
  assert.ok(await suite.page.isHidden('#columns-note'));
  assert.ok(Number((await readFacts(suite.page)).customers) > 100);

  // A preset keeps the columns: they describe the user's files, not the classification.
  await suite.page.setInputFiles('#file-input', CARD_ORDERS);
  await waitForState(suite.page, ['working', 'done']);
  assert.equal((await waitUntilSettled(suite.page)).state, 'done');
  const settled = await choosePreset(suite.page, 'rfm_classes');
  assert.equal(settled.status, 'applied', settled.problem);
  assert.equal(settled.state, 'done');
  assert.equal((await readFacts(suite.page)).customers, '3');
});

test('a workbook over the size limit is refused before it is read; a text file of that size is not', async () => {
  await openPage(suite.page, suite.server.url);
  /** Gives the page a file of just over 1 GiB made in the page from one MiB, referenced again
   *  and again (a Blob made of Blobs does not copy them), starting with `head`. */
  const giveHugeFile = (head, name) => suite.page.evaluate(([head, name]) => {
    let blob = new Blob([new Uint8Array(1024 * 1024).fill(0x31)]);
    for (let i = 0; i < 10; i++) blob = new Blob([blob, blob]);
    const file = new File([head, blob], name);
    const transfer = new DataTransfer();
    transfer.items.add(file);
    const input = document.getElementById('file-input');
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    return file.size;
  }, [head, name]);

  const size = await giveHugeFile('PK\x03\x04', 'huge.xlsx');
  assert.ok(size > 2 ** 30);
  assert.equal((await waitUntilSettled(suite.page)).state, 'error');
  const message = await suite.page.textContent('#error-message');
  assert.match(message, /^huge\.xlsx is 1\.1 GB\./);
  assert.match(message, /workbooks up to 1 GiB/);
  assert.match(message, /Save the sheet as CSV/);
  assert.ok(await suite.page.isHidden('#mapping'));

  // Text is read from its start only (and streamed when classified): no limit.
  await giveHugeFile('customer_id,date,amount\n', 'huge.csv');
  await waitForMapping(suite.page);
  assert.ok(await suite.page.isHidden('#error'));
  const step = await readMapping(suite.page);
  assert.deepEqual(step.header.map((column) => column.column), ['customer_id', 'date', 'amount']);
  await suite.page.click('#mapping-cancel');
  await waitForState(suite.page, ['idle']);
});

test('the size limit is a function of the size alone, and only for zip archives', async () => {
  const { MAX_WORKBOOK_BYTES, isWorkbookTooLarge, isZipFile, bytesToInspect, INSPECT_BYTES } = await import('../../web/input-files.js');
  assert.equal(MAX_WORKBOOK_BYTES, 2 ** 30);
  assert.equal(isWorkbookTooLarge(2 ** 30), false);
  assert.equal(isWorkbookTooLarge(2 ** 30 + 1), true);
  assert.equal(await isZipFile(new Blob(['PK\x03\x04rest'])), true);
  assert.equal(await isZipFile(new Blob(['PK'])), false);
  assert.equal(await isZipFile(new Blob(['customer_id,date'])), false);
  const text = new Blob([new Uint8Array(INSPECT_BYTES * 2)]);
  assert.equal((await bytesToInspect(text)).length, INSPECT_BYTES);
  const zip = new Blob(['PK\x03\x04', new Uint8Array(INSPECT_BYTES * 2)]);
  assert.equal((await bytesToInspect(zip)).length, zip.size);
});

test('the choice is checked as the page checks it', async () => {
  const { choiceProblems, policyNamesColumns, writeChoice, keepFileColumns } = await import('../../web/column-mapping.js');
  const roles = (given) => ({ customer_id: '', order_id: '', date: '', amount: '', quantity: '', unit_price: '', ...given });
  assert.deepEqual(choiceProblems({ roles: roles({ customer_id: 'a', date: 'b', amount: 'c' }) }), []);
  assert.deepEqual(choiceProblems({ roles: roles({ customer_id: 'a', date: 'b', quantity: 'c', unit_price: 'd' }) }), []);
  assert.deepEqual(choiceProblems({ roles: roles({ customer_id: 'a', date: 'b', quantity: 'c' }) }), [{ kind: 'amount' }]);
  assert.deepEqual(choiceProblems({ roles: roles({ date: 'a', amount: 'a' }) }),
    [{ kind: 'missing', role: 'customer_id' }, { kind: 'shared', column: 'a', roles: ['date', 'amount'] }]);

  const policy = { columns: { customer_id: null }, attributes: { industry: '行业' } };
  assert.equal(policyNamesColumns(policy), false);
  writeChoice(policy, { roles: roles({ customer_id: '持卡人', date: '时间', amount: '实付' }), attributes: { industry: '', customer_name: '名称' } });
  assert.deepEqual(policy, { columns: CARD_COLUMNS, attributes: { customer_name: '名称' } });
  assert.equal(policyNamesColumns(policy), true);

  const preset = { columns: { customer_id: null, date: null }, attributes: {} };
  assert.deepEqual(keepFileColumns(policy, preset).columns, CARD_COLUMNS);
});

// Last, over everything the tests above made the browser do.
test('every request of the mapping tests stays on the page\'s own origin', () => {
  assertStayedOnOrigin(suite);
});
