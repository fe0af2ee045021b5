// What the tests do to the page and read from it, through the page's stable hooks: ids,
// data-testid, data-segment/data-col/data-value/data-tier/data-dimension/data-role,
// body[data-state], the policy editor's data-status and the mapping step's data-ready.

import { readFile } from 'node:fs/promises';

const SETTLED = ['done', 'error', 'cancelled'];
/** Editor states in which an edit is still on its way to the results. */
const POLICY_BUSY = ['pending', 'checking', 'applying'];

/**
 * Opens the page fresh and waits until it is ready for input, its policy editor included. What
 * an earlier test left saved in the browser is deleted first: the page would restore it.
 */
export async function openPage(page, url) {
  await clearSavedWork(page, url);
  await page.goto(url);
  await waitForState(page, ['idle']);
  await page.waitForFunction(() => {
    const editor = document.getElementById('policy-editor');
    return !editor.hidden && editor.dataset.status === 'ready';
  }, null, { timeout: 60_000, polling: 20 });
}

/**
 * Deletes what the page at `url` saved in this browser (its IndexedDB: the policy, columns and
 * last input), through Chromium's DevTools protocol. The page on screen is left first, so that
 * none of its writes still on their way lands after the deletion.
 */
export async function clearSavedWork(page, url) {
  await page.goto('about:blank');
  // Every file:// page shares one origin in Chromium; Node's URL calls it "null".
  const origin = url.startsWith('file:') ? 'file://' : new URL(url).origin;
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('Storage.clearDataForOrigin', { origin, storageTypes: 'indexeddb' });
  } finally {
    await session.detach();
  }
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

/** Where a chosen file comes to rest for a while: the mapping step, or its classification. */
const FILE_TAKEN = ['mapping', 'working', 'done', 'error', 'cancelled'];

/**
 * Gives the page files at once through #file-input (an orders file and a customers table, say),
 * and confirms the mapping step's proposal when the step asks which file and column is which
 * (see confirmMapping). The classification is then under way or over, unless the step could
 * not be confirmed (body[data-state] stays `mapping`).
 * @param {string[]} files paths
 * @returns {Promise<{shown: boolean, confirmed: boolean}>} whether the step was shown, and
 *   whether Classify could be pressed
 */
export async function chooseFiles(page, files) {
  await page.setInputFiles('#file-input', files);
  return confirmMapping(page);
}

/** chooseFiles with one file. */
export function chooseFile(page, file) {
  return chooseFiles(page, [file]);
}

/**
 * After a file was given to the page (by any means): when the mapping step shows, presses
 * Classify if it is enabled, and waits until the classification has started.
 * @returns {Promise<{shown: boolean, confirmed: boolean}>}
 */
export async function confirmMapping(page) {
  // The page says `inspecting` as soon as it takes a file, so an older state cannot answer.
  await waitForState(page, FILE_TAKEN);
  if ((await page.evaluate(() => document.body.dataset.state)) !== 'mapping') return { shown: false, confirmed: false };
  await waitForMapping(page);
  if (await page.isDisabled('#mapping-classify')) return { shown: true, confirmed: false };
  await page.click('#mapping-classify');
  await page.waitForFunction(() => document.body.dataset.state !== 'mapping', null, { timeout: 60_000, polling: 20 });
  return { shown: true, confirmed: true };
}

/** Waits until the mapping step is shown and not reading the file again. */
export async function waitForMapping(page, timeout = 60_000) {
  await page.waitForFunction(() => {
    const step = document.getElementById('mapping');
    return document.body.dataset.state === 'mapping' && !step.hidden && step.getAttribute('aria-busy') !== 'true';
  }, null, { timeout, polling: 20 });
}

/**
 * The mapping step as it stands, file by file: the file's name and the table it is read as,
 * the engine's problem with it (its message, as given), the page's own check, the column chosen
 * per role and per attribute field, and the preview's header with the roles marked on each
 * column. At the top: the first file's, and over all files the check lines and whether
 * Classify is enabled; `policyProblem` is why the policy refused the choice, if it did.
 * @returns {Promise<{problem: string, check: string[], canClassify: boolean, roles: object,
 *   attributes: object, header: Array<{column: string, roles: string[]}>, rows: number,
 *   policyProblem: string, files: Array<{name: string, table: string, problem: string,
 *   check: string[], roles: object, attributes: object, header: object[], rows: number}>}>}
 */
export function readMapping(page) {
  return page.evaluate(() => {
    const text = (box) => (box && !box.hidden ? box.querySelector('[data-testid="mapping-problem-text"]').textContent : '');
    const checkLines = (root) => [...root.querySelectorAll('[data-testid="mapping-check"] li')].map((item) => item.textContent);
    const files = [...document.querySelectorAll('#mapping [data-testid="mapping-file"]')].map((section) => {
      const chosen = (selector, key) => Object.fromEntries([...section.querySelectorAll(selector)]
        .map((select) => [select.dataset[key], select.value]));
      return {
        name: section.dataset.fileName,
        table: section.dataset.table,
        problem: text(section.querySelector('[data-testid="mapping-problem"]')),
        check: checkLines(section),
        roles: chosen('select[data-role]', 'role'),
        attributes: chosen('select[data-field]', 'field'),
        header: [...section.querySelectorAll('[data-testid="mapping-preview"] thead th')].map((th) => ({
          column: th.dataset.column,
          roles: th.dataset.roles ? th.dataset.roles.split(' ') : [],
        })),
        rows: section.querySelectorAll('[data-testid="mapping-preview"] tbody tr').length,
      };
    });
    const first = files[0] ?? { problem: '', roles: {}, attributes: {}, header: [], rows: 0 };
    return {
      problem: first.problem,
      roles: first.roles,
      attributes: first.attributes,
      header: first.header,
      rows: first.rows,
      check: checkLines(document.getElementById('mapping')),
      canClassify: !document.getElementById('mapping-classify').disabled,
      policyProblem: text(document.getElementById('mapping-policy-problem')),
      files,
    };
  });
}

/** The step's section of file `fileName` (a name, not a path), or its first. */
export function fileSection(page, fileName) {
  const sections = '#mapping [data-testid="mapping-file"]';
  return fileName ? page.locator(`${sections}[data-file-name="${fileName}"]`) : page.locator(sections).first();
}

/**
 * Chooses a column for each role given (`{customer_id: '卡号', …}`; '' for none), in the
 * section of file `fileName` (default: the first).
 */
export async function chooseColumns(page, roles, fileName) {
  const section = fileSection(page, fileName);
  for (const [role, column] of Object.entries(roles)) await section.locator(`select[data-role="${role}"]`).selectOption(column);
}

/** Says the customers table read alone has no id column: each row is one customer. */
export async function chooseNoIdColumn(page, fileName) {
  const select = fileSection(page, fileName).locator('select[data-role="customer_id"]');
  const value = await select.locator('option[data-no-id-column]').getAttribute('value');
  await select.selectOption(value);
}

/** Reads file `fileName` as `table` (orders | customers), and waits until it is read again. */
export async function chooseTable(page, fileName, table) {
  await fileSection(page, fileName).locator(`[data-testid="table-${table}"]`).check();
  await waitForMapping(page);
}

/** Opens the mapping step for the file on screen ("Change columns"). */
export async function changeColumns(page) {
  await page.click('#change-columns');
  await waitForMapping(page);
}

/**
 * Changes one of the step's reading controls (by its data-testid: encoding-select,
 * date-order-select, header-row-input, sheet-select) for file `fileName` (default: the first),
 * and waits until the files are read again.
 */
export async function changeReading(page, control, value, fileName) {
  const input = fileSection(page, fileName).locator(`[data-testid="${control}"]`);
  if ((await input.getAttribute('type')) === 'number') {
    await input.fill(value);
    await input.dispatchEvent('change');
  } else {
    await input.selectOption(value);
  }
  await waitForMapping(page);
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

/**
 * Waits until the customer table shows what was last asked of it: its rows in view fetched
 * and drawn, no search typed and not yet applied (the table is `aria-busy` meanwhile).
 */
export async function waitForCustomerTable(page, timeout = 60_000) {
  await page.waitForSelector('[data-testid="customer-table-table"]:not([aria-busy])', { timeout });
}

/** One column of the customer table's rows in view, as text, once they are drawn. */
export async function readCustomerColumn(page, col) {
  await waitForCustomerTable(page);
  return page.$$eval(`#customer-table tbody [data-col="${col}"]`, (cells) => cells.map((cell) => cell.textContent));
}

/**
 * The customer table's rows in view, once drawn: `[{row, key, id}]`, `row` the 0-based place in
 * the whole (sorted, filtered) table from aria-rowindex, `key` the engine index.
 */
export async function readCustomerRows(page) {
  await waitForCustomerTable(page);
  return page.$$eval('#customer-table tbody tr[data-key]', (rows) => rows.map((tr) => ({
    row: Number(tr.getAttribute('aria-rowindex')) - 2,
    key: Number(tr.dataset.key),
    id: tr.querySelector('[data-col="customer_id"]').textContent,
  })));
}

/** Scrolls the customer table so that row `row` (0-based) is at the top, and waits for it. */
export async function scrollCustomerTableTo(page, row) {
  await page.$eval('[data-testid="customer-table-scroll"]', (scroller, wanted) => {
    const first = scroller.querySelector('tbody tr[aria-rowindex]');
    const rowHeight = first ? first.getBoundingClientRect().height : 32;
    scroller.scrollTop = wanted * rowHeight;
  }, row);
  await page.waitForFunction((wanted) => Number(document.querySelector('#customer-table tbody tr[aria-rowindex]')?.getAttribute('aria-rowindex')) === wanted + 2,
    row, { timeout: 30_000, polling: 20 });
  await waitForCustomerTable(page);
}

/** Clicks a download button and answers the file the browser saved: its name and bytes. */
export async function download(page, selector) {
  const [saved] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: saved.suggestedFilename(), bytes: await readFile(await saved.path()) };
}

/**
 * Presses the migration card's Compare with its choices as they are (by default: the same
 * orders as of 90 days earlier, by tier) and waits until the comparison is drawn.
 */
export async function compareRuns(page, timeout = 60_000) {
  await page.click('#migration-compare');
  await page.waitForFunction(() => {
    const result = document.querySelector('[data-testid="migration-result"]');
    return document.getElementById('migration').getAttribute('aria-busy') !== 'true' && !result.hidden
      && result.dataset.outdated === 'false';
  }, null, { timeout, polling: 50 });
}
