// DuckDB-wasm doing the RFM job on the file given to #file-input, for bench/run.mjs. Its
// fastest ingest: the File registered as a file handle (read in place, not copied), read by
// read_csv inside the one SQL script `tierlens sql --dialect duckdb` prints. Start-up (worker,
// wasm, connection) is timed apart from the job, as the issue counts it.

import * as duckdb from '/duckdb/duckdb-browser.mjs';

const dist = (name) => new URL(`/duckdb/${name}`, location.href).href;
const BUNDLES = {
  mvp: { mainModule: dist('duckdb-mvp.wasm'), mainWorker: dist('duckdb-browser-mvp.worker.js') },
  eh: { mainModule: dist('duckdb-eh.wasm'), mainWorker: dist('duckdb-browser-eh.worker.js') },
};

let db = null;
let connection = null;
let chosenAt = 0;
let runs = 0;

document.getElementById('file-input').addEventListener('change', () => { chosenAt = performance.now(); });

/** Starts the engine. @returns {Promise<{ms: number, bundle: string, version: string}>} */
async function start() {
  const started = performance.now();
  const bundle = await duckdb.selectBundle(BUNDLES);
  const worker = new Worker(bundle.mainWorker);
  db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule);
  connection = await db.connect();
  // Nothing may come from the network: the job needs no extension.
  await connection.query('SET autoinstall_known_extensions = false; SET autoload_known_extensions = false');
  const ms = performance.now() - started;
  return { ms, bundle: bundle.mainModule.endsWith('eh.wasm') ? 'eh' : 'mvp', version: await db.getVersion() };
}

/**
 * Runs `sql` (a query over a table `orders`) on the chosen file. Timed from the file being
 * chosen (after start(), so start-up is not in it) to the result in JS.
 * @returns {Promise<{ms: number, customers: Array<[string, number, number, number, string]>}>}
 */
async function run(sql) {
  const file = document.getElementById('file-input').files[0];
  const started = chosenAt || performance.now();
  const name = `orders-${(runs += 1)}.csv`;
  await db.registerFileHandle(name, file, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
  await connection.query(`CREATE OR REPLACE VIEW orders AS SELECT * FROM read_csv('${name}', header = true)`);
  const table = await connection.query(sql);
  const column = (id) => table.getChild(id).toArray();
  const ids = column('customer_id');
  const r = column('r_score');
  const f = column('f_score');
  const m = column('m_score');
  const segment = column('segment');
  const ms = performance.now() - started;
  await connection.query('DROP VIEW orders');
  await db.dropFile(name);
  const customers = Array.from(ids, (id, i) => [String(id), Number(r[i]), Number(f[i]), Number(m[i]), String(segment[i])]);
  return { ms, customers };
}

window.bench = { start, run };
document.body.dataset.state = 'ready';
