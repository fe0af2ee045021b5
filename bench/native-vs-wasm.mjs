// Times the whole classification of one orders file (read, parse, aggregate, score, segment,
// produce the three reports) natively (the CLI) and in WebAssembly under Node, interleaved in
// one run, and prints the medians and their ratio. Machines here are shared and noisy: read
// the ratio, not the absolute times. Usage: node bench/native-vs-wasm.mjs [FILE] [RUNS]
// Default file: ../shared/data/online-retail-uci/online_retail.csv.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

import { cliPath, sharedDataFile } from '../tests/support/paths.mjs';
import { classifyFile, loadEngineUnderNode } from '../tests/wasm/engine-under-node.mjs';

const file = process.argv[2] ?? sharedDataFile('online-retail-uci/online_retail.csv');
const runs = Number(process.argv[3] ?? 5);
if (!file) {
  console.error('no file given and ../shared/data/online-retail-uci/online_retail.csv not found');
  process.exit(1);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function timeNative() {
  const out = mkdtempSync(join(tmpdir(), 'tierlens-bench-'));
  const start = process.hrtime.bigint();
  execFileSync(cliPath, ['classify', file, '--out', out], { stdio: 'ignore' });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function timeWasm(engine) {
  const start = process.hrtime.bigint();
  classifyFile(engine, file);
  // The same three outputs the CLI writes.
  engine.customersCsv();
  engine.skippedCsv();
  engine.summaryJson();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const engine = await loadEngineUnderNode();
const native = [];
const wasm = [];
for (let i = 0; i < runs; i += 1) {
  native.push(timeNative());
  wasm.push(timeWasm(engine));
}
const megabytes = statSync(file).size / 1e6;
const row = (name, ms) => `${name.padEnd(26)} ${ms.toFixed(0).padStart(7)} ms  ${(megabytes / (ms / 1000)).toFixed(0).padStart(5)} MB/s`;
console.log(`${basename(file)}: ${megabytes.toFixed(1)} MB, median of ${runs} runs, interleaved`);
console.log(row('native CLI (incl. start)', median(native)));
console.log(row('wasm under Node', median(wasm)));
console.log(`wasm / native: ${(median(wasm) / median(native)).toFixed(2)}`);
