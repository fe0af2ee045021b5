// The file picker and the drop zone around it: both end in one `onFiles(files)`, with every
// file chosen or dropped at once (an orders file and a customers table, say).
//
// The drop zone is the file input's <label>, so a click or the keyboard (the input keeps its
// place in the tab order) opens the picker; dragging files onto it does the same job.

/**
 * @param {{input: HTMLInputElement, dropZone: HTMLElement, onFiles: (files: File[]) => void}} parts
 */
export function bindFileDrop({ input, dropZone, onFiles }) {
  input.addEventListener('change', () => {
    const files = [...input.files];
    input.value = ''; // so choosing the same files again (edited, say) runs again
    if (files.length) onFiles(files);
  });

  dropZone.addEventListener('dragover', (event) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    dropZone.classList.add('dragging');
  });
  dropZone.addEventListener('dragleave', () => dropZone.classList.remove('dragging'));
  dropZone.addEventListener('drop', (event) => {
    event.preventDefault();
    dropZone.classList.remove('dragging');
    const files = [...event.dataTransfer.files];
    if (files.length) onFiles(files);
  });

  // A file dropped beside the zone must not make the browser leave the page to open it.
  for (const type of ['dragover', 'drop']) document.addEventListener(type, (event) => event.preventDefault());
}
