// Number formatting for the dashboard's chart options and text tables. The chart modules are
// pure functions of (data, summary, strings), run on the page and by the HTML report's writer
// alike, so they format with the locale of the `strings` they are given, never with the page's
// current language.

const cache = new Map(); // `${locale} ${kind}` → Intl.NumberFormat

const OPTIONS = {
  integer: { maximumFractionDigits: 0 },
  money: { minimumFractionDigits: 2, maximumFractionDigits: 2 },
  share: { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 },
  wholeShare: { style: 'percent', maximumFractionDigits: 0 },
  compact: { notation: 'compact', maximumFractionDigits: 1 },
};

function format(strings, kind, n) {
  const key = `${strings.locale} ${kind}`;
  if (!cache.has(key)) cache.set(key, new Intl.NumberFormat(strings.locale, OPTIONS[kind]));
  return cache.get(key).format(n);
}

/**
 * The formatters for the language of `strings`.
 * @param {{locale: string}} strings
 */
export function formatsFor(strings) {
  return {
    /** 1234567 → "1,234,567" */
    integer: (n) => format(strings, 'integer', n),
    /** 1234.5 → "1,234.50" (no currency sign: the file does not say which currency) */
    money: (n) => format(strings, 'money', n),
    /** 0.1857 → "18.6%" */
    share: (n) => format(strings, 'share', n),
    /** 0.2 → "20%", for axes */
    wholeShare: (n) => format(strings, 'wholeShare', n),
    /** 12345 → "12.3K" (zh-CN: "1.2万"), for axes */
    compact: (n) => format(strings, 'compact', n),
  };
}
