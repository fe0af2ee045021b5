// How CLV is spread inside each tier (or segment): one box plot per group, lowest to highest,
// the middle half as a box, the median as a line and the mean as a dot. On a log scale,
// because CLV is skewed: the best customers are worth hundreds of times the median, and on a
// linear axis every box would be squashed against zero. The distribution table is the text
// equivalent, so the chart is one labelled image to assistive technology.

import { logScale } from '../chart-scale.js';
import { svg } from '../dom.js';
import { formatCompact, formatInteger, formatMoney } from '../format.js';
import { strings } from '../strings.js';

const WIDTH = 640;
const LABEL_WIDTH = 176; // group names, right-aligned against the plot
const RIGHT = 24; // room for the last tick's label
const AXIS_HEIGHT = 24;
const ROW_HEIGHT = 34;
const BOX_HEIGHT = 16;
const PLOT_WIDTH = WIDTH - LABEL_WIDTH - RIGHT;

/**
 * @param {object[]} groups `by_tier` or `by_segment` of the summary's `clv`
 * @param {'tier'|'segment'} groupKey the groups' name field
 * @returns {SVGSVGElement}
 */
export function clvDistributionChart(groups, groupKey) {
  const words = strings.clv;
  const valued = groups.filter((group) => group.customers > 0);
  const scale = logScale(Math.min(0, ...valued.map((group) => group.min)), Math.max(1, ...valued.map((group) => group.max)));
  const x = (value) => LABEL_WIDTH + scale.position(value) * PLOT_WIDTH;
  const height = AXIS_HEIGHT + groups.length * ROW_HEIGHT + 4;

  const grid = scale.ticks.flatMap((tick) => [
    svg('line', { class: 'grid-line', x1: x(tick), x2: x(tick), y1: AXIS_HEIGHT - 4, y2: height }),
    svg('text', { class: 'axis-label', x: x(tick), y: AXIS_HEIGHT - 10, 'text-anchor': 'middle' }, formatCompact(tick)),
  ]);

  const rows = groups.map((group, i) => {
    const middle = AXIS_HEIGHT + i * ROW_HEIGHT + ROW_HEIGHT / 2;
    const name = group[groupKey];
    const shown = groupKey === 'segment' ? strings.segmentName(name) : name;
    const label = svg('text', { class: 'group-label', x: LABEL_WIDTH - 12, y: middle, 'text-anchor': 'end', 'dominant-baseline': 'central' }, shown);
    if (!(group.customers > 0)) {
      return svg('g', { class: 'box-row', 'data-group': name, 'data-customers': 0 }, label,
        svg('text', { class: 'value-label', x: LABEL_WIDTH + 6, y: middle, 'dominant-baseline': 'central' }, words.noCustomers));
    }
    const top = middle - BOX_HEIGHT / 2;
    const bottom = middle + BOX_HEIGHT / 2;
    return svg('g', { class: 'box-row', 'data-group': name, 'data-customers': group.customers },
      svg('title', {}, words.boxTitle(shown, formatInteger(group.customers), formatMoney(group.min), formatMoney(group.q1),
        formatMoney(group.median), formatMoney(group.q3), formatMoney(group.max), formatMoney(group.mean))),
      label,
      svg('line', { class: 'whisker', x1: x(group.min), x2: x(group.max), y1: middle, y2: middle }),
      svg('line', { class: 'whisker', x1: x(group.min), x2: x(group.min), y1: top + 3, y2: bottom - 3 }),
      svg('line', { class: 'whisker', x1: x(group.max), x2: x(group.max), y1: top + 3, y2: bottom - 3 }),
      svg('rect', { class: 'box', x: x(group.q1), y: top, width: Math.max(x(group.q3) - x(group.q1), 1.5), height: BOX_HEIGHT, rx: 2 }),
      svg('line', { class: 'median', x1: x(group.median), x2: x(group.median), y1: top, y2: bottom }),
      svg('circle', { class: 'mean', cx: x(group.mean), cy: middle, r: 3.5 }));
  });

  return svg('svg', {
    class: 'chart clv-distribution-chart', viewBox: `0 0 ${WIDTH} ${height}`, role: 'img',
    'aria-label': words.distributionLabel(words.groupWords[groupKey]), 'data-testid': 'clv-distribution-chart',
  }, ...grid, ...rows);
}
