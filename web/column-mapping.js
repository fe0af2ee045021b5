// The columns of a file and the user's choice of a column for each role: what makes a choice
// complete, and how it is kept in the policy (core/POLICY.md: `columns` for the orders,
// `customer_table.customer_id` for the customers table, `attributes` for both), so that the
// next files with the same headers are read the same way. No DOM: the page, its worker, the
// mapping step and the tests share it.

import { Table } from './protocol.js';

/** Every column role of an orders file, in the order the policy lists them. */
export const ROLES = ['customer_id', 'order_id', 'date', 'amount', 'quantity', 'unit_price'];

/** Roles that always need a column; `amount` needs one unless quantity and unit price have. */
export const ALWAYS_REQUIRED = ['customer_id', 'date'];

/**
 * The customer id chosen for a customers table read alone that has no id column: each row is
 * one customer, named "row N" (the policy says `customer_table.customer_id: ""`). Not a header
 * name any file has.
 */
export const NO_ID_COLUMN = '\u0000no id column';

const isNamed = (column) => typeof column === 'string' && column !== '';

/**
 * Whether the policy names the columns itself, i.e. the user confirmed a mapping before: a
 * customer id and a date, and an amount or both quantity and unit price.
 */
export function policyNamesColumns(policy) {
  const columns = policy?.columns ?? {};
  return ALWAYS_REQUIRED.every((role) => isNamed(columns[role]))
    && (isNamed(columns.amount) || (isNamed(columns.quantity) && isNamed(columns.unit_price)));
}

/**
 * Whether the policy names the columns of `table`: for the customers table its id column, or
 * "no id column" when it is read `alone` (joined to orders it needs one).
 */
export function policyNamesTable(policy, table, alone) {
  if (table !== Table.CUSTOMERS) return policyNamesColumns(policy);
  const id = policy?.customer_table?.customer_id;
  return isNamed(id) || (alone && id === '');
}

/**
 * The header's own spelling of `column`, or '' when the header has no such column. Names are
 * matched as the core matches them: exactly, else trimmed and ignoring ASCII case.
 */
export function findColumn(header, column) {
  if (!isNamed(column)) return '';
  if (header.includes(column)) return column;
  const wanted = column.trim().toLowerCase();
  return header.find((name) => name.trim().toLowerCase() === wanted) ?? '';
}

/** The role an inspection's `roles` entry is about (the engine calls it `field`). */
export const roleOf = (entry) => entry.role ?? entry.field;

/**
 * The choice an inspection proposes: `{table, roles: {role: column}, attributes: {field:
 * column}}`, '' for none. A column the policy names but the header lacks is not proposed.
 */
export function proposedChoice(inspection) {
  const pick = (column) => findColumn(inspection.header, column);
  return {
    table: inspection.table ?? Table.ORDERS,
    roles: Object.fromEntries(inspection.roles.map((entry) =>
      [roleOf(entry), entry.noIdColumn ? NO_ID_COLUMN : pick(entry.column)])),
    attributes: Object.fromEntries(inspection.attributes.map(({ field, column }) => [field, pick(column)])),
  };
}

/**
 * The proposal of a new inspection of the same file as the same table (read another way),
 * keeping what the user chose before wherever the new header still has that column.
 */
export function carriedChoice(previous, inspection) {
  const proposed = proposedChoice(inspection);
  const keep = (group) => {
    for (const key of Object.keys(proposed[group])) {
      const before = previous?.[group]?.[key];
      const earlier = before === NO_ID_COLUMN ? before : findColumn(inspection.header, before);
      if (earlier) proposed[group][key] = earlier;
    }
  };
  keep('roles');
  keep('attributes');
  return proposed;
}

/**
 * What keeps one file's choice from being classified, [] when nothing does:
 * `{kind: 'missing', role}` a required role has no column; `{kind: 'amount'}` neither an
 * amount nor both quantity and unit price; `{kind: 'shared', column, roles}` one column for
 * two or more roles.
 */
export function choiceProblems(choice) {
  const roles = choice.roles;
  if (choice.table === Table.CUSTOMERS) return roles.customer_id ? [] : [{ kind: 'missing', role: 'customer_id' }];
  const problems = ALWAYS_REQUIRED.filter((role) => !roles[role]).map((role) => ({ kind: 'missing', role }));
  if (!roles.amount && !(roles.quantity && roles.unit_price)) problems.push({ kind: 'amount' });
  const rolesOf = new Map();
  for (const [role, column] of Object.entries(roles)) {
    if (column) rolesOf.set(column, [...(rolesOf.get(column) ?? []), role]);
  }
  for (const [column, sharing] of rolesOf) {
    if (sharing.length > 1) problems.push({ kind: 'shared', column, roles: sharing });
  }
  return problems;
}

/**
 * What keeps the choices of two files from going into one policy: `{kind: 'attribute',
 * field, columns}` an attribute given a different column in each file (the policy names one
 * header per attribute, for both files).
 */
export function choicesConflicts(choices) {
  const columnsOf = new Map();
  for (const { attributes } of choices) {
    for (const [field, column] of Object.entries(attributes)) {
      if (column) columnsOf.set(field, new Set([...(columnsOf.get(field) ?? []), column]));
    }
  }
  return [...columnsOf].filter(([, columns]) => columns.size > 1)
    .map(([field, columns]) => ({ kind: 'attribute', field, columns: [...columns] }));
}

/**
 * Writes the choices of one run's files into `policy` (in place). An orders choice names every
 * role, '' where the file has no such column; a customers table's choice names its id column
 * ('' for none). The attribute columns chosen in either file are named (they must agree, see
 * choicesConflicts); an attribute left without a column in every file is not named, so it is
 * guessed as before (the policy has no way to say "none" for an attribute).
 * @param {object} policy
 * @param {...{table?: string, roles: object, attributes: object}} choices `table` orders by default
 */
export function writeChoice(policy, ...choices) {
  const attributes = { ...(policy.attributes ?? {}) };
  for (const field of new Set(choices.flatMap((choice) => Object.keys(choice.attributes)))) delete attributes[field];
  for (const choice of choices) {
    if (choice.table === Table.CUSTOMERS) {
      const id = choice.roles.customer_id;
      policy.customer_table = { ...(policy.customer_table ?? {}), customer_id: id === NO_ID_COLUMN ? '' : id };
    } else {
      const roles = [...new Set([...ROLES, ...Object.keys(choice.roles)])];
      policy.columns = Object.fromEntries(roles.map((role) => [role, choice.roles[role] ?? '']));
    }
    for (const [field, column] of Object.entries(choice.attributes)) if (column) attributes[field] = column;
  }
  policy.attributes = attributes;
}

/** `policy` without the columns it names, so that the engine guesses them all. */
export function withoutFileColumns(policy) {
  return {
    ...policy,
    columns: Object.fromEntries(ROLES.map((role) => [role, null])),
    customer_table: { customer_id: null },
    attributes: {},
  };
}

/**
 * An inspection under a policy whose named columns this file lacks proposes nothing for them;
 * `guessed` (the same file inspected without them) fills those in, so the user starts from the
 * engine's guesses. The problem stays the first inspection's: it says what the policy misses.
 */
export function fillInGuesses(inspection, guessed) {
  const fill = (entries, guesses, key) => entries.map((entry) => {
    if (entry.column !== null && entry.column !== undefined) return entry;
    return guesses.find((guess) => key(guess) === key(entry)) ?? entry;
  });
  return {
    ...inspection,
    roles: fill(inspection.roles, guessed.roles, roleOf),
    attributes: fill(inspection.attributes, guessed.attributes, (entry) => entry.field),
  };
}

/**
 * A preset that names no columns takes over the columns of the policy it replaces: they say
 * how the user's files are laid out, not how customers are classified.
 * @returns {object} `next`, changed in place
 */
export function keepFileColumns(previous, next) {
  const given = (column) => column !== null && column !== undefined;
  const namesAny = (policy) => Object.values(policy?.columns ?? {}).some(given) || given(policy?.customer_table?.customer_id);
  if (!previous || namesAny(next) || !namesAny(previous)) return next;
  next.columns = { ...previous.columns };
  if (previous.customer_table) next.customer_table = { ...previous.customer_table };
  next.attributes = { ...(previous.attributes ?? {}), ...(next.attributes ?? {}) };
  return next;
}
