// Screenshots of the page's main views in English and 简体中文, for the README
// (docs/screenshots/). Run by hand after `bash scripts/build.sh`: `node scripts/screenshots.mjs`.
// It drives the page as the tests do: the built-in sample under the clv_clusters preset, so
// that every card has something to show. Chinese text needs a CJK font (setup.sh installs
// fonts-wqy-microhei).
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { launchBrowser } from '../tests/e2e/browser.mjs';
import {
  choosePreset, compareRuns, download, openPage, waitForPolicySettled, waitUntilSettled,
} from '../tests/e2e/page-driver.mjs';
import { repoRoot } from '../tests/support/paths.mjs';
import { startServer } from './serve.mjs';

const outDir = path.join(repoRoot, 'docs', 'screenshots');

/** Section selector → file name. */
const VIEWS = [
  ['#dashboard-section', 'dashboard'],
  ['#tiers-section', 'tiers'],
  ['section[aria-labelledby="segments-heading"]', 'segments'],
  ['#clv-section', 'clv'],
  ['#cluster-cards', 'clusters'],
  ['#customers-section', 'customers'],
  ['#policy-editor', 'policy-editor'],
  ['#migration-section', 'migration'],
];

async function shoot(server, locale, prefix) {
  const browser = await launchBrowser({ locale });
  try {
    const { page } = browser;
    await page.setViewportSize({ width: 1280, height: 900 });
    await openPage(page, server.url);
    await page.screenshot({ path: path.join(outDir, `${prefix}-start.png`) });
    await page.click('#sample-button');
    await waitUntilSettled(page);
    await waitForPolicySettled(page);
    await choosePreset(page, 'clv_clusters');
    await compareRuns(page); // the same orders as of 90 days earlier, by tier
    for (const [selector, name] of VIEWS) {
      const element = page.locator(selector).first();
      if (!(await element.isVisible())) continue;
      await element.screenshot({ path: path.join(outDir, `${prefix}-${name}.png`) });
    }
    // The HTML report, as it opens from a file.
    const report = path.join(outDir, `${prefix}-report.html`);
    await writeFile(report, (await download(page, '#download-report')).bytes);
    await page.goto(pathToFileURL(report).href);
    await page.screenshot({ path: path.join(outDir, `${prefix}-report.png`) });
    await rm(report);
  } finally {
    await browser.close();
  }
}

await mkdir(outDir, { recursive: true });
const server = await startServer({ port: 0 });
try {
  await shoot(server, 'en-US', 'en');
  await shoot(server, 'zh-CN', 'zh');
} finally {
  await server.close();
}
console.log(`wrote ${outDir}`);
