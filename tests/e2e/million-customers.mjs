// An orders file of a million customers, written on the spot for the customer table's test,
// whose answers the test knows from the same formulas, not from the engine: every customer's
// id, name and net amount. One or two rows per customer, about 40 MB.
//
//   customer i (1 … count): id C0000001 …, one order on 2024-01-01 + (i mod 360) days of
//   amountCents(i); every third customer a second order 30 days later of secondCents(i).
//   Customer 777,777 spent 9,999,999.99 at once: the largest amount by far.
//   Names: every thousandth customer from the 7th (i mod 1000 = 7) is "华盛贸易 i", every tenth
//   from the 1st (i mod 10 = 1) "Trader i", the others have none.

import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export const RICHEST = 777_777;

export const customerId = (i) => `C${String(i).padStart(7, '0')}`;

export function customerName(i) {
  if (i % 1000 === 7) return `华盛贸易 ${i}`;
  if (i % 10 === 1) return `Trader ${i}`;
  return '';
}

/** The first order's amount in cents. */
const amountCents = (i) => (i === RICHEST ? 999_999_999 : ((i * 7919) % 99_991) * 100 + (i % 100) + 100);
/** The second order's amount in cents (every third customer has one). */
const secondCents = (i) => (i % 3 === 0 ? ((i * 104_729) % 49_999) * 100 + 50 : 0);

/** Customer i's net amount, in cents. */
export const monetaryCents = (i) => amountCents(i) + secondCents(i);

const DAY_MS = 86_400_000;
const START = Date.UTC(2024, 0, 1);
const DAYS = Array.from({ length: 390 }, (_, offset) => new Date(START + offset * DAY_MS).toISOString().slice(0, 10));
const money = (cents) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

/** Writes the orders of customers 1 … `count` (with a header) to `file`. */
export async function writeMillionCustomersCsv(file, count = 1_000_000) {
  const out = createWriteStream(file);
  out.write('CustomerID,CustomerName,InvoiceDate,Amount\n');
  const batch = 20_000;
  for (let start = 1; start <= count; start += batch) {
    let text = '';
    for (let i = start; i < Math.min(start + batch, count + 1); i++) {
      const id = customerId(i);
      const name = customerName(i);
      text += `${id},${name},${DAYS[i % 360]},${money(amountCents(i))}\n`;
      if (i % 3 === 0) text += `${id},${name},${DAYS[(i % 360) + 30]},${money(secondCents(i))}\n`;
    }
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
