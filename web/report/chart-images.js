// The dashboard's charts as SVG text, for the report: the same ECharts options the page draws
// (views/dashboard/dashboard-charts.js), rendered by ECharts' server-side renderer, which needs
// no DOM and answers a string. Animation is off, so the SVG shows the final state.

import { loadECharts } from '../views/charts/echarts.js';
import { dashboardCharts } from '../views/dashboard/dashboard-charts.js';
import { strings } from '../views/strings.js';
import { trusted } from './html-text.js';

/** Wide enough for labels, narrow enough for an A4 page at print scale. */
const REPORT_CHART_WIDTH = 640;

/**
 * @param {object} dashboard dashboard.json of the result
 * @param {object} summary summary.json of the result
 * @param {{id: string, title: string, height: number, option: object, sentence: string,
 *   table: {columns: string[], rows: string[][], numeric: boolean[]}}[]} [others] charts from
 *   other views, drawn after the dashboard's (the migration on screen)
 * @returns {Promise<import('./report-document.js').ReportChart[]>}
 */
export async function chartImages(dashboard, summary, others = []) {
  const echarts = await loadECharts();
  const { charts } = dashboardCharts(dashboard, summary, strings);
  const dashboardOnes = charts.map((chart) => ({
    id: chart.id,
    title: chart.title,
    height: chart.height,
    option: chart.option,
    sentence: chart.textTable.sentence,
    table: {
      columns: chart.textTable.columns.map((column) => column.label),
      numeric: chart.textTable.columns.map((column) => Boolean(column.numeric)),
      rows: chart.textTable.rows.map((row) => row.map((cell) => cell.text)),
    },
  }));
  return [...dashboardOnes, ...others].map(({ option, height, ...chart }) => ({
    ...chart,
    svg: trusted(renderSvg(echarts, option, height)),
  }));
}

function renderSvg(echarts, option, height) {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: REPORT_CHART_WIDTH, height });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
