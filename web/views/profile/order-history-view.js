// A customer's orders over time for the profile card: purchases per day as bars up, returns as
// bars down, placed by date. Hand-written SVG like the other charts; the table under it says
// the same day by day, so the chart itself is one labelled image to assistive technology.

import { linearScale } from '../chart-scale.js';
import { el, svg } from '../dom.js';
import { formatCompact, formatMoney } from '../format.js';
import { strings } from '../strings.js';

// Drawn at about the size it is shown (the panel is narrow), so text stays at its font size.
const WIDTH = 360;
const HEIGHT = 170;
const LEFT = 44; // the amount axis's labels
const RIGHT = 8;
const TOP = 8;
const BOTTOM = 22; // the first and last dates
const PLOT_WIDTH = WIDTH - LEFT - RIGHT;
const PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;
const MS_PER_DAY = 86_400_000;

/** Day number (days since 1970-01-01) → "2024-03-05". */
export const isoDay = (day) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

/**
 * @param {object|null} history `{kept, day, purchases, returns}` (TierLensEngine#customerHistory)
 * @returns {HTMLElement} the history section of the profile card
 */
export function orderHistorySection(history) {
  const heading = el('h5', { class: 'profile-heading', id: 'profile-history-heading', text: strings.profileHistoryHeading });
  const section = (...body) => el('section', { class: 'profile-history', 'data-testid': 'profile-history', 'aria-labelledby': 'profile-history-heading' }, heading, ...body);
  if (!history?.kept) {
    const text = history?.limitBytes ? strings.profileHistoryFileTooLarge(history.limitBytes / 2 ** 20) : strings.profileHistoryNotKept;
    return section(el('p', { class: 'muted small', 'data-testid': 'profile-history-not-kept', text }));
  }
  const days = [...history.day];
  if (days.length === 0) return section(el('p', { class: 'muted small', text: strings.profileHistoryEmpty }));
  return section(historyChart(history), historyTable(history));
}

function historyChart({ day, purchases, returns }) {
  const first = day[0];
  const span = day[day.length - 1] - first;
  const x = (d) => LEFT + (span === 0 ? PLOT_WIDTH / 2 : ((d - first) / span) * PLOT_WIDTH);
  // Bars as wide as the days allow, but always visible and never wider than a fat pencil.
  const barWidth = Math.max(2, Math.min(10, (PLOT_WIDTH / (span + 1)) * 0.8));
  const scale = linearScale(-Math.max(...returns), Math.max(...purchases), { includeZero: true, tickCount: 4 });
  const y = (value) => TOP + (1 - scale.position(value)) * PLOT_HEIGHT;

  const grid = scale.ticks.flatMap((tick) => [
    svg('line', { class: tick === 0 ? 'axis-line' : 'grid-line', x1: LEFT, x2: WIDTH - RIGHT, y1: y(tick), y2: y(tick) }),
    svg('text', { class: 'axis-label', x: LEFT - 4, y: y(tick), 'text-anchor': 'end', 'dominant-baseline': 'central' }, formatCompact(tick)),
  ]);
  const dates = [
    svg('text', { class: 'axis-label', x: LEFT, y: HEIGHT - 6, 'text-anchor': 'start' }, isoDay(first)),
    span === 0 ? null : svg('text', { class: 'axis-label', x: WIDTH - RIGHT, y: HEIGHT - 6, 'text-anchor': 'end' }, isoDay(day[day.length - 1])),
  ];
  const bars = Array.from(day, (d, i) => {
    const left = x(d) - barWidth / 2;
    const date = isoDay(d);
    return svg('g', { 'data-day': date },
      purchases[i] > 0 ? svg('rect', { class: 'bar-purchases', x: left, y: y(purchases[i]), width: barWidth, height: Math.max(y(0) - y(purchases[i]), 1) },
        svg('title', {}, strings.profileHistoryBarPurchases(date, formatMoney(purchases[i])))) : null,
      returns[i] > 0 ? svg('rect', { class: 'bar-returns', x: left, y: y(0), width: barWidth, height: Math.max(y(-returns[i]) - y(0), 1) },
        svg('title', {}, strings.profileHistoryBarReturns(date, formatMoney(returns[i])))) : null);
  });
  const total = (values) => values.reduce((sum, value) => sum + value, 0);
  return svg('svg', {
    class: 'chart history-chart', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'data-testid': 'profile-history-chart',
    'aria-label': strings.profileHistoryChartLabel(day.length, isoDay(first), isoDay(day[day.length - 1]),
      formatMoney(total(purchases)), formatMoney(total(returns))),
  }, ...grid, ...dates, ...bars);
}

/** The chart's text equivalent: one row per day, folded away until asked for. */
function historyTable({ day, purchases, returns }) {
  const cell = (value) => el('td', { class: 'number', dataset: { value: String(value) }, text: formatMoney(value) });
  return el('details', { class: 'history-details' },
    el('summary', { text: strings.profileHistoryTableSummary(day.length) }),
    el('div', { class: 'table-scroll history-table-scroll' },
      el('table', { class: 'history-table', 'data-testid': 'profile-history-table' },
        el('caption', { class: 'visually-hidden', text: strings.profileHistoryHeading }),
        el('thead', {}, el('tr', {},
          el('th', { scope: 'col', text: strings.profileHistoryColumns.date }),
          el('th', { scope: 'col', class: 'number', text: strings.profileHistoryColumns.purchases }),
          el('th', { scope: 'col', class: 'number', text: strings.profileHistoryColumns.returns }))),
        el('tbody', {}, ...Array.from(day, (d, i) => el('tr', { dataset: { day: isoDay(d) } },
          el('th', { scope: 'row', text: isoDay(d) }), cell(purchases[i]), cell(returns[i])))))));
}
