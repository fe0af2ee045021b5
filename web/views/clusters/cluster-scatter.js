// The cluster scatter: one dot per customer (a sample of at most a few thousand, drawn as the
// engine chose them), coloured by cluster, on either two of the clustering's features or the
// first two principal axes of the standardised features (the one view in which all features
// count). Features are drawn on a log scale: money and order counts are skewed, and on a
// linear axis most customers would sit in one corner. Each cluster's centre in the view is
// marked with its number, the number its label starts with. The clusters table beside it is
// the text equivalent, so the chart is one labelled image to assistive technology.

import { linearScale, logScale } from '../chart-scale.js';
import { svg } from '../dom.js';
import { formatCompact, formatNumber } from '../format.js';
import { strings } from '../strings.js';
import { clusterColourClass, featureName } from './cluster-words.js';

const WIDTH = 640;
const HEIGHT = 440;
const LEFT = 64;
const RIGHT = 14;
const TOP = 12;
const BOTTOM = 48;
const PLOT_WIDTH = WIDTH - LEFT - RIGHT;
const PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;
const DOT_RADIUS = 2.6;

/**
 * What the scatter shows: the projection, or features `x` and `y` (indexes into
 * `points.features`).
 * @typedef {{kind: 'projection'}|{kind: 'features', x: number, y: number}} ScatterView
 */

/**
 * @param {object} points the engine's clusterPoints answer
 * @param {ScatterView} view
 * @param {string[]} labels the dimension's labels, indexed by `points.cluster`
 * @param {string} name the dimension's name, for the chart's accessible name
 * @returns {SVGSVGElement}
 */
export function clusterScatter(points, view, labels, name) {
  const words = strings.clusters;
  const count = points.customer.length;
  const features = points.features.length;
  const read = view.kind === 'projection'
    ? [(p) => points.projection[2 * p], (p) => points.projection[2 * p + 1]]
    : [(p) => points.values[p * features + view.x], (p) => points.values[p * features + view.y]];
  const xs = Float64Array.from({ length: count }, (_, p) => read[0](p));
  const ys = Float64Array.from({ length: count }, (_, p) => read[1](p));
  const [xScale, yScale] = [xs, ys].map((values) => scaleFor(values, view.kind));
  const px = (value) => LEFT + xScale.position(value) * PLOT_WIDTH;
  const py = (value) => TOP + (1 - yScale.position(value)) * PLOT_HEIGHT;
  const [xTitle, yTitle] = view.kind === 'projection'
    ? [words.principalAxis(1), words.principalAxis(2)]
    : [words.logAxis(featureName(points.features[view.x])), words.logAxis(featureName(points.features[view.y]))];
  const tickText = view.kind === 'projection' ? formatNumber : formatCompact;

  const grid = [
    ...xScale.ticks.flatMap((tick) => [
      svg('line', { class: 'grid-line', x1: px(tick), x2: px(tick), y1: TOP, y2: TOP + PLOT_HEIGHT }),
      svg('text', { class: 'axis-label', x: px(tick), y: TOP + PLOT_HEIGHT + 16, 'text-anchor': 'middle' }, tickText(tick)),
    ]),
    ...yScale.ticks.flatMap((tick) => [
      svg('line', { class: 'grid-line', x1: LEFT, x2: LEFT + PLOT_WIDTH, y1: py(tick), y2: py(tick) }),
      svg('text', { class: 'axis-label', x: LEFT - 8, y: py(tick), 'text-anchor': 'end', 'dominant-baseline': 'central' }, tickText(tick)),
    ]),
  ];

  // Dots, and per cluster the sums that place its centre marker (in screen space, so that on
  // a log axis the marker sits among its dots, not pulled out by a few large values).
  const sums = new Map();
  const dots = [];
  for (let p = 0; p < count; p++) {
    const cluster = points.cluster[p];
    const x = px(xs[p]);
    const y = py(ys[p]);
    dots.push(svg('circle', { class: `point ${clusterColourClass(cluster)}`, cx: x.toFixed(1), cy: y.toFixed(1), r: DOT_RADIUS, 'data-cluster': cluster }));
    const sum = sums.get(cluster) ?? { x: 0, y: 0, n: 0 };
    sums.set(cluster, { x: sum.x + x, y: sum.y + y, n: sum.n + 1 });
  }
  const centres = [...sums.entries()].sort(([a], [b]) => a - b).map(([cluster, { x, y, n }]) =>
    svg('g', { class: `centre ${clusterColourClass(cluster)}`, 'data-cluster': cluster },
      svg('title', {}, labels[cluster] ?? ''),
      svg('circle', { cx: (x / n).toFixed(1), cy: (y / n).toFixed(1), r: 10 }),
      svg('text', { x: (x / n).toFixed(1), y: (y / n).toFixed(1), 'text-anchor': 'middle', 'dominant-baseline': 'central' }, String(cluster + 1))));

  const axes = [
    svg('rect', { class: 'plot-frame', x: LEFT, y: TOP, width: PLOT_WIDTH, height: PLOT_HEIGHT }),
    svg('text', { class: 'axis-title', x: LEFT + PLOT_WIDTH / 2, y: HEIGHT - 8, 'text-anchor': 'middle' }, xTitle),
    svg('text', { class: 'axis-title', x: 0, y: 0, 'text-anchor': 'middle', transform: `translate(14 ${TOP + PLOT_HEIGHT / 2}) rotate(-90)` }, yTitle),
  ];

  return svg('svg', {
    class: 'chart cluster-scatter', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'data-testid': 'cluster-scatter',
    'data-view': view.kind === 'projection' ? 'projection' : `${points.features[view.x]}|${points.features[view.y]}`,
    'aria-label': words.scatterLabel(name, count, points.total, xTitle, yTitle),
  }, ...grid, ...axes, svg('g', { class: 'points' }, ...dots), svg('g', { class: 'centres' }, ...centres));
}

/** The projection is centred and roughly symmetric: linear. Features as read: log. */
function scaleFor(values, kind) {
  let low = Infinity;
  let high = -Infinity;
  for (const value of values) {
    if (value < low) low = value;
    if (value > high) high = value;
  }
  if (!Number.isFinite(low)) [low, high] = [0, 1];
  return kind === 'projection' ? linearScale(low, high) : logScale(low, high);
}
