// Runs the native CLI, the reference the wasm build and the page are held to.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { cliPath } from './paths.mjs';

/**
 * `tierlens classify FILE --out DIR [...flags]`; FILE null for a run of `--customers` alone.
 * @returns {{dir: string, customersCsv: Buffer, customersXlsx: Buffer, summaryJson: string,
 *   skippedCsv: Buffer, policyJson: string, dashboardJson: string}}
 */
export function classifyWithCli(file, flags = []) {
  const dir = mkdtempSync(join(tmpdir(), 'tierlens-cli-'));
  execFileSync(cliPath, ['classify', ...(file ? [file] : []), '--out', dir, ...flags], { stdio: 'pipe' });
  return {
    dir,
    customersCsv: readFileSync(join(dir, 'customers.csv')),
    summaryJson: readFileSync(join(dir, 'summary.json'), 'utf8'),
    skippedCsv: readFileSync(join(dir, 'skipped.csv')),
    customersXlsx: readFileSync(join(dir, 'customers.xlsx')),
    policyJson: readFileSync(join(dir, 'policy.json'), 'utf8'),
    dashboardJson: readFileSync(join(dir, 'dashboard.json'), 'utf8'),
  };
}

/** `tierlens sample --out FILE`; answers the file's path. */
export function writeSampleWithCli() {
  const file = join(mkdtempSync(join(tmpdir(), 'tierlens-sample-')), 'tierlens-sample-orders.csv');
  execFileSync(cliPath, ['sample', '--out', file], { stdio: 'pipe' });
  return file;
}

/** `tierlens explain FILE --customer ID` (text form). */
export function explainWithCli(file, customerId) {
  return execFileSync(cliPath, ['explain', file, '--customer', customerId], { encoding: 'utf8' }).trimEnd();
}

/** Any `tierlens` command; answers its standard output. Throws when it exits non-zero. */
export function runCli(args) {
  return execFileSync(cliPath, args, { encoding: 'utf8', stdio: 'pipe' });
}
