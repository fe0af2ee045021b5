// The benchmark's own static server for its DuckDB-wasm page: the page and its script from
// bench/, DuckDB-wasm's dist files and the Apache Arrow modules its main-thread API imports
// (with Arrow's own imports, flatbuffers and tslib),
// all from node_modules and all from this one origin (no CDN). Nothing else is served.

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const ROUTES = {
  '/bench/': join(repoRoot, 'bench'),
  '/duckdb/': join(repoRoot, 'node_modules/@duckdb/duckdb-wasm/dist'),
  '/arrow/': join(repoRoot, 'node_modules/apache-arrow'),
  '/flatbuffers/': join(repoRoot, 'node_modules/flatbuffers'),
  '/tslib/': join(repoRoot, 'node_modules/tslib'),
};
const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** @returns {Promise<{url: string, close: () => Promise<void>}>} */
export async function startBenchServer({ host = '127.0.0.1' } = {}) {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    const prefix = Object.keys(ROUTES).find((route) => path.startsWith(route));
    const root = prefix && ROUTES[prefix];
    const file = root && normalize(join(root, path.slice(prefix.length)));
    try {
      if (!file || !file.startsWith(root + sep)) throw new Error('outside the routes');
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      response.writeHead(200, {
        'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
        'Content-Length': info.size,
        'Cache-Control': 'no-cache',
      });
      createReadStream(file).pipe(response);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
    }
  });
  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, host, done);
  });
  return {
    url: `http://${host}:${server.address().port}/`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
