// Main-thread wiring: takes the user's file or the sample, has the worker classify it under
// the current policy, and shows the result; every accepted edit of the policy classifies the
// same customers again. All heavy work is in the worker; this file only moves messages and DOM.
//
// `document.body.dataset.state` is idle | working | updating | done | error | cancelled, for
// styling and for the end-to-end tests to wait on (`updating`: the customers on screen are
// being classified again under an edited policy, without reading the file). The policy
// editor's own `data-status` says where an edit is (see PolicyEditorView#setStatus).

import { ErrorCode, Request, SAMPLE_FILE_NAME } from './protocol.js';
import { WorkerClient } from './worker-client.js';
import { renderBreakpoints } from './views/breakpoints-view.js';
import { createCustomerTable } from './views/customer-table-view.js';
import { renderDimensionLabels, warningList } from './views/dimension-labels-view.js';
import { byId, el } from './views/dom.js';
import { renderExplanation, renderExplanationHint } from './views/explanation-view.js';
import { renderFacts } from './views/facts-view.js';
import { bindFileDrop } from './views/file-drop-view.js';
import { baseName, formatInteger } from './views/format.js';
import { PolicyEditorView } from './views/policy-editor/policy-editor-view.js';
import { ProgressView } from './views/progress-view.js';
import { saveBytes } from './views/save-file.js';
import { renderSegmentChart } from './views/segment-chart-view.js';
import { renderSegmentTable } from './views/segment-table-view.js';
import { createSkippedTable, renderSkippedReasons } from './views/skipped-view.js';
import { applyStaticText } from './views/static-text.js';
import { strings } from './views/strings.js';
import { renderTierSummary } from './views/tier-summary-view.js';

/** The policy the page starts with: the engine's own default. */
const DEFAULT_PRESET = 'rfm_segments';

applyStaticText();

const client = new WorkerClient();
const progress = new ProgressView();
const ui = {
  fileInput: byId('file-input'),
  dropZone: byId('drop-zone'),
  sampleButton: byId('sample-button'),
  encodingSelect: byId('encoding-select'),
  dateOrderSelect: byId('date-order-select'),
  headerRowInput: byId('header-row-input'),
  downloadSample: byId('download-sample'),
  cancelButton: byId('cancel-button'),
  notice: byId('notice'),
  error: byId('error'),
  errorHeading: byId('error-heading'),
  errorMessage: byId('error-message'),
  results: byId('results'),
  warnings: byId('warnings'),
  explanation: byId('explanation-body'),
  downloadCustomers: byId('download-customers'),
  downloadSkipped: byId('download-skipped'),
};

/** What is being (or was last) classified: `{file}` for a user's file, `{sample: true}`. */
let currentInput = null;
/** The summary on screen, or null. */
let summary = null;
/**
 * The last policy the core accepted, in its canonical form; what the next run uses. Null
 * until the default preset has arrived (a run then uses the engine's default, the same one).
 */
let policy = null;
/** The policy the current input was last classified with (successfully or not). */
let resultPolicy = null;
/** Bumped by every new run and by Cancel; answers for an older run are dropped. */
let run = 0;
let explainRequest = 0;
/** The customer whose explanation is on screen (engine index), to refresh it after an edit. */
let explainedIndex = null;

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
const policyEditor = new PolicyEditorView(byId('policy-editor'), {
  onEdit: submitDraft,
  onChoosePreset: choosePreset,
  onImport: importPolicy,
  onExport: exportPolicy,
});

function setState(state) {
  document.body.dataset.state = state;
}

const state = () => document.body.dataset.state;

async function classify(input) {
  if (state() === 'working') client.cancel(); // the new run replaces it
  const thisRun = ++run;
  const runPolicy = policy;
  currentInput = input;
  summary = null;
  hideMessages();
  ui.results.hidden = true;
  setState('working');
  progress.start(inputName(input));

  const onProgress = (loaded, total) => {
    if (thisRun === run) progress.update(loaded, total);
  };
  try {
    const result = input.file
      ? await client.request(Request.CLASSIFY_FILE,
        { file: input.file, policy: runPolicy, ...readingChoices() },
        { onProgress })
      : await client.request(Request.CLASSIFY_SAMPLE, { policy: runPolicy }, { onProgress });
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
  } finally {
    if (thisRun === run) {
      resultPolicy = runPolicy;
      // The policy was edited while the file was read: classify it again under the new one.
      schedulePolicyWork();
    }
  }
}

/**
 * Renders a result.
 * @param {object} result the summary
 * @param {{sameCustomers?: boolean}} [how] the same customers classified anew: the customer
 *   table keeps its page and order, and the explanation on screen is refreshed
 */
async function showResults(result, { sameCustomers = false } = {}) {
  summary = result;
  renderFacts(byId('facts'), result);
  renderWarnings(result.warnings);
  renderTierSummary(byId('tiers'), result);
  renderDimensionLabels(byId('dimension-labels'), result.dimensions);
  renderSegmentChart(byId('segment-chart'), result.segments);
  renderSegmentTable(byId('segment-table'), result);
  renderBreakpoints(byId('breakpoints'), result.rfm);
  if (sameCustomers) {
    await customerTable.refresh(result);
    if (explainedIndex !== null) explainCustomer(explainedIndex, { scroll: false });
    return;
  }
  renderSkippedReasons(byId('skipped-reasons'), result.rows);
  renderExplanationHint(ui.explanation);
  explainedIndex = null;
  const hasSkipped = result.rows.skipped > 0;
  byId('skipped-table').hidden = !hasSkipped;
  ui.downloadSkipped.hidden = !hasSkipped;
  await Promise.all([customerTable.reset(result), hasSkipped ? skippedTable.reset() : null]);
}

function renderWarnings(warnings) {
  const list = warningList(warnings);
  byId('warnings-list').replaceChildren(...(list ? [list] : []));
  ui.warnings.hidden = !list;
}

/** Stops the work at once: the worker is terminated, and the next request starts a new one. */
function cancel() {
  if (state() !== 'working') return;
  run++;
  client.cancel();
  // The worker held the result on screen (a re-read may have been cancelled): it is gone.
  currentInput = null;
  summary = null;
  ui.results.hidden = true;
  ui.results.inert = false;
  progress.hide();
  showNotice(strings.cancelled);
  setState('cancelled');
}

// --- The policy: edits are checked by the core, then the customers are classified again ---

/** The newest draft not yet checked; older ones are dropped unseen (the user moved on). */
let nextDraft = null;
let policyWorkRunning = false;
/** The last check refused the draft: its message stays until a draft is accepted. */
let draftRefused = false;

function submitDraft(draft) {
  nextDraft = draft;
  schedulePolicyWork();
}

/**
 * Works through the policy edits one at a time: check the newest draft, then classify the
 * customers on screen again when the accepted policy is not the one they were classified
 * with. Edits that arrive meanwhile wait for the current step and then only the newest counts,
 * so a burst of edits costs at most one check and one re-run after the one in flight.
 */
async function schedulePolicyWork() {
  if (policyWorkRunning) return;
  policyWorkRunning = true;
  try {
    for (;;) {
      if (nextDraft) {
        const draft = nextDraft;
        nextDraft = null;
        await checkDraft(draft);
      } else if (currentInput && policy && policy !== resultPolicy && state() !== 'working') {
        await reclassify();
      } else {
        break;
      }
    }
  } finally {
    policyWorkRunning = false;
  }
  if (!draftRefused && !nextDraft) policyEditor.setStatus(summary ? 'applied' : 'ready');
}

async function checkDraft(draft) {
  policyEditor.setStatus('checking');
  try {
    const checked = await client.request(Request.CHECK_POLICY, { policy: draft });
    if (nextDraft) return; // a newer draft is waiting; this one no longer matters
    policy = checked;
    draftRefused = false;
    policyEditor.clearProblem();
  } catch (error) {
    if (error.cancelled) {
      nextDraft ??= draft; // the worker was stopped under it: ask the next one
      return;
    }
    if (nextDraft) return;
    draftRefused = true;
    policyEditor.showProblem(error.message);
  }
}

/** Classifies the current input again under `policy`: in memory when the engine can, else the
 *  worker reads the input again (then with progress, and Cancel works as for a new file). */
async function reclassify() {
  const thisRun = ++run;
  const runPolicy = policy;
  policyEditor.setStatus('applying');
  setState('updating');
  // While the input is read again the worker's result is half-made: the old one stays on
  // screen for reference but cannot be paged or clicked.
  const onProgress = (loaded, total) => {
    if (thisRun !== run) return;
    if (state() !== 'working') {
      setState('working');
      ui.results.inert = true;
      progress.start(inputName(currentInput));
    }
    progress.update(loaded, total);
  };
  try {
    const { summary: result, reread } = await client.request(Request.RECLASSIFY, { policy: runPolicy }, { onProgress });
    if (thisRun !== run) return;
    resultPolicy = runPolicy;
    await showResults(result, { sameCustomers: !reread && summary !== null });
    if (thisRun !== run) return;
    progress.hide();
    ui.error.hidden = true;
    ui.results.hidden = false;
    if (reread) showNotice(strings.classified(formatInteger(result.customers), result.input.file_name));
    setState('done');
  } catch (error) {
    if (thisRun !== run || error.cancelled) return;
    resultPolicy = runPolicy;
    progress.hide();
    if (error.code === ErrorCode.INVALID_POLICY) {
      // The result on screen stays (the engine keeps it too).
      draftRefused = true;
      policyEditor.showProblem(error.message);
      setState(summary ? 'done' : 'error');
    } else if (error.code === ErrorCode.NO_RESULT && currentInput) {
      // A fresh worker (the last one crashed) has no input to read again: give it the input.
      classify(currentInput);
    } else {
      // Reading the input again failed (e.g. no orders before the new analysis date): the
      // worker has no result any more.
      summary = null;
      ui.results.hidden = true;
      showError(strings.errorHeading, error.message);
      setState('error');
    }
  } finally {
    if (thisRun === run) ui.results.inert = false;
  }
}

async function choosePreset(id) {
  policyEditor.setStatus('pending');
  try {
    const preset = await client.request(Request.PRESET_POLICY, { presetId: id });
    policyEditor.clearProblem();
    policyEditor.load(preset, id);
    submitDraft(policyEditor.draft);
  } catch (error) {
    if (!error.cancelled) policyEditor.showProblem(error.message);
  }
}

/** Reads a policy file: not JSON, or refused by the core, it says so and changes nothing. */
async function importPolicy(file) {
  policyEditor.setStatus('pending');
  let parsed;
  try {
    parsed = JSON.parse(await file.text());
  } catch (error) {
    policyEditor.showProblem(strings.policy.importNotJson(file.name, error.message));
    return;
  }
  try {
    const checked = await client.request(Request.CHECK_POLICY, { policy: parsed });
    policyEditor.clearProblem();
    policyEditor.load(checked);
    submitDraft(policyEditor.draft);
  } catch (error) {
    if (!error.cancelled) policyEditor.showProblem(strings.policy.importRefused(file.name, error.message));
  }
}

/** Saves the draft in its canonical form, exactly what the core would read back. */
async function exportPolicy(draft) {
  try {
    const checked = await client.request(Request.CHECK_POLICY, { policy: draft });
    saveBytes(new TextEncoder().encode(JSON.stringify(checked, null, 2)), strings.policy.exportFileName, 'application/json');
  } catch (error) {
    if (!error.cancelled) policyEditor.showProblem(strings.policy.exportRefused(error.message));
  }
}

/** Starts the worker at once: the editor needs the presets, and a first visitor sees it ready. */
async function loadPresets() {
  try {
    const presets = await client.request(Request.PRESETS);
    policyEditor.setPresets(presets);
    const id = presets.some((preset) => preset.id === DEFAULT_PRESET) ? DEFAULT_PRESET : presets[0]?.id;
    if (!id) return;
    const preset = await client.request(Request.PRESET_POLICY, { presetId: id });
    policyEditor.load(preset, id);
    submitDraft(policyEditor.draft);
  } catch (error) {
    if (error.cancelled) {
      // Cancel came first: try again with the worker the next request starts.
      setTimeout(loadPresets, 0);
      return;
    }
    showError(strings.requestFailed, strings.policy.loadFailed(error.message));
  }
}

// --- Customers ---

async function explainCustomer(index, { scroll = true } = {}) {
  const thisRequest = ++explainRequest;
  explainedIndex = index;
  try {
    const explanation = await client.request(Request.EXPLAIN, { index });
    if (thisRequest !== explainRequest) return;
    renderExplanation(ui.explanation, explanation);
    if (!scroll) return;
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

// --- Messages ---

function inputName(input) {
  return input.file ? input.file.name : SAMPLE_FILE_NAME;
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

// The encoding choice: empty detects it. A file on screen is read again in the chosen one.
ui.encodingSelect.replaceChildren(
  el('option', { value: '', text: strings.encoding.auto }),
  ...Object.entries(strings.encodingNames).map(([value, text]) => el('option', { value, text })));
ui.dateOrderSelect.replaceChildren(
  el('option', { value: '', text: strings.dateOrder.auto }),
  ...Object.entries(strings.dateOrderNames).map(([value, text]) => el('option', { value, text })));
for (const control of [ui.encodingSelect, ui.dateOrderSelect, ui.headerRowInput]) {
  control.addEventListener('change', () => {
    if (currentInput?.file) classify(currentInput);
  });
}

/** How the user says the file must be read; empty choices are detected by the core. */
function readingChoices() {
  const headerRow = Number.parseInt(ui.headerRowInput.value, 10);
  return {
    encoding: ui.encodingSelect.value,
    dateOrder: ui.dateOrderSelect.value,
    headerRow: Number.isInteger(headerRow) && headerRow >= 1 ? headerRow : null,
  };
}
ui.downloadSample.addEventListener('click', () =>
  download(ui.downloadSample, Request.SAMPLE_CSV, SAMPLE_FILE_NAME));

// --- Working and results ---

ui.cancelButton.addEventListener('click', cancel);
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') cancel();
});

ui.downloadCustomers.addEventListener('click', () =>
  download(ui.downloadCustomers, Request.CUSTOMERS_CSV, `${baseName(summary.input.file_name)}-classified.csv`));
ui.downloadSkipped.addEventListener('click', () =>
  download(ui.downloadSkipped, Request.SKIPPED_CSV, `${baseName(summary.input.file_name)}-skipped.csv`));

loadPresets();
