// The tiers, tried in order (the first whose condition holds wins; the last takes every
// customer left), each with its strategy card. The order number is shown because it decides.

import { el } from '../dom.js';
import { STRATEGY_FIELDS } from '../strategy-fields.js';
import { strings } from '../strings.js';
import { conditionEditor } from './condition-editor.js';
import { field, setOrDelete, textInput } from './controls.js';
import { itemList } from './item-list.js';

/**
 * @param {object} policy the draft, whose `tiers` this edits in place
 * @param {import('./policy-editor-view.js').EditorContext} context
 */
export function tierList(policy, context) {
  const words = strings.policy;
  policy.tiers ??= [];
  const tierName = (index) => words.numbered(words.nouns.tier, index + 1);

  const list = itemList({
    items: policy.tiers,
    testid: 'tier-list',
    itemName: tierName,
    renderItem: (tier, index, { actions, isLast }) => {
      tier.strategy ??= {};
      const name = tierName(index);
      return el('div', { class: 'tier-card' },
        el('div', { class: 'item-head' },
          el('span', { class: 'order-badge', 'aria-hidden': 'true', text: String(index + 1) }),
          textInput({
            value: tier.name, label: words.nameOf(name), testid: 'tier-name', className: 'name-input',
            onInput: (text) => { tier.name = text; context.edited(); },
          }),
          actions),
        isLast && tier.when === undefined
          ? el('p', { class: 'condition-text muted', 'data-testid': 'condition-text', text: words.otherwiseTier })
          : conditionEditor({
            owner: tier, label: words.conditionOf(name), path: `tiers[${index}].when`, context,
            emptyText: isLast ? words.otherwiseTier : undefined,
          }),
        el('details', { class: 'strategy' },
          el('summary', { text: words.strategyOf(tier.name || name) }),
          el('div', { class: 'strategy-fields' }, ...STRATEGY_FIELDS.map((key) => field(words.strategyFields[key], textInput({
            value: tier.strategy[key], testid: `strategy-${key}`,
            onInput: (text) => { setOrDelete(tier.strategy, key, text); context.edited(); },
          }))))));
    },
    newItem: (items) => (items.length === 0
      ? { name: words.newTierName, strategy: {} }
      : { name: words.newTierName, when: { field: 'monetary', op: '>=', value: 1000 }, strategy: {} }),
    // Above the last tier, which takes every customer the others leave.
    insertAt: (items) => Math.max(0, items.length - 1),
    addText: words.addTier,
    onChange: context.edited,
  });

  return el('div', { class: 'tier-list' },
    list.element,
    el('p', { class: 'help', text: words.tiersHelp }));
}
