// The self-contained HTML report, end to end: made by the page from the sample under a policy
// whose names are hostile HTML, then opened from file:// in a second browser that records every
// request. It must hold the result's figures (tiers, charts with their tables, the policy), show
// every hostile name as text, run no script, load nothing, and print to a PDF. A comparison on
// screen (客户迁移) goes into it too.
//
// Run: node --test tests/e2e/report.test.mjs   (needs web/dist/ built and /usr/bin/chromium)

import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';

import { launchBrowser } from './browser.mjs';
import { compareRuns, download, openPage, waitForPolicySettled, waitUntilSettled } from './page-driver.mjs';
import { artifacts, assertStayedOnOrigin, browserSuite } from './suite.mjs';

const suite = browserSuite('report');

/** Each would run a script, or load something, if the report wrote it as markup. */
const HOSTILE = {
  tier: '<img src="http://192.0.2.1/x.png" onerror="document.title=\'pwned\'">VIP',
  notes: '</td><script>document.title="pwned"</script>',
  policy: 'Policy <svg onload="document.title=\'pwned\'">',
};

const hostilePolicy = {
  tierlens_policy: 1,
  name: HOSTILE.policy,
  dimensions: [
    { id: 'rfm_segment', name: 'RFM segment', type: 'rfm_segments' },
    { id: 'value', name: 'Value (ABC)', type: 'abc', by: 'revenue', cuts: [70, 20], labels: ['A', 'B', 'C'] },
  ],
  tiers: [
    { name: HOSTILE.tier, when: { field: 'value', op: '=', value: 'A' }, strategy: { service_level: 'Key account', notes: HOSTILE.notes } },
    { name: 'Everyone else', strategy: { service_level: 'Standard' } },
  ],
};

/** Opens `file` in a browser of its own; answers what it requested and what it shows. */
async function openReport(file, inspect) {
  const browser = await launchBrowser();
  try {
    await browser.page.goto(pathToFileURL(file).href);
    const shown = await browser.page.evaluate(inspect);
    await browser.page.screenshot({ path: path.join(artifacts, 'report.png'), fullPage: true });
    const pdf = await browser.page.pdf({ format: 'A4', printBackground: true });
    // Printed, on A4's width less its margins (about 700 CSS px), no table runs off the page.
    await browser.page.emulateMedia({ media: 'print' });
    await browser.page.setViewportSize({ width: 700, height: 1000 });
    const overflowing = await browser.page.evaluate(() => [...document.querySelectorAll('table')]
      .filter((table) => table.scrollWidth > document.documentElement.clientWidth + 1)
      .map((table) => `${table.dataset.report ?? table.caption?.textContent}: ${table.scrollWidth} px`));
    return { requests: [...browser.requests], errors: [...browser.errors], shown, pdf, overflowing };
  } finally {
    await browser.close();
  }
}

test('the report holds the figures, shows hostile names as text, and opens offline', async () => {
  const { page, server, scratch } = suite;
  await openPage(page, server.url);
  const policyFile = path.join(scratch, 'hostile-policy.json');
  await writeFile(policyFile, JSON.stringify(hostilePolicy));
  await page.setInputFiles('#policy-import', policyFile);
  await waitForPolicySettled(page);
  await page.click('#sample-button');
  await waitUntilSettled(page);

  const summary = JSON.parse((await download(page, '#download-summary')).bytes.toString('utf8'));
  assert.equal(summary.tiers[0].name, HOSTILE.tier);
  const report = await download(page, '#download-report');
  assert.match(report.name, /-report\.html$/);
  const text = report.bytes.toString('utf8');

  // Escaped wherever it appears: as text, never as a tag.
  assert.doesNotMatch(text, /<script/i);
  assert.doesNotMatch(text, /<img/i);
  assert.doesNotMatch(text, /onerror="document/);
  assert.doesNotMatch(text, /<svg onload/);
  assert.match(text, /&lt;img src=&quot;http:\/\/192\.0\.2\.1\/x\.png&quot;/);
  assert.match(text, /Content-Security-Policy" content="default-src &#39;none&#39;/);

  const file = path.join(scratch, report.name);
  await writeFile(file, report.bytes);
  await writeFile(path.join(artifacts, 'report.html'), report.bytes);
  const opened = await openReport(file, () => ({
    title: document.title,
    heading: document.querySelector('h1').textContent,
    tiers: [...document.querySelectorAll('table[data-report="tiers"] tr[data-tier]')].map((row) => ({
      name: row.dataset.tier,
      customers: row.querySelector('td.number').textContent,
      notes: row.parentElement.querySelector('dl.strategy').textContent,
    })),
    charts: [...document.querySelectorAll('figure[data-chart]')].map((figure) => ({
      id: figure.dataset.chart,
      marks: figure.querySelectorAll('svg path, svg rect').length,
      tableRows: figure.querySelectorAll('table.chart-table tbody tr').length,
    })),
    policy: JSON.parse(document.querySelector('pre[data-report="policy"]').textContent),
    images: document.images.length,
    font: getComputedStyle(document.documentElement).fontFamily,
    scripts: document.scripts.length,
  }));

  // Nothing but the file itself was requested, and no script ran (the title would say so).
  assert.deepEqual(opened.requests.filter((url) => !url.startsWith('file://')), []);
  assert.deepEqual(opened.errors, []);
  assert.equal(opened.shown.scripts, 0);
  assert.equal(opened.shown.images, 0);
  assert.notEqual(opened.shown.title, 'pwned');
  assert.ok(opened.shown.heading.includes(HOSTILE.policy), opened.shown.heading);
  assert.match(opened.shown.font, /system-ui/, 'the inline stylesheet applies');

  // The figures are the summary's.
  assert.deepEqual(opened.shown.tiers.map((tier) => tier.name), summary.tiers.map((tier) => tier.name));
  assert.deepEqual(opened.shown.tiers.map((tier) => Number(tier.customers.replace(/,/g, ''))),
    summary.tiers.map((tier) => tier.customers));
  assert.ok(opened.shown.tiers[0].notes.includes(HOSTILE.notes), 'the hostile strategy note is shown as text');
  assert.deepEqual(opened.shown.policy.tiers.map((tier) => tier.name), hostilePolicy.tiers.map((tier) => tier.name));

  // Every chart of the dashboard is drawn, with its numbers beside it.
  const ids = opened.shown.charts.map((chart) => chart.id);
  for (const id of ['tier-pyramid', 'rfm-heatmap', 'segment-treemap', 'pareto', 'histogram-recency', 'histogram-frequency', 'histogram-monetary']) {
    assert.ok(ids.includes(id), `chart ${id} in ${ids.join(', ')}`);
  }
  for (const chart of opened.shown.charts) {
    assert.ok(chart.marks > 3, `chart ${chart.id} draws marks (${chart.marks})`);
    assert.ok(chart.tableRows > 0, `chart ${chart.id} has its table`);
  }

  // It prints: a PDF of a few A4 pages, every table within the page's width.
  assert.deepEqual(opened.overflowing, []);
  assert.equal(opened.pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  const pages = (opened.pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.ok(pages >= 2 && pages <= 40, `${pages} pages`);
  await writeFile(path.join(artifacts, 'report.pdf'), opened.pdf);
});

test('a comparison on screen goes into the report, with its matrix', async () => {
  const { page } = suite;
  await compareRuns(page);
  const migration = JSON.parse((await download(page, '[data-testid="migration-download-json"]')).bytes.toString('utf8'));
  const text = (await download(page, '#download-report')).bytes.toString('utf8');
  const figure = text.slice(text.indexOf('<figure data-chart="migration"'));
  assert.ok(figure.length > 0 && text.includes('<figure data-chart="migration"'), 'the migration figure is in the report');
  const section = figure.slice(0, figure.indexOf('</figure>'));
  assert.match(section, /<svg/);
  // The matrix, row by row: a cell per label after (and one for the customers gone).
  const rows = [...section.matchAll(/<tr><td>[^<]*<\/td>((?:<td class="number">[^<]*<\/td>)+)<\/tr>/g)]
    .map(([, cells]) => [...cells.matchAll(/<td class="number">([^<]*)<\/td>/g)].map(([, n]) => Number(n.replace(/,/g, ''))));
  assert.deepEqual(rows, migration.matrix);
});

test('the report is written in the language on screen', async () => {
  const { page } = suite;
  await page.selectOption('[data-testid="language-select"]', 'zh-CN');
  const text = (await download(page, '#download-report')).bytes.toString('utf8');
  assert.match(text, /<html lang="zh-CN">/);
  assert.match(text, /<h1>客户分级报告/);
  assert.match(text, /客户分级及运营策略/);
  await page.selectOption('[data-testid="language-select"]', 'en');
});

test('no request left the origin', () => assertStayedOnOrigin(suite));
