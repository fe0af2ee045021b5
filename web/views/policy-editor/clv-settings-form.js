// The policy's CLV settings: how purchases are counted (per day, week or month), the horizon
// and monthly discount rate CLV is summed over, the margin (the share of spend that is
// profit), the models' penalizer, and how many of the last days are held out to check the
// purchase model. They matter only when the policy uses CLV (a `clv` dimension, or a CLV
// field such as p_alive in a rule, tier or cluster feature); the help says so.

import { el } from '../dom.js';
import { strings } from '../strings.js';
import { field, numberInput, selectInput, setOrDelete } from './controls.js';

const PERIODS = ['day', 'week', 'month'];
const NUMBERS = [
  { key: 'horizon_months', min: 1, max: 600, step: 1 },
  { key: 'discount_rate', min: 0, max: 0.99, step: 'any' },
  { key: 'margin', min: 0, max: 1, step: 'any' },
  { key: 'penalizer', min: 0, max: 100, step: 'any' },
  { key: 'holdout_days', min: 0, max: 36600, step: 1 },
];

/**
 * @param {object} policy the draft, whose `clv` this edits in place (made on the first edit,
 *   so a policy that never uses CLV does not gain settings it does not need)
 * @param {import('./policy-editor-view.js').EditorContext} context
 */
export function clvSettingsForm(policy, context) {
  const words = strings.policy.clvSettings;
  const settings = () => (policy.clv ??= {});
  return el('div', { class: 'settings-form' },
    el('p', { class: 'help', text: words.intro }),
    el('div', { class: 'field-row' },
      field(words.period, selectInput({
        value: policy.clv?.period ?? 'day', testid: 'clv-period',
        options: PERIODS.map((period) => [period, words.periods[period]]),
        onChange: (value) => { settings().period = value; context.edited(); },
      }), words.help.period),
      ...NUMBERS.map(({ key, min, max, step }) => field(words[key], numberInput({
        value: policy.clv?.[key], min, max, step, testid: `clv-${key}`,
        // Empty restores the default; for holdout_days that is null, the last third of the data.
        onInput: (value) => { setOrDelete(settings(), key, value); context.edited(); },
      }), words.help[key]))));
}
