// engine.prepareMemory(): the worker writes once into engine memory as it warms up, so that a
// user's first file reuses those pages (bench/RESULTS.md). It must grow the engine's memory
// by what it was asked, leave that memory for later runs to use, and change no result.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { loadEngineUnderNode } from './engine-under-node.mjs';

const MiB = 1024 * 1024;

function classifySample(engine) {
  engine.begin('sample.csv', null, {});
  engine.feed(engine.sampleOrdersCsv());
  return engine.finish();
}

test('prepareMemory grows the engine once; what is read after it fits there and reads the same', async () => {
  const prepared = await loadEngineUnderNode();
  const unprepared = await loadEngineUnderNode();
  const initialBytes = prepared.module.HEAPU8.length;
  assert.ok(initialBytes < 48 * MiB, `the engine starts at ${initialBytes / MiB} MiB`);

  prepared.prepareMemory(48 * MiB);
  const preparedBytes = prepared.module.HEAPU8.length;
  assert.ok(preparedBytes >= 48 * MiB, `grown to ${preparedBytes / MiB} MiB`);

  assert.deepEqual(classifySample(prepared), classifySample(unprepared));
  assert.equal(prepared.customersCsv().length, unprepared.customersCsv().length);
  // The block was freed: the run took its memory from it rather than growing further.
  assert.equal(prepared.module.HEAPU8.length, preparedBytes);
});
