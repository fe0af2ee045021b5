// A page of customers as the engine answers it (columns: typed arrays and lists, labels and
// tiers as indexes into the summary) turned into one plain object per customer, for callers
// of the embedding API who want rows and names rather than columns and indexes.

const PLAIN = ['customer_id', 'customer_name', 'first_order', 'last_order', 'recency', 'frequency',
  'monetary', 'r_score', 'f_score', 'm_score', 'fm_score', 'segment'];

/**
 * @param {object} page a customers page (TierLensEngine#customers)
 * @param {object} summary the summary the page belongs to
 * @returns {Array<object>} `{index, customer_id, …, segment, tier, labels: {dimension id: label},
 *   clv?: {p_alive, expected_purchases, expected_spend, clv, historical_clv}}`; a CLV figure a
 *   customer has none of is null
 */
export function customerRows(page, summary) {
  const dimensions = summary.dimensions ?? [];
  const tiers = summary.tiers ?? [];
  return Array.from(page.index, (index, i) => {
    const row = { index };
    for (const key of PLAIN) row[key] = page[key]?.[i];
    row.tier = tiers[page.tier?.[i]]?.name ?? null;
    row.labels = Object.fromEntries(dimensions.map((dimension, d) =>
      [dimension.id, dimension.labels[page.labels?.[d]?.[i]]?.label ?? null]));
    if (page.clv) {
      row.clv = Object.fromEntries(Object.entries(page.clv).map(([key, column]) =>
        [key, Number.isNaN(column[i]) ? null : column[i]]));
    }
    return row;
  });
}
