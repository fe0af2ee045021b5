// Settings of a `score` dimension: weighted factors, each normalised to 0–100 and turned
// so that "better" is higher, summed into a 0–100 score, then cut into grades.

import { el } from '../dom.js';
import { strings } from '../strings.js';
import { bandRows } from './band-rows.js';
import { numberInput, selectInput, setOrDelete, textInput } from './controls.js';
import { itemList } from './item-list.js';

const NORMALIZE = ['min_max', 'percentile', 'z_score'];
const DIRECTIONS = ['higher', 'lower'];

/** @param {object} dimension the draft's dimension, edited in place */
export function scoreForm(dimension, context) {
  const words = strings.policy;
  dimension.factors ??= [];
  dimension.grades ??= [];
  const factorName = (index) => words.numbered(words.nouns.factor, index + 1);

  const factors = itemList({
    items: dimension.factors,
    layout: 'table',
    testid: 'score-factors',
    headings: [words.factorField, words.factorWeight, words.factorNormalize, words.factorDirection],
    itemName: factorName,
    renderItem: (factor, index) => [
      el('td', {}, textInput({
        value: factor.field, list: context.fieldList, label: words.fieldOf(factorName(index)), testid: 'factor-field',
        onInput: (text) => { factor.field = text; context.edited(); },
      })),
      el('td', {}, numberInput({
        value: factor.weight, min: 0, label: words.weightOf(factorName(index)), testid: 'factor-weight',
        onInput: (value) => { setOrDelete(factor, 'weight', value); context.edited(); },
      })),
      el('td', {}, selectInput({
        value: factor.normalize ?? 'min_max', label: words.normalizeOf(factorName(index)), testid: 'factor-normalize',
        options: NORMALIZE.map((method) => [method, words.normalizeMethods[method]]),
        onChange: (value) => { factor.normalize = value; context.edited(); },
      })),
      el('td', {}, selectInput({
        value: factor.direction ?? 'higher', label: words.directionOf(factorName(index)), testid: 'factor-direction',
        options: DIRECTIONS.map((direction) => [direction, words.directions[direction]]),
        onChange: (value) => { factor.direction = value; context.edited(); },
      })),
    ],
    newItem: () => ({ field: '', weight: 1, normalize: 'percentile', direction: 'higher' }),
    addText: words.addRow(words.nouns.factor),
    onChange: context.edited,
  });

  return el('div', { class: 'settings-form' },
    el('div', { class: 'field' }, el('span', { class: 'field-label', text: words.factors }), factors.element,
      el('p', { class: 'help', text: words.factorsHelp })),
    el('div', { class: 'field' }, el('span', { class: 'field-label', text: words.grades }),
      bandRows({ rows: dimension.grades, noun: words.nouns.grade, testid: 'score-grades', context })));
}
