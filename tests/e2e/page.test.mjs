// The page in headless Chromium, end to end: files go in through the real file input, the
// worker classifies them with the real wasm module, and what the page shows and downloads is
// compared with the native CLI over the same file. Throughout, every request the browser makes
// is recorded: all of them must go to the page's own origin.
//
// Run: node --test tests/e2e/   (needs web/dist/ built, the native CLI, and /usr/bin/chromium)

import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';

import { classifyWithCli as runCli } from '../support/cli.mjs';
import { cliPath, fixturesDir, sharedDataDir, sharedDataFile } from '../support/paths.mjs';
import { writeBigOrdersCsv } from './big-orders.mjs';
import {
  changeColumns, changeReading, chooseFile, confirmMapping, download, openPage, readCustomerColumn, readCustomerRows, readFacts, readMapping,
  readSegmentTable, scrollCustomerTableTo, waitForPolicySettled, waitForState, waitUntilSettled,
} from './page-driver.mjs';
import { artifacts, assertStayedOnOrigin, browserSuite } from './suite.mjs';

const ONLINE_RETAIL = 'online-retail-uci/online_retail.csv';

const SEGMENTS = [
  'Champions', 'Loyal Customers', 'Potential Loyalists', 'Recent Customers', 'Promising',
  'Customers Needing Attention', 'About to Sleep', 'At Risk', "Can't Lose Them", 'Hibernating', 'Lost',
];
const fixtures = readdirSync(fixturesDir).filter((name) => /\.(csv|tsv|json|jsonl)$/.test(name)).sort();
const noCli = existsSync(cliPath) ? false : `no native CLI at ${cliPath} (bash scripts/build.sh native)`;

/** The CLI's reports on `file`, with the summary parsed. Throws (with .stderr) if it refuses. */
function classifyWithCli(file, flags = []) {
  const { summaryJson, customersCsv, skippedCsv } = runCli(file, flags);
  return { summary: JSON.parse(summaryJson), customersCsv, skippedCsv };
}

const suite = browserSuite('page');

/** The parts of the summary the page's segment table shows. */
const segmentNumbers = (summary) => summary.segments.map(({ segment, customers, customer_share, revenue, revenue_share }) =>
  ({ segment, customers, customer_share, revenue, revenue_share }));

/** The facts line as the page should show it (see readFacts). */
const expectedFacts = (summary) => ({
  'rows-total': String(summary.rows.total),
  'rows-used': String(summary.rows.used),
  'rows-skipped': String(summary.rows.skipped),
  customers: String(summary.customers),
  'analysis-date': summary.analysis_date,
  encoding: summary.input.encoding,
});

/** Uploads `file` through #file-input, and checks the page against the CLI's output. */
async function assertPageMatchesCli(file, expected) {
  await chooseFile(suite.page, file);
  const { state, error } = await waitUntilSettled(suite.page);
  assert.equal(state, 'done', error);

  assert.deepEqual(await readSegmentTable(suite.page), segmentNumbers(expected.summary));
  const facts = await readFacts(suite.page);
  for (const [fact, value] of Object.entries(expectedFacts(expected.summary))) assert.equal(facts[fact], value, fact);

  const base = path.basename(file).replace(/\.[^.]*$/, '');
  const customers = await download(suite.page, '#download-customers');
  assert.equal(customers.name, `${base}-classified.csv`);
  assert.ok(customers.bytes.equals(expected.customersCsv), 'the downloaded customers CSV differs from the CLI’s customers.csv');

  if (expected.summary.rows.skipped > 0) {
    const skipped = await download(suite.page, '#download-skipped');
    assert.ok(skipped.bytes.equals(expected.skippedCsv), 'the downloaded skipped rows differ from the CLI’s skipped.csv');
    const listed = await suite.page.locator('#skipped-table tbody tr').count();
    assert.equal(listed, Math.min(50, expected.summary.rows.skipped));
  }
}

/**
 * A file the core refuses: the page must refuse it too, showing the core's message as is:
 * as an error when the file cannot be read, or in the mapping step (Classify disabled) when
 * its columns cannot be found.
 */
async function assertPageRefusesLikeCli(file, cliFailure) {
  const { shown: inStep, confirmed } = await chooseFile(suite.page, file);
  let shown;
  if (inStep && !confirmed) {
    shown = (await readMapping(suite.page)).problem;
  } else {
    assert.equal((await waitUntilSettled(suite.page)).state, 'error');
    shown = (await suite.page.textContent('#error-message')).trim();
  }
  const said = String(cliFailure.stderr).trim();
  assert.ok(shown.length > 0);
  assert.ok(said.includes(shown), `page says “${shown}”, CLI says “${said}”`);
}

// One case per fixture, named as in the wasm-under-Node tests.
describe('the page shows and downloads what the CLI writes', () => {
  for (const fixture of fixtures) {
    test(fixture, { skip: noCli }, async () => {
      const file = path.join(fixturesDir, fixture);
      await openPage(suite.page, suite.server.url);
      let expected;
      try {
        expected = classifyWithCli(file);
      } catch (cliFailure) {
        await assertPageRefusesLikeCli(file, cliFailure);
        return;
      }
      await assertPageMatchesCli(file, expected);
    });
  }
});

test('a file the core refuses shows the core\'s message (in the mapping step), and the page stays usable', { skip: noCli }, async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'tierlens-e2e-bad-'));
  try {
    const bad = path.join(dir, 'no-customer-column.csv');
    await writeFile(bad, 'InvoiceNo,InvoiceDate,Amount\n1,2024-01-01,10\n');
    await openPage(suite.page, suite.server.url);
    let cliFailure;
    try {
      classifyWithCli(bad);
    } catch (failure) {
      cliFailure = failure;
    }
    assert.ok(cliFailure, 'the CLI accepted a file without a customer id column');
    await assertPageRefusesLikeCli(bad, cliFailure);
    const step = await readMapping(suite.page);
    assert.match(step.problem, /no-customer-column\.csv/); // it names the file
    assert.equal(step.canClassify, false);
    assert.ok(step.check.some((line) => /Customer ID/.test(line)), step.check.join(' | '));

    await chooseFile(suite.page, path.join(fixturesDir, 'tiny_orders.csv'));
    assert.equal((await waitUntilSettled(suite.page)).state, 'done');
    assert.ok(await suite.page.isHidden('#error'));
    assert.ok(await suite.page.isHidden('#mapping'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a GBK file is detected and shown; choosing another encoding reads it again', { skip: noCli }, async () => {
  const file = path.join(fixturesDir, 'chinese_orders_gbk.tsv');
  await openPage(suite.page, suite.server.url);
  await suite.page.setInputFiles('#file-input', file);
  await waitForState(suite.page, ['mapping']);
  assert.match(await suite.page.textContent('[data-testid="mapping-fact-encoding"]'), /GB18030 \/ GBK \(detected\)/);
  assert.deepEqual((await readMapping(suite.page)).header.map((column) => column.column).slice(0, 2), ['订单编号', '客户编号']);
  await confirmMapping(suite.page);
  assert.equal((await waitUntilSettled(suite.page)).state, 'done');
  assert.equal((await readFacts(suite.page)).encoding, 'gb18030');
  assert.match(await suite.page.textContent('[data-testid="fact-encoding"]'), /GB18030 \/ GBK \(detected\)/);
  assert.ok((await readCustomerColumn(suite.page, 'customer_name')).includes('上海华盛机械有限公司'));

  // Read as UTF-8, the Chinese headers the policy now names are not found: the core's
  // message, naming the file, and nothing to classify until the columns are chosen again.
  await changeColumns(suite.page);
  await changeReading(suite.page, 'encoding-select', 'utf-8');
  const wrong = await readMapping(suite.page);
  assert.match(wrong.problem, /chinese_orders_gbk\.tsv/);
  assert.match(wrong.problem, /客户编号/);
  assert.equal(wrong.canClassify, false);

  // Back to detection: the columns fit again, and the result is the same bytes as the CLI's.
  await changeReading(suite.page, 'encoding-select', '');
  assert.equal((await readMapping(suite.page)).problem, '');
  await confirmMapping(suite.page);
  assert.equal((await waitUntilSettled(suite.page)).state, 'done');
  const customers = await download(suite.page, '#download-customers');
  assert.ok(customers.bytes.equals(classifyWithCli(file).customersCsv));
});

test('a day-first file is detected; choosing month first reads it again and skips what does not fit', { skip: noCli }, async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'tierlens-e2e-dates-'));
  try {
    const file = path.join(dir, 'eu-orders.csv');
    await writeFile(file, 'customer_id,date,amount\nA,3/5/2024,10\nB,25/12/2024,20\nC,1.6.2024,5\n');
    await openPage(suite.page, suite.server.url);
    await chooseFile(suite.page, file);
    assert.equal((await waitUntilSettled(suite.page)).state, 'done');
    const facts = await readFacts(suite.page);
    assert.equal(facts['date-order'], 'day_first');
    assert.equal(facts['rows-used'], '3');
    assert.match(await suite.page.textContent('[data-testid="fact-date-order"]'), /25\/12\/2024/);

    await changeColumns(suite.page);
    await changeReading(suite.page, 'date-order-select', 'month_first');
    await confirmMapping(suite.page);
    assert.equal((await waitUntilSettled(suite.page)).state, 'done');
    const told = await readFacts(suite.page);
    assert.deepEqual([told['date-order'], told['rows-skipped']], ['month_first', '1']);
    const customers = await download(suite.page, '#download-customers');
    assert.ok(customers.bytes.equals(classifyWithCli(file, ['--date-order', 'mdy']).customersCsv));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('an ERP export with title rows: the header is found, and the user can name another row', { skip: noCli }, async () => {
  const file = path.join(fixturesDir, 'erp_title_rows.csv');
  await openPage(suite.page, suite.server.url);
  await chooseFile(suite.page, file);
  assert.equal((await waitUntilSettled(suite.page)).state, 'done');
  const facts = await readFacts(suite.page);
  assert.deepEqual([facts['header-row'], facts['rows-used'], facts['rows-skipped']], ['4', '5', '3']);

  await changeColumns(suite.page);
  await changeReading(suite.page, 'header-row-input', '2');
  const wrong = await readMapping(suite.page);
  assert.match(wrong.problem, /导出时间/);  // the core names the columns of the row it was given
  assert.equal(wrong.canClassify, false);

  await changeReading(suite.page, 'header-row-input', '');
  await confirmMapping(suite.page);
  assert.equal((await waitUntilSettled(suite.page)).state, 'done');
  const customers = await download(suite.page, '#download-customers');
  assert.ok(customers.bytes.equals(classifyWithCli(file).customersCsv));
});

test('a file can be chosen, and its columns confirmed, from the keyboard alone', async () => {
  // Listened for before the page opens: Playwright turns on catching file choosers without
  // waiting for the browser to confirm it, so a key pressed just after subscribing could open
  // the browser's own dialog instead (headless, it closes at once, and no event comes). The
  // test failed so, now and then, on a loaded machine.
  const chooserOpened = suite.page.waitForEvent('filechooser', { timeout: 60_000 });
  await openPage(suite.page, suite.server.url);
  const tabTo = async (id) => {
    for (let i = 0; i < 40 && !(await suite.page.evaluate((wanted) => document.activeElement?.id === wanted, id)); i++) {
      await suite.page.keyboard.press('Tab');
    }
    assert.equal(await suite.page.evaluate(() => document.activeElement?.id), id);
  };
  // Tab order: the skip link, then the file input inside the drop zone.
  await tabTo('file-input');
  await suite.page.keyboard.press('Space');
  const chooser = await chooserOpened;
  await chooser.setFiles(path.join(fixturesDir, 'tiny_orders.csv'));
  // The mapping step takes the keyboard, and Classify is reached by Tab.
  await waitForState(suite.page, ['mapping']);
  assert.equal(await suite.page.evaluate(() => document.activeElement?.id), 'mapping-heading');
  await tabTo('mapping-classify');
  await suite.page.keyboard.press('Enter');
  assert.equal((await waitUntilSettled(suite.page)).state, 'done');
});

test('changing the bins and the analysis date in the policy re-runs the current file', { skip: noCli }, async () => {
  const file = path.join(fixturesDir, 'tiny_orders.csv');
  await openPage(suite.page, suite.server.url);
  await chooseFile(suite.page, file);
  assert.equal((await waitUntilSettled(suite.page)).state, 'done');

  // Bins re-score the customers already read.
  await suite.page.selectOption('#bins', '3');
  let settled = await waitForPolicySettled(suite.page);
  assert.equal(settled.status, 'applied', settled.problem);
  const threeBins = classifyWithCli(file, ['--bins', '3']);
  assert.deepEqual(await readSegmentTable(suite.page), segmentNumbers(threeBins.summary));
  assert.equal(await suite.page.locator('#breakpoints-table thead th').count(), 1 + 2); // label + 2 cuts

  // An analysis date makes the worker read the file again (later rows are skipped).
  await suite.page.fill('#analysis-date', '2024-06-30');
  settled = await waitForPolicySettled(suite.page);
  assert.equal(settled.status, 'applied', settled.problem);
  assert.equal(settled.state, 'done');
  const asOf = classifyWithCli(file, ['--bins', '3', '--as-of', '2024-06-30']);
  assert.deepEqual(await readSegmentTable(suite.page), segmentNumbers(asOf.summary));
  assert.equal((await readFacts(suite.page))['analysis-date'], '2024-06-30');
  const customers = await download(suite.page, '#download-customers');
  assert.ok(customers.bytes.equals(asOf.customersCsv), 'after the re-read, the customers CSV differs from the CLI’s');
});

test('the sample data gives results, a sortable scrolling customer table and explanations', async () => {
  await openPage(suite.page, suite.server.url);
  await suite.page.click('#sample-button');
  const { state, error } = await waitUntilSettled(suite.page);
  assert.equal(state, 'done', error);

  const segments = await readSegmentTable(suite.page);
  assert.deepEqual(segments.map((s) => s.segment), SEGMENTS);
  const total = segments.reduce((sum, s) => sum + s.customers, 0);
  assert.ok(total > 0);
  assert.equal((await readFacts(suite.page)).customers, String(total));
  assert.equal((await readFacts(suite.page)).file, 'tierlens-sample-orders.csv');
  assert.equal(await suite.page.getAttribute('[data-testid="segment-chart"]', 'role'), 'img');

  // Default order: most valuable first. Only the rows in view are drawn, from the top.
  const monetary = (await readCustomerColumn(suite.page, 'monetary')).map((text) => Number(text.replace(/,/g, '')));
  assert.ok(monetary.length >= Math.min(10, total) && monetary.length < 40, `${monetary.length} rows drawn`);
  assert.deepEqual(monetary, [...monetary].sort((a, b) => b - a));
  assert.deepEqual((await readCustomerRows(suite.page)).map(({ row }) => row), monetary.map((_, i) => i));
  assert.equal(await suite.page.getAttribute('[data-testid="customer-table-table"]', 'aria-rowcount'), String(total + 1));
  assert.match(await suite.page.textContent('[data-testid="customer-table-status"]'), new RegExp(`^Showing 1–\\d+ of ${total.toLocaleString('en-US')} customers$`));

  // Sorting asks the worker for the page in that order.
  await suite.page.click('#customer-table th[data-sort-key="recency"] button');
  await suite.page.waitForSelector('#customer-table th[data-sort-key="recency"][aria-sort="ascending"]');
  const recency = (await readCustomerColumn(suite.page, 'recency')).map((text) => Number(text.replace(/,/g, '')));
  assert.deepEqual(recency, [...recency].sort((a, b) => a - b));

  // Scrolling draws the rows further down, still in that order.
  if (total > 60) {
    await scrollCustomerTableTo(suite.page, 50);
    assert.match(await suite.page.textContent('[data-testid="customer-table-status"]'), /^Showing 51–/);
    const further = (await readCustomerColumn(suite.page, 'recency')).map((text) => Number(text.replace(/,/g, '')));
    assert.ok(further[0] >= recency.at(-1), `row 51 has recency ${further[0]}, row ${recency.length} ${recency.at(-1)}`);
  }

  // Choosing a customer explains it.
  const firstId = (await readCustomerColumn(suite.page, 'customer_id'))[0];
  await suite.page.click('#customer-table tbody tr:first-child');
  await suite.page.waitForSelector('#explanation-body .explanation-text');
  const title = await suite.page.textContent('#explanation-body .explanation-title');
  assert.ok(title.startsWith(`${firstId} — `), title);

  await suite.page.screenshot({ path: path.join(artifacts, 'e2e-sample-results.png'), fullPage: true });
});

test('the sample CSV link downloads the sample orders', async () => {
  await openPage(suite.page, suite.server.url);
  const sample = await download(suite.page, '#download-sample');
  assert.equal(sample.name, 'tierlens-sample-orders.csv');
  assert.ok(sample.bytes.length > 100);
  assert.match(sample.bytes.toString('utf8').split('\n')[0], /,|\t|;/); // a header line
});

test('Cancel stops a large file at once, and the page works afterwards', { timeout: 180_000 }, async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'tierlens-e2e-big-'));
  try {
    const big = path.join(dir, 'big-orders.csv');
    await writeBigOrdersCsv(big, 3_000_000);
    await openPage(suite.page, suite.server.url);
    await chooseFile(suite.page, big);
    await waitForState(suite.page, ['working']);
    await suite.page.waitForFunction(() => document.getElementById('progress-bar').value > 0, null, { polling: 20 });

    // The main thread stays responsive while the worker reads.
    const roundTrip = Date.now();
    await suite.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
    assert.ok(Date.now() - roundTrip < 500, 'the page did not paint a frame within 500 ms while working');
    assert.ok(await suite.page.isVisible('#progress'));
    assert.match(await suite.page.textContent('#progress-text'), /%/);

    const clicked = Date.now();
    await suite.page.click('#cancel-button');
    await waitForState(suite.page, ['cancelled'], 1_000);
    assert.ok(Date.now() - clicked < 1_000);
    assert.match(await suite.page.textContent('#notice'), /Cancelled/);
    assert.ok(await suite.page.isHidden('#progress'));

    await suite.page.click('#sample-button');
    const { state, error } = await waitUntilSettled(suite.page);
    assert.equal(state, 'done', error);
    assert.equal((await readSegmentTable(suite.page)).length, 11);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('online retail (UCI): 541,909 rows and 4,372 customers, as the CLI finds', { timeout: 300_000, skip: noCli }, async (t) => {
  const onlineRetail = sharedDataFile(ONLINE_RETAIL);
  if (!onlineRetail) {
    t.skip(`${path.join(sharedDataDir, ONLINE_RETAIL)} is not there (set TIERLENS_SHARED_DATA to the shared data folder)`);
    return;
  }
  const expected = classifyWithCli(onlineRetail);
  await openPage(suite.page, suite.server.url);
  await assertPageMatchesCli(onlineRetail, expected);
  const facts = await readFacts(suite.page);
  assert.equal(facts['rows-total'], '541909');
  assert.equal(facts.customers, '4372');
  await suite.page.screenshot({ path: path.join(artifacts, 'e2e-online-retail-results.png'), fullPage: true });
});

// Last, over everything the tests above made the browser do.
test('every request stays on the page\'s own origin, the worker\'s included', () => {
  assertStayedOnOrigin(suite);
  const wasm = suite.requests.filter((url) => new URL(url).pathname === '/dist/tierlens.wasm');
  assert.ok(wasm.length > 0, 'the worker\'s request for tierlens.wasm was not seen, so worker traffic is not being recorded');
});
