// A large, valid orders file written on the spot, for the cancel test: big enough that the
// page is still reading it when Cancel is clicked.

import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** Writes `rows` order lines (plus a header) to `file`; about 45 bytes a row. */
export async function writeBigOrdersCsv(file, rows) {
  const out = createWriteStream(file);
  out.write('InvoiceNo,CustomerID,InvoiceDate,Quantity,UnitPrice\n');
  const batch = 10_000;
  for (let start = 0; start < rows; start += batch) {
    let text = '';
    for (let i = start; i < Math.min(start + batch, rows); i++) {
      const customer = 10_000 + ((i * 7919) % 50_000);
      const month = 1 + (i % 12);
      const day = 1 + (i % 28);
      text += `${600_000 + (i >> 2)},${customer},2023-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day},${1 + (i % 9)},${(1 + (i % 97)) / 4}\n`;
    }
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
