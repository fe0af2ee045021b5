// What the tests do to the page and read from it, through the page's stable hooks: ids,
// data-testid, data-segment/data-col/data-value/data-tier/data-dimension, body[data-state]
// and the policy editor's data-status.

import { readFile } from 'node:fs/promises';

const SETTLED = ['done', 'error', 'cancelled'];
/** Editor states in which an edit is still on its way to the results. */
const POLICY_BUSY = ['pending', 'checking', 'applying'];

/** Opens the page fresh and waits until it is ready for input, its policy editor included. */
export async function openPage(page, url) {
  await page.goto(url);
  await waitForState(page, ['idle']);
  await page.waitForFunction(() => {
    const editor = document.getElementById('policy-editor');
    return !editor.hidden && editor.dataset.status === 'ready';
  }, null, { timeout: 60_000, polling: 20 });
}

/**
 * Waits until the last policy edit has reached the page: checked, and the customers classified
 * again (or refused with a message), with no run in progress.
 * @returns {Promise<{status: string, problem: string, state: string}>}
 */
export async function waitForPolicySettled(page, timeout = 60_000) {
  await page.waitForFunction((busy) => {
    const status = document.getElementById('policy-editor').dataset.status;
    return !busy.includes(status) && !['working', 'updating'].includes(document.body.dataset.state);
  }, POLICY_BUSY, { timeout, polling: 20 });
  return page.evaluate(() => {
    const problem = document.getElementById('policy-problem');
    return {
      status: document.getElementById('policy-editor').dataset.status,
      problem: problem.hidden ? '' : problem.textContent.trim(),
      state: document.body.dataset.state,
    };
  });
}

/** Chooses a preset in the editor and waits until the page shows its result. */
export async function choosePreset(page, id) {
  await page.selectOption('#preset-select', id);
  return waitForPolicySettled(page);
}

/** The tier summary: `[{name, rule, customers, customer_share, revenue, revenue_share}]`. */
export function readTierSummary(page) {
  return page.$$eval('[data-testid="tier-summary"] [data-tier]', (cards) => cards.map((card) => {
    const value = (col) => Number(card.querySelector(`[data-col="${col}"]`).dataset.value);
    return {
      name: card.dataset.tier,
      rule: card.querySelector('[data-testid="tier-rule"]').lastChild.textContent,
      customers: value('customers'),
      customer_share: value('customer_share'),
      revenue: value('revenue'),
      revenue_share: value('revenue_share'),
    };
  }));
}

/** The labels of every dimension: `[{id, name, labels: [{label, customers, …}]}]`. */
export function readDimensionLabels(page) {
  return page.$$eval('#dimension-labels [data-dimension]', (blocks) => blocks.map((block) => ({
    id: block.dataset.dimension,
    name: block.querySelector('h3 span').textContent,
    labels: [...block.querySelectorAll('tbody tr[data-label]')].map((row) => {
      const value = (col) => Number(row.querySelector(`[data-col="${col}"]`).dataset.value);
      return {
        label: row.dataset.label,
        customers: value('customers'),
        customer_share: value('customer_share'),
        revenue: value('revenue'),
        revenue_share: value('revenue_share'),
      };
    }),
  })));
}

/** The `n`-th (0-based) dimension card of the editor, its settings unfolded. */
export async function openDimensionSettings(page, n) {
  const card = page.locator(`[data-testid="dimension-list"] > li[data-index="${n}"]`);
  const settings = card.locator('details.dimension-settings').first();
  if (!(await settings.evaluate((details) => details.open))) await settings.locator('summary').first().click();
  return card;
}

/** Waits until body[data-state] is one of `states`. */
export async function waitForState(page, states, timeout = 60_000) {
  await page.waitForFunction((wanted) => wanted.includes(document.body.dataset.state), states, { timeout, polling: 20 });
}

/**
 * Waits until the current run is over, and says how it ended.
 * @returns {Promise<{state: string, error: string}>} `error` is the message shown, if any
 */
export async function waitUntilSettled(page, timeout = 120_000) {
  await waitForState(page, SETTLED, timeout);
  return page.evaluate(() => ({
    state: document.body.dataset.state,
    error: document.getElementById('error').hidden ? '' : document.getElementById('error').textContent.trim(),
  }));
}

/** The segment table as numbers: `[{segment, customers, customer_share, revenue, revenue_share}]`. */
export function readSegmentTable(page) {
  return page.$$eval('#segment-table tbody tr[data-segment]', (rows) => rows.map((row) => {
    const value = (col) => Number(row.querySelector(`[data-col="${col}"]`).dataset.value);
    return {
      segment: row.dataset.segment,
      customers: value('customers'),
      customer_share: value('customer_share'),
      revenue: value('revenue'),
      revenue_share: value('revenue_share'),
    };
  }));
}

/** The facts line as `{"rows-total": "541909", …}` (the exact values, as strings). */
export function readFacts(page) {
  return page.$$eval('[data-testid^="fact-"]', (facts) =>
    Object.fromEntries(facts.map((fact) => [fact.dataset.testid.slice('fact-'.length), fact.dataset.value])));
}

/** One column of the customer table's current page, as text. */
export function readCustomerColumn(page, col) {
  return page.$$eval(`#customer-table tbody [data-col="${col}"]`, (cells) => cells.map((cell) => cell.textContent));
}

/** Clicks a download button and answers the file the browser saved: its name and bytes. */
export async function download(page, selector) {
  const [saved] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: saved.suggestedFilename(), bytes: await readFile(await saved.path()) };
}
