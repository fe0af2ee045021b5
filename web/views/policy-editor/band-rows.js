// Label + minimum rows: the bands of a `bands` dimension and the grades of a `score`. The
// first row whose minimum the value reaches wins, so the last row (no minimum) takes the rest;
// the policy check says when the minimums are not descending.

import { el } from '../dom.js';
import { strings } from '../strings.js';
import { itemList } from './item-list.js';
import { numberInput, setOrDelete, textInput } from './controls.js';

/**
 * @param {object} how
 * @param {Array<{label: string, min?: number}>} how.rows the draft's array, edited in place
 * @param {string} how.noun what a row is, for labels: "band", "grade"
 * @param {string} how.testid
 * @param {import('./policy-editor-view.js').EditorContext} how.context
 */
export function bandRows({ rows, noun, testid, context }) {
  const words = strings.policy;
  const list = itemList({
    items: rows,
    layout: 'table',
    testid,
    headings: [words.bandLabel, words.bandMin],
    itemName: (index) => words.numbered(noun, index + 1),
    renderItem: (row, index) => [
      el('td', {}, textInput({
        value: row.label,
        label: words.labelOf(words.numbered(noun, index + 1)),
        testid: 'band-label',
        onInput: (text) => { row.label = text; context.edited(); },
      })),
      el('td', {}, numberInput({
        value: row.min,
        label: words.minOf(words.numbered(noun, index + 1)),
        testid: 'band-min',
        onInput: (value) => { setOrDelete(row, 'min', value); context.edited(); },
      })),
    ],
    newItem: (items) => ({ label: '', ...(items.length > 0 ? { min: 0 } : {}) }),
    // New bands go above the last one, which takes everything below the other minimums.
    insertAt: (items) => Math.max(0, items.length - 1),
    addText: words.addRow(noun),
    onChange: context.edited,
  });
  return el('div', { class: 'band-rows' },
    list.element,
    el('p', { class: 'help', text: words.bandsHelp }));
}
