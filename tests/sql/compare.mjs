// The SQL engines' customers against the core's customers.csv: customer by customer, column by
// column. Labels, ids and dates must be equal as text; integers exactly; monetary to the
// micro-unit; the CLV figures to the precision customers.csv prints them with.
import assert from 'node:assert/strict';

/** A decimal text as an exact count of micro-units (BigInt); null for an empty cell. */
export function micros(text) {
  if (text === '' || text === null || text === undefined) return null;
  const match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(String(text).trim());
  assert.ok(match, `not a decimal: ${text}`);
  const fraction = (match[3] ?? '').padEnd(6, '0');
  assert.ok(/^0*$/.test(fraction.slice(6)), `more than 6 decimals: ${text}`);
  const value = BigInt(match[2] || '0') * 1000000n + BigInt(fraction.slice(0, 6) || '0');
  return match[1] === '-' ? -value : value;
}

/** Columns compared as numbers within half a unit of the last decimal customers.csv prints. */
const ROUNDED = { p_alive: 4, expected_purchases: 4, expected_spend: 2, clv: 2, historical_clv: 2 };
const INTEGERS = new Set(['recency', 'frequency', 'r_score', 'f_score', 'm_score', 'fm_score']);

function sameCell(column, core, sql) {
  if (column in ROUNDED) {
    if (core === '' || sql === '') return core === sql;
    const tolerance = 0.5 * 10 ** -ROUNDED[column] + 1e-9 * Math.max(1, Math.abs(Number(core)));
    return Math.abs(Number(core) - Number(sql)) <= tolerance;
  }
  if (column === 'monetary') return micros(core) === micros(sql);
  if (INTEGERS.has(column)) return core !== '' && sql !== '' && BigInt(core) === BigInt(sql);
  return core === sql;
}

/**
 * Asserts that `sqlTable` ({header, rows}) holds the customers of `coreTable` with the same
 * columns and values. Answers the number of customers compared.
 */
export function assertSameCustomers(coreTable, sqlTable, context) {
  assert.deepEqual(sqlTable.header, coreTable.header, `${context}: the columns`);
  const byId = new Map(sqlTable.rows.map((row) => [row.customer_id, row]));
  assert.equal(byId.size, sqlTable.rows.length, `${context}: a customer id twice in the SQL output`);
  assert.equal(sqlTable.rows.length, coreTable.rows.length, `${context}: the number of customers`);
  const differences = [];
  for (const core of coreTable.rows) {
    const sql = byId.get(core.customer_id);
    if (!sql) {
      differences.push(`${core.customer_id}: missing from the SQL output`);
      continue;
    }
    for (const column of coreTable.header) {
      if (!sameCell(column, core[column], sql[column] ?? '')) {
        differences.push(`${core.customer_id}.${column}: core ${JSON.stringify(core[column])}, SQL ${JSON.stringify(sql[column])}`);
      }
    }
  }
  assert.deepEqual(differences.slice(0, 20), [], `${context}: ${differences.length} differences`);
  return coreTable.rows.length;
}
