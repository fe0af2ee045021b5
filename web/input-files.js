// What is read of a user's file before it is classified, shared by the page and its worker.
//
// Text (CSV, JSON) is read from its start: the first 64 KiB show the header and the first
// rows, and classifying it later streams the rest, so a text file of any size is fine. A
// workbook (.xlsx, a zip archive) has its table of contents at the end and is held whole in
// memory to be read: the page refuses one above MAX_WORKBOOK_BYTES before reading any of it.

/** Bytes of a text file the engine is shown to find its encoding, header and first rows. */
export const INSPECT_BYTES = 64 * 1024;

/** The largest workbook the page will read: it is held whole in the worker's memory. */
export const MAX_WORKBOOK_BYTES = 2 ** 30;

/** A zip archive (an .xlsx workbook) starts with a local file header, "PK\x03\x04". */
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

/** Whether `blob` starts like a zip archive; reads its first 4 bytes only. */
export async function isZipFile(blob) {
  const head = new Uint8Array(await blob.slice(0, ZIP_SIGNATURE.length).arrayBuffer());
  return ZIP_SIGNATURE.every((byte, i) => head[i] === byte);
}

/** Whether a workbook of `size` bytes is too large to read. */
export const isWorkbookTooLarge = (size) => size > MAX_WORKBOOK_BYTES;

/**
 * The bytes the engine inspects: the start of a text file, a workbook whole.
 * @param {Blob} file
 * @returns {Promise<Uint8Array>}
 */
export async function bytesToInspect(file) {
  const part = (await isZipFile(file)) ? file : file.slice(0, INSPECT_BYTES);
  return new Uint8Array(await part.arrayBuffer());
}
