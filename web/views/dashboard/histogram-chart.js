// Histograms of recency, frequency and monetary: customers per bin of equal, round width (the
// core chooses it: core/include/tierlens/dashboard.h). Frequency and monetary are binned up to
// their 99th percentile, and the few customers past it share one last bar, drawn apart, so
// that a handful of very large customers do not squeeze everyone else into the first bar.

import { formatsFor } from './chart-format.js';
import { axisStyle, baseOption, COLORS } from './chart-theme.js';
import { column, numberCell, textCell, textTable } from './text-table.js';

/** The metrics, as keys of dashboard.json's `histograms`. */
export const HISTOGRAM_METRICS = Object.freeze(['recency', 'frequency', 'monetary']);

/**
 * The bins of a histogram as shown: `[{label, from, to, customers, tail}]`; `to` is exclusive,
 * null for the tail.
 */
export function histogramBins(histogram, metric, strings) {
  const f = formatsFor(strings);
  const money = metric === 'monetary';
  const { edges, counts } = histogram;
  // Money axes read better as 200K than 200,000.00 (the table gives the exact edges).
  const step = edges.length > 1 ? edges[1] - edges[0] : 0;
  const show = !money ? f.integer : step >= 100 ? f.compact : f.money;
  const bins = counts.map((customers, i) => {
    const [from, to] = [edges[i], edges[i + 1]];
    // Whole days and orders: [10, 20) is 10–19, and a bin one wide is its one value.
    const label = money ? strings.dashboard.binRange(show(from), show(to))
      : to - from === 1 ? show(from) : strings.dashboard.binRange(show(from), show(to - 1));
    return { label, from, to, customers, tail: false };
  });
  if (histogram.tail > 0) {
    bins.push({ label: strings.dashboard.binTail(show(edges.at(-1))), from: edges.at(-1), to: null, customers: histogram.tail, tail: true });
  }
  return bins;
}

/**
 * @param {object} data dashboard.json
 * @param {object} summary summary.json
 * @param {object} strings the page's strings, in the language to draw in
 * @param {'recency'|'frequency'|'monetary'} metric
 * @returns {{option: object, textTable: object}}
 */
export function histogramChart(data, summary, strings, metric) {
  const words = strings.dashboard;
  const f = formatsFor(strings);
  const histogram = data.histograms[metric];
  const bins = histogramBins(histogram, metric, strings);
  const money = metric === 'monetary';
  const step = histogram.edges.length > 1 ? histogram.edges[1] - histogram.edges[0] : 0;
  const fullest = bins.reduce((best, bin) => (!best || bin.customers > best.customers ? bin : best), null);
  const sentence = fullest
    ? [
      words.histogramSentence[metric](money ? f.money(step) : f.integer(step), fullest.label, f.integer(fullest.customers)),
      histogram.tail > 0 ? words.histogramTail(money ? f.money(histogram.p99) : f.integer(histogram.p99), f.integer(histogram.tail)) : '',
    ].filter(Boolean).join(' ')
    : words.noCustomers;

  const option = {
    ...baseOption(sentence),
    grid: { left: 8, right: 16, top: 32, bottom: 28, containLabel: true },
    xAxis: {
      type: 'category',
      data: bins.map((bin) => bin.label),
      name: words.histogramAxis[metric],
      nameLocation: 'middle',
      nameGap: bins.length > 6 ? 52 : 32,
      ...axisStyle({ axisLabel: { color: COLORS.muted, rotate: bins.length > 6 ? 30 : 0, interval: 0, hideOverlap: true } }),
    },
    yAxis: { type: 'value', name: words.customers, minInterval: 1, ...axisStyle() },
    tooltip: {
      ...baseOption('').tooltip,
      trigger: 'item',
      formatter: ({ dataIndex }) => `${words.histogramAxis[metric]}: ${bins[dataIndex].label}\n${words.customers}: ${f.integer(bins[dataIndex].customers)}`,
    },
    series: [{
      name: words.customers,
      type: 'bar',
      barCategoryGap: '8%',
      data: bins.map((bin) => ({
        value: bin.customers,
        itemStyle: { color: bin.tail ? COLORS.revenue : COLORS.customers },
      })),
    }],
  };

  const table = textTable(words.histogramCaption[metric], sentence, [
    column('bin', words.histogramAxis[metric], false),
    column('from', words.binFrom),
    column('to', words.binTo),
    column('customers', words.customers),
  ], bins.map((bin) => [
    textCell(bin.label),
    numberCell(bin.from, money ? f.money(bin.from) : f.integer(bin.from)),
    bin.to === null ? { text: '—' } : numberCell(bin.to, money ? f.money(bin.to) : f.integer(bin.to)),
    numberCell(bin.customers, f.integer(bin.customers)),
  ]));
  return { option, textTable: table };
}
