// The migration card (客户迁移) in headless Chromium. The built-in sample compared with itself
// as of 90 days earlier: the downloaded migration.csv and migration.json must equal the CLI's
// `tierlens compare sample.csv --as-of A --as-of B` byte for byte, the matrix on screen the
// JSON's, the up and down lists its moves, and the Sankey diagram must have drawn a flow per
// non-empty cell. Then a customers.csv downloaded from the page, compared after the analysis
// date moved on, must again equal the CLI's comparison of the two dates; and an earlier orders
// file is compared too. In English and 简体中文, with no CSP violation (ECharts must not inject
// inline styles) and no request leaving the origin.
//
// Run: node --test --test-concurrency=1 tests/e2e/migration.test.mjs   (needs web/dist/ and the CLI built)

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { runCli, writeSampleWithCli } from '../support/cli.mjs';
import { download, openPage, readFacts, waitForPolicySettled, waitUntilSettled } from './page-driver.mjs';
import { artifacts, assertStayedOnOrigin, browserSuite } from './suite.mjs';

const suite = browserSuite('migration');

/** A day `days` after an ISO date. */
const shift = (iso, days) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** `tierlens compare …` into a fresh directory: the bytes of migration.json and migration.csv. */
function cliCompare(args) {
  const out = mkdtempSync(path.join(tmpdir(), 'tierlens-e2e-migration-'));
  runCli(['compare', ...args, '--out', out]);
  return { json: readFileSync(path.join(out, 'migration.json')), csv: readFileSync(path.join(out, 'migration.csv')) };
}

/** Presses Compare and waits until the card has answered (a result or a problem). */
async function compare(page) {
  await page.click('#migration-compare');
  await page.waitForFunction(() => {
    const card = document.getElementById('migration');
    const result = document.querySelector('[data-testid="migration-result"]');
    const sankey = document.querySelector('[data-testid="migration-sankey"]');
    const problem = document.querySelector('[data-testid="migration-problem"]');
    if (card.getAttribute('aria-busy') === 'true') return false;
    return !problem.hidden || (!result.hidden && result.dataset.outdated === 'false' && sankey.dataset.flows !== undefined);
  }, null, { timeout: 60_000, polling: 50 });
  const problem = await page.evaluate(() => {
    const box = document.querySelector('[data-testid="migration-problem"]');
    return box.hidden ? '' : box.textContent;
  });
  assert.equal(problem, '');
}

/** What the card shows: the matrix, the lists, the flows drawn, the summary sentence. */
function readMigration(page) {
  return page.evaluate(() => {
    const cells = [...document.querySelectorAll('[data-testid="migration-matrix"] td.migration-cell')];
    const size = Math.sqrt(cells.length);
    const matrix = Array.from({ length: size }, () => Array(size).fill(null));
    for (const cell of cells) matrix[Number(cell.dataset.row)][Number(cell.dataset.col)] = Number(cell.dataset.value);
    const list = (way) => {
      const section = document.querySelector(`[data-testid="migration-${way}"]`);
      return {
        total: Number(section.dataset.total),
        moves: [...section.querySelectorAll('li')].map((li) => ({ customer_id: li.dataset.customerId, before: li.dataset.before, after: li.dataset.after, move: way })),
      };
    };
    const sankey = document.querySelector('[data-testid="migration-sankey"]');
    return {
      matrix,
      diagonal: [...document.querySelectorAll('td.migration-cell.diagonal')].map((cell) => [Number(cell.dataset.row), Number(cell.dataset.col)]),
      up: list('up'),
      down: list('down'),
      flows: Number(sankey.dataset.flows),
      paths: sankey.querySelectorAll('svg path').length,
      summary: document.querySelector('[data-testid="migration-summary"]').textContent,
      heading: document.getElementById('migration-heading').textContent,
      outdated: document.querySelector('[data-testid="migration-result"]').dataset.outdated,
    };
  });
}

/** The card's downloads equal the CLI's bytes, and what it shows equals the JSON. */
async function assertShowsAndSaves(page, cli) {
  const csv = await download(page, '[data-testid="migration-download-csv"]');
  const json = await download(page, '[data-testid="migration-download-json"]');
  assert.match(csv.name, /-migration\.csv$/);
  assert.match(json.name, /-migration\.json$/);
  assert.ok(csv.bytes.equals(cli.csv), 'migration.csv differs from the CLI’s');
  assert.ok(json.bytes.equals(cli.json), 'migration.json differs from the CLI’s');

  const expected = JSON.parse(cli.json.toString('utf8'));
  const shown = await readMigration(page);
  assert.deepEqual(shown.matrix, expected.matrix);
  assert.deepEqual(shown.diagonal, expected.labels.map((_, i) => [i, i]));
  for (const way of ['up', 'down']) {
    const moves = expected.moves.filter((move) => move.move === way);
    assert.equal(shown[way].total, expected.counts[way]);
    assert.deepEqual(shown[way].moves, moves.slice(0, 100));
  }
  const flows = expected.matrix.flat().filter((n) => n > 0).length;
  assert.equal(shown.flows, flows);
  assert.ok(shown.paths >= flows, `${shown.paths} paths drawn for ${flows} flows`);
  return { expected, shown };
}

test('the sample as of two dates: matrix, Sankey, movers and downloads equal the CLI’s', async () => {
  const { page } = suite;
  // Every CSP violation (an inline style injected by a chart, say) is recorded.
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
    });
  });
  await openPage(page, suite.server.url);
  await page.click('#sample-button');
  const { state, error } = await waitUntilSettled(page);
  assert.equal(state, 'done', error);

  const later = (await readFacts(page))['analysis-date'];
  const earlier = await page.inputValue('#migration-as-of');
  assert.equal(earlier, shift(later, -90), 'the earlier date is 90 days before the analysis date');
  assert.equal(await page.inputValue('#migration-field'), 'tier');
  assert.ok(await page.isChecked('[data-testid="migration-source-as_of"]'));

  await compare(page);
  const sample = writeSampleWithCli();
  const policy = path.join(suite.scratch, 'policy.json');
  writeFileSync(policy, (await download(page, '#download-policy')).bytes);
  const cli = cliCompare([sample, '--as-of', earlier, '--as-of', later, '--policy', policy, '--field', 'tier']);
  const { expected, shown } = await assertShowsAndSaves(page, cli);
  assert.ok(expected.counts.up > 0 && expected.counts.down > 0, JSON.stringify(expected.counts));
  const { same, up, down } = expected.counts;
  assert.ok(shown.summary.includes(`${same} kept their label, ${up} moved up, ${down} moved down`), shown.summary);
  assert.equal(shown.outdated, 'false');

  // Another field: the RFM segment, whose labels read in the page's language.
  await page.selectOption('#migration-field', 'segment');
  await compare(page);
  const segments = await assertShowsAndSaves(page, cliCompare([sample, '--as-of', earlier, '--as-of', later, '--policy', policy, '--field', 'segment']));

  // A customer who moved up opens their profile.
  const first = (await readMigration(page)).up.moves[0];
  await page.click(`[data-testid="migration-up"] li[data-customer-id="${first.customer_id}"] button`);
  await page.waitForFunction((id) => document.querySelector('#explanation-body .explanation-title')?.textContent.startsWith(`${id} — `),
    first.customer_id, { timeout: 30_000, polling: 50 });

  await page.locator('#migration-section').screenshot({ path: path.join(artifacts, 'e2e-migration-en.png') });

  // 简体中文: every text of the card changes, the numbers stay.
  await page.selectOption('#language-select', 'zh-CN');
  await page.waitForFunction(() => document.getElementById('migration-heading').textContent === '客户迁移');
  const zh = await readMigration(page);
  assert.deepEqual(zh.matrix, segments.shown.matrix);
  const counts = segments.expected.counts;
  assert.ok(zh.summary.includes(`${counts.same} 位保持不变，${counts.up} 位升级，${counts.down} 位降级`), zh.summary);
  assert.equal(await page.textContent('#migration-compare'), '对比');
  assert.equal(await page.textContent('[data-testid="migration-matrix"] tbody tr:last-child th'), '新增');
  assert.ok(await page.locator('[data-testid="migration-sankey"] svg text', { hasText: '冠军客户' }).count() > 0, 'the segment names read in Chinese');
  await page.locator('#migration-section').screenshot({ path: path.join(artifacts, 'e2e-migration-zh.png') });
  await page.selectOption('#language-select', 'en');
  await page.waitForFunction(() => document.getElementById('migration-heading').textContent === 'Customer migration (客户迁移)');
});

test('a customers.csv saved from the page, compared after the analysis date moved on, equals the CLI’s comparison', async () => {
  const { page } = suite;
  await page.selectOption('#migration-field', 'tier');
  const later = (await readFacts(page))['analysis-date'];
  const earlier = shift(later, -60);

  // The customers as of the earlier date, saved as the page downloads them.
  await page.fill('#analysis-date', earlier);
  let settled = await waitForPolicySettled(page);
  assert.equal(settled.state, 'done', settled.problem);
  assert.equal((await readFacts(page))['analysis-date'], earlier);
  // The comparison on screen was made for the result before the edit.
  assert.equal((await readMigration(page)).outdated, 'true');
  assert.ok(await page.isVisible('[data-testid="migration-outdated"]'));
  const saved = path.join(suite.scratch, 'customers-before.csv');
  writeFileSync(saved, (await download(page, '#download-customers')).bytes);

  // Back to the day after the latest order, and compared with the saved file.
  await page.fill('#analysis-date', '');
  settled = await waitForPolicySettled(page);
  assert.equal(settled.state, 'done', settled.problem);
  assert.equal((await readFacts(page))['analysis-date'], later);
  await page.setInputFiles('#migration-saved-file', saved);
  assert.ok(await page.isChecked('[data-testid="migration-source-saved"]'), 'choosing the file chooses its source');
  await compare(page);
  const sample = writeSampleWithCli();
  const policy = path.join(suite.scratch, 'policy-after.json');
  writeFileSync(policy, (await download(page, '#download-policy')).bytes);
  const cli = cliCompare([sample, '--as-of', earlier, '--as-of', later, '--policy', policy, '--field', 'tier']);
  const { expected } = await assertShowsAndSaves(page, cli);
  assert.ok(expected.counts.up > 0 && expected.counts.down > 0 && expected.counts.new > 0, JSON.stringify(expected.counts));

  // An earlier orders file: the same sample under the same policy, so nobody moved.
  await page.setInputFiles('#migration-orders-file', sample);
  await compare(page);
  const same = await assertShowsAndSaves(page, cliCompare([sample, sample, '--policy', policy, '--field', 'tier']));
  assert.deepEqual(same.expected.counts, { same: same.expected.matrix.flat().reduce((a, b) => a + b, 0), up: 0, down: 0, new: 0, gone: 0 });

  // A date not before the analysis date is refused on the page, with the reason.
  await page.check('[data-testid="migration-source-as_of"]');
  await page.fill('#migration-as-of', later);
  await page.click('#migration-compare');
  assert.match(await page.textContent('[data-testid="migration-problem-text"]'), /before the analysis date on screen/);
});

test('no CSP violation, and every request stayed on the page’s own origin', async () => {
  const { page } = suite;
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  // The listener does hear a violation: an inline style attribute, which the CSP refuses.
  await page.evaluate(() => document.getElementById('migration').setAttribute('style', 'color: red'));
  await page.waitForFunction(() => window.cspViolations.length > 0, null, { timeout: 5_000 });
  assert.match((await page.evaluate(() => window.cspViolations))[0], /^style-src/);
  await page.evaluate(() => document.getElementById('migration').removeAttribute('style'));
  assertStayedOnOrigin(suite);
});
