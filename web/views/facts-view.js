// The facts above the results: what was read, what was used, as of which date. With a
// customers table, also that table and how it joined the orders; a customers table read alone
// has no orders, so no analysis date and no revenue.

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
  const table = summary.customer_table;
  const labels = strings.facts;
  const count = (n) => formatInteger(n);
  const orders = input ? [
    ['file', table ? labels.ordersFile : labels.file, input.file_name, input.file_name],
    ['rows-total', labels.rowsTotal, count(rows.total), rows.total],
    ['rows-used', labels.rowsUsed, count(rows.used), rows.used],
    ['rows-skipped', labels.rowsSkipped, count(rows.skipped), rows.skipped],
  ] : [];
  const facts = [
    ...orders,
    summary.policy ? ['policy', labels.policy, summary.policy.name || strings.policy.unnamed, summary.policy.name ?? ''] : null,
    ['customers', labels.customers, count(summary.customers), summary.customers],
    input ? ['revenue', labels.revenue, formatMoney(summary.revenue), summary.revenue] : null,
    input ? ['analysis-date', labels.analysisDate,
      `${summary.analysis_date} ${strings.analysisDateSource(summary.analysis_date_source)}`, summary.analysis_date] : null,
    ...(input ? readingFacts(input, '') : []),
    input ? ['amount', labels.amount, strings.amountSources[input.amount_source] ?? input.amount_source, input.amount_source] : null,
    ...(table ? [...tableFacts(table, Boolean(input)), ...readingFacts(table.input, 'table-')] : []),
  ];
  container.replaceChildren(...facts.filter(Boolean).map(([key, label, text, value]) =>
    el('div', { class: 'fact', 'data-testid': `fact-${key}`, dataset: { value } },
      el('dt', { text: label }),
      el('dd', { text }))));
}

/** The customers table: its rows, and (joined to orders) who is in one file and not the other. */
function tableFacts(table, joined) {
  const labels = strings.facts;
  const withExamples = (n, examples) => labels.countWithExamples(formatInteger(n), examples, examples.length < n);
  return [
    ['table-file', labels.tableFile, table.input.file_name, table.input.file_name],
    ['table-rows-total', labels.rowsTotal, formatInteger(table.rows.total), table.rows.total],
    ['table-rows-used', labels.rowsUsed, formatInteger(table.rows.used), table.rows.used],
    ['table-rows-skipped', labels.rowsSkipped, formatInteger(table.rows.skipped), table.rows.skipped],
    joined ? ['table-customers', labels.tableCustomers, formatInteger(table.customers), table.customers] : null,
    joined ? ['without-orders', labels.withoutOrders, withExamples(table.without_orders, table.without_orders_examples), table.without_orders] : null,
    joined ? ['not-in-table', labels.notInTable, withExamples(table.not_in_table, table.not_in_table_examples), table.not_in_table] : null,
  ];
}

/** How a file was read; `prefix` tells the customers table's facts from the orders'. */
function readingFacts(input, prefix) {
  const labels = strings.facts;
  return [
    [`${prefix}header-row`, labels.headerRow, formatInteger(input.header_row), input.header_row],
    [`${prefix}delimiter`, labels.delimiter, describeDelimiter(input.delimiter, input.delimiter_name), input.delimiter],
    [`${prefix}encoding`, labels.encoding,
      `${strings.encodingNames[input.encoding] ?? input.encoding} ${strings.encodingSource(input.encoding_source)}`,
      input.encoding],
    prefix ? null : ['date-order', labels.dateOrder, describeDateOrder(input), input.date_order],
  ];
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
  const used = Object.entries(summary.input?.columns ?? {}).filter(([, column]) => column)
    .map(([role, column]) => words.item(roleLabel(role), column));
  const table = summary.customer_table?.input;
  if (table) {
    const id = table.columns?.customer_id;
    used.push(id ? words.tableItem(table.file_name, id) : words.tableNoId(table.file_name));
  }
  container.replaceChildren(
    el('span', { class: 'columns-note-label', text: saved ? words.saved : words.guessed }), ' ',
    el('span', { 'data-testid': 'columns-used', text: formatList(used) }));
  container.dataset.saved = String(saved);
}
