// Draws the Sankey diagram of a comparison into a figure with ECharts (loaded on first use,
// SVG renderer), and keeps it fitted to its box. The option is migration-sankey.js's.

import { loadECharts } from '../charts/echarts.js';
import { migrationSankeyOption } from './migration-sankey.js';

/**
 * @param {HTMLElement} box an empty, visible element the chart fills (its height set by CSS)
 * @param {object} migration as TierLensEngine#compare answers it
 * @param {object} words see migrationSankeyOption
 * @returns {Promise<{flows: number}>} how many flows were drawn
 */
export async function drawMigrationSankey(box, migration, words) {
  const echarts = await loadECharts();
  const chart = echarts.getInstanceByDom(box) ?? echarts.init(box, null, { renderer: 'svg' });
  const option = migrationSankeyOption(migration, words);
  chart.setOption(option, true);
  if (!box.dataset.fitted) {
    box.dataset.fitted = 'true';
    new ResizeObserver(() => {
      if (box.isConnected) echarts.getInstanceByDom(box)?.resize();
    }).observe(box);
  }
  return { flows: option.series[0].links.length };
}

/** Lets go of the chart drawn in `box`, if any (before the box is thrown away). */
export async function disposeMigrationSankey(box) {
  const echarts = await loadECharts();
  echarts.getInstanceByDom(box)?.dispose();
}
