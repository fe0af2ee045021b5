// Saves bytes made in the page as a download, without any network request: a Blob, an object
// URL, and a click on an `<a download>`.

/**
 * @param {Uint8Array} bytes
 * @param {string} fileName
 * @param {string} [type]
 */
export function saveBytes(bytes, fileName, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy once the click's task is over; give it a moment anyway.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
