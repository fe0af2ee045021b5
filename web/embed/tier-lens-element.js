// <tier-lens>: TierLens as a custom element for a portal page (or an iframe in one). A compact
// view built on the ES module API (tierlens.js), inside an open shadow root: a file chooser and
// "Try the sample data", progress, the tier summary (each tier's rule, customers and revenue
// with their shares), the RFM segment table, and a download of the classified customers. The
// full page (mapping step, policy editor, charts, customer table) stays at web/index.html.
//
//   <script type="module" src="/tierlens/embed/tier-lens-element.js"></script>
//   <tier-lens lang="zh" policy="rfm_classes"></tier-lens>
//
// Attributes:
//   lang    en | zh (zh-CN …): the element's words and number format; without it, the
//           document's language, then the browser's.
//   policy  a preset id (rfm_segments, rfm_classes, abc_pareto …), or the URL of a policy JSON
//           on the page's own origin (relative URLs are resolved against the document);
//           without it, the default preset. Changing it classifies the same input again.
// Properties: `result` (the TierLensResult, or null; see tierlens.js), `state`.
// Events (bubbling, composed): `tierlens-result` {detail: {summary}}, `tierlens-error`
//   {detail: {error}}.
// The host's `data-state` attribute is idle | working | done | error.

import { saveBytes } from '../views/save-file.js';
import { stringsFor } from './element-strings.js';
import { elementStyleSheet } from './element-styles.js';
import { classify, classifySample, SAMPLE_FILE_NAME } from './tierlens.js';

/** A preset id, as opposed to a URL. */
const PRESET_ID = /^[A-Za-z0-9_]+$/;

export class TierLensElement extends HTMLElement {
  static observedAttributes = ['lang', 'policy'];

  /** @type {import('./tierlens.js').TierLensResult|null} */
  #result = null;
  /** What was last classified: `{sample: true}` or `{files}`; classified again on a new policy. */
  #input = null;
  /** Stops the run in progress. */
  #controller = null;
  #ui = null;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [elementStyleSheet()];
  }

  connectedCallback() {
    if (!this.#ui) this.#build();
    if (!this.hasAttribute('data-state')) this.#setState('idle');
  }

  disconnectedCallback() {
    this.#controller?.abort();
    this.#result?.dispose();
    this.#result = null;
  }

  attributeChangedCallback(name, before, after) {
    if (!this.#ui || before === after) return;
    if (name === 'lang') this.#renderText();
    if (name === 'policy' && this.#input) this.#run(this.#input);
  }

  /** The last classification, for reading pages of customers and more (see tierlens.js). */
  get result() {
    return this.#result;
  }

  /** idle | working | done | error */
  get state() {
    return this.dataset.state;
  }

  get #words() {
    const lang = this.getAttribute('lang') || document.documentElement.lang || navigator.language;
    return stringsFor(lang);
  }

  #build() {
    const e = (tag, props = {}, ...children) => {
      const node = document.createElement(tag);
      for (const [key, value] of Object.entries(props)) node.setAttribute(key, value);
      node.append(...children);
      return node;
    };
    const ui = {
      title: e('h2', {}, 'TierLens'),
      privacy: e('p', { class: 'muted' }),
      chooseText: e('span'),
      fileInput: e('input', { type: 'file', multiple: '', 'data-testid': 'file-input',
        accept: '.csv,.tsv,.txt,.json,.jsonl,.xlsx' }),
      sampleButton: e('button', { type: 'button', class: 'secondary', part: 'button', 'data-testid': 'sample-button' }),
      status: e('p', { class: 'status', role: 'status', 'aria-live': 'polite', 'data-testid': 'status' }),
      error: e('p', { class: 'error', role: 'alert', 'data-testid': 'error', hidden: '' }),
      results: e('div', { 'data-testid': 'results', hidden: '' }),
      downloadButton: e('button', { type: 'button', class: 'download', part: 'button', 'data-testid': 'download-customers' }),
    };
    ui.fileInput.addEventListener('change', () => {
      if (ui.fileInput.files.length > 0) this.#run({ files: [...ui.fileInput.files] });
      ui.fileInput.value = ''; // the same file chosen again is a new run
    });
    ui.sampleButton.addEventListener('click', () => this.#run({ sample: true }));
    ui.downloadButton.addEventListener('click', () => this.#download());
    this.shadowRoot.append(e('section', { class: 'root', part: 'root' },
      ui.title, ui.privacy,
      e('div', { class: 'inputs' }, e('label', { class: 'choose' }, ui.chooseText, ui.fileInput), ui.sampleButton),
      ui.status, ui.error, ui.results));
    this.#ui = ui;
    this.#renderText();
  }

  #renderText() {
    const words = this.#words;
    const ui = this.#ui;
    ui.privacy.textContent = words.privacy;
    ui.chooseText.textContent = words.chooseFiles;
    ui.sampleButton.textContent = words.trySample;
    ui.downloadButton.textContent = words.downloadCustomers;
    if (this.#result) this.#renderResult(this.#result.summary);
  }

  async #run(input) {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.#input = input;
    const ui = this.#ui;
    ui.error.hidden = true;
    this.#setState('working');
    const words = this.#words;
    const percent = new Intl.NumberFormat(words.locale, { style: 'percent', maximumFractionDigits: 0 });
    const options = {
      signal: controller.signal,
      onProgress: (loaded, total) => {
        ui.status.textContent = words.reading(percent.format(total > 0 ? loaded / total : 1));
      },
    };
    try {
      ui.status.textContent = words.loadingPolicy;
      const policy = await this.#policy();
      ui.status.textContent = words.starting;
      const result = input.sample ? await classifySample(policy, options) : await classify(input.files, policy, options);
      if (controller.signal.aborted) {
        result.dispose();
        return;
      }
      this.#result?.dispose();
      this.#result = result;
      this.#renderResult(result.summary);
      this.#setState('done');
      this.dispatchEvent(new CustomEvent('tierlens-result', { detail: { summary: result.summary }, bubbles: true, composed: true }));
    } catch (error) {
      if (controller.signal.aborted) return; // a newer run took its place
      this.#showError(error);
    }
  }

  /** The `policy` attribute as classify() takes it: a preset id, a policy object, or null. */
  async #policy() {
    const value = (this.getAttribute('policy') ?? '').trim();
    if (!value || PRESET_ID.test(value)) return value || null;
    const url = new URL(value, document.baseURI);
    const words = this.#words;
    if (url.origin !== location.origin) throw new Error(words.policyNotSameOrigin(url.href));
    let response;
    try {
      response = await fetch(url, { credentials: 'same-origin' });
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
      return await response.json();
    } catch (error) {
      throw new Error(words.policyUnreadable(url.href, error.message));
    }
  }

  #renderResult(summary) {
    const ui = this.#ui;
    const words = this.#words;
    const integer = new Intl.NumberFormat(words.locale, { maximumFractionDigits: 0 });
    const money = new Intl.NumberFormat(words.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const share = new Intl.NumberFormat(words.locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    ui.status.textContent = words.done(integer.format(summary.customers), summary.policy?.name ?? '');

    const facts = document.createElement('p');
    facts.className = 'muted';
    facts.dataset.testid = 'facts';
    facts.textContent = words.facts(integer.format(summary.rows.used), integer.format(summary.rows.skipped), summary.analysis_date);

    const numbers = (item) => [
      ['customers', integer.format(item.customers), item.customers],
      ['customer_share', share.format(item.customer_share), item.customer_share],
      ['revenue', money.format(item.revenue), item.revenue],
      ['revenue_share', share.format(item.revenue_share), item.revenue_share],
    ];
    const heads = [words.customers, words.customerShare, words.revenue, words.revenueShare];

    const tiers = summary.tiers ?? [];
    const tierTable = tiers.length === 0
      ? paragraph(words.noTiers)
      : table('tiers', [words.tier, ...heads], tiers.map((tier) => ({
        key: ['tier', tier.name],
        head: [tier.name, tier.rule ? lineOf('rule', tier.rule) : null],
        cells: numbers(tier),
      })));
    const segments = summary.segments ?? [];
    const segmentTable = table('segments', [words.segment, ...heads], segments.map((segment) => ({
      key: ['segment', segment.segment],
      head: [segment.segment],
      cells: numbers(segment),
    })));
    ui.results.replaceChildren(facts,
      heading(words.tiersHeading), tierTable,
      ...(segments.length ? [heading(words.segmentsHeading), segmentTable] : []),
      ui.downloadButton);
    ui.results.hidden = false;
  }

  async #download() {
    const result = this.#result;
    if (!result) return;
    try {
      const { summary } = result;
      const name = summary.input?.file_name || summary.customer_table?.input?.file_name || SAMPLE_FILE_NAME;
      saveBytes(await result.customersCsv(), `${name.replace(/\.[^.]*$/, '')}-classified.csv`);
    } catch (error) {
      this.#showError(error);
    }
  }

  #showError(error) {
    const ui = this.#ui;
    ui.status.textContent = this.#words.errorHeading;
    ui.error.textContent = error.message;
    ui.error.hidden = false;
    ui.results.hidden = true;
    this.#result?.dispose();
    this.#result = null;
    this.#setState('error');
    this.dispatchEvent(new CustomEvent('tierlens-error', { detail: { error }, bubbles: true, composed: true }));
  }

  #setState(state) {
    this.dataset.state = state;
  }
}

function heading(text) {
  const h3 = document.createElement('h3');
  h3.textContent = text;
  return h3;
}

function paragraph(text) {
  const p = document.createElement('p');
  p.className = 'muted';
  p.textContent = text;
  return p;
}

function lineOf(className, text) {
  const div = document.createElement('div');
  div.className = className;
  div.textContent = text;
  return div;
}

/**
 * A table with a row head and number cells, marked for tests and styling: the row carries
 * `data-<key>`, each cell `data-col` and its exact `data-value`.
 */
function table(testid, heads, rows) {
  const node = document.createElement('table');
  node.setAttribute('part', 'table');
  node.dataset.testid = testid;
  const headRow = node.createTHead().insertRow();
  heads.forEach((text, i) => {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = text;
    if (i > 0) th.className = 'number';
    headRow.append(th);
  });
  const body = node.createTBody();
  for (const { key: [name, value], head, cells } of rows) {
    const tr = body.insertRow();
    tr.dataset[name] = value;
    const th = document.createElement('th');
    th.scope = 'row';
    th.append(...head.filter(Boolean));
    tr.append(th);
    for (const [col, text, exact] of cells) {
      const td = tr.insertCell();
      td.className = 'number';
      td.dataset.col = col;
      td.dataset.value = String(exact);
      td.textContent = text;
    }
  }
  const scroll = document.createElement('div');
  scroll.className = 'table-scroll';
  scroll.append(node);
  return scroll;
}

if (!customElements.get('tier-lens')) customElements.define('tier-lens', TierLensElement);
