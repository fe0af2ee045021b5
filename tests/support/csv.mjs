// CSV as the core writes it (UTF-8, optional BOM, CRLF, RFC 4180 quotes) and as DuckDB and psql
// write it, read into rows of strings: the one CSV reader of the tests (sql, e2e).

/** The records of `text`, each an array of fields. */
export function parseCsv(text) {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** {header, rows: [{column: value}]} of a CSV text with a header row. */
export function csvTable(text) {
  const [header, ...records] = parseCsv(text);
  return { header, rows: records.map((record) => Object.fromEntries(header.map((name, i) => [name, record[i] ?? ''])) ) };
}
