// HTML written as text, for the report: every value put into an `html` template is escaped,
// unless it is markup this code made itself (another `html` template, or `trusted(…)`). Names
// in a customer file or a policy (a tier called <script>…) can therefore only ever be text.

const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Markup made by this code: put into templates as it is. */
class Markup {
  constructor(text) { this.text = text; }

  toString() { return this.text; }
}

/** `text` as HTML text or attribute value: & < > " ' escaped. */
export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/**
 * A tagged template: html`<td>${name}</td>`. A value that is Markup goes in as it is, an array
 * goes in item by item, null, undefined and false go in as nothing, anything else is escaped.
 * @returns {Markup}
 */
export function html(parts, ...values) {
  let text = parts[0];
  values.forEach((value, i) => { text += piece(value) + parts[i + 1]; });
  return new Markup(text);
}

/**
 * Markup from elsewhere that is known to be safe: only the charts' SVG, which ECharts writes
 * with its texts escaped (tests/e2e/report.test.mjs checks it with hostile names). The report's
 * Content-Security-Policy allows no script at all, as a second wall.
 */
export function trusted(text) {
  return new Markup(text);
}

function piece(value) {
  if (value instanceof Markup) return value.text;
  if (Array.isArray(value)) return value.map(piece).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(value);
}
