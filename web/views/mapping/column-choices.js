// One labelled drop-down per column role and per attribute field, listing the file's columns.
// Required roles offer "choose a column" until one is chosen; the others offer "none". Each
// change is one `onChange(choice)` with the whole choice.

import { roleOf } from '../../column-mapping.js';
import { el } from '../dom.js';
import { strings } from '../strings.js';

/** The name a role or attribute field goes by on screen. */
export const roleLabel = (role) => strings.mapping.roles[role] ?? role;
export const attributeLabel = (field) => strings.mapping.attributes[field] ?? field;

/** @param {{onChange: (choice: {roles: object, attributes: object}) => void}} handlers */
export function createColumnChoices({ onChange }) {
  const roleList = el('div', { class: 'choice-grid', 'data-testid': 'role-choices' });
  const attributeList = el('div', { class: 'choice-grid', 'data-testid': 'attribute-choices' });
  const attributeGroup = el('fieldset', { class: 'choice-group' },
    el('legend', { text: strings.mapping.attributesHeading }),
    el('p', { class: 'help', text: strings.mapping.attributesHelp }),
    attributeList);
  const root = el('div', { class: 'column-choices' },
    el('fieldset', { class: 'choice-group' },
      el('legend', { text: strings.mapping.rolesHeading }),
      roleList),
    attributeGroup);
  /** The selects by group and key, to read the whole choice back. */
  let selects = { roles: new Map(), attributes: new Map() };

  const choiceOf = () => ({
    roles: Object.fromEntries([...selects.roles].map(([role, select]) => [role, select.value])),
    attributes: Object.fromEntries([...selects.attributes].map(([field, select]) => [field, select.value])),
  });

  function choiceField(group, key, { label, required, source, namedColumn, help }, header, value) {
    const id = `${group === 'roles' ? 'role' : 'attribute'}-${key}`;
    const select = el('select', {
      id, 'data-testid': id, dataset: group === 'roles' ? { role: key } : { field: key },
      'aria-describedby': `${id}-help`,
    },
    el('option', { value: '', text: required ? strings.mapping.choose : strings.mapping.none }),
    ...header.map((name, i) => el('option', {
      value: name, text: name || strings.mapping.unnamedColumn(i + 1), disabled: name === '',
    })));
    select.value = value;
    select.addEventListener('change', () => onChange(choiceOf()));
    selects[group].set(key, select);
    const said = source === 'named' && namedColumn && !header.includes(namedColumn)
      ? strings.mapping.namedButAbsent(namedColumn)
      : strings.mapping.sources[source] ?? '';
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
     */
    show(inspection, choice) {
      selects = { roles: new Map(), attributes: new Map() };
      const header = inspection?.header ?? [];
      roleList.replaceChildren(...(inspection?.roles ?? []).map((entry) => {
        const role = roleOf(entry);
        return choiceField('roles', role, {
          label: roleLabel(role),
          // The amount's need depends on quantity and unit price: the check below says so.
          required: entry.required && role !== 'amount',
          source: entry.source,
          namedColumn: entry.column,
          help: strings.mapping.roleHelp[role],
        }, header, choice.roles[role] ?? '');
      }));
      const attributes = inspection?.attributes ?? [];
      attributeGroup.hidden = attributes.length === 0;
      attributeList.replaceChildren(...attributes.map(({ field, source, column }) =>
        choiceField('attributes', field, { label: attributeLabel(field), required: false, source, namedColumn: column },
          header, choice.attributes[field] ?? '')));
    },
  };
}
