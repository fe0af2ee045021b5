// ECharts (Apache ECharts 6, Apache-2.0), the page's charting library. It is not loaded from
// anywhere but this origin: scripts/build.sh copies the package's ES module build from
// node_modules into web/dist/vendor/ (the version is pinned by package-lock.json), and the
// single-file build inlines it.
//
// Why ECharts: it is the library Chinese enterprise users know from their own BI tools; it has
// every chart the dashboard needs built in (heatmap, treemap, Sankey, a Lorenz curve's line with
// marked cuts); its SVG renderer draws crisp charts that print well and can be rendered to an
// SVG string for the HTML report (no script needed to view it); and its `aria` option gives
// each chart a spoken description.
//
// It is about 1.1 MB, so it is loaded on first use (when a result is shown), not at start-up.

let loading = null;

/** @returns {Promise<object>} the `echarts` namespace */
export function loadECharts() {
  loading ??= import('../../dist/vendor/echarts.esm.min.js');
  return loading;
}
