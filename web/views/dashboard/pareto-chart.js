// The Pareto (Lorenz) curve: customers ranked by monetary, highest first, against the share
// of revenue the top of the ranking holds. The further the curve bows above the diagonal, the
// more revenue rests on few customers. Where the policy has an `abc` dimension, its own cuts
// are marked on the curve; without one, none are drawn (and the text says so), since any cut
// drawn would be one the policy does not make.

import { formatsFor } from './chart-format.js';
import { axisStyle, baseOption, categoryColor, COLORS } from './chart-theme.js';
import { column, numberCell, textCell, textTable } from './text-table.js';

/** The revenue share the top `share` of customers hold, read off the curve (linear between points). */
export function revenueShareAt(points, share) {
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1], points[i]];
    if (b.customer_share >= share) {
      const span = b.customer_share - a.customer_share;
      return span > 0 ? a.revenue_share + ((share - a.customer_share) / span) * (b.revenue_share - a.revenue_share) : b.revenue_share;
    }
  }
  return points.at(-1)?.revenue_share ?? 0;
}

/** The points at 0 %, 10 % … 100 % of customers: those the core computed for those percents. */
export function decilePoints(lorenz) {
  const n = lorenz.customers;
  const wanted = new Set(Array.from({ length: 11 }, (_, d) => Math.floor((d * 10 * n + 50) / 100)));
  const seen = new Set();
  return lorenz.points.filter((p) => wanted.has(p.customers) && !seen.has(p.customers) && seen.add(p.customers));
}

/**
 * @param {object} data dashboard.json
 * @param {object} summary summary.json
 * @param {object} strings the page's strings, in the language to draw in
 * @returns {{option: object, textTable: object}}
 */
export function paretoChart(data, summary, strings) {
  const words = strings.dashboard;
  const f = formatsFor(strings);
  const { lorenz, abc_cuts: abcCuts } = data;
  const points = lorenz.points;

  const cutsText = abcCuts.map((abc) => words.paretoCuts(abc.name, abc.cuts.map((cut) =>
    words.paretoCut(cut.label, f.share(cut.customer_share), f.share(cut.revenue_share))).join(words.listSeparator)));
  const sentence = [
    lorenz.customers > 0
      ? words.paretoSentence(f.wholeShare(0.2), f.share(revenueShareAt(points, 0.2)), f.wholeShare(0.5), f.share(revenueShareAt(points, 0.5)))
      : words.noCustomers,
    ...(abcCuts.length ? cutsText : [words.paretoNoAbc]),
    words.paretoBasis,
  ].join(' ');

  const shareAxis = (name) => ({
    type: 'value',
    min: 0,
    max: 1,
    interval: 0.2,
    name,
    nameLocation: 'middle',
    nameGap: 36,
    ...axisStyle({ axisLabel: { color: COLORS.muted, formatter: (v) => f.wholeShare(v) } }),
  });

  // The curve is in the revenue colour (the palette's second): cuts take the others.
  const cutColor = (i) => categoryColor(i === 0 ? 0 : i + 1);
  const cutSeries = abcCuts.map((abc, i) => ({
    name: abc.name,
    type: 'scatter',
    symbolSize: 10,
    z: 5,
    itemStyle: { color: cutColor(i), borderColor: COLORS.surface, borderWidth: 1 },
    labelLayout: { moveOverlap: 'shiftY' },
    label: {
      show: true,
      position: 'right',
      distance: 8,
      color: COLORS.ink,
      backgroundColor: 'rgba(255, 255, 255, 0.85)',
      padding: [1, 3],
      formatter: ({ data: point }) => words.paretoMark(point.cut.label, f.share(point.cut.customer_share), f.share(point.cut.revenue_share)),
    },
    markLine: {
      silent: true,
      symbol: 'none',
      lineStyle: { color: cutColor(i), type: 'dashed', width: 1 },
      label: { show: false },
      data: abc.cuts.map((cut) => ({ xAxis: cut.customer_share })),
    },
    data: abc.cuts.map((cut) => ({ value: [cut.customer_share, cut.revenue_share], cut, dimension: abc.name })),
  }));

  const option = {
    ...baseOption(sentence),
    legend: { top: 0, textStyle: { color: COLORS.ink } },
    grid: { left: 32, right: 24, top: abcCuts.length > 1 ? 64 : 40, bottom: 28, containLabel: true },
    xAxis: shareAxis(words.topCustomers),
    yAxis: shareAxis(words.revenueHeld),
    tooltip: {
      ...baseOption('').tooltip,
      trigger: 'item',
      formatter: ({ data: point, seriesName }) => (point.cut
        ? `${point.dimension}: ${point.cut.label}\n${words.paretoMark(point.cut.label, f.share(point.cut.customer_share), f.share(point.cut.revenue_share))}`
        : `${seriesName}\n${words.topCustomers}: ${f.share(point.value[0])}\n${words.revenueHeld}: ${f.share(point.value[1])}`),
    },
    series: [
      {
        name: words.paretoCurve,
        type: 'line',
        showSymbol: false,
        symbolSize: 6,
        lineStyle: { color: COLORS.revenue, width: 2.5 },
        itemStyle: { color: COLORS.revenue },
        areaStyle: { color: COLORS.revenue, opacity: 0.08 },
        data: points.map((p) => ({ value: [p.customer_share, p.revenue_share] })),
      },
      {
        name: words.equalShare,
        type: 'line',
        silent: true,
        showSymbol: false,
        lineStyle: { color: COLORS.muted, type: 'dashed', width: 1 },
        itemStyle: { color: COLORS.muted },
        tooltip: { show: false },
        data: [{ value: [0, 0] }, { value: [1, 1] }],
      },
      ...cutSeries,
    ],
  };

  const rows = decilePoints(lorenz).map((p) => [
    textCell(words.paretoTop(f.share(p.customer_share))),
    numberCell(p.customers, f.integer(p.customers)),
    numberCell(p.customer_share, f.share(p.customer_share)),
    numberCell(p.revenue_share, f.share(p.revenue_share)),
  ]);
  for (const abc of abcCuts) {
    for (const cut of abc.cuts) {
      rows.push([
        textCell(words.paretoCutRow(abc.name, cut.label, cut.percent)),
        numberCell(cut.customers, f.integer(cut.customers)),
        numberCell(cut.customer_share, f.share(cut.customer_share)),
        numberCell(cut.revenue_share, f.share(cut.revenue_share)),
      ]);
    }
  }
  const table = textTable(words.paretoCaption, sentence, [
    column('point', words.paretoPoint, false),
    column('customers', words.customers),
    column('customer_share', words.customerShare),
    column('revenue_share', words.revenueHeld),
  ], rows);
  return { option, textTable: table };
}
