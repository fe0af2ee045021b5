// The page in 简体中文 and in English: a browser whose language is Chinese opens it in Chinese,
// the header's switch changes every text on screen without classifying again and is
// remembered, and what the page downloads is the engine's, whatever the language. The texts
// are compared with the string tables themselves (web/i18n/zh-CN.js, web/views/strings.js).
//
// Headless Chromium here has no CJK font: screenshots show boxes. The tests read the DOM.
//
// Run: node --test tests/e2e/   (needs web/dist/ built, the native CLI, and /usr/bin/chromium)

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { zhCN } from '../../web/i18n/zh-CN.js';
import { en } from '../../web/views/strings.js';
import { classifyWithCli, writeSampleWithCli } from '../support/cli.mjs';
import { cliPath, fixturesDir } from '../support/paths.mjs';
import {
  download, openPage, readCustomerColumn, readMapping, readSegmentTable, waitForMapping, waitUntilSettled,
} from './page-driver.mjs';
import { assertStayedOnOrigin, browserSuite } from './suite.mjs';

const noCli = existsSync(cliPath) ? false : `no native CLI at ${cliPath} (bash scripts/build.sh native)`;

const suite = browserSuite('languages', { locale: 'zh-CN' });

/** The texts a test checks the language by: element → key in the tables. */
const MARKERS = {
  '#input-heading': 'inputHeading',
  '#sample-button': 'trySample',
  '#policy-heading': 'policy.heading',
  '#segments-heading': 'segmentsHeading',
  'label[for="language-select"]': 'languageLabel',
  '#download-customers': 'downloadCustomers',
};

const lookUp = (table, key) => key.split('.').reduce((group, part) => group[part], table);

/** Asserts that the page shows `table`'s texts, its `lang` and its title. */
async function assertSpeaks(page, table, languageId) {
  assert.equal(await page.getAttribute('html', 'lang'), table.locale);
  assert.equal(await page.title(), table.pageTitle);
  assert.equal(await page.inputValue('#language-select'), languageId);
  for (const [selector, key] of Object.entries(MARKERS)) {
    assert.equal((await page.textContent(selector)).trim(), lookUp(table, key), selector);
  }
  // The policy editor, built by script: its preset chooser and its sections.
  assert.equal(await page.textContent('#policy-tiers-heading'), table.policy.tiersHeading);
  assert.equal(await page.textContent('#preset-select option[value="rfm_segments"]'),
    table.policy.presetName('rfm_segments', 'RFM 11 segments'));
}

/** The segment table's rows: the engine's name (data-segment) and the name shown. */
function readSegmentNames(page) {
  return page.$$eval('#segment-table tbody tr[data-segment]', (rows) =>
    rows.map((row) => ({ engine: row.dataset.segment, shown: row.querySelector('[data-col="segment"]').textContent })));
}

/** Records every body[data-state] from now on, to tell whether anything ran. */
function recordStates(page) {
  return page.evaluate(() => {
    window.tierlensStates = [];
    new MutationObserver(() => window.tierlensStates.push(document.body.dataset.state))
      .observe(document.body, { attributes: true, attributeFilter: ['data-state'] });
  });
}

/** Switches the language and waits until the page has drawn itself in it. */
async function switchTo(page, languageId, table) {
  await page.selectOption('#language-select', languageId);
  await page.waitForFunction((locale) => document.documentElement.lang === locale, table.locale);
  // The customer table asks the worker for its rows again: wait until they are drawn.
  await page.waitForFunction((next) => document.getElementById('results').hidden
    || (document.querySelector('#customer-table .customer-table-hint').textContent === next
      && !document.querySelector('[data-testid="customer-table-table"]').hasAttribute('aria-busy')), table.customerTable.keyboardHint);
}

test('a Chinese browser opens the page in 简体中文, and the sample’s segments read in Chinese', async () => {
  const { page } = suite;
  await openPage(page, suite.server.url);
  await assertSpeaks(page, zhCN, 'zh-CN');
  assert.equal(await page.textContent('#policy-status'), zhCN.policy.status.ready);

  await page.click('#sample-button');
  const { state, error } = await waitUntilSettled(page);
  assert.equal(state, 'done', error);

  // Every segment is shown under its Chinese name; the engine's stays in data-segment.
  const segments = await readSegmentNames(page);
  assert.equal(segments.length, 11);
  for (const { engine, shown } of segments) {
    assert.equal(shown, zhCN.segmentName(engine));
    assert.match(shown, /^[\u4e00-\u9fff]+$/, `${engine} is shown as “${shown}”`);
  }
  assert.ok(segments.some(({ engine, shown }) => engine === 'Champions' && shown === '冠军客户'));
  const chart = await page.$$eval('[data-testid="segment-chart"] .segment-label', (labels) => labels.map((label) => label.textContent));
  assert.deepEqual(chart, segments.map(({ shown }) => shown));

  // The customers' RFM segment (a dimension of the default preset) reads in Chinese too.
  const labels = await readCustomerColumn(page, 'label-rfm_segment');
  assert.ok(labels.length > 0);
  const chinese = new Set(Object.values(segments).map(({ shown }) => shown));
  for (const label of labels) assert.ok(chinese.has(label), `customer table shows “${label}”`);

  assert.equal(await page.textContent('#segment-table thead th:first-child'), zhCN.segmentColumns.segment);
  assert.match(await page.textContent('[data-testid="notice"]'), /^已对 tierlens-sample-orders\.csv 中的 [\d,]+ 个客户完成分类。$/);
  assert.match(await page.textContent('[data-testid="customer-table-status"]'), /^显示第 1–\d+ 个，共 [\d,]+ 个客户$/);
  assert.equal(await page.getAttribute('#customer-search', 'placeholder'), zhCN.customerTable.searchPlaceholder);
});

test('switching to English redraws the page without classifying again, and survives a reload', async () => {
  const { page } = suite;
  const shownBefore = await readSegmentTable(page);
  await recordStates(page);

  await switchTo(page, 'en', en);
  await assertSpeaks(page, en, 'en');
  assert.deepEqual(await page.evaluate(() => window.tierlensStates), [], 'the page classified again');
  assert.equal(await page.evaluate(() => document.body.dataset.state), 'done');

  // The same result, now in English: names, numbers, notice, table, explanation.
  const segments = await readSegmentNames(page);
  for (const { engine, shown } of segments) assert.equal(shown, engine);
  assert.deepEqual(await readSegmentTable(page), shownBefore);
  assert.match(await page.textContent('[data-testid="notice"]'), /^Classified [\d,]+ customers from tierlens-sample-orders\.csv\.$/);
  assert.equal(await page.textContent('#customer-table th[data-sort-key="monetary"] button'), `${en.customerColumns.monetary}▼`);
  const labels = await readCustomerColumn(page, 'label-rfm_segment');
  for (const label of labels) assert.ok(segments.some(({ engine }) => engine === label), label);
  assert.equal(await page.textContent('#policy-status'), en.policy.status.applied);

  await page.click('#customer-table tbody tr:first-child');
  await page.waitForSelector('#explanation-body .explanation-title');
  await switchTo(page, 'zh-CN', zhCN);
  await page.waitForFunction((heading) => document.querySelector('#explanation-body .explanation-tier .muted')?.textContent === heading,
    `${zhCN.explanationTier} `);
  await switchTo(page, 'en', en);

  // Remembered: a reload opens in English although the browser's language is Chinese.
  await openPage(page, suite.server.url);
  await assertSpeaks(page, en, 'en');
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.state === 'idle');
  assert.equal(await page.getAttribute('html', 'lang'), 'en-US');

  // And back: Chinese is remembered the same way.
  await switchTo(page, 'zh-CN', zhCN);
  await openPage(page, suite.server.url);
  await assertSpeaks(page, zhCN, 'zh-CN');
});

test('the downloaded customers CSV is the engine’s, byte for byte, in either language', { skip: noCli }, async () => {
  const { page } = suite;
  const cli = classifyWithCli(writeSampleWithCli());

  await openPage(page, suite.server.url);
  await switchTo(page, 'en', en);
  await page.click('#sample-button');
  assert.equal((await waitUntilSettled(page)).state, 'done');
  const english = await download(page, '#download-customers');

  await switchTo(page, 'zh-CN', zhCN);
  const switched = await download(page, '#download-customers');

  await openPage(page, suite.server.url); // opens in Chinese, as chosen last
  await page.click('#sample-button');
  assert.equal((await waitUntilSettled(page)).state, 'done');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  const chinese = await download(page, '#download-customers');

  for (const [name, file] of Object.entries({ english, switched, chinese })) {
    assert.equal(file.name, 'tierlens-sample-orders-classified.csv', name);
    assert.ok(file.bytes.equals(cli.customersCsv), `the ${name} download differs from the CLI’s customers.csv`);
  }
  assert.match(chinese.bytes.toString('utf8'), /,Champions,/, 'segments are downloaded as the engine names them');
});

test('the mapping step keeps its choices across a switch, and skipped rows are explained by their reason code', async () => {
  const { page } = suite;
  await openPage(page, suite.server.url);
  await page.setInputFiles('#file-input', path.join(fixturesDir, 'messy_orders.csv'));
  await waitForMapping(page);
  assert.equal(await page.textContent('#mapping-classify'), zhCN.mapping.classify);
  assert.equal(await page.textContent('#mapping-heading'), zhCN.mapping.heading);
  const before = await readMapping(page);

  await switchTo(page, 'en', en);
  assert.equal(await page.textContent('#mapping-classify'), en.mapping.classify);
  assert.equal(await page.textContent('#mapping-heading'), en.mapping.heading);
  const after = await readMapping(page);
  assert.deepEqual({ roles: after.roles, attributes: after.attributes, canClassify: after.canClassify },
    { roles: before.roles, attributes: before.attributes, canClassify: before.canClassify });
  assert.equal(await page.evaluate(() => document.body.dataset.state), 'mapping');

  await switchTo(page, 'zh-CN', zhCN);
  await page.click('#mapping-classify');
  assert.equal((await waitUntilSettled(page)).state, 'done');
  const reasons = await page.$$eval('#skipped-reasons-table tbody tr', (rows) =>
    rows.map((row) => ({ code: row.dataset.reason, description: row.querySelector('td').textContent })));
  assert.ok(reasons.length > 0);
  for (const { code, description } of reasons) assert.equal(description, zhCN.skipReason(code, '(none)'), code);
});

// Last, over everything the tests above made the browser do.
test('every request stays on the page\'s own origin', () => {
  assertStayedOnOrigin(suite);
});
