// Axis scales for the hand-written SVG charts: a value → a position from 0 to 1 along the
// axis, and the ticks worth labelling. Money, order counts and CLV are heavily skewed (a few
// customers are worth a thousand times the median), so besides the linear scale there is a
// log scale that keeps zero and negative values (sign × log10(1 + |v|)): on a linear axis
// most customers would sit in one pixel at the bottom.

/** How close (as a share of the axis) two tick labels may come before one is dropped. */
const MIN_TICK_GAP = 0.09;

/**
 * @typedef {object} Scale
 * @property {(value: number) => number} position 0 at the axis start, 1 at its end
 * @property {number[]} ticks values to label, ascending
 * @property {boolean} log
 */

/**
 * A linear scale from round numbers below `low` to above `high`.
 * @returns {Scale}
 */
export function linearScale(low, high, { includeZero = false, tickCount = 5 } = {}) {
  let min = includeZero ? Math.min(0, low) : low;
  let max = includeZero ? Math.max(0, high) : high;
  if (!(max > min)) {
    // One value only (or none): a unit-wide axis from zero, or around the value.
    if (includeZero && min === 0) {
      max = 1;
    } else {
      min = Number.isFinite(min) ? min - 0.5 : 0;
      max = min + 1;
    }
  }
  const step = niceStep((max - min) / tickCount);
  const start = Math.floor(min / step + 1e-9) * step;
  const end = Math.ceil(max / step - 1e-9) * step;
  const ticks = [];
  for (let tick = start; tick <= end + step / 2; tick += step) ticks.push(roundOff(tick, step));
  return { position: (value) => (value - start) / (end - start), ticks, log: false };
}

/**
 * A log scale from 0 (or `low`, when negative) to `high`, or a little beyond, to the next
 * 1, 2 or 5 × a power of ten, so that the axis ends on a label. Ticks at 0 and at 1, 2, 5 ×
 * powers of ten, as many as fit without crowding; below 1 only when the values are small.
 * @returns {Scale}
 */
export function logScale(low, high) {
  const largest = Math.max(Math.abs(low), Math.abs(high), 1e-9);
  const magnitudes = [];
  for (let power = largest < 10 ? -2 : 0; 10 ** (power - 1) <= largest; power++) {
    for (const [multiple, rank] of [[1, 1], [5, 2], [2, 3]]) magnitudes.push({ magnitude: roundOff(multiple * 10 ** power, 10 ** power), rank });
  }
  const roundUp = (value) => Math.min(...magnitudes.map(({ magnitude }) => magnitude).filter((magnitude) => magnitude >= value));
  const min = low < 0 ? -roundUp(-low) : 0;
  const max = high > 0 ? roundUp(high) : 0;
  const from = symlog(min);
  const to = symlog(max) > from ? symlog(max) : from + 1;
  const position = (value) => (symlog(value) - from) / (to - from);

  const candidates = [{ value: 0, rank: 0 }, { value: max, rank: 1.5 }, { value: min, rank: 1.5 }];
  for (const { magnitude, rank } of magnitudes) {
    if (magnitude <= max) candidates.push({ value: magnitude, rank });
    if (-magnitude >= min) candidates.push({ value: -magnitude, rank });
  }
  // Zero first, then the powers of ten, the axis's ends, and 5× and 2× where they leave room.
  candidates.sort((a, b) => a.rank - b.rank || Math.abs(b.value) - Math.abs(a.value));
  const ticks = [];
  for (const { value } of candidates) {
    if (ticks.every((tick) => Math.abs(position(tick) - position(value)) >= MIN_TICK_GAP)) ticks.push(value);
  }
  return { position, ticks: ticks.sort((a, b) => a - b), log: true };
}

/** sign(v) × log10(1 + |v|): the log scale's own coordinate. */
export const symlog = (value) => Math.sign(value) * Math.log10(1 + Math.abs(value));

/** 1, 2 or 5 × a power of ten, at or above `rough`. */
function niceStep(rough) {
  const power = 10 ** Math.floor(Math.log10(rough));
  const multiple = [1, 2, 5, 10].find((m) => m * power >= rough - 1e-12) ?? 10;
  return multiple * power;
}

/** `value` without the floating-point dust of repeated additions (0.30000000000000004). */
function roundOff(value, step) {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number(value.toFixed(Math.min(decimals, 12)));
}
