// Debian's Chromium, headless, with a fresh profile per run, and a record of every request
// the page and its worker make (the page must make none outside its own origin).

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.TIERLENS_CHROMIUM ?? '/usr/bin/chromium';

/**
 * @param {{locale?: string}} [options] `locale`: the browser's language (navigator.languages),
 *   which picks the page's: English unless a test asks for another
 * @returns {Promise<{context, page, requests: string[], errors: string[], close: () => Promise<void>}>}
 *   `requests` grows with every URL requested; `errors` with uncaught page errors.
 */
export async function launchBrowser({ locale = 'en-US' } = {}) {
  const profile = await mkdtemp(path.join(tmpdir(), 'tierlens-e2e-profile-'));
  // A persistent context is how Playwright takes a profile directory (it refuses
  // --user-data-dir among the args).
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    locale,
    viewport: { width: 1280, height: 900 },
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  const requests = [];
  const errors = [];
  // The context sees the workers' requests as well as the page's; the page listener is a
  // second witness for the page's own.
  context.on('request', (request) => requests.push(request.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(error.message));

  return {
    context,
    page,
    requests,
    errors,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
