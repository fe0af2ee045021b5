// The page's accessibility in headless Chromium. axe-core (node_modules/axe-core, injected
// from disk: nothing is fetched) checks the WCAG 2 A and AA rules in every state the page
// reaches: the start, the mapping step, the results of the sample under the default preset
// and under `clv_clusters` (every card), a customer's profile, the policy editor unfolded, and
// the same in 简体中文. A violation of impact serious or critical fails; every violation found
// is printed with its nodes. The borders of text fields and selects must stand out 3:1 from
// what is behind them (WCAG 1.4.11, which axe leaves alone). Then the keyboard: Tab from the
// top reaches the skip link, the language switch, the file input and the sample button in
// that order, every stop with a visible focus indicator (a computed outline) in view; Enter
// runs the sample; a customer row is reached with Tab and opened with Space.
//
// Run: node --test --test-concurrency=1 tests/e2e/accessibility.test.mjs   (needs web/dist/ built)

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { fixturesDir, repoRoot } from '../support/paths.mjs';
import {
  choosePreset, openPage, waitForMapping, waitForPolicySettled, waitForState, waitUntilSettled,
} from './page-driver.mjs';
import { assertStayedOnOrigin, browserSuite } from './suite.mjs';

const AXE_SOURCE = readFileSync(path.join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
/** WCAG 2.0, 2.1 and 2.2, levels A and AA. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const FAILING_IMPACTS = ['serious', 'critical'];

const suite = browserSuite('accessibility');

/**
 * Runs axe-core over the page as it stands.
 * @returns {Promise<Array<{id, impact, help, nodes: Array<{target, summary}>}>>} every violation
 */
async function audit(page) {
  // As a script of the page would be, but not through a <script> tag: the page's CSP allows
  // no inline script, rightly. Evaluated from the test, it is not the page's.
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const { violations } = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return violations.map(({ id, impact, help, nodes }) => ({
      id, impact, help,
      nodes: nodes.map((node) => ({ target: node.target.join(' '), html: node.html.slice(0, 200), summary: node.failureSummary })),
    }));
  }, WCAG_TAGS);
}

/** Audits the page in state `name`: prints every violation, fails on serious or critical ones. */
async function assertAccessible(page, name) {
  const violations = await audit(page);
  for (const { id, impact, help, nodes } of violations) {
    console.log(`[${name}] ${impact} ${id}: ${help}`);
    for (const node of nodes) console.log(`    ${node.target}\n      ${node.html}\n      ${node.summary.replace(/\n/g, '\n      ')}`);
  }
  const failing = violations.filter(({ impact }) => FAILING_IMPACTS.includes(impact));
  assert.deepEqual(failing.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.target).join(', ')}`), [],
    `${name}: serious or critical accessibility violations (printed above)`);
  assert.deepEqual(await faintControls(page), [], `${name}: form controls whose border is below 3:1`);
}

/**
 * The boundary of every visible text field and select against what is behind it: WCAG 1.4.11
 * asks 3:1 of what identifies a control, and axe does not check it.
 * @returns {Promise<string[]>} the controls below 3:1, with their colours and ratio
 */
function faintControls(page) {
  return page.evaluate(() => {
    const rgb = (color) => color.match(/[\d.]+/g).map(Number);
    const luminance = ([r, g, b]) => {
      const linear = (v) => { const c = v / 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    };
    const behind = (node) => {
      for (let up = node.parentElement; up; up = up.parentElement) {
        const color = getComputedStyle(up).backgroundColor;
        if (rgb(color)[3] !== 0) return color;
      }
      return 'rgb(255, 255, 255)';
    };
    const controls = document.querySelectorAll(
      'input:not([type="checkbox"]):not([type="radio"]):not([type="file"]):not([type="hidden"]), select, textarea');
    return [...controls].filter((control) => control.getClientRects().length > 0).flatMap((control) => {
      const style = getComputedStyle(control);
      if (parseFloat(style.borderBottomWidth) === 0) return [`${control.id || control.outerHTML.slice(0, 80)}: no border`];
      const [a, b] = [luminance(rgb(style.borderBottomColor)), luminance(rgb(behind(control)))];
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      return ratio >= 3 ? [] : [`${control.id || control.outerHTML.slice(0, 80)}: ${style.borderBottomColor} on ${behind(control)}, ${ratio.toFixed(2)}:1`];
    });
  });
}

/** Every <details> of the policy editor unfolded, so that its forms are checked too. */
async function unfoldPolicyEditor(page) {
  await page.$$eval('#policy-editor details', (all) => { for (const details of all) details.open = true; });
}

test('the audit finds what it must: an unlabelled field, text too faint to read', async () => {
  await openPage(suite.page, suite.server.url);
  await suite.page.evaluate(() => {
    const probe = document.createElement('div');
    probe.id = 'audit-probe';
    probe.innerHTML = '<input type="text" id="probe-input"><p id="probe-text">faint</p>';
    // Through the CSSOM: the page's CSP refuses style attributes.
    Object.assign(probe.querySelector('p').style, { color: '#bbb', background: '#fff' });
    document.getElementById('main').prepend(probe);
  });
  const found = await audit(suite.page);
  const on = (id) => found.find((violation) => violation.id === id)?.nodes.map((node) => node.target) ?? [];
  assert.deepEqual(on('label'), ['#probe-input']);
  assert.deepEqual(on('color-contrast'), ['#probe-text']);
  await suite.page.evaluate(() => document.getElementById('audit-probe').remove());
});

test('the start page', async () => {
  await openPage(suite.page, suite.server.url);
  await assertAccessible(suite.page, 'start');
});

test('the mapping step', async () => {
  await openPage(suite.page, suite.server.url);
  await suite.page.setInputFiles('#file-input', path.join(fixturesDir, 'mapping', 'card_orders.csv'));
  await waitForMapping(suite.page);
  await assertAccessible(suite.page, 'mapping');
});

test('the results of the sample, a customer profile, and the policy editor unfolded', async () => {
  await openPage(suite.page, suite.server.url);
  await suite.page.click('#sample-button');
  assert.equal((await waitUntilSettled(suite.page)).state, 'done');
  await assertAccessible(suite.page, 'sample');

  await suite.page.click('#customer-table tbody tr:first-child');
  await suite.page.waitForSelector('[data-testid="profile-history"]');
  await unfoldPolicyEditor(suite.page);
  await assertAccessible(suite.page, 'sample, profile, editor');
});

test('the results under clv_clusters: every card', async () => {
  await openPage(suite.page, suite.server.url);
  await suite.page.click('#sample-button');
  assert.equal((await waitUntilSettled(suite.page)).state, 'done');
  assert.equal((await choosePreset(suite.page, 'clv_clusters')).status, 'applied');
  await suite.page.waitForSelector('#cluster-cards svg');
  await assertAccessible(suite.page, 'clv_clusters');
  await unfoldPolicyEditor(suite.page);
  await assertAccessible(suite.page, 'clv_clusters, editor');
});

test('in 简体中文: the start, the mapping step and the results', async () => {
  await openPage(suite.page, suite.server.url);
  await suite.page.selectOption('#language-select', 'zh-CN');
  await assertAccessible(suite.page, 'zh-CN start');
  await suite.page.setInputFiles('#file-input', path.join(fixturesDir, 'mapping', 'card_orders.csv'));
  await waitForMapping(suite.page);
  await assertAccessible(suite.page, 'zh-CN mapping');
  await suite.page.click('#mapping-cancel');
  await waitForState(suite.page, ['idle']);
  await suite.page.click('#sample-button');
  assert.equal((await waitUntilSettled(suite.page)).state, 'done');
  assert.equal((await choosePreset(suite.page, 'clv_clusters')).status, 'applied');
  await suite.page.click('#customer-table tbody tr:first-child');
  await suite.page.waitForSelector('[data-testid="profile-history"]');
  await unfoldPolicyEditor(suite.page);
  await assertAccessible(suite.page, 'zh-CN results');
  await suite.page.selectOption('#language-select', 'en');
});

/**
 * The focused element, and whether its focus can be seen: an outline of its own (or, for a
 * file input drawn invisible over its label, the label's :focus-within outline), at least 2px.
 */
function focusState(page) {
  return page.evaluate(() => {
    const focused = document.activeElement;
    if (!focused || focused === document.body) return { id: '', tag: 'body', visible: false, inView: false };
    const drawn = (node) => {
      const style = getComputedStyle(node);
      return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 && style.outlineColor !== 'rgba(0, 0, 0, 0)';
    };
    // An input drawn invisible over its label shows focus through the label.
    const shownBy = getComputedStyle(focused).opacity === '0' ? focused.closest('label') ?? focused : focused;
    const box = shownBy.getBoundingClientRect();
    return {
      id: focused.id || focused.dataset.testid || focused.className || focused.tagName,
      tag: focused.tagName.toLowerCase(),
      focusVisible: focused.matches(':focus-visible'),
      visible: drawn(shownBy),
      inCustomerTable: Boolean(focused.closest('#customer-table tbody')),
      inView: box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
    };
  });
}

/** Starts the keyboard from the top of the page, as a fresh visit does: the next Tab goes to
 *  the first focusable element. */
async function focusTop(page) {
  await page.evaluate(() => {
    const top = document.createElement('span');
    top.tabIndex = -1;
    document.body.prepend(top);
    top.focus();
    top.addEventListener('blur', () => top.remove(), { once: true });
  });
}

/** Presses Tab until `stop(focus)` or `limit` presses; every element reached must show focus. */
async function tabUntil(page, stop, limit = 400) {
  const reached = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focus = await focusState(page);
    reached.push(focus);
    const path = () => reached.map((f) => f.id).join(' → ');
    assert.ok(focus.visible, `no visible focus on ${focus.tag}#${focus.id} (after ${path()})`);
    assert.ok(focus.inView, `${focus.tag}#${focus.id} has focus out of view (after ${path()})`);
    if (stop(focus)) return reached;
  }
  assert.fail(`not reached in ${limit} presses of Tab: ${reached.map((f) => f.id).join(' → ')}`);
}

test('the keyboard: Tab order from the top, visible focus, the sample with Enter, a customer with Space', async () => {
  const { page } = suite;
  await openPage(page, suite.server.url);
  await focusTop(page);
  const start = await tabUntil(page, (focus) => focus.id === 'sample-button');
  assert.deepEqual(start.map((focus) => focus.id).filter((id) => ['skip-link', 'language-select', 'file-input', 'sample-button'].includes(id)),
    ['skip-link', 'language-select', 'file-input', 'sample-button']);
  assert.equal(start[0].id, 'skip-link', 'the skip link is not the first stop');

  await page.keyboard.press('Enter');
  assert.equal((await waitUntilSettled(page)).state, 'done');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'sample-button');
  const toRow = await tabUntil(page, (focus) => focus.inCustomerTable);
  assert.ok(toRow.length > 1);
  await page.keyboard.press('Space');
  await page.waitForSelector('[data-testid="profile-history"]');
  assert.ok(await page.isVisible('#explanation-body .explanation-title'));
});

test('the skip link moves focus to the main content', async () => {
  const { page } = suite;
  await openPage(page, suite.server.url);
  await focusTop(page);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'main');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'file-input');
});

test('no request left the origin', () => {
  assertStayedOnOrigin(suite);
});
