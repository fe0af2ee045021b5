// The page's "Download SQL" (wasm policySql) is `tierlens sql --fit` on the file on screen: the
// same script, byte for byte, for every preset and dialect — the run on screen is the fit.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { runCli, writeSampleWithCli } from '../support/cli.mjs';
import { wasmPath } from '../support/paths.mjs';

const built = existsSync(wasmPath);

test('the page\'s SQL equals the CLI\'s for every preset and dialect', { skip: built ? false : 'the wasm module is not built (bash scripts/build.sh wasm)' }, async () => {
  const { classifyFile, loadEngineUnderNode } = await import('../wasm/engine-under-node.mjs');
  const engine = await loadEngineUnderNode();
  const sample = writeSampleWithCli();
  const dir = mkdtempSync(join(tmpdir(), 'tierlens-page-sql-'));
  const ids = runCli(['presets', '--out', dir]).trim().split('\n').map((line) => line.split(/\s+/)[0]);
  for (const id of ids) {
    classifyFile(engine, sample, { policy: JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8')) });
    for (const dialect of ['duckdb', 'postgres', 'spark']) {
      const page = engine.policySql(dialect);
      assert.match(page, /^-- TierLens /);
      assert.equal(page, runCli(['sql', '--dialect', dialect, '--preset', id, '--fit', sample]), `${id}, ${dialect}`);
    }
  }
  assert.throws(() => engine.policySql('oracle'), /unknown SQL dialect "oracle"/);
});
