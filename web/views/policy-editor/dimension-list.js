// The policy's dimensions, in the order they are computed: each a card with its switch,
// name, id and type, and its settings form folded under it. A dimension can be moved, removed,
// or added from a type chosen below the list.

import { el } from '../dom.js';
import { strings } from '../strings.js';
import { checkbox, selectInput, textInput } from './controls.js';
import { DIMENSION_TYPES, settingsForm } from './dimension-settings.js';
import { itemList } from './item-list.js';
import { newDimension } from './new-dimension.js';

/**
 * @param {object} policy the draft, whose `dimensions` this edits in place
 * @param {import('./policy-editor-view.js').EditorContext} context
 */
export function dimensionList(policy, context) {
  const words = strings.policy;
  policy.dimensions ??= [];
  // Which settings are unfolded, by dimension object, so a move or removal (which redraws
  // the list) does not fold what the user had open.
  const unfolded = new WeakSet();
  const dimensionName = (index) => words.numbered(words.nouns.dimension, index + 1);

  const list = itemList({
    items: policy.dimensions,
    testid: 'dimension-list',
    itemName: dimensionName,
    renderItem: (dimension, index, { actions }) => {
      const name = dimensionName(index);
      const card = el('div', {
        class: 'dimension-card', dataset: { type: dimension.type, dimensionId: dimension.id ?? '' },
      });
      const setEnabled = (enabled) => card.classList.toggle('switched-off', enabled === false);
      setEnabled(dimension.enabled);

      const form = settingsForm(dimension, context, `dimensions[${index}]`);
      let settings;
      if (form) {
        settings = el('details', { class: 'dimension-settings', open: unfolded.has(dimension) },
          el('summary', { text: words.settingsOf(dimension.name || name) }), form);
        settings.addEventListener('toggle', () => {
          if (settings.open) unfolded.add(dimension);
          else unfolded.delete(dimension);
        });
      } else {
        settings = el('p', { class: 'muted small', text: words.noSettings });
      }

      card.append(
        el('div', { class: 'item-head' },
          el('span', { class: 'order-badge', 'aria-hidden': 'true', text: String(index + 1) }),
          checkbox({
            checked: dimension.enabled !== false, label: words.enabled, testid: 'dimension-enabled',
            onChange: (checked) => { dimension.enabled = checked; setEnabled(checked); context.edited(); },
          }),
          textInput({
            value: dimension.name, label: words.nameOf(name), testid: 'dimension-name', className: 'name-input',
            onInput: (text) => { dimension.name = text; context.edited(); },
          }),
          textInput({
            value: dimension.id, label: words.idOf(name), testid: 'dimension-id', className: 'code-input',
            onInput: (text) => {
              dimension.id = text;
              card.dataset.dimensionId = text;
              context.edited();
            },
          }),
          el('span', { class: 'type-badge', title: dimension.type, text: words.dimensionTypes[dimension.type] ?? dimension.type }),
          actions),
        settings);
      return card;
    },
    onChange: context.edited,
  });

  const typeChoice = selectInput({
    value: 'bands', label: words.newDimensionType, testid: 'new-dimension-type',
    options: DIMENSION_TYPES.map((type) => [type, words.dimensionTypes[type]]),
    onChange: () => {},
  });
  const addButton = el('button', {
    type: 'button', class: 'button secondary', 'data-testid': 'add-dimension', text: words.addDimension,
    on: {
      click: () => {
        const dimension = newDimension(typeChoice.value, policy.dimensions);
        unfolded.add(dimension);
        list.insert(dimension);
      },
    },
  });

  return el('div', { class: 'dimension-list' },
    list.element,
    el('div', { class: 'add-row' }, typeChoice, addButton));
}
