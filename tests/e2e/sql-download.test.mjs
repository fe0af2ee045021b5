// The page's "Download SQL", end to end in headless Chromium: for the run on screen (the
// sample, under the default policy) and the dialect chosen, the script is `tierlens sql --fit`
// on the same file, byte for byte. (tests/sql/page-sql.test.mjs holds the wasm call to the same
// bytes for every preset, CLV and clusters fitted on the run included.)
//
// Run: node --test --test-concurrency=1 tests/e2e/sql-download.test.mjs (needs web/dist/ built,
// the native CLI, and /usr/bin/chromium)

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';

import { runCli, writeSampleWithCli } from '../support/cli.mjs';
import { cliPath } from '../support/paths.mjs';
import { SAMPLE_FILE_NAME } from './engine-reference.mjs';
import { download, openPage, waitUntilSettled } from './page-driver.mjs';
import { assertStayedOnOrigin, browserSuite } from './suite.mjs';

const noCli = existsSync(cliPath) ? false : `no native CLI at ${cliPath} (bash scripts/build.sh native)`;
const SAMPLE_BASE = SAMPLE_FILE_NAME.replace(/\.csv$/, '');
const suite = browserSuite('sql-download');

test('the sample\'s SQL for each dialect, as the CLI prints it with --fit', { skip: noCli }, async () => {
  await openPage(suite.page, suite.server.url);
  await suite.page.click('#sample-button');
  let { state, error } = await waitUntilSettled(suite.page);
  assert.equal(state, 'done', error);
  const sample = writeSampleWithCli();
  for (const dialect of ['duckdb', 'postgres', 'spark']) {
    await suite.page.selectOption('#sql-dialect', dialect);
    const script = await download(suite.page, '#download-sql');
    assert.equal(script.name, `${SAMPLE_BASE}-policy.${dialect}.sql`);
    assert.equal(script.bytes.toString('utf8'), runCli(['sql', '--dialect', dialect, '--fit', sample]), dialect);
  }
  // The control has a visible label and a description.
  assert.equal(await suite.page.locator('label[for="sql-dialect"]').innerText(), 'SQL for');
  assert.equal(await suite.page.getAttribute('#download-sql', 'aria-describedby'), 'download-sql-help');
});

test('every request stayed on the page\'s origin, and the page threw nothing', () => {
  assertStayedOnOrigin(suite);
});
