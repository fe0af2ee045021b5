// The policy editor: the preset chooser, the policy's name, import and export, the RFM
// scoring, the CLV settings, the dimensions and the tiers. It edits a draft of the policy in place and, once
// the user pauses (DEBOUNCE_MS), hands a copy to `onEdit`; the page checks it with the core,
// and either shows the core's message (`showProblem`) or re-classifies.
//
// The editor never re-renders itself from the checked policy while the user types (that
// would throw away focus and half-typed text); it is rebuilt only by `load` (a preset, an
// import, the first policy) and by `redraw` (a change of language).

import { el } from '../dom.js';
import { strings } from '../strings.js';
import { clvSettingsForm } from './clv-settings-form.js';
import { field, selectInput, textInput } from './controls.js';
import { dimensionList } from './dimension-list.js';
import { rfmSettingsForm } from './rfm-settings-form.js';
import { tierList } from './tier-list.js';

/** How long typing must pause before the policy is checked and the customers re-classified. */
export const DEBOUNCE_MS = 300;

/** Fields every policy can name (core/POLICY.md, "Fields"), offered while typing a field. */
const KNOWN_FIELDS = [
  'recency', 'frequency', 'monetary', 'average_order_value', 'tenure', 'r_score', 'f_score', 'm_score', 'fm_score',
  'clv', 'historical_clv', 'p_alive', 'expected_purchases', 'expected_spend',
  'industry', 'province', 'city', 'country', 'employees', 'annual_sales', 'assets', 'product_type', 'needs',
  'service', 'cooperation_years', 'satisfaction', 'complaints', 'account_manager', 'customer_name',
];

/**
 * What every form gets to report to the editor.
 * @typedef {object} EditorContext
 * @property {() => void} edited the draft changed: check and re-run after the pause
 * @property {(source: HTMLElement, message: string|null) => void} problem text in `source`
 *   could not be put into the draft (message, naming the path), or no longer has a problem
 * @property {string} fieldList the id of the <datalist> of field names
 */

export class PolicyEditorView {
  #root;
  #handlers;
  /** The policy being edited; forms write into it. */
  #draft = null;
  #timer = 0;
  /** Text the forms could not put into the draft: source element → message. */
  #localProblems = new Map();
  /** `[{id, name, description}]` */
  #presets = [];
  #presetSelect;
  #presetHelp;
  #status;
  #problem;
  #body;
  #fieldList;
  #context;
  /** Texts the constructor sets once, by element: set again by `redraw`. */
  #fixedTexts = [];

  /**
   * @param {HTMLElement} root the editor's section
   * @param {object} handlers
   * @param {(draft: object) => void} handlers.onEdit a copy of the draft, after a pause
   * @param {(presetId: string) => void} handlers.onChoosePreset
   * @param {(file: File) => void} handlers.onImport
   * @param {(draft: object) => void} handlers.onExport
   */
  constructor(root, handlers) {
    this.#root = root;
    this.#handlers = handlers;
    const words = strings.policy;

    this.#presetSelect = selectInput({ id: 'preset-select', testid: 'preset-select', value: '', options: [], onChange: (id) => {
      if (id) handlers.onChoosePreset(id);
    } });
    this.#presetHelp = el('p', { class: 'help', id: 'preset-select-help' });
    this.#presetSelect.setAttribute('aria-describedby', this.#presetHelp.id);

    const importInput = el('input', {
      type: 'file', id: 'policy-import', class: 'file-input', 'data-testid': 'policy-import', accept: '.json,application/json',
    });
    importInput.addEventListener('change', () => {
      const [file] = importInput.files;
      importInput.value = ''; // so the same file can be imported again after an edit
      if (file) handlers.onImport(file);
    });
    const presetLabel = el('label', { for: this.#presetSelect.id, text: words.preset });
    const importLabel = el('span', { text: words.importPolicy });
    const exportButton = el('button', {
      type: 'button', id: 'export-policy', class: 'button secondary', 'data-testid': 'export-policy', text: words.exportPolicy,
      on: {
        click: () => {
          // Text that is not yet in the draft would be missing from the file: say so instead.
          const problem = this.#localProblem();
          if (problem) this.showProblem(problem);
          else handlers.onExport(this.draft);
        },
      },
    });

    this.#status = el('p', { class: 'policy-status', id: 'policy-status', 'aria-live': 'polite', 'data-testid': 'policy-status' });
    this.#problem = el('p', { class: 'policy-problem', id: 'policy-problem', role: 'alert', 'data-testid': 'policy-problem', hidden: true });
    this.#fieldList = el('datalist', { id: 'policy-fields' });
    this.#body = el('div', { class: 'policy-body' });
    this.#context = {
      edited: () => this.#edited(),
      problem: (source, message) => {
        if (message) this.#localProblems.set(source, message);
        else this.#localProblems.delete(source);
      },
      fieldList: this.#fieldList.id,
    };

    root.append(
      el('div', { class: 'policy-toolbar' },
        el('div', { class: 'field preset-field' },
          presetLabel, this.#presetSelect, this.#presetHelp),
        el('div', { class: 'policy-name-slot' }),
        el('div', { class: 'policy-io' },
          el('label', { class: 'button secondary file-button', for: importInput.id },
            importLabel, importInput),
          exportButton)),
      el('div', { class: 'policy-status-bar' }, this.#status, this.#problem),
      this.#fieldList,
      this.#body);
    root.dataset.edits = '0';
    this.#fixedTexts = [[presetLabel, 'preset'], [importLabel, 'importPolicy'], [exportButton, 'exportPolicy']];
    this.setStatus('idle');
  }

  /** The built-in presets, `[{id, name, description}]`, for the chooser. */
  setPresets(presets) {
    this.#presets = presets;
    this.#presetSelect.replaceChildren(
      el('option', { value: '', text: strings.policy.customPolicy }),
      ...presets.map((preset) => el('option', { value: preset.id, text: strings.policy.presetName(preset.id, preset.name) })));
    this.#showPresetHelp('');
  }

  /**
   * Draws the editor again in the language on screen, from the draft as it stands. An edit
   * still waiting for its pause is handed on first; sections unfolded stay unfolded. Text a
   * box could not put into the draft (a half-typed condition) is not kept: the box shows the
   * draft's value again.
   */
  redraw() {
    for (const [node, key] of this.#fixedTexts) node.textContent = strings.policy[key];
    const presetId = this.#presetSelect.value;
    this.setPresets(this.#presets);
    this.#presetSelect.value = presetId;
    this.#showPresetHelp(presetId);
    if (this.#draft) {
      if (this.#timer) this.#flush();
      const unfolded = [...this.#body.querySelectorAll('details')].map((details) => details.open);
      this.load(this.#draft, presetId);
      for (const [i, details] of [...this.#body.querySelectorAll('details')].entries()) {
        if (i < unfolded.length) details.open = unfolded[i];
      }
    }
    // `load` leaves the status alone; its words are the language's.
    this.setStatus(this.#root.dataset.status);
  }

  /**
   * Replaces the draft and redraws the whole editor.
   * @param {object} policy taken over (not copied)
   * @param {string} [presetId] the preset it came from; '' for an import or an edit
   */
  load(policy, presetId = '') {
    clearTimeout(this.#timer);
    this.#timer = 0;
    this.#draft = policy;
    this.#localProblems.clear();
    this.#presetSelect.value = presetId;
    this.#showPresetHelp(presetId);

    const words = strings.policy;
    const nameInput = textInput({
      id: 'policy-name', value: policy.name, testid: 'policy-name',
      onInput: (text) => { policy.name = text; this.#edited(); },
    });
    this.#root.querySelector('.policy-name-slot').replaceChildren(field(words.policyName, nameInput));
    this.#body.replaceChildren(
      section('policy-rfm', words.rfmHeading, rfmSettingsForm(policy, this.#context)),
      section('policy-clv', words.clvHeading, clvSettingsForm(policy, this.#context)),
      el('div', { class: 'policy-columns' },
        section('policy-dimensions', words.dimensionsHeading, dimensionList(policy, this.#context), words.dimensionsHelp),
        section('policy-tiers', words.tiersHeading, tierList(policy, this.#context))));
    this.#updateFieldList();
    this.#root.hidden = false;
  }

  /**
   * Changes the draft from outside the editor (the columns chosen in the mapping step) and
   * hands it on at once, as an edit after its pause: the page checks it as any other edit.
   * @param {(draft: object) => void} change
   * @returns {string|null} why the draft could not be handed on (no policy yet, or text in the
   *   editor that is not yet in the draft), or null
   */
  change(change) {
    if (!this.#draft) return strings.policy.notLoaded;
    change(this.#draft);
    this.#edited();
    return this.#flush();
  }

  /** A copy of the draft as it stands. */
  get draft() {
    return structuredClone(this.#draft);
  }

  /** The preset the draft still is, as shipped; '' once edited (or imported). */
  get presetId() {
    return this.#presetSelect.value;
  }

  /**
   * @param {'idle'|'pending'|'checking'|'applying'|'applied'|'ready'|'invalid'} status also set as
   *   `data-status` on the editor, for styling and the tests
   */
  setStatus(status) {
    this.#root.dataset.status = status;
    this.#status.textContent = strings.policy.status[status] ?? '';
  }

  /** Shows why the policy cannot be used (the core's message names the path). */
  showProblem(message) {
    this.#problem.textContent = message;
    this.#problem.hidden = false;
    this.setStatus('invalid');
  }

  clearProblem() {
    this.#problem.hidden = true;
    this.#problem.textContent = '';
  }

  #showPresetHelp(presetId) {
    const preset = this.#presets.find(({ id }) => id === presetId);
    this.#presetHelp.textContent = (preset && strings.policy.presetDescription(preset.id, preset.description)) ?? strings.policy.presetHelp;
  }

  #edited() {
    this.setStatus('pending');
    // The draft is no longer the preset as shipped.
    if (this.#presetSelect.value) {
      this.#presetSelect.value = '';
      this.#showPresetHelp('');
    }
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#flush(), DEBOUNCE_MS);
  }

  /** Ends the pause: text that could not be read is reported here without asking the core
   *  (and answered); otherwise a copy of the draft goes to `onEdit`. */
  #flush() {
    clearTimeout(this.#timer);
    this.#timer = 0;
    this.#updateFieldList();
    const problem = this.#localProblem();
    if (problem) {
      this.showProblem(problem);
      return problem;
    }
    this.#root.dataset.edits = String(Number(this.#root.dataset.edits) + 1);
    this.#handlers.onEdit(this.draft);
    return null;
  }

  /** The first message about text the forms could not put into the draft, if any. Boxes
   *  that a redraw removed take their problems with them. */
  #localProblem() {
    for (const source of this.#localProblems.keys()) if (!source.isConnected) this.#localProblems.delete(source);
    return this.#localProblems.values().next().value;
  }

  /** Offers the known fields and the ids of the dimensions (tiers and later dimensions may
   *  name them) while a field is typed. */
  #updateFieldList() {
    const ids = (this.#draft?.dimensions ?? []).map((dimension) => dimension.id).filter(Boolean);
    this.#fieldList.replaceChildren(...[...new Set([...KNOWN_FIELDS, ...ids])].map((name) => el('option', { value: name })));
  }
}

function section(id, heading, content, help) {
  return el('section', { class: 'policy-section', id, 'aria-labelledby': `${id}-heading` },
    el('h3', { id: `${id}-heading`, text: heading }),
    help ? el('p', { class: 'help', text: help }) : null,
    content);
}
