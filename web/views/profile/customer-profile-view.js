// The customer profile card (客户画像), shown when a customer is chosen in the table: who the
// customer is and why it got its tier and labels (the explanation view), then the attribute
// columns the run read, the customer's metrics, and its orders over time.

import { el } from '../dom.js';
import { formatInteger, formatMoney, formatOrBlank, formatShare } from '../format.js';
import { renderExplanation } from '../explanation-view.js';
import { strings } from '../strings.js';
import { orderHistorySection } from './order-history-view.js';

/** The metrics shown, in order, with how each reads; CLV figures only when the run has them. */
const METRICS = [
  ['recency', formatInteger],
  ['frequency', formatInteger],
  ['monetary', formatMoney],
  ['average_order_value', formatMoney],
  ['tenure', formatInteger],
  ['r_score', formatInteger],
  ['f_score', formatInteger],
  ['m_score', formatInteger],
  ['fm_score', formatInteger],
  ['clv', formatMoney],
  ['historical_clv', formatMoney],
  ['p_alive', formatShare],
  ['expected_purchases', formatMoney], // a mean count: two decimals, like money
  ['expected_spend', formatMoney],
];

/**
 * @param {HTMLElement} container the profile panel's body
 * @param {{explanation: object, profile: object, history: object|null}} card what the worker's
 *   CUSTOMER_PROFILE request answered
 */
export function renderCustomerProfile(container, { explanation, profile, history }) {
  renderExplanation(container, explanation);
  const sections = [attributeSection(profile.attributes), metricSection(profile.metrics), orderHistorySection(history)];
  container.append(...sections.filter(Boolean)); // append() would write a null as text
}

function attributeSection(attributes) {
  if (!Array.isArray(attributes) || attributes.length === 0) return null;
  return el('section', { class: 'profile-section', 'aria-labelledby': 'profile-attributes-heading' },
    el('h5', { class: 'profile-heading', id: 'profile-attributes-heading', text: strings.profileAttributesHeading }),
    el('dl', { class: 'profile-list', 'data-testid': 'profile-attributes' }, ...attributes.map(({ field, header, value }) =>
      el('div', { class: 'profile-item', dataset: { field } },
        el('dt', { text: header || field }),
        el('dd', { text: value === '' ? strings.profileNoValue : value })))));
}

function metricSection(metrics) {
  const shown = METRICS.filter(([key]) => typeof metrics?.[key] === 'number');
  if (shown.length === 0) return null;
  return el('section', { class: 'profile-section', 'aria-labelledby': 'profile-metrics-heading' },
    el('h5', { class: 'profile-heading', id: 'profile-metrics-heading', text: strings.profileMetricsHeading }),
    el('dl', { class: 'profile-list', 'data-testid': 'profile-metrics' }, ...shown.map(([key, format]) =>
      el('div', { class: 'profile-item', dataset: { metric: key, value: String(metrics[key]) } },
        el('dt', { text: strings.profileMetrics[key] }),
        el('dd', { class: 'number', text: formatOrBlank(format)(metrics[key]) })))));
}
