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
  const present = DIMENSIONS.filter(({ key }) => explanation[key] && typeof explanation[key] === 'object');
  // One block per score rather than a table: the panel is narrow and rules are sentences.
  const scores = present.length === 0 ? null : el('dl', { class: 'score-list' }, ...present.map(({ key, format }) => {
    const part = explanation[key];
    const value = typeof part.value === 'number' ? format(part.value) : String(part.value ?? '');
    return el('div', { class: 'score-item', dataset: { dimension: key } },
      el('dt', { text: strings.explanationRows[key] }),
      el('dd', { class: 'score-numbers' },
        el('span', { class: 'score-value', text: value }),
        el('span', { class: 'score-badge', text: strings.explanationScore(part.score ?? '') })),
      el('dd', { class: 'rule', text: describeRule(part) }));
  }));

  const cell = explanation.segment_cell ?? explanation.cell;
  const hasDates = explanation.first_order && explanation.last_order && explanation.analysis_date;
  container.replaceChildren(
    el('h4', { class: 'explanation-title', text: strings.explanationTitle(explanation.customer_id, explanation.segment) }),
    cell ? el('p', { class: 'muted small', text: strings.explanationCell(cell, explanation.fm_score) }) : null,
    hasDates ? el('p', { class: 'muted small', text: strings.explanationDates(explanation.first_order, explanation.last_order, explanation.analysis_date) }) : null,
    explanation.text ? el('p', { class: 'explanation-text', text: explanation.text }) : null,
    scores,
  );
}

/** The rule as the engine wrote it, else the breakpoints it was scored against. */
function describeRule(part) {
  if (typeof part.rule === 'string') return part.rule;
  if (Array.isArray(part.breakpoints)) return strings.explanationBreakpoints(part.breakpoints.map(formatNumber).join(' · '));
  return '';
}
