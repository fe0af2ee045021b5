// Settings of a `mapping` dimension: a text field turned into classes by a table of values,
// or by a built-in table (China regions from the province, domestic/international from the
// country). The table is a JSON object in the policy; here it is rows, rebuilt into the
// object after every edit so that a row whose value is being typed keeps its place.

import { el } from '../dom.js';
import { strings } from '../strings.js';
import { field, selectInput, setOrDelete, textInput } from './controls.js';
import { itemList } from './item-list.js';

const BUILTINS = ['none', 'china_regions', 'domestic_international'];

/** @param {object} dimension the draft's dimension, edited in place */
export function mappingForm(dimension, context) {
  const words = strings.policy;
  const rows = Object.entries(dimension.table ?? {}).map(([value, label]) => ({ value, label }));
  const writeTable = () => {
    if (rows.length === 0) delete dimension.table;
    else dimension.table = Object.fromEntries(rows.map(({ value, label }) => [value, label]));
    context.edited();
  };

  const table = itemList({
    items: rows,
    layout: 'table',
    testid: 'mapping-table',
    movable: false,
    headings: [words.mappingValue, words.mappingClass],
    itemName: (index) => words.numbered(words.nouns.mappingRow, index + 1),
    renderItem: (row, index) => [
      el('td', {}, textInput({
        value: row.value, label: words.mappingValueOf(index + 1), testid: 'mapping-value',
        onInput: (text) => { row.value = text; writeTable(); },
      })),
      el('td', {}, textInput({
        value: row.label, label: words.mappingClassOf(index + 1), testid: 'mapping-class',
        onInput: (text) => { row.label = text; writeTable(); },
      })),
    ],
    newItem: () => ({ value: '', label: '' }),
    addText: words.addRow(words.nouns.mappingRow),
    onChange: writeTable,
  });

  return el('div', { class: 'settings-form' },
    field(words.field, textInput({
      value: dimension.field, list: context.fieldList, testid: 'dimension-field',
      onInput: (text) => { dimension.field = text; context.edited(); },
    }), words.textFieldHelp),
    field(words.builtin, selectInput({
      value: dimension.builtin ?? 'none',
      options: BUILTINS.map((builtin) => [builtin, words.builtins[builtin]]),
      testid: 'mapping-builtin',
      onChange: (value) => { dimension.builtin = value; context.edited(); },
    }), words.builtinHelp),
    el('div', { class: 'field' }, el('span', { class: 'field-label', text: words.mappingTable }), table.element),
    el('div', { class: 'field-row' },
      field(words.defaultLabel, textInput({
        value: dimension.default, testid: 'mapping-default',
        onInput: (text) => { setOrDelete(dimension, 'default', text); context.edited(); },
      })),
      field(words.missingLabel, textInput({
        value: dimension.missing, testid: 'dimension-missing',
        onInput: (text) => { setOrDelete(dimension, 'missing', text); context.edited(); },
      }))));
}
