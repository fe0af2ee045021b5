// The mapping step: before a run's files are classified the user sees, for each file, which
// table it is, how it is read and which column is which, and confirms or changes that.
// Nothing is computed until Classify; Cancel (or Escape) leaves the step, and the page goes
// back to what it showed before.
//
// Each file's choice is checked as it changes (file-section.js), and so is what the files
// must agree on (an attribute has one column name in the policy, for both files); Classify is
// disabled while anything is wrong.

import { choicesConflicts } from '../../column-mapping.js';
import { el } from '../dom.js';
import { formatList } from '../format.js';
import { strings } from '../strings.js';
import { attributeLabel } from './column-choices.js';
import { FileSection } from './file-section.js';

export class MappingView {
  #root;
  #handlers;
  /** @type {FileSection[]} */
  #sections = [];
  #busy = false;
  #fileList;
  #policyProblem;
  #check;
  #classifyButton;
  #cancelButton;
  /** @type {import('./file-section.js').SectionFile[]} the files on screen */
  #files = [];
  /** The core's message on the choice, while it is shown. */
  #policyMessage = null;

  /**
   * @param {HTMLElement} root the step's section (index.html gives its heading and intro)
   * @param {object} handlers
   * @param {(index: number, reading: object) => void} handlers.onReadingChange read file
   *   `index` again this way, then call `showFiles`
   * @param {(index: number, role: string) => void} handlers.onRoleChange read file `index` as
   *   the table `role` (and the other file, if any, as the other table), then call `showFiles`
   * @param {(choices: Array<{table: string, roles: object, attributes: object}>) => void} handlers.onClassify
   * @param {() => void} handlers.onCancel
   */
  constructor(root, handlers) {
    this.#root = root;
    this.#handlers = handlers;
    const words = strings.mapping;
    this.#fileList = el('div', { class: 'mapping-files' });
    this.#policyProblem = el('div', { class: 'policy-problem', id: 'mapping-policy-problem', role: 'alert', 'data-testid': 'mapping-policy-problem', hidden: true });
    this.#check = el('div', { class: 'mapping-check', id: 'mapping-check', role: 'status', 'aria-live': 'polite', 'data-testid': 'mapping-check' });
    this.#classifyButton = el('button', {
      type: 'button', id: 'mapping-classify', class: 'button primary', 'data-testid': 'mapping-classify',
      'aria-describedby': this.#check.id, text: words.classify,
      on: { click: () => this.#classify() },
    });
    const cancelButton = this.#cancelButton = el('button', {
      type: 'button', id: 'mapping-cancel', class: 'button secondary', 'data-testid': 'mapping-cancel', text: words.cancel,
      on: { click: () => handlers.onCancel() },
    });
    root.append(
      this.#fileList,
      this.#policyProblem,
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
   * Opens the step over newly inspected files.
   * @param {import('./file-section.js').SectionFile[]} files
   */
  open(files) {
    this.#sections = [];
    this.showFiles(files);
    this.#root.hidden = false;
    this.#root.querySelector('h2').focus();
  }

  /**
   * The files read again (another way, or as other tables): a file read as the same table as
   * before keeps the user's choices where they still fit; one read as another table starts
   * from the proposal.
   * @param {import('./file-section.js').SectionFile[]} files
   */
  showFiles(files) {
    this.#files = files;
    if (this.#sections.length !== files.length) {
      this.#buildSections(files.length);
      for (const [i, section] of this.#sections.entries()) section.show(files[i], { carry: false });
    } else {
      for (const [i, section] of this.#sections.entries()) section.show(files[i], { carry: section.role === files[i].role });
    }
    this.#policyProblem.hidden = true;
    this.#policyMessage = null;
    this.#update();
  }

  /**
   * Draws the step again in the language on screen: the same files, the same choices, the
   * same message; nothing is read again.
   */
  redraw() {
    const choices = this.#sections.map((section) => section.choice);
    this.#classifyButton.textContent = strings.mapping.classify;
    this.#cancelButton.textContent = strings.mapping.cancel;
    this.#buildSections(this.#files.length);
    for (const [i, section] of this.#sections.entries()) section.show(this.#files[i], { carry: true, choice: choices[i] });
    if (this.#policyMessage !== null) this.showProblem(this.#policyMessage);
    this.#update();
  }

  #buildSections(count) {
    this.#sections = Array.from({ length: count }, (_, index) => new FileSection(index, {
      onReadingChange: (reading) => this.#handlers.onReadingChange(index, reading),
      onRoleChange: (role) => this.#handlers.onRoleChange(index, role),
      onChoice: () => this.#update(),
    }));
    this.#fileList.replaceChildren(...this.#sections.map((section) => section.root));
    // Classify is described by what holds it back, in every file.
    const checks = [this.#check.id, ...this.#sections.map((section) => section.checkId)];
    this.#classifyButton.setAttribute('aria-describedby', checks.join(' '));
  }

  /** Shows why the policy cannot take the choice, as the core said it. */
  showProblem(message) {
    this.#policyMessage = message;
    this.#policyProblem.replaceChildren(el('strong', { text: strings.mapping.policyRefused }), ' ',
      el('span', { 'data-testid': 'mapping-problem-text', text: message }));
    this.#policyProblem.hidden = false;
  }

  /** While the files are read again, or the choice is being put into the policy. */
  setBusy(busy) {
    this.#busy = busy;
    this.#root.setAttribute('aria-busy', String(busy));
    this.#update();
  }

  close() {
    this.#root.hidden = true;
    this.setBusy(false);
  }

  /** Redraws what follows from the choices: each file's check, the step's own, and Classify. */
  #update() {
    for (const section of this.#sections) section.update();
    const conflicts = choicesConflicts(this.#sections.map((section) => section.choice)).map(describeConflict);
    const ready = this.#sections.length > 0 && this.#sections.every((section) => section.ready) && conflicts.length === 0;
    this.#classifyButton.disabled = this.#busy || !ready;
    this.#root.dataset.ready = String(ready && !this.#busy);
    if (this.#busy) {
      this.#check.replaceChildren(el('p', { text: strings.mapping.reading }));
    } else if (conflicts.length) {
      this.#check.replaceChildren(el('ul', { class: 'check-list' }, ...conflicts.map((text) => el('li', { text }))));
    } else if (ready) {
      this.#check.replaceChildren(el('p', { class: 'check-ready', text: strings.mapping.check.ready }));
    } else {
      this.#check.replaceChildren(el('p', { text: strings.mapping.check.notReady }));
    }
  }

  #classify() {
    if (this.#classifyButton.disabled) return;
    this.#handlers.onClassify(this.#sections.map((section) => section.choice));
  }
}

function describeConflict({ field, columns }) {
  return strings.mapping.check.attributeConflict(attributeLabel(field), formatList(columns.map((column) => `“${column}”`)));
}
