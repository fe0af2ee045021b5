// Settings of a `bands` dimension: a numeric field cut into labelled bands by minimums.

import { el } from '../dom.js';
import { strings } from '../strings.js';
import { bandRows } from './band-rows.js';
import { field, setOrDelete, textInput } from './controls.js';

/** @param {object} dimension the draft's dimension, edited in place */
export function bandsForm(dimension, context) {
  const words = strings.policy;
  dimension.bands ??= [];
  return el('div', { class: 'settings-form' },
    field(words.field, textInput({
      value: dimension.field, list: context.fieldList, testid: 'dimension-field',
      onInput: (text) => { dimension.field = text; context.edited(); },
    }), words.numericFieldHelp),
    bandRows({ rows: dimension.bands, noun: words.nouns.band, testid: 'bands', context }),
    field(words.missingLabel, textInput({
      value: dimension.missing, testid: 'dimension-missing',
      onInput: (text) => { setOrDelete(dimension, 'missing', text); context.edited(); },
    }), words.missingHelp));
}
