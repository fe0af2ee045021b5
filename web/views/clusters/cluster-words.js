// What the cluster views share: a feature's readable name and format, and a cluster's colour. Colours
// are classes (styles.css holds the palette: the page's CSP forbids inline styles), repeated
// after ten clusters; the number each label starts with tells repeats apart.

import { formatMoney, formatNumber } from '../format.js';
import { strings } from '../strings.js';

const PALETTE_SIZE = 10;
/** Features in money, shown with two decimals like every amount on the page. */
const MONEY_FEATURES = new Set(['monetary', 'average_order_value', 'clv', 'historical_clv', 'expected_spend']);

/** "monetary" → "Monetary"; a field the page has no name for is shown as written. */
export function featureName(feature) {
  return strings.fieldNames[feature] ?? feature;
}

/** A feature's value as read: money with two decimals, anything else as a plain number. */
export function formatFeature(feature, value) {
  return MONEY_FEATURES.has(feature) ? formatMoney(value) : formatNumber(value);
}

/** The colour class of cluster `index` (its label's index in the dimension). */
export function clusterColourClass(index) {
  return `cluster-c${index % PALETTE_SIZE}`;
}
