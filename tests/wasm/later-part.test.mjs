// A file read in two parts by two engines (as the page's two workers read a large file, see
// web/later-part.js) must give byte for byte the reports one engine reading it whole gives.
// The core's tests cut hand-made files everywhere (tests/core/order_ingest_parts_test.cpp);
// these check the wasm calls and the engine wrapper on real files.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { before, describe, test } from 'node:test';

import { sharedDataFile } from '../support/paths.mjs';
import { loadEngineUnderNode } from './engine-under-node.mjs';

const CHUNK = 1 << 20;

function feedWhole(engine, bytes, feed) {
  for (let at = 0; at < bytes.length; at += CHUNK) feed(bytes.subarray(at, at + CHUNK));
}

function reports(engine) {
  return {
    customers: Buffer.from(engine.customersCsv()).toString('utf8'),
    skipped: Buffer.from(engine.skippedCsv()).toString('utf8'),
    summary: engine.summaryJson(),
    dashboard: engine.dashboardJson(),
  };
}

function readWhole(engine, name, bytes, policy) {
  engine.begin(name, policy, { keepOrderLog: true });
  feedWhole(engine, bytes, (chunk) => engine.feed(chunk));
  engine.finish();
  return reports(engine);
}

/** As later-part.js does: the head, then each half by one engine, then the merge. */
function readInParts(earlier, later, name, bytes, policy, cutNear) {
  earlier.begin(name, policy, { keepOrderLog: true, fileBytes: bytes.length });
  let fed = 0;
  let reading = null;
  while (!reading) {
    earlier.feed(bytes.subarray(fed, fed + 65536));
    fed += 65536;
    reading = earlier.laterPartReading();
  }
  const cut = bytes.indexOf(10, cutNear) + 1;
  assert.ok(cut > fed, 'the cut lies past the head');
  later.beginLaterPart(reading, bytes.length - cut);
  feedWhole(later, bytes.subarray(cut), (chunk) => later.feedLaterPart(chunk));
  feedWhole(earlier, bytes.subarray(fed, cut), (chunk) => earlier.feed(chunk));
  const part = later.finishLaterPart();
  const merged = earlier.mergeLaterPart(part, later.laterPartOrders(earlier.earlierPartEnding()));
  if (!merged) feedWhole(earlier, bytes.subarray(cut), (chunk) => earlier.feed(chunk));
  earlier.finish();
  return { merged, ...reports(earlier) };
}

describe('a file read in two parts gives the reports of one reading', () => {
  let earlier;
  let later;
  before(async () => { [earlier, later] = await Promise.all([loadEngineUnderNode(), loadEngineUnderNode()]); });

  test('the built-in sample orders, cut at several places', () => {
    const bytes = earlier.sampleOrdersCsv();
    const whole = readWhole(earlier, 'sample.csv', bytes, null);
    for (const share of [0.3, 0.5, 0.77]) {
      const parts = readInParts(earlier, later, 'sample.csv', bytes, null, Math.floor(bytes.length * share));
      assert.equal(parts.merged, true, `merged at ${share}`);
      for (const report of ['customers', 'skipped', 'summary', 'dashboard']) {
        assert.equal(parts[report], whole[report], `${report}, cut at ${share}`);
      }
    }
  });

  test('online_retail.csv: cancellations, ids out of sequence, skipped rows', (t) => {
    const file = sharedDataFile('online-retail-uci/online_retail.csv');
    if (!file) return t.skip('online_retail.csv not found under ../shared/data (set TIERLENS_SHARED_DATA)');
    const bytes = readFileSync(file);
    const policy = { ...earlier.presetPolicy('rfm_segments'), returns: { cancelled_order_prefix: 'C' } };
    const whole = readWhole(earlier, basename(file), bytes, policy);
    assert.match(whole.summary, /"skipped_by_reason"/);
    const parts = readInParts(earlier, later, basename(file), bytes, policy, Math.floor(bytes.length / 2));
    assert.equal(parts.merged, true);
    for (const report of ['customers', 'skipped', 'summary', 'dashboard']) {
      assert.equal(parts[report], whole[report], report);
    }
  });

  test('a reading that is not one is refused', () => {
    assert.throws(() => later.beginLaterPart(new Uint8Array([1, 2, 3]), 0), /later_part_reading/);
    earlier.begin('sample.csv', null, {});
    earlier.feed(earlier.sampleOrdersCsv().subarray(0, 100));
    assert.equal(earlier.laterPartReading(), null, 'the head has not decided yet');
  });
});
