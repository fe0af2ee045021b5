// Customer lifetime value and clusters in headless Chromium: the CLV card, the CLV columns of
// the customer table, the cluster scatter, and the editor's forms for the new dimension
// types. What the page shows is held to the same wasm engine run under Node on the sample
// with the same policy. Every request the browser makes must stay on the page's own origin.
//
// Run: node --test --test-concurrency=1 tests/e2e/   (needs web/dist/ built and /usr/bin/chromium)

import assert from 'node:assert/strict';
import path from 'node:path';
import { before, test } from 'node:test';

import { classifySample, loadReferenceEngine } from './engine-reference.mjs';
import {
  choosePreset, openDimensionSettings, openPage, readCustomerColumn, waitForPolicySettled, waitUntilSettled,
} from './page-driver.mjs';
import { artifacts, assertStayedOnOrigin, browserSuite } from './suite.mjs';

/** As many points as the page asks for (web/views/clusters/cluster-cards-view.js). */
const MAX_POINTS = 3000;

const suite = browserSuite('clv');
let engine;

before(async () => {
  engine = await loadReferenceEngine();
});

/** Opens the page fresh, classifies the sample, then applies preset `id`. */
async function loadSample(id) {
  await openPage(suite.page, suite.server.url);
  await suite.page.click('#sample-button');
  const { state, error } = await waitUntilSettled(suite.page);
  assert.equal(state, 'done', error);
  await assertApplied('the default preset');
  if (id) await assertApplied(`the ${id} preset`, await choosePreset(suite.page, id));
}

async function assertApplied(what, settled) {
  const { status, problem, state } = settled ?? (await waitForPolicySettled(suite.page));
  assert.equal(status, 'applied', `${what}: ${problem}`);
  assert.equal(state, 'done', what);
}

/** The engine's summary for the sample under preset `id`, edited by `edit`. */
function referenceFor(id, edit = (policy) => policy) {
  return classifySample(engine, engine.checkPolicy(edit(engine.presetPolicy(id))));
}

/** "1,234.56" → 1234.56; an empty cell → NaN. */
const parseShown = (text) => (text.trim() === '' ? NaN : Number(text.replaceAll(',', '')));

/** The rows of a table whose cells carry `data-col` and `data-value`, keyed by `rowKey`. */
function readRows(selector, rowKey) {
  return suite.page.$$eval(`${selector} tbody tr`, (rows, key) => rows.map((row) => Object.fromEntries([
    [key, row.dataset[key]],
    ...[...row.querySelectorAll('td[data-col]')].map((cell) => [cell.dataset.col, cell.dataset.value === undefined ? null : Number(cell.dataset.value)]),
  ])), rowKey);
}

test('the CLV card shows the fitted models, the CLV per tier and the holdout check the engine finds', async () => {
  await loadSample('clv_clusters');
  const { clv, tiers } = referenceFor('clv_clusters');
  assert.ok(clv, 'the engine gives no CLV for the clv_clusters preset');
  const card = suite.page.locator('[data-testid="clv-card"]');
  assert.ok(await card.isVisible(), 'no CLV card');
  assert.equal(await card.getAttribute('data-basis'), clv.basis);

  // The purchase model's parameters, exactly.
  assert.ok(clv.purchase_model, 'the sample fits no purchase model');
  const parameters = await suite.page.$$eval('[data-testid="clv-purchase_model"] tr[data-parameter]', (rows) =>
    Object.fromEntries(rows.map((row) => [row.dataset.parameter, row.querySelector('td').dataset.value])));
  for (const name of ['r', 'alpha', 'a', 'b']) assert.equal(Number(parameters[name]), clv.purchase_model[name], name);
  const terms = await suite.page.$$eval('[data-testid="clv-terms"] [data-term] dd', (items) => items.map((item) => item.textContent));
  assert.deepEqual(terms, Object.values(clv.terms));

  // CLV per tier: one box per tier, and the table says what the engine says.
  assert.ok(tiers.length > 1 && clv.by_tier.length === tiers.length);
  const boxes = await suite.page.$$eval('[data-testid="clv-distribution-chart"] [data-group]', (groups) => groups.map((group) => group.dataset.group));
  assert.deepEqual(boxes, tiers.map((tier) => tier.name));
  const distribution = await readRows('[data-testid="clv-distribution-table"]', 'group');
  assert.deepEqual(distribution, clv.by_tier.map(({ tier, customers, total, mean, min, q1, median, q3, max }) =>
    ({ group: tier, customers, total, mean: mean ?? null, min: min ?? null, q1: q1 ?? null, median: median ?? null, q3: q3 ?? null, max: max ?? null })));
  assert.equal(await suite.page.getAttribute('[data-testid="clv-facts"] [data-col="total_clv"]', 'data-value'), String(clv.total_clv));

  // The holdout check: eight groups, 0 … 6 and 7+, in the chart and in its table.
  const { holdout } = clv;
  assert.ok(holdout, 'the sample has no holdout check');
  const chartGroups = await suite.page.$$eval('[data-testid="holdout-chart"] [data-frequency]', (groups) =>
    groups.map((group) => `${group.dataset.frequency}${group.dataset.andMore === 'true' ? '+' : ''}`));
  assert.deepEqual(chartGroups, ['0', '1', '2', '3', '4', '5', '6', '7+']);
  assert.equal(await suite.page.getAttribute('[data-testid="holdout-chart"]', 'role'), 'img');
  assert.ok((await suite.page.getAttribute('[data-testid="holdout-chart"]', 'aria-label')).length > 20);
  const rows = await readRows('[data-testid="holdout-table"]', 'frequency');
  assert.deepEqual(rows, holdout.by_frequency.map(({ frequency, customers, actual_mean, predicted_mean }) =>
    ({ frequency: String(frequency), customers, actual_mean, predicted_mean })));
  const totals = await suite.page.$$eval('[data-testid="holdout-totals"] [data-col]', (items) =>
    Object.fromEntries(items.map((item) => [item.dataset.col, item.dataset.value ?? item.querySelector('dd').textContent])));
  assert.deepEqual(totals, {
    calibration_end: holdout.calibration_end,
    holdout_end: holdout.holdout_end,
    customers: String(holdout.customers),
    actual: String(holdout.actual),
    predicted: holdout.predicted === null ? '—' : String(holdout.predicted),
  });
  const warnings = await suite.page.$$eval('[data-testid="clv-card"] > #clv > [data-testid="warnings"] li', (items) => items.map((item) => item.textContent));
  assert.deepEqual(warnings, clv.warnings);

  await card.screenshot({ path: path.join(artifacts, 'e2e-clv-card.png') });
});

test('the customer table shows the CLV figures, and sorting by CLV puts the largest first', async () => {
  await loadSample('clv_clusters');
  referenceFor('clv_clusters');
  const total = engine.customers(0, 0).total;
  const headings = await suite.page.$$eval('#customer-table thead th', (cells) => cells.map((cell) => cell.textContent));
  for (const heading of ['P(alive)', 'Expected purchases', 'Expected spend', 'CLV', 'Historical CLV']) {
    assert.ok(headings.includes(heading), `no ${heading} column: ${headings.join(' | ')}`);
  }

  await suite.page.click('#customer-table th[data-sort-key="clv"] button');
  await suite.page.waitForSelector('#customer-table th[data-sort-key="clv"][aria-sort="descending"]');
  const shown = (await readCustomerColumn(suite.page, 'clv')).map(parseShown);
  // The rows in view, from the top: as many as the table has room for.
  assert.ok(shown.length >= Math.min(10, total) && shown.length <= total, `${shown.length} rows drawn`);
  const expected = engine.customers(0, shown.length, 'clv', true);
  // Largest first, each row at least the next; customers without a CLV (empty) come last.
  const valued = shown.filter(Number.isFinite);
  assert.ok(valued.length > 0, 'no customer on the first page has a CLV');
  for (let i = 1; i < valued.length; i++) assert.ok(valued[i - 1] >= valued[i], `row ${i}: ${valued[i - 1]} < ${valued[i]}`);
  assert.ok(shown.slice(valued.length).every(Number.isNaN), 'a customer with a CLV after one without');
  const all = engine.customers(0, total, 'customer_id', false).clv.clv.filter(Number.isFinite);
  assert.equal(valued[0], Number(Math.max(...all).toFixed(2)));
  // The very customers the engine puts first, in its order, with their figures.
  assert.deepEqual(await readCustomerColumn(suite.page, 'customer_id'), expected.customer_id);
  assert.deepEqual(shown, Array.from(expected.clv.clv, (value) => (Number.isFinite(value) ? Number(value.toFixed(2)) : NaN)));
  const pAlive = await readCustomerColumn(suite.page, 'p_alive');
  assert.deepEqual(pAlive, Array.from(expected.clv.p_alive, (value) => (Number.isFinite(value) ? `${(value * 100).toFixed(1)}%` : '')));
});

test('the cluster card draws every point the engine gives, a legend entry per cluster, and other axes on demand', async () => {
  await loadSample('clv_clusters');
  const summary = referenceFor('clv_clusters');
  const index = summary.dimensions.findIndex((dimension) => dimension.type === 'clusters');
  assert.ok(index >= 0, 'the clv_clusters preset has no clusters dimension');
  const dimension = summary.dimensions[index];
  const points = engine.clusterPoints(index, MAX_POINTS);
  assert.ok(points.customer.length > 0 && points.customer.length <= MAX_POINTS);

  const card = suite.page.locator(`[data-testid="cluster-card"][data-dimension="${dimension.id}"]`);
  await card.locator('[data-testid="cluster-scatter"]').waitFor();
  assert.equal(await card.locator('[data-testid="cluster-scatter"] circle.point').count(), points.customer.length);
  const legend = await card.locator('[data-testid="cluster-legend"] li').allTextContents();
  assert.deepEqual(legend, dimension.clusters.clusters.map((cluster) => cluster.label));
  assert.equal(legend.length, dimension.clusters.k);
  // Each point has its cluster's colour.
  const clusters = await card.locator('[data-testid="cluster-scatter"] circle.point').evaluateAll((dots) => dots.map((dot) => Number(dot.dataset.cluster)));
  assert.deepEqual(clusters, Array.from(points.cluster));
  // The text equivalent: a table of the clusters with their sizes.
  const sizes = await readRows(`[data-testid="cluster-card"][data-dimension="${dimension.id}"] [data-testid="cluster-table"]`, 'label');
  assert.deepEqual(sizes.map(({ label, customers }) => [label, customers]), dimension.clusters.clusters.map(({ label, customers }) => [label, customers]));
  if (dimension.clusters.k_chosen) {
    assert.equal(await card.locator('[data-testid="k-choice-table"] tbody tr').count(), dimension.clusters.choices.length);
  }
  await card.screenshot({ path: path.join(artifacts, 'e2e-cluster-card.png') });

  // Other axes: the same points, drawn elsewhere.
  const scatter = card.locator('[data-testid="cluster-scatter"]');
  const positions = () => scatter.locator('circle.point').evaluateAll((dots) => dots.map((dot) => `${dot.getAttribute('cx')},${dot.getAttribute('cy')}`));
  assert.equal(await scatter.getAttribute('data-view'), 'projection');
  const before = await positions();
  const pair = `${points.features[0]}|${points.features[1]}`;
  await card.locator('[data-testid="cluster-axes"]').selectOption(pair);
  assert.equal(await scatter.getAttribute('data-view'), pair);
  assert.equal(await scatter.locator('circle.point').count(), points.customer.length);
  assert.notDeepEqual(await positions(), before);
  assert.match(await scatter.getAttribute('aria-label'), /log scale/);
});

test('a clusters dimension added in the editor gets its card; a fixed k gives that many clusters', async () => {
  await loadSample();
  assert.equal(await suite.page.locator('[data-testid="cluster-card"]').count(), 0);
  assert.ok(await suite.page.isHidden('[data-testid="clv-card"]'), 'a CLV card under a policy without CLV');
  assert.equal(await suite.page.locator('#customer-table th[data-sort-key="clv"]').count(), 0, 'a CLV column under a policy without CLV');

  await suite.page.selectOption('[data-testid="new-dimension-type"]', 'clusters');
  await suite.page.click('[data-testid="add-dimension"]');
  await assertApplied('adding a clusters dimension');
  const card = suite.page.locator('[data-testid="cluster-card"][data-dimension="clusters"]');
  await card.locator('[data-testid="cluster-scatter"]').waitFor();
  const added = referenceFor('rfm_segments', (policy) => {
    policy.dimensions.push({
      id: 'clusters', name: 'Clusters (k-means)', type: 'clusters', features: ['recency', 'frequency', 'monetary'],
      log: true, k: null, k_min: 2, k_max: 8, seed: 42, restarts: 10, words: 'en',
    });
    return policy;
  }).dimensions.find((dimension) => dimension.id === 'clusters');
  assert.deepEqual(await card.locator('[data-testid="cluster-legend"] li').allTextContents(), added.clusters.clusters.map((cluster) => cluster.label));

  // A fixed k of 3 on two features, from the dimension's form.
  const settings = await openDimensionSettings(suite.page, (await suite.page.locator('[data-testid="dimension-list"] > li').count()) - 1);
  await settings.locator('[data-testid="clusters-k-mode"]').selectOption('fixed');
  await settings.locator('[data-testid="clusters-k"]').fill('3');
  await settings.locator('[data-testid="clusters-feature-recency"]').uncheck();
  await assertApplied('k fixed at 3, without recency');
  await card.locator('[data-testid="cluster-scatter"]').waitFor();
  assert.equal(await card.locator('[data-testid="cluster-legend"] li').count(), 3);
  assert.equal(await card.locator('[data-testid="k-choice-table"]').count(), 0);
  assert.deepEqual(await card.locator('[data-testid="cluster-axes"] option').evaluateAll((options) => options.map((option) => option.value)),
    ['projection', 'frequency|monetary']);
});

test('a CLV dimension added in the editor brings the CLV card, the CLV settings change it, and removing it drops its columns', async () => {
  await loadSample();
  await suite.page.selectOption('[data-testid="new-dimension-type"]', 'clv');
  await suite.page.click('[data-testid="add-dimension"]');
  await assertApplied('adding a clv dimension');
  assert.ok(await suite.page.isVisible('[data-testid="clv-card"]'), 'no CLV card after adding a clv dimension');
  // The default preset's tiers do not use CLV; the card shows how CLV spreads in them all the same.
  assert.ok(await suite.page.isVisible('[data-testid="holdout-chart"]'));

  await suite.page.fill('[data-testid="clv-holdout_days"]', '0');
  await assertApplied('no holdout check');
  assert.ok(await suite.page.isVisible('[data-testid="holdout-none"]'));
  assert.equal(await suite.page.locator('[data-testid="holdout-chart"]').count(), 0);

  await suite.page.fill('[data-testid="clv-horizon_months"]', '24');
  await assertApplied('a 24-month horizon');
  assert.equal(await suite.page.getAttribute('[data-testid="clv-facts"] [data-col="horizon_months"]', 'data-value'), '24');

  // Sorted by CLV, then the CLV dimension removed: the column goes, and the order with it.
  await suite.page.click('#customer-table th[data-sort-key="clv"] button');
  await suite.page.waitForSelector('#customer-table th[data-sort-key="clv"][aria-sort="descending"]');
  await suite.page.locator('[data-testid="dimension-list"] > li').last().locator('.item-head [data-action="remove"]').click();
  await assertApplied('the clv dimension removed');
  assert.ok(await suite.page.isHidden('[data-testid="clv-card"]'));
  assert.equal(await suite.page.locator('#customer-table th[data-sort-key="clv"]').count(), 0);
  assert.equal(await suite.page.getAttribute('#customer-table th[data-sort-key="monetary"]', 'aria-sort'), 'descending');
});

// Last, over everything the tests above made the browser do.
test('every request of the CLV tests stays on the page\'s own origin', () => {
  assertStayedOnOrigin(suite);
});
