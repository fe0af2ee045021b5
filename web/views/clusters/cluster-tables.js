// The clusters of a `clusters` dimension as tables: each cluster's size and its mean of each
// feature as read (days, orders, money), the scatter's text equivalent; and, when k was
// chosen, every k tried with its silhouette (higher: better separated clusters) and inertia.

import { el } from '../dom.js';
import { formatDecimals3, formatInteger, formatNumber, formatShare } from '../format.js';
import { strings } from '../strings.js';
import { clusterColourClass, featureName, formatFeature } from './cluster-words.js';

/**
 * @param {object} clusters the dimension's `clusters` in the summary
 * @param {string} name the dimension's name
 */
export function clusterTable(clusters, name) {
  const words = strings.clusters;
  const total = clusters.clustered || 1;
  return el('div', { class: 'table-scroll' },
    el('table', { class: 'data-table compact cluster-table', 'data-testid': 'cluster-table' },
      el('caption', { class: 'visually-hidden', text: words.tableCaption(name) }),
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col', text: words.columns.label }),
        el('th', { scope: 'col', class: 'number', text: words.columns.customers }),
        el('th', { scope: 'col', class: 'number', text: words.columns.share }),
        ...clusters.features.map((feature) => el('th', { scope: 'col', class: 'number', text: words.meanOf(featureName(feature)) })))),
      el('tbody', {}, ...clusters.clusters.map((cluster, index) => el('tr', { dataset: { label: cluster.label } },
        el('th', { scope: 'row', dataset: { col: 'label' } },
          el('span', { class: `legend-swatch ${clusterColourClass(index)}`, 'aria-hidden': 'true' }), ' ', cluster.label),
        el('td', { class: 'number', dataset: { col: 'customers', value: String(cluster.customers) } }, formatInteger(cluster.customers)),
        el('td', { class: 'number', dataset: { col: 'share', value: String(cluster.customers / total) } }, formatShare(cluster.customers / total)),
        ...clusters.features.map((feature) => {
          const value = cluster.mean?.[feature];
          return el('td', { class: 'number', dataset: { col: `mean-${feature}`, value: String(value) } }, typeof value === 'number' ? formatFeature(feature, value) : strings.clv.noValue);
        }))))));
}

/** Every k tried, when k was chosen by silhouette; null when the policy fixed k. */
export function kChoiceTable(clusters, name) {
  if (!clusters.k_chosen || !(clusters.choices?.length > 0)) return null;
  const words = strings.clusters;
  return el('div', { class: 'table-scroll' },
    el('table', { class: 'data-table compact k-choice-table', 'data-testid': 'k-choice-table' },
      el('caption', { class: 'table-caption', text: words.choicesCaption(name) }),
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col', class: 'number', text: words.columns.k }),
        el('th', { scope: 'col', class: 'number', text: words.columns.silhouette }),
        el('th', { scope: 'col', class: 'number', text: words.columns.inertia }),
        el('th', { scope: 'col' }, el('span', { class: 'visually-hidden', text: words.columns.chosen })))),
      el('tbody', {}, ...clusters.choices.map((choice) => {
        const chosen = choice.k === clusters.k;
        return el('tr', { class: chosen ? 'chosen' : undefined, dataset: { k: String(choice.k) } },
          el('th', { scope: 'row', class: 'number', text: String(choice.k) }),
          el('td', { class: 'number', dataset: { col: 'silhouette', value: String(choice.silhouette) } }, formatSilhouette(choice.silhouette)),
          el('td', { class: 'number', dataset: { col: 'inertia', value: String(choice.inertia) } }, formatNumber(choice.inertia)),
          el('td', { text: chosen ? words.chosen : '' }));
      }))));
}

/** Three decimals: silhouettes of neighbouring k often differ in the third. */
export function formatSilhouette(value) {
  return typeof value === 'number' ? formatDecimals3(value) : strings.clv.noValue;
}
