// One labelled drop-down per column role and per attribute field of one file, listing the
// file's columns. Required roles offer "choose a column" until one is chosen; the others offer
// "none"; a customers table read alone may also have no id column at all. Each change is one
// `onChange(choice)` with the whole choice of the file.

import { NO_ID_COLUMN, roleOf } from '../../column-mapping.js';
import { Table } from '../../protocol.js';
import { el } from '../dom.js';
import { strings } from '../strings.js';

/** The name a role or attribute field goes by on screen. */
export const roleLabel = (role) => strings.mapping.roles[role] ?? role;
export const attributeLabel = (field) => strings.mapping.attributes[field] ?? field;

/**
 * @param {{idPrefix: string, onChange: (choice: {roles: object, attributes: object}) => void}} how
 *   `idPrefix` keeps the ids of one file's choices apart from another's
 */
export function createColumnChoices({ idPrefix, onChange }) {
  const roleList = el('div', { class: 'choice-grid', 'data-testid': 'role-choices' });
  const attributeList = el('div', { class: 'choice-grid', 'data-testid': 'attribute-choices' });
  const rolesLegend = el('legend');
  const attributeGroup = el('fieldset', { class: 'choice-group' },
    el('legend', { text: strings.mapping.attributesHeading }),
    el('p', { class: 'help', text: strings.mapping.attributesHelp }),
    attributeList);
  const root = el('div', { class: 'column-choices' },
    el('fieldset', { class: 'choice-group' }, rolesLegend, roleList),
    attributeGroup);
  /** The selects by group and key, to read the whole choice back. */
  let selects = { roles: new Map(), attributes: new Map() };

  const choiceOf = () => ({
    roles: Object.fromEntries([...selects.roles].map(([role, select]) => [role, select.value])),
    attributes: Object.fromEntries([...selects.attributes].map(([field, select]) => [field, select.value])),
  });

  function choiceField(group, key, { label, required, source, namedColumn, otherFile, help, noIdOption }, header, value) {
    const name = `${group === 'roles' ? 'role' : 'attribute'}-${key}`;
    const id = `${idPrefix}-${name}`;
    const select = el('select', {
      id, 'data-testid': name, dataset: group === 'roles' ? { role: key } : { field: key },
      'aria-describedby': `${id}-help`,
    },
    el('option', { value: '', text: required ? strings.mapping.choose : strings.mapping.none }),
    noIdOption ? el('option', { value: NO_ID_COLUMN, text: strings.mapping.noIdColumn, dataset: { noIdColumn: '' } }) : null,
    ...header.map((column, i) => el('option', {
      value: column, text: column || strings.mapping.unnamedColumn(i + 1), disabled: column === '',
    })));
    select.value = value;
    select.addEventListener('change', () => onChange(choiceOf()));
    selects[group].set(key, select);
    let said = strings.mapping.sources[source] ?? '';
    if (source === 'named' && namedColumn && !header.includes(namedColumn)) said = strings.mapping.namedButAbsent(namedColumn);
    if (source === 'other_file') said = strings.mapping.inOtherFile(otherFile);
    return el('div', { class: 'field', dataset: { source } },
      el('label', { for: id, text: label }),
      select,
      el('p', { class: 'help', id: `${id}-help`, text: [help, said].filter(Boolean).join(' ') }));
  }

  return {
    root,
    /**
     * Lists the inspection's roles and fields over its header, set to `choice`.
     * @param {object|null} inspection null: the file could not be read; nothing to choose from
     * @param {{roles: object, attributes: object}} choice
     * @param {{table: string, alone: boolean}} file which table the file is, and whether it is
     *   the run's only file (a customers table alone may have no id column)
     */
    show(inspection, choice, { table, alone }) {
      selects = { roles: new Map(), attributes: new Map() };
      const header = inspection?.header ?? [];
      const customers = table === Table.CUSTOMERS;
      rolesLegend.textContent = customers ? strings.mapping.customerTableRolesHeading : strings.mapping.rolesHeading;
      roleList.replaceChildren(...(inspection?.roles ?? []).map((entry) => {
        const role = roleOf(entry);
        return choiceField('roles', role, {
          label: roleLabel(role),
          // The amount's need depends on quantity and unit price: the check below says so.
          required: entry.required && role !== 'amount',
          source: entry.source,
          namedColumn: entry.column,
          help: customers ? strings.mapping.customerTableIdHelp[alone ? 'alone' : 'joined'] : strings.mapping.roleHelp[role],
          noIdOption: customers && alone && role === 'customer_id',
        }, header, choice.roles[role] ?? '');
      }));
      const attributes = inspection?.attributes ?? [];
      attributeGroup.hidden = attributes.length === 0;
      attributeList.replaceChildren(...attributes.map(({ field, source, column, otherFile }) =>
        choiceField('attributes', field, { label: attributeLabel(field), required: false, source, namedColumn: column, otherFile },
          header, choice.attributes[field] ?? '')));
    },
  };
}
