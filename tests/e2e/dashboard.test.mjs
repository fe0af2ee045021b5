// The dashboard in headless Chromium: the sample's result draws every chart (an SVG with
// marks, and a screenshot that is not blank), the numbers of each chart's text table are the
// engine's (dashboard.json from the same wasm engine under Node), and where practical they are
// counted again here from the customers CSV the page downloads. The language switch redraws
// the charts' texts; the ABC cuts of an `abc` preset are marked on the Pareto curve; a preset
// that reads industry and province breaks customers down by them. Throughout: no breach of the
// page's Content-Security-Policy, and no request off the page's origin.
//
// Run: node --test --test-concurrency=1 tests/e2e/dashboard.test.mjs   (needs bash scripts/build.sh)

import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, test } from 'node:test';

import { csvTable } from '../support/csv.mjs';
import { classifySample, loadReferenceEngine } from './engine-reference.mjs';
import { choosePreset, download, openPage, waitUntilSettled } from './page-driver.mjs';
import { inkShare } from './png-pixels.mjs';
import { artifacts, assertStayedOnOrigin, browserSuite } from './suite.mjs';

const suite = browserSuite('dashboard');
/** Content-Security-Policy violations, from the page's own event and from the console. */
const violations = [];
let engine;

before(async () => {
  engine = await loadReferenceEngine();
});

/** Records every CSP violation of the pages the suite's browser opens from now on. */
async function watchCsp(page) {
  await page.context().addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
    });
  });
  page.on('console', (message) => {
    if (/Content.Security.Policy|CSP violation/i.test(message.text())) violations.push(message.text());
  });
}

const CORE_CHARTS = ['tier-pyramid', 'rfm-heatmap', 'segment-treemap', 'pareto', 'histogram-recency', 'histogram-frequency', 'histogram-monetary'];

/** Waits until every chart of the dashboard is drawn, and answers their ids. */
async function waitForCharts(page) {
  await page.waitForFunction(() => {
    const figures = [...document.querySelectorAll('#dashboard figure[data-chart]')];
    return document.getElementById('dashboard').getAttribute('aria-busy') === 'false' && figures.length > 0
      && figures.every((figure) => figure.dataset.rendered === 'true' && figure.querySelector('svg'));
  }, null, { timeout: 60_000, polling: 50 });
  return page.$$eval('#dashboard figure[data-chart]', (figures) => figures.map((figure) => figure.dataset.chart));
}

/** A chart's text table: `[{col: {text, value}}]`, value a number where the cell has one. */
function readTable(page, chart) {
  return page.$$eval(`#dashboard table[data-chart="${chart}"] tbody tr`, (rows) => rows.map((row) =>
    Object.fromEntries([...row.children].map((cell) => [cell.dataset.col, {
      text: cell.textContent,
      value: cell.dataset.value === undefined ? null : Number(cell.dataset.value),
    }]))));
}

/** customers.csv's rows as objects by header. */
const customerRecords = (bytes) => csvTable(bytes.toString('utf8')).rows;

const count = (items, key) => items.reduce((counts, item) => counts.set(key(item), (counts.get(key(item)) ?? 0) + 1), new Map());

/** Every chart is an SVG with drawn marks, and its screenshot is not blank. */
async function assertDrawn(page, charts, prefix) {
  for (const chart of charts) {
    const canvas = page.locator(`#dashboard figure[data-chart="${chart}"] .dashboard-canvas`);
    const marks = await canvas.evaluate((node) => node.querySelectorAll('svg path, svg rect, svg polyline').length);
    assert.ok(marks >= 5, `${chart}: only ${marks} marks in its SVG`);
    const png = await canvas.screenshot();
    await writeFile(path.join(artifacts, `${prefix}-${chart}.png`), png);
    const ink = inkShare(png);
    assert.ok(ink > 0.02, `${chart}: the screenshot is blank (${(ink * 100).toFixed(2)} % of pixels drawn)`);
  }
}

test('the sample’s dashboard draws every chart, with the engine’s numbers, counted again from customers.csv', async () => {
  const { page } = suite;
  await watchCsp(page);
  await openPage(page, suite.server.url);
  await page.click('#sample-button');
  const { state, error } = await waitUntilSettled(page);
  assert.equal(state, 'done', error);
  const charts = await waitForCharts(page);
  assert.deepEqual(charts, CORE_CHARTS, 'the default preset reads no categorical attribute: no breakdown');
  await assertDrawn(page, charts, 'dashboard');
  assert.match(await page.textContent('[data-testid="dashboard-notes"]'), /No breakdown by region or industry/);

  const summary = classifySample(engine, null);
  const dashboard = JSON.parse(engine.dashboardJson());
  const customers = customerRecords((await download(page, '#download-customers')).bytes);
  assert.equal(customers.length, summary.customers);

  // Tier pyramid: the summary's tiers, and the tier column of the CSV.
  const pyramid = await readTable(page, 'tier-pyramid');
  const perTier = count(customers, (c) => c.tier);
  assert.deepEqual(pyramid.map((row) => row.tier.text), summary.tiers.map((t) => t.name));
  assert.deepEqual(pyramid.map((row) => row.customers.value), summary.tiers.map((t) => perTier.get(t.name) ?? 0));
  assert.deepEqual(pyramid.map((row) => row.revenue_share.value), summary.tiers.map((t) => t.revenue_share));

  // RFM heatmap: every R × F cell, counted from the CSV's scores; the mean from its monetary.
  const heatmap = await readTable(page, 'rfm-heatmap');
  assert.equal(heatmap.length, 25);
  for (const row of heatmap) {
    const inCell = customers.filter((c) => Number(c.r_score) === row.r.value && Number(c.f_score) === row.f.value);
    assert.equal(row.customers.value, inCell.length, `cell R${row.r.value} F${row.f.value}`);
    if (inCell.length) {
      const mean = inCell.reduce((sum, c) => sum + Number(c.monetary), 0) / inCell.length;
      assert.ok(Math.abs(row.mean_monetary.value - mean) < 0.005, `cell R${row.r.value} F${row.f.value}: mean ${row.mean_monetary.value}, counted ${mean}`);
    }
  }
  assert.deepEqual(heatmap.map((row) => row.customers.value), dashboard.rfm_grid.cells.map((cell) => cell.customers));

  // Segment tree map: tier × segment, counted from the CSV.
  const treemap = await readTable(page, 'segment-treemap');
  const perTierSegment = count(customers, (c) => `${c.tier}|${c.segment}`);
  assert.equal(treemap.reduce((sum, row) => sum + row.customers.value, 0), summary.customers);
  const segmentNames = new Map(summary.segments.map((s) => [s.segment, s.segment]));
  for (const row of treemap) {
    assert.ok(segmentNames.has(row.segment.text), row.segment.text);
    assert.equal(row.customers.value, perTierSegment.get(`${row.tier.text}|${row.segment.text}`), `${row.tier.text} · ${row.segment.text}`);
  }

  // Pareto: the share of positive revenue the top 0 %, 10 % … 100 % of customers hold.
  const pareto = await readTable(page, 'pareto');
  const ranked = customers.map((c) => Math.max(Number(c.monetary), 0)).sort((a, b) => b - a);
  const positive = ranked.reduce((sum, m) => sum + m, 0);
  assert.equal(pareto.length, 11, 'no ABC dimension: ten-percent points only');
  pareto.forEach((row, d) => {
    const k = Math.floor((d * 10 * ranked.length + 50) / 100);
    assert.equal(row.customers.value, k);
    const held = ranked.slice(0, k).reduce((sum, m) => sum + m, 0) / positive;
    assert.ok(Math.abs(row.revenue_share.value - held) < 1e-9, `top ${d * 10} %: ${row.revenue_share.value} vs ${held}`);
  });
  assert.match(await page.textContent('#dashboard figure[data-chart="pareto"] figcaption'), /no ABC dimension, so no cuts are marked/);

  // Histograms: each bin counted again from the CSV with the table's own edges.
  for (const metric of ['recency', 'frequency', 'monetary']) {
    const bins = await readTable(page, `histogram-${metric}`);
    const values = customers.map((c) => Number(c[metric]));
    for (const bin of bins) {
      const inBin = values.filter((v) => v >= bin.from.value && (bin.to.value === null || v < bin.to.value)).length;
      assert.equal(bin.customers.value, inBin, `${metric} ${bin.bin.text}`);
    }
    assert.equal(bins.reduce((sum, bin) => sum + bin.customers.value, 0), customers.length, metric);
    const histogram = dashboard.histograms[metric];
    assert.deepEqual(bins.map((bin) => bin.customers.value), [...histogram.counts, ...(histogram.tail ? [histogram.tail] : [])]);
  }

  // A tooltip, drawn inside the SVG (an HTML tooltip would break the CSP: see the last test).
  const heatmapCanvas = page.locator('#dashboard figure[data-chart="rfm-heatmap"] .dashboard-canvas');
  await heatmapCanvas.hover({ position: { x: (await heatmapCanvas.boundingBox()).width / 2, y: 120 } });
  await page.waitForFunction(() => document.querySelector('#dashboard figure[data-chart="rfm-heatmap"] svg').textContent.includes('Mean monetary: '),
    null, { polling: 50, timeout: 10_000 });
  await heatmapCanvas.screenshot({ path: path.join(artifacts, 'dashboard-rfm-heatmap-tooltip.png') });
  await page.mouse.move(0, 0);

  // The charts follow the window's size: a narrow window lays them out in one column, wider.
  const sizes = () => page.$eval('#dashboard figure[data-chart="pareto"]', (figure) => ({
    svg: figure.querySelector('svg').getBoundingClientRect().width,
    box: figure.querySelector('.dashboard-canvas').clientWidth,
  }));
  const before = await sizes();
  assert.ok(Math.abs(before.svg - before.box) < 2, `the chart (${before.svg} px) does not fill its box (${before.box} px)`);
  await page.setViewportSize({ width: 700, height: 900 });
  await page.waitForFunction((width) => {
    const svg = document.querySelector('#dashboard figure[data-chart="pareto"] svg');
    return Math.abs(svg.getBoundingClientRect().width - width) > 20;
  }, before.svg, { polling: 50 });
  const after = await sizes();
  assert.ok(Math.abs(after.svg - after.box) < 2, `after the resize the chart (${after.svg} px) does not fill its box (${after.box} px)`);
  await page.screenshot({ path: path.join(artifacts, 'dashboard-narrow.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
});

test('switching the language redraws the charts’ titles, sentences, tables and SVG text', async () => {
  const { page } = suite;
  const texts = () => page.evaluate(() => [...document.querySelectorAll('#dashboard figure[data-chart]')].map((figure) => ({
    chart: figure.dataset.chart,
    title: figure.querySelector('h3').textContent,
    sentence: figure.querySelector('figcaption').textContent,
    svg: figure.querySelector('svg').textContent,
    summary: figure.querySelector('details summary').textContent,
    label: figure.querySelector('.dashboard-canvas').getAttribute('aria-label'),
  })));
  const english = await texts();
  assert.ok(english.find((t) => t.chart === 'tier-pyramid').svg.includes('Share of customers'));

  await page.selectOption('#language-select', 'zh-CN');
  await page.waitForFunction(() => document.querySelector('#dashboard figure[data-chart="pareto"] h3')?.textContent === '帕累托曲线'
    && document.querySelectorAll('#dashboard figure[data-rendered="true"]').length >= 7, null, { polling: 50 });
  await waitForCharts(page);
  const chinese = await texts();
  assert.deepEqual(chinese.map((t) => t.chart), english.map((t) => t.chart));
  for (const [i, zh] of chinese.entries()) {
    const en = english[i];
    for (const key of ['title', 'sentence', 'summary']) {
      assert.notEqual(zh[key], en[key], `${zh.chart}: the ${key} did not change`);
      assert.match(zh[key], /[\u4e00-\u9fff]/, `${zh.chart}: the ${key} “${zh[key]}” is not Chinese`);
    }
    assert.ok(zh.label.length > 0, `${zh.chart}: no aria-label`);
  }
  assert.ok(chinese.find((t) => t.chart === 'tier-pyramid').svg.includes('客户占比'), 'the pyramid’s legend is not in Chinese');
  assert.ok(chinese.find((t) => t.chart === 'rfm-heatmap').svg.includes('平均消费金额'), 'the heatmap’s key is not in Chinese');
  // The RFM segments read in Chinese in the tree map, as everywhere on the page.
  assert.ok(chinese.find((t) => t.chart === 'segment-treemap').svg.includes('冠军客户'));
  await assertDrawn(page, chinese.map((t) => t.chart), 'dashboard-zh');

  await page.selectOption('#language-select', 'en');
  await page.waitForFunction(() => document.querySelector('#dashboard figure[data-chart="pareto"] h3')?.textContent === 'Pareto curve', null, { polling: 50 });
});

test('an ABC preset marks its own cuts on the Pareto curve, as the engine computed them', async () => {
  const { page } = suite;
  const { status, problem } = await choosePreset(page, 'abc_pareto');
  assert.equal(status, 'applied', problem);
  await page.waitForFunction(() => document.querySelector('#dashboard figure[data-chart="pareto"] figcaption')?.textContent.includes('ABC cuts'), null, { polling: 50 });
  await waitForCharts(page);
  await assertDrawn(page, ['pareto'], 'dashboard-abc');

  classifySample(engine, engine.presetPolicy('abc_pareto'));
  const dashboard = JSON.parse(engine.dashboardJson());
  assert.deepEqual(dashboard.abc_cuts.map((abc) => abc.dimension), ['abc', 'pyramid']);
  const rows = (await readTable(page, 'pareto')).slice(11); // after the ten-percent points
  const cuts = dashboard.abc_cuts.flatMap((abc) => abc.cuts);
  assert.deepEqual(rows.map((row) => [row.customers.value, row.customer_share.value, row.revenue_share.value]),
    cuts.map((cut) => [cut.customers, cut.customer_share, cut.revenue_share]));

  // Counted again from the CSV: class A and above, and its share of positive revenue.
  const customers = customerRecords((await download(page, '#download-customers')).bytes);
  const positive = (list) => list.reduce((sum, c) => sum + Math.max(Number(c.monetary), 0), 0);
  const classA = customers.filter((c) => c.abc === 'A');
  assert.equal(rows[0].customers.value, classA.length);
  assert.ok(Math.abs(rows[0].revenue_share.value - positive(classA) / positive(customers)) < 1e-9);

  // Each cut is a labelled mark in the SVG.
  const svgText = await page.textContent('#dashboard figure[data-chart="pareto"] svg');
  for (const cut of cuts) assert.ok(svgText.includes(`${cut.label}: `), `no mark for the cut after ${cut.label}`);
});

test('a preset that reads industry and province breaks customers down by them, by tier', async () => {
  const { page } = suite;
  const { status, problem } = await choosePreset(page, 'u8_seven_dimensions');
  assert.equal(status, 'applied', problem);
  await page.waitForSelector('#dashboard [data-testid="dashboard-breakdown"]', { timeout: 60_000 });
  await waitForCharts(page);

  const summary = classifySample(engine, engine.presetPolicy('u8_seven_dimensions'));
  const dashboard = JSON.parse(engine.dashboardJson());
  const drawn = dashboard.breakdowns.filter((b) => !b.skipped);
  assert.deepEqual(await page.$$eval('[data-testid="dashboard-breakdown"] option', (options) => options.map((o) => o.value)),
    drawn.map((b) => b.field));
  assert.match(await page.textContent('[data-testid="dashboard-notes"]'), /“employees” is not charted: its 382 distinct values/);

  for (const field of ['industry', 'province']) {
    const index = dashboard.breakdowns.findIndex((b) => b.field === field);
    await page.selectOption('[data-testid="dashboard-breakdown"]', field);
    await page.waitForSelector(`#dashboard figure[data-chart="breakdown-${index}"][data-rendered="true"]`);
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'dashboard-breakdown', 'the choice lost the focus');
    await assertDrawn(page, [`breakdown-${index}`], 'dashboard');
    const rows = await readTable(page, `breakdown-${index}`);
    const groups = dashboard.breakdowns[index].groups;
    assert.deepEqual(rows.map((row) => row.customers.value), groups.map((g) => g.customers), field);
    assert.equal(rows.reduce((sum, row) => sum + row.customers.value, 0), summary.customers, `${field}: every customer once`);
    assert.deepEqual(rows.map((row) => summary.tiers.map((_, t) => row[`tier-${t}`].value)), groups.map((g) => g.tiers), field);
    assert.ok(groups.length <= 14 && groups.filter((g) => g.kind === 'value').length <= 12, `${field}: at most 12 values`);
  }
});

test('the dashboard broke no rule of the page’s CSP, and asked for nothing off its origin', () => {
  assert.deepEqual(violations, []);
  assertStayedOnOrigin(suite);
});
