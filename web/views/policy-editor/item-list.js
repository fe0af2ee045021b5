// An ordered list the user can grow, shrink and reorder from the keyboard: bands, table rows,
// factors, nodes, rules, dimensions and tiers all use it. The list edits the draft's array in
// place; after a structural change it redraws itself and puts focus back on the button that
// was pressed (or its nearest neighbour), so keyboard users keep their place.

import { el } from '../dom.js';
import { strings } from '../strings.js';
import { smallButton } from './controls.js';

/**
 * @param {object} how
 * @param {any[]} how.items the draft's array, edited in place
 * @param {'cards'|'table'} [how.layout] `table`: renderItem answers the row's cells and the
 *   list adds a last cell with the buttons; `cards`: renderItem answers one element and puts
 *   `tools.actions` where it likes
 * @param {string[]} [how.headings] column headings of a table (the buttons' column is added)
 * @param {(item: any, index: number, tools: {actions: HTMLElement, isLast: boolean}) =>
 *   HTMLElement|HTMLElement[]} how.renderItem
 * @param {(index: number) => string} how.itemName names an item in the buttons' labels
 * @param {(items: any[]) => any} [how.newItem] absent: no add button
 * @param {(items: any[]) => number} [how.insertAt] where a new item goes; default the end
 * @param {string} [how.addText]
 * @param {boolean} [how.movable] default true
 * @param {number} [how.minItems] remove is offered only above this count; default 0
 * @param {() => void} how.onChange after every structural change
 * @param {string} [how.testid]
 * @returns {{element: HTMLElement, refresh: () => void, insert: (item: any) => void}}
 *   `insert` adds an item made elsewhere (e.g. of a type chosen beside the list)
 */
export function itemList(how) {
  const { layout = 'cards', movable = true, minItems = 0 } = how;
  const body = layout === 'table' ? el('tbody') : el('ol', { class: 'item-cards' });
  const container = layout === 'table'
    ? el('table', { class: 'edit-table', 'data-testid': how.testid },
      el('thead', {}, el('tr', {},
        ...(how.headings ?? []).map((heading) => el('th', { scope: 'col', text: heading })),
        el('th', { scope: 'col' }, el('span', { class: 'visually-hidden', text: strings.policy.actions })))),
      body)
    : body;
  if (layout !== 'table' && how.testid) container.dataset.testid = how.testid;
  const addButton = how.newItem
    ? el('button', { type: 'button', class: 'button secondary add-button', text: how.addText, on: { click: () => insert(how.newItem(how.items)) } })
    : null;
  const element = el('div', { class: `item-list item-list-${layout}` }, container, addButton);

  function refresh(focus) {
    body.replaceChildren(...how.items.map((item, index) => renderOne(item, index)));
    if (focus) restoreFocus(focus);
  }

  function renderOne(item, index) {
    const name = how.itemName(index);
    const count = how.items.length;
    const actions = el('span', { class: 'item-actions' },
      movable ? smallButton({ text: '↑', label: strings.policy.moveUp(name), action: 'up', onClick: () => move(index, -1) }) : null,
      movable ? smallButton({ text: '↓', label: strings.policy.moveDown(name), action: 'down', onClick: () => move(index, +1) }) : null,
      count > minItems ? smallButton({ text: '✕', label: strings.policy.remove(name), action: 'remove', onClick: () => remove(index) }) : null);
    if (movable) {
      // aria-disabled keeps a focused button focusable at either end of the list.
      actions.querySelector('[data-action="up"]').setAttribute('aria-disabled', String(index === 0));
      actions.querySelector('[data-action="down"]').setAttribute('aria-disabled', String(index === count - 1));
    }
    const rendered = how.renderItem(item, index, { actions, isLast: index === count - 1 });
    const wrapper = layout === 'table'
      ? el('tr', {}, ...rendered, el('td', { class: 'actions-cell' }, actions))
      : el('li', { class: 'item-card' }, rendered);
    wrapper.dataset.index = String(index);
    return wrapper;
  }

  function move(index, direction) {
    const target = index + direction;
    if (target < 0 || target >= how.items.length) return;
    const [item] = how.items.splice(index, 1);
    how.items.splice(target, 0, item);
    refresh({ index: target, action: direction < 0 ? 'up' : 'down' });
    how.onChange();
  }

  function remove(index) {
    how.items.splice(index, 1);
    refresh({ index: Math.min(index, how.items.length - 1), action: 'remove' });
    how.onChange();
  }

  function insert(item) {
    const at = how.insertAt ? how.insertAt(how.items) : how.items.length;
    how.items.splice(at, 0, item);
    refresh();
    how.onChange();
    // Straight into the new item's first box, so it can be typed into at once.
    body.querySelector(`[data-index="${at}"]`)?.querySelector('input, select, textarea')?.focus();
  }

  function restoreFocus({ index, action }) {
    const item = body.querySelector(`[data-index="${index}"]`);
    const target = item?.querySelector(`:scope [data-action="${action}"]`)
      ?? item?.querySelector('[data-action]') ?? addButton;
    target?.focus();
  }

  refresh();
  return { element, refresh: () => refresh(), insert };
}
