// The customer profile card (客户画像) in headless Chromium: choosing a customer in the table
// shows its tier's strategy as the summary has it, its labels as the engine explains them, its
// metrics, and its orders by day as a timeline and a table, which must equal a count made here
// over the sample CSV the page downloads. Every request must stay on the page's own origin.
//
// Run: node --test --test-concurrency=1 tests/e2e/   (needs web/dist/ built and /usr/bin/chromium)

import assert from 'node:assert/strict';
import path from 'node:path';
import { before, test } from 'node:test';

import { classifySample, loadReferenceEngine } from './engine-reference.mjs';
import { download, openPage, readCustomerColumn, waitUntilSettled } from './page-driver.mjs';
import { artifacts, assertStayedOnOrigin, browserSuite } from './suite.mjs';

const suite = browserSuite('profile');
let engine;

before(async () => {
  engine = await loadReferenceEngine();
});

/** The fields of one CSV line (quotes as RFC 4180 has them; the sample has no quoted newline). */
function csvFields(line) {
  const fields = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { fields.push(field); field = ''; } else field += c;
  }
  fields.push(field);
  return fields;
}

/** A real calendar day "YYYY-MM-DD" (2025-02-30 is not). */
const isRealDay = (text) => /^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);

/** Per customer id: Map(date → {purchases, returns}) in cents, counted over the sample CSV. */
function ordersByDay(csv) {
  const [header, ...lines] = csv.replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
  const columns = csvFields(header);
  const at = (name) => columns.indexOf(name);
  const customers = new Map();
  for (const line of lines) {
    const row = csvFields(line);
    const id = row[at('customer_id')];
    const date = row[at('order_date')];
    const amount = row[at('amount')];
    if (!id || !isRealDay(date) || !/^-?\d+(\.\d+)?$/.test(amount)) continue; // what the reader skips
    const cents = Math.round(Number(amount) * 100);
    if (!customers.has(id)) customers.set(id, new Map());
    const days = customers.get(id);
    const day = days.get(date) ?? { purchases: 0, returns: 0 };
    if (cents >= 0) day.purchases += cents; else day.returns -= cents;
    days.set(date, day);
  }
  return customers;
}

test('a customer profile shows the tier strategy, the labels, the metrics and the orders by day', async () => {
  await openPage(suite.page, suite.server.url);
  const csv = (await download(suite.page, '#download-sample')).bytes.toString('utf8');
  await suite.page.click('#sample-button');
  const { state, error } = await waitUntilSettled(suite.page);
  assert.equal(state, 'done', error);

  // The engine's view: the most valuable customer that returned something.
  const counted = ordersByDay(csv);
  const summary = classifySample(engine, null);
  const page = engine.customers(0, summary.customers, 'monetary', true);
  const row = page.customer_id.findIndex((id) => [...(counted.get(id)?.values() ?? [])].some((day) => day.returns > 0));
  assert.ok(row >= 0, 'no customer of the sample has a return');
  const id = page.customer_id[row];
  const index = page.index[row];

  // Found by its id in the table's search box, and chosen with the keyboard: focus the row,
  // press Enter.
  await suite.page.fill('#customer-search', id);
  await suite.page.waitForFunction((wanted) => [...document.querySelectorAll('#customer-table tbody [data-col="customer_id"]')]
    .some((cell) => cell.textContent === wanted), id);
  const ids = await readCustomerColumn(suite.page, 'customer_id');
  assert.ok(ids.every((shown) => shown.includes(id)), ids.join(' '));
  await suite.page.focus(`#customer-table tbody tr:nth-child(${ids.indexOf(id) + 1})`);
  await suite.page.keyboard.press('Enter');
  await suite.page.waitForSelector('[data-testid="profile-history"]');
  const title = await suite.page.textContent('#explanation-body .explanation-title');
  assert.ok(title.startsWith(`${id} — `), title);
  const explanation = engine.explain(index);

  // The tier and its strategy card, as summary.tiers has them.
  const tier = summary.tiers.find((t) => t.name === explanation.tier.name);
  assert.equal(await suite.page.getAttribute('[data-testid="explanation-tier"]', 'data-tier'), tier.name);
  const strategy = await suite.page.$$eval('[data-testid="explanation-tier"] [data-strategy] dd', (items) =>
    Object.fromEntries(items.map((item) => [item.parentElement.dataset.strategy, item.textContent])));
  assert.deepEqual(strategy, Object.fromEntries(Object.entries(tier.strategy).filter(([, value]) => value)));
  assert.ok(Object.keys(strategy).length >= 5);

  // Every label, with the engine's sentence on why.
  const labels = await suite.page.$$eval('[data-testid="explanation-dimensions"] .dimension-explanation', (items) => items.map((item) => ({
    id: item.dataset.dimension,
    label: item.querySelector('[data-testid="explanation-label"]').dataset.label,
    text: item.querySelector('[data-testid="explanation-reason"]')?.textContent ?? '',
  })));
  assert.deepEqual(labels, explanation.dimensions.map((d) => ({ id: d.id, label: d.label, text: d.text ?? '' })));

  // The metrics, as the engine has them.
  const metrics = await suite.page.$$eval('[data-testid="profile-metrics"] [data-metric]', (items) =>
    Object.fromEntries(items.map((item) => [item.dataset.metric, Number(item.dataset.value)])));
  const profile = engine.customerProfile(index);
  assert.deepEqual(metrics, Object.fromEntries(Object.entries(profile.metrics).filter(([, value]) => value !== null)));
  assert.equal(metrics.frequency, explanation.frequency);
  assert.ok(metrics.average_order_value > 0 && metrics.tenure > 0);

  // The orders by day: the table equals the count over the CSV, one bar group per day.
  const table = await suite.page.$$eval('[data-testid="profile-history-table"] tbody tr', (rows) => rows.map((tr) => [
    tr.dataset.day, ...[...tr.querySelectorAll('td')].map((td) => Math.round(Number(td.dataset.value) * 100)),
  ]));
  const expected = [...counted.get(id)].sort(([a], [b]) => a.localeCompare(b)).map(([date, day]) => [date, day.purchases, day.returns]);
  assert.deepEqual(table, expected);
  const chart = suite.page.locator('[data-testid="profile-history-chart"]');
  assert.equal(await chart.getAttribute('role'), 'img');
  assert.match(await chart.getAttribute('aria-label'), new RegExp(`${expected.length} days`));
  const bars = await chart.evaluate((node) => [...node.querySelectorAll('[data-day]')].map((g) => g.dataset.day));
  assert.deepEqual(bars, expected.map(([date]) => date));
  assert.equal(await chart.locator('.bar-returns').count(), expected.filter(([, , returns]) => returns > 0).length);

  // The table opens from the keyboard.
  await suite.page.focus('[data-testid="profile-history"] summary');
  await suite.page.keyboard.press('Enter');
  assert.ok(await suite.page.isVisible('[data-testid="profile-history-table"]'));

  await suite.page.locator('#explanation').screenshot({ path: path.join(artifacts, 'e2e-customer-profile.png') });
});

test('every request stayed on the page’s own origin', () => {
  assertStayedOnOrigin(suite);
});
