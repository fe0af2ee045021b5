// The page in one file (web/dist/tierlens-standalone.html, made by scripts/build-single-file.mjs)
// opened from file:// in a fresh browser, as from a shared drive or an e-mail attachment: the
// sample, the policy editor, uploads through the file input (the mapping step included) and
// the downloads work as on the served page, and no request at all leaves the file: no http(s),
// nothing but the file itself and the blob: and data: URLs it makes.
//
// Run: node --test --test-concurrency=1 tests/e2e/   (needs `bash scripts/build.sh`, /usr/bin/chromium)

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { classifyWithCli } from '../support/cli.mjs';
import { cliPath, fixturesDir, repoRoot } from '../support/paths.mjs';
import { launchBrowser } from './browser.mjs';
import { classifySample, loadReferenceEngine, tierNumbers } from './engine-reference.mjs';
import {
  chooseFile, chooseFiles, choosePreset, download, openPage, readSegmentTable, readTierSummary, waitForPolicySettled,
  waitUntilSettled,
} from './page-driver.mjs';
import { artifacts } from './suite.mjs';

const singleFile = path.join(repoRoot, 'web', 'dist', 'tierlens-standalone.html');
const skip = !existsSync(singleFile) ? `no ${singleFile} (bash scripts/build.sh)`
  : !existsSync(cliPath) ? `no native CLI at ${cliPath} (bash scripts/build.sh native)` : false;

let browser;
let engine;
/** What the browser's console said about the Content-Security-Policy. */
const violations = [];

before(async () => {
  if (skip) return;
  engine = await loadReferenceEngine();
  browser = await launchBrowser();
  browser.page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
});

after(async () => {
  await browser?.close();
});

const segmentNumbers = (summary) => summary.segments.map(({ segment, customers, customer_share, revenue, revenue_share }) =>
  ({ segment, customers, customer_share, revenue, revenue_share }));

async function assertDone(page) {
  const { state, error } = await waitUntilSettled(page);
  assert.equal(state, 'done', error);
}

test('from file://, the single file classifies the sample, and a preset from the policy editor', { skip }, async () => {
  const { page } = browser;
  await openPage(page, pathToFileURL(singleFile).href);
  await page.click('#sample-button');
  await assertDone(page);
  const reference = classifySample(engine, null);
  assert.deepEqual(await readTierSummary(page), tierNumbers(reference));
  assert.deepEqual(await readSegmentTable(page), segmentNumbers(reference));
  // The dashboard's charts: ECharts is inside the file too, and draws within its CSP.
  await page.waitForFunction(() => {
    const figures = [...document.querySelectorAll('#dashboard figure[data-chart]')];
    return figures.length === 7 && figures.every((figure) => figure.dataset.rendered === 'true'
      && figure.querySelectorAll('svg path').length > 5);
  }, null, { timeout: 60_000, polling: 50 });

  const { status, problem } = await choosePreset(page, 'rfm_classes');
  assert.equal(status, 'applied', problem);
  assert.deepEqual(await readTierSummary(page), tierNumbers(classifySample(engine, engine.presetPolicy('rfm_classes'))));

  const exported = JSON.parse((await download(page, '#export-policy')).bytes.toString('utf8'));
  assert.equal(exported.name, engine.presetPolicy('rfm_classes').name);
  await page.screenshot({ path: path.join(artifacts, 'single-file-sample.png'), fullPage: true });
});

test('from file://, an upload through the file input classifies and downloads as the CLI does', { skip }, async () => {
  const { page } = browser;
  const file = path.join(fixturesDir, 'tiny_orders.csv');
  await openPage(page, pathToFileURL(singleFile).href);
  const { shown } = await chooseFile(page, file);
  assert.ok(shown, 'the mapping step was not shown');
  await assertDone(page);
  const cli = classifyWithCli(file);
  assert.deepEqual(await readSegmentTable(page), segmentNumbers(JSON.parse(cli.summaryJson)));
  const customers = await download(page, '#download-customers');
  assert.equal(customers.name, 'tiny_orders-classified.csv');
  assert.ok(customers.bytes.equals(cli.customersCsv), 'the downloaded customers CSV differs from the CLI’s');
});

test('from file://, an orders file and a customers table go through the mapping step together', { skip }, async () => {
  const { page } = browser;
  const orders = path.join(fixturesDir, 'two_tables', 'orders.csv');
  const customers = path.join(fixturesDir, 'two_tables', 'customers.csv');
  await openPage(page, pathToFileURL(singleFile).href);
  const { confirmed } = await chooseFiles(page, [customers, orders]);
  assert.ok(confirmed, 'the mapping step could not be confirmed');
  await assertDone(page);
  await waitForPolicySettled(page);
  const cli = classifyWithCli(orders, ['--customers', customers]);
  assert.ok((await download(page, '#download-customers')).bytes.equals(cli.customersCsv));
});

test('the single file asked for nothing outside itself, broke no rule of its policy, and threw nothing', { skip }, () => {
  const fileUrl = pathToFileURL(singleFile).href;
  const outside = browser.requests.filter((url) => !(url === fileUrl || /^(blob|data):/.test(url)));
  assert.deepEqual(outside, []);
  assert.ok(browser.requests.some((url) => url.startsWith('blob:')), 'the worker was not started from a blob: URL');
  assert.deepEqual(violations, []);
  assert.deepEqual(browser.errors, []);
});
