// The customers who moved up and those who moved down, side by side: the first ones by id
// (the worker sends at most a hundred of each) with the count of all. A customer's id opens
// their profile in the customers section, while the comparison is that of the result on screen.

import { el } from '../dom.js';
import { formatInteger } from '../format.js';
import { strings } from '../strings.js';

/**
 * @param {{up: object, down: object}} migration as TierLensEngine#compare answers it
 * @param {object} how
 * @param {(label: string) => string} how.labelText
 * @param {((index: number) => void)|null} how.onChooseCustomer null: the ids are not links
 *   (the result on screen is no longer the one compared)
 */
export function migrationLists(migration, { labelText, onChooseCustomer }) {
  const words = strings.migration;
  const list = (key, heading) => {
    const { total, moves } = migration[key];
    const items = moves.map((move) => el('li', { dataset: { customerId: move.customer_id, before: move.before, after: move.after } },
      onChooseCustomer && move.index >= 0
        ? el('button', { type: 'button', class: 'link-button', 'aria-label': words.openProfile(move.customer_id), on: { click: () => onChooseCustomer(move.index) } }, move.customer_id)
        : el('span', { class: 'migration-id', text: move.customer_id }),
      ' ',
      el('span', { class: 'muted', text: words.move(labelText(move.before), labelText(move.after)) })));
    return el('section', { class: 'migration-list', 'data-testid': `migration-${key}`, dataset: { total: String(total) } },
      el('h3', { text: heading(formatInteger(total)) }),
      total > moves.length ? el('p', { class: 'muted small', text: words.firstOf(formatInteger(moves.length), formatInteger(total)) }) : null,
      items.length > 0 ? el('ol', {}, ...items) : el('p', { class: 'muted', text: words.noneMoved }));
  };
  return el('div', { class: 'migration-lists' }, list('up', words.movedUp), list('down', words.movedDown));
}
