// The holdout check as a chart: the models were fitted again on the orders before a cut-off
// date, and asked how many purchases each customer would make after it. Customers are grouped
// by their repeat purchases before the cut-off (0 … 6, then 7 or more); for each group the
// mean purchases they really made after it stand next to the mean the model predicted. Bars
// of the same height mean the model can be trusted for customers like these. The holdout
// table is the text equivalent.

import { linearScale } from '../chart-scale.js';
import { svg } from '../dom.js';
import { formatInteger, formatNumber } from '../format.js';
import { strings } from '../strings.js';

const WIDTH = 640;
const HEIGHT = 280;
const LEFT = 64; // the y axis's labels and title
const RIGHT = 8;
const TOP = 12;
const BOTTOM = 58; // group names, their customer counts, and the x axis's title
const PLOT_WIDTH = WIDTH - LEFT - RIGHT;
const PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;

export const HOLDOUT_SERIES = [
  { key: 'actual_mean', className: 'bar-actual', legend: 'actual' },
  { key: 'predicted_mean', className: 'bar-predicted', legend: 'predicted' },
];

/**
 * @param {object} holdout the summary's `clv.holdout`
 * @returns {SVGSVGElement}
 */
export function holdoutChart(holdout) {
  const words = strings.clv.holdout;
  const groups = holdout.by_frequency ?? [];
  const means = groups.flatMap((group) => HOLDOUT_SERIES.map(({ key }) => group[key])).filter(Number.isFinite);
  const scale = linearScale(0, Math.max(0, ...means), { includeZero: true, tickCount: 4 });
  const y = (value) => TOP + (1 - scale.position(value)) * PLOT_HEIGHT;
  const slot = PLOT_WIDTH / Math.max(groups.length, 1);
  const barWidth = Math.min(26, slot * 0.34);

  const grid = scale.ticks.flatMap((tick) => [
    svg('line', { class: 'grid-line', x1: LEFT, x2: WIDTH - RIGHT, y1: y(tick), y2: y(tick) }),
    svg('text', { class: 'axis-label', x: LEFT - 8, y: y(tick), 'text-anchor': 'end', 'dominant-baseline': 'central' }, formatNumber(tick)),
  ]);

  const bars = groups.map((group, i) => {
    const centre = LEFT + (i + 0.5) * slot;
    const name = groupName(group);
    const shapes = HOLDOUT_SERIES.map(({ key, className, legend }, j) => {
      const left = centre + (j - 1) * (barWidth + 2) + 1;
      const value = group[key];
      if (!Number.isFinite(value)) {
        // No prediction (the model could not be fitted before the cut-off): say so in place.
        return svg('text', { class: 'value-label', x: left + barWidth / 2, y: y(0) - 6, 'text-anchor': 'middle' }, '–');
      }
      return svg('rect', { class: className, x: left, y: y(value), width: barWidth, height: Math.max(y(0) - y(value), 0.5), rx: 2, 'data-series': legend },
        svg('title', {}, words.barTitle(name, words[legend], formatNumber(value))));
    });
    return svg('g', { class: 'holdout-group', 'data-frequency': group.frequency, 'data-and-more': group.and_more ? 'true' : 'false' },
      ...shapes,
      svg('text', { class: 'group-label', x: centre, y: TOP + PLOT_HEIGHT + 16, 'text-anchor': 'middle' }, name),
      svg('text', { class: 'axis-label', x: centre, y: TOP + PLOT_HEIGHT + 30, 'text-anchor': 'middle' }, words.customersShort(formatInteger(group.customers))));
  });

  const axisTitles = [
    svg('text', { class: 'axis-title', x: LEFT + PLOT_WIDTH / 2, y: HEIGHT - 6, 'text-anchor': 'middle' }, words.xTitle),
    svg('text', { class: 'axis-title', x: 0, y: 0, 'text-anchor': 'middle', transform: `translate(14 ${TOP + PLOT_HEIGHT / 2}) rotate(-90)` }, words.yTitle),
  ];

  return svg('svg', {
    class: 'chart holdout-chart', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': words.chartLabel,
    'data-testid': 'holdout-chart',
  }, ...grid, svg('line', { class: 'axis-line', x1: LEFT, x2: WIDTH - RIGHT, y1: y(0), y2: y(0) }), ...bars, ...axisTitles);
}

/** "0" … "6", and "7+" for the last group. */
export function groupName(group) {
  return group.and_more ? `${group.frequency}+` : String(group.frequency);
}
