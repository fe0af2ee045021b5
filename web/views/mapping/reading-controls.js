// How a file is read, as the engine found it, and the controls that change it: encoding,
// date order (orders only: a customers table has no order dates), header row and, for a
// workbook, the sheet. Each change is one `onChange(reading)`; the page then reads the file's
// first rows again.

import { el } from '../dom.js';
import { describeDateOrder, describeDelimiter, formatInteger } from '../format.js';
import { strings } from '../strings.js';

/**
 * How the user says the file must be read: '' / null detects it (the core's defaults).
 * @typedef {{encoding: string, dateOrder: string, headerRow: number|null, sheet: string|null}} Reading
 */

/**
 * @param {{idPrefix: string, onChange: (reading: Reading) => void}} how `idPrefix` keeps the
 *   ids of one file's controls apart from another's
 */
export function createReadingControls({ idPrefix, onChange }) {
  const changed = () => onChange(readingOf());
  const named = (key) => ({ id: `${idPrefix}-${key}`, 'data-testid': key });

  const encoding = el('select', { ...named('encoding-select'), 'aria-describedby': `${idPrefix}-encoding-hint` },
    el('option', { value: '', text: strings.encoding.auto }),
    ...Object.entries(strings.encodingNames).map(([value, text]) => el('option', { value, text })));
  const dateOrder = el('select', { ...named('date-order-select'), 'aria-describedby': `${idPrefix}-date-order-hint` },
    el('option', { value: '', text: strings.dateOrder.auto }),
    ...Object.entries(strings.dateOrderNames).map(([value, text]) => el('option', { value, text })));
  const headerRow = el('input', {
    type: 'number', ...named('header-row-input'), min: 1, step: 1, inputmode: 'numeric',
    'aria-describedby': `${idPrefix}-header-row-hint`,
  });
  const sheet = el('select', { ...named('sheet-select'), 'aria-describedby': `${idPrefix}-sheet-hint` });
  for (const control of [encoding, dateOrder, headerRow, sheet]) control.addEventListener('change', changed);

  const sheetRow = row(sheet, strings.mapping.sheet.label, `${idPrefix}-sheet-hint`, strings.mapping.sheet.hint);
  const dateOrderRow = row(dateOrder, strings.dateOrder.label, `${idPrefix}-date-order-hint`, strings.dateOrder.hint);
  const facts = el('dl', { class: 'facts mapping-facts', 'data-testid': 'mapping-facts' });
  const root = el('div', { class: 'reading-controls' },
    facts,
    sheetRow,
    row(encoding, strings.encoding.label, `${idPrefix}-encoding-hint`, strings.encoding.hint),
    dateOrderRow,
    row(headerRow, strings.headerRow.label, `${idPrefix}-header-row-hint`, strings.headerRow.hint));

  function readingOf() {
    const number = Number.parseInt(headerRow.value, 10);
    return {
      encoding: encoding.value,
      dateOrder: dateOrderRow.hidden ? '' : dateOrder.value,
      headerRow: Number.isInteger(number) && number >= 1 ? number : null,
      sheet: sheetRow.hidden ? null : sheet.value || null,
    };
  }

  return {
    root,
    /**
     * Shows the file as the engine read it, and the user's choices in the controls.
     * @param {object|null} input the inspection's `input` (null: the file could not be read)
     * @param {string} fileName
     * @param {Reading} reading
     * @param {{dates?: boolean}} [how] `dates`: the file has order dates (an orders file)
     */
    show(input, fileName, reading, { dates = true } = {}) {
      dateOrderRow.hidden = !dates;
      encoding.value = reading.encoding ?? '';
      dateOrder.value = reading.dateOrder ?? '';
      headerRow.value = reading.headerRow ? String(reading.headerRow) : '';
      const sheets = input?.sheets ?? [];
      sheetRow.hidden = sheets.length === 0;
      sheet.replaceChildren(...sheets.map((name) => el('option', { value: name, text: name })));
      sheet.value = reading.sheet ?? input?.sheet ?? sheets[0] ?? '';
      facts.replaceChildren(...factsOf(input, fileName, dates).map(([key, label, text, value]) =>
        el('div', { class: 'fact', 'data-testid': `mapping-fact-${key}`, dataset: { value } },
          el('dt', { text: label }),
          el('dd', { text }))));
    },
    reading: readingOf,
  };
}

function row(control, label, hintId, hint) {
  return el('div', { class: 'encoding-row' },
    el('label', { for: control.id, text: label }),
    control,
    el('span', { id: hintId, class: 'muted', text: hint }));
}

/** [key, label, text, value] for each fact known of the file. */
function factsOf(input, fileName, dates) {
  const labels = strings.mapping.facts;
  if (!input) return [['file', labels.file, fileName, fileName]];
  const facts = [
    ['file', labels.file, fileName, fileName],
    ['format', labels.format, strings.mapping.formats[input.format] ?? input.format, input.format],
    input.sheet ? ['sheet', labels.sheet, input.sheet, input.sheet] : null,
    ['encoding', labels.encoding,
      `${strings.encodingNames[input.encoding] ?? input.encoding} ${strings.encodingSource(input.encoding_source)}`, input.encoding],
    input.format === 'csv'
      ? ['delimiter', labels.delimiter, describeDelimiter(input.delimiter, input.delimiter_name), input.delimiter_name ?? '']
      : null,
    input.header_row ? ['header-row', labels.headerRow, formatInteger(input.header_row), input.header_row] : null,
    input.date_order && dates
      ? ['date-order', labels.dateOrder, describeDateOrder(input), input.date_order]
      : null,
  ];
  return facts.filter(Boolean);
}
