// The controls of the migration card: what the result on screen is compared with (the same
// orders as of an earlier date, an earlier orders file and its customers table, or a
// customers.csv saved earlier), by which field, and the Compare button. Built once, so that
// the files chosen survive a change of language; relabel() says everything again.

import { el } from '../dom.js';
import { strings } from '../strings.js';

export const SOURCES = ['as_of', 'files', 'saved'];

/** A day `days` after an ISO date ("2024-03-31", -90 → "2024-01-01"). */
export function shiftIsoDate(iso, days) {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * @param {{onCompare: () => void}} how
 * @returns {{root: HTMLElement, relabel: () => void, choice: () => object, setFields: (fields:
 *   Array<{id: string, name: string}>) => void, setAnalysisDate: (date: string|null) => void,
 *   setBusy: (busy: boolean) => void}}
 */
export function createMigrationForm({ onCompare }) {
  const texts = []; // [node, () => text] pairs, said again by relabel()
  const say = (node, text) => {
    texts.push([node, text]);
    return node;
  };
  const words = () => strings.migration;

  const radios = {};
  const details = {};
  const source = (id, ...controls) => {
    radios[id] = el('input', { type: 'radio', name: 'migration-source', id: `migration-source-${id}`, value: id, 'data-testid': `migration-source-${id}` });
    const help = say(el('p', { class: 'help' }), () => words().sourceHelp[id]);
    details[id] = el('div', { class: 'migration-source-detail' }, ...controls, help);
    // Using a source's controls chooses it.
    for (const control of controls.flatMap((node) => [...node.querySelectorAll('input, select')])) {
      control.addEventListener('input', () => { radios[id].checked = true; });
      control.addEventListener('change', () => { radios[id].checked = true; });
    }
    return el('div', { class: 'migration-source', dataset: { source: id } },
      el('div', { class: 'migration-source-choice' }, radios[id], say(el('label', { for: radios[id].id }), () => words().sources[id])),
      details[id]);
  };
  const labelled = (id, text, input) => el('div', { class: 'field' }, say(el('label', { for: id }), text), input);

  const asOf = el('input', { type: 'date', id: 'migration-as-of', 'data-testid': 'migration-as-of', required: true });
  let asOfTouched = false;
  asOf.addEventListener('input', () => { asOfTouched = true; });
  const ordersFile = el('input', { type: 'file', id: 'migration-orders-file', 'data-testid': 'migration-orders-file', accept: '.csv,.tsv,.txt,.json,.jsonl,.xlsx' });
  const customersFile = el('input', { type: 'file', id: 'migration-customers-file', 'data-testid': 'migration-customers-file', accept: '.csv,.tsv,.txt,.json,.jsonl,.xlsx' });
  const savedFile = el('input', { type: 'file', id: 'migration-saved-file', 'data-testid': 'migration-saved-file', accept: '.csv,text/csv' });
  const field = el('select', { id: 'migration-field', 'data-testid': 'migration-field' });
  const compare = say(el('button', { type: 'button', id: 'migration-compare', 'data-testid': 'migration-compare', class: 'button primary' }), () => words().compare);
  compare.addEventListener('click', () => {
    if (compare.getAttribute('aria-disabled') !== 'true') onCompare();
  });

  const legend = say(el('legend'), () => words().sourceLegend);
  const root = el('div', { class: 'migration-form' },
    el('fieldset', { class: 'migration-sources' }, legend,
      source('as_of', labelled(asOf.id, () => words().asOfLabel, asOf)),
      source('files', labelled(ordersFile.id, () => words().ordersFileLabel, ordersFile),
        labelled(customersFile.id, () => words().customersFileLabel, customersFile)),
      source('saved', labelled(savedFile.id, () => words().savedFileLabel, savedFile))),
    el('div', { class: 'migration-actions' }, labelled(field.id, () => words().fieldLabel, field), compare));
  radios.as_of.checked = true;

  let fields = [];
  const relabel = () => {
    for (const [node, text] of texts) node.textContent = text();
    for (const option of field.options) option.textContent = fieldName(option.value);
  };
  const fieldName = (id) => strings.migration.fields[id] ?? fields.find((f) => f.id === id)?.name ?? id;

  return {
    root,
    relabel,
    fieldName,

    /** What the user chose: `{kind, asOf?, orders?, customers?, file?, field}`, files as File. */
    choice() {
      const kind = SOURCES.find((id) => radios[id].checked) ?? 'as_of';
      const base = { kind, field: field.value };
      if (kind === 'as_of') return { ...base, asOf: asOf.value };
      if (kind === 'files') return { ...base, orders: ordersFile.files[0] ?? null, customers: customersFile.files[0] ?? null };
      return { ...base, file: savedFile.files[0] ?? null };
    },

    /**
     * The fields of the result on screen: `tier` (when the policy has tiers), `segment`, then each
     * dimension `{id, name}`. The one chosen stays when it still exists.
     */
    setFields(next) {
      fields = next;
      const chosen = field.value;
      field.replaceChildren(...next.map(({ id }) => el('option', { value: id, text: fieldName(id) })));
      if (next.some(({ id }) => id === chosen)) field.value = chosen;
    },

    /** The analysis date on screen: the earlier date is 90 days before it, unless the user chose one. */
    setAnalysisDate(date) {
      radios.as_of.disabled = !date;
      asOf.disabled = !date;
      if (!date) {
        if (radios.as_of.checked) radios.files.checked = true;
        return;
      }
      asOf.max = shiftIsoDate(date, -1);
      if (!asOfTouched || !asOf.value) asOf.value = shiftIsoDate(date, -90);
    },

    setBusy(busy) {
      if (busy) compare.setAttribute('aria-disabled', 'true');
      else compare.removeAttribute('aria-disabled');
    },
  };
}
