// One card per `clusters` dimension of the result: how k was found, the scatter of the
// customers coloured by cluster (its points asked of the worker, at most MAX_POINTS), a
// choice of axes, a legend, and the tables of clusters and of the k tried. The points stay
// with the card, so choosing other axes re-draws without asking the worker again.

import { warningList } from '../dimension-labels-view.js';
import { el } from '../dom.js';
import { formatInteger } from '../format.js';
import { strings } from '../strings.js';
import { clusterScatter } from './cluster-scatter.js';
import { clusterTable, formatSilhouette, kChoiceTable } from './cluster-tables.js';
import { clusterColourClass, featureName } from './cluster-words.js';

/** The most customers drawn: enough to see each cluster's shape, few enough for SVG. */
export const MAX_POINTS = 3000;

let lastId = 0;
/** A page-unique id for a card's heading and controls (dimension ids may hold any text). */
const uniqueId = (prefix) => `${prefix}-${++lastId}`;

/**
 * @param {HTMLElement} container where the cards go (they are its only children)
 * @param {object} how
 * @param {(dimensionIndex: number, maxPoints: number) => Promise<object|null>} how.fetchPoints
 * @param {(error: Error) => void} how.onError
 * @returns {{render: (summary: object) => Promise<void>}}
 */
export function createClusterCards(container, { fetchPoints, onError }) {
  let generation = 0;
  /** The axes chosen per dimension id, kept while the same dimension is shown again. */
  const chosenViews = new Map();

  async function render(summary) {
    const thisGeneration = ++generation;
    const dimensions = (summary?.dimensions ?? [])
      .map((dimension, index) => ({ dimension, index }))
      .filter(({ dimension }) => dimension.type === 'clusters' && dimension.clusters);
    const cards = dimensions.map(({ dimension }) => clusterCard(dimension, chosenViews));
    container.replaceChildren(...cards.map((card) => card.element));
    await Promise.all(dimensions.map(async ({ index }, i) => {
      try {
        const points = await fetchPoints(index, MAX_POINTS);
        if (thisGeneration === generation) cards[i].showPoints(points);
      } catch (error) {
        if (thisGeneration !== generation) return;
        cards[i].showPoints(null);
        onError(error);
      }
    }));
  }

  return { render };
}

function clusterCard(dimension, chosenViews) {
  const words = strings.clusters;
  const { clusters } = dimension;
  const headingId = uniqueId('cluster-heading');
  const views = viewChoices(clusters.features);
  const remembered = chosenViews.get(dimension.id);
  let view = views.find(({ key }) => key === remembered) ?? views[0];
  let points = null;

  const figure = el('div', { class: 'scatter-slot', 'aria-busy': 'true' }, el('p', { class: 'muted', text: strings.loading }));
  const note = el('p', { class: 'muted small', 'data-testid': 'cluster-sample-note' });
  const draw = () => {
    if (!points) return;
    figure.replaceChildren(clusterScatter(points, view.view, dimension.labels.map((label) => label.label), dimension.name));
    figure.removeAttribute('aria-busy');
  };
  const axisSelect = el('select', { id: uniqueId('cluster-axes'), 'data-testid': 'cluster-axes' },
    ...views.map(({ key, text }) => el('option', { value: key, text })));
  axisSelect.value = view.key;
  axisSelect.addEventListener('change', () => {
    view = views.find((choice) => choice.key === axisSelect.value) ?? views[0];
    chosenViews.set(dimension.id, view.key);
    draw();
  });

  const element = el('section', {
    class: 'card cluster-card', 'data-testid': 'cluster-card', dataset: { dimension: dimension.id }, 'aria-labelledby': headingId,
  },
  el('h2', { id: headingId }, el('span', { text: words.heading(dimension.name) })),
  el('p', { class: 'muted small', 'data-testid': 'cluster-summary', text: summaryLine(clusters) }),
  dimension.description ? el('p', { class: 'muted small', text: dimension.description }) : null,
  warningList(dimension.warnings),
  // The scatter with the k tried beside it; the clusters table, wide with a column per
  // feature, under both.
  el('div', { class: 'chart-with-table' },
    el('figure', { class: 'chart-figure' },
      el('div', { class: 'field inline-field' }, el('label', { for: axisSelect.id, text: words.axes }), axisSelect),
      el('ul', { class: 'legend cluster-legend', 'data-testid': 'cluster-legend', 'aria-hidden': 'true' },
        ...clusters.clusters.map((cluster, index) => el('li', { class: 'legend-item', dataset: { label: cluster.label } },
          el('span', { class: `legend-swatch ${clusterColourClass(index)}` }), el('span', { text: cluster.label })))),
      figure,
      note),
    kChoiceTable(clusters, dimension.name)),
  clusterTable(clusters, dimension.name));

  return {
    element,
    showPoints(answer) {
      points = answer;
      if (!points) {
        figure.replaceChildren(el('p', { class: 'muted', text: words.noPoints }));
        figure.removeAttribute('aria-busy');
        return;
      }
      note.textContent = words.sampleNote(formatInteger(points.customer.length), formatInteger(points.total));
      draw();
    },
  };
}

/** The projection first (all features count in it), then every pair of features. */
function viewChoices(features) {
  const words = strings.clusters;
  const choices = [{ key: 'projection', text: words.projection, view: { kind: 'projection' } }];
  for (let x = 0; x < features.length; x++) {
    for (let y = x + 1; y < features.length; y++) {
      choices.push({
        key: `${features[x]}|${features[y]}`,
        text: words.pair(featureName(features[x]), featureName(features[y])),
        view: { kind: 'features', x, y },
      });
    }
  }
  return choices;
}

/** "k = 6, the best silhouette among 2–6 (0.552); 420 customers clustered." */
function summaryLine(clusters) {
  const words = strings.clusters;
  const range = clusters.choices?.length ? [clusters.choices[0].k, clusters.choices.at(-1).k] : null;
  const how = clusters.k_chosen && range ? words.kChosen(clusters.k, range[0], range[1]) : words.kFixed(clusters.k);
  return `${how} ${words.quality(formatSilhouette(clusters.silhouette), formatInteger(clusters.clustered), formatInteger(clusters.fitted_on))}`;
}
