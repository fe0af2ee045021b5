// Why one customer got its scores and segment: the engine's sentence, and the numbers and
// rules behind each score. Fields the engine adds later are ignored rather than breaking this.

import { el } from './dom.js';
import { formatInteger, formatMoney, formatNumber } from './format.js';
import { strings } from './strings.js';

const DIMENSIONS = [
  { key: 'r', format: formatInteger },
  { key: 'f', format: formatInteger },
  { key: 'm', format: formatMoney },
];

/** Shows the hint that stands in the panel until a customer is chosen. */
export function renderExplanationHint(container) {
  container.replaceChildren(el('p', { class: 'muted', text: strings.explanationEmpty }));
}

/**
 * @param {HTMLElement} container the explanation panel's body
 * @param {object} explanation what `engine.explain(index)` answered
 */
export function renderExplanation(container, explanation) {
  const headings = strings.explanationColumns;
  const present = DIMENSIONS.filter(({ key }) => explanation[key] && typeof explanation[key] === 'object');
  const table = present.length === 0 ? null : el('table', { class: 'data-table compact' },
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col', text: headings.dimension }),
      el('th', { scope: 'col', class: 'number', text: headings.value }),
      el('th', { scope: 'col', class: 'number', text: headings.score }),
      el('th', { scope: 'col', text: headings.rule }))),
    el('tbody', {}, ...present.map(({ key, format }) => {
      const part = explanation[key];
      return el('tr', { dataset: { dimension: key } },
        el('th', { scope: 'row', text: strings.explanationRows[key] }),
        el('td', { class: 'number', text: typeof part.value === 'number' ? format(part.value) : String(part.value ?? '') }),
        el('td', { class: 'number score', text: String(part.score ?? '') }),
        el('td', { class: 'rule', text: describeRule(part) }));
    })));

  container.replaceChildren(
    el('h4', { class: 'explanation-title', text: strings.explanationTitle(explanation.customer_id, explanation.segment) }),
    explanation.cell ? el('p', { class: 'muted small', text: strings.explanationCell(explanation.cell, explanation.fm_score) }) : null,
    explanation.text ? el('p', { class: 'explanation-text', text: explanation.text }) : null,
    table ? el('div', { class: 'table-scroll' }, table) : null,
  );
}

/** The rule as the engine wrote it, else the breakpoints it was scored against. */
function describeRule(part) {
  if (typeof part.rule === 'string') return part.rule;
  if (Array.isArray(part.breakpoints)) return part.breakpoints.map(formatNumber).join(' · ');
  return '';
}
