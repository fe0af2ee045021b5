// Writes the performance issue's synthetic orders file: order_id, customer_id, order_date,
// amount, industry, region, company_size; ten orders per customer. Deterministic (a seeded
// PRNG, never Math.random), so every run and every machine measures the same bytes. The file
// goes to a temporary folder, never into the repository, and is streamed to disk in ~1 MB
// chunks, so 10 M rows need no more memory than 100 k.
//
//   node bench/generate-orders.mjs --rows 1000000 [--out FILE] [--seed 7]
//
// Prints the path. An existing file of that name is reused: same rows and seed, same bytes.

import { createWriteStream } from 'node:fs';
import { mkdir, rename, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const INDUSTRIES = ['Manufacturing', 'Retail', 'Wholesale', 'Logistics', 'Healthcare',
  'Construction', 'Software', 'Food & Beverage', 'Energy', 'Education'];
const REGIONS = ['East China', 'North China', 'South China', 'Central China', 'Southwest',
  'Northwest', 'Northeast'];
const SIZES = ['1-10', '11-50', '51-200', '201-1000', '1000+'];
const ORDERS_PER_CUSTOMER = 10;
/** The year the orders fall in: 2025-01-01 … 2025-12-31. */
const FIRST_DAY = Date.UTC(2025, 0, 1);
const DAYS = 365;

/** mulberry32: small, fast and good enough to spread dates and amounts. */
function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A customer's attributes depend on its number alone, so all ten of its rows agree. */
function customerAttributes(customer) {
  const hash = Math.imul(customer ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
  return `${INDUSTRIES[hash % INDUSTRIES.length]},${REGIONS[(hash >>> 8) % REGIONS.length]},${SIZES[(hash >>> 16) % SIZES.length]}`;
}

const DATES = Array.from({ length: DAYS }, (_, day) => new Date(FIRST_DAY + day * 86_400_000).toISOString().slice(0, 10));

export function defaultPath(rows, seed = 7) {
  return path.join(tmpdir(), 'tierlens-bench', `orders-${rows}-s${seed}.csv`);
}

/**
 * Writes `rows` order lines (plus the header) to `file`, unless it already exists.
 * Customer c's orders are rows c, c + C, c + 2C … (C = rows / 10): spread over the whole file,
 * as in an export sorted by date, so no reader can finish a customer early.
 * @returns {Promise<{file: string, bytes: number, customers: number, reused: boolean}>}
 */
export async function generateOrders({ rows, seed = 7, file = defaultPath(rows, seed) }) {
  if (!Number.isInteger(rows) || rows < ORDERS_PER_CUSTOMER) throw new Error(`--rows must be an integer ≥ ${ORDERS_PER_CUSTOMER}`);
  const customers = Math.ceil(rows / ORDERS_PER_CUSTOMER);
  const existing = await stat(file).catch(() => null);
  if (existing?.isFile() && existing.size > 0) return { file, bytes: existing.size, customers, reused: true };

  await mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  const random = prng(seed);
  const idWidth = String(customers).length;
  let chunk = 'order_id,customer_id,order_date,amount,industry,region,company_size\n';
  for (let row = 0; row < rows; row += 1) {
    const customer = row % customers;
    const date = DATES[Math.floor(random() * DAYS)];
    // Skewed amounts (a few big spenders), in cents so the text is exact.
    const cents = Math.floor(500 + 2_000_000 * random() ** 4);
    const amount = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
    chunk += `O${row + 1},C${String(customer + 1).padStart(idWidth, '0')},${date},${amount},${customerAttributes(customer)}\n`;
    if (chunk.length >= 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  await rename(partial, file);
  return { file, bytes: (await stat(file)).size, customers, reused: false };
}

function parseArgs(argv) {
  const options = { rows: 1_000_000, seed: 7, file: undefined };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--rows') options.rows = Number(value);
    else if (flag === '--seed') options.seed = Number(value);
    else if (flag === '--out') options.file = value;
    else throw new Error(`unknown option ${flag}`);
    i += 1;
  }
  return options;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { rows, seed, file } = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const result = await generateOrders({ rows, seed, file: file ?? defaultPath(rows, seed) });
  const seconds = (performance.now() - started) / 1000;
  console.error(`${result.reused ? 'reused' : 'wrote'} ${rows} rows, ${result.customers} customers, ` +
    `${(result.bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(2)} s`);
  console.log(result.file);
}
