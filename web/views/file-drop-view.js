// The file picker and the drop zone around it: both end in one `onFile(file)`.
//
// The drop zone is the file input's <label>, so a click or the keyboard (the input keeps its
// place in the tab order) opens the picker; dragging a file onto it does the same job.

/**
 * @param {{input: HTMLInputElement, dropZone: HTMLElement, onFile: (file: File) => void}} parts
 */
export function bindFileDrop({ input, dropZone, onFile }) {
  input.addEventListener('change', () => {
    const [file] = input.files;
    input.value = ''; // so choosing the same file again (edited, say) runs again
    if (file) onFile(file);
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
    const [file] = event.dataTransfer.files;
    if (file) onFile(file);
  });

  // A file dropped beside the zone must not make the browser leave the page to open it.
  for (const type of ['dragover', 'drop']) document.addEventListener(type, (event) => event.preventDefault());
}
