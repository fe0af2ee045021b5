// The floor for bench/run.mjs: reading the chosen File as a stream and touching every byte
// (counting the line ends), nothing more. No engine can give its result sooner from the File.

let chosenAt = 0;
document.getElementById('file-input').addEventListener('change', () => { chosenAt = performance.now(); });

/** @returns {Promise<{ms: number, lines: number}>} from the file being chosen to its last byte */
async function floor() {
  const file = document.getElementById('file-input').files[0];
  const started = chosenAt || performance.now();
  let lines = 0;
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    for (let i = 0; i < value.length; i += 1) if (value[i] === 10) lines += 1;
  }
  return { ms: performance.now() - started, lines };
}

window.bench = { floor };
document.body.dataset.state = 'ready';
