// Settings of an `abc` dimension: cut shares, by customer count or by cumulative revenue,
// and one label more than there are cuts.

import { el } from '../dom.js';
import { strings } from '../strings.js';
import { field, joinList, parseNumberList, selectInput, splitList, textInput } from './controls.js';

/** @param {object} dimension the draft's dimension, edited in place */
export function abcForm(dimension, context) {
  const words = strings.policy;
  return el('div', { class: 'settings-form' },
    field(words.abcBy, selectInput({
      value: dimension.by ?? 'customers', testid: 'abc-by',
      options: ['customers', 'revenue'].map((by) => [by, words.abcByOptions[by]]),
      onChange: (value) => { dimension.by = value; context.edited(); },
    }), words.abcByHelp),
    el('div', { class: 'field-row' },
      field(words.abcCuts, textInput({
        value: joinList(dimension.cuts), testid: 'abc-cuts',
        onInput: (text) => { dimension.cuts = parseNumberList(text); context.edited(); },
      }), words.abcCutsHelp),
      field(words.abcLabels, textInput({
        value: joinList(dimension.labels), testid: 'abc-labels',
        onInput: (text) => { dimension.labels = splitList(text); context.edited(); },
      }), words.abcLabelsHelp)));
}
