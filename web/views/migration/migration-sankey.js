// The Sankey diagram of a comparison of runs (客户迁移) as an ECharts option: the labels before
// on the left, the labels after on the right, best first from the top, and a flow for every
// non-empty cell of the matrix, coloured by what it is (moved up, down, kept, new, gone).
//
// A pure function of the comparison and the words: no DOM, no page state, so that the HTML
// report can draw the same diagram with ECharts' server-side SVG rendering. The tooltip, when
// a page shows one, is drawn by ECharts itself (renderMode 'richText'): an HTML tooltip would
// need inline styles, which the page's CSP refuses.

/** What a flow is, by where its cell lies in the matrix. */
export function flowKind(row, column, labelCount) {
  if (row === labelCount) return 'new';
  if (column === labelCount) return 'gone';
  if (column === row) return 'same';
  return column < row ? 'up' : 'down';
}

/** The colour of each kind of flow (also the key's swatches, in styles.css). */
export const FLOW_COLOURS = Object.freeze({
  up: '#2e7d32',
  down: '#c0392b',
  same: '#9aa3b2',
  new: '#2f6bd1',
  gone: '#8d6e63',
});

/** The labels' bars are all one dark slate: the flows' colours carry the meaning. */
const LABEL_COLOUR = '#4a5568';

/**
 * @param {{labels: string[], matrix: number[][]}} migration as migration.json (or
 *   TierLensEngine#compare) has it
 * @param {object} words
 * @param {(label: string) => string} [words.labelText] how a label reads (default: as written)
 * @param {string} words.newCustomers the left node of customers only the later run has
 * @param {string} words.goneCustomers the right node of customers only the earlier run has
 * @param {(before: string, after: string, count: string) => string} words.flowText a flow's tooltip
 * @param {(label: string, count: string) => string} words.nodeText a node's tooltip
 * @param {string} [words.description] what the diagram shows, for screen readers
 * @param {(n: number) => string} [words.formatCount] how counts read (default: as numbers)
 * @returns {object} the ECharts option; its series' links are the non-empty cells, row by row,
 *   each node and link with its tooltip text as `tip`
 */
export function migrationSankeyOption(migration, words) {
  const { labels, matrix } = migration;
  const count = labels.length;
  const labelText = words.labelText ?? ((label) => label);
  const formatCount = words.formatCount ?? String;
  const nameOf = (index, side) => (index < count ? labelText(labels[index]) : side === 'before' ? words.newCustomers : words.goneCustomers);

  const rowTotals = matrix.map((row) => row.reduce((sum, cell) => sum + cell, 0));
  const columnTotals = matrix[0]?.map((_, column) => matrix.reduce((sum, row) => sum + row[column], 0)) ?? [];
  const node = (side, index, total) => ({
    id: `${side}-${index}`,
    name: nameOf(index, side),
    depth: side === 'before' ? 0 : 1,
    value: total,
    // Names beside their bars, inside the chart: to the right of the left column, to the left of the right one.
    label: { position: side === 'before' ? 'right' : 'left' },
    itemStyle: { color: index < count ? LABEL_COLOUR : FLOW_COLOURS[side === 'before' ? 'new' : 'gone'] },
    tip: words.nodeText(nameOf(index, side), formatCount(total)),
  });
  const nodes = [
    ...rowTotals.flatMap((total, row) => (total > 0 ? [node('before', row, total)] : [])),
    ...columnTotals.flatMap((total, column) => (total > 0 ? [node('after', column, total)] : [])),
  ];
  const links = matrix.flatMap((cells, row) => cells.flatMap((value, column) => (value > 0 ? [{
    source: `before-${row}`,
    target: `after-${column}`,
    value,
    kind: flowKind(row, column, count),
    lineStyle: { color: FLOW_COLOURS[flowKind(row, column, count)] },
    tip: words.flowText(nameOf(row, 'before'), nameOf(column, 'after'), formatCount(value)),
  }] : [])));

  return {
    animation: false,
    aria: words.description ? { enabled: true, label: { description: words.description } } : { enabled: false },
    // Texts come from functions, not templates: a label may hold "{b}" or "{a|…}" of its own.
    tooltip: { trigger: 'item', renderMode: 'richText', confine: true, formatter: (params) => params.data?.tip ?? '' },
    series: [{
      type: 'sankey',
      left: 8,
      right: 8,
      top: 8,
      bottom: 8,
      nodeWidth: 16,
      nodeGap: 8,
      // Keep the given order (best label at the top) instead of untangling the flows.
      layoutIterations: 0,
      nodeAlign: 'justify',
      draggable: false,
      data: nodes,
      links,
      // Nodes are told apart by id (a label is on both sides); they are named by their name.
      label: { color: '#1c2333', fontSize: 12, formatter: (params) => params.data?.name ?? '' },
      lineStyle: { opacity: 0.45, curveness: 0.5 },
      emphasis: { focus: 'adjacency' },
    }],
  };
}
