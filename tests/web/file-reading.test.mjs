// web/file-reading.js: every byte of the file passed on once, in order, with progress up to the
// file's size; through a byte stream into one buffer, through a stream that stalls (the
// watchdog reads the rest from a fresh stream), and through a stream without BYOB reads.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { readFileInChunks } from '../../web/file-reading.js';

/** Bytes 0, 1, 2 … (mod 251: no period of a power of two hides a chunk read twice). */
function fileBytes(size) {
  return Uint8Array.from({ length: size }, (_, i) => i % 251);
}

/**
 * A Blob stand-in over `bytes` whose streams hand out `step` bytes a pull. `stallAfter`: the
 * first stream stops answering once that many bytes are out (a read that never settles).
 * `byteStreams: false`: streams without BYOB reads, as some browsers' Blobs have.
 */
class FakeBlob {
  constructor(bytes, { step = 70_000, stallAfter = null, byteStreams = true } = {}) {
    Object.assign(this, { bytes, step, stallAfter, byteStreams, streamsOpened: 0 });
  }

  get size() { return this.bytes.length; }

  slice(start = 0, end = this.bytes.length) {
    const part = new FakeBlob(this.bytes.subarray(start, end), { step: this.step, byteStreams: this.byteStreams });
    part.parent = this;
    return part;
  }

  stream() {
    const root = this.parent ?? this;
    const stalls = root.streamsOpened++ === 0 && root.stallAfter !== null;
    let at = 0;
    const { bytes, step } = this;
    return new ReadableStream({
      type: this.byteStreams ? 'bytes' : undefined,
      pull: (controller) => {
        if (stalls && at >= root.stallAfter) return new Promise(() => {}); // never answers
        if (at >= bytes.length) {
          controller.close();
          controller.byobRequest?.respond(0);
          return undefined;
        }
        const count = Math.min(step, bytes.length - at);
        const request = controller.byobRequest;
        if (request) {
          const n = Math.min(count, request.view.byteLength);
          request.view.set(bytes.subarray(at, at + n));
          request.respond(n);
          at += n;
        } else {
          controller.enqueue(bytes.slice(at, at + count));
          at += count;
        }
        return undefined;
      },
    });
  }
}

async function readAll(blob) {
  const chunks = [];
  const progress = [];
  await readFileInChunks(blob, (bytes) => chunks.push(bytes.slice()), (loaded) => progress.push(loaded));
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return { out, chunks, progress };
}

function assertProgress(progress, size) {
  assert.equal(progress[0], 0);
  assert.equal(progress.at(-1), size);
  for (let i = 1; i < progress.length; i += 1) assert.ok(progress[i] >= progress[i - 1], 'progress never goes back');
}

test('a byte stream is read into one buffer of 1 MiB: every byte once, in order', async () => {
  const bytes = fileBytes(3 * 1024 * 1024 + 12_345);
  const { out, chunks, progress } = await readAll(new FakeBlob(bytes));
  assert.deepEqual(out, bytes);
  assert.deepEqual(chunks.map((chunk) => chunk.length), [1 << 20, 1 << 20, 1 << 20, 12_345]);
  assertProgress(progress, bytes.length);
});

test('a read that never settles is given up, and the rest read from a fresh stream', async () => {
  const bytes = fileBytes(2 * 1024 * 1024 + 999);
  const blob = new FakeBlob(bytes, { stallAfter: 1024 * 1024 + 140_000 }); // inside the second buffer
  const { out, progress } = await readAll(blob);
  assert.deepEqual(out, bytes, 'the bytes of the stalled buffer are read again, nothing twice');
  assert.equal(blob.streamsOpened, 2);
  assertProgress(progress, bytes.length);
});

test('streams without BYOB reads are read as they come', async () => {
  const bytes = fileBytes(2_500_000);
  const { out, progress } = await readAll(new FakeBlob(bytes, { byteStreams: false }));
  assert.deepEqual(out, bytes);
  assertProgress(progress, bytes.length);
});

test('an empty file: no chunk, progress 0', async () => {
  const { chunks, progress } = await readAll(new FakeBlob(new Uint8Array(0)));
  assert.deepEqual(chunks, []);
  assert.equal(progress.at(-1), 0);
});
