// Makes the HTML report of the result on screen: its charts drawn to SVG, then the document
// (report-document.js), as UTF-8 bytes ready to save.

import { chartImages } from './chart-images.js';
import { reportDocument } from './report-document.js';

/**
 * @param {object} result
 * @param {object} result.summary summary.json
 * @param {object} result.dashboard dashboard.json
 * @param {string} result.policyJson the policy as run
 * @param {string} result.language the tag of the language on screen, which it is written in
 * @param {object[]} [result.otherCharts] charts of other views (see chartImages)
 * @param {Date} [result.madeAt]
 * @returns {Promise<Uint8Array>}
 */
export async function makeReport({ summary, dashboard, policyJson, language, otherCharts = [], madeAt = new Date() }) {
  const charts = await chartImages(dashboard, summary, otherCharts);
  const text = reportDocument({ summary, charts, policyJson, madeAt, language });
  return new TextEncoder().encode(text);
}
