// Settings of a `clusters` dimension (k-means): the features clustered on (the known numeric
// metrics as checkboxes, any other numeric column as a list), k fixed or chosen by silhouette
// within a range, the log transform, the seed and restarts that make the result repeatable,
// and the language the clusters are described in.

import { el } from '../dom.js';
import { strings } from '../strings.js';
import { checkbox, field, joinList, numberInput, selectInput, setOrDelete, splitList, textInput, uniqueId } from './controls.js';

/** The metrics offered as checkboxes, in this order; CLV ones make the run fit the models. */
export const CLUSTER_METRICS = [
  'recency', 'frequency', 'monetary', 'average_order_value', 'tenure',
  'clv', 'historical_clv', 'p_alive', 'expected_purchases', 'expected_spend',
];
const WORDS = ['en', 'zh'];
/** k when the user switches from a range to a fixed number and typed none before. */
const DEFAULT_FIXED_K = 4;

/** @param {object} dimension the draft's dimension, edited in place */
export function clustersForm(dimension, context) {
  const words = strings.policy.clustersForm;
  dimension.features ??= [];

  // Switching to a range and back brings the fixed k typed before.
  let lastFixedK = typeof dimension.k === 'number' ? dimension.k : DEFAULT_FIXED_K;
  const kFields = el('div', { class: 'field-row' });
  const showKFields = () => {
    const fixed = typeof dimension.k === 'number';
    kFields.replaceChildren(...(fixed
      ? [field(words.k, numberInput({
        value: dimension.k, min: 2, max: 20, step: 1, testid: 'clusters-k',
        onInput: (value) => {
          // Empty is not "chosen by silhouette" (that is the choice above): the check says k is missing.
          dimension.k = value ?? '';
          if (value !== undefined) lastFixedK = value;
          context.edited();
        },
      }), words.kHelp)]
      : ['k_min', 'k_max'].map((key) => field(words[key], numberInput({
        value: dimension[key], min: 2, max: 20, step: 1, testid: `clusters-${key}`,
        onInput: (value) => { setOrDelete(dimension, key, value); context.edited(); },
      }), key === 'k_min' ? words.rangeHelp : undefined))));
  };
  showKFields();

  return el('div', { class: 'settings-form' },
    featureChoice(dimension, context),
    field(words.kMode, selectInput({
      value: typeof dimension.k === 'number' ? 'fixed' : 'auto', testid: 'clusters-k-mode',
      options: [['auto', words.kModes.auto], ['fixed', words.kModes.fixed]],
      onChange: (mode) => {
        dimension.k = mode === 'fixed' ? lastFixedK : null;
        showKFields();
        context.edited();
      },
    }), words.kModeHelp),
    kFields,
    el('div', { class: 'field' }, checkbox({
      checked: dimension.log !== false, label: words.log, testid: 'clusters-log',
      onChange: (checked) => { dimension.log = checked; context.edited(); },
    }), el('p', { class: 'help', text: words.logHelp })),
    el('div', { class: 'field-row' },
      field(words.seed, numberInput({
        value: dimension.seed, min: 0, step: 1, testid: 'clusters-seed',
        onInput: (value) => { setOrDelete(dimension, 'seed', value); context.edited(); },
      }), words.seedHelp),
      field(words.restarts, numberInput({
        value: dimension.restarts, min: 1, max: 100, step: 1, testid: 'clusters-restarts',
        onInput: (value) => { setOrDelete(dimension, 'restarts', value); context.edited(); },
      }), words.restartsHelp),
      field(words.words, selectInput({
        value: dimension.words ?? 'en', testid: 'clusters-words',
        options: WORDS.map((language) => [language, words.wordsOptions[language]]),
        onChange: (value) => { dimension.words = value; context.edited(); },
      }), words.wordsHelp)),
    field(strings.policy.missingLabel, textInput({
      value: dimension.missing, testid: 'dimension-missing',
      onInput: (text) => { setOrDelete(dimension, 'missing', text); context.edited(); },
    }), words.missingHelp));
}

/**
 * The features: a checkbox per known metric (checked ones keep their place; a newly checked
 * one goes last, as the order decides the order of the words in the clusters' names), and
 * a list for other numeric fields (attribute columns such as employees, or any header).
 */
function featureChoice(dimension, context) {
  const words = strings.policy.clustersForm;
  const legendId = uniqueId('cluster-features');
  const others = () => dimension.features.filter((feature) => !CLUSTER_METRICS.includes(feature));
  const boxes = CLUSTER_METRICS.map((metric) => checkbox({
    checked: dimension.features.includes(metric), label: strings.fieldNames[metric] ?? metric, testid: `clusters-feature-${metric}`,
    onChange: (checked) => {
      const kept = dimension.features.filter((feature) => feature !== metric);
      dimension.features = checked ? [...kept, metric] : kept;
      context.edited();
    },
  }));
  const otherInput = textInput({
    value: joinList(others()), testid: 'clusters-other-features',
    onInput: (text) => {
      const listed = splitList(text).filter((feature) => feature !== '');
      dimension.features = [...dimension.features.filter((feature) => CLUSTER_METRICS.includes(feature)), ...listed];
      context.edited();
    },
  });
  return el('div', { class: 'field' },
    el('fieldset', { class: 'checkbox-group', 'aria-describedby': `${legendId}-help` },
      el('legend', { class: 'field-label', id: legendId, text: words.features }),
      el('div', { class: 'checkbox-grid' }, ...boxes)),
    el('p', { class: 'help', id: `${legendId}-help`, text: words.featuresHelp }),
    field(words.otherFeatures, otherInput, words.otherFeaturesHelp));
}
