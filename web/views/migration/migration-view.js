// The migration card (客户迁移): compares the result on screen (after) with an earlier run
// (before) — the same orders as of an earlier date, an earlier orders file, or a customers.csv
// saved earlier — by tier, RFM segment or any dimension. It shows the counts in a sentence,
// the matrix as a table, the flows as a Sankey diagram, the customers who moved up and down,
// and offers migration.csv and migration.json as the CLI's `tierlens compare` writes them.
//
// The worker reads the earlier run beside the result on screen (Request.COMPARE). A new result
// on screen (another file, an edited policy) leaves the comparison shown but marked outdated
// until Compare is pressed again.

import { el } from '../dom.js';
import { formatInteger, formatList, formatShare } from '../format.js';
import { labelText } from '../label-text.js';
import { strings } from '../strings.js';
import { drawMigrationSankey } from './migration-chart.js';
import { createMigrationForm } from './migration-form.js';
import { migrationLists } from './migration-lists.js';
import { migrationMatrix } from './migration-matrix.js';
import { FLOW_COLOURS, migrationSankeyOption } from './migration-sankey.js';

/**
 * @param {HTMLElement} root the card's body
 * @param {object} page
 * @param {(earlier: object, field: string, onProgress: (loaded: number, total: number) => void) => Promise<object>} page.compare
 *   asks the worker (Request.COMPARE) and answers the comparison
 * @param {(button: HTMLElement, which: 'csv'|'json') => void} page.download saves migration.csv or .json
 * @param {(index: number) => void} page.onChooseCustomer shows a customer's profile
 * @returns {{resultShown: (summary: object) => void, redraw: () => void, reportChart: () => object|null}}
 */
export function createMigrationView(root, page) {
  const form = createMigrationForm({ onCompare: compare });
  const status = el('div', { class: 'migration-status', role: 'status', 'data-testid': 'migration-status' });
  const problem = el('div', { class: 'error-box migration-problem', role: 'alert', 'data-testid': 'migration-problem', hidden: true });
  const result = el('div', { class: 'migration-result', 'data-testid': 'migration-result', hidden: true });
  // One chart box for the card's life: ECharts keeps its instance on it.
  const sankeyBox = el('div', { class: 'migration-sankey', 'data-testid': 'migration-sankey', role: 'img' });
  root.replaceChildren(form.root, status, problem, result);
  form.relabel();

  let summary = null;
  /** Bumped by every new result on screen: a comparison answered for an older one is outdated. */
  let resultVersion = 0;
  /** The comparison shown: `{migration, field, earlier, version}`; `earlier` says what it was compared with. */
  let shown = null;
  let busy = false;
  let problemText = null; // () => string, said again in another language

  async function compare() {
    if (busy || !summary) return;
    const choice = form.choice();
    const refusal = check(choice);
    if (refusal) return showProblem(refusal);
    const earlier = choice.kind === 'as_of' ? { kind: 'as_of', asOf: choice.asOf }
      : choice.kind === 'files' ? { kind: 'files', orders: { file: choice.orders }, customers: choice.customers ? { file: choice.customers } : null }
        : { kind: 'saved', file: choice.file };
    const version = resultVersion;
    setBusy(true);
    showProblem(null);
    try {
      const migration = await page.compare(earlier, choice.field, (loaded, total) => showProgress(loaded, total));
      shown = { migration, field: choice.field, earlier: describe(choice), version };
      const sentence = await render();
      setBusy(false);
      // Said once by the status region; the sentence on screen is drawn anew with each render.
      status.replaceChildren(el('span', { class: 'visually-hidden', text: sentence }));
    } catch (error) {
      if (error.cancelled) return;
      shown = null;
      result.hidden = true;
      showProblem(() => error.message);
    } finally {
      if (busy) setBusy(false);
    }
  }

  /** What stops a comparison before the worker is asked, or null. */
  function check(choice) {
    const checks = () => strings.migration.checks;
    if (choice.kind === 'as_of') {
      if (!summary.analysis_date) return () => checks().noAnalysisDate;
      if (!choice.asOf) return () => checks().noDate;
      if (choice.asOf >= summary.analysis_date) return () => checks().dateNotBefore(summary.analysis_date);
    }
    if (choice.kind === 'files' && !choice.orders) return () => checks().noOrdersFile;
    if (choice.kind === 'saved' && !choice.file) return () => checks().noSavedFile;
    return null;
  }

  /** What the result on screen was compared with, in the language on screen. */
  function describe(choice) {
    const earlier = () => strings.migration.earlier;
    if (choice.kind === 'as_of') return () => earlier().as_of(choice.asOf);
    if (choice.kind === 'files') return () => earlier().files(formatList([choice.orders, choice.customers].filter(Boolean).map((file) => file.name)));
    return () => earlier().saved(choice.file.name);
  }

  function setBusy(now) {
    busy = now;
    form.setBusy(now);
    root.setAttribute('aria-busy', String(now));
    status.replaceChildren(...(now ? [el('span', { text: strings.migration.working })] : []));
  }

  function showProgress(loaded, total) {
    if (!busy) return;
    const share = total > 0 ? loaded / total : 0;
    status.replaceChildren(el('progress', { max: '1', value: String(share), 'aria-hidden': 'true' }),
      el('span', { text: strings.migration.workingProgress(formatShare(share)) }));
  }

  function showProblem(text) {
    problemText = text;
    problem.hidden = !text;
    problem.replaceChildren(...(text ? [el('h3', { text: strings.migration.failed }), el('p', { 'data-testid': 'migration-problem-text', text: text() })] : []));
  }

  /** How a label of the compared field reads: RFM segments in the page's language. */
  function labelOf(field) {
    const dimension = field === 'segment' ? { type: 'rfm_segments' } : summary?.dimensions?.find(({ id }) => id === field);
    return (label) => labelText(dimension, label);
  }

  /** The words the Sankey diagram is drawn with, in the language on screen. */
  function sankeyWords(field, description) {
    const words = strings.migration;
    return {
      labelText: labelOf(field),
      newCustomers: words.newCustomers,
      goneCustomers: words.goneCustomers,
      flowText: words.flowText,
      nodeText: words.nodeText,
      formatCount: formatInteger,
      description,
    };
  }

  /** Draws the comparison shown; answers its summary sentence. */
  async function render() {
    if (!shown) return '';
    const { migration, field } = shown;
    const words = strings.migration;
    const outdated = shown.version !== resultVersion;
    const labelOfField = labelOf(field);
    const fieldName = form.fieldName(field);
    const counts = migration.counts;
    const customers = migration.matrix.flat().reduce((a, b) => a + b, 0);
    const flows = migration.matrix.flat().filter((value) => value > 0).length;
    const sentence = words.summary(shown.earlier(), fieldName, formatInteger(customers), formatInteger(counts.same),
      formatInteger(counts.up), formatInteger(counts.down), formatInteger(counts.new), formatInteger(counts.gone));
    const description = words.sankeyLabel(fieldName, formatInteger(flows));
    sankeyBox.setAttribute('aria-label', description);

    const download = (which, text) => {
      const button = el('button', { type: 'button', class: 'button secondary', 'data-testid': `migration-download-${which}`, text });
      button.addEventListener('click', () => page.download(button, which));
      return button;
    };
    result.dataset.field = field;
    result.dataset.outdated = String(outdated);
    result.replaceChildren(
      el('p', { class: 'migration-outdated', 'data-testid': 'migration-outdated', hidden: !outdated, text: words.outdated }),
      el('p', { class: 'migration-summary', 'data-testid': 'migration-summary', text: sentence }),
      migrationMatrix(migration, { labelText: labelOfField, fieldName }),
      el('figure', { class: 'chart-figure migration-sankey-figure' },
        el('figcaption', {},
          el('h3', { text: words.sankeyHeading }),
          el('span', { class: 'legend', 'aria-hidden': 'true' }, ...Object.keys(FLOW_COLOURS).map((kind) =>
            el('span', { class: 'legend-item' }, el('span', { class: `legend-swatch flow-${kind}` }), el('span', { text: words.sankeyKey[kind] }))))),
        sankeyBox),
      migrationLists(migration, { labelText: labelOfField, onChooseCustomer: outdated ? null : page.onChooseCustomer }),
      el('div', { class: 'downloads' }, download('csv', words.downloadCsv), download('json', words.downloadJson)));
    result.hidden = false;
    try {
      const { flows: drawn } = await drawMigrationSankey(sankeyBox, migration, sankeyWords(field, description));
      sankeyBox.dataset.flows = String(drawn);
    } catch (error) {
      sankeyBox.replaceChildren(el('p', { class: 'muted', text: words.chartFailed(error.message) }));
    }
    return sentence;
  }

  return {
    /** A result is on screen (a new one, or the same again): fields, default date, outdated mark. */
    resultShown(next) {
      const isNew = next !== summary;
      if (isNew) resultVersion++;
      summary = next;
      form.setFields([
        ...((next.tiers ?? []).length > 0 ? [{ id: 'tier', name: '' }] : []),
        { id: 'segment', name: '' },
        ...(next.dimensions ?? []).map(({ id, name }) => ({ id, name })),
      ]);
      form.setAnalysisDate(next.analysis_date ?? null);
      if (isNew) render().catch(() => {}); // marked outdated
    },

    /**
     * The comparison on screen as a chart of the HTML report (see report/chart-images.js): the
     * Sankey diagram's option, its sentence, and the matrix as its table; null when there is
     * none, or when it is outdated (it would not describe the result the report is about).
     */
    reportChart() {
      if (!shown || shown.version !== resultVersion) return null;
      const { migration, field } = shown;
      const words = strings.migration;
      const fieldName = form.fieldName(field);
      const labelOfField = labelOf(field);
      const counts = migration.counts;
      const customers = migration.matrix.flat().reduce((a, b) => a + b, 0);
      const flows = migration.matrix.flat().filter((value) => value > 0).length;
      const count = migration.labels.length;
      const name = (index, side) => (index < count ? labelOfField(migration.labels[index])
        : side === 'before' ? words.newCustomers : words.goneCustomers);
      return {
        id: 'migration',
        title: `${words.heading} · ${fieldName}`,
        height: 420,
        option: migrationSankeyOption(migration, sankeyWords(field, words.sankeyLabel(fieldName, formatInteger(flows)))),
        sentence: words.summary(shown.earlier(), fieldName, formatInteger(customers), formatInteger(counts.same),
          formatInteger(counts.up), formatInteger(counts.down), formatInteger(counts.new), formatInteger(counts.gone)),
        table: {
          columns: [words.corner, ...migration.matrix[0].map((_, column) => name(column, 'after'))],
          numeric: [false, ...migration.matrix[0].map(() => true)],
          rows: migration.matrix.map((cells, row) => [name(row, 'before'), ...cells.map((value) => formatInteger(value))]),
        },
      };
    },

    /** Says everything again in the language just chosen. */
    redraw() {
      form.relabel();
      if (problemText) showProblem(problemText);
      if (busy) status.replaceChildren(el('span', { text: strings.migration.working }));
      render().catch(() => {});
    },
  };
}
