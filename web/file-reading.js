// Reads a File (any Blob) in order, chunk by chunk, never holding it whole: how the worker
// feeds the engine.
//
// The bytes are streamed into one buffer, reused for every chunk (a BYOB reader). Where the
// browser gives out a fresh ArrayBuffer per chunk instead, each is fresh memory, and on the
// machines measured a first touch costs a page fault per 4 KiB: the worker waited 1.1 s for the
// stream of a 5 M-row file (318 MB), against 0.08 s into one buffer (bench/RESULTS.md).
//
// In Chromium 156 a BYOB read now and then never settles (about 1 run in 4 at 1 M rows, in
// an earlier version without a watchdog). A read that has not settled within READ_STALL_MS is
// given up, and the rest of the file read from a fresh stream, from the first byte not yet
// passed on: nothing is read twice or skipped, whatever the stalled read does later.

/** The buffer the file is read into: a chunk for the engine, and the step of progress. */
const READ_BUFFER_BYTES = 1024 * 1024;
/** A read slower than this has stalled (they take milliseconds; opening the file, tens). */
const READ_STALL_MS = 500;
const STALLED = Symbol('stalled');

/**
 * Calls `take(bytes)` with each next chunk of `file`, in order, and `onProgress(loaded)` with
 * the bytes passed on so far, from 0 to file.size. `bytes` is valid during the call only.
 * @param {Blob} file
 * @param {(bytes: Uint8Array) => void} take
 * @param {(loaded: number) => void} onProgress
 */
export async function readFileInChunks(file, take, onProgress) {
  onProgress(0);
  let reader = byteReader(file);
  if (!reader) return readFileAsItStreams(file, take, onProgress);
  // (A buffer handed to a read is detached from this side: its byteLength is then 0.)
  const bufferBytes = Math.max(1, Math.min(READ_BUFFER_BYTES, file.size));
  let buffer = new ArrayBuffer(bufferBytes);
  let loaded = 0;
  for (let done = false; !done;) {
    let filled = 0;
    while (filled < buffer.byteLength) {
      const step = await readOrStall(reader, new Uint8Array(buffer, filled));
      if (step === STALLED) {
        // The stalled read keeps the buffer it was given; the bytes in it are read again.
        reader.cancel().catch(() => {});
        reader = byteReader(file.slice(loaded));
        buffer = new ArrayBuffer(bufferBytes);
        filled = 0;
        continue;
      }
      // The buffer is handed to the stream, and given back as the value's (transferred) buffer.
      buffer = step.value?.buffer ?? new ArrayBuffer(bufferBytes);
      if (step.done) {
        done = true;
        break;
      }
      filled += step.value.byteLength;
    }
    if (filled > 0) {
      take(new Uint8Array(buffer, 0, filled));
      loaded += filled;
      onProgress(loaded);
    }
  }
}

/** A BYOB reader of `blob`'s bytes, or null where the browser's Blob streams have none. */
function byteReader(blob) {
  try {
    return blob.stream().getReader({ mode: 'byob' });
  } catch {
    return null;
  }
}

/** `reader.read(view)`, or STALLED if it has not settled within READ_STALL_MS. */
function readOrStall(reader, view) {
  let timer;
  const stall = new Promise((resolve) => { timer = setTimeout(() => resolve(STALLED), READ_STALL_MS); });
  return Promise.race([reader.read(view), stall]).finally(() => clearTimeout(timer));
}

/** Where Blob streams are not byte streams: the chunks as the browser makes them. */
async function readFileAsItStreams(file, take, onProgress) {
  const reader = file.stream().getReader();
  let loaded = 0;
  let reported = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    take(value);
    loaded += value.byteLength;
    if (loaded - reported >= READ_BUFFER_BYTES) {
      onProgress(loaded);
      reported = loaded;
    }
  }
  onProgress(loaded);
}
