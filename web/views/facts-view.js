// The one line of facts above the results: what was read, what was used, as of which date.

import { el } from './dom.js';
import { describeDateOrder, describeDelimiter, formatInteger, formatList, formatMoney } from './format.js';
import { roleLabel } from './mapping/column-choices.js';
import { strings } from './strings.js';

/**
 * @param {HTMLElement} container a `<dl>`
 * @param {object} summary the engine's summary
 */
export function renderFacts(container, summary) {
  const { input, rows } = summary;
  const labels = strings.facts;
  const facts = [
    ['file', labels.file, input.file_name, input.file_name],
    summary.policy ? ['policy', labels.policy, summary.policy.name || strings.policy.unnamed, summary.policy.name ?? ''] : null,
    ['rows-total', labels.rowsTotal, formatInteger(rows.total), rows.total],
    ['rows-used', labels.rowsUsed, formatInteger(rows.used), rows.used],
    ['rows-skipped', labels.rowsSkipped, formatInteger(rows.skipped), rows.skipped],
    ['customers', labels.customers, formatInteger(summary.customers), summary.customers],
    ['revenue', labels.revenue, formatMoney(summary.revenue), summary.revenue],
    ['analysis-date', labels.analysisDate,
      `${summary.analysis_date} ${strings.analysisDateSource(summary.analysis_date_source)}`, summary.analysis_date],
    ['header-row', labels.headerRow, formatInteger(input.header_row), input.header_row],
    ['delimiter', labels.delimiter, describeDelimiter(input.delimiter, input.delimiter_name), input.delimiter],
    ['encoding', labels.encoding,
      `${strings.encodingNames[input.encoding] ?? input.encoding} ${strings.encodingSource(input.encoding_source)}`,
      input.encoding],
    ['date-order', labels.dateOrder, describeDateOrder(input), input.date_order],
    ['amount', labels.amount, strings.amountSources[input.amount_source] ?? input.amount_source, input.amount_source],
  ];
  container.replaceChildren(...facts.filter(Boolean).map(([key, label, text, value]) =>
    el('div', { class: 'fact', 'data-testid': `fact-${key}`, dataset: { value } },
      el('dt', { text: label }),
      el('dd', { text }))));
}

/**
 * The columns the result was read with, and whether the policy names them (the user chose them
 * before) or they were guessed from the headers.
 * @param {HTMLElement} container
 * @param {object} summary the engine's summary
 * @param {boolean} saved the policy names the columns
 */
export function renderColumnsNote(container, summary, saved) {
  const words = strings.columnsNote;
  const used = Object.entries(summary.input.columns ?? {}).filter(([, column]) => column);
  container.replaceChildren(
    el('span', { class: 'columns-note-label', text: saved ? words.saved : words.guessed }), ' ',
    el('span', { 'data-testid': 'columns-used', text: formatList(used.map(([role, column]) => words.item(roleLabel(role), column))) }));
  container.dataset.saved = String(saved);
}
