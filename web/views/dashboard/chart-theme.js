// What every dashboard chart shares: the page's colours (as literals: the options are also
// rendered to SVG outside the page, where styles.css does not apply; keep them in step with its
// :root variables), the font, and the option parts that keep a chart within the page's
// Content-Security-Policy and readable to assistive technology.

/** styles.css :root, by variable name. */
export const COLORS = Object.freeze({
  ink: '#1c2333',
  muted: '#566074',
  line: '#dfe4ec',
  surface: '#ffffff',
  accent: '#2456b3',
  accentSoft: '#e8effb',
  customers: '#2f6bd1',
  revenue: '#b3590c',
});

/**
 * Tiers and other categories, in order; each at least 4.5:1 against white, and the first two
 * are the page's customers and revenue colours.
 */
export const CATEGORY_COLORS = Object.freeze([
  '#2456b3', '#b3590c', '#1f7a4d', '#8a3ea8', '#a3222a', '#0f6f7c', '#6b6314', '#566074',
  '#b0306a', '#3d5a80', '#7a4a1f', '#2e6b2e',
]);

export const categoryColor = (index) => CATEGORY_COLORS[index % CATEGORY_COLORS.length];

/** The page's font stack (styles.css --font): Chinese text gets a CJK face. */
export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PingFang SC", '
  + '"Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';

/**
 * The option parts every chart starts from.
 * - `aria`: ECharts writes `description` as the chart's aria-label: the chart's sentence.
 * - `tooltip.renderMode: 'richText'`: the tooltip is drawn inside the SVG. The HTML tooltip
 *   writes markup with style attributes, which the page's CSP (style-src 'self') refuses.
 * - No animation: charts are drawn at once, the same on screen, in print and in the report.
 * @param {string} description
 */
export function baseOption(description) {
  return {
    aria: { enabled: true, label: { enabled: true, description } },
    animation: false,
    backgroundColor: 'transparent',
    textStyle: { fontFamily: FONT, color: COLORS.ink, fontSize: 12 },
    tooltip: {
      renderMode: 'richText',
      confine: true,
      backgroundColor: COLORS.surface,
      borderColor: COLORS.line,
      textStyle: { color: COLORS.ink, fontFamily: FONT, fontSize: 12 },
    },
  };
}

/** An axis's look: muted labels and lines, in the page's colours. */
export function axisStyle(extra = {}) {
  return {
    axisLine: { lineStyle: { color: COLORS.muted } },
    axisTick: { lineStyle: { color: COLORS.muted } },
    axisLabel: { color: COLORS.muted, fontFamily: FONT },
    splitLine: { lineStyle: { color: COLORS.line } },
    nameTextStyle: { color: COLORS.muted, fontFamily: FONT },
    ...extra,
  };
}

/** White text on a dark fill, ink on a light one: the label colour for a cell of `hex`. */
export function labelColorOn(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Where white and ink contrast equally with the fill (WCAG relative luminance).
  return luminance > 0.21 ? COLORS.ink : '#ffffff';
}

/** The colour at `t` (0..1) between two hex colours. */
export function mix(from, to, t) {
  const channel = (hex, i) => parseInt(hex.slice(i, i + 2), 16);
  const parts = [1, 3, 5].map((i) => Math.round(channel(from, i) + (channel(to, i) - channel(from, i)) * t));
  return `#${parts.map((p) => p.toString(16).padStart(2, '0')).join('')}`;
}
