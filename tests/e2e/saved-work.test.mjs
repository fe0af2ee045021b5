// The user's work survives a reload (IndexedDB) in headless Chromium: a file taken through the
// mapping step with a column and a reading chosen by hand, under an edited policy, comes back
// after a reload with the same policy, mapping and summary (the downloads compared byte for
// byte); "Clear saved work" deletes it; the sample comes back the same way; a file too big for
// the browser's quota leaves the policy and columns kept and says the file was not; where
// IndexedDB is refused the page works as before and says nothing of it; the single file works
// from file:// and restores too.
//
// Run: node --test --test-concurrency=1 tests/e2e/saved-work.test.mjs   (needs web/dist/ built)

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { en } from '../../web/views/strings.js';
import { repoRoot } from '../support/paths.mjs';
import {
  changeColumns, changeReading, chooseColumns, choosePreset, download, openPage, readFacts, readMapping, readTierSummary,
  waitForMapping, waitForPolicySettled, waitForState, waitUntilSettled,
} from './page-driver.mjs';
import { artifacts, assertStayedOnOrigin, browserSuite } from './suite.mjs';

const suite = browserSuite('saved-work');

/**
 * Orders whose customer id (持卡人) no header name gives away, and whose dates read either way
 * (no day above 12): the user must choose the column, and chooses the day first.
 */
const ORDERS = [
  '持卡人,时间,实付',
  'K-001,05/01/2024,100.00',
  'K-002,10/02/2024,250.50',
  'K-001,03/03/2024,80.00',
  'K-003,04/03/2024,40.00',
  'K-002,01/04/2024,120.00',
  'K-001,11/05/2024,60.00',
].join('\n');
/** The analysis date, day after the last order: 11 May read day first (5 Nov month first). */
const DAY_FIRST_ANALYSIS_DATE = '2024-05-12';

/** What the page keeps saved, as the note in the input card says it. */
function readNote(page) {
  return page.evaluate(() => {
    const note = document.getElementById('saved-work');
    const shown = (selector) => {
      const node = note.querySelector(selector);
      return node && !node.hidden ? node.textContent : '';
    };
    return {
      shown: !note.hidden,
      what: shown('[data-testid="saved-work-what"]'),
      missing: shown('[data-testid="saved-work-missing"]'),
      privacy: shown('[data-testid="saved-work-privacy"]'),
      button: shown('#clear-saved-work'),
    };
  });
}

/** Waits until the note says `pattern` (writes reach IndexedDB after the page shows a result). */
async function waitForNote(page, pattern) {
  await page.waitForFunction((source) => new RegExp(source).test(document.getElementById('saved-work').textContent),
    pattern.source, { timeout: 30_000, polling: 50 });
}

/** Reloads, and waits for the saved input to be classified again (or for nothing to happen). */
async function reloadAndSettle(page, { expectRun }) {
  // Writes still on their way when the page is left would be lost.
  await page.waitForFunction(() => document.getElementById('saved-work').dataset.writing === '0', null, { timeout: 30_000 });
  await page.reload();
  await page.waitForFunction(() => document.getElementById('policy-editor').dataset.status !== 'idle', null, { timeout: 60_000 });
  if (expectRun) {
    const { state, error } = await waitUntilSettled(page);
    assert.equal(state, 'done', error);
  }
  return waitForPolicySettled(page);
}

/** Everything a test compares before and after a reload: the downloads and what is shown. */
async function snapshot(page) {
  return {
    summary: (await download(page, '#download-summary')).bytes.toString('utf8'),
    policy: (await download(page, '#download-policy')).bytes.toString('utf8'),
    exported: (await download(page, '#export-policy')).bytes.toString('utf8'),
    facts: await readFacts(page),
    tiers: await readTierSummary(page),
    preset: await page.inputValue('#preset-select'),
  };
}

test('a file through the mapping step, under an edited policy, comes back after a reload', async () => {
  const { page } = suite;
  const file = path.join(suite.scratch, 'card_orders_dmy.csv');
  await writeFile(file, ORDERS);
  await openPage(page, suite.server.url);
  assert.equal((await readNote(page)).shown, false, 'a first visit shows saved work');

  // The policy, edited: another preset, then 3 bins instead of its 5.
  await choosePreset(page, 'rfm_classes');
  await page.selectOption('#bins', '3');
  assert.equal((await waitForPolicySettled(page)).status, 'ready');

  // The mapping step: the customer id chosen by hand, the dates read day first.
  await page.setInputFiles('#file-input', file);
  await waitForMapping(page);
  await chooseColumns(page, { customer_id: '持卡人' });
  await changeReading(page, 'date-order-select', 'day_first');
  await page.click('#mapping-classify');
  const { state, error } = await waitUntilSettled(page);
  assert.equal(state, 'done', error);
  assert.equal((await readFacts(page))['analysis-date'], DAY_FIRST_ANALYSIS_DATE);
  await waitForNote(page, /card_orders_dmy\.csv/);
  const note = await readNote(page);
  assert.match(note.what, /^Saved in this browser on .+: card_orders_dmy\.csv with your reading choices, and your policy with its columns\.$/);
  assert.equal(note.privacy, en.savedWork.privacy);
  assert.equal(note.button, en.savedWork.clear);
  const before = await snapshot(page);
  assert.equal(JSON.parse(before.exported).rfm.bins, 3);
  assert.equal(JSON.parse(before.exported).columns.customer_id, '持卡人');

  await reloadAndSettle(page, { expectRun: true });
  const after = await snapshot(page);
  assert.deepEqual(after, before);
  assert.equal(await page.inputValue('#bins'), '3');
  assert.match((await readNote(page)).what, /^Restored from this browser, as saved on .+: card_orders_dmy\.csv/);
  assert.ok(await page.isVisible('#results'));

  // The mapping, as chosen: the column by hand, the dates day first.
  await changeColumns(page);
  assert.deepEqual((await readMapping(page)).roles,
    { customer_id: '持卡人', order_id: '', date: '时间', amount: '实付', quantity: '', unit_price: '' });
  assert.equal(await page.inputValue('#mapping [data-testid="date-order-select"]'), 'day_first');
  await page.keyboard.press('Escape');
  await waitForState(page, ['done']);

  // The profile card works on the restored result.
  await page.click('#customer-table tbody tr:first-child');
  await page.waitForSelector('#explanation-body .explanation-title');
  await page.screenshot({ path: path.join(artifacts, 'saved-work-restored.png'), fullPage: true });
});

test('"Clear saved work" deletes it: the next reload starts afresh (the language stays)', async () => {
  const { page } = suite;
  // Saved by the test before; the same page, reloaded once more, still has it.
  await reloadAndSettle(page, { expectRun: true });
  await page.selectOption('#language-select', 'zh-CN');
  await page.focus('#clear-saved-work');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('saved-work').dataset.saved === 'no');
  const note = await readNote(page);
  assert.ok(note.shown);
  assert.equal(note.button, '');
  assert.match(note.what, /^已清除/);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'saved-work-what', 'focus was lost with the button');
  assert.ok(await page.isVisible('#results'), 'the result on screen stays until the page is left');

  await reloadAndSettle(page, { expectRun: false });
  assert.equal(await page.evaluate(() => document.body.dataset.state), 'idle');
  assert.equal((await readNote(page)).shown, false);
  assert.ok(await page.isHidden('#results'));
  assert.equal(await page.inputValue('#preset-select'), 'rfm_segments');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN', 'the language was cleared too');
  assert.deepEqual(await page.evaluate(() => indexedDB.databases().then((list) => list.map(({ name }) => name))), ['tierlens']);
  assert.equal(await page.evaluate(() => new Promise((resolve, reject) => {
    const opening = indexedDB.open('tierlens');
    opening.onerror = () => reject(opening.error);
    opening.onsuccess = () => {
      const counting = opening.result.transaction('saved-work').objectStore('saved-work').count();
      counting.onsuccess = () => { opening.result.close(); resolve(counting.result); };
    };
  })), 0);
  await page.selectOption('#language-select', 'en');
});

test('the sample under a preset comes back after a reload', async () => {
  const { page } = suite;
  await openPage(page, suite.server.url);
  await page.click('#sample-button');
  assert.equal((await waitUntilSettled(page)).state, 'done');
  assert.equal((await choosePreset(page, 'clv_clusters')).status, 'applied');
  await waitForNote(page, /the sample and your policy/);
  const before = await snapshot(page);
  assert.equal(before.preset, 'clv_clusters');

  await reloadAndSettle(page, { expectRun: true });
  assert.deepEqual(await snapshot(page), before);
  assert.ok(await page.isVisible('#clv-section'));
  assert.ok(await page.isHidden('#columns-note'));
  assert.match((await readNote(page)).what, /^Restored from this browser, as saved on .+: the sample and your policy\.$/);
});

test('a file over the browser’s quota: the policy and columns are kept, the file is said not to be', async () => {
  const { page } = suite;
  await openPage(page, suite.server.url);
  const origin = new URL(suite.server.url).origin;
  const session = await page.context().newCDPSession(page);
  // Room for the policy, not for the file.
  const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage);
  await session.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 64 * 1024 });
  try {
    const big = path.join(suite.scratch, 'big_card_orders.csv');
    const lines = ['持卡人,时间,实付'];
    for (let i = 0; i < 60_000; i++) lines.push(`K-${String(i % 5000).padStart(5, '0')},2024-0${1 + (i % 9)}-1${i % 10},${(i % 997) + 0.5}`);
    await writeFile(big, lines.join('\n'));
    await page.setInputFiles('#file-input', big);
    await waitForMapping(page);
    await chooseColumns(page, { customer_id: '持卡人' });
    await page.click('#mapping-classify');
    assert.equal((await waitUntilSettled(page)).state, 'done');
    await waitForNote(page, /could not be kept/);
    const note = await readNote(page);
    assert.match(note.what, /: your policy with its columns\.$/);
    assert.equal(note.missing, en.savedWork.notKeptQuota('big_card_orders.csv'));

    await reloadAndSettle(page, { expectRun: false });
    assert.equal(await page.evaluate(() => document.body.dataset.state), 'idle');
    assert.equal((await readNote(page)).missing, en.savedWork.notKeptQuota('big_card_orders.csv'));
    // The columns are in the policy: the same file, chosen again, goes straight through.
    await page.setInputFiles('#file-input', big);
    await waitForState(page, ['working', 'done', 'mapping']);
    assert.equal((await waitUntilSettled(page)).state, 'done');
    assert.equal((await readFacts(page)).customers, '5000');
  } finally {
    await session.send('Storage.overrideQuotaForOrigin', { origin });
    await session.detach();
  }
});

test('where IndexedDB is refused, the page works as before and says nothing of it', async () => {
  const page = await suite.page.context().newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    // As a sandboxed frame or an opaque origin answers: opening throws.
    await page.addInitScript(() => {
      Object.defineProperty(IDBFactory.prototype, 'open', {
        value() { throw new DOMException('IndexedDB is not allowed here', 'SecurityError'); },
      });
    });
    await openPage(page, suite.server.url);
    await page.click('#sample-button');
    assert.equal((await waitUntilSettled(page)).state, 'done');
    await page.selectOption('#bins', '4');
    assert.equal((await waitForPolicySettled(page)).status, 'applied');
    assert.equal((await readNote(page)).shown, false);
    assert.ok(await page.isHidden('#error'));

    await page.reload();
    await waitForState(page, ['idle']);
    await waitForPolicySettled(page);
    assert.equal(await page.evaluate(() => document.body.dataset.state), 'idle');
    assert.equal(await page.inputValue('#bins'), '5');
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

const singleFile = path.join(repoRoot, 'web', 'dist', 'tierlens-standalone.html');

test('the single file from file:// keeps and restores the work too', { skip: !existsSync(singleFile) && 'no single-file build' }, async () => {
  const { page } = suite;
  const url = pathToFileURL(singleFile).href;
  await openPage(page, url);
  await page.click('#sample-button');
  assert.equal((await waitUntilSettled(page)).state, 'done');
  await waitForNote(page, /the sample/);
  const summary = (await download(page, '#download-summary')).bytes;

  await reloadAndSettle(page, { expectRun: true });
  assert.deepEqual((await download(page, '#download-summary')).bytes, summary);
  await page.click('#clear-saved-work');
  await page.waitForFunction(() => document.getElementById('saved-work').dataset.saved === 'no');
  await reloadAndSettle(page, { expectRun: false });
  assert.equal(await page.evaluate(() => document.body.dataset.state), 'idle');
});

test('no request left the origin', () => {
  // The file:// test's requests are the single file itself and the blob: and data: URLs it makes.
  const origin = new URL(suite.server.url).origin;
  const fileUrl = pathToFileURL(singleFile).href;
  const outside = suite.requests.filter((url) => !(url === fileUrl || /^(blob|data):/.test(url) || url === 'about:blank')
    && new URL(url).origin !== origin);
  assert.deepEqual(outside, []);
  assert.deepEqual(suite.errors, []);
});
