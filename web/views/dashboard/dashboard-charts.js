// Every chart of the dashboard, in the order shown, as pure data: no DOM, no ECharts instance.
// The page draws them (dashboard-view.js); the self-contained HTML report renders the same
// options to SVG strings with ECharts' server-side renderer:
//
//   const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 640, height: chart.height });
//   chart.setOption(chart.option);
//   const svg = chart.renderToSVGString();
//   chart.dispose();
//
// and prints each chart's text table after it.

import { breakdownChart, breakdownNotes } from './breakdown-chart.js';
import { HISTOGRAM_METRICS, histogramChart } from './histogram-chart.js';
import { paretoChart } from './pareto-chart.js';
import { rfmHeatmapChart } from './rfm-heatmap-chart.js';
import { segmentTreemapChart } from './segment-treemap-chart.js';
import { tierPyramidChart } from './tier-pyramid-chart.js';

/**
 * @typedef {object} DashboardChart
 * @property {string} id stable: tier-pyramid, rfm-heatmap, segment-treemap, pareto,
 *   histogram-recency|frequency|monetary, breakdown-<index into data.breakdowns>
 * @property {string} kind tier-pyramid | rfm-heatmap | segment-treemap | pareto | histogram | breakdown
 * @property {string} title the chart's heading
 * @property {number} height in CSS pixels, for the width it is drawn at (about 600)
 * @property {object} option the ECharts option
 * @property {{caption: string, sentence: string, columns: object[], rows: object[][]}} textTable
 *   see text-table.js
 * @property {object} [breakdown] for a breakdown: `{field, name, source}` of data.breakdowns
 */

/**
 * @param {object} data dashboard.json (TierLensEngine#dashboardJson, parsed)
 * @param {object} summary summary.json of the same result
 * @param {object} strings the page's strings, in the language to draw in
 * @returns {{charts: DashboardChart[], notes: string[]}} `notes`: what is not drawn, and why
 */
export function dashboardCharts(data, summary, strings) {
  const words = strings.dashboard;
  const charts = [];
  const notes = [];
  const add = (id, kind, title, height, drawn, extra = {}) => {
    if (drawn) charts.push({ id, kind, title, height, ...drawn, ...extra });
  };

  const tiers = summary.tiers?.length ?? 0;
  const pyramid = tierPyramidChart(data, summary, strings);
  if (!pyramid) notes.push(words.noTiers);
  add('tier-pyramid', 'tier-pyramid', words.pyramidHeading, 72 + 44 * tiers, pyramid);
  add('rfm-heatmap', 'rfm-heatmap', words.heatmapHeading, 380, rfmHeatmapChart(data, summary, strings));
  add('segment-treemap', 'segment-treemap', words.treemapHeading, 380, segmentTreemapChart(data, summary, strings));
  add('pareto', 'pareto', words.paretoHeading, 400, paretoChart(data, summary, strings));
  for (const metric of HISTOGRAM_METRICS) {
    add(`histogram-${metric}`, 'histogram', words.histogramHeading[metric], 300, histogramChart(data, summary, strings, metric));
  }
  data.breakdowns.forEach((breakdown, index) => {
    if (breakdown.skipped) return;
    add(`breakdown-${index}`, 'breakdown', words.breakdownHeading(breakdown.name), 80 + 34 * breakdown.groups.length,
      breakdownChart(data, summary, strings, index),
      { breakdown: { field: breakdown.field, name: breakdown.name, source: breakdown.source } });
  });
  notes.push(...breakdownNotes(data, strings));
  return { charts, notes };
}
