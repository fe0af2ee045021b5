// The performance issue's benchmark, in one go on one generated orders file:
//   - TierLens in the page (scripts/serve.mjs, headless Chromium, the file given to #file-input,
//     the mapping step confirmed from inside the page as it shows), timed from the file being
//     chosen to body[data-state="done"];
//   - DuckDB-wasm in the same browser, running the SQL `tierlens sql --dialect duckdb` prints
//     for the same policy (start-up timed apart);
//   - the native CLI (build/native/cli/tierlens classify);
//   - the floor: the File streamed in a tab, every byte touched;
// with the peak resident memory of each page's renderer process (VmHWM), a check that the
// three agree customer by customer (r, f, m scores and segment), and a table of medians.
//
//   node bench/run.mjs [--rows 1000000] [--runs 3] [--file FILE]
//   node bench/run.mjs --smoke          # 100 k rows, one run: that the harness still works
//   node bench/run.mjs --page-only      # the page alone: quick before/after checks
//
// Needs `npm run build` first. Exits non-zero if a run fails or the results differ.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../tests/e2e/browser.mjs';
import { download, openPage, waitUntilSettled } from '../tests/e2e/page-driver.mjs';
import { startServer } from '../scripts/serve.mjs';
import { startBenchServer } from './bench-server.mjs';
import { defaultPath, generateOrders } from './generate-orders.mjs';
import { rendererPids, residentMemory } from './renderer-memory.mjs';

const repoRoot = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const CLI = path.join(repoRoot, 'build/native/cli/tierlens');
const TIME = '/usr/bin/time';
const MiB = 1024 * 1024;
const duckdbPackage = JSON.parse(readFileSync(path.join(repoRoot, 'node_modules/@duckdb/duckdb-wasm/package.json'), 'utf8')).version;

function parseArgs(argv) {
  const options = { rows: 1_000_000, runs: 3, file: undefined, smoke: false, pageOnly: false };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    if (flag === '--smoke') Object.assign(options, { smoke: true, rows: 100_000, runs: 1 });
    else if (flag === '--rows') options.rows = Number(argv[(i += 1)]);
    else if (flag === '--runs') options.runs = Number(argv[(i += 1)]);
    else if (flag === '--file') options.file = argv[(i += 1)];
    else if (flag === '--page-only') options.pageOnly = true;
    else throw new Error(`unknown option ${flag} (see the head of bench/run.mjs)`);
  }
  if (!(options.runs >= 1)) throw new Error('--runs must be ≥ 1');
  return options;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** A small RFC 4180 reader: customers.csv quotes fields with commas or quotes in them. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 1; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** customers.csv → Map(customer id → "r f m segment"), what the three engines must agree on. */
function scoresFromCsv(text) {
  const [header, ...rows] = parseCsv(text);
  const at = (name) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`customers.csv has no column ${name}`);
    return index;
  };
  const [id, r, f, m, segment] = ['customer_id', 'r_score', 'f_score', 'm_score', 'segment'].map(at);
  return new Map(rows.filter((row) => row.length > 1).map((row) => [row[id], `${row[r]} ${row[f]} ${row[m]} ${row[segment]}`]));
}

/** How `other` differs from `reference`: counts and a few examples. */
function compareScores(reference, other) {
  const examples = [];
  let differ = 0;
  for (const [id, expected] of reference) {
    const got = other.get(id);
    if (got !== expected) {
      differ += 1;
      if (examples.length < 3) examples.push(`${id}: ${expected} ≠ ${got ?? '(missing)'}`);
    }
  }
  const extra = [...other.keys()].filter((id) => !reference.has(id)).length;
  return { equal: differ === 0 && extra === 0, differ, extra, examples };
}

/**
 * Closes the tab and answers its renderer's peak resident memory. Which renderer was the tab's
 * is learnt by closing it: its process is the one that ends. The peaks are read just before,
 * while the processes are still there. Should none end within 5 s, the renderer with the most
 * resident memory is taken instead, and the figure is marked unconfirmed.
 * @returns {Promise<{peak: number, verified: boolean}>}
 */
async function closeAndMeasure(page) {
  const before = new Map(rendererPids().map((pid) => [pid, residentMemory(pid)]));
  await page.close();
  for (let i = 0; i < 50; i += 1) {
    const alive = new Set(rendererPids());
    const ended = [...before.keys()].filter((pid) => !alive.has(pid));
    if (ended.length) return { peak: Math.max(...ended.map((pid) => before.get(pid).peak)), verified: true };
    await new Promise((done) => setTimeout(done, 100));
  }
  const busiest = [...before.values()].sort((a, b) => b.current - a.current)[0];
  return { peak: busiest?.peak ?? 0, verified: false };
}

/** The CLI's wall time, and its peak resident memory when GNU time is there to tell it. */
function runNative(file, out) {
  const args = ['classify', file, '--out', out];
  const peakFile = `${out}.maxrss`;
  const [command, argv] = existsSync(TIME) ? [TIME, ['-f', '%M', '-o', peakFile, CLI, ...args]] : [CLI, args];
  const started = performance.now();
  const result = spawnSync(command, argv, { encoding: 'utf8' });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`native CLI failed: ${result.stderr || result.stdout}`);
  const peak = existsSync(peakFile) ? Number(readFileSync(peakFile, 'utf8').trim()) * 1024 : 0;  // kB
  return { ms, peak };
}

/** The floor in a fresh tab: the File read as a stream, every byte touched. */
async function runFloor(context, url, file) {
  const page = await context.newPage();
  try {
    await page.goto(`${url}bench/floor-page.html`);
    await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 60_000 });
    await page.setInputFiles('#file-input', file);
    const result = await page.evaluate(() => window.bench.floor());
    return { ms: result.ms, ...(await closeAndMeasure(page)) };
  } finally {
    if (!page.isClosed()) await page.close();
  }
}

/** One TierLens run in a fresh tab: chosen → done, the renderer's peak, customers.csv if asked. */
async function runPage(context, url, file, { keepCsv, timeout }) {
  const page = await context.newPage();
  page.on('worker', (w) => w.on('console', (m) => console.log('worker:', m.text())));
  page.on('console', (m) => console.log('page:', m.text()));
  try {
    await openPage(page, url);
    await page.evaluate(() => {
      const marks = { chosen: 0, mappingShown: 0, mappingLeft: 0, done: 0 };
      window.benchMarks = marks;
      // Capture on window: before the page's own change handler runs.
      window.addEventListener('change', (event) => {
        if (event.target.id === 'file-input' && !marks.chosen) marks.chosen = performance.now();
      }, true);
      new MutationObserver(() => {
        const state = document.body.dataset.state;
        const now = performance.now();
        if (state === 'mapping' && !marks.mappingShown) marks.mappingShown = now;
        if (state !== 'mapping' && marks.mappingShown && !marks.mappingLeft) marks.mappingLeft = now;
        if (state === 'done' && !marks.done) marks.done = now;
      }).observe(document.body, { attributes: true, attributeFilter: ['data-state'] });
      // The mapping step waits for a person: this one presses Classify from inside the page
      // the moment the step is ready (as page-driver.mjs's waitForMapping tells it). A
      // driver's click took 70–150 ms of round trips that are not the page's.
      const step = document.getElementById('mapping');
      const classify = document.getElementById('mapping-classify');
      const pressWhenReady = new MutationObserver(() => {
        const ready = document.body.dataset.state === 'mapping' && !step.hidden &&
          step.getAttribute('aria-busy') !== 'true' && !classify.disabled;
        if (!ready) return;
        pressWhenReady.disconnect();
        classify.click();
      });
      pressWhenReady.observe(document.body, { attributes: true, subtree: true, attributeFilter: ['data-state', 'aria-busy', 'hidden', 'disabled'] });
    });
    await page.setInputFiles('#file-input', file);
    const settled = await waitUntilSettled(page, timeout);
    if (settled.state !== 'done') throw new Error(`the page ended ${settled.state}: ${settled.error}`);
    const marks = await page.evaluate(() => {
      const at = (name) => performance.getEntriesByName(name).at(-1)?.startTime ?? 0;
      return { ...window.benchMarks, classify: at('tierlens:classify'), summary: at('tierlens:summary') };
    });
    const csv = keepCsv ? (await download(page, '#download-customers')).bytes.toString('utf8') : null;
    return {
      ms: marks.done - marks.chosen,
      // The mapping step waits for a person; the bench answers at once, but say how long it took.
      mappingMs: marks.mappingShown ? marks.mappingLeft - marks.mappingShown : 0,
      // The worker's part (read, classify, summary) and the page's (drawing the result).
      workerMs: marks.summary - marks.classify,
      drawMs: marks.done - marks.summary,
      ...(await closeAndMeasure(page)),
      csv,
    };
  } finally {
    if (!page.isClosed()) await page.close();
  }
}

/** One DuckDB-wasm run in a fresh tab: start-up, chosen → result in JS, the renderer's peak. */
async function runDuckdb(context, url, file, sql) {
  const page = await context.newPage();
  try {
    await page.goto(`${url}bench/duckdb-page.html`);
    await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 60_000 });
    const startup = await page.evaluate(() => window.bench.start());
    await page.setInputFiles('#file-input', file);
    const result = await page.evaluate((script) => window.bench.run(script), sql);
    return { startupMs: startup.ms, version: `${startup.version}, ${startup.bundle}`, ms: result.ms, ...(await closeAndMeasure(page)), customers: result.customers };
  } finally {
    if (!page.isClosed()) await page.close();
  }
}

function chromiumVersion(context) {
  return context.browser()?.version() ?? spawnSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).stdout.trim();
}

/** `--page-only`: the page alone, for quick before/after checks while optimising; no ratios. */
async function timePageOnly(file, options) {
  const server = await startServer({ port: 0 });
  const browser = await launchBrowser();
  try {
    for (let run = 0; run < options.runs; run += 1) {
      const page = await runPage(browser.context, server.url, file, { keepCsv: false, timeout: Math.max(120_000, options.rows / 10) });
      console.log(`run ${run + 1}: page ${(page.ms / 1000).toFixed(3)} s (mapping step ${(page.mappingMs / 1000).toFixed(3)} s, ` +
        `worker ${(page.workerMs / 1000).toFixed(3)} s, drawing ${(page.drawMs / 1000).toFixed(3)} s), ` +
        `peak renderer memory ${Math.round(page.peak / MiB)} MiB`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const began = performance.now();
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  const generated = options.file
    ? { file: options.file, bytes: (await stat(options.file)).size, reused: true }
    : await generateOrders({ rows: options.rows, file: defaultPath(options.rows) });
  const { file, bytes } = generated;
  const MB = bytes / 1e6;
  console.log(`file: ${file} (${MB.toFixed(1)} MB${options.file ? '' : `, ${options.rows.toLocaleString('en')} rows`}), ${options.runs} run(s)`);

  if (options.pageOnly) return timePageOnly(file, options);

  const sqlResult = spawnSync(CLI, ['sql', '--dialect', 'duckdb', '--preset', 'rfm_segments', file], { encoding: 'utf8' });
  if (sqlResult.status !== 0) throw new Error(`tierlens sql failed: ${sqlResult.stderr}`);
  const sql = sqlResult.stdout;

  const scratch = await mkdtemp(path.join(tmpdir(), 'tierlens-bench-out-'));
  const server = await startServer({ port: 0 });
  const benchServer = await startBenchServer();
  const browser = await launchBrowser();
  const timeout = Math.max(120_000, options.rows / 10);  // 10 M rows: 1000 s before giving up
  const results = { floor: [], page: [], duckdb: [], native: [] };
  let pageCsv = null;
  let duckdbCustomers = null;
  try {
    // Interleaved, so that a slower stretch of the machine touches every engine alike.
    for (let run = 0; run < options.runs; run += 1) {
      results.native.push(runNative(file, path.join(scratch, `native-${run}`)));
      results.floor.push(await runFloor(browser.context, benchServer.url, file));
      const page = await runPage(browser.context, server.url, file, { keepCsv: run === 0, timeout });
      pageCsv ??= page.csv;
      results.page.push(page);
      const duck = await runDuckdb(browser.context, benchServer.url, file, sql);
      duckdbCustomers ??= duck.customers;
      duck.customers = null;
      results.duckdb.push(duck);
      console.log(`run ${run + 1}: page ${(page.ms / 1000).toFixed(3)} s, DuckDB-wasm ${(duck.ms / 1000).toFixed(3)} s ` +
        `(+ ${(duck.startupMs / 1000).toFixed(2)} s start-up), native ${(results.native[run].ms / 1000).toFixed(3)} s, ` +
        `floor ${(results.floor[run].ms / 1000).toFixed(3)} s`);
    }
    if (browser.errors.length) throw new Error(`page errors: ${browser.errors.join('; ')}`);
    const outside = browser.requests.filter((url) => !url.startsWith(server.url) && !url.startsWith(benchServer.url) &&
      !url.startsWith('blob:') && !url.startsWith('data:') && url !== 'about:blank');
    if (outside.length) throw new Error(`requests outside the two servers: ${[...new Set(outside)].join(', ')}`);
  } finally {
    await browser.close();
    await server.close();
    await benchServer.close();
  }

  // Do the three agree, customer by customer?
  const native = scoresFromCsv(await readFile(path.join(scratch, 'native-0', 'customers.csv'), 'utf8'));
  const page = scoresFromCsv(pageCsv);
  const duck = new Map(duckdbCustomers.map(([id, r, f, m, segment]) => [id, `${r} ${f} ${m} ${segment}`]));
  const checks = [['page vs native', compareScores(native, page)], ['DuckDB-wasm vs native', compareScores(native, duck)]];
  await rm(scratch, { recursive: true, force: true });

  const seconds = (list) => median(list) / 1000;
  const pageS = seconds(results.page.map((r) => r.ms));
  const duckS = seconds(results.duckdb.map((r) => r.ms));
  const nativeS = seconds(results.native.map((r) => r.ms));
  const floorS = seconds(results.floor.map((r) => r.ms));
  const mappingMs = median(results.page.map((r) => r.mappingMs));
  const mib = (list) => `${Math.round(Math.max(...list) / MiB)} MiB${list.every(Boolean) ? '' : ' (?)'}`;
  const verified = (list) => (list.every((r) => r.verified) ? '' : ' (renderer not confirmed)');
  const lines = [
    `| engine (File → per-customer result) | median s | min s | MB/s | peak renderer memory |`,
    `|---|---:|---:|---:|---:|`,
    `| reading the File and touching every byte (the floor) | ${floorS.toFixed(3)} | ${(Math.min(...results.floor.map((r) => r.ms)) / 1000).toFixed(3)} | ${(MB / floorS).toFixed(0)} | ${mib(results.floor.map((r) => r.peak))}${verified(results.floor)} |`,
    `| TierLens in the page (wasm start-up included) | ${pageS.toFixed(3)} | ${(Math.min(...results.page.map((r) => r.ms)) / 1000).toFixed(3)} | ${(MB / pageS).toFixed(0)} | ${mib(results.page.map((r) => r.peak))}${verified(results.page)} |`,
    ...(mappingMs ? [`| … of which the mapping step shown, until Classify was pressed (in the page, as it was ready) | ${(mappingMs / 1000).toFixed(3)} | | | |`] : []),
    `| DuckDB-wasm ${duckdbPackage} (DuckDB ${results.duckdb[0].version}), start-up ${seconds(results.duckdb.map((r) => r.startupMs)).toFixed(2)} s not counted | ${duckS.toFixed(3)} | ${(Math.min(...results.duckdb.map((r) => r.ms)) / 1000).toFixed(3)} | ${(MB / duckS).toFixed(0)} | ${mib(results.duckdb.map((r) => r.peak))}${verified(results.duckdb)} |`,
    `| DuckDB-wasm, the same job with start-up | ${(duckS + seconds(results.duckdb.map((r) => r.startupMs))).toFixed(3)} | | | |`,
    `| TierLens native CLI (whole process; also writes customers.xlsx, summary.json …) | ${nativeS.toFixed(3)} | ${(Math.min(...results.native.map((r) => r.ms)) / 1000).toFixed(3)} | ${(MB / nativeS).toFixed(0)} | ${results.native[0].peak ? `${mib(results.native.map((r) => r.peak))} (process)` : '–'} |`,
  ];
  console.log('');
  console.log(`${MB.toFixed(1)} MB, ${options.runs} run(s), Chromium ${chromiumVersion(browser.context)}, Node ${process.version}, ` +
    `${cpus().length} CPUs, ${(totalmem() / 2 ** 30).toFixed(1)} GiB`);
  console.log(lines.join('\n'));
  console.log('');
  console.log(`ratios: DuckDB-wasm / TierLens page = ${(duckS / pageS).toFixed(2)}× (target ≥ 3×); ` +
    `TierLens page / native = ${(pageS / nativeS).toFixed(2)}× (target ≤ 1.5×)`);
  let same = true;
  for (const [name, check] of checks) {
    console.log(`${name}: ${check.equal ? `equal, ${native.size.toLocaleString('en')} customers (r, f, m scores and segment)`
      : `DIFFERENT: ${check.differ} customers differ, ${check.extra} extra; ${check.examples.join('; ')}`}`);
    same &&= check.equal;
  }
  console.log(`bench took ${((performance.now() - began) / 1000).toFixed(1)} s`);
  if (!same) process.exitCode = 1;
}

try {
  await main();
} catch (error) {
  console.error(`bench failed: ${error.stack ?? error}`);
  process.exitCode = 1;
}
