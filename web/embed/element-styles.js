// The <tier-lens> element's styles, adopted by its shadow root as a constructed stylesheet:
// nothing to fetch, untouched by the host page's styles, and allowed by a Content-Security-
// Policy without 'unsafe-inline'. A portal can restyle through the custom properties below
// and the `part`s the element exposes (root, button, table).

const css = `
:host {
  --tl-ink: #1c2333;
  --tl-muted: #566074;
  --tl-line: #dfe4ec;
  --tl-surface: #ffffff;
  --tl-accent: #2456b3;
  --tl-accent-ink: #ffffff;
  --tl-error: #a3242a;
  display: block;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PingFang SC",
    "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
  font-size: 14px;
  line-height: 1.5;
  color: var(--tl-ink);
}
:host([hidden]) { display: none; }
.root { background: var(--tl-surface); border: 1px solid var(--tl-line); border-radius: 10px; padding: 16px; }
h2 { font-size: 1.15rem; margin: 0; }
h3 { font-size: 1rem; margin: 16px 0 6px; }
.muted { color: var(--tl-muted); margin: 2px 0 12px; font-size: 0.9em; }
.inputs { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; }
.choose { display: inline-flex; flex-direction: column; gap: 4px; }
button {
  font: inherit; padding: 6px 14px; border-radius: 6px; cursor: pointer;
  border: 1px solid var(--tl-accent); background: var(--tl-accent); color: var(--tl-accent-ink);
}
button.secondary { background: var(--tl-surface); color: var(--tl-accent); }
button:disabled { opacity: 0.6; cursor: default; }
button:focus-visible, input:focus-visible { outline: 2px solid var(--tl-accent); outline-offset: 2px; }
.status { min-height: 1.5em; margin: 10px 0 0; }
.error { color: var(--tl-error); white-space: pre-wrap; margin: 10px 0 0; }
.table-scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--tl-line); vertical-align: top; }
td.number, th.number { text-align: right; white-space: nowrap; }
thead th { font-weight: 600; color: var(--tl-muted); font-size: 0.9em; }
.rule { color: var(--tl-muted); font-size: 0.85em; }
.download { margin-top: 14px; }
`;

let sheet = null;

/** One stylesheet shared by every <tier-lens> on the page. */
export function elementStyleSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  return sheet;
}
