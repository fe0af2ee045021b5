// The policy editor in headless Chromium: presets, edits, refused edits, import and export,
// and the results that follow them. What the page shows is held to the same wasm engine run
// under Node on the same sample with the same policy, and to counts worked out here from the
// customers' own numbers. Every request the browser makes is recorded and must stay on the
// page's own origin.
//
// Run: node --test --test-concurrency=1 tests/e2e/   (needs web/dist/ built and /usr/bin/chromium)

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, test } from 'node:test';

import { classifyWithCli } from '../support/cli.mjs';
import { cliPath } from '../support/paths.mjs';
import {
  classifySample, dimensionNumbers, loadReferenceEngine, policyProblem, SAMPLE_FILE_NAME, tierNumbers,
} from './engine-reference.mjs';
import {
  chooseFile, choosePreset, download, openDimensionSettings, openPage, readDimensionLabels, readFacts, readTierSummary,
  waitForCustomerTable, waitForPolicySettled, waitUntilSettled,
} from './page-driver.mjs';
import { artifacts, assertStayedOnOrigin, browserSuite } from './suite.mjs';

const RFM_CLASSES = ['重要价值客户', '重要发展客户', '重要保持客户', '重要挽留客户', '一般价值客户', '一般发展客户', '一般保持客户', '一般挽留客户'];
const DIMENSION_TYPES = ['rfm_segments', 'rfm_classes', 'abc', 'bands', 'mapping', 'lifecycle', 'score', 'tree', 'rules', 'clv', 'clusters'];
const noCli = existsSync(cliPath) ? false : `no native CLI at ${cliPath} (bash scripts/build.sh native)`;

const suite = browserSuite('policy');
let engine;

before(async () => {
  engine = await loadReferenceEngine();
});

/** Opens the page fresh and classifies the sample under the default policy. */
async function loadSample() {
  await openPage(suite.page, suite.server.url);
  await suite.page.click('#sample-button');
  const { state, error } = await waitUntilSettled(suite.page);
  assert.equal(state, 'done', error);
  const settled = await waitForPolicySettled(suite.page);
  assert.equal(settled.status, 'applied', settled.problem);
}

/** The engine's result for the sample under preset `id`, and that preset's canonical policy. */
function referenceFor(id, edit = (policy) => policy) {
  const policy = engine.checkPolicy(edit(engine.presetPolicy(id)));
  return { policy, summary: classifySample(engine, policy) };
}

const sum = (values) => values.reduce((total, value) => total + value, 0);

async function assertApplied(what) {
  const settled = await waitForPolicySettled(suite.page);
  assert.equal(settled.status, 'applied', `${what}: ${settled.problem}`);
  assert.equal(settled.state, 'done', what);
}

test('the page starts with the rfm_segments preset; its tiers and labels are the engine\'s', async () => {
  await loadSample();
  assert.equal(await suite.page.inputValue('#preset-select'), 'rfm_segments');
  const { policy, summary } = referenceFor('rfm_segments');
  assert.equal(await suite.page.inputValue('#policy-name'), policy.name);
  assert.equal((await readFacts(suite.page)).policy, policy.name);

  const tiers = await readTierSummary(suite.page);
  assert.deepEqual(tiers, tierNumbers(summary));
  assert.ok(tiers.length > 1);
  assert.equal(tiers.at(-1).rule, 'otherwise');
  assert.equal(sum(tiers.map((tier) => tier.customers)), summary.customers);
  assert.deepEqual(await readDimensionLabels(suite.page), dimensionNumbers(summary));
});

test('choosing the rfm_classes preset shows the 8 classes, tiers and columns the engine finds', async () => {
  await loadSample();
  const before = await readTierSummary(suite.page);
  const { status, problem } = await choosePreset(suite.page, 'rfm_classes');
  assert.equal(status, 'applied', problem);

  const { summary } = referenceFor('rfm_classes');
  const tiers = await readTierSummary(suite.page);
  assert.notDeepEqual(tiers.map((tier) => tier.name), before.map((tier) => tier.name));
  assert.deepEqual(tiers.map((tier) => tier.name), RFM_CLASSES);
  assert.deepEqual(tiers, tierNumbers(summary));

  const dimensions = await readDimensionLabels(suite.page);
  assert.equal(dimensions.length, 1);
  assert.deepEqual(dimensions[0].labels.map((label) => label.label), RFM_CLASSES);
  const customers = Number((await readFacts(suite.page)).customers);
  assert.equal(sum(dimensions[0].labels.map((label) => label.customers)), customers);
  assert.deepEqual(dimensions, dimensionNumbers(summary));

  // The customer table follows the policy: a tier column and one column per dimension.
  await waitForCustomerTable(suite.page);
  const headings = await suite.page.$$eval('#customer-table thead th', (cells) => cells.map((cell) => cell.textContent));
  assert.ok(headings.includes('Tier'), headings.join(' | '));
  assert.ok(headings.includes(summary.dimensions[0].name), headings.join(' | '));
  const tierCells = await suite.page.$$eval('#customer-table tbody [data-col="tier"]', (cells) => cells.map((cell) => cell.textContent));
  assert.ok(tierCells.length > 0 && tierCells.every((name) => RFM_CLASSES.includes(name)), tierCells.join(' | '));

  // Sorting by tier asks the engine for the customers in tier order.
  await suite.page.click('#customer-table th[data-sort-key="tier"] button');
  await suite.page.waitForSelector('#customer-table th[data-sort-key="tier"][aria-sort="ascending"]');
  await waitForCustomerTable(suite.page);
  const sorted = await suite.page.$$eval('#customer-table tbody [data-col="tier"]', (cells) => cells.map((cell) => cell.textContent));
  const ranks = sorted.map((name) => RFM_CLASSES.indexOf(name));
  assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b));
  assert.equal(sorted[0], RFM_CLASSES.find((name, i) => summary.tiers[i].customers > 0));

  await suite.page.screenshot({ path: path.join(artifacts, 'e2e-policy-rfm-classes.png'), fullPage: true });
});

test('a preset gives what the CLI gives for the same policy file', { skip: noCli }, async () => {
  await loadSample();
  await choosePreset(suite.page, 'b2b_key_accounts');
  const policyFile = await suite.exportPolicy('b2b.json');
  const sample = path.join(suite.scratch, SAMPLE_FILE_NAME);
  await writeFile(sample, engine.sampleOrdersCsv().slice());
  const cli = JSON.parse(classifyWithCli(sample, ['--policy', policyFile]).summaryJson);

  assert.deepEqual(await readTierSummary(suite.page), tierNumbers(cli));
  assert.deepEqual(await readDimensionLabels(suite.page), dimensionNumbers(cli));
  const customers = await download(suite.page, '#download-customers');
  assert.ok(customers.bytes.equals(classifyWithCli(sample, ['--policy', policyFile]).customersCsv),
    'the downloaded customers CSV differs from the CLI’s customers.csv under the same policy');
});

test('editing a band\'s minimum changes that dimension\'s counts', async () => {
  await loadSample();
  // The sample's customers by monetary, from the engine: a band holds those at or above its
  // minimum and below the band above it. The missing-value label (未知, the default) comes last,
  // and nobody lacks a monetary.
  classifySample(engine, engine.checkPolicy(engine.presetPolicy('rfm_segments')));
  const total = engine.customers(0, 0).total;
  const monetary = Array.from(engine.customers(0, total, 'monetary', true).monetary);
  const atLeast = (min) => monetary.filter((value) => value >= min).length;
  const median = Math.round(monetary[Math.floor(total / 2)]);
  assert.ok(median > 100 && atLeast(median) !== atLeast(1000), `the sample's median monetary (${median}) does not separate from 1000`);

  await suite.page.selectOption('[data-testid="new-dimension-type"]', 'bands');
  await suite.page.click('[data-testid="add-dimension"]');
  await assertApplied('adding a bands dimension');
  const othersBefore = (await readDimensionLabels(suite.page)).filter((dimension) => dimension.id !== 'bands');
  let bands = (await readDimensionLabels(suite.page)).find((dimension) => dimension.id === 'bands');
  assert.deepEqual(bands.labels.map(({ label, customers }) => [label, customers]),
    [['High', atLeast(1000)], ['Medium', atLeast(100) - atLeast(1000)], ['Low', total - atLeast(100)], ['未知', 0]]);

  const card = suite.page.locator('[data-testid="dimension-list"] > li').last();
  await card.locator('[data-testid="band-min"]').first().fill(String(median));
  await assertApplied('raising the first band\'s minimum');
  bands = (await readDimensionLabels(suite.page)).find((dimension) => dimension.id === 'bands');
  assert.deepEqual(bands.labels.map(({ label, customers }) => [label, customers]),
    [['High', atLeast(median)], ['Medium', atLeast(100) - atLeast(median)], ['Low', total - atLeast(100)], ['未知', 0]]);
  // The other dimensions did not move.
  assert.deepEqual((await readDimensionLabels(suite.page)).filter((dimension) => dimension.id !== 'bands'), othersBefore);
});

test('a cancellation prefix makes flagged orders returns, and the file is read again', async () => {
  // C2 is a cancellation the export wrote with a positive amount: by itself it adds 30, once
  // flagged it takes 30 off (100 − 30 − 20 + 50 = 100 in all; unflagged 100 + 30 − 20 + 50 = 160).
  const file = path.join(suite.scratch, 'cancelled_orders.csv');
  await writeFile(file, 'InvoiceNo,CustomerID,InvoiceDate,Amount\n1,A,2024-01-02,100\nC2,A,2024-01-05,30\n'
    + 'C3,A,2024-01-06,-20\n9C,B,2024-01-03,50\n');
  await openPage(suite.page, suite.server.url);
  await chooseFile(suite.page, file);
  const { state, error } = await waitUntilSettled(suite.page);
  assert.equal(state, 'done', error);
  assert.equal((await readFacts(suite.page)).revenue, '160');

  await suite.page.fill('[data-testid="cancelled-prefix"]', 'C');
  await assertApplied('setting the cancellation prefix');
  assert.equal((await readFacts(suite.page)).revenue, '100');
  assert.equal((await readFacts(suite.page)).customers, '2');
});

test('a field the file lacks is a warning on its dimension, not an error', async () => {
  await loadSample();
  await suite.page.selectOption('[data-testid="new-dimension-type"]', 'bands');
  await suite.page.click('[data-testid="add-dimension"]');
  await assertApplied('adding a bands dimension');
  const card = suite.page.locator('[data-testid="dimension-list"] > li').last();
  await card.locator('[data-testid="dimension-field"]').fill('assets');
  await assertApplied('a field the sample has no column for');

  const { summary } = referenceFor('rfm_segments', (policy) => {
    policy.dimensions.push({ id: 'bands', name: 'Bands', type: 'bands', field: 'assets', bands: [{ label: 'High', min: 1000 }, { label: 'Medium', min: 100 }, { label: 'Low' }] });
    return policy;
  });
  const expected = summary.dimensions.find((dimension) => dimension.id === 'bands');
  assert.ok(expected.warnings.length > 0, 'the engine gives no warning for a missing column');
  const shown = await suite.page.$$eval('#dimension-labels [data-dimension="bands"] [data-testid="warnings"] li', (items) => items.map((item) => item.textContent));
  assert.deepEqual(shown, expected.warnings);
  const bands = (await readDimensionLabels(suite.page)).find((dimension) => dimension.id === 'bands');
  assert.deepEqual(bands, dimensionNumbers(summary).find((dimension) => dimension.id === 'bands'));
  // The summary's own warnings, if any, are shown above the results.
  const summaryWarnings = await suite.page.$$eval('[data-testid="summary-warnings"]:not([hidden]) li', (items) => items.map((item) => item.textContent));
  assert.deepEqual(summaryWarnings, summary.warnings);
});

test('an invalid edit names its path and keeps the last result on screen', async () => {
  await loadSample();
  await choosePreset(suite.page, 'b2b_key_accounts');
  const tiersBefore = await readTierSummary(suite.page);
  const labelsBefore = await readDimensionLabels(suite.page);

  // 中型 (the second band) above 大型's minimum: the minimums no longer go down.
  const card = await openDimensionSettings(suite.page, 0);
  const secondMin = card.locator('[data-testid="band-min"]').nth(1);
  await secondMin.fill('5000');
  let settled = await waitForPolicySettled(suite.page);
  assert.equal(settled.status, 'invalid');
  const refusedPolicy = engine.presetPolicy('b2b_key_accounts');
  refusedPolicy.dimensions[0].bands[1].min = 5000;
  const expected = policyProblem(engine, refusedPolicy);
  assert.ok(expected?.startsWith('dimensions[0].bands[1].min'), `the engine says: ${expected}`);
  assert.equal(settled.problem, expected);
  assert.equal(await suite.page.getAttribute('#policy-problem', 'role'), 'alert');
  assert.equal(settled.state, 'done');
  assert.deepEqual(await readTierSummary(suite.page), tiersBefore);
  assert.deepEqual(await readDimensionLabels(suite.page), labelsBefore);

  // Fixed, it is applied and the message goes.
  await secondMin.fill('100');
  await assertApplied('the band fixed');
  assert.ok(await suite.page.isHidden('#policy-problem'));
  assert.deepEqual(await readTierSummary(suite.page), tiersBefore);

  // Text that is not JSON is refused before the core sees it, at its path too.
  const condition = suite.page.locator('[data-testid="tier-list"] > li[data-index="0"] [data-testid="condition-json"]');
  const original = await condition.inputValue();
  await condition.fill('{"field": "value", "op": ');
  settled = await waitForPolicySettled(suite.page);
  assert.equal(settled.status, 'invalid');
  assert.match(settled.problem, /^tiers\[0\]\.when: not valid JSON/);
  assert.deepEqual(await readTierSummary(suite.page), tiersBefore);
  await condition.fill(original);
  await assertApplied('the condition restored');
  assert.deepEqual(await readTierSummary(suite.page), tiersBefore);
});

test('export then import gives back the same policy and the same result', async () => {
  await loadSample();
  await choosePreset(suite.page, 'u8_seven_dimensions');
  const name = 'U8 七维 round trip';
  await suite.page.fill('#policy-name', name);
  await assertApplied('renamed');
  const tiersBefore = await readTierSummary(suite.page);
  const labelsBefore = await readDimensionLabels(suite.page);
  assert.equal((await readFacts(suite.page)).policy, name);

  const exported = await download(suite.page, '#export-policy');
  assert.equal(exported.name, 'tierlens-policy.json');
  const text = exported.bytes.toString('utf8');
  const { policy } = referenceFor('u8_seven_dimensions', (preset) => ({ ...preset, name }));
  assert.equal(text, JSON.stringify(policy, null, 2));
  assert.deepEqual(engine.checkPolicy(JSON.parse(text)), JSON.parse(text)); // canonical: a fixed point

  await choosePreset(suite.page, 'abc_pareto');
  assert.notDeepEqual(await readTierSummary(suite.page), tiersBefore);

  const file = path.join(suite.scratch, 'my-policy.json');
  await writeFile(file, exported.bytes);
  await suite.page.setInputFiles('#policy-import', file);
  await assertApplied('imported');
  assert.equal(await suite.page.inputValue('#policy-name'), name);
  assert.equal(await suite.page.inputValue('#preset-select'), '');
  assert.deepEqual(await readTierSummary(suite.page), tiersBefore);
  assert.deepEqual(await readDimensionLabels(suite.page), labelsBefore);
  const again = await download(suite.page, '#export-policy');
  assert.ok(again.bytes.equals(exported.bytes), 'exporting the imported policy gives other bytes');
});

test('a bad policy file is refused with a clear message, and nothing changes', async () => {
  await loadSample();
  const tiersBefore = await readTierSummary(suite.page);

  const broken = path.join(suite.scratch, 'broken.json');
  await writeFile(broken, '{"tierlens_policy": 1, "name": ');
  await suite.page.setInputFiles('#policy-import', broken);
  let settled = await waitForPolicySettled(suite.page);
  assert.equal(settled.status, 'invalid');
  assert.match(settled.problem, /broken\.json/);
  assert.match(settled.problem, /not valid JSON/);

  const refused = { tierlens_policy: 1, dimensions: [{ id: 'size', name: 'Size', type: 'bands', field: 'monetary', bands: [{ label: 'all' }], colour: 'red' }] };
  const expected = policyProblem(engine, refused);
  assert.ok(expected?.includes('dimensions[0]'), `the engine says: ${expected}`);
  const wrong = path.join(suite.scratch, 'wrong.json');
  await writeFile(wrong, JSON.stringify(refused));
  await suite.page.setInputFiles('#policy-import', wrong);
  settled = await waitForPolicySettled(suite.page);
  assert.equal(settled.status, 'invalid');
  assert.match(settled.problem, /wrong\.json/);
  assert.ok(settled.problem.includes(expected), settled.problem);

  assert.deepEqual(await readTierSummary(suite.page), tiersBefore);
  assert.equal(await suite.page.inputValue('#preset-select'), 'rfm_segments'); // the editor kept its policy
});

test('the explanation lists every dimension with its label and reason, and the tier', async () => {
  await loadSample();
  await choosePreset(suite.page, 'u8_seven_dimensions');
  const { summary } = referenceFor('u8_seven_dimensions');

  await waitForCustomerTable(suite.page);
  const row = suite.page.locator('#customer-table tbody tr').first();
  const index = Number(await row.getAttribute('data-key'));
  await row.click();
  await suite.page.waitForSelector('[data-testid="explanation-dimensions"]');
  const expected = engine.explain(index);

  const shown = await suite.page.$$eval('[data-testid="explanation-dimensions"] [data-dimension]', (items) => items.map((item) => ({
    id: item.dataset.dimension,
    name: item.querySelector('dt').textContent,
    label: item.querySelector('[data-testid="explanation-label"]').textContent,
    text: item.querySelector('[data-testid="explanation-reason"]')?.textContent ?? '',
  })));
  assert.equal(shown.length, summary.dimensions.length);
  assert.deepEqual(shown, expected.dimensions.map(({ id, name, label, text }) => ({ id, name, label, text: text ?? '' })));
  assert.ok(shown.every((dimension) => dimension.text.length > 0), 'a dimension has no reason');

  // The table row says the same as the explanation.
  for (const dimension of shown) {
    assert.equal(await row.locator(`[data-col="label-${dimension.id}"]`).textContent(), dimension.label, dimension.id);
  }
  assert.equal(await suite.page.getAttribute('[data-testid="explanation-tier"]', 'data-tier'), expected.tier.name);
  assert.equal(await row.locator('[data-col="tier"]').textContent(), expected.tier.name);
  assert.ok((await suite.page.textContent('[data-testid="explanation-tier"]')).includes(expected.tier.rule));
  if (expected.tier.text) assert.equal(await suite.page.textContent('[data-testid="explanation-tier-reason"]'), expected.tier.text);
  const strategy = await suite.page.$$eval('[data-testid="explanation-tier"] [data-strategy]', (items) =>
    Object.fromEntries(items.map((item) => [item.dataset.strategy, item.querySelector('dd').textContent])));
  assert.deepEqual(strategy, Object.fromEntries(Object.entries(expected.tier.strategy).filter(([, value]) => value)));
  if (expected.customer_name) assert.equal(await suite.page.textContent('[data-testid="explanation-name"]'), expected.customer_name);

  await suite.page.screenshot({ path: path.join(artifacts, 'e2e-policy-explanation.png'), fullPage: true });
});

test('a dimension of every type can be added as offered, and every control has a label', async () => {
  await loadSample();
  for (const type of DIMENSION_TYPES) {
    await suite.page.selectOption('[data-testid="new-dimension-type"]', type);
    await suite.page.click('[data-testid="add-dimension"]');
    await assertApplied(`adding a ${type} dimension`);
  }
  const dimensions = await readDimensionLabels(suite.page);
  const customers = Number((await readFacts(suite.page)).customers);
  for (const type of DIMENSION_TYPES) {
    const id = type === 'clv' ? 'clv_class' : type; // clv is a metric's name, which an id may not be
    const added = dimensions.find((dimension) => dimension.id === id || dimension.id === `${id}_2`);
    assert.ok(added, `no ${type} dimension in the results`);
    assert.equal(sum(added.labels.map((label) => label.customers)), customers, `${added.id}: labels do not add up`);
  }

  // Unfold everything, then look for a control nobody could name.
  await suite.page.$$eval('#policy-editor details', (all) => all.forEach((details) => { details.open = true; }));
  const unlabelled = await suite.page.$$eval('#policy-editor input, #policy-editor select, #policy-editor textarea, #policy-editor button',
    (controls) => controls
      .filter((control) => !(control.labels?.length || control.getAttribute('aria-label') || control.getAttribute('aria-labelledby')
        || (control.tagName === 'BUTTON' && control.textContent.trim())))
      .map((control) => control.outerHTML.slice(0, 120)));
  assert.deepEqual(unlabelled, []);
  await suite.page.screenshot({ path: path.join(artifacts, 'e2e-policy-editor.png'), fullPage: true });
});

test('typing pauses before re-running, and tiers can be reordered from the keyboard', async () => {
  await loadSample();
  const editsBefore = Number(await suite.page.getAttribute('#policy-editor', 'data-edits'));
  await suite.page.click('#policy-name');
  await suite.page.keyboard.press('End');
  await suite.page.keyboard.type(' edited', { delay: 25 });
  await assertApplied('renamed by typing');
  assert.equal(Number(await suite.page.getAttribute('#policy-editor', 'data-edits')), editsBefore + 1, 'each keystroke re-ran the policy');
  assert.equal((await readFacts(suite.page)).policy, `${referenceFor('rfm_segments').policy.name} edited`);

  const before = (await readTierSummary(suite.page)).map((tier) => tier.name);
  await suite.page.focus('[data-testid="tier-list"] > li[data-index="0"] [data-action="down"]');
  await suite.page.keyboard.press('Enter');
  // Focus follows the tier that moved, so pressing again would move it further.
  assert.equal(await suite.page.evaluate(() => document.activeElement.closest('li')?.dataset.index), '1');
  await assertApplied('tiers reordered');
  const after = (await readTierSummary(suite.page)).map((tier) => tier.name);
  assert.deepEqual(after, [before[1], before[0], ...before.slice(2)]);
});

// Last, over everything the tests above made the browser do.
test('every request of the policy tests stays on the page\'s own origin', () => {
  assertStayedOnOrigin(suite);
});
