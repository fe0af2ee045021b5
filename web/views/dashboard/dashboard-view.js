// The dashboard card: one figure per chart of dashboard-charts.js, drawn by ECharts with its
// SVG renderer, each with its sentence under it and its table folded below. The figures are
// laid out by CSS; every chart follows its box's size (a ResizeObserver), and a chart is first
// drawn when its box has a size: the results are still hidden while they are being built.
//
// Drawing a chart takes ECharts some 30–50 ms, the seven of them more than the rest of the
// result together, so they are not all drawn at once as the result appears: a chart is drawn
// when its box comes near the viewport (an IntersectionObserver), and the others one per idle
// moment after, in order, so that all are there soon without holding up the first frame. Each
// figure's box has its final height from the start: nothing moves when a chart arrives.
//
// The figures come from the worker once per result (dashboard.json); a redraw in another
// language uses them again.

import { loadECharts } from '../charts/echarts.js';
import { el } from '../dom.js';
import { strings } from '../strings.js';
import { dashboardCharts } from './dashboard-charts.js';
import { textTableDetails } from './text-table-view.js';

/**
 * @param {HTMLElement} container the dashboard card's body
 * @param {{fetchDashboard: () => Promise<object>}} how `fetchDashboard` answers dashboard.json
 *   of the result on screen, parsed
 * @returns {{render: (summary: object) => Promise<void>}}
 */
export function createDashboard(container, { fetchDashboard }) {
  let data = null;
  let dataOf = null; // the summary `data` belongs to
  let drawing = 0;
  let echarts = null;
  /**
   * canvas → its chart; `due`: the chart is to be drawn as soon as its box has a size (it came
   * near the viewport, or its idle turn came).
   * @type {Map<HTMLElement, {option: object, chart: object|null, due: boolean}>}
   */
  const live = new Map();
  /** The breakdown shown (its field), kept across redraws. */
  let breakdownField = null;
  const observer = new ResizeObserver((entries) => {
    entries.forEach(({ target }) => {
      if (live.get(target)?.due) draw(target);
    });
    drawWhenIdle(); // the boxes may just have got their size (the results were hidden)
  });
  // A viewport's height of margin: a chart scrolled towards is drawn before it is in view.
  const nearView = new IntersectionObserver((entries) => entries.forEach(({ target, isIntersecting }) => {
    if (isIntersecting) drawNow(target);
  }), { rootMargin: '100% 0px' });
  let idleTurn = 0;
  // Printing shows every chart: draw those not drawn yet.
  window.addEventListener('beforeprint', () => live.forEach((_, canvas) => drawNow(canvas)));

  /** Draws `canvas`'s chart, or resizes it to its box; nothing while the box has no size. */
  function draw(canvas) {
    const entry = live.get(canvas);
    if (!entry || canvas.clientWidth === 0 || canvas.clientHeight === 0) return;
    if (entry.chart) {
      entry.chart.resize();
      return;
    }
    entry.chart = echarts.init(canvas, null, { renderer: 'svg' });
    entry.chart.setOption(entry.option);
    canvas.closest('figure').dataset.rendered = 'true';
  }

  function drawNow(canvas) {
    const entry = live.get(canvas);
    if (!entry || entry.chart) return;
    entry.due = true;
    draw(canvas);
  }

  /**
   * In idle moments, the next chart not yet due, one per moment, until all are. Stops while
   * the boxes have no size (the results hidden): the ResizeObserver starts it again.
   */
  function drawWhenIdle() {
    if (idleTurn) return;
    const later = window.requestIdleCallback ?? ((callback) => setTimeout(callback, 50));
    idleTurn = later(() => {
      idleTurn = 0;
      const next = [...live.keys()].find((canvas) => !live.get(canvas).due);
      if (!next || next.clientWidth === 0) return;
      drawNow(next);
      drawWhenIdle();
    }, { timeout: 1000 });
  }

  function forget(canvas) {
    observer.unobserve(canvas);
    nearView.unobserve(canvas);
    live.get(canvas)?.chart?.dispose();
    live.delete(canvas);
  }

  function figure(chart, control = null) {
    // ECharts' `aria` option writes the same sentence as the label once the chart is drawn.
    const canvas = el('div', { class: 'dashboard-canvas', role: 'img', 'aria-label': chart.textTable.sentence });
    canvas.style.height = `${chart.height}px`; // CSSOM, which the page's CSP allows
    live.set(canvas, { option: chart.option, chart: null, due: false });
    observer.observe(canvas);
    nearView.observe(canvas);
    return el('figure', { class: `dashboard-chart dashboard-${chart.kind}`, dataset: { chart: chart.id, kind: chart.kind } },
      el('h3', { class: 'dashboard-chart-title', text: chart.title }),
      control,
      canvas,
      el('figcaption', { class: 'dashboard-sentence', text: chart.textTable.sentence }),
      textTableDetails(chart.textTable, strings.dashboard.showTable, chart.id));
  }

  /** The breakdown figure, with the choice of breakdown when there are several. */
  function breakdownFigure(breakdowns) {
    const shown = breakdowns.find((c) => c.breakdown.field === breakdownField) ?? breakdowns[0];
    breakdownField = shown.breakdown.field;
    let control = null;
    if (breakdowns.length > 1) {
      const select = el('select', { id: 'dashboard-breakdown', 'data-testid': 'dashboard-breakdown' },
        ...breakdowns.map((c) => el('option', { value: c.breakdown.field, selected: c === shown }, c.breakdown.name)));
      select.addEventListener('change', () => {
        const old = select.closest('figure');
        old.querySelectorAll('.dashboard-canvas').forEach(forget);
        breakdownField = select.value;
        const next = breakdownFigure(breakdowns);
        old.replaceWith(next);
        next.querySelectorAll('.dashboard-canvas').forEach(drawNow); // in view: the user chose it
        next.querySelector('select').focus();
      });
      control = el('div', { class: 'dashboard-control' },
        el('label', { for: 'dashboard-breakdown', text: strings.dashboard.chooseBreakdown }), select);
    }
    return figure(shown, control);
  }

  async function render(summary) {
    const thisDraw = ++drawing;
    container.setAttribute('aria-busy', 'true');
    if (!container.firstChild) container.replaceChildren(el('p', { class: 'muted', text: strings.dashboard.loading }));
    try {
      if (dataOf !== summary) {
        data = await fetchDashboard();
        dataOf = summary;
      }
      echarts = await loadECharts();
      if (thisDraw !== drawing) return;
      // Which tables were open stays so across a redraw (another language, an edited policy).
      const open = new Set([...container.querySelectorAll('details[open] table')].map((t) => t.dataset.chart));
      [...live.keys()].forEach(forget);
      const { charts, notes } = dashboardCharts(data, summary, strings);
      const breakdowns = charts.filter((c) => c.kind === 'breakdown');
      const figures = charts.filter((c) => c.kind !== 'breakdown').map((c) => figure(c));
      if (breakdowns.length) figures.push(breakdownFigure(breakdowns));
      container.replaceChildren(
        el('div', { class: 'dashboard-grid' }, ...figures),
        notes.length ? el('ul', { class: 'dashboard-notes muted', 'data-testid': 'dashboard-notes' }, ...notes.map((n) => el('li', { text: n }))) : null);
      container.querySelectorAll('details').forEach((details) => {
        if (open.has(details.querySelector('table').dataset.chart)) details.open = true;
      });
      // Charts on screen already (a redraw in another language, after an edit) are drawn at
      // once, not a frame later: their boxes are measured first, then drawn (no layout between).
      if (container.getClientRects().length) {
        [...live.keys()].filter(isNearView).forEach(drawNow);
      }
    } catch (error) {
      if (thisDraw !== drawing) return;
      [...live.keys()].forEach(forget);
      container.replaceChildren(el('p', { class: 'error-text', role: 'alert', text: strings.dashboard.failed(error.message) }));
    } finally {
      if (thisDraw === drawing) container.setAttribute('aria-busy', 'false');
    }
  }

  return { render };
}

/** Whether `element` is on screen or within a viewport's height of it (as `nearView` says). */
function isNearView(element) {
  const { top, bottom, width } = element.getBoundingClientRect();
  return width > 0 && bottom > -window.innerHeight && top < 2 * window.innerHeight;
}
