// The report's stylesheet, inlined into it: the report is one file with nothing to fetch.
// On screen it reads like the page; printed (or saved as PDF) it is A4 in black on white, with
// no card shadows, charts and tables never cut across a page, and the URL-free header and
// footer the browser adds being the only extras.

export const REPORT_CSS = `
:root {
  --ink: #1c2333; --muted: #566074; --line: #dfe4ec; --page: #f4f6fa; --surface: #fff;
  --accent: #2456b3;
  --font: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PingFang SC",
    "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
  --mono: ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace;
}
* { box-sizing: border-box; }
html { background: var(--page); color: var(--ink); font: 15px/1.5 var(--font); }
body { margin: 0 auto; max-width: 1080px; padding: 24px; }
h1 { font-size: 1.8rem; margin: 0 0 4px; }
h2 { font-size: 1.3rem; margin: 0 0 12px; }
h3 { font-size: 1.05rem; margin: 16px 0 8px; }
p { margin: 0 0 10px; }
.muted { color: var(--muted); }
.small { font-size: 0.88rem; }
header.report-head { margin-bottom: 20px; }
section { background: var(--surface); border: 1px solid var(--line); border-radius: 10px;
  padding: 18px 20px; margin: 0 0 18px; }
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 10px 18px; margin: 0; }
.facts div { border-left: 3px solid var(--accent); padding-left: 10px; }
.facts dt { color: var(--muted); font-size: 0.85rem; }
.facts dd { margin: 0; font-size: 1.15rem; font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 0.9rem; }
caption { text-align: left; color: var(--muted); padding-bottom: 4px; caption-side: top; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #b7c2d4; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
th, td { overflow-wrap: break-word; }
/* Names are the policy's or the data's, possibly one long token: they may break anywhere
   rather than push the table off a printed page. */
tbody th[scope="row"], tbody td:first-child { overflow-wrap: anywhere; min-width: 8em; }
tbody.tier-group tr[data-tier] th, tbody.tier-group tr[data-tier] td { border-bottom: none; }
tr.strategy-row td { padding: 0 8px 10px 24px; }
.strategy { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; }
.strategy dt { color: var(--muted); }
.strategy dd { margin: 0; }
figure { margin: 0 0 18px; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { font-weight: 600; margin-bottom: 6px; }
figure + figure { border-top: 1px solid var(--line); padding-top: 14px; }
figure .chart-table { max-width: 760px; }
pre { font: 0.8rem/1.4 var(--mono); background: var(--page); border: 1px solid var(--line);
  border-radius: 6px; padding: 10px; white-space: pre-wrap; overflow-wrap: anywhere; }
ul.terms { margin: 0 0 10px; padding-left: 20px; }
footer { color: var(--muted); font-size: 0.85rem; margin-top: 8px; }

@page { size: A4; margin: 14mm 12mm; }
@media print {
  html { background: #fff; font-size: 10.5pt; }
  body { max-width: none; padding: 0; }
  section { border: none; border-radius: 0; padding: 0; margin: 0 0 8mm; box-shadow: none; }
  h2 { break-after: avoid; border-bottom: 1px solid #999; padding-bottom: 2px; }
  h3 { break-after: avoid; }
  figure, .facts, .strategy, tr, tbody.tier-group { break-inside: avoid; }
  thead { display: table-header-group; }
  figure + figure { border-top: none; padding-top: 0; }
  pre { background: none; border-color: #999; }
  a { color: inherit; text-decoration: none; }
}
`;
