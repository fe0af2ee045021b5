// The RFM heatmap: R score down, F score across; a cell's colour is its customers' mean
// monetary, and the number in it is how many customers it holds. Recent, frequent and dark is
// where the value is.

import { formatsFor } from './chart-format.js';
import { axisStyle, baseOption, COLORS, labelColorOn, mix } from './chart-theme.js';
import { column, numberCell, textTable } from './text-table.js';

const LOW = COLORS.accentSoft;
const HIGH = COLORS.accent;

/**
 * @param {object} data dashboard.json
 * @param {object} summary summary.json
 * @param {object} strings the page's strings, in the language to draw in
 * @returns {{option: object, textTable: object}}
 */
export function rfmHeatmapChart(data, summary, strings) {
  const words = strings.dashboard;
  const f = formatsFor(strings);
  const { bins, cells } = data.rfm_grid;
  const filled = cells.filter((c) => c.customers > 0);
  const means = filled.map((c) => c.mean_monetary);
  const low = means.length ? Math.min(...means) : 0;
  const high = means.length ? Math.max(...means) : 1;
  const position = (mean) => (high > low ? (mean - low) / (high - low) : 1);
  const scores = Array.from({ length: bins }, (_, i) => String(i + 1));

  const most = filled.reduce((best, c) => (!best || c.customers > best.customers ? c : best), null);
  const richest = filled.reduce((best, c) => (!best || c.mean_monetary > best.mean_monetary ? c : best), null);
  const sentence = most
    ? words.heatmapSentence(bins, words.cellName(most.r, most.f), f.integer(most.customers),
      words.cellName(richest.r, richest.f), f.money(richest.mean_monetary))
    : words.noCustomers;

  const option = {
    ...baseOption(sentence),
    grid: { left: 40, right: 16, top: 16, bottom: 64, containLabel: true },
    xAxis: {
      type: 'category',
      data: scores,
      name: words.fScore,
      nameLocation: 'middle',
      nameGap: 28,
      ...axisStyle({ splitArea: { show: false } }),
    },
    yAxis: {
      type: 'category',
      data: scores,
      name: words.rScore,
      nameLocation: 'middle',
      nameGap: 24,
      ...axisStyle({ splitArea: { show: false } }),
    },
    visualMap: {
      type: 'continuous',
      min: low,
      max: high,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 160,
      text: [f.compact(high), `${words.meanMonetary}  ${f.compact(low)}`],
      textStyle: { color: COLORS.muted },
      inRange: { color: [LOW, HIGH] },
      // The cells carry their colour themselves (for the label's contrast); the bar is the key.
      seriesIndex: [],
    },
    tooltip: {
      ...baseOption('').tooltip,
      formatter: ({ data: cell }) => [
        words.cellName(cell.r, cell.f),
        `${words.customers}: ${f.integer(cell.customers)}`,
        `${words.meanMonetary}: ${cell.customers ? f.money(cell.mean_monetary) : '—'}`,
        `${words.revenue}: ${f.money(cell.revenue)}`,
      ].join('\n'),
    },
    series: [{
      name: words.heatmapHeading,
      type: 'heatmap',
      label: { show: true, formatter: ({ data: cell }) => (cell.customers ? f.integer(cell.customers) : '') },
      itemStyle: { borderColor: COLORS.surface, borderWidth: 2 },
      emphasis: { itemStyle: { borderColor: COLORS.ink, borderWidth: 2 } },
      data: cells.map((cell) => {
        const color = cell.customers ? mix(LOW, HIGH, position(cell.mean_monetary)) : COLORS.surface;
        return {
          value: [cell.f - 1, cell.r - 1, cell.customers ? cell.mean_monetary : 0],
          ...cell,
          itemStyle: { color, borderColor: cell.customers ? COLORS.surface : COLORS.line },
          label: { color: labelColorOn(color) },
        };
      }),
    }],
  };

  const table = textTable(words.heatmapCaption, sentence, [
    column('r', words.rScore),
    column('f', words.fScore),
    column('customers', words.customers),
    column('mean_monetary', words.meanMonetary),
    column('revenue', words.revenue),
  ], cells.map((cell) => [
    numberCell(cell.r, String(cell.r)),
    numberCell(cell.f, String(cell.f)),
    numberCell(cell.customers, f.integer(cell.customers)),
    cell.customers ? numberCell(cell.mean_monetary, f.money(cell.mean_monetary)) : { text: '—' },
    numberCell(cell.revenue, f.money(cell.revenue)),
  ]));
  return { option, textTable: table };
}
