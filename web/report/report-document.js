// The self-contained HTML report: one file with everything in it — the key figures, the tiers
// and their strategies, the charts (as SVG, with their numbers as tables beside them: the
// dashboard's, and the migration's when a comparison is on screen), the
// segments and every dimension's labels, CLV, skipped rows, notes on the method, the date and
// the policy as run. It has no script and fetches nothing (its Content-Security-Policy forbids
// both), so it opens offline in any browser, from a shared drive or an e-mail, and prints to a
// clean PDF (report-styles.js).
//
// Everything is written in the language on screen; what the engine wrote (rule sentences,
// method descriptions) and what the policy names (tiers, labels, strategies) stay as written,
// as on the page and in the other downloads.

import { formatInteger, formatMoney, formatNumber, formatParameter, formatShare } from '../views/format.js';
import { STRATEGY_FIELDS } from '../views/strategy-fields.js';
import { strings } from '../views/strings.js';
import { html, trusted } from './html-text.js';
import { REPORT_CSS } from './report-styles.js';

/** No script, no fetch, no frame; only its own inline styles and data: images. */
const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/**
 * @typedef {object} ReportChart
 * @property {string} id
 * @property {string} title
 * @property {import('./html-text.js').trusted} svg the chart drawn, as trusted SVG markup
 * @property {string} [sentence] what the chart shows, in words
 * @property {{columns: string[], rows: (string|number)[][], numeric?: boolean[]}} table its numbers
 */

/**
 * @param {object} report
 * @param {object} report.summary the engine's summary
 * @param {ReportChart[]} report.charts
 * @param {string} report.policyJson the policy as run (the policy download's text)
 * @param {Date} report.madeAt
 * @param {string} report.language the page's language (`lang` of the document)
 * @returns {string} the whole document
 */
export function reportDocument({ summary, charts, policyJson, madeAt, language }) {
  const words = strings.report;
  const title = summary.policy?.name ? `${words.title} · ${summary.policy.name}` : words.title;
  return `<!doctype html>\n${html`<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="generator" content="TierLens ${summary.tierlens_version ?? ''}">
<title>${title}</title>
<style>${trusted(REPORT_CSS)}</style>
</head>
<body>
<header class="report-head">
<h1>${title}</h1>
<p class="muted" data-report="made">${words.made(formatDateTime(madeAt), summary.analysis_date ?? '')}</p>
</header>
${overview(summary)}
${tiersSection(summary)}
${chartsSection(charts)}
${segmentsSection(summary)}
${dimensionsSection(summary)}
${clvSection(summary)}
${skippedSection(summary)}
${methodSection(summary)}
${policySection(policyJson)}
<footer>${words.footer}</footer>
</body>
</html>`}\n`;
}

function overview(summary) {
  const facts = strings.facts;
  const files = [summary.input?.file_name, summary.customer_table?.input?.file_name].filter(Boolean);
  const items = [
    [facts.file, files.join(' + ')],
    [facts.analysisDate, summary.analysis_date ?? ''],
    [facts.customers, formatInteger(summary.customers ?? 0)],
    [facts.revenue, formatMoney(summary.revenue ?? 0)],
    [facts.rowsUsed, formatInteger(summary.rows?.used ?? 0)],
    [facts.rowsSkipped, formatInteger(summary.rows?.skipped ?? 0)],
    [facts.policy, summary.policy?.name ?? ''],
  ];
  return html`<section aria-labelledby="overview"><h2 id="overview">${strings.report.overview}</h2>
<dl class="facts" data-report="facts">${items.map(([term, value]) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`)}</dl>
</section>`;
}

function tiersSection(summary) {
  const tiers = summary.tiers ?? [];
  const words = strings.tiers;
  if (tiers.length === 0) return html`<section><h2>${words.heading}</h2><p class="muted">${words.none}</p></section>`;
  const fieldNames = strings.policy.strategyFields;
  return html`<section aria-labelledby="tiers"><h2 id="tiers">${strings.report.tiersHeading}</h2>
<p class="muted small">${words.intro(summary.policy?.name ?? '')}</p>
<table data-report="tiers">
<thead><tr><th>${strings.report.tier}</th><th>${words.rule}</th><th class="number">${words.customers}</th><th class="number">${words.customer_share}</th><th class="number">${words.revenue}</th><th class="number">${words.revenue_share}</th></tr></thead>
${tiers.map((tier) => {
    const strategy = STRATEGY_FIELDS.filter((key) => tier.strategy?.[key]);
    // A tier and its strategy (on a full-width row of its own, so that the table fits a page)
    // are one group: a printed page never separates them.
    return html`<tbody class="tier-group"><tr data-tier="${tier.name}">
<th scope="row">${tier.name}</th><td>${tier.rule ?? ''}</td>
<td class="number">${formatInteger(tier.customers)}</td><td class="number">${formatShare(tier.customer_share)}</td>
<td class="number">${formatMoney(tier.revenue)}</td><td class="number">${formatShare(tier.revenue_share)}</td></tr>
${strategy.length ? html`<tr class="strategy-row"><td colspan="6"><dl class="strategy" aria-label="${strings.report.strategy}">${strategy.map((key) =>
    html`<dt>${fieldNames[key]}</dt><dd>${tier.strategy[key]}</dd>`)}</dl></td></tr>` : ''}</tbody>`;
  })}
</table></section>`;
}

function chartsSection(charts) {
  if (charts.length === 0) return '';
  return html`<section aria-labelledby="charts"><h2 id="charts">${strings.report.chartsHeading}</h2>
${charts.map((chart) => html`<figure data-chart="${chart.id}" aria-labelledby="chart-${chart.id}">
<figcaption id="chart-${chart.id}">${chart.title}</figcaption>
<div role="img" aria-label="${chart.sentence ?? chart.title}">${chart.svg}</div>
${chart.sentence ? html`<p class="small">${chart.sentence}</p>` : ''}
${dataTable(chart.table, strings.report.numbersOf(chart.title))}
</figure>`)}</section>`;
}

function dataTable({ columns, rows, numeric = [] }, caption) {
  return html`<table class="chart-table"><caption>${caption}</caption>
<thead><tr>${columns.map((column, i) => html`<th scope="col"${numeric[i] ? html` class="number"` : ''}>${column}</th>`)}</tr></thead>
<tbody>${rows.map((row) => html`<tr>${row.map((cell, i) => html`<td${numeric[i] ? html` class="number"` : ''}>${cell}</td>`)}</tr>`)}</tbody>
</table>`;
}

/** Customers, revenue and their shares per label: a segment, a dimension's label. */
function shareTable(rows, nameHeading, nameOf, testId) {
  const columns = strings.segmentColumns;
  return html`<table data-report="${testId}">
<thead><tr><th>${nameHeading}</th><th class="number">${columns.customers}</th><th class="number">${columns.customer_share}</th><th class="number">${columns.revenue}</th><th class="number">${columns.revenue_share}</th></tr></thead>
<tbody>${rows.map((row) => html`<tr><th scope="row">${nameOf(row)}</th>
<td class="number">${formatInteger(row.customers)}</td><td class="number">${formatShare(row.customer_share)}</td>
<td class="number">${formatMoney(row.revenue)}</td><td class="number">${formatShare(row.revenue_share)}</td></tr>`)}</tbody>
</table>`;
}

function segmentsSection(summary) {
  const segments = summary.segments ?? [];
  if (segments.length === 0) return '';
  return html`<section aria-labelledby="segments"><h2 id="segments">${strings.segmentsHeading}</h2>
${shareTable(segments, strings.segmentColumns.segment, (row) => strings.segmentName(row.segment), 'segments')}
</section>`;
}

function dimensionsSection(summary) {
  const dimensions = summary.dimensions ?? [];
  if (dimensions.length === 0) return '';
  return html`<section aria-labelledby="dimensions"><h2 id="dimensions">${strings.dimensionLabels.heading}</h2>
${dimensions.map((dimension) => html`<h3>${dimension.name}</h3>
<p class="small muted">${dimension.description ?? ''}</p>
${shareTable(dimension.labels ?? [], strings.report.label,
    (row) => (dimension.type === 'rfm_segments' ? strings.segmentName(row.label) : row.label), `dimension-${dimension.id}`)}`)}
</section>`;
}

function clvSection(summary) {
  const clv = summary.clv;
  if (!clv) return '';
  const words = strings.report;
  const purchase = clv.purchase_model;
  const spend = clv.spend_model;
  const parameters = [
    ...(purchase ? [[purchase.model, `r ${formatParameter(purchase.r)}, α ${formatParameter(purchase.alpha)}, a ${formatParameter(purchase.a)}, b ${formatParameter(purchase.b)}`]] : []),
    ...(spend ? [[spend.model, `p ${formatParameter(spend.p)}, q ${formatParameter(spend.q)}, γ ${formatParameter(spend.gamma)}`]] : []),
  ];
  return html`<section aria-labelledby="clv"><h2 id="clv">${strings.clv.heading}</h2>
<p>${strings.clv.basis[clv.basis] ?? ''}</p>
<p>${words.clvTotal(formatMoney(clv.total_clv ?? 0), formatInteger(clv.customers_valued ?? 0), clv.horizon_months)}</p>
${parameters.length ? html`<table data-report="clv-models"><thead><tr><th>${words.model}</th><th>${words.parameters}</th></tr></thead>
<tbody>${parameters.map(([model, values]) => html`<tr><th scope="row">${model}</th><td>${values}</td></tr>`)}</tbody></table>` : ''}
${(clv.by_tier ?? []).length ? html`<table data-report="clv-by-tier"><thead><tr><th>${words.tier}</th><th class="number">${strings.tiers.customers}</th><th class="number">${words.clvTotalHeading}</th><th class="number">${words.clvMean}</th></tr></thead>
<tbody>${clv.by_tier.map((row) => html`<tr><th scope="row">${row.tier}</th><td class="number">${formatInteger(row.customers)}</td>
<td class="number">${formatMoney(row.total ?? 0)}</td><td class="number">${row.customers ? formatMoney(row.mean) : ''}</td></tr>`)}</tbody></table>` : ''}
<ul class="terms">${Object.entries(clv.terms ?? {}).map(([term, meaning]) => html`<li><strong>${term}</strong>: ${meaning}</li>`)}</ul>
</section>`;
}

function skippedSection(summary) {
  const rows = summary.rows ?? {};
  const reasons = rows.skipped_by_reason ?? [];
  const headings = strings.skippedReasonColumns;
  return html`<section aria-labelledby="skipped"><h2 id="skipped">${strings.skippedHeading}</h2>
${reasons.length === 0 ? html`<p>${strings.report.skippedNone(formatInteger(rows.total ?? 0))}</p>` : html`
<p>${strings.report.skippedSome(formatInteger(rows.skipped ?? 0), formatInteger(rows.total ?? 0))}</p>
<table data-report="skipped"><thead><tr><th>${headings.reason}</th><th>${headings.description}</th><th class="number">${headings.count}</th></tr></thead>
<tbody>${reasons.map((reason) => html`<tr><td>${reason.reason}</td><td>${strings.skipReason(reason.reason, reason.description)}</td><td class="number">${formatInteger(reason.count)}</td></tr>`)}</tbody></table>`}
</section>`;
}

function methodSection(summary) {
  const words = strings.report;
  const rfm = summary.rfm;
  const breakpoints = rfm?.breakpoints ?? {};
  const metrics = ['recency', 'frequency', 'monetary'].filter((metric) => Array.isArray(breakpoints[metric]));
  const cuts = Math.max(0, ...metrics.map((metric) => breakpoints[metric].length));
  return html`<section aria-labelledby="method"><h2 id="method">${words.methodHeading}</h2>
<p>${words.analysisDate(summary.analysis_date ?? '', summary.analysis_date_source ?? '')}</p>
${rfm ? html`<p>${strings.breakpointsIntro(rfm.method, rfm.bins)} ${rfm.quantile_rule ?? ''}</p>
${rfm.segment_rule ? html`<p>${rfm.segment_rule}.</p>` : ''}
${metrics.length ? html`<table data-report="breakpoints"><caption>${strings.breakpointsHeading}</caption>
<thead><tr><th></th>${Array.from({ length: cuts }, (_, i) => html`<th class="number">${strings.breakpointColumn(i + 1)}</th>`)}</tr></thead>
<tbody>${metrics.map((metric) => html`<tr><th scope="row">${strings.dimensions[metric]}</th>${breakpoints[metric].map((value) =>
    html`<td class="number">${formatNumber(value)}</td>`)}</tr>`)}</tbody></table>` : ''}` : ''}
<p>${words.tiersRule}</p>
</section>`;
}

function policySection(policyJson) {
  return html`<section aria-labelledby="policy"><h2 id="policy">${strings.report.policyHeading}</h2>
<p class="small muted">${strings.report.policyIntro}</p>
<pre data-report="policy">${policyJson}</pre>
</section>`;
}

function formatDateTime(date) {
  return new Intl.DateTimeFormat(strings.locale, { dateStyle: 'long', timeStyle: 'short' }).format(date);
}
