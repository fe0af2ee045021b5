// The policy's RFM scoring: bins per score, the analysis date, which orders are cancellations,
// and fixed breakpoints that replace the quantiles for a metric. Changing the analysis date or
// the cancellation prefix makes the worker read the file again; the rest re-scores what was
// read.

import { el } from '../dom.js';
import { strings } from '../strings.js';
import { field, joinList, parseNumberList, selectInput, textInput } from './controls.js';

const METRICS = ['recency', 'frequency', 'monetary'];
const BINS = [2, 3, 4, 5, 6, 7, 8, 9];

/**
 * @param {object} policy the draft, whose `rfm` and `analysis_date` this edits in place
 * @param {import('./policy-editor-view.js').EditorContext} context
 */
export function rfmSettingsForm(policy, context) {
  const words = strings.policy;
  policy.rfm ??= {};
  const rfm = policy.rfm;

  const dateInput = el('input', { type: 'date', id: 'analysis-date', 'data-testid': 'analysis-date' });
  dateInput.value = policy.analysis_date ?? '';
  // `change`, not `input`: a date box reports half-typed dates as empty on every keystroke.
  dateInput.addEventListener('change', () => { policy.analysis_date = dateInput.value || null; context.edited(); });

  const cancelledInput = textInput({
    id: 'cancelled-prefix', value: policy.returns?.cancelled_order_prefix ?? '', testid: 'cancelled-prefix',
    placeholder: 'C',
    onInput: (text) => {
      policy.returns = { ...policy.returns, cancelled_order_prefix: text.trim() };
      context.edited();
    },
  });

  const breakpoints = METRICS.map((metric) => field(words.breakpointsOf(strings.dimensions[metric]), textInput({
    id: `breakpoints-${metric}`, value: joinList(rfm.breakpoints?.[metric]), testid: `breakpoints-${metric}`,
    placeholder: words.breakpointsPlaceholder,
    onInput: (text) => {
      const values = parseNumberList(text);
      rfm.breakpoints ??= {};
      if (values.length === 0) delete rfm.breakpoints[metric];
      else rfm.breakpoints[metric] = values;
      context.edited();
    },
  })));

  return el('div', { class: 'settings-form' },
    el('div', { class: 'field-row' },
      field(strings.binsLabel, selectInput({
        id: 'bins', value: String(rfm.bins ?? 5), testid: 'bins',
        options: BINS.map((bins) => [String(bins), String(bins)]),
        onChange: (value) => { rfm.bins = Number(value); context.edited(); },
      }), strings.binsHelp),
      field(strings.analysisDateLabel, dateInput, strings.analysisDateHelp),
      field(strings.cancelledPrefixLabel, cancelledInput, strings.cancelledPrefixHelp)),
    el('div', { class: 'field-row' }, ...breakpoints),
    el('p', { class: 'help', text: words.breakpointsHelp }));
}
