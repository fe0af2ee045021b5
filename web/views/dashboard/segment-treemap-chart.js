// The segment tree map: every customer is an equal piece of area, grouped by tier and, inside
// a tier, by RFM segment; without tiers, by segment alone. It shows at once which segments
// make up each tier, and how big each is.

import { formatsFor } from './chart-format.js';
import { baseOption, categoryColor, COLORS } from './chart-theme.js';
import { column, numberCell, textCell, textTable } from './text-table.js';

/**
 * @param {object} data dashboard.json
 * @param {object} summary summary.json
 * @param {object} strings the page's strings, in the language to draw in
 * @returns {{option: object, textTable: object}}
 */
export function segmentTreemapChart(data, summary, strings) {
  const words = strings.dashboard;
  const f = formatsFor(strings);
  const byTier = data.tier_segments.length > 0;
  // [{tier, segment, customers, revenue}], tier null without tiers.
  const pieces = byTier
    ? data.tier_segments.flatMap(({ tier, segments }) => segments.map((s) => ({ tier, ...s })))
    : summary.segments.filter((s) => s.customers > 0).map(({ segment, customers, revenue }) => ({ tier: null, segment, customers, revenue }));
  const leaf = (piece, color) => ({
    name: strings.segmentName(piece.segment),
    value: piece.customers,
    revenue: piece.revenue,
    itemStyle: { color },
  });
  const nodes = byTier
    ? data.tier_segments.map(({ tier, segments }, t) => ({
      name: tier,
      value: segments.reduce((sum, s) => sum + s.customers, 0),
      revenue: summary.tiers[t].revenue,
      // The border is the band the tier's name is written in.
      itemStyle: { color: categoryColor(t), borderColor: categoryColor(t) },
      children: segments.map((s) => leaf(s, categoryColor(t))),
    })).filter((node) => node.value > 0)
    : pieces.map((piece, i) => leaf(piece, categoryColor(i)));

  const largest = pieces.reduce((best, p) => (!best || p.customers > best.customers ? p : best), null);
  const pieceName = (p) => (p.tier === null ? strings.segmentName(p.segment) : words.tierSegment(p.tier, strings.segmentName(p.segment)));
  const sentence = largest
    ? (byTier ? words.treemapSentenceTiers : words.treemapSentence)(pieceName(largest), f.integer(largest.customers))
    : words.noCustomers;

  const option = {
    ...baseOption(sentence),
    tooltip: {
      ...baseOption('').tooltip,
      formatter: ({ data: node, treePathInfo }) => [
        treePathInfo.slice(1).map((p) => p.name).join(' · '),
        `${words.customers}: ${f.integer(node.value)}`,
        `${words.revenue}: ${f.money(node.revenue)}`,
      ].join('\n'),
    },
    series: [{
      name: words.treemapHeading,
      type: 'treemap',
      roam: false,
      nodeClick: false,
      breadcrumb: { show: false },
      left: 0,
      right: 0,
      top: 0,
      bottom: 0,
      label: { show: true, color: '#ffffff', overflow: 'truncate', formatter: ({ name, value }) => `${name}\n${f.integer(value)}` },
      upperLabel: { show: false, height: 22, color: '#ffffff', fontWeight: 'bold' },
      // levels[0] is the root; then tiers (their names in a band on top), then segments.
      levels: byTier
        ? [
          { itemStyle: { borderWidth: 0, gapWidth: 4 }, upperLabel: { show: false } },
          { itemStyle: { borderWidth: 3, gapWidth: 1 }, upperLabel: { show: true } },
          { itemStyle: { borderColor: COLORS.surface, borderWidth: 1, gapWidth: 1 } },
        ]
        : [{ itemStyle: { borderWidth: 0, gapWidth: 1 } }, { itemStyle: { borderColor: COLORS.surface, borderWidth: 1 } }],
      data: nodes,
    }],
  };

  const table = textTable(words.treemapCaption, sentence, [
    ...(byTier ? [column('tier', words.tier, false)] : []),
    column('segment', words.segment, false),
    column('customers', words.customers),
    column('revenue', words.revenue),
  ], pieces.map((p) => [
    ...(byTier ? [textCell(p.tier)] : []),
    textCell(strings.segmentName(p.segment)),
    numberCell(p.customers, f.integer(p.customers)),
    numberCell(p.revenue, f.money(p.revenue)),
  ]));
  return { option, textTable: table };
}
