// Builds web/dist/tierlens-standalone.html: the whole page in one file that works when opened
// from file:// with no network (a shared drive, an e-mail attachment). scripts/build.sh runs it
// after the wasm build; it takes well under a second.
//
// web/index.html is taken as it is, with its stylesheet inlined and its module graph (app.js
// and everything it imports) bundled into one inline module script (see bundle-modules.mjs).
// The worker, which a page opened from file:// cannot load from a file, is bundled the same
// way and started from a blob: URL; the wasm module is inside the worker's bundle as a data:
// URL. The Content-Security-Policy is the page's, adapted: the inline script and style are
// allowed by their hashes, workers only from blob:, and nothing may be fetched but data:.
//
// Usage: node scripts/build-single-file.mjs [OUT]

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { bundle } from './bundle-modules.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(repoRoot, 'web');
const out = path.resolve(process.argv[2] ?? path.join(web, 'dist', 'tierlens-standalone.html'));

/** Files other than modules that the code names with `new URL(…, import.meta.url)`. */
const dataTypes = { '.wasm': 'application/wasm' };

/**
 * Bundles `entry`; every asset it names becomes a constant declared before the modules: a
 * module (a worker) its own bundle as a blob: URL, any other file a data: URL. An asset named
 * twice (the wasm, by the engine wrapper and by Emscripten's glue) is declared once.
 */
function bundleWithAssets(entry, prelude = '') {
  const assets = new Map(); // file → {name, declaration}
  const assetExpression = (file) => {
    if (!assets.has(file)) {
      const name = `__tl_asset${assets.size}`;
      assets.set(file, { name, declaration: `const ${name} = ${assetUrl(file)};` });
    }
    return assets.get(file).name;
  };
  const { code, files } = bundle(entry, { assetExpression });
  const declarations = [...assets.values()].map(({ declaration }) => declaration);
  const body = code.replace(/^'use strict';\n/, '');
  return { code: `'use strict';\n${prelude}${declarations.join('\n')}\n${body}`, files: [...files, ...assets.keys()] };
}

function assetUrl(file) {
  const extension = path.extname(file);
  if (extension === '.js' || extension === '.mjs') {
    const { code } = bundleWithAssets(file);
    // Made once per page: a worker started again after Cancel reuses it.
    return `URL.createObjectURL(new Blob([${JSON.stringify(code)}], { type: 'text/javascript' }))`;
  }
  const type = dataTypes[extension];
  if (!type) throw new Error(`build-single-file: do not know how to inline ${file}`);
  return JSON.stringify(`data:${type};base64,${readFileSync(file).toString('base64')}`);
}

/** Text that may sit inside <script> or <style>: no end tag, no comment opener. */
function inlineSafe(text, what) {
  if (text.includes('<!--')) throw new Error(`build-single-file: ${what} contains “<!--”`);
  return text.replace(/<\/(script|style)/gi, '<\\/$1');
}

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

function replaceOnce(html, pattern, replacement, what) {
  const matches = html.match(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`)) ?? [];
  if (matches.length !== 1) throw new Error(`build-single-file: expected one ${what} in web/index.html, found ${matches.length}`);
  return html.replace(pattern, replacement);
}

let html = readFileSync(path.join(web, 'index.html'), 'utf8');

let stylesheet = '';
html = replaceOnce(html, /<link rel="stylesheet" href="([^"]+)">/, (_, href) => {
  const css = readFileSync(path.join(web, href), 'utf8');
  if (/url\(|@import/.test(css)) throw new Error(`build-single-file: ${href} refers to other files`);
  stylesheet = inlineSafe(css, href);
  return `<style>${stylesheet}</style>`;
}, 'stylesheet link');

/**
 * Chromium refuses a module worker from a blob: URL made by a page opened from file:// (its
 * origin is opaque, and module scripts are fetched in CORS mode). The bundled worker imports
 * nothing, so it runs as a classic script: inside the page's bundle, `Worker` is the browser's
 * with the type forced to classic; nothing outside the bundle sees it.
 */
const classicWorkers = `const Worker = class extends globalThis.Worker {
  constructor(url, options = {}) { super(url, { ...options, type: 'classic' }); }
};
`;

// The bundle goes in last, into this slot: until then the checks below read the page's markup
// alone, not the text of the code (which may well hold "<meta http-equiv=…" or 'src="…"' in
// its strings: the HTML report's template, ECharts' save-as-image page).
const SCRIPT_SLOT = '/* the bundled modules */';
let script = '';
html = replaceOnce(html, /<script type="module" src="([^"]+)"><\/script>/, (_, src) => {
  script = inlineSafe(bundleWithAssets(path.join(web, src), classicWorkers).code, src);
  return `<script type="module">${SCRIPT_SLOT}</script>`;
}, 'module script');

const csp = [
  "default-src 'none'",
  `script-src ${sha256(script)} 'wasm-unsafe-eval'`,
  'worker-src blob:',
  `style-src ${sha256(stylesheet)}`,
  'img-src data: blob:',
  // The worker reads the wasm from its data: URL; nothing else is fetched.
  'connect-src data:',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
html = replaceOnce(html, /<meta http-equiv="Content-Security-Policy"[^>]*>/,
  `<meta http-equiv="Content-Security-Policy" content="${csp}">`, 'Content-Security-Policy');
html = html.replace(/<!-- Nothing but this origin[^>]*-->/,
  '<!-- Built by scripts/build-single-file.mjs from index.html: works from file://, fetches nothing. -->');

// Nothing left that the browser would fetch from a file next to this one.
const outside = [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map(([, url]) => url)
  .filter((url) => !/^(?:data:|blob:|#)/.test(url));
if (outside.length) throw new Error(`build-single-file: still refers to ${outside.join(', ')}`);

html = html.replace(SCRIPT_SLOT, () => script);
writeFileSync(out, html);
console.log(`build-single-file: ${path.relative(repoRoot, out)} (${(Buffer.byteLength(html) / 2 ** 20).toFixed(2)} MiB)`);
