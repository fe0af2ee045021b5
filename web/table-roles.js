// Which of a run's files is which table (PRODUCT.md §3: an orders file, a customers table, or
// both, joined on the customer id), told from their first rows. No DOM: the worker runs it
// over the engine's inspections, and the tests call it directly.
//
// One file is the orders unless, read as orders, it has no date or no amount column even by
// the engine's guesses while, read as a customers table, it has its customer id: then it is
// a customers table read alone. Of two files the one that reads better as orders (fewer
// required roles without a column) is the orders file, and the other the customers table.

import { fillInGuesses, findColumn, roleOf, withoutFileColumns } from './column-mapping.js';
import { Table } from './protocol.js';

/**
 * The engine's name for the tables of a run (`begin`'s `tables`).
 * @param {{orders: any, customers: any}} parts each null when the run has no such table
 */
export function tablesOf({ orders, customers }) {
  if (orders && customers) return 'orders_and_customers';
  return customers ? 'customers' : 'orders';
}

/**
 * The required roles an inspection has no column for, even by the engine's guesses:
 * `customer_id`, `date`, `amount` (an amount, or quantity and unit price).
 */
export function missingRoles(inspection) {
  const column = Object.fromEntries(inspection.roles.map((entry) =>
    [roleOf(entry), entry.noIdColumn ? true : Boolean(entry.column)]));
  const missing = ['customer_id', 'date'].filter((role) => role in column && !column[role]);
  const table = inspection.table ?? Table.ORDERS;
  if (table === Table.ORDERS && !column.amount && !(column.quantity && column.unit_price)) missing.push('amount');
  return missing;
}

/**
 * Inspects the files of one run, telling which table each is when the caller does not say.
 * @param {Array<{name: string, role: string|null, inspect: (table: string, policy: object|null) => object}>} files
 *   one or two; `inspect` answers the engine's inspection of the file as that table under
 *   that policy, and throws when the file cannot be read so
 * @param {object|null} policy
 * @returns {Array<{role: string, inspection: object|null, error: string|null}>} in the order given
 */
export function inspectTables(files, policy) {
  const alone = files.length === 1;
  const as = (file, table) => inspectAs(file, table, policy, alone);
  let results;
  if (files.every((file) => file.role)) {
    results = files.map((file) => as(file, file.role));
  } else if (alone) {
    const orders = as(files[0], Table.ORDERS);
    const customers = orders.inspection && lacksOrderColumns(orders.inspection) ? as(files[0], Table.CUSTOMERS) : null;
    results = [customers?.inspection && missingRoles(customers.inspection).length === 0 ? customers : orders];
  } else {
    const asOrders = files.map((file) => as(file, Table.ORDERS));
    const ordersAt = readsBetterAsOrders(asOrders[1], asOrders[0]) ? 1 : 0;
    results = files.map((file, i) => (i === ordersAt ? asOrders[i] : as(file, Table.CUSTOMERS)));
  }
  if (alone) return results;
  return results.map((result, i) => withAttributesOfTheOtherFile(files[i], result, results[1 - i], policy));
}

const lacksOrderColumns = (inspection) => missingRoles(inspection).some((role) => role === 'date' || role === 'amount');

/** Whether `a` reads better as orders than `b`: fewer roles without a column, else no problem. */
function readsBetterAsOrders(a, b) {
  const score = ({ inspection }) => (inspection
    ? [missingRoles(inspection).length, inspection.problem === null ? 0 : 1]
    : [Infinity, 1]);
  const [sa, sb] = [score(a), score(b)];
  return sa[0] < sb[0] || (sa[0] === sb[0] && sa[1] < sb[1]);
}

/**
 * One file as `table`, under the policy as it applies to that table: a customers table joined
 * to orders needs its id column, so the policy's "no id column" is then a guess. Columns the
 * policy names but the file lacks are proposed as the engine guesses them.
 */
function inspectAs(file, table, policy, alone) {
  const noIdColumn = table === Table.CUSTOMERS && policy?.customer_table?.customer_id === '';
  const tablePolicy = noIdColumn && !alone ? { ...policy, customer_table: { customer_id: null } } : policy;
  try {
    let inspection = file.inspect(table, tablePolicy);
    if (inspection.problem !== null && tablePolicy) {
      inspection = fillInGuesses(inspection, file.inspect(table, withoutFileColumns(tablePolicy)));
    }
    if (noIdColumn && alone && inspection.problem === null) {
      inspection.roles = inspection.roles.map((entry) =>
        (roleOf(entry) === 'customer_id' ? { ...entry, source: 'named', noIdColumn: true } : entry));
    }
    return { role: table, inspection: { table, ...inspection }, error: null };
  } catch (thrown) {
    return { role: table, inspection: null, error: thrown.message };
  }
}

/**
 * The policy names one column per attribute for both files, and a run finds it in either
 * (core/POLICY.md): a column only the other file has is no problem for this one. The file is
 * then inspected without those attributes, and they are shown as found in the other file.
 */
function withAttributesOfTheOtherFile(file, result, other, policy) {
  if (!result.inspection?.problem || !other.inspection || !policy?.attributes) return result;
  const { header } = result.inspection;
  const elsewhere = Object.entries(policy.attributes)
    .filter(([, column]) => column && !findColumn(header, column) && findColumn(other.inspection.header, column))
    .map(([field]) => field);
  if (elsewhere.length === 0) return result;
  const attributes = Object.fromEntries(Object.entries(policy.attributes).filter(([field]) => !elsewhere.includes(field)));
  const again = inspectAs(file, result.role, { ...policy, attributes }, false);
  if (!again.inspection) return result;
  const otherFile = { column: null, source: 'other_file', otherFile: other.inspection.input?.file_name ?? '', required: false };
  const listed = again.inspection.attributes.map((entry) =>
    (elsewhere.includes(entry.field) ? { field: entry.field, ...otherFile } : entry));
  const unlisted = elsewhere.filter((field) => !listed.some((entry) => entry.field === field))
    .map((field) => ({ field, ...otherFile }));
  again.inspection.attributes = [...listed, ...unlisted];
  return again;
}
