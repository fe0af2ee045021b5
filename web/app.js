// Main-thread wiring: takes the user's files or the sample, has the worker classify them
// under the current policy, and shows the result; every accepted edit of the policy classifies
// the same customers again. All heavy work is in the worker; this file only moves messages and
// DOM.
//
// A user's files (an orders file, a customers table, or one of each) are inspected first, and
// confirmed in the mapping step unless the policy already names their columns: see
// file-flow.js.
//
// `document.body.dataset.state` is idle | inspecting | mapping | working | updating | done |
// error | cancelled, for styling and for the end-to-end tests to wait on (`inspecting`: the
// files' first rows are being read; `mapping`: the mapping step waits for the user;
// `updating`: the customers on screen are being classified again under an edited policy,
// without reading the files; `done`: the result is drawn, but for a new result's first customer
// rows, which may come a moment later: the customer table is aria-busy until then). The policy
// editor's own `data-status` says where an edit is (see PolicyEditorView#setStatus).

import { keepFileColumns, policyNamesTable } from './column-mapping.js';
import { classifyRequest, fileNames, FileFlow } from './file-flow.js';
import { currentLanguage, initialLanguage, rememberLanguage, useLanguage } from './i18n/language.js';
import { ErrorCode, Request, SAMPLE_FILE_NAME } from './protocol.js';
import { makeReport } from './report/make-report.js';
import { SavedWorkFlow } from './saved-work-flow.js';
import { WorkerClient } from './worker-client.js';
import { renderBreakpoints } from './views/breakpoints-view.js';
import { loadECharts } from './views/charts/echarts.js';
import { createClusterCards } from './views/clusters/cluster-cards-view.js';
import { renderClvCard } from './views/clv/clv-card-view.js';
import { createCustomerTable } from './views/customer-table-view.js';
import { createDashboard } from './views/dashboard/dashboard-view.js';
import { renderDimensionLabels, warningList } from './views/dimension-labels-view.js';
import { byId } from './views/dom.js';
import { renderExplanationHint } from './views/explanation-view.js';
import { renderColumnsNote, renderFacts } from './views/facts-view.js';
import { bindFileDrop } from './views/file-drop-view.js';
import { baseName, formatInteger, formatList } from './views/format.js';
import { createMigrationView } from './views/migration/migration-view.js';
import { PolicyEditorView } from './views/policy-editor/policy-editor-view.js';
import { renderCustomerProfile } from './views/profile/customer-profile-view.js';
import { ProgressView } from './views/progress-view.js';
import { saveBytes } from './views/save-file.js';
import { renderSegmentChart } from './views/segment-chart-view.js';
import { renderSegmentTable } from './views/segment-table-view.js';
import { createSkippedTable, renderSkippedReasons, skippedRowCount } from './views/skipped-view.js';
import { applyStaticText } from './views/static-text.js';
import { strings } from './views/strings.js';
import { renderTierSummary } from './views/tier-summary-view.js';

/** The policy the page starts with: the engine's own default. */
const DEFAULT_PRESET = 'rfm_segments';

useLanguage(initialLanguage());
applyStaticText();

const client = new WorkerClient();
const progress = new ProgressView();
const ui = {
  languageSelect: byId('language-select'),
  fileInput: byId('file-input'),
  dropZone: byId('drop-zone'),
  sampleButton: byId('sample-button'),
  downloadSample: byId('download-sample'),
  cancelButton: byId('cancel-button'),
  notice: byId('notice'),
  error: byId('error'),
  errorHeading: byId('error-heading'),
  errorMessage: byId('error-message'),
  errorChangeColumns: byId('error-change-columns'),
  results: byId('results'),
  columnsNote: byId('columns-note'),
  columnsNoteText: byId('columns-note-text'),
  changeColumns: byId('change-columns'),
  warnings: byId('warnings'),
  explanation: byId('explanation-body'),
  downloadCustomers: byId('download-customers'),
  downloadCustomersXlsx: byId('download-customers-xlsx'),
  downloadSummary: byId('download-summary'),
  downloadPolicy: byId('download-policy'),
  sqlDialect: byId('sql-dialect'),
  downloadSql: byId('download-sql'),
  downloadReport: byId('download-report'),
  downloadSkipped: byId('download-skipped'),
};

/**
 * What is being (or was last) classified: a FileInput (file-flow.js) for the user's files,
 * `{sample: true}` for the sample.
 */
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
/** The customer whose profile is on screen (engine index), to refresh it after an edit. */
let explainedIndex = null;

const customerTable = createCustomerTable(byId('customer-table'), {
  fetchPage: (offset, count, sortKey, descending, filter) =>
    client.request(Request.CUSTOMERS_PAGE, { offset, count, sortKey, descending, filter }),
  onChooseCustomer: explainCustomer,
  onError: showRequestError,
});
const clusterCards = createClusterCards(byId('cluster-cards'), {
  fetchPoints: (dimensionIndex, maxPoints) => client.request(Request.CLUSTER_POINTS, { dimensionIndex, maxPoints }),
  onError: showRequestError,
});
const dashboard = createDashboard(byId('dashboard'), { fetchDashboard: () => client.request(Request.DASHBOARD) });
const skippedTable = createSkippedTable(byId('skipped-table'), {
  fetchPage: (offset, count) => client.request(Request.SKIPPED_PAGE, { offset, count }),
  onError: showRequestError,
});
const migrationView = createMigrationView(byId('migration'), {
  compare: (earlier, field, onProgress) => client.request(Request.COMPARE, { earlier, field }, { onProgress }),
  download: (button, which) => download(button, which === 'csv' ? Request.MIGRATION_CSV : Request.MIGRATION_JSON,
    `${baseName(summaryFileNames(summary)[0])}-migration.${which}`, which === 'csv' ? undefined : 'application/json'),
  onChooseCustomer: explainCustomer,
});
const fileFlow = new FileFlow(byId('mapping'), {
  client,
  progress,
  policy: () => policy,
  nextRun: () => ++run,
  isCurrentRun: (thisRun) => thisRun === run,
  state,
  setState,
  dropRunningWork,
  classify,
  fail,
  hideMessages,
  hideResults: () => { ui.results.hidden = true; },
  backToResult,
  editPolicy: (change) => policyEditor.change(change),
});
const policyEditor = new PolicyEditorView(byId('policy-editor'), {
  onEdit: submitDraft,
  onChoosePreset: choosePreset,
  onImport: importPolicy,
  onExport: exportPolicy,
});
/** The user's work kept in this browser (policy, columns, last input), given back on reload. */
const savedWork = new SavedWorkFlow(byId('saved-work'));
/** Drafts the page submits itself (the starting policy): not the user's, so not saved. */
const startingDrafts = new WeakSet();
/** The input saved on an earlier visit, classified once its policy is checked (loadPresets). */
let restoredInput = null;

function setState(newState) {
  document.body.dataset.state = newState;
}

function state() {
  return document.body.dataset.state;
}

async function classify(input) {
  if (state() === 'working') client.cancel(); // the new run replaces it
  if (fileFlow.isOpen) fileFlow.close(); // the sample, chosen while files waited in the step
  const thisRun = ++run;
  const runPolicy = policy;
  currentInput = input;
  summary = null;
  hideMessages();
  ui.results.hidden = true;
  setState('working');
  progress.start(() => inputName(input));
  // The charting library is loaded (and compiled) while the worker reads the file, rather
  // than after: the page's thread is idle meanwhile.
  loadECharts().catch(() => {});  // a failure shows where the charts are drawn

  const onProgress = (loaded, total) => {
    if (thisRun === run) progress.update(loaded, total);
  };
  try {
    // User-timing marks (DevTools' Performance panel; bench/run.mjs reads them): where a run's
    // time goes between the worker's answer and the result drawn.
    performance.mark('tierlens:classify');
    const result = input.files
      ? await client.request(Request.CLASSIFY_FILES, { ...classifyRequest(input), policy: runPolicy }, { onProgress })
      : await client.request(Request.CLASSIFY_SAMPLE, { policy: runPolicy }, { onProgress });
    if (thisRun !== run) return;
    performance.mark('tierlens:summary');
    await showResults(result, { policy: runPolicy });
    if (thisRun !== run) return; // cancelled while the first pages were fetched
    ui.results.hidden = false;
    progress.hide();
    showNotice(() => strings.classified(formatInteger(result.customers), formatList(summaryFileNames(result))));
    setState('done');
    savedWork.keepInput(input);
  } catch (error) {
    if (thisRun !== run) return;
    progress.hide();
    const message = error.code === ErrorCode.WORKER_FAILED ? () => strings.workerFailed(error.message) : error.message;
    showError(() => strings.errorHeading, message, { offerColumns: Boolean(input.files) });
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
 * @param {{policy: object|null, sameCustomers?: boolean}} how `policy` is the one it was
 *   classified with; `sameCustomers`: the same customers classified anew, so the customer
 *   table keeps its page and order, and the explanation on screen is refreshed
 */
async function showResults(result, { policy: usedPolicy, sameCustomers = false }) {
  summary = result;
  // The views the worker answers for are asked first, the dashboard (the first card) ahead:
  // the worker computes them while this thread draws the rest, rather than after it.
  const hasSkipped = skippedRowCount(result) > 0;
  const fromWorker = [dashboard.render(result), clusterCards.render(result)];
  if (sameCustomers) {
    fromWorker.push(customerTable.refresh(result)); // its rows stay on screen until redrawn
  } else {
    if (hasSkipped) fromWorker.push(skippedTable.reset());
    // A new result's first customer rows, asked last, are not waited for: the table is some
    // five screens below the top of the results, and draws them as they come (aria-busy
    // until then; the rows of the result before are gone at once).
    customerTable.reset(result).catch(showRequestError);
  }
  migrationView.resultShown(result);
  renderFacts(byId('facts'), result);
  ui.columnsNote.hidden = !currentInput?.files;
  if (currentInput?.files) renderColumnsNote(ui.columnsNoteText, result, policyNamesAll(usedPolicy, currentInput));
  renderWarnings(result.warnings);
  renderTierSummary(byId('tiers'), result);
  renderDimensionLabels(byId('dimension-labels'), result.dimensions);
  renderClvCard(byId('clv-section'), byId('clv'), result.clv ?? null);
  renderSegmentChart(byId('segment-chart'), result.segments);
  renderSegmentTable(byId('segment-table'), result);
  renderBreakpoints(byId('breakpoints'), result.rfm);
  if (sameCustomers) {
    await Promise.all(fromWorker);
    if (explainedIndex !== null) explainCustomer(explainedIndex, { scroll: false });
    return;
  }
  renderSkippedReasons(byId('skipped-reasons'), result);
  renderExplanationHint(ui.explanation);
  explainedIndex = null;
  byId('skipped-table').hidden = !hasSkipped;
  ui.downloadSkipped.hidden = !hasSkipped;
  await Promise.all(fromWorker);
}

/** Whether the policy names the columns of every file of `input`. */
function policyNamesAll(usedPolicy, input) {
  return input.files.every(({ role }) => policyNamesTable(usedPolicy, role, input.files.length === 1));
}

/** The files a summary was read from: the orders, then the customers table. */
function summaryFileNames(result) {
  return [result.input?.file_name, result.customer_table?.input.file_name].filter(Boolean);
}

function renderWarnings(warnings) {
  const list = warningList(warnings);
  byId('warnings-list').replaceChildren(...(list ? [list] : []));
  ui.warnings.hidden = !list;
}

/**
 * Stops the work at once: the worker is terminated, and the next request starts a new one.
 * Files read again inside the mapping step are not stopped so: the step is left, as its own
 * Cancel does.
 */
function cancel() {
  if (fileFlow.isOpen) {
    fileFlow.leave();
    return;
  }
  if (state() !== 'working' && state() !== 'inspecting') return;
  run++;
  // The worker held the result on screen (a re-read may have been cancelled): it is gone.
  dropRunningWork();
  showNotice(() => strings.cancelled);
  setState('cancelled');
}

// --- The policy: edits are checked by the core, then the customers are classified again ---

/** The newest draft not yet checked; older ones are dropped unseen (the user moved on). */
let nextDraft = null;
let policyWorkRunning = false;
/** The last check refused the draft: its message stays until a draft is accepted. */
let draftRefused = false;
let draftRefusal = '';

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
/** States in which the customers on screen are not classified again after an edit: files are
 *  being read, or wait in the mapping step (its results come back when the step is left). */
const FILE_BUSY = ['working', 'inspecting', 'mapping'];

async function schedulePolicyWork() {
  if (policyWorkRunning) return;
  policyWorkRunning = true;
  try {
    for (;;) {
      if (nextDraft) {
        const draft = nextDraft;
        nextDraft = null;
        await checkDraft(draft);
      } else if (fileFlow.hasConfirmed) {
        // The mapping step's columns were put into the policy: read the files under it.
        const input = fileFlow.takeConfirmed();
        if (draftRefused) fileFlow.refused(draftRefusal);
        else await classify(input);
      } else if (restoredInput) {
        // The saved input, unless the user has started something else meanwhile.
        const input = restoredInput;
        restoredInput = null;
        if (!draftRefused && state() === 'idle') await classify(input);
      } else if (currentInput && policy && policy !== resultPolicy && !FILE_BUSY.includes(state())) {
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
    if (!startingDrafts.has(draft)) savedWork.keepPolicy(checked, policyEditor.presetId);
    draftRefused = false;
    draftRefusal = '';
    policyEditor.clearProblem();
  } catch (error) {
    if (error.cancelled) {
      nextDraft ??= draft; // the worker was stopped under it: ask the next one
      return;
    }
    if (nextDraft) return;
    draftRefused = true;
    draftRefusal = error.message;
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
      progress.start(() => inputName(currentInput));
    }
    progress.update(loaded, total);
  };
  try {
    const { summary: result, reread } = await client.request(Request.RECLASSIFY, { policy: runPolicy }, { onProgress });
    if (thisRun !== run) return;
    resultPolicy = runPolicy;
    await showResults(result, { policy: runPolicy, sameCustomers: !reread && summary !== null });
    if (thisRun !== run) return;
    progress.hide();
    ui.error.hidden = true;
    ui.results.hidden = false;
    if (reread) showNotice(() => strings.classified(formatInteger(result.customers), formatList(summaryFileNames(result))));
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
      showError(() => strings.errorHeading, error.message, { offerColumns: Boolean(currentInput?.files) });
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
    policyEditor.load(keepFileColumns(policyEditor.draft, preset), id);
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
    // The work an earlier visit saved comes back: its policy here, its input once the policy
    // is checked (schedulePolicyWork).
    const saved = await savedWork.restore();
    restoredInput = saved?.input ?? null;
    if (saved?.policy) {
      policyEditor.load(saved.policy, saved.presetId);
    } else {
      const id = presets.some((preset) => preset.id === DEFAULT_PRESET) ? DEFAULT_PRESET : presets[0]?.id;
      if (!id) return;
      const preset = await client.request(Request.PRESET_POLICY, { presetId: id });
      policyEditor.load(preset, id);
    }
    const draft = policyEditor.draft;
    startingDrafts.add(draft);
    submitDraft(draft);
  } catch (error) {
    if (error.cancelled) {
      // Cancel came first: try again with the worker the next request starts.
      setTimeout(loadPresets, 0);
      return;
    }
    showError(() => strings.requestFailed, () => strings.policy.loadFailed(error.message));
  }
}

// --- A user's files: see file-flow.js ---

/** "Change columns": the mapping step again, for the files on screen as they were read. */
function changeColumns() {
  if (currentInput?.files) fileFlow.change(currentInput);
}

/** The run in progress is stopped for new files; the worker's result goes with it. */
function dropRunningWork() {
  client.cancel();
  currentInput = null;
  summary = null;
  ui.results.hidden = true;
  ui.results.inert = false;
  progress.hide();
}

/** The mapping step was left: back to the result before, if there was one. */
function backToResult() {
  progress.hide();
  ui.results.hidden = !summary;
  setState(summary ? 'done' : 'idle');
  (summary ? ui.changeColumns : ui.fileInput).focus();
  schedulePolicyWork(); // edits made meanwhile reach the result on screen
}

// --- Customers ---

/** Shows the profile card of customer `index`: its explanation, attributes, metrics, orders. */
async function explainCustomer(index, { scroll = true } = {}) {
  const thisRequest = ++explainRequest;
  explainedIndex = index;
  try {
    const card = await client.request(Request.CUSTOMER_PROFILE, { index });
    if (thisRequest !== explainRequest) return;
    renderCustomerProfile(ui.explanation, card);
    if (!scroll) return;
    // Side by side the panel is sticky and in view; stacked under the table it may not be.
    const { top, bottom } = ui.explanation.getBoundingClientRect();
    if (top < 0 || bottom > window.innerHeight) ui.explanation.scrollIntoView({ block: 'nearest' });
  } catch (error) {
    showRequestError(error);
  }
}

/**
 * Asks the worker for a file's bytes and saves them as `fileName` of MIME `type` (CSV when
 * not given). The button is aria-disabled meanwhile (not disabled, which would drop keyboard
 * focus) and ignores further clicks.
 */
async function download(button, request, fileName, type) {
  return saveMade(button, async () => (await client.request(request)).bytes, fileName, type);
}

/** As download(), for bytes made in the page by `makeBytes` (the HTML report). */
async function saveMade(button, makeBytes, fileName, type) {
  if (button.getAttribute('aria-disabled') === 'true') return;
  button.setAttribute('aria-disabled', 'true');
  try {
    saveBytes(await makeBytes(), fileName, type);
  } catch (error) {
    showRequestError(error);
  } finally {
    button.removeAttribute('aria-disabled');
  }
}

/** The HTML report of the result on screen, in the language on screen. */
async function makeResultReport() {
  const [dashboardData, { bytes: policyBytes }] = await Promise.all([
    client.request(Request.DASHBOARD), client.request(Request.POLICY_JSON)]);
  return makeReport({
    summary,
    dashboard: dashboardData,
    policyJson: new TextDecoder().decode(policyBytes),
    language: currentLanguage(),
    otherCharts: [migrationView.reportChart()].filter(Boolean),
  });
}

// --- Messages ---

function inputName(input) {
  return input.files ? fileNames(input) : SAMPLE_FILE_NAME;
}

/**
 * The texts of the notice and the error box: a function is the page's own words, said again
 * in the language chosen next (see redrawInLanguage); a string is the engine's, kept as it is.
 */
const messages = { notice: '', heading: '', message: '' };
const say = (text) => (typeof text === 'function' ? text() : text);

/** @param {string|(() => string)} text */
function showNotice(text) {
  messages.notice = text;
  ui.notice.textContent = say(text);
  ui.notice.hidden = false;
}

/**
 * `heading` and `message`: strings or functions, as for showNotice. `offerColumns`: the
 * message is about a user's file, whose columns the user may change.
 */
function showError(heading, message, { offerColumns = false } = {}) {
  messages.heading = heading;
  messages.message = message;
  ui.errorHeading.textContent = say(heading);
  ui.errorMessage.textContent = say(message);
  ui.errorChangeColumns.hidden = !offerColumns;
  ui.error.hidden = false;
}

/** States a message about new files leaves as they are: a run or the mapping step goes on. */
const GOING_ON = ['working', 'updating', 'mapping'];

/** Files could not be taken: says why; the result before stays, for reference. */
function fail(heading, message) {
  showError(heading, message);
  if (GOING_ON.includes(state())) return;
  ui.results.hidden = !summary;
  setState('error');
}

/** A failed page, explanation or download: shown, but the result on screen stays usable. */
function showRequestError(error) {
  if (error.cancelled) return; // Cancel said so already
  showError(() => strings.requestFailed, error.message);
}

function hideMessages() {
  ui.notice.hidden = true;
  ui.error.hidden = true;
}

// --- Language: chosen in the header, remembered; what is on screen is drawn again ---

/**
 * Draws everything on screen again in the language just chosen, from what the page holds: the
 * summary, the policy draft, the mapping step's files and choices. The customer and skipped-row
 * tables ask the worker again for the page they show; nothing is read or classified again.
 */
function redrawInLanguage() {
  applyStaticText();
  progress.relabel();
  ui.notice.textContent = say(messages.notice);
  ui.errorHeading.textContent = say(messages.heading);
  ui.errorMessage.textContent = say(messages.message);
  policyEditor.redraw();
  savedWork.redraw();
  fileFlow.redraw();
  migrationView.redraw();
  if (summary) redrawResults(summary).catch(showRequestError);
}

async function redrawResults(result) {
  renderSkippedReasons(byId('skipped-reasons'), result);
  if (explainedIndex === null) renderExplanationHint(ui.explanation);
  const hasSkipped = skippedRowCount(result) > 0;
  await Promise.all([
    showResults(result, { policy: resultPolicy, sameCustomers: true }),
    hasSkipped ? skippedTable.refresh() : null,
  ]);
}

ui.languageSelect.value = currentLanguage();
ui.languageSelect.addEventListener('change', () => {
  const id = ui.languageSelect.value;
  useLanguage(id);
  rememberLanguage(id);
  redrawInLanguage();
});

// --- Input: file picker, drag and drop, sample ---

bindFileDrop({ input: ui.fileInput, dropZone: ui.dropZone, onFiles: (files) => fileFlow.choose(files) });
ui.sampleButton.addEventListener('click', () => classify({ sample: true }));
ui.changeColumns.addEventListener('click', changeColumns);
ui.errorChangeColumns.addEventListener('click', changeColumns);

ui.downloadSample.addEventListener('click', () =>
  download(ui.downloadSample, Request.SAMPLE_CSV, SAMPLE_FILE_NAME));

// --- Working and results ---

ui.cancelButton.addEventListener('click', cancel);
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') cancel();
});

ui.downloadCustomers.addEventListener('click', () =>
  download(ui.downloadCustomers, Request.CUSTOMERS_CSV, `${baseName(summaryFileNames(summary)[0])}-classified.csv`));
ui.downloadSkipped.addEventListener('click', () =>
  download(ui.downloadSkipped, Request.SKIPPED_CSV, `${baseName(summaryFileNames(summary)[0])}-skipped.csv`));
ui.downloadCustomersXlsx.addEventListener('click', () =>
  download(ui.downloadCustomersXlsx, Request.CUSTOMERS_XLSX, `${baseName(summaryFileNames(summary)[0])}-classified.xlsx`,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'));
ui.downloadSummary.addEventListener('click', () =>
  download(ui.downloadSummary, Request.SUMMARY_JSON, `${baseName(summaryFileNames(summary)[0])}-summary.json`, 'application/json'));
ui.downloadPolicy.addEventListener('click', () =>
  download(ui.downloadPolicy, Request.POLICY_JSON, `${baseName(summaryFileNames(summary)[0])}-policy.json`, 'application/json'));
ui.downloadSql.addEventListener('click', () => {
  // The run on screen is the fit: its columns, CLV parameters and cluster centres go into the script.
  const dialect = ui.sqlDialect.value;
  saveMade(ui.downloadSql, async () => (await client.request(Request.POLICY_SQL, { dialect })).bytes,
    `${baseName(summaryFileNames(summary)[0])}-policy.${dialect}.sql`, 'application/sql');
});
ui.downloadReport.addEventListener('click', () =>
  saveMade(ui.downloadReport, makeResultReport, `${baseName(summaryFileNames(summary)[0])}-report.html`, 'text/html;charset=utf-8'));

loadPresets();
