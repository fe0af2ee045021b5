// The "Customer lifetime value" card, shown only when the policy uses CLV (a `clv` dimension,
// or a CLV field such as p_alive in a rule or tier): whether the figures come from the models
// or from history and why, the settings, the total, how CLV spreads inside each tier, the
// holdout check, the fitted models and how they read the orders, and the warnings.

import { warningList } from '../dimension-labels-view.js';
import { el } from '../dom.js';
import { formatDecimals3, formatInteger, formatMoney, formatNumber, formatShare } from '../format.js';
import { strings } from '../strings.js';
import { clvDistributionChart } from './clv-distribution-chart.js';
import { clvDistributionTable } from './clv-distribution-table.js';
import { clvModels } from './clv-models-view.js';
import { holdoutView } from './holdout-view.js';

/**
 * @param {HTMLElement} section the card (hidden when the summary has no CLV)
 * @param {HTMLElement} container the card's body
 * @param {object|null} clv the summary's `clv`
 */
export function renderClvCard(section, container, clv) {
  section.hidden = !clv;
  if (!clv) {
    container.replaceChildren();
    return;
  }
  const words = strings.clv;
  section.dataset.basis = clv.basis;
  container.replaceChildren(
    el('p', { class: 'clv-basis', 'data-testid': 'clv-basis' }, el('span', { class: 'type-badge', text: words.basisBadge[clv.basis] ?? clv.basis }), ' ', words.basis[clv.basis] ?? ''),
    facts(clv),
    warningList(clv.warnings),
    distribution(clv),
    holdoutView(clv),
    el('section', { class: 'clv-models-section', 'aria-labelledby': 'clv-models-heading' },
      el('h3', { id: 'clv-models-heading', text: words.modelsHeading }),
      clvModels(clv)));
}

function facts(clv) {
  const words = strings.clv.facts;
  const periods = strings.clv.periodNames;
  const list = [
    ['total_clv', formatMoney(clv.total_clv), clv.total_clv],
    ['customers_valued', formatInteger(clv.customers_valued), clv.customers_valued],
    ['horizon_months', strings.clv.months(formatInteger(clv.horizon_months)), clv.horizon_months],
    ['discount_rate', strings.clv.perMonth(formatShare(clv.discount_rate)), clv.discount_rate],
    ['margin', formatShare(clv.margin), clv.margin],
    ['period', periods[clv.period] ?? clv.period, clv.period],
    ['calibration_end', clv.calibration_end, clv.calibration_end],
    ['customers_with_purchases', formatInteger(clv.customers_with_purchases), clv.customers_with_purchases],
    ['repeat_customers', formatInteger(clv.repeat_customers), clv.repeat_customers],
    ['spend_excluded', formatInteger(clv.spend_excluded), clv.spend_excluded],
    ['frequency_spend_correlation', typeof clv.frequency_spend_correlation === 'number' ? formatDecimals3(clv.frequency_spend_correlation) : strings.clv.noValue, clv.frequency_spend_correlation],
  ];
  if (clv.penalizer) list.splice(5, 0, ['penalizer', formatNumber(clv.penalizer), clv.penalizer]);
  return el('dl', { class: 'clv-facts', 'data-testid': 'clv-facts' }, ...list.map(([col, text, value]) =>
    el('div', { class: 'clv-fact', title: words.help[col], dataset: { col, value: String(value ?? '') } },
      el('dt', { text: words[col] }),
      el('dd', { text }))));
}

/** Per tier when the policy has tiers, else per RFM segment. */
function distribution(clv) {
  const words = strings.clv;
  const byTier = (clv.by_tier ?? []).length > 0;
  const groups = byTier ? clv.by_tier : clv.by_segment ?? [];
  const groupKey = byTier ? 'tier' : 'segment';
  if (groups.length === 0) return null;
  const valued = groups.some((group) => group.customers > 0);
  return el('section', { class: 'clv-distribution', 'data-testid': 'clv-distribution', dataset: { groupedBy: groupKey }, 'aria-labelledby': 'clv-distribution-heading' },
    el('h3', { id: 'clv-distribution-heading', text: words.distributionHeading[groupKey] }),
    // The table has nine columns: under the chart, not beside it.
    valued ? el('figure', { class: 'chart-figure' },
      el('figcaption', { class: 'muted small', text: words.distributionKey }),
      clvDistributionChart(groups, groupKey)) : el('p', { class: 'muted', text: words.noneValued }),
    valued ? clvDistributionTable(groups, groupKey) : null);
}
