// The models behind the CLV figures: what they were fitted to, their parameters (for someone
// who wants to check them, or compare two runs), and the engine's own sentences on how the
// models read the orders, which is not how RFM reads them (the models' recency is the time
// from the first purchase to the last, not the days since the last).

import { el } from '../dom.js';
import { formatInteger, formatParameter } from '../format.js';
import { strings } from '../strings.js';

const PURCHASE_PARAMETERS = ['r', 'alpha', 'a', 'b', 'log_likelihood', 'iterations', 'converged'];
const SPEND_PARAMETERS = ['p', 'q', 'gamma', 'population_mean_spend', 'log_likelihood', 'iterations', 'converged'];
const TERMS = ['frequency', 'recency', 'T', 'monetary', 'clv', 'historical_clv'];

/** @param {object} clv the summary's `clv` */
export function clvModels(clv) {
  const words = strings.clv;
  return el('div', { class: 'clv-models' },
    el('div', { class: 'clv-model-tables' },
      modelTable('purchase_model', words.purchaseModel, clv.purchase_model, PURCHASE_PARAMETERS),
      modelTable('spend_model', words.spendModel, clv.spend_model, SPEND_PARAMETERS)),
    termList(clv.terms));
}

function modelTable(key, heading, model, parameters) {
  const words = strings.clv;
  const headingId = `clv-${key}-heading`;
  if (!model) {
    return el('section', { class: 'clv-model', 'data-testid': `clv-${key}`, 'aria-labelledby': headingId },
      el('h4', { id: headingId, text: heading }),
      el('p', { class: 'muted small', text: words.notFitted }));
  }
  const rows = parameters.filter((name) => model[name] !== undefined).map((name) => el('tr', { dataset: { parameter: name } },
    el('th', { scope: 'row', text: words.parameters[name] ?? name }),
    el('td', { class: 'number', dataset: { value: String(model[name]) } }, parameterText(name, model[name]))));
  return el('section', { class: 'clv-model', 'data-testid': `clv-${key}`, 'aria-labelledby': headingId },
    el('h4', { id: headingId, text: heading }),
    el('p', { class: 'muted small', text: model.model + (model.time_unit ? words.timeUnit(words.periodNames[model.time_unit] ?? model.time_unit) : '') }),
    el('table', { class: 'data-table compact clv-parameter-table' },
      el('caption', { class: 'visually-hidden', text: words.parametersCaption(heading) }),
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col', text: words.parameter }),
        el('th', { scope: 'col', class: 'number', text: words.value }))),
      el('tbody', {}, ...rows)));
}

function parameterText(name, value) {
  if (name === 'converged') return value ? strings.clv.converged : strings.clv.notConverged;
  if (name === 'iterations') return formatInteger(value);
  return formatParameter(value);
}

function termList(terms) {
  if (!terms) return null;
  const words = strings.clv;
  return el('section', { class: 'clv-terms', 'aria-labelledby': 'clv-terms-heading' },
    el('h4', { id: 'clv-terms-heading', text: words.termsHeading }),
    el('p', { class: 'muted small', text: words.termsIntro }),
    el('dl', { class: 'clv-term-list', 'data-testid': 'clv-terms' }, ...TERMS.filter((term) => terms[term]).map((term) =>
      el('div', { class: 'clv-term', dataset: { term } },
        el('dt', { text: words.terms[term] }),
        el('dd', { text: terms[term] })))));
}
