// The holdout check of the CLV card: what was held out (the dates), the totals actual against
// predicted, the chart per group and its table, or why there is no check.

import { el } from '../dom.js';
import { formatInteger, formatNumber } from '../format.js';
import { strings } from '../strings.js';
import { HOLDOUT_SERIES, holdoutChart } from './holdout-chart.js';
import { holdoutTable } from './holdout-table.js';

/**
 * @param {object} clv the summary's `clv`
 * @returns {HTMLElement}
 */
export function holdoutView(clv) {
  const words = strings.clv.holdout;
  const { holdout } = clv;
  const section = (...content) => el('section', { class: 'clv-holdout', 'data-testid': 'clv-holdout', 'aria-labelledby': 'clv-holdout-heading' },
    el('h3', { id: 'clv-holdout-heading', text: words.heading }), ...content);
  if (!holdout) return section(el('p', { class: 'muted', 'data-testid': 'holdout-none', text: words.none }));

  const names = holdout.holdout_periods === 1 ? strings.clv.periodNames : strings.clv.periodPlural;
  const periods = names[clv.period] ?? clv.period;
  return section(
    el('p', { class: 'muted small', text: words.intro(holdout.calibration_end, holdout.holdout_end, formatInteger(holdout.holdout_periods), periods) }),
    holdout.problem ? el('p', { class: 'clv-problem', 'data-testid': 'holdout-problem', text: words.problem(holdout.problem) }) : null,
    totals(holdout),
    (holdout.by_frequency ?? []).length === 0 ? null : el('div', { class: 'chart-with-table' },
      el('figure', { class: 'chart-figure' },
        el('div', { class: 'legend', 'aria-hidden': 'true' }, ...HOLDOUT_SERIES.map(({ className, legend }) =>
          el('span', { class: 'legend-item' }, el('span', { class: `legend-swatch ${className}` }), el('span', { text: words[legend] })))),
        holdoutChart(holdout)),
      holdoutTable(holdout)));
}

/** The whole holdout period at once: customers, and their purchases actual and predicted. */
function totals(holdout) {
  const words = strings.clv.holdout;
  const item = (col, label, value, text) => el('div', { class: 'clv-fact', dataset: { col, ...(typeof value === 'number' ? { value: String(value) } : {}) } },
    el('dt', { text: label }), el('dd', { text }));
  const number = (value, format) => (typeof value === 'number' ? format(value) : strings.clv.noValue);
  return el('dl', { class: 'clv-facts', 'data-testid': 'holdout-totals' },
    item('calibration_end', words.calibrationEnd, undefined, holdout.calibration_end),
    item('holdout_end', words.holdoutEnd, undefined, holdout.holdout_end),
    item('customers', words.customers, holdout.customers, number(holdout.customers, formatInteger)),
    item('actual', words.actualTotal, holdout.actual, number(holdout.actual, formatNumber)),
    item('predicted', words.predictedTotal, holdout.predicted, number(holdout.predicted, formatNumber)));
}
