// The columns of an orders file and the user's choice of a column for each role: what makes a
// choice complete, and how it is kept in the policy (core/POLICY.md, `columns` and
// `attributes`), so that the next file with the same headers is read the same way.
// No DOM: the page, the mapping step and the tests share it.

/** Every column role, in the order the policy lists them. */
export const ROLES = ['customer_id', 'order_id', 'date', 'amount', 'quantity', 'unit_price'];

/** Roles that always need a column; `amount` needs one unless quantity and unit price have. */
export const ALWAYS_REQUIRED = ['customer_id', 'date'];

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
 * The choice an inspection proposes: `{roles: {role: column}, attributes: {field: column}}`,
 * '' for none. A column the policy names but the header lacks is not proposed.
 */
export function proposedChoice(inspection) {
  const pick = (column) => findColumn(inspection.header, column);
  return {
    roles: Object.fromEntries(inspection.roles.map((entry) => [roleOf(entry), pick(entry.column)])),
    attributes: Object.fromEntries(inspection.attributes.map(({ field, column }) => [field, pick(column)])),
  };
}

/**
 * The proposal of a new inspection of the same file (read another way), keeping what the user
 * chose before wherever the new header still has that column.
 */
export function carriedChoice(previous, inspection) {
  const proposed = proposedChoice(inspection);
  const keep = (group) => {
    for (const key of Object.keys(proposed[group])) {
      const earlier = findColumn(inspection.header, previous?.[group]?.[key]);
      if (earlier) proposed[group][key] = earlier;
    }
  };
  keep('roles');
  keep('attributes');
  return proposed;
}

/**
 * What keeps a choice from being classified, [] when nothing does:
 * `{kind: 'missing', role}` a required role has no column; `{kind: 'amount'}` neither an
 * amount nor both quantity and unit price; `{kind: 'shared', column, roles}` one column for
 * two or more roles.
 */
export function choiceProblems(choice) {
  const roles = choice.roles;
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
 * Writes a choice into `policy` (in place): every role, '' where the file has no such column;
 * the attribute columns chosen. An attribute left without a column is not named, so it is
 * guessed as before (the policy has no way to say "none" for an attribute).
 */
export function writeChoice(policy, choice) {
  const roles = [...new Set([...ROLES, ...Object.keys(choice.roles)])];
  policy.columns = Object.fromEntries(roles.map((role) => [role, choice.roles[role] ?? '']));
  const attributes = { ...(policy.attributes ?? {}) };
  for (const [field, column] of Object.entries(choice.attributes)) {
    if (column) attributes[field] = column;
    else delete attributes[field];
  }
  policy.attributes = attributes;
}

/** `policy` without the columns it names, so that the engine guesses them all. */
export function withoutFileColumns(policy) {
  return { ...policy, columns: Object.fromEntries(ROLES.map((role) => [role, null])), attributes: {} };
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
  const namesAny = (policy) => Object.values(policy?.columns ?? {}).some((column) => column !== null && column !== undefined);
  if (!previous || namesAny(next) || !namesAny(previous)) return next;
  next.columns = { ...previous.columns };
  next.attributes = { ...(previous.attributes ?? {}), ...(next.attributes ?? {}) };
  return next;
}
