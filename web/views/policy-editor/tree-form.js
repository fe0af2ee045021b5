// Settings of a `tree` dimension (用友U8-style class tree): the code scheme (digits per
// level), the nodes with their codes, names and conditions, and the label of a customer no
// root takes. A node's level is read from its code's length under the scheme and shown by
// indenting it, so the hierarchy can be seen while the list stays flat, as in the policy.

import { el } from '../dom.js';
import { strings } from '../strings.js';
import { conditionEditor } from './condition-editor.js';
import { field, joinList, parseNumberList, setOrDelete, textInput } from './controls.js';
import { itemList } from './item-list.js';

/**
 * @param {object} dimension the draft's dimension, edited in place
 * @param {import('./policy-editor-view.js').EditorContext} context
 * @param {string} path the dimension's path, e.g. `dimensions[3]`
 */
export function treeForm(dimension, context, path) {
  const words = strings.policy;
  dimension.nodes ??= [];
  const nodeName = (index) => words.numbered(words.nouns.node, index + 1);

  const nodes = itemList({
    items: dimension.nodes,
    testid: 'tree-nodes',
    itemName: nodeName,
    renderItem: (node, index, { actions }) => {
      const card = el('div', { class: 'node-card', dataset: { level: String(levelOf(node.code, dimension.scheme)) } },
        el('div', { class: 'item-head' },
          textInput({
            value: node.code, label: words.codeOf(nodeName(index)), className: 'code-input', testid: 'node-code',
            onInput: (text) => {
              node.code = text;
              card.dataset.level = String(levelOf(text, dimension.scheme));
              context.edited();
            },
          }),
          textInput({
            value: node.name, label: words.nameOf(nodeName(index)), testid: 'node-name',
            onInput: (text) => { node.name = text; context.edited(); },
          }),
          actions),
        conditionEditor({
          owner: node, label: words.conditionOf(nodeName(index)), path: `${path}.nodes[${index}].when`, context,
          emptyText: words.nodeAlways,
        }));
      return card;
    },
    newItem: () => ({ code: '', name: '', when: { field: 'monetary', op: '>=', value: 0 } }),
    addText: words.addRow(words.nouns.node),
    onChange: context.edited,
  });

  return el('div', { class: 'settings-form' },
    el('div', { class: 'field-row' },
      field(words.treeScheme, textInput({
        value: joinList(dimension.scheme), testid: 'tree-scheme',
        onInput: (text) => { dimension.scheme = parseNumberList(text); nodes.refresh(); context.edited(); },
      }), words.treeSchemeHelp),
      field(words.defaultLabel, textInput({
        value: dimension.default, testid: 'tree-default',
        onInput: (text) => { setOrDelete(dimension, 'default', text); context.edited(); },
      }), words.treeDefaultHelp)),
    el('div', { class: 'field' }, el('span', { class: 'field-label', text: words.treeNodes }), nodes.element));
}

/** 1 for a root's code, 2 for its children's …; 1 when the scheme does not place it. */
function levelOf(code, scheme) {
  if (!Array.isArray(scheme) || typeof code !== 'string') return 1;
  let length = 0;
  for (let level = 0; level < scheme.length; level++) {
    length += Number(scheme[level]) || 0;
    if (code.length === length) return Math.min(level + 1, 4);
  }
  return 1;
}
