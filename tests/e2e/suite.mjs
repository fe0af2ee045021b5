// What every browser test file sets up the same way: the static server, headless Chromium with
// its record of requests and page errors, a scratch directory of the file's own, and the
// artifacts directory for screenshots; and the check, run last in each file, that everything
// the browser asked for stayed on the page's own origin.

import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';

import { startServer } from '../../scripts/serve.mjs';
import { repoRoot } from '../support/paths.mjs';
import { launchBrowser } from './browser.mjs';
import { download } from './page-driver.mjs';

/** Where the tests leave screenshots (made before the first test). */
export const artifacts = path.join(repoRoot, 'build', 'test-artifacts');

/**
 * Registers the file's before() and after() hooks with node:test.
 * @param {string} name  names the scratch directory: tierlens-e2e-<name>-XXXXXX under the OS temp dir
 * @param {{locale?: string}} [options]  the browser's language (default en-US: the page opens in
 *   English, which the tests' expected texts are in)
 * @returns {{page, server, scratch: string, requests: string[], errors: string[],
 *   exportPolicy: (name: string) => Promise<string>}}  getters, valid once before() has run
 */
export function browserSuite(name, { locale } = {}) {
  let server;
  let browser;
  let scratch;

  before(async () => {
    await mkdir(artifacts, { recursive: true });
    scratch = await mkdtemp(path.join(tmpdir(), `tierlens-e2e-${name}-`));
    server = await startServer({ port: 0 });
    browser = await launchBrowser({ locale });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  return {
    get page() { return browser.page; },
    get server() { return server; },
    get scratch() { return scratch; },
    /** Every URL the page and its workers requested so far. */
    get requests() { return browser.requests; },
    /** Every uncaught page error so far. */
    get errors() { return browser.errors; },

    /** The page's policy as exported, saved for the CLI: the run's policy, columns included. */
    async exportPolicy(fileName) {
      const file = path.join(scratch, fileName);
      await writeFile(file, (await download(browser.page, '#export-policy')).bytes);
      return file;
    },
  };
}

/**
 * Every request the suite's browser made went to the page's own origin, and the page threw
 * nothing. Meant for the last test of a file, over everything the tests above made it do.
 */
export function assertStayedOnOrigin(suite) {
  const origin = new URL(suite.server.url).origin;
  // blob: URLs (the downloads) carry the origin that made them; URL#origin reads it.
  assert.deepEqual(suite.requests.filter((url) => new URL(url).origin !== origin), []);
  assert.deepEqual(suite.errors, []);
}
