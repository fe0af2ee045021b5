// Where the time of one classification goes in WebAssembly, phase by phase, through the same
// engine calls the page's worker makes: reading the file in 4 MiB chunks, feeding them
// (decoding, splitting, parsing, hashing ids, aggregating), finishing (scoring, segments,
// tiers, the summary), the dashboard's figures and the first page of the customer table.
// Under Node, whose V8 runs the page's wasm too; the page's own drawing is what the page
// time in run.mjs adds to these. Usage: node bench/phases.mjs [--rows N | --file FILE] [--runs K]
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';

import { loadEngineUnderNode } from '../tests/wasm/engine-under-node.mjs';
import { generateOrders } from './generate-orders.mjs';

const CHUNK_BYTES = 4 * 1024 * 1024;
/** As web/worker.js: larger orders files keep no order log. */
const ORDER_LOG_MAX_BYTES = 256 * 1024 * 1024;

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '1000000' }, file: { type: 'string' }, runs: { type: 'string', default: '3' } },
});
const file = values.file ?? (await generateOrders({ rows: Number(values.rows) })).file;
const runs = Number(values.runs);
const bytes = statSync(file).size;

function timeOnce(engine) {
  const phases = { read: 0, feed: 0, finish: 0, dashboard: 0, firstPage: 0 };
  const clock = (phase, work) => {
    const started = performance.now();
    const answer = work();
    phases[phase] += performance.now() - started;
    return answer;
  };
  const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  const fd = openSync(file, 'r');
  engine.begin(basename(file), null, { keepOrderLog: bytes <= ORDER_LOG_MAX_BYTES, fileBytes: bytes });
  for (;;) {
    const length = clock('read', () => readSync(fd, chunk, 0, CHUNK_BYTES, null));
    if (length === 0) break;
    clock('feed', () => engine.feed(chunk.subarray(0, length)));
  }
  closeSync(fd);
  clock('finish', () => engine.finish());
  clock('dashboard', () => engine.dashboardJson());
  clock('firstPage', () => engine.customers(0, 100));
  return phases;
}

const engine = await loadEngineUnderNode();
const all = Array.from({ length: runs }, () => timeOnce(engine));
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
console.log(`${file}: ${(bytes / 1e6).toFixed(1)} MB, ${runs} run(s), wasm under Node ${process.version}, median ms`);
let total = 0;
for (const phase of Object.keys(all[0])) {
  const ms = median(all.map((run) => run[phase]));
  total += ms;
  console.log(`${phase.padEnd(10)} ${ms.toFixed(0).padStart(7)}`);
}
// The first run pays for growing the engine's memory; the others reuse it.
console.log(`runs, total ms: ${all.map((run) => Object.values(run).reduce((a, b) => a + b, 0).toFixed(0)).join(', ')}`);
console.log(`${'total'.padEnd(10)} ${total.toFixed(0).padStart(7)}  (${(bytes / 1e3 / total).toFixed(0)} MB/s)`);
