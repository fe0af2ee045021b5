// Main-thread wiring: takes the user's file or the sample, has the worker classify it, and
// shows the result. All heavy work is in the worker; this file only moves messages and DOM.
//
// `document.body.dataset.state` is idle | working | done | error | cancelled, for styling and
// for the end-to-end tests to wait on.

import { ErrorCode, Request, SAMPLE_FILE_NAME } from './protocol.js';
import { WorkerClient } from './worker-client.js';
import { renderBreakpoints } from './views/breakpoints-view.js';
import { createCustomerTable } from './views/customer-table-view.js';
import { byId } from './views/dom.js';
import { renderExplanation, renderExplanationHint } from './views/explanation-view.js';
import { renderFacts } from './views/facts-view.js';
import { bindFileDrop } from './views/file-drop-view.js';
import { baseName, formatInteger } from './views/format.js';
import { ProgressView } from './views/progress-view.js';
import { saveBytes } from './views/save-file.js';
import { renderSegmentChart } from './views/segment-chart-view.js';
import { renderSegmentTable } from './views/segment-table-view.js';
import { createSkippedTable, renderSkippedReasons } from './views/skipped-view.js';
import { applyStaticText } from './views/static-text.js';
import { strings } from './views/strings.js';

applyStaticText();

const client = new WorkerClient();
const progress = new ProgressView();
const ui = {
  fileInput: byId('file-input'),
  dropZone: byId('drop-zone'),
  sampleButton: byId('sample-button'),
  downloadSample: byId('download-sample'),
  bins: byId('bins'),
  analysisDate: byId('analysis-date'),
  cancelButton: byId('cancel-button'),
  notice: byId('notice'),
  error: byId('error'),
  errorHeading: byId('error-heading'),
  errorMessage: byId('error-message'),
  results: byId('results'),
  explanation: byId('explanation-body'),
  downloadCustomers: byId('download-customers'),
  downloadSkipped: byId('download-skipped'),
};

/** What is being (or was last) classified: `{file}` for a user's file, `{sample: true}`. */
let currentInput = null;
/** The summary on screen, or null. */
let summary = null;
/** Bumped by every new run and by Cancel; answers for an older run are dropped. */
let run = 0;
let explainRequest = 0;

const customerTable = createCustomerTable(byId('customer-table'), {
  fetchPage: (offset, count, sortKey, descending) =>
    client.request(Request.CUSTOMERS_PAGE, { offset, count, sortKey, descending }),
  onChooseCustomer: explainCustomer,
  onError: showRequestError,
});
const skippedTable = createSkippedTable(byId('skipped-table'), {
  fetchPage: (offset, count) => client.request(Request.SKIPPED_PAGE, { offset, count }),
  onError: showRequestError,
});

function setState(state) {
  document.body.dataset.state = state;
}

function readOptions() {
  return { bins: Number(ui.bins.value), analysis_date: ui.analysisDate.value || null };
}

async function classify(input) {
  if (document.body.dataset.state === 'working') client.cancel(); // the new run replaces it
  const thisRun = ++run;
  currentInput = input;
  summary = null;
  hideMessages();
  ui.results.hidden = true;
  setState('working');
  progress.start(input.file ? input.file.name : SAMPLE_FILE_NAME);

  const onProgress = (loaded, total) => {
    if (thisRun === run) progress.update(loaded, total);
  };
  try {
    const result = input.file
      ? await client.request(Request.CLASSIFY_FILE, { file: input.file, options: readOptions() }, { onProgress })
      : await client.request(Request.CLASSIFY_SAMPLE, { options: readOptions() }, { onProgress });
    if (thisRun !== run) return;
    await showResults(result);
    if (thisRun !== run) return; // cancelled while the first pages were fetched
    ui.results.hidden = false;
    progress.hide();
    showNotice(strings.classified(formatInteger(result.customers), result.input.file_name));
    setState('done');
  } catch (error) {
    if (thisRun !== run) return;
    progress.hide();
    const message = error.code === ErrorCode.WORKER_FAILED ? strings.workerFailed(error.message) : error.message;
    showError(strings.errorHeading, message);
    setState('error');
  }
}

async function showResults(result) {
  summary = result;
  renderFacts(byId('facts'), result);
  renderSegmentChart(byId('segment-chart'), result.segments);
  renderSegmentTable(byId('segment-table'), result);
  renderBreakpoints(byId('breakpoints'), result.rfm);
  renderSkippedReasons(byId('skipped-reasons'), result.rows);
  renderExplanationHint(ui.explanation);
  const hasSkipped = result.rows.skipped > 0;
  byId('skipped-table').hidden = !hasSkipped;
  ui.downloadSkipped.hidden = !hasSkipped;
  await Promise.all([customerTable.reset(), hasSkipped ? skippedTable.reset() : null]);
}

/** Stops the work at once: the worker is terminated, and the next request starts a new one. */
function cancel() {
  if (document.body.dataset.state !== 'working') return;
  run++;
  client.cancel();
  currentInput = null;
  progress.hide();
  showNotice(strings.cancelled);
  setState('cancelled');
}

async function explainCustomer(index) {
  const thisRequest = ++explainRequest;
  try {
    const explanation = await client.request(Request.EXPLAIN, { index });
    if (thisRequest !== explainRequest) return;
    renderExplanation(ui.explanation, explanation);
    // Side by side the panel is sticky and in view; stacked under the table it may not be.
    const { top, bottom } = ui.explanation.getBoundingClientRect();
    if (top < 0 || bottom > window.innerHeight) ui.explanation.scrollIntoView({ block: 'nearest' });
  } catch (error) {
    showRequestError(error);
  }
}

/**
 * Asks the worker for a file's bytes and saves them. The button is aria-disabled meanwhile
 * (not disabled, which would drop keyboard focus) and ignores further clicks.
 */
async function download(button, request, fileName) {
  if (button.getAttribute('aria-disabled') === 'true') return;
  button.setAttribute('aria-disabled', 'true');
  try {
    const { bytes } = await client.request(request);
    saveBytes(bytes, fileName);
  } catch (error) {
    showRequestError(error);
  } finally {
    button.removeAttribute('aria-disabled');
  }
}

function showNotice(text) {
  ui.notice.textContent = text;
  ui.notice.hidden = false;
}

function showError(heading, message) {
  ui.errorHeading.textContent = heading;
  ui.errorMessage.textContent = message;
  ui.error.hidden = false;
}

/** A failed page, explanation or download: shown, but the result on screen stays usable. */
function showRequestError(error) {
  if (error.cancelled) return; // Cancel said so already
  showError(strings.requestFailed, error.message);
}

function hideMessages() {
  ui.notice.hidden = true;
  ui.error.hidden = true;
}

// --- Input: file picker, drag and drop, sample ---

bindFileDrop({ input: ui.fileInput, dropZone: ui.dropZone, onFile: (file) => classify({ file }) });
ui.sampleButton.addEventListener('click', () => classify({ sample: true }));
ui.downloadSample.addEventListener('click', () =>
  download(ui.downloadSample, Request.SAMPLE_CSV, SAMPLE_FILE_NAME));

// --- Options re-run the current input ---

for (const control of [ui.bins, ui.analysisDate]) {
  control.addEventListener('change', () => {
    if (currentInput) classify(currentInput);
  });
}

// --- Working and results ---

ui.cancelButton.addEventListener('click', cancel);
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') cancel();
});

ui.downloadCustomers.addEventListener('click', () =>
  download(ui.downloadCustomers, Request.CUSTOMERS_CSV, `${baseName(summary.input.file_name)}-classified.csv`));
ui.downloadSkipped.addEventListener('click', () =>
  download(ui.downloadSkipped, Request.SKIPPED_CSV, `${baseName(summary.input.file_name)}-skipped.csv`));
