// Why one customer got its tier, its label in each dimension, and its scores: the tier's rule
// and strategy, each dimension's label with the engine's sentence on why, and the numbers and
// rules behind each score. Fields the engine adds later are ignored rather than breaking this.

import { el } from './dom.js';
import { formatInteger, formatMoney, formatNumber } from './format.js';
import { labelText } from './label-text.js';
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
  const { tier } = explanation;
  container.replaceChildren(
    el('h4', { class: 'explanation-title', text: strings.explanationTitle(explanation.customer_id, tier?.name ?? strings.segmentName(explanation.segment)) }),
    explanation.customer_name ? el('p', { class: 'explanation-name', 'data-testid': 'explanation-name', text: explanation.customer_name }) : null,
    tier ? tierBlock(tier) : null,
    dimensionList(explanation.dimensions),
    cell ? el('p', { class: 'muted small', text: strings.explanationCell(cell, explanation.fm_score) }) : null,
    hasDates ? el('p', { class: 'muted small', text: strings.explanationDates(explanation.first_order, explanation.last_order, explanation.analysis_date) }) : null,
    explanation.text ? el('p', { class: 'explanation-text', text: explanation.text }) : null,
    scores,
  );
}

/** The tier, the rule that gave it, and what the tier means for this customer. */
function tierBlock(tier) {
  const strategy = Object.entries(tier.strategy ?? {}).filter(([, value]) => value);
  return el('div', { class: 'explanation-tier', 'data-testid': 'explanation-tier', dataset: { tier: tier.name } },
    el('p', { class: 'explanation-tier-name' }, el('span', { class: 'muted', text: `${strings.explanationTier} ` }), el('strong', { text: tier.name })),
    tier.rule ? el('p', { class: 'rule', text: strings.explanationTierRule(tier.rule) }) : null,
    // The engine's sentence with the values that made the rule hold.
    tier.text ? el('p', { class: 'rule', 'data-testid': 'explanation-tier-reason', text: tier.text }) : null,
    strategy.length === 0 ? null : el('dl', { class: 'strategy-card compact' }, ...strategy.map(([key, value]) =>
      el('div', { class: 'strategy-item', dataset: { strategy: key } },
        el('dt', { text: strings.policy.strategyFields[key] ?? key }),
        el('dd', { text: value })))));
}

/** Each dimension: its name, the label it gave, and the engine's sentence on why. */
function dimensionList(dimensions) {
  if (!Array.isArray(dimensions) || dimensions.length === 0) return null;
  return el('dl', { class: 'dimension-explanations', 'data-testid': 'explanation-dimensions' },
    ...dimensions.map((dimension) => el('div', { class: 'dimension-explanation', dataset: { dimension: dimension.id } },
      el('dt', { text: dimension.name }),
      el('dd', { class: 'dimension-label' }, el('span', { class: 'label-badge', 'data-testid': 'explanation-label', dataset: { label: dimension.label ?? '' }, text: labelText(dimension, dimension.label ?? '') })),
      dimension.text ? el('dd', { class: 'rule', 'data-testid': 'explanation-reason', text: dimension.text }) : null)));
}

/** The rule as the engine wrote it, else the breakpoints it was scored against. */
function describeRule(part) {
  if (typeof part.rule === 'string') return part.rule;
  if (Array.isArray(part.breakpoints)) return strings.explanationBreakpoints(part.breakpoints.map(formatNumber).join(' · '));
  return '';
}
