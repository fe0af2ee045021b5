// The mapping step: before a file is classified the user sees how it is read and which column
// is which, and confirms or changes that. Nothing is computed until Classify; Cancel (or
// Escape) leaves the step, and the page goes back to what it showed before.
//
// The step checks the choice as it changes (required roles, an amount or quantity × unit
// price, no column for two roles) and keeps Classify disabled while it is wrong. The engine's
// own word on the file as it stands (`problem`) is shown as given.

import { carriedChoice, choiceProblems, proposedChoice } from '../../column-mapping.js';
import { el } from '../dom.js';
import { formatList } from '../format.js';
import { strings } from '../strings.js';
import { attributeLabel, createColumnChoices, roleLabel } from './column-choices.js';
import { renderPreview } from './preview-table.js';
import { createReadingControls } from './reading-controls.js';

export class MappingView {
  #root;
  #handlers;
  #fileName = '';
  /** The engine's inspection on screen, or null when the file could not be read this way. */
  #inspection = null;
  #choice = { roles: {}, attributes: {} };
  #busy = false;
  #problem;
  #check;
  #classifyButton;
  #preview;
  #controls;
  #choices;

  /**
   * @param {HTMLElement} root the step's section (index.html gives its heading and intro)
   * @param {object} handlers
   * @param {(reading: import('./reading-controls.js').Reading) => void} handlers.onReadingChange
   *   read the file again this way, then call `showInspection` or `showReadFailure`
   * @param {(choice: {roles: object, attributes: object}) => void} handlers.onClassify
   * @param {() => void} handlers.onCancel
   */
  constructor(root, handlers) {
    this.#root = root;
    this.#handlers = handlers;
    const words = strings.mapping;
    this.#controls = createReadingControls({ onChange: (reading) => handlers.onReadingChange(reading) });
    this.#choices = createColumnChoices({ onChange: (choice) => this.#choose(choice) });
    this.#problem = el('div', { class: 'policy-problem', id: 'mapping-problem', role: 'alert', 'data-testid': 'mapping-problem', hidden: true });
    this.#check = el('div', { class: 'mapping-check', id: 'mapping-check', role: 'status', 'aria-live': 'polite', 'data-testid': 'mapping-check' });
    this.#preview = el('div', { class: 'mapping-preview' });
    this.#classifyButton = el('button', {
      type: 'button', id: 'mapping-classify', class: 'button primary', 'data-testid': 'mapping-classify',
      'aria-describedby': this.#check.id, text: words.classify,
      on: { click: () => this.#classify() },
    });
    const cancelButton = el('button', {
      type: 'button', id: 'mapping-cancel', class: 'button secondary', 'data-testid': 'mapping-cancel', text: words.cancel,
      on: { click: () => handlers.onCancel() },
    });
    root.append(
      this.#controls.root,
      this.#problem,
      this.#choices.root,
      this.#preview,
      el('div', { class: 'mapping-actions' }, this.#check, el('div', { class: 'mapping-buttons' }, cancelButton, this.#classifyButton)));
    root.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        handlers.onCancel();
      }
    });
  }

  get isOpen() {
    return !this.#root.hidden;
  }

  /**
   * Opens the step over a newly inspected file.
   * @param {{fileName: string, reading: object, inspection: object}} what
   */
  open({ fileName, reading, inspection }) {
    this.#fileName = fileName;
    this.#choice = proposedChoice(inspection);
    this.#show(inspection, reading);
    this.#root.hidden = false;
    this.#root.querySelector('h2').focus();
  }

  /** The file read again another way: the user's earlier choices stay where they still fit. */
  showInspection(inspection, reading) {
    this.#choice = carriedChoice(this.#choice, inspection);
    this.#show(inspection, reading);
  }

  /** The file cannot be read the way the controls say: the engine's message, nothing to choose. */
  showReadFailure(message, reading) {
    this.#show(null, reading);
    this.showProblem(message);
  }

  /** Shows a message about the file (or the policy the choice was put into), as given. */
  showProblem(message, heading = strings.mapping.problemHeading) {
    this.#problem.replaceChildren(el('strong', { text: heading }), ' ',
      el('span', { 'data-testid': 'mapping-problem-text', text: message }));
    this.#problem.hidden = false;
  }

  /** While the file is read again, or the choice is being put into the policy. */
  setBusy(busy) {
    this.#busy = busy;
    this.#root.setAttribute('aria-busy', String(busy));
    this.#update();
  }

  close() {
    this.#root.hidden = true;
    this.setBusy(false);
  }

  #show(inspection, reading) {
    this.#inspection = inspection;
    this.#controls.show(inspection?.input ?? null, this.#fileName, reading);
    this.#problem.hidden = true;
    if (inspection?.problem) this.showProblem(inspection.problem);
    this.#choices.show(inspection, this.#choice);
    this.#update();
  }

  #choose(choice) {
    this.#choice = choice;
    this.#update();
  }

  /** Redraws what follows from the choice: the marked columns, the check and Classify. */
  #update() {
    renderPreview(this.#preview, this.#inspection, this.#chosenColumns());
    const problems = this.#inspection ? choiceProblems(this.#choice).map(describeProblem) : [];
    const ready = this.#inspection !== null && problems.length === 0;
    this.#classifyButton.disabled = this.#busy || !ready;
    this.#root.dataset.ready = String(ready && !this.#busy);
    if (this.#busy) {
      this.#check.replaceChildren(el('p', { text: strings.mapping.reading }));
    } else if (problems.length) {
      this.#check.replaceChildren(el('ul', { class: 'check-list' }, ...problems.map((text) => el('li', { text }))));
    } else if (ready) {
      this.#check.replaceChildren(el('p', { class: 'check-ready', text: strings.mapping.check.ready }));
    } else {
      this.#check.replaceChildren();
    }
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

  #classify() {
    if (this.#classifyButton.disabled) return;
    this.#handlers.onClassify(structuredClone(this.#choice));
  }
}

function describeProblem(problem) {
  const check = strings.mapping.check;
  if (problem.kind === 'missing') return check.missing(roleLabel(problem.role));
  if (problem.kind === 'amount') return check.amount;
  return check.shared(problem.column, formatList(problem.roles.map(roleLabel)));
}
