// Embedding TierLens in a portal, in headless Chromium: the ES module API (web/embed/tierlens.js)
// called from a page served by scripts/serve.mjs is held to the native CLI on the same files,
// the example page's use of it shows the CLI's tiers, and the <tier-lens> element classifies
// the sample inside an iframe as the wasm engine under Node does. Every request the browser
// makes is recorded: none may leave the page's origin.
//
// Run: node --test --test-concurrency=1 tests/e2e/   (needs web/dist/ built, the native CLI, /usr/bin/chromium)

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';

import { classifyWithCli } from '../support/cli.mjs';
import { cliPath, fixturesDir, repoRoot } from '../support/paths.mjs';
import { classifySample, loadReferenceEngine, tierNumbers } from './engine-reference.mjs';
import { artifacts, assertStayedOnOrigin, browserSuite } from './suite.mjs';

const noCli = existsSync(cliPath) ? false : `no native CLI at ${cliPath} (bash scripts/build.sh native)`;
const examplePolicy = JSON.parse(readFileSync(path.join(repoRoot, 'web', 'embed', 'example-policy.json'), 'utf8'));

const suite = browserSuite('embed');
let engine;

before(async () => {
  engine = await loadReferenceEngine();
});

const exampleUrl = () => new URL('embed/example.html', suite.server.url).href;

/** The fixture files as the page's API is given them: `{name, base64}`, turned into Files there. */
const filesOf = (...paths) => paths.map((file) => ({ name: path.basename(file), base64: readFileSync(file).toString('base64') }));

/**
 * Calls `classify(files, policy)` of web/embed/tierlens.js inside the page; answers the summary,
 * customers.csv and the first rows, or `{error: {name, code, message}}`.
 */
function classifyInPage(files, policy = null, { explicit = false, abort = false } = {}) {
  return suite.page.evaluate(async ({ files, policy, explicit, abort }) => {
    const api = await import('/embed/tierlens.js');
    const made = files.map(({ name, base64 }) => new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name));
    const controller = new AbortController();
    try {
      const pending = api.classify(explicit ? { orders: made[0], customers: made[1] } : made, policy, { signal: controller.signal });
      if (abort) controller.abort();
      const result = await pending;
      const csv = await result.customersCsv();
      const rows = await result.customerRows(0, 3, 'monetary', true);
      const page = await result.customers(0, 3, 'monetary', true);
      result.dispose();
      let afterDispose = null;
      try {
        await result.customersCsv();
      } catch (error) {
        afterDispose = error.code;
      }
      return { summary: result.summary, csv: Array.from(csv), rows, ids: page.customer_id, afterDispose };
    } catch (error) {
      return { error: { name: error.name, code: error.code, message: error.message } };
    }
  }, { files, policy, explicit, abort });
}

function assertSameAsCli(inPage, cli) {
  assert.equal(inPage.error, undefined, inPage.error?.message);
  assert.deepEqual(inPage.summary, JSON.parse(cli.summaryJson));
  assert.ok(Buffer.from(inPage.csv).equals(cli.customersCsv), 'customersCsv() differs from the CLI’s customers.csv');
}

test('the ES module API classifies a file as the CLI does, and its result reads pages and rows', { skip: noCli }, async () => {
  await suite.page.goto(exampleUrl());
  const file = path.join(fixturesDir, 'tiny_orders.csv');
  const inPage = await classifyInPage(filesOf(file));
  assertSameAsCli(inPage, classifyWithCli(file));
  assert.deepEqual(inPage.rows.map((row) => row.customer_id), inPage.ids);
  const [first] = inPage.rows;
  assert.equal(typeof first.monetary, 'number');
  assert.equal(first.tier, inPage.summary.tiers.find((tier) => tier.name === first.tier)?.name);
  assert.ok(first.labels.rfm_segment, JSON.stringify(first));
  assert.equal(inPage.afterDispose, 'disposed');
});

test('the API tells an orders file from a customers table given in any order, or is told', { skip: noCli }, async () => {
  await suite.page.goto(exampleUrl());
  const orders = path.join(fixturesDir, 'two_tables', 'orders.csv');
  const customers = path.join(fixturesDir, 'two_tables', 'customers.csv');
  const cli = classifyWithCli(orders, ['--customers', customers]);
  assertSameAsCli(await classifyInPage(filesOf(customers, orders)), cli);
  assertSameAsCli(await classifyInPage(filesOf(orders, customers), null, { explicit: true }), cli);
});

test('the API takes a preset id, a policy object or its JSON text, and says why it refuses one', { skip: noCli }, async () => {
  await suite.page.goto(exampleUrl());
  const file = path.join(fixturesDir, 'tiny_orders.csv');
  const cli = classifyWithCli(file, ['--preset', 'rfm_classes']);
  assertSameAsCli(await classifyInPage(filesOf(file), 'rfm_classes'), cli);
  const policy = engine.presetPolicy('rfm_classes');
  assertSameAsCli(await classifyInPage(filesOf(file), policy), cli);
  assertSameAsCli(await classifyInPage(filesOf(file), JSON.stringify(policy)), cli);

  const refused = await classifyInPage(filesOf(file), { ...policy, rfm: { bins: 12 } });
  assert.equal(refused.error?.code, 'invalid_options');
  assert.match(refused.error.message, /rfm\.bins/);
  assert.equal((await classifyInPage(filesOf(file), '{not json')).error?.code, 'invalid_options');
  assert.equal((await classifyInPage(filesOf(file), null, { abort: true })).error?.name, 'AbortError');
});

test('the example page classifies a chosen file with the API and shows the CLI\'s tiers', { skip: noCli }, async () => {
  await suite.page.goto(exampleUrl());
  const file = path.join(fixturesDir, 'tiny_orders.csv');
  await suite.page.setInputFiles('#api-files', file);
  await suite.page.waitForFunction(() => ['done', 'error'].includes(document.body.dataset.api), null, { timeout: 60_000, polling: 20 });
  assert.equal(await suite.page.evaluate(() => document.body.dataset.api), 'done', await suite.page.textContent('#api-status'));
  const shown = await suite.page.$$eval('#api-tiers tbody tr', (rows) => rows.map((row) => ({
    name: row.dataset.tier,
    customers: Number(row.querySelector('[data-col="customers"]').dataset.value),
    revenue: Number(row.querySelector('[data-col="revenue"]').dataset.value),
  })));
  const expected = JSON.parse(classifyWithCli(file).summaryJson).tiers.map(({ name, customers, revenue }) => ({ name, customers, revenue }));
  assert.deepEqual(shown, expected);
});

/** The tier rows of a <tier-lens> element: as tierNumbers() gives them, the rule aside. */
function readElementTiers(element) {
  return element.locator('[data-testid="tiers"] tbody tr').evaluateAll((rows) => rows.map((row) => {
    const value = (col) => Number(row.querySelector(`[data-col="${col}"]`).dataset.value);
    return {
      name: row.dataset.tier,
      customers: value('customers'),
      customer_share: value('customer_share'),
      revenue: value('revenue'),
      revenue_share: value('revenue_share'),
    };
  }));
}

/** Clicks a download button (in any frame) and answers the file saved: its name and bytes. */
async function downloadFrom(button) {
  const [saved] = await Promise.all([suite.page.waitForEvent('download'), button.click()]);
  return { name: saved.suggestedFilename(), bytes: readFileSync(await saved.path()) };
}

const withoutRules = (tiers) => tiers.map(({ rule, ...numbers }) => numbers);

test('<tier-lens> inside an iframe classifies the sample under a policy URL and a preset, in its language', async () => {
  await suite.page.goto(exampleUrl());
  // The example page inside an iframe of itself: the portal's page and its frame.
  await suite.page.evaluate(() => {
    const frame = Object.assign(document.createElement('iframe'), { src: 'example.html', title: 'TierLens', id: 'frame' });
    frame.style.width = '1200px';
    frame.style.height = '900px';
    document.body.append(frame);
  });
  const frame = suite.page.frameLocator('#frame');

  const english = frame.locator('[data-testid="element-en"]');
  await english.locator('[data-testid="sample-button"]').click();
  await english.locator('[data-testid="results"]').waitFor({ timeout: 60_000 });
  assert.equal(await english.getAttribute('data-state'), 'done');
  const reference = classifySample(engine, examplePolicy);
  assert.deepEqual(await readElementTiers(english), withoutRules(tierNumbers(reference)));
  const segments = await english.locator('[data-testid="segments"] tbody tr').evaluateAll((rows) => rows.map((row) => row.dataset.segment));
  assert.deepEqual(segments, reference.segments.map(({ segment }) => segment));
  const saved = await downloadFrom(english.locator('[data-testid="download-customers"]'));
  assert.equal(saved.name, 'tierlens-sample-orders-classified.csv');
  assert.ok(saved.bytes.equals(Buffer.from(engine.customersCsv())), 'the element’s CSV differs from the engine’s');

  const chinese = frame.locator('[data-testid="element-zh"]');
  assert.equal(await chinese.locator('[data-testid="sample-button"]').textContent(), '试用示例数据');
  await chinese.locator('[data-testid="sample-button"]').click();
  await chinese.locator('[data-testid="results"]').waitFor({ timeout: 60_000 });
  const classes = classifySample(engine, engine.presetPolicy('rfm_classes'));
  assert.deepEqual(await readElementTiers(chinese), withoutRules(tierNumbers(classes)));
  assert.match(await chinese.locator('[data-testid="status"]').textContent(), /已按“RFM 八类客户”对 420 位客户分类/);

  // A new policy classifies the same input again.
  await chinese.evaluate((element) => element.setAttribute('policy', 'abc_pareto'));
  await chinese.locator('[data-testid="tiers"] tbody tr[data-tier="A customers"]').waitFor({ timeout: 60_000 });
  assert.deepEqual(await readElementTiers(chinese), withoutRules(tierNumbers(classifySample(engine, engine.presetPolicy('abc_pareto')))));
  await suite.page.screenshot({ path: path.join(artifacts, 'embed-iframe.png'), fullPage: true });
});

test('<tier-lens> refuses a policy from another origin, and says so', async () => {
  await suite.page.goto(exampleUrl());
  const element = suite.page.locator('[data-testid="element-en"]');
  await element.evaluate((node) => node.setAttribute('policy', 'https://example.com/policy.json'));
  await element.locator('[data-testid="sample-button"]').click();
  await element.locator('[data-testid="error"]').waitFor({ timeout: 60_000 });
  assert.equal(await element.getAttribute('data-state'), 'error');
  assert.match(await element.locator('[data-testid="error"]').textContent(), /https:\/\/example\.com\/policy\.json.*origin/);
});

test('embedding asked for nothing outside the page\'s origin', () => {
  assertStayedOnOrigin(suite);
});
