// The tiers: one card per tier, in the policy's order (the first matching tier wins), with its
// rule, its customers and revenue and their shares, and its strategy card.

import { el } from './dom.js';
import { formatInteger, formatMoney, formatShare } from './format.js';
import { shareBar } from './share-bar.js';
import { STRATEGY_FIELDS } from './strategy-fields.js';
import { strings } from './strings.js';

/**
 * @param {HTMLElement} container the tiers card's body
 * @param {object} summary the engine's summary
 */
export function renderTierSummary(container, summary) {
  const tiers = summary.tiers ?? [];
  if (tiers.length === 0) {
    container.replaceChildren(el('p', { class: 'muted', 'data-testid': 'no-tiers', text: strings.tiers.none }));
    return;
  }
  container.replaceChildren(
    el('p', { class: 'muted small', text: strings.tiers.intro(summary.policy?.name ?? '') }),
    el('ol', { class: 'tier-summary', 'data-testid': 'tier-summary' }, ...tiers.map((tier, index) => tierCard(tier, index))));
}

function tierCard(tier, index) {
  const words = strings.tiers;
  const strategy = STRATEGY_FIELDS.filter((key) => tier.strategy?.[key]);
  return el('li', { class: 'tier-summary-card', dataset: { tier: tier.name, index: String(index) } },
    el('div', { class: 'tier-summary-head' },
      el('span', { class: 'order-badge', text: String(index + 1), title: words.order(index + 1) }),
      el('h3', { class: 'tier-name', text: tier.name })),
    el('p', { class: 'tier-rule', 'data-testid': 'tier-rule' }, el('span', { class: 'muted', text: `${words.rule} ` }), tier.rule ?? ''),
    el('dl', { class: 'tier-numbers' },
      number('customers', words.customers, formatInteger(tier.customers), tier.customers),
      share('customer_share', tier.customer_share, 'customers'),
      number('revenue', words.revenue, formatMoney(tier.revenue), tier.revenue),
      share('revenue_share', tier.revenue_share, 'revenue')),
    strategy.length === 0 ? null : el('dl', { class: 'strategy-card' }, ...strategy.map((key) =>
      el('div', { class: 'strategy-item', dataset: { strategy: key } },
        el('dt', { text: strings.policy.strategyFields[key] }),
        el('dd', { text: tier.strategy[key] })))));
}

function number(col, label, text, value) {
  return el('div', { class: 'tier-number', dataset: { col, value } }, el('dt', { text: label }), el('dd', { text }));
}

function share(col, value, kind) {
  return el('div', { class: 'tier-number tier-share', dataset: { col, value } },
    el('dt', { text: strings.tiers[col] }),
    el('dd', {}, el('span', { class: 'share-text', text: formatShare(value) }), shareBar(value, kind)));
}
