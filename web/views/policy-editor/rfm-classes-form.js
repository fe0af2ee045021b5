// Settings of an `rfm_classes` dimension (RFM 八类): what each of R, F and M is compared
// with to be "high" or "low"; fixed thresholds only when the comparison is `fixed`.

import { el } from '../dom.js';
import { strings } from '../strings.js';
import { field, numberInput, selectInput, setOrDelete } from './controls.js';

const COMPARE = ['score_mean', 'value_mean', 'value_median', 'fixed'];
const METRICS = ['recency', 'frequency', 'monetary'];

/** @param {object} dimension the draft's dimension, edited in place */
export function rfmClassesForm(dimension, context) {
  const words = strings.policy;
  const thresholds = el('div', { class: 'field-row' });
  const showThresholds = () => {
    if (dimension.compare !== 'fixed') {
      // Thresholds mean nothing to the other comparisons; the core refuses them there.
      delete dimension.thresholds;
      thresholds.replaceChildren();
      return;
    }
    dimension.thresholds ??= {};
    thresholds.replaceChildren(...METRICS.map((metric) => field(words.thresholdOf(strings.dimensions[metric]), numberInput({
      value: dimension.thresholds[metric], testid: `threshold-${metric}`,
      onInput: (value) => { setOrDelete(dimension.thresholds, metric, value); context.edited(); },
    }))));
  };
  dimension.compare ??= 'score_mean';
  showThresholds();

  return el('div', { class: 'settings-form' },
    field(words.compare, selectInput({
      value: dimension.compare, testid: 'rfm-classes-compare',
      options: COMPARE.map((method) => [method, words.compareMethods[method]]),
      onChange: (value) => { dimension.compare = value; showThresholds(); context.edited(); },
    }), words.compareHelp),
    thresholds);
}
