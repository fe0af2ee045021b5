// The customer table in headless Chromium: one scrolling table however many customers there
// are, sortable by its columns, narrowed by tier, by any dimension's label and by a search on
// the id or name, and usable from the keyboard.
//
// (a) The sample: every view of the table is checked against the customers.csv the page
//     downloads (the engine's own file, read here with a CSV parser, filtered and sorted here).
// (b) A million customers, written here by tests/e2e/million-customers.mjs, whose answers the
//     test knows from the generator's formulas: the rows in the middle and at the end, the
//     largest amount, the counts of a tier, a label and a search. The time the page takes to
//     classify them, sort and scroll is measured and reported, never asserted.
//
// Run: node --test --test-concurrency=1 tests/e2e/customer-table.test.mjs

import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';

import { parseCsv } from '../support/csv.mjs';
import { en } from '../../web/views/strings.js';
import { zhCN } from '../../web/i18n/zh-CN.js';
import {
  customerId, customerName, monetaryCents, RICHEST, writeMillionCustomersCsv,
} from './million-customers.mjs';
import {
  choosePreset, chooseFile, download, openPage, readCustomerRows, readTierSummary, scrollCustomerTableTo,
  waitForCustomerTable, waitForPolicySettled, waitUntilSettled,
} from './page-driver.mjs';
import { artifacts, assertStayedOnOrigin, browserSuite } from './suite.mjs';

const suite = browserSuite('customer-table');

const STATUS = '[data-testid="customer-table-status"]';
const SCROLL = '[data-testid="customer-table-scroll"]';
const TABLE = '[data-testid="customer-table-table"]';

/** Text with ASCII letters lowered and nothing else touched: the engine's search rule. */
const fold = (text) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());
const matches = (query) => (row) => fold(row.customer_id).includes(fold(query)) || fold(row.customer_name ?? '').includes(fold(query));
/** Byte order of ASCII ids, the engine's tie-break. */
const byId = (a, b) => (a.customer_id < b.customer_id ? -1 : a.customer_id > b.customer_id ? 1 : 0);
const number = (text) => Number(text.replace(/,/g, ''));

/** The page's customers.csv as objects, one per customer, in id order. */
async function downloadCustomers(page) {
  const [header, ...rows] = parseCsv((await download(page, '#download-customers')).bytes.toString('utf8'));
  return rows.filter((row) => row.length === header.length).map((row) => Object.fromEntries(header.map((key, i) => [key, row[i]])));
}

async function status(page) {
  return (await page.textContent(STATUS)).trim();
}

/** Waits until the status line says `text` (a string, or a RegExp to match) and the rows are drawn. */
async function waitForStatus(page, text) {
  await page.waitForFunction(([selector, source, flags]) => {
    const shown = document.querySelector(selector).textContent.trim();
    return flags === null ? shown === source : new RegExp(source, flags).test(shown);
  }, [STATUS, text instanceof RegExp ? text.source : text, text instanceof RegExp ? text.flags : null], { timeout: 60_000, polling: 20 });
  await waitForCustomerTable(page);
}

/** The ids of the rows in view, after checking they are the consecutive rows from the top row. */
async function idsInView(page) {
  const rows = await readCustomerRows(page);
  assert.ok(rows.length > 0, 'no row in view');
  assert.deepEqual(rows.map(({ row }) => row), rows.map((_, i) => rows[0].row + i), 'rows in view are not consecutive');
  return { first: rows[0].row, ids: rows.map(({ id }) => id) };
}

/** Types into the search box (the table asks after a pause) and waits for the answer. */
async function search(page, text, expectedStatus) {
  await page.fill('#customer-search', text);
  await waitForStatus(page, expectedStatus);
}

/** The status line of a filtered view from its top row. */
const showingFiltered = (total, all) => new RegExp(`^Showing 1–${total === 1 ? '1' : '[\\d,]+'} of ${total.toLocaleString('en-US')} `
  + `${total === 1 ? 'customer' : 'customers'} \\(filtered from ${all.toLocaleString('en-US')}\\)$`);

test('(a) the sample: sorted, filtered by tier and label, searched by id and name, as customers.csv has it', async () => {
  const { page } = suite;
  await openPage(page, suite.server.url);
  await page.click('#sample-button');
  assert.equal((await waitUntilSettled(page)).state, 'done');
  const customers = await downloadCustomers(page);
  const all = customers.length;
  assert.ok(all > 300, `${all} customers`);
  await waitForStatus(page, new RegExp(`^Showing 1–\\d+ of ${all} customers$`));
  assert.equal(await page.getAttribute(TABLE, 'aria-rowcount'), String(all + 1));

  // A dimension's label sorts in the dimension's own order (as its filter lists the labels),
  // a name in character order (customers without one last); ties by id.
  await page.click('#customer-table th[data-sort-key="label:lifecycle"] button');
  await page.waitForSelector('#customer-table th[data-sort-key="label:lifecycle"][aria-sort="ascending"]');
  const stages = await page.$$eval('select[data-dimension="lifecycle"] option', (options) => options.map((o) => o.value).filter(Boolean));
  const byStage = [...customers].sort((a, b) => stages.indexOf(a.lifecycle) - stages.indexOf(b.lifecycle) || byId(a, b));
  let view = await idsInView(page);
  assert.deepEqual(view.ids, byStage.slice(0, view.ids.length).map((row) => row.customer_id));
  await page.click('#customer-table th[data-sort-key="customer_name"] button');
  await page.waitForSelector('#customer-table th[data-sort-key="customer_name"][aria-sort="ascending"]');
  const byName = [...customers].sort((a, b) => (!a.customer_name - !b.customer_name)
    || (a.customer_name < b.customer_name ? -1 : a.customer_name > b.customer_name ? 1 : byId(a, b)));
  view = await idsInView(page);
  assert.deepEqual(view.ids, byName.slice(0, view.ids.length).map((row) => row.customer_id));
  await page.click('#customer-table th[data-sort-key="customer_name"] button');
  await page.waitForSelector('#customer-table th[data-sort-key="customer_name"][aria-sort="descending"]');
  const byNameDown = [...customers].sort((a, b) => (!a.customer_name - !b.customer_name)
    || (a.customer_name > b.customer_name ? -1 : a.customer_name < b.customer_name ? 1 : byId(a, b)));
  view = await idsInView(page);
  assert.deepEqual(view.ids, byNameDown.slice(0, view.ids.length).map((row) => row.customer_id));

  // Sorted by frequency (largest first on the first click), ties by id: the first rows, and
  // the rows further down once scrolled there.
  await page.click('#customer-table th[data-sort-key="frequency"] button');
  await page.waitForSelector('#customer-table th[data-sort-key="frequency"][aria-sort="descending"]');
  const byFrequency = [...customers].sort((a, b) => number(b.frequency) - number(a.frequency) || byId(a, b));
  view = await idsInView(page);
  assert.equal(view.first, 0);
  assert.deepEqual(view.ids, byFrequency.slice(0, view.ids.length).map((row) => row.customer_id));
  const inView = view.ids.length;
  await scrollCustomerTableTo(page, 200);
  view = await idsInView(page);
  assert.deepEqual(view.ids, byFrequency.slice(200, 200 + view.ids.length).map((row) => row.customer_id));
  assert.match(await status(page), /^Showing 201–/);

  // A tier: its customers only, in the same order, counted; then a label of another dimension too.
  const tiers = [...new Set(customers.map((row) => row.tier))];
  const tier = tiers.find((name) => name === 'Grow') ?? tiers[1];
  const ofTier = byFrequency.filter((row) => row.tier === tier);
  await page.selectOption('[data-testid="customer-filter-tier"]', tier);
  await waitForStatus(page, showingFiltered(ofTier.length, all));
  view = await idsInView(page);
  assert.equal(view.first, 0, 'a new filter starts at the top');
  assert.deepEqual(view.ids, ofTier.slice(0, view.ids.length).map((row) => row.customer_id));
  const lifecycle = await page.$$eval('select[data-testid="customer-filter-label"]', (selects) => selects.map((s) => s.dataset.dimension));
  assert.ok(lifecycle.includes('lifecycle'), lifecycle.join(' '));
  const label = [...new Set(ofTier.map((row) => row.lifecycle))].sort().find((name) => ofTier.filter((row) => row.lifecycle === name).length > 1);
  const ofBoth = ofTier.filter((row) => row.lifecycle === label);
  await page.selectOption('select[data-testid="customer-filter-label"][data-dimension="lifecycle"]', label);
  await waitForStatus(page, showingFiltered(ofBoth.length, all));
  assert.deepEqual((await idsInView(page)).ids, ofBoth.slice(0, inView).map((row) => row.customer_id));
  // An option says how many customers have it (the summary's count).
  const option = await page.textContent(`[data-testid="customer-filter-tier"] option[value="${tier}"]`);
  assert.equal(option, `${tier} (${customers.filter((row) => row.tier === tier).length})`);

  // In Chinese the status says the same numbers.
  await page.selectOption('#language-select', 'zh-CN');
  await waitForStatus(page, new RegExp(`^显示第 1–\\d+ 个，共 ${ofBoth.length} 个客户（从 ${all} 个中筛选）$`));
  assert.equal(await page.textContent('[data-testid="customer-filter-tier"] option[value=""]'), zhCN.customerTable.allTiers);
  assert.equal(await page.inputValue('[data-testid="customer-filter-tier"]'), tier);
  await page.selectOption('#language-select', 'en');
  await waitForStatus(page, showingFiltered(ofBoth.length, all));
  assert.equal(await page.textContent('[data-testid="customer-filter-tier"] option[value=""]'), en.customerTable.allTiers);

  // Clear: every customer again.
  await page.click('[data-testid="customer-filter-clear"]');
  await waitForStatus(page, new RegExp(`^Showing 1–\\d+ of ${all} customers$`));

  // An id, typed in lower case: that customer (and any whose id or name contains it).
  const someone = byFrequency[150];
  const byIdSearch = byFrequency.filter(matches(someone.customer_id));
  await search(page, someone.customer_id.toLowerCase(), showingFiltered(byIdSearch.length, all));
  assert.ok((await idsInView(page)).ids.includes(someone.customer_id));
  assert.deepEqual((await idsInView(page)).ids, byIdSearch.slice(0, inView).map((row) => row.customer_id));

  // Part of a Chinese name, and an English word in another case.
  const chinese = customers.map((row) => row.customer_name).find((name) => /^[\u4e00-\u9fff]{6,}/.test(name));
  for (const part of [chinese.slice(2, 4), 'TRADING']) {
    const found = byFrequency.filter(matches(part));
    assert.ok(found.length > 0, `nobody's name contains ${part}`);
    await search(page, part, showingFiltered(found.length, all));
    assert.deepEqual((await idsInView(page)).ids, found.slice(0, inView).map((row) => row.customer_id), part);
  }
  await search(page, 'no such customer', `No customer of ${all} matches the filters`);
  assert.equal(await page.textContent(`${TABLE} tbody`), en.customerTable.noMatches);
  await search(page, '', new RegExp(`^Showing 1–\\d+ of ${all} customers$`));

  // The keyboard: into the rows, down two, Enter opens that customer; Page Down, End, Home.
  const focused = () => page.evaluate(() => {
    const row = document.activeElement.closest('tr[aria-rowindex]');
    return row ? { row: Number(row.getAttribute('aria-rowindex')) - 2, id: row.querySelector('[data-col="customer_id"]')?.textContent } : null;
  });
  await page.focus(`${TABLE} tbody tr[aria-rowindex="2"]`);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.deepEqual(await focused(), { row: 2, id: byFrequency[2].customer_id });
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => document.querySelector('#explanation-body .explanation-title')?.textContent.startsWith(`${id} — `),
    byFrequency[2].customer_id);
  await page.keyboard.press('PageDown');
  await waitForCustomerTable(page);
  const paged = await focused();
  assert.ok(paged.row > inView - 3, `Page Down went to row ${paged.row}`);
  assert.equal(paged.id, byFrequency[paged.row].customer_id);
  await page.keyboard.press('End');
  await waitForCustomerTable(page);
  assert.deepEqual(await focused(), { row: all - 1, id: byFrequency[all - 1].customer_id });
  assert.equal((await idsInView(page)).ids.at(-1), byFrequency[all - 1].customer_id);
  await page.keyboard.press('Home');
  await waitForCustomerTable(page);
  assert.deepEqual(await focused(), { row: 0, id: byFrequency[0].customer_id });
  await page.keyboard.press('ArrowUp'); // nothing above the first row
  assert.deepEqual(await focused(), { row: 0, id: byFrequency[0].customer_id });
});

test('(a) an edit of the policy keeps the rows in view and the filters that still mean something', async () => {
  const { page } = suite;
  // Still the sample, sorted by frequency, no filter: scrolled to row 100.
  await scrollCustomerTableTo(page, 100);
  await page.selectOption('#bins', '3');
  assert.equal((await waitForPolicySettled(page)).status, 'applied');
  await waitForCustomerTable(page);
  let customers = await downloadCustomers(page);
  let byFrequency = [...customers].sort((a, b) => number(b.frequency) - number(a.frequency) || byId(a, b));
  let view = await idsInView(page);
  assert.equal(view.first, 100, 'the rows in view moved');
  assert.deepEqual(view.ids, byFrequency.slice(100, 100 + view.ids.length).map((row) => row.customer_id));

  // A tier and a search; the next edit keeps both (the tier is still there).
  await page.selectOption('[data-testid="customer-filter-tier"]', 'VIP');
  await page.fill('#customer-search', 'cn');
  await page.keyboard.press('Enter');
  let found = byFrequency.filter((row) => row.tier === 'VIP' && matches('cn')(row));
  await waitForStatus(page, new RegExp(`of ${found.length} customers \\(filtered from ${customers.length}\\)$`));
  await page.selectOption('#bins', '4');
  assert.equal((await waitForPolicySettled(page)).status, 'applied');
  customers = await downloadCustomers(page);
  byFrequency = [...customers].sort((a, b) => number(b.frequency) - number(a.frequency) || byId(a, b));
  found = byFrequency.filter((row) => row.tier === 'VIP' && matches('cn')(row));
  await waitForStatus(page, new RegExp(`of ${found.length} customers \\(filtered from ${customers.length}\\)$`));
  assert.equal(await page.inputValue('[data-testid="customer-filter-tier"]'), 'VIP');
  assert.equal(await page.inputValue('#customer-search'), 'cn');
  assert.deepEqual((await idsInView(page)).ids, found.slice(0, (await idsInView(page)).ids.length).map((row) => row.customer_id));

  // Another preset has other tiers: the tier filter goes, the search stays.
  await choosePreset(page, 'abc_pareto');
  const tiers = (await readTierSummary(page)).map(({ name }) => name);
  assert.ok(!tiers.includes('VIP'), tiers.join(' '));
  found = customers.filter(matches('cn'));
  await waitForStatus(page, new RegExp(`^Showing 1–\\d+ of ${found.length} customers \\(filtered from ${customers.length}\\)$`));
  assert.equal(await page.inputValue('[data-testid="customer-filter-tier"]'), '');
  assert.equal(await page.inputValue('#customer-search'), 'cn');
  assert.equal((await idsInView(page)).first, 0);
});

test('(b) a million customers: scrolled to the middle and the end, sorted, filtered and searched', async (t) => {
  const { page } = suite;
  const COUNT = 1_000_000;
  const file = path.join(suite.scratch, 'million-customers.csv');
  let started = Date.now();
  await writeMillionCustomersCsv(file, COUNT);
  t.diagnostic(`wrote ${COUNT.toLocaleString('en-US')} customers in ${Date.now() - started} ms`);

  // The answers, from the generator's formulas.
  const cents = new Int32Array(COUNT + 1);
  for (let i = 1; i <= COUNT; i++) cents[i] = monetaryCents(i);
  /** The `k` customers of `keep` with the largest amounts, ties by id (i ascending). */
  const top = (keep, k) => {
    const best = [];
    for (let i = 1; i <= COUNT; i++) {
      if (!keep(i)) continue;
      if (best.length === k && cents[i] <= cents[best[k - 1]]) continue;
      let at = best.length;
      while (at > 0 && cents[best[at - 1]] < cents[i]) at--;
      best.splice(at, 0, i);
      if (best.length > k) best.pop();
    }
    return best.map(customerId);
  };
  const count = (keep) => {
    let n = 0;
    for (let i = 1; i <= COUNT; i++) if (keep(i)) n++;
    return n;
  };
  const size = (i) => (cents[i] >= 5_000_000 ? 'Large' : cents[i] >= 1_000_000 ? 'Medium' : 'Small');
  const searchHits = (query) => (i) => fold(customerId(i)).includes(fold(query)) || fold(customerName(i)).includes(fold(query));

  // A policy whose labels follow from the amounts alone: a size band, and a tier for the large.
  await openPage(page, suite.server.url);
  const policy = path.join(suite.scratch, 'sizes.json');
  await writeFile(policy, JSON.stringify({
    tierlens_policy: 1,
    name: 'Sizes',
    dimensions: [{
      id: 'size', name: 'Size', type: 'bands', field: 'monetary',
      bands: [{ label: 'Large', min: 50_000 }, { label: 'Medium', min: 10_000 }, { label: 'Small' }],
    }],
    tiers: [{ name: 'Key', when: { field: 'size', op: '=', value: 'Large' } }, { name: 'Standard' }],
  }));
  await page.setInputFiles('#policy-import', policy);
  assert.notEqual((await waitForPolicySettled(page)).status, 'invalid');

  started = Date.now();
  await chooseFile(page, file);
  const { state, error } = await waitUntilSettled(page, 300_000);
  assert.equal(state, 'done', error);
  await waitForStatus(page, /^Showing 1–\d+ of 1,000,000 customers$/);
  const classified = Date.now() - started;
  t.diagnostic(`the page read and classified 1,000,000 customers (1,333,333 rows, 41.6 MB) in ${classified} ms, the mapping step included`);
  assert.equal(await page.getAttribute(TABLE, 'aria-rowcount'), String(COUNT + 1));
  // Most valuable first: the known richest, then the next by the formulas.
  let view = await idsInView(page);
  const inView = view.ids.length;
  assert.deepEqual(view.ids, top(() => true, inView));
  assert.equal(view.ids[0], customerId(RICHEST));

  // By id: the middle of the scroll range shows the middle rows, the end the last ones.
  started = Date.now();
  await page.click('#customer-table th[data-sort-key="customer_id"] button');
  await page.waitForSelector('#customer-table th[data-sort-key="customer_id"][aria-sort="ascending"]');
  await waitForCustomerTable(page);
  t.diagnostic(`sorted 1,000,000 customers by id in ${Date.now() - started} ms (click to rows drawn)`);
  assert.deepEqual((await idsInView(page)).ids, Array.from({ length: inView }, (_, i) => customerId(i + 1)));
  started = Date.now();
  await page.$eval(SCROLL, (scroller) => { scroller.scrollTop = (scroller.scrollHeight - scroller.clientHeight) / 2; });
  await page.waitForFunction((selector) => !document.querySelector(selector).textContent.startsWith('Showing 1–'), STATUS);
  await waitForCustomerTable(page);
  t.diagnostic(`scrolled to the middle of 1,000,000 customers in ${Date.now() - started} ms (scroll to rows drawn)`);
  view = await idsInView(page);
  // Half the scroll range is half of the top rows' range: a screenful short of the middle row.
  assert.ok(view.first <= COUNT / 2 && view.first >= COUNT / 2 - inView, `the middle shows row ${view.first}`);
  assert.deepEqual(view.ids, view.ids.map((_, i) => customerId(view.first + i + 1)));
  assert.match(await status(page), new RegExp(`^Showing ${(view.first + 1).toLocaleString('en-US')}–`));
  await page.$eval(SCROLL, (scroller) => { scroller.scrollTop = scroller.scrollHeight; });
  await waitForStatus(page, /–1,000,000 of 1,000,000 customers$/);
  view = await idsInView(page);
  assert.equal(view.ids.at(-1), customerId(COUNT));
  assert.equal(view.first + view.ids.length, COUNT);
  await page.locator('#customers-section').screenshot({ path: path.join(artifacts, 'e2e-customer-table-million-end.png') });

  // The keyboard reaches both ends as well.
  await page.focus(`${TABLE} tbody tr[aria-rowindex="${view.first + 2}"]`);
  await page.keyboard.press('Home');
  await waitForStatus(page, /^Showing 1–/);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-rowindex')), '2');
  await page.keyboard.press('End');
  await waitForStatus(page, /–1,000,000 of 1,000,000 customers$/);
  assert.equal(await page.evaluate(() => document.activeElement.querySelector('[data-col="customer_id"]').textContent), customerId(COUNT));

  // By monetary, largest first: the known maximum on top.
  started = Date.now();
  await page.click('#customer-table th[data-sort-key="monetary"] button');
  await page.waitForSelector('#customer-table th[data-sort-key="monetary"][aria-sort="descending"]');
  await waitForCustomerTable(page);
  t.diagnostic(`sorted 1,000,000 customers by monetary in ${Date.now() - started} ms (click to rows drawn)`);
  assert.deepEqual((await idsInView(page)).ids, top(() => true, inView));

  // A tier, a label, a search and both: counted as the formulas count them.
  const key = (i) => size(i) === 'Large';
  await page.selectOption('[data-testid="customer-filter-tier"]', 'Key');
  await waitForStatus(page, showingFiltered(count(key), COUNT));
  assert.deepEqual((await idsInView(page)).ids, top(key, inView));
  await page.selectOption('[data-testid="customer-filter-tier"]', '');
  const medium = (i) => size(i) === 'Medium';
  await page.selectOption('select[data-testid="customer-filter-label"][data-dimension="size"]', 'Medium');
  await waitForStatus(page, showingFiltered(count(medium), COUNT));
  assert.deepEqual((await idsInView(page)).ids, top(medium, inView));
  const huasheng = searchHits('华盛');
  const mediumHuasheng = count((i) => medium(i) && huasheng(i));
  await search(page, '华盛', showingFiltered(mediumHuasheng, COUNT));
  assert.deepEqual((await idsInView(page)).ids, top((i) => medium(i) && huasheng(i), inView));
  await page.selectOption('select[data-testid="customer-filter-label"][data-dimension="size"]', '');
  assert.equal(count(huasheng), 1000);
  await waitForStatus(page, showingFiltered(1000, COUNT));
  await search(page, 'c0500000', showingFiltered(1, COUNT));
  assert.deepEqual((await idsInView(page)).ids, ['C0500000']);
  const traders = count(searchHits('trader 12345'));
  await search(page, 'TRADER 12345', showingFiltered(traders, COUNT));
  assert.deepEqual((await idsInView(page)).ids, top(searchHits('trader 12345'), inView));
  await page.locator('#customers-section').screenshot({ path: path.join(artifacts, 'e2e-customer-table-million-search.png') });
});

test('every request stayed on the page’s own origin', () => {
  assertStayedOnOrigin(suite);
});
