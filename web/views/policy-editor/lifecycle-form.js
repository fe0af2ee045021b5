// Settings of a `lifecycle` dimension: the day counts and order count that separate new,
// active, loyal, at-risk and lost customers. Stage labels, when the policy sets them, are
// kept as they are.

import { el } from '../dom.js';
import { strings } from '../strings.js';
import { field, numberInput, setOrDelete } from './controls.js';

const SETTINGS = ['new_days', 'at_risk_days', 'lost_days', 'loyal_orders'];

/** @param {object} dimension the draft's dimension, edited in place */
export function lifecycleForm(dimension, context) {
  const words = strings.policy.lifecycle;
  return el('div', { class: 'settings-form field-row' },
    ...SETTINGS.map((key) => field(words[key], numberInput({
      value: dimension[key], min: 0, step: 1, testid: `lifecycle-${key}`,
      onInput: (value) => { setOrDelete(dimension, key, value); context.edited(); },
    }), words.help[key])));
}
