// The tier pyramid: per tier, its share of customers to the left and its share of revenue to
// the right, the policy's first tier on top. A tier with few customers and much revenue is wide
// on the right only: the shape of a customer base at a glance.

import { formatsFor } from './chart-format.js';
import { axisStyle, baseOption, COLORS } from './chart-theme.js';
import { column, numberCell, textCell, textTable } from './text-table.js';

/**
 * @param {object} data dashboard.json (unused: the tiers' totals are the summary's)
 * @param {object} summary summary.json
 * @param {object} strings the page's strings, in the language to draw in
 * @returns {{option: object, textTable: object}|null} null when the policy has no tiers
 */
export function tierPyramidChart(data, summary, strings) {
  const tiers = summary.tiers ?? [];
  if (tiers.length === 0) return null;
  const words = strings.dashboard;
  const f = formatsFor(strings);
  const widest = Math.max(0.1, ...tiers.flatMap((t) => [Math.abs(t.customer_share), Math.abs(t.revenue_share)]));
  // Ticks every 10 % (every 20 % past half), to a whole tick beyond the widest bar.
  const tick = widest > 0.5 ? 0.2 : 0.1;
  const limit = Math.round(Math.ceil(widest / tick - 1e-9) * tick * 10) / 10;
  // A bar's percentage is written inside it when the bar is long enough (in white), else past
  // its end: a long bar's label would run into the tier names or out of the chart.
  const bar = (value, side) => {
    const inside = Math.abs(value) > limit * 0.35;
    return {
      value,
      label: {
        position: inside ? `inside${side}` : side.toLowerCase(),
        color: inside ? '#ffffff' : COLORS.ink,
      },
    };
  };
  const sentence = words.pyramidSentence(tiers.map((t) =>
    words.pyramidTier(t.name, f.share(t.customer_share), f.share(t.revenue_share))).join(words.listSeparator));

  const option = {
    ...baseOption(sentence),
    legend: { top: 0, textStyle: { color: COLORS.ink }, data: [words.customerShare, words.revenueShare] },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: {
      type: 'value',
      min: -limit,
      max: limit,
      interval: tick,
      ...axisStyle({ axisLabel: { color: COLORS.muted, formatter: (value) => f.wholeShare(Math.abs(value)) } }),
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: tiers.map((t) => t.name),
      ...axisStyle({ axisTick: { show: false }, axisLabel: { color: COLORS.ink, fontWeight: 'bold' } }),
    },
    tooltip: {
      ...baseOption('').tooltip,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const tier = tiers[params[0].dataIndex];
        return [
          tier.name,
          `${words.customers}: ${f.integer(tier.customers)} (${f.share(tier.customer_share)})`,
          `${words.revenue}: ${f.money(tier.revenue)} (${f.share(tier.revenue_share)})`,
        ].join('\n');
      },
    },
    series: [
      {
        name: words.customerShare,
        type: 'bar',
        stack: 'pyramid',
        barCategoryGap: '30%',
        itemStyle: { color: COLORS.customers },
        label: { show: true, formatter: ({ value }) => f.share(-value) },
        data: tiers.map((t) => bar(-t.customer_share, 'Left')),
      },
      {
        name: words.revenueShare,
        type: 'bar',
        stack: 'pyramid',
        itemStyle: { color: COLORS.revenue },
        label: { show: true, formatter: ({ value }) => f.share(value) },
        data: tiers.map((t) => bar(t.revenue_share, 'Right')),
      },
    ],
  };

  const table = textTable(words.pyramidCaption, sentence, [
    column('tier', words.tier, false),
    column('customers', words.customers),
    column('customer_share', words.customerShare),
    column('revenue', words.revenue),
    column('revenue_share', words.revenueShare),
  ], tiers.map((t) => [
    textCell(t.name),
    numberCell(t.customers, f.integer(t.customers)),
    numberCell(t.customer_share, f.share(t.customer_share)),
    numberCell(t.revenue, f.money(t.revenue)),
    numberCell(t.revenue_share, f.share(t.revenue_share)),
  ]));
  return { option, textTable: table };
}
