// One file in the mapping step: which table it is (orders, or the customers table), how it is
// read, the engine's word on it as it stands (`problem`, shown as given), the column of each
// role and attribute, the page's own check of that choice, and the file's first rows with the
// chosen columns marked. The step (mapping-view.js) holds one section per file of the run.

import { carriedChoice, choiceProblems, proposedChoice } from '../../column-mapping.js';
import { Table } from '../../protocol.js';
import { el } from '../dom.js';
import { formatList } from '../format.js';
import { strings } from '../strings.js';
import { attributeLabel, createColumnChoices, roleLabel } from './column-choices.js';
import { renderPreview } from './preview-table.js';
import { createReadingControls } from './reading-controls.js';

/**
 * What a section shows: the file, the table it is read as, how it is read, and the engine's
 * inspection of it (null when it cannot be read so, and then `error` says why).
 * @typedef {{fileName: string, role: string, reading: object, inspection: object|null,
 *   error: string|null, alone: boolean}} SectionFile
 */

export class FileSection {
  /** The section's element. */
  root;
  #idPrefix;
  /** @type {SectionFile|null} */
  #file = null;
  #choice = { table: Table.ORDERS, roles: {}, attributes: {} };
  #heading;
  #roleInputs;
  #problem;
  #check;
  #preview;
  #controls;
  #choices;

  /**
   * @param {number} index the file's place in the step
   * @param {object} handlers
   * @param {(reading: object) => void} handlers.onReadingChange read the file again this way
   * @param {(role: string) => void} handlers.onRoleChange read the file as the other table
   * @param {() => void} handlers.onChoice the user changed a column
   */
  constructor(index, handlers) {
    const prefix = `mapping-file-${index}`;
    this.#idPrefix = prefix;
    const words = strings.mapping;
    this.#heading = el('h3', { class: 'mapping-file-name', 'data-testid': 'mapping-file-name' });
    this.#roleInputs = Object.values(Table).map((table) => el('input', {
      type: 'radio', name: `${prefix}-table`, id: `${prefix}-table-${table}`, value: table, 'data-testid': `table-${table}`,
      on: { change: () => handlers.onRoleChange(table) },
    }));
    const roleSwitch = el('fieldset', { class: 'table-switch', 'data-testid': 'table-switch' },
      el('legend', { text: words.tableSwitch }),
      ...this.#roleInputs.map((input) => el('label', { for: input.id }, input, ' ', words.tables[input.value])));
    this.#controls = createReadingControls({ idPrefix: prefix, onChange: (reading) => handlers.onReadingChange(reading) });
    this.#choices = createColumnChoices({
      idPrefix: prefix,
      onChange: (choice) => {
        this.#choice = { table: this.#choice.table, ...choice };
        handlers.onChoice();
      },
    });
    this.#problem = el('div', { class: 'policy-problem mapping-problem', id: `${prefix}-problem`, role: 'alert', 'data-testid': 'mapping-problem', hidden: true });
    this.#check = el('div', { class: 'mapping-check', id: `${prefix}-check`, role: 'status', 'aria-live': 'polite', 'data-testid': 'mapping-check' });
    this.#preview = el('div', { class: 'mapping-preview' });
    this.root = el('section', { class: 'mapping-file', 'data-testid': 'mapping-file', 'aria-labelledby': `${prefix}-name` },
      el('div', { class: 'mapping-file-head' }, this.#heading, roleSwitch),
      this.#controls.root,
      this.#problem,
      this.#choices.root,
      this.#check,
      this.#preview);
    this.#heading.id = `${prefix}-name`;
  }

  /** The id of the section's check of the choice. */
  get checkId() {
    return `${this.#idPrefix}-check`;
  }

  /** The table the file is shown as. */
  get role() {
    return this.#file?.role ?? Table.ORDERS;
  }

  /** The file's choice: `{table, roles, attributes}`. */
  get choice() {
    return structuredClone(this.#choice);
  }

  /** Whether the file can be classified as chosen. */
  get ready() {
    return Boolean(this.#file?.inspection) && this.#problems().length === 0;
  }

  /**
   * Shows the file as newly read.
   * @param {SectionFile} file
   * @param {{carry: boolean, choice?: object}} how `carry`: the same file as the same table,
   *   read another way; the user's earlier choices stay where they still fit. `choice`: the
   *   file as shown before, drawn again (in another language): exactly this choice
   */
  show(file, { carry, choice }) {
    this.#file = file;
    const { inspection, role, alone } = file;
    if (choice) this.#choice = structuredClone(choice);
    else if (inspection) this.#choice = carry ? carriedChoice(this.#choice, inspection) : proposedChoice(inspection);
    this.#choice.table = role;
    this.root.dataset.table = role;
    this.root.dataset.fileName = file.fileName;
    this.#heading.textContent = file.fileName;
    for (const input of this.#roleInputs) input.checked = input.value === role;
    this.#controls.show(inspection?.input ?? null, file.fileName, file.reading, { dates: role === Table.ORDERS });
    this.#problem.hidden = true;
    const problem = inspection ? inspection.problem : file.error;
    if (problem) {
      this.#problem.replaceChildren(el('strong', { text: strings.mapping.problemHeading }), ' ',
        el('span', { 'data-testid': 'mapping-problem-text', text: problem }));
      this.#problem.hidden = false;
    }
    this.#choices.show(inspection, this.#choice, { table: role, alone });
    this.update();
  }

  /** Redraws what follows from the choice: the marked columns and the check. */
  update() {
    renderPreview(this.#preview, this.#file?.inspection ?? null, this.#chosenColumns(), `${this.#idPrefix}-preview`);
    const problems = this.#file?.inspection ? this.#problems() : [];
    this.#check.replaceChildren(...(problems.length
      ? [el('ul', { class: 'check-list' }, ...problems.map((text) => el('li', { text })))]
      : []));
  }

  #problems() {
    const alone = this.#file?.alone ?? true;
    return choiceProblems(this.#choice).map((problem) => describeProblem(problem, this.#choice.table, alone));
  }

  /** Header name → the roles and fields chosen for it, for the preview. */
  #chosenColumns() {
    const chosen = new Map();
    const mark = (column, key, label) => {
      if (column) chosen.set(column, [...(chosen.get(column) ?? []), { key, label }]);
    };
    for (const [role, column] of Object.entries(this.#choice.roles)) mark(column, role, roleLabel(role));
    for (const [field, column] of Object.entries(this.#choice.attributes)) mark(column, field, attributeLabel(field));
    return chosen;
  }
}

function describeProblem(problem, table, alone) {
  const check = strings.mapping.check;
  if (problem.kind === 'missing') {
    return table === Table.CUSTOMERS && alone ? check.missingOrNoId(roleLabel(problem.role)) : check.missing(roleLabel(problem.role));
  }
  if (problem.kind === 'amount') return check.amount;
  return check.shared(problem.column, formatList(problem.roles.map(roleLabel)));
}
