// Loads the built wasm module under Node through the same engine wrapper the page uses.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

import { loadEngine } from '../../web/engine/tierlens-engine.js';
import { wasmPath } from '../support/paths.mjs';

export async function loadEngineUnderNode() {
  return loadEngine({ wasmBinary: readFileSync(wasmPath) });
}

/**
 * Classifies a file in chunks, as the page's worker does; answers the summary.
 * `policy` null runs the default preset, as the CLI does without --policy.
 */
export function classifyFile(engine, file, { chunkBytes = 4 << 20, policy = null } = {}) {
  const bytes = readFileSync(file);
  engine.begin(basename(file), policy);
  for (let at = 0; at < bytes.length; at += chunkBytes) {
    engine.feed(bytes.subarray(at, at + chunkBytes));
  }
  return engine.finish();
}
