// The native CLI, the reference the page is compared with: same core, same bytes.

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The CLI's path: $TIERLENS_CLI, else wherever the native build put it; null if none. */
export function findCli(repoRoot) {
  if (process.env.TIERLENS_CLI) return process.env.TIERLENS_CLI;
  const candidates = ['build/native/cli/tierlens', 'build/native/tierlens'].map((p) => path.join(repoRoot, p));
  return candidates.find((candidate) => existsSync(candidate)) ?? null;
}

/**
 * Runs `tierlens classify FILE --out DIR [extraArgs]` and reads what it wrote.
 * @returns {Promise<{summary: object, customersCsv: Buffer, skippedCsv: Buffer}>}
 */
export async function classifyWithCli(cli, file, extraArgs = []) {
  const out = await mkdtemp(path.join(tmpdir(), 'tierlens-e2e-cli-'));
  try {
    await run(cli, ['classify', file, '--out', out, ...extraArgs], { maxBuffer: 16 * 1024 * 1024 });
    const [summary, customersCsv, skippedCsv] = await Promise.all([
      readFile(path.join(out, 'summary.json'), 'utf8').then(JSON.parse),
      readFile(path.join(out, 'customers.csv')),
      readFile(path.join(out, 'skipped.csv')),
    ]);
    return { summary, customersCsv, skippedCsv };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}
