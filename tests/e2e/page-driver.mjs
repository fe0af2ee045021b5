// What the tests do to the page and read from it, through the page's stable hooks: ids,
// data-testid, data-segment/data-col/data-value, and body[data-state].

import { readFile } from 'node:fs/promises';

const SETTLED = ['done', 'error', 'cancelled'];

/** Opens the page fresh and waits until it is ready for input. */
export async function openPage(page, url) {
  await page.goto(url);
  await waitForState(page, ['idle']);
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
