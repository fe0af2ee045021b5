// Settings of a `clv` dimension: customers ranked by CLV are cut by share of customers (top
// 20 %, next 30 %, the rest), one label more than cuts, and a label for customers without a
// purchase (they have no CLV). How CLV is computed is the policy's CLV settings.

import { el } from '../dom.js';
import { strings } from '../strings.js';
import { field, joinList, parseNumberList, setOrDelete, splitList, textInput } from './controls.js';

/** @param {object} dimension the draft's dimension, edited in place */
export function clvForm(dimension, context) {
  const words = strings.policy;
  return el('div', { class: 'settings-form' },
    el('p', { class: 'help', text: words.clvForm.intro }),
    el('div', { class: 'field-row' },
      field(words.abcCuts, textInput({
        value: joinList(dimension.cuts), testid: 'clv-cuts',
        onInput: (text) => { dimension.cuts = parseNumberList(text); context.edited(); },
      }), words.clvForm.cutsHelp),
      field(words.abcLabels, textInput({
        value: joinList(dimension.labels), testid: 'clv-labels',
        onInput: (text) => { dimension.labels = splitList(text); context.edited(); },
      }), words.clvForm.labelsHelp)),
    field(words.missingLabel, textInput({
      value: dimension.missing, testid: 'dimension-missing',
      onInput: (text) => { setOrDelete(dimension, 'missing', text); context.edited(); },
    }), words.clvForm.missingHelp));
}
