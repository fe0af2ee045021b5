// Every view of the results page renders: the sample under the `clv_clusters` preset (so that
// the CLV and cluster cards have something to show), a comparison on screen and a customer's
// profile open; each view's screenshot is saved to build/test-artifacts/ and must not be blank
// (a share of its pixels differs from its background), in English and in 简体中文.
//
// Run: node --test tests/e2e/views.test.mjs   (needs web/dist/ built and /usr/bin/chromium)

import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';

import { choosePreset, compareRuns, openPage, waitForPolicySettled, waitUntilSettled } from './page-driver.mjs';
import { inkShare } from './png-pixels.mjs';
import { artifacts, assertStayedOnOrigin, browserSuite } from './suite.mjs';

const suite = browserSuite('views');

/** View → its element on the page. */
const VIEWS = {
  facts: '.facts-card',
  dashboard: '#dashboard-section',
  tiers: '#tiers-section',
  labels: '#dimensions-section',
  clv: '#clv-section',
  clusters: '#cluster-cards',
  segments: 'section[aria-labelledby="segments-heading"]',
  breakpoints: 'section[aria-labelledby="breakpoints-heading"]',
  customers: '#customer-table',
  profile: '#explanation',
  migration: '#migration-section',
  skipped: '#skipped-section',
  policy: '#policy-editor',
};

async function assertViewsDrawn(page, language) {
  for (const [view, selector] of Object.entries(VIEWS)) {
    const element = page.locator(selector).first();
    assert.ok(await element.isVisible(), `${view} (${selector}) is shown`);
    const png = await element.screenshot();
    await writeFile(path.join(artifacts, `view-${language}-${view}.png`), png);
    const ink = inkShare(png);
    assert.ok(ink > 0.01, `${view} in ${language}: its screenshot is blank (${(ink * 100).toFixed(2)} % drawn)`);
  }
}

test('every view of the result draws, in both languages', async () => {
  const { page } = suite;
  await openPage(page, suite.server.url);
  await page.click('#sample-button');
  await waitUntilSettled(page);
  await waitForPolicySettled(page);
  await choosePreset(page, 'clv_clusters');

  await compareRuns(page);
  await page.click('#customer-table tbody tr:first-child');
  await page.waitForSelector('#explanation [data-testid="profile-history-table"]', { state: 'attached', timeout: 30_000 });
  // Charts are drawn once they are in view and have a size: show each once.
  for (const selector of Object.values(VIEWS)) await page.locator(selector).first().scrollIntoViewIfNeeded();

  await assertViewsDrawn(page, 'en');
  await page.selectOption('[data-testid="language-select"]', 'zh-CN');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  await assertViewsDrawn(page, 'zh');
});

test('no request left the origin', () => assertStayedOnOrigin(suite));
