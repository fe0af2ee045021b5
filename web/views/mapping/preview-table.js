// A file's header and first rows as the engine read them, with the columns the user chose
// marked: each chosen column's heading names its role, and its cells are highlighted.

import { el } from '../dom.js';
import { strings } from '../strings.js';

/**
 * @param {HTMLElement} container
 * @param {{header: string[], rows: string[][]}|null} inspection null: nothing to show
 * @param {Map<string, Array<{key: string, label: string}>>} chosen header name → the roles and
 *   attribute fields chosen for it (`key` is the role or field, `label` its name on screen)
 * @param {string} id the table's id
 */
export function renderPreview(container, inspection, chosen, id) {
  if (!inspection) {
    container.replaceChildren();
    return;
  }
  const { header, rows } = inspection;
  const marked = header.map((name) => (name ? chosen.get(name) ?? [] : []));
  const cellClass = (i) => (marked[i].length ? 'mapped' : null);
  const table = el('table', { class: 'data-table compact preview-table', id, 'data-testid': 'mapping-preview' },
    el('caption', { class: 'muted small', text: rows.length ? strings.mapping.previewCaption(rows.length) : strings.mapping.previewEmpty }),
    el('thead', {}, el('tr', {}, ...header.map((name, i) => el('th', {
      scope: 'col', class: cellClass(i), dataset: { column: name, roles: marked[i].map(({ key }) => key).join(' ') },
    }, el('span', { class: 'column-name', text: name || strings.mapping.unnamedColumn(i + 1) }),
    ...marked[i].map(({ label }) => el('span', { class: 'role-tag', text: label })))))),
    el('tbody', {}, ...rows.map((cells) => el('tr', {},
      ...header.map((_, i) => el('td', { class: cellClass(i), text: cells[i] ?? '' }))))));
  container.replaceChildren(el('div', { class: 'table-scroll' }, table));
}
