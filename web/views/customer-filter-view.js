// The controls above the customer table that narrow it: a search on the customer id or name,
// a tier, a label of each dimension of the policy, and (when no dimension gives it) the RFM
// segment. Every filter chosen must hold. The filter goes to the worker as a small object
// (TierLensEngine#customers); the customers stay there.

import { el } from './dom.js';
import { formatInteger } from './format.js';
import { labelText } from './label-text.js';
import { strings } from './strings.js';

/** How long typing pauses before the search is asked for. */
const SEARCH_DELAY_MS = 250;

/**
 * @typedef {{tier: string|null, labels: Object<string, string>, segment: string|null, search: string}} CustomerFilter
 */

/** A filter that keeps everyone. */
export const NO_FILTER = Object.freeze({ tier: null, labels: Object.freeze({}), segment: null, search: '' });

/** Whether `filter` keeps only some customers. */
export function isFiltering(filter) {
  return Boolean(filter.tier || filter.segment || filter.search.trim() || Object.keys(filter.labels).length);
}

/** The filter as the worker takes it: only what is set; null when nothing is. */
export function wireFilter(filter) {
  if (!isFiltering(filter)) return null;
  const wire = {};
  if (filter.tier) wire.tier = filter.tier;
  if (Object.keys(filter.labels).length) wire.labels = { ...filter.labels };
  if (filter.segment) wire.segment = filter.segment;
  if (filter.search.trim()) wire.search = filter.search.trim();
  return wire;
}

/** Whether the result has a segment control: only when no dimension shows the RFM segment. */
const showsSegments = (summary) => !(summary?.dimensions ?? []).some((dimension) => dimension.type === 'rfm_segments');

/**
 * The part of `filter` that still means something for `summary` (a policy edit may rename
 * tiers or drop a dimension): what names a tier, dimension, label or segment it has not goes.
 */
export function filterFor(summary, filter) {
  const tiers = new Set((summary?.tiers ?? []).map((tier) => tier.name));
  const labels = Object.fromEntries(Object.entries(filter.labels).filter(([id, label]) =>
    (summary?.dimensions ?? []).some((dimension) => dimension.id === id && dimension.labels.some((l) => l.label === label))));
  const segments = new Set((summary?.segments ?? []).map((segment) => segment.segment));
  return {
    tier: filter.tier && tiers.has(filter.tier) ? filter.tier : null,
    labels,
    segment: filter.segment && showsSegments(summary) && segments.has(filter.segment) ? filter.segment : null,
    search: filter.search,
  };
}

/** Whether two filters keep the same customers. */
export function sameFilter(a, b) {
  return JSON.stringify(wireFilter(a)) === JSON.stringify(wireFilter(b));
}

export class CustomerFilterView {
  #options;
  #search;
  #searchLabel;
  #selects;
  #clear;
  #summary = null;
  /** @type {CustomerFilter} */
  #filter = NO_FILTER;
  #searchTimer = 0;

  /**
   * @param {HTMLElement} root an element to build into
   * @param {object} options
   * @param {(filter: CustomerFilter) => void} options.onChange a filter was chosen, or the
   *   search typed has rested
   * @param {() => void} options.onTyping the search is being typed (its change follows)
   */
  constructor(root, options) {
    this.#options = options;
    this.#search = el('input', {
      type: 'search', id: 'customer-search', class: 'customer-search', autocomplete: 'off', spellcheck: 'false',
      'data-testid': 'customer-search',
      on: {
        input: () => this.#typed(),
        keydown: (event) => {
          if (event.key === 'Enter') this.#searchNow();
        },
      },
    });
    this.#selects = el('div', { class: 'customer-filter-selects' });
    this.#clear = el('button', {
      type: 'button', class: 'button secondary', 'data-testid': 'customer-filter-clear', on: { click: () => this.#clearAll() },
    });
    this.#searchLabel = el('label', { for: 'customer-search', class: 'customer-filter-label' });
    root.replaceChildren(el('div', { class: 'customer-filters', role: 'search', 'data-testid': 'customer-filters' },
      el('div', { class: 'customer-filter' }, this.#searchLabel, this.#search),
      this.#selects,
      el('div', { class: 'customer-filter customer-filter-clear' }, this.#clear)));
  }

  /** The filter on screen. */
  get filter() {
    return this.#filter;
  }

  /**
   * Draws the controls for `summary` with `filter` chosen (in the language on screen). Focus
   * stays on the control it was on.
   */
  render(summary, filter) {
    clearTimeout(this.#searchTimer); // a search typed for the result before is dropped
    this.#summary = summary;
    this.#filter = filter;
    const focused = this.#selects.contains(document.activeElement) ? document.activeElement.dataset.testid + (document.activeElement.dataset.dimension ?? '') : null;
    this.#searchLabel.textContent = strings.customerTable.searchLabel;
    this.#search.placeholder = strings.customerTable.searchPlaceholder;
    if (this.#search.value !== filter.search) this.#search.value = filter.search;
    this.#clear.textContent = strings.customerTable.clearFilters;
    this.#clear.hidden = !isFiltering(filter);

    const controls = [];
    const tiers = summary?.tiers ?? [];
    if (tiers.length > 0) {
      controls.push(this.#select('customer-filter-tier', strings.customerTable.tierFilter, strings.customerTable.allTiers,
        tiers.map((tier) => [tier.name, tier.name, tier.customers]), filter.tier,
        (value) => this.#change({ tier: value || null })));
    }
    for (const dimension of summary?.dimensions ?? []) {
      controls.push(this.#select('customer-filter-label', dimension.name, strings.customerTable.allLabels,
        dimension.labels.map(({ label, customers }) => [label, labelText(dimension, label), customers]),
        filter.labels[dimension.id] ?? null,
        (value) => {
          const labels = { ...this.#filter.labels };
          if (value) labels[dimension.id] = value;
          else delete labels[dimension.id];
          this.#change({ labels });
        }, dimension.id));
    }
    if (showsSegments(summary)) {
      controls.push(this.#select('customer-filter-segment', strings.customerTable.segmentFilter, strings.customerTable.allSegments,
        (summary?.segments ?? []).map(({ segment, customers }) => [segment, strings.segmentName(segment), customers]),
        filter.segment, (value) => this.#change({ segment: value || null })));
    }
    this.#selects.replaceChildren(...controls);
    if (focused) {
      [...this.#selects.querySelectorAll('select')].find((select) => select.dataset.testid + (select.dataset.dimension ?? '') === focused)?.focus();
    }
  }

  /** One labelled select: "All …" first, then each value with its number of customers. */
  #select(testId, label, allText, values, chosen, onChoose, dimensionId) {
    const id = `${testId}${dimensionId ? `-${dimensionId}` : ''}`;
    const select = el('select', { id, 'data-testid': testId, dataset: dimensionId ? { dimension: dimensionId } : {},
      on: { change: () => onChoose(select.value) } },
    el('option', { value: '', text: allText }),
    ...values.map(([value, text, customers]) => el('option', {
      value, text: strings.customerTable.optionWithCount(text, formatInteger(customers ?? 0)),
    })));
    select.value = chosen ?? '';
    return el('div', { class: 'customer-filter' }, el('label', { for: id, class: 'customer-filter-label', text: label }), select);
  }

  #change(part) {
    clearTimeout(this.#searchTimer);
    this.#filter = { ...this.#filter, search: this.#search.value, ...part };
    this.#clear.hidden = !isFiltering(this.#filter);
    this.#options.onChange(this.#filter);
  }

  #typed() {
    this.#options.onTyping();
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => this.#searchNow(), SEARCH_DELAY_MS);
  }

  #searchNow() {
    this.#change({ search: this.#search.value });
  }

  #clearAll() {
    this.#search.value = '';
    this.#change({ ...NO_FILTER });
    this.render(this.#summary, this.#filter);
    this.#search.focus();
  }
}
