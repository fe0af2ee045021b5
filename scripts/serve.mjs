// Serves web/ on 127.0.0.1 for `npm start` and for the browser tests. A static server and
// nothing more: the page computes everything itself, in the browser.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));

const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',  // required for streaming compilation
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.csv': 'text/csv; charset=utf-8',
};

/**
 * Starts the server. Port 0 picks a free port.
 * @returns {Promise<{url: string, close: () => Promise<void>}>}
 */
export async function startServer({ root = join(repoRoot, 'web'), port = 8080, host = '127.0.0.1' } = {}) {
  const rootDir = resolve(root);
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    const file = normalize(join(rootDir, path.endsWith('/') ? `${path}index.html` : path));
    if (file !== rootDir && !file.startsWith(rootDir + sep)) {
      response.writeHead(403).end();
      return;
    }
    // The page needs nothing from anywhere else; say so to the browser as well.
    await sendFile(response, file, {
      'Content-Security-Policy':
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
        "img-src 'self' data: blob:; connect-src 'self'; worker-src 'self'; object-src 'none'",
    });
  });
  return listen(server, port, host);
}

/**
 * Answers `file` (null: none) with its content type and `headers`, or 404 when it is not a
 * file. Also the benchmark's server's (bench/bench-server.mjs).
 */
export async function sendFile(response, file, headers = {}) {
  try {
    if (!file) throw new Error('no file');
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
    response.writeHead(200, {
      'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
      'Content-Length': info.size,
      'Cache-Control': 'no-cache',
      ...headers,
    });
    createReadStream(file).pipe(response);
  } catch {
    response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
  }
}

/** Starts `server` on `host`:`port` (0: a free one); answers its URL and how to close it. */
export async function listen(server, port, host) {
  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, done);
  });
  return {
    url: `http://${host}:${server.address().port}/`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 8080);
  const { url } = await startServer({ port });
  console.log(`TierLens is running at ${url}  (Ctrl+C to stop)`);
}
