// A user's files, from the moment they are chosen until they are classified. Their first rows
// are read and each file is told its table (an orders file, a customers table, or one of
// each: see table-roles.js). When the policy already names their columns and they fit, they
// are classified at once; otherwise the mapping step asks which file and which column is
// which, and the answer goes into the policy like any edit before the files are read.

import { policyNamesTable, writeChoice } from './column-mapping.js';
import { isWorkbookTooLarge, isZipFile, MAX_WORKBOOK_BYTES } from './input-files.js';
import { MAX_FILES, Request, Table } from './protocol.js';
import { formatBytes, formatList } from './views/format.js';
import { MappingView } from './views/mapping/mapping-view.js';
import { strings } from './views/strings.js';

/** How a file is read when the user has said nothing: every choice detected by the core. */
const DETECT = Object.freeze({ encoding: '', dateOrder: '', headerRow: null, sheet: null });

/**
 * A run's files, each with the table it is read as (null until the worker has told) and how
 * it is read (`reading` as the mapping step's controls give it).
 * @typedef {{files: Array<{file: File, role: string|null, reading: object}>}} FileInput
 */

/** The names of an input's files, for messages: "orders.csv and customers.csv". */
export const fileNames = (input) => formatList(input.files.map(({ file }) => file.name));

/** CLASSIFY_FILES's files for `input`: its orders file and its customers table, each or null. */
export function classifyRequest(input) {
  const part = (table) => {
    const entry = input.files.find(({ role }) => role === table);
    return entry ? { file: entry.file, ...entry.reading } : null;
  };
  return { orders: part(Table.ORDERS), customers: part(Table.CUSTOMERS) };
}

export class FileFlow {
  #page;
  #step;
  /** @type {FileInput|null} the files in the mapping step, or null while the step is closed */
  #input = null;
  /** @type {FileInput|null} files whose columns are on their way into the policy */
  #confirmed = null;

  /**
   * @param {HTMLElement} stepRoot the mapping step's section
   * @param {object} page what the flow needs of the page
   * @param {import('./worker-client.js').WorkerClient} page.client
   * @param {import('./views/progress-view.js').ProgressView} page.progress
   * @param {() => object|null} page.policy the policy the core last accepted
   * @param {() => number} page.nextRun starts a run (answers older ones are then dropped)
   * @param {(run: number) => boolean} page.isCurrentRun
   * @param {() => string} page.state
   * @param {(state: string) => void} page.setState
   * @param {() => void} page.dropRunningWork the run in progress stops for new files
   * @param {(input: FileInput) => void} page.classify
   * @param {(heading: string|(() => string), message: string|(() => string)) => void} page.fail
   *   says why, and settles (a function is a text in the language on screen, said again after
   *   a change of language)
   * @param {() => void} page.hideMessages
   * @param {() => void} page.hideResults
   * @param {() => void} page.backToResult the step is left: what the page showed before
   * @param {(change: (draft: object) => void) => string|null} page.editPolicy changes the
   *   policy as any edit does; answers why it could not, or null
   */
  constructor(stepRoot, page) {
    this.#page = page;
    this.#step = new MappingView(stepRoot, {
      onReadingChange: (index, reading) => this.#reread(this.#withFile(index, { reading })),
      onRoleChange: (index, role) => this.#reread(this.#withRole(index, role)),
      onClassify: (choices) => this.#confirm(choices),
      onCancel: () => this.leave(),
    });
  }

  get isOpen() {
    return this.#step.isOpen;
  }

  /** Files chosen or dropped: read their first rows, and classify them or ask for their columns. */
  choose(files) {
    if (files.length > MAX_FILES) {
      const names = () => formatList(files.map((file) => file.name));
      this.#page.fail(() => strings.tooManyFilesHeading, () => strings.tooManyFiles(files.length, names(), MAX_FILES));
      return;
    }
    if (this.isOpen) this.close(); // the new files take the place of those waiting
    this.#inspect({ files: files.map((file) => ({ file, role: null, reading: DETECT })) }, { isNew: true });
  }

  /** "Change columns": the mapping step again, for the files on screen as they were read. */
  change(input) {
    this.#inspect(input);
  }

  /** Cancel or Escape in the step: back to the result before, if there was one. */
  leave() {
    if (!this.isOpen) return;
    this.#page.nextRun(); // a reading still on its way is no longer wanted
    this.close();
    this.#page.backToResult();
  }

  close() {
    this.#step.close();
    this.#input = null;
    this.#confirmed = null;
  }

  /** Draws the mapping step again, if it is open, in the language on screen. */
  redraw() {
    if (this.isOpen) this.#step.redraw();
  }

  /** Whether confirmed files wait for the policy (see takeConfirmed). */
  get hasConfirmed() {
    return this.#confirmed !== null;
  }

  /** The files whose columns went into the policy, to classify once the core accepted it. */
  takeConfirmed() {
    const input = this.#confirmed;
    this.#confirmed = null;
    return input;
  }

  /** The core refused the policy with the columns in it: the step says so, and stays. */
  refused(message) {
    this.#confirmed = null;
    this.#step.setBusy(false);
    this.#step.showProblem(message);
  }

  #withFile(index, change) {
    return { files: this.#input.files.map((entry, i) => (i === index ? { ...entry, ...change } : entry)) };
  }

  /** File `index` as `role`; of two files, the other is then the other table. */
  #withRole(index, role) {
    const other = role === Table.ORDERS ? Table.CUSTOMERS : Table.ORDERS;
    return { files: this.#input.files.map((entry, i) => ({ ...entry, role: i === index ? role : other })) };
  }

  /** The files in the step, read again another way: kept at once, so that a second change
   *  made before the first is read builds on it. */
  #reread(input) {
    this.#input = input;
    this.#inspect(input);
  }

  /**
   * Has the worker read the first rows of the files the way their readings say, then opens the
   * mapping step with them or (new files whose columns the policy names and which fit)
   * classifies them at once. Inside the step it is the step that shows the new reading.
   * @param {FileInput} input
   * @param {{isNew?: boolean}} [how] files just chosen (else files already known to the page)
   */
  async #inspect(input, { isNew = false } = {}) {
    const page = this.#page;
    if (page.state() === 'working') page.dropRunningWork(); // the new files replace it
    const run = page.nextRun();
    const inStep = this.isOpen;
    // Set before anything is awaited: whoever waits on the state sees this run.
    page.setState('inspecting');
    if (inStep) {
      this.#step.setBusy(true);
    } else {
      page.hideMessages();
      page.progress.start(() => fileNames(input), 'readingColumns');
    }
    try {
      const tooLarge = isNew ? await firstTooLargeWorkbook(input) : null;
      if (!page.isCurrentRun(run)) return;
      if (tooLarge) {
        page.progress.hide();
        page.fail(() => strings.workbookTooLargeHeading,
          () => strings.workbookTooLarge(tooLarge.name, formatBytes(tooLarge.size), MAX_WORKBOOK_BYTES / 2 ** 30));
        return;
      }
      const policy = page.policy();
      const tables = await page.client.request(Request.INSPECT_FILES, { files: input.files, policy });
      if (!page.isCurrentRun(run)) return;
      page.progress.hide();
      const files = input.files.map((entry, i) => ({ entry: { ...entry, role: tables[i].role }, table: tables[i] }));
      if (isNew) files.sort((a, b) => Number(a.table.role !== Table.ORDERS) - Number(b.table.role !== Table.ORDERS));
      const inspected = { files: files.map(({ entry }) => entry) };
      if (isNew && goesStraightThrough(tables, policy)) {
        page.classify(inspected); // the columns saved in the policy fit these files
      } else if (isNew && tables.every(({ error }) => error)) {
        page.fail(() => strings.errorHeading, tables.map(({ error }) => error).join('\n'));
      } else {
        this.#open(inspected, files.map(({ table }) => table));
      }
    } catch (error) {
      if (!page.isCurrentRun(run) || error.cancelled) return;
      page.progress.hide();
      if (this.isOpen) this.close();
      page.fail(() => strings.errorHeading, error.message);
    }
  }

  #open(input, tables) {
    this.#input = input;
    this.#page.hideResults();
    const alone = input.files.length === 1;
    const files = input.files.map(({ file, role, reading }, i) =>
      ({ fileName: file.name, role, reading, inspection: tables[i].inspection, error: tables[i].error, alone }));
    if (this.isOpen) {
      this.#step.setBusy(false);
      this.#step.showFiles(files);
    } else {
      this.#step.open(files);
    }
    this.#page.setState('mapping');
  }

  /**
   * Classify: the columns go into the policy through the editor, as any edit does (so the
   * editor, export and later files see them); once the core has accepted the policy, the
   * files are read under it (see takeConfirmed).
   */
  #confirm(choices) {
    this.#step.setBusy(true);
    this.#confirmed = this.#input;
    const problem = this.#page.editPolicy((draft) => writeChoice(draft, ...choices));
    if (problem) this.refused(problem);
  }
}

/** Whether every file read fine and the policy names its columns. */
function goesStraightThrough(tables, policy) {
  const alone = tables.length === 1;
  return tables.every(({ role, inspection }) => inspection?.problem === null && policyNamesTable(policy, role, alone));
}

/** The first of the files that is a workbook too large to read, or null. */
async function firstTooLargeWorkbook(input) {
  for (const { file } of input.files) {
    if (isWorkbookTooLarge(file.size) && (await isZipFile(file))) return file;
  }
  return null;
}
