// The segment chart: for each segment, its share of customers next to its share of revenue.
// Hand-written SVG for now (a later issue picks a chart library); the segment table is its
// text equivalent, so the chart itself is one labelled image to assistive technology.

import { svg } from './dom.js';
import { formatShare, formatWholePercent } from './format.js';
import { strings } from './strings.js';

// Drawn at about the size it is shown (styles.css caps it), so text stays at its font size.
const WIDTH = 520;
const LABEL_WIDTH = 204; // segment names, right-aligned against the bars
const VALUE_WIDTH = 48; // room for the percentage printed after the longest bar
const AXIS_HEIGHT = 24;
const ROW_HEIGHT = 40;
const BAR_HEIGHT = 13;
const BAR_GAP = 3;
const PLOT_WIDTH = WIDTH - LABEL_WIDTH - VALUE_WIDTH;

const SERIES = [
  { key: 'customer_share', className: 'bar-customers', legend: 'chartLegendCustomers' },
  { key: 'revenue_share', className: 'bar-revenue', legend: 'chartLegendRevenue' },
];

/**
 * @param {HTMLElement} container where the `<svg>` goes
 * @param {object[]} segments the summary's `segments`
 */
export function renderSegmentChart(container, segments) {
  const { max, step } = axisScale(Math.max(...segments.flatMap((s) => SERIES.map(({ key }) => s[key]))));
  const x = (share) => LABEL_WIDTH + (share / max) * PLOT_WIDTH;
  const height = AXIS_HEIGHT + segments.length * ROW_HEIGHT + 4;

  const grid = [];
  for (let tick = 0; tick <= max + 1e-9; tick += step) {
    grid.push(
      svg('line', { class: 'grid-line', x1: x(tick), x2: x(tick), y1: AXIS_HEIGHT - 4, y2: height }),
      svg('text', { class: 'axis-label', x: x(tick), y: AXIS_HEIGHT - 10, 'text-anchor': 'middle' }, formatWholePercent(tick)),
    );
  }

  const rows = segments.map((segment, i) => {
    const top = AXIS_HEIGHT + i * ROW_HEIGHT + (ROW_HEIGHT - 2 * BAR_HEIGHT - BAR_GAP) / 2;
    const bars = SERIES.flatMap(({ key, className, legend }, j) => {
      const y = top + j * (BAR_HEIGHT + BAR_GAP);
      const end = x(segment[key]);
      return [
        svg('rect', { class: className, x: LABEL_WIDTH, y, width: Math.max(end - LABEL_WIDTH, 0), height: BAR_HEIGHT, rx: 2 },
          svg('title', {}, `${strings.segmentName(segment.segment)}: ${strings[legend]} ${formatShare(segment[key])}`)),
        svg('text', { class: 'value-label', x: end + 6, y: y + BAR_HEIGHT / 2, 'dominant-baseline': 'central' }, formatShare(segment[key])),
      ];
    });
    return svg('g', { 'data-segment': segment.segment },
      svg('text', { class: 'segment-label', x: LABEL_WIDTH - 12, y: top + BAR_HEIGHT + BAR_GAP / 2, 'text-anchor': 'end', 'dominant-baseline': 'central' }, strings.segmentName(segment.segment)),
      ...bars);
  });

  container.replaceChildren(svg('svg', {
    class: 'segment-chart', viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', 'aria-label': strings.chartLabel,
    'data-testid': 'segment-chart',
  }, ...grid, ...rows));
}

/** A round axis end at or above `largest`, and a tick step that gives 3 to 6 ticks. */
function axisScale(largest) {
  const step = largest > 0.6 ? 0.2 : largest > 0.3 ? 0.1 : 0.05;
  return { max: Math.max(step, Math.ceil(largest / step - 1e-9) * step), step };
}
