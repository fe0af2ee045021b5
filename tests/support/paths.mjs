// Where the tests find things: the repository, the fixtures, the native CLI, the built wasm
// module, and the shared real datasets (../shared/data unless TIERLENS_SHARED_DATA is set).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixturesDir = join(repoRoot, 'tests', 'fixtures');
export const cliPath = process.env.TIERLENS_CLI ?? join(repoRoot, 'build', 'native', 'cli', 'tierlens');
export const wasmPath = join(repoRoot, 'web', 'dist', 'tierlens.wasm');
export const sharedDataDir = process.env.TIERLENS_SHARED_DATA ?? resolve(repoRoot, '..', 'shared', 'data');

/** The path of a shared dataset file, or null when the shared data is not on this machine. */
export function sharedDataFile(relative) {
  const path = join(sharedDataDir, relative);
  return existsSync(path) ? path : null;
}
