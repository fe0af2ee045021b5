// The page's downloads beside the customers CSV, end to end in headless Chromium: the customers
// workbook (.xlsx), the summary and the policy (JSON). The workbook is read with SheetJS (the
// `xlsx` package), a reader that is not ours: its Customers and Skipped rows sheets must be the
// downloaded CSVs row for row, its cells typed (numbers, dates, text). The JSON files must be
// what the engine says for the same run, and the same bytes the CLI writes. Text that looks like
// a formula is neutralised in the CSV (an apostrophe) and a plain string in the workbook.
//
// Run: node --test tests/e2e/   (needs web/dist/ built, the native CLI, and /usr/bin/chromium)

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, test } from 'node:test';

import XLSX from 'xlsx';

import { classifyWithCli, writeSampleWithCli } from '../support/cli.mjs';
import { parseCsv } from '../support/csv.mjs';
import { cliPath } from '../support/paths.mjs';
import { classifySample, loadReferenceEngine, SAMPLE_FILE_NAME } from './engine-reference.mjs';
import { chooseFile, download, openPage, waitUntilSettled } from './page-driver.mjs';
import { assertStayedOnOrigin, browserSuite } from './suite.mjs';

const noCli = existsSync(cliPath) ? false : `no native CLI at ${cliPath} (bash scripts/build.sh native)`;
const SAMPLE_BASE = SAMPLE_FILE_NAME.replace(/\.csv$/, '');
/** Columns whose cells are dates in the workbook (shown as YYYY-MM-DD, as the CSV has them). */
const DATE_COLUMNS = new Set(['first_order', 'last_order']);
/** The first character of a text the CSV writer guards with an apostrophe (csv_writer.h). */
const FORMULA_START = /^[=+\-@\t\r]/;

const suite = browserSuite('downloads');
let engine;
before(async () => { engine = await loadReferenceEngine(); });

/** A downloaded CSV (UTF-8 with BOM, CRLF, as the engine writes it) into rows of fields. */
const csvRows = (bytes) => parseCsv(bytes.toString('utf8'));

/** What a CSV text cell holds once the writer's formula guard is taken off. */
const unguarded = (text) => (text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text);

/**
 * A sheet is the CSV row for row: the same header, every text cell a string cell with the same
 * text, every number a numeric cell of the same value, every date a date cell shown as the
 * CSV's YYYY-MM-DD, every empty field no cell at all. No cell is a formula.
 */
function assertSheetIsCsv(sheet, csv, what) {
  const range = XLSX.utils.decode_range(sheet['!ref']);
  assert.equal(range.e.r + 1, csv.length, `${what}: rows`);
  const header = csv[0];
  for (let r = 0; r < csv.length; r += 1) {
    assert.equal(range.e.c + 1, csv[r].length, `${what}: columns of row ${r + 1}`);
    for (let c = 0; c < csv[r].length; c += 1) {
      const where = `${what}: ${XLSX.utils.encode_cell({ r, c })} (${header[c]})`;
      const cell = sheet[XLSX.utils.encode_cell({ r, c })];
      const want = csv[r][c];
      if (want === '') {
        assert.equal(cell, undefined, `${where}: an empty field is no cell`);
        continue;
      }
      assert.ok(cell, `${where}: missing`);
      assert.equal(cell.f, undefined, `${where}: a formula`);
      if (cell.t === 's') {
        assert.equal(cell.v, unguarded(want), where);
      } else if (r > 0 && DATE_COLUMNS.has(header[c])) {
        assert.equal(cell.t, 'n', where);
        assert.equal(cell.w, want, `${where}: the date as shown`);
      } else {
        assert.equal(cell.t, 'n', where);
        assert.equal(cell.v, Number(want), where);
      }
    }
  }
}

test('the sample\'s workbook, summary and policy: the CSVs as typed sheets, the engine\'s JSON, the CLI\'s bytes', async () => {
  await openPage(suite.page, suite.server.url);
  await suite.page.click('#sample-button');
  const { state, error } = await waitUntilSettled(suite.page);
  assert.equal(state, 'done', error);

  const csv = await download(suite.page, '#download-customers');
  const skipped = await download(suite.page, '#download-skipped');
  const workbook = await download(suite.page, '#download-customers-xlsx');
  const summary = await download(suite.page, '#download-summary');
  const policy = await download(suite.page, '#download-policy');
  assert.deepEqual([workbook.name, summary.name, policy.name],
    [`${SAMPLE_BASE}-classified.xlsx`, `${SAMPLE_BASE}-summary.json`, `${SAMPLE_BASE}-policy.json`]);

  const book = XLSX.read(workbook.bytes, { type: 'buffer', cellFormula: true });
  assert.deepEqual(book.SheetNames, ['Customers', 'Segments', 'Tiers', 'Dimensions', 'Skipped rows']);
  const customerRows = csvRows(csv.bytes);
  assert.ok(customerRows.length > 100);
  assertSheetIsCsv(book.Sheets.Customers, customerRows, 'Customers');
  assertSheetIsCsv(book.Sheets['Skipped rows'], csvRows(skipped.bytes), 'Skipped rows');

  // The JSON files are the engine's, for the same run under the page's default policy.
  classifySample(engine, null);
  assert.equal(summary.bytes.toString('utf8'), engine.summaryJson());
  assert.equal(policy.bytes.toString('utf8'), engine.policyJson());
  const parsedSummary = JSON.parse(summary.bytes.toString('utf8'));
  assert.deepEqual(JSON.parse(policy.bytes.toString('utf8')), parsedSummary.policy);
  assert.ok(Buffer.from(engine.customersXlsx()).equals(workbook.bytes), 'the workbook differs from the engine’s');

  // The summary sheets say what the summary says.
  const segments = XLSX.utils.sheet_to_json(book.Sheets.Segments);
  assert.deepEqual(segments.map(({ segment, customers, customer_share, revenue, revenue_share }) =>
    ({ segment, customers, customer_share, revenue, revenue_share })),
  parsedSummary.segments.map(({ segment, customers, customer_share, revenue, revenue_share }) =>
    ({ segment, customers, customer_share, revenue, revenue_share })));
  const tiers = XLSX.utils.sheet_to_json(book.Sheets.Tiers);
  assert.deepEqual(tiers.map(({ tier, rule, customers, service_level }) => ({ tier, rule, customers, service_level })),
    parsedSummary.tiers.map(({ name, rule, customers, strategy }) =>
      ({ tier: name, rule, customers, service_level: strategy.service_level })));

  // And the CLI writes the same bytes for the same file.
  if (!noCli) {
    const cli = classifyWithCli(writeSampleWithCli());
    assert.ok(cli.customersXlsx.equals(workbook.bytes), 'the workbook differs from the CLI’s customers.xlsx');
    assert.equal(summary.bytes.toString('utf8'), cli.summaryJson);
    assert.equal(policy.bytes.toString('utf8'), cli.policyJson);
  }
});

test('text that looks like a formula: apostrophe-guarded in the CSV, a plain string cell in the workbook', async () => {
  const file = path.join(suite.scratch, 'formulas.csv');
  await writeFile(file, [
    'customer_id,customer_name,order_date,amount',
    '+1,"=HYPERLINK(""http://x"")",2025-01-02,10',
    '-2,=1+2,2025-01-03,20',
    '@SUM(A1),@SUM(A1),2025-01-04,30',
    'C4,plain,2025-01-05,40',
  ].join('\n') + '\n');
  await openPage(suite.page, suite.server.url);
  await chooseFile(suite.page, file);
  const { state, error } = await waitUntilSettled(suite.page);
  assert.equal(state, 'done', error);

  const csv = await download(suite.page, '#download-customers');
  const lines = csv.bytes.toString('utf8').replace(/^\uFEFF/, '').split('\r\n');
  assert.ok(lines[1].startsWith(`"'+1","'=HYPERLINK(""http://x"")",`), lines[1]);
  assert.ok(lines[2].startsWith(`"'-2","'=1+2",`), lines[2]);
  assert.ok(lines[3].startsWith(`"'@SUM(A1)","'@SUM(A1)",`), lines[3]);
  assert.ok(lines[4].startsWith('C4,plain,'), lines[4]);

  const workbook = await download(suite.page, '#download-customers-xlsx');
  const sheet = XLSX.read(workbook.bytes, { type: 'buffer', cellFormula: true }).Sheets.Customers;
  const expected = { A2: '+1', B2: '=HYPERLINK("http://x")', A3: '-2', B3: '=1+2', A4: '@SUM(A1)', B4: '@SUM(A1)' };
  for (const [address, text] of Object.entries(expected)) {
    assert.equal(sheet[address].t, 's', `${address}: a string cell`);
    assert.equal(sheet[address].v, text, address);
    assert.equal(sheet[address].f, undefined, `${address}: no formula`);
  }
  assertSheetIsCsv(sheet, csvRows(csv.bytes), 'Customers');
});

test('every request stayed on the page\'s origin, and the page threw nothing', () => {
  assertStayedOnOrigin(suite);
});
