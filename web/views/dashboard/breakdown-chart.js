// A breakdown: customers by the values of one categorical attribute (industry, province …) or
// the labels of a mapping or bands dimension (region, company size), each bar split by tier.
// The core keeps the 12 values of most revenue and merges the rest into "other"; attributes
// with too many values to be a category (ids, names, numbers) are not drawn (breakdownNotes).

import { formatsFor } from './chart-format.js';
import { axisStyle, baseOption, categoryColor, COLORS } from './chart-theme.js';
import { column, numberCell, textCell, textTable } from './text-table.js';

/** A group's name as shown: its value, or "other (n values)", or "no value". */
export function groupName(group, strings) {
  if (group.kind === 'other') return strings.dashboard.otherValues(formatsFor(strings).integer(group.values));
  if (group.kind === 'none') return strings.dashboard.noValue;
  return group.value;
}

/** Sentences about the breakdowns that are not drawn, or about there being none. */
export function breakdownNotes(data, strings) {
  const words = strings.dashboard;
  const f = formatsFor(strings);
  const notes = data.breakdowns.filter((b) => b.skipped).map((b) => words.breakdownSkipped(b.name, f.integer(b.distinct)));
  if (!data.breakdowns.some((b) => !b.skipped)) notes.push(words.noBreakdowns);
  return notes;
}

/**
 * @param {object} data dashboard.json
 * @param {object} summary summary.json
 * @param {object} strings the page's strings, in the language to draw in
 * @param {number} index into data.breakdowns (one that is not skipped)
 * @returns {{option: object, textTable: object}}
 */
export function breakdownChart(data, summary, strings, index) {
  const words = strings.dashboard;
  const f = formatsFor(strings);
  const breakdown = data.breakdowns[index];
  const groups = breakdown.groups;
  const names = groups.map((g) => groupName(g, strings));
  const tiers = summary.tiers ?? [];
  const top = groups.filter((g) => g.kind === 'value').reduce((best, g) => (!best || g.revenue > best.revenue ? g : best), null);
  const sentence = top
    ? words.breakdownSentence(breakdown.name, f.integer(groups.length), top.value, f.share(top.revenue_share), f.integer(top.customers))
    : words.noCustomers;

  const tooltipLines = (i) => [
    `${breakdown.name}: ${names[i]}`,
    `${words.customers}: ${f.integer(groups[i].customers)} (${f.share(groups[i].customer_share)})`,
    `${words.revenue}: ${f.money(groups[i].revenue)} (${f.share(groups[i].revenue_share)})`,
    ...tiers.map((tier, t) => `${tier.name}: ${f.integer(groups[i].tiers[t])}`),
  ].join('\n');

  const series = tiers.length
    ? tiers.map((tier, t) => ({
      name: tier.name,
      type: 'bar',
      stack: 'tiers',
      barCategoryGap: '28%',
      itemStyle: { color: categoryColor(t) },
      data: groups.map((g) => g.tiers[t]),
    }))
    : [{ name: words.customers, type: 'bar', itemStyle: { color: COLORS.customers }, data: groups.map((g) => g.customers) }];

  const option = {
    ...baseOption(sentence),
    legend: { show: tiers.length > 0, top: 0, type: 'scroll', textStyle: { color: COLORS.ink } },
    grid: { left: 20, right: 24, top: tiers.length ? 36 : 12, bottom: 28, containLabel: true },
    xAxis: { type: 'value', name: words.customers, nameLocation: 'middle', nameGap: 28, minInterval: 1, ...axisStyle() },
    yAxis: {
      type: 'category',
      inverse: true,
      data: names,
      ...axisStyle({ axisTick: { show: false }, axisLabel: { color: COLORS.ink, width: 140, overflow: 'truncate' } }),
    },
    tooltip: {
      ...baseOption('').tooltip,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => tooltipLines(params[0].dataIndex),
    },
    series,
  };

  const table = textTable(words.breakdownCaption(breakdown.name), sentence, [
    column('value', breakdown.name, false),
    column('customers', words.customers),
    column('customer_share', words.customerShare),
    column('revenue', words.revenue),
    column('revenue_share', words.revenueShare),
    ...tiers.map((tier, t) => column(`tier-${t}`, tier.name)),
  ], groups.map((g, i) => [
    textCell(names[i]),
    numberCell(g.customers, f.integer(g.customers)),
    numberCell(g.customer_share, f.share(g.customer_share)),
    numberCell(g.revenue, f.money(g.revenue)),
    numberCell(g.revenue_share, f.share(g.revenue_share)),
    ...g.tiers.map((n) => numberCell(n, f.integer(n))),
  ]));
  return { option, textTable: table };
}
