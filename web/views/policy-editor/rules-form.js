// Settings of a `rules` dimension: labelled rules tried in order, the first that holds wins,
// and the last one has no condition so every customer gets a label.

import { el } from '../dom.js';
import { strings } from '../strings.js';
import { conditionEditor } from './condition-editor.js';
import { textInput } from './controls.js';
import { itemList } from './item-list.js';

/**
 * @param {object} dimension the draft's dimension, edited in place
 * @param {import('./policy-editor-view.js').EditorContext} context
 * @param {string} path the dimension's path, e.g. `dimensions[3]`
 */
export function rulesForm(dimension, context, path) {
  const words = strings.policy;
  dimension.rules ??= [];
  const ruleName = (index) => words.numbered(words.nouns.rule, index + 1);

  const rules = itemList({
    items: dimension.rules,
    testid: 'rules',
    itemName: ruleName,
    renderItem: (rule, index, { actions, isLast }) => el('div', { class: 'rule-card' },
      el('div', { class: 'item-head' },
        el('span', { class: 'order-badge', 'aria-hidden': 'true', text: String(index + 1) }),
        textInput({
          value: rule.label, label: words.labelOf(ruleName(index)), testid: 'rule-label',
          onInput: (text) => { rule.label = text; context.edited(); },
        }),
        actions),
      isLast && rule.when === undefined
        ? el('p', { class: 'condition-text muted', text: words.otherwiseRule })
        : conditionEditor({
          owner: rule, label: words.conditionOf(ruleName(index)), path: `${path}.rules[${index}].when`, context,
          emptyText: isLast ? words.otherwiseRule : undefined,
        })),
    newItem: () => ({ label: '', when: { field: 'monetary', op: '>=', value: 0 } }),
    // Above the last rule, which catches every customer the others leave.
    insertAt: (items) => Math.max(0, items.length - 1),
    addText: words.addRow(words.nouns.rule),
    onChange: context.edited,
  });

  return el('div', { class: 'settings-form' },
    rules.element,
    el('p', { class: 'help', text: words.rulesHelp }));
}
