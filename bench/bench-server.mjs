// The benchmark's own static server for its DuckDB-wasm page: the page and its script from
// bench/, DuckDB-wasm's dist files and the Apache Arrow modules its main-thread API imports
// (with Arrow's own imports, flatbuffers and tslib),
// all from node_modules and all from this one origin (no CDN). Nothing else is served.

import { createServer } from 'node:http';
import { join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import { listen, sendFile } from '../scripts/serve.mjs';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const ROUTES = {
  '/bench/': join(repoRoot, 'bench'),
  '/duckdb/': join(repoRoot, 'node_modules/@duckdb/duckdb-wasm/dist'),
  '/arrow/': join(repoRoot, 'node_modules/apache-arrow'),
  '/flatbuffers/': join(repoRoot, 'node_modules/flatbuffers'),
  '/tslib/': join(repoRoot, 'node_modules/tslib'),
};

/** @returns {Promise<{url: string, close: () => Promise<void>}>} */
export async function startBenchServer({ host = '127.0.0.1' } = {}) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    const prefix = Object.keys(ROUTES).find((route) => path.startsWith(route));
    const root = prefix && ROUTES[prefix];
    const file = root && normalize(join(root, path.slice(prefix.length)));
    sendFile(response, file && file.startsWith(root + sep) ? file : null);
  });
  return listen(server, 0, host);
}
