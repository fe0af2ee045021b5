// Number and text formatting for every view, in the locale of the strings.

import { strings } from './strings.js';

/**
 * A formatter for the locale of the strings on screen, made again when the language changes
 * (Intl formatters are costly to make, and the page formats thousands of cells).
 * @template T
 * @param {(locale: string) => T} make
 * @returns {() => T}
 */
function perLocale(make) {
  let locale = null;
  let made = null;
  return () => {
    if (locale !== strings.locale) {
      locale = strings.locale;
      made = make(locale);
    }
    return made;
  };
}

const integerFormat = perLocale((locale) => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }));
const moneyFormat = perLocale((locale) => new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
const percentFormat = perLocale((locale) => new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }));
const wholePercentFormat = perLocale((locale) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }));
const plainNumberFormat = perLocale((locale) => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }));
const compactFormat = perLocale((locale) => new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }));
const parameterFormat = perLocale((locale) => new Intl.NumberFormat(locale, { maximumSignificantDigits: 4 }));
const threeDecimalsFormat = perLocale((locale) => new Intl.NumberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 }));

/** 1234567 → "1,234,567" */
export const formatInteger = (n) => integerFormat().format(n);

/** 1234.5 → "1,234.50" (no currency sign: the file does not say which currency). */
export const formatMoney = (n) => moneyFormat().format(n);

/** 0.1857 → "18.6%" */
export const formatShare = (share) => percentFormat().format(share);

/** 0.2 → "20%", for chart axes. */
export const formatWholePercent = (share) => wholePercentFormat().format(share);

/** A breakpoint or other measured number: up to two decimals, thousands separated. */
export const formatNumber = (n) => plainNumberFormat().format(n);

/** 12345 → "12.3K", for chart axes whose values span several powers of ten. */
export const formatCompact = (n) => compactFormat().format(n);

/** A fitted model's parameter: four significant digits (0.008269, 514,400). */
export const formatParameter = (n) => parameterFormat().format(n);

/** 0.5518 → "0.552" (silhouettes). */
export const formatDecimals3 = (n) => threeDecimalsFormat().format(n);

/** `format`, except that a missing number (NaN, null) is shown as an empty cell. */
export const formatOrBlank = (format) => (n) => (Number.isFinite(n) ? format(n) : '');

const byteUnits = [
  [1e9, 'gigabyte'],
  [1e6, 'megabyte'],
  [1e3, 'kilobyte'],
  [1, 'byte'],
];
const byteFormats = perLocale((locale) => new Map(byteUnits.map(([, unit]) => [unit, new Intl.NumberFormat(locale, {
  style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: unit === 'byte' ? 0 : 1,
})])));

/** 47100511 → "47.1 MB" */
export function formatBytes(n) {
  const [size, unit] = byteUnits.find(([size]) => n >= size) ?? byteUnits.at(-1);
  return byteFormats().get(unit).format(n / size);
}

const listFormat = perLocale((locale) => new Intl.ListFormat(locale, { type: 'conjunction' }));

/** ["a", "b", "c"] → "a, b, and c" */
export const formatList = (items) => listFormat().format(items);

/** "," → "comma"; else the engine's name for it, else the character itself, quoted. */
export const describeDelimiter = (delimiter, engineName) => strings.delimiters[delimiter] ?? engineName ?? `“${delimiter}”`;

/** How dates with the year last are read (and how that was found), or that there are none. */
export function describeDateOrder(input) {
  if (input.date_order_source === 'no dates with the year last') return strings.dateOrderNotNeeded;
  return `${strings.dateOrderNames[input.date_order] ?? input.date_order} (${input.date_order_source})`;
}

/** "orders.csv" → "orders", for naming downloads after the input. */
export function baseName(fileName) {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(0, dot) : fileName || 'tierlens';
}
