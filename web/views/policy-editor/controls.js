// Labelled form controls for the policy editor. Each one writes straight into the policy
// draft through its handler; none keeps a value of its own, so the draft is the only truth.
//
// Every control has an accessible name: a visible <label> when it stands alone (`field`), an
// aria-label when it sits in a row under column headings.

import { el } from '../dom.js';

let lastId = 0;

/** A page-unique id, for tying labels and help texts to their controls. */
export function uniqueId(prefix = 'policy') {
  lastId += 1;
  return `${prefix}-${lastId}`;
}

/**
 * A visible label above its control, and an optional help line the control is described by.
 * @param {string} labelText
 * @param {HTMLElement} control gets an id if it has none
 * @param {string} [help]
 */
export function field(labelText, control, help) {
  if (!control.id) control.id = uniqueId();
  const helpNode = help ? el('p', { class: 'help', id: `${control.id}-help`, text: help }) : null;
  if (helpNode) control.setAttribute('aria-describedby', helpNode.id);
  return el('div', { class: 'field' }, el('label', { for: control.id, text: labelText }), control, helpNode);
}

/**
 * A text box. `onInput(text)` runs on every keystroke (the editor debounces the re-run).
 * @param {{value?: string, onInput: (text: string) => void, label?: string, id?: string,
 *   list?: string, className?: string, testid?: string, placeholder?: string}} how
 */
export function textInput({ value = '', onInput, label, id, list, className, testid, placeholder }) {
  const input = el('input', {
    type: 'text', id, class: className, list, placeholder, 'aria-label': label, 'data-testid': testid,
    autocomplete: 'off', spellcheck: 'false',
  });
  input.value = value ?? '';
  input.addEventListener('input', () => onInput(input.value));
  return input;
}

/**
 * A number box; `onInput(number|undefined)`, undefined when it is empty. A value the browser
 * cannot read as a number also reads as empty, and the policy check then says what is missing.
 */
export function numberInput({ value, onInput, label, id, min, max, step = 'any', className, testid }) {
  const input = el('input', {
    type: 'number', id, min, max, step, class: className ?? 'number-input', 'aria-label': label,
    'data-testid': testid, inputmode: 'decimal',
  });
  input.value = typeof value === 'number' ? String(value) : '';
  input.addEventListener('input', () => onInput(input.value === '' ? undefined : Number(input.value)));
  return input;
}

/**
 * A drop-down list.
 * @param {{value: string, options: Array<[string, string]>, onChange: (value: string) => void,
 *   label?: string, id?: string, testid?: string}} how `options` are [value, text] pairs
 */
export function selectInput({ value, options, onChange, label, id, testid }) {
  const select = el('select', { id, 'aria-label': label, 'data-testid': testid },
    ...options.map(([optionValue, text]) => el('option', { value: optionValue, text })));
  select.value = value ?? '';
  select.addEventListener('change', () => onChange(select.value));
  return select;
}

/** A checkbox with its label beside it. */
export function checkbox({ checked, onChange, label, testid }) {
  const input = el('input', { type: 'checkbox', id: uniqueId(), 'data-testid': testid });
  input.checked = Boolean(checked);
  input.addEventListener('change', () => onChange(input.checked));
  return el('label', { class: 'checkbox', for: input.id }, input, el('span', { text: label }));
}

/** A multi-line box; `onInput(text)` on every keystroke. */
export function textArea({ value = '', onInput, id, rows = 3, testid, label }) {
  const area = el('textarea', {
    id, rows, class: 'json-input', spellcheck: 'false', 'aria-label': label, 'data-testid': testid,
    autocomplete: 'off',
  });
  area.value = value;
  area.addEventListener('input', () => onInput(area.value));
  return area;
}

/** A small button; `label` is the accessible name when the visible text is a symbol. */
export function smallButton({ text, label, onClick, action, className = 'button small-button' }) {
  return el('button', {
    type: 'button', class: className, 'aria-label': label, title: label, dataset: { action },
    on: { click: onClick },
  }, text);
}

/**
 * Numbers typed as a list, "30, 90, 180": a part that is not a number is kept as text, so
 * that the policy check names it (`…[1]: expected a number`) instead of it vanishing.
 */
export function parseNumberList(text) {
  const parts = splitList(text);
  return parts.map((part) => (part !== '' && Number.isFinite(Number(part)) ? Number(part) : part));
}

/** "A, B，C" → ["A", "B", "C"]: commas in either script, spaces trimmed, empty text → []. */
export function splitList(text) {
  if (text.trim() === '') return [];
  return text.split(/[,，]/).map((part) => part.trim());
}

/** The inverse of splitList / parseNumberList, for showing a list in one text box. */
export const joinList = (values) => (Array.isArray(values) ? values.join(', ') : '');

/** Writes an optional key of the draft: empty text or no number removes it, so the core's
 *  default applies (and the exported policy does not pin a default the user never chose). */
export function setOrDelete(owner, key, value) {
  if (value === '' || value === undefined) delete owner[key];
  else owner[key] = value;
}
