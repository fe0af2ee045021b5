// A new dimension of a chosen type, with settings that run as they are, so that adding one
// shows its effect at once and the user edits from a working example.

import { strings } from '../strings.js';

/** Ids for types whose own name is taken: `clv` is a metric, and an id may not be one. */
const ID_BASES = { clv: 'clv_class' };

/**
 * @param {string} type one of DIMENSION_TYPES
 * @param {object[]} existing the policy's dimensions, to keep the new id unique
 */
export function newDimension(type, existing) {
  const used = new Set(existing.map((dimension) => dimension.id));
  const base = ID_BASES[type] ?? type;
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
  const examples = strings.policy.newDimensionExamples;
  return { id, name: strings.policy.dimensionTypes[type], type, enabled: true, ...settingsOf(type, examples) };
}

function settingsOf(type, examples) {
  switch (type) {
    case 'rfm_classes':
      return { compare: 'score_mean' };
    case 'abc':
      return { by: 'revenue', cuts: [70, 20], labels: ['A', 'B', 'C'] };
    case 'bands':
      return {
        field: 'monetary',
        bands: [{ label: examples.high, min: 1000 }, { label: examples.medium, min: 100 }, { label: examples.low }],
      };
    case 'mapping':
      return { field: 'province', builtin: 'china_regions' };
    case 'lifecycle':
      return { new_days: 90, at_risk_days: 180, lost_days: 365, loyal_orders: 5 };
    case 'score':
      return {
        factors: [
          { field: 'monetary', weight: 2, normalize: 'percentile', direction: 'higher' },
          { field: 'frequency', weight: 1, normalize: 'percentile', direction: 'higher' },
          { field: 'recency', weight: 1, normalize: 'percentile', direction: 'lower' },
        ],
        grades: [{ label: 'A', min: 80 }, { label: 'B', min: 50 }, { label: 'C' }],
      };
    case 'tree':
      return {
        scheme: [2, 2],
        nodes: [
          { code: '01', name: examples.active, when: { field: 'recency', op: '<=', value: 180 } },
          { code: '0101', name: examples.high, when: { field: 'monetary', op: '>=', value: 1000 } },
          { code: '02', name: examples.inactive, when: { field: 'recency', op: '>', value: 180 } },
        ],
      };
    case 'clv':
      return { cuts: [20, 30], labels: [examples.high, examples.medium, examples.low] };
    case 'clusters':
      // k chosen by silhouette: the example finds its own number of clusters.
      return {
        features: ['recency', 'frequency', 'monetary'], log: true, k: null, k_min: 2, k_max: 8, seed: 42, restarts: 10,
        words: 'en',
      };
    case 'rules':
      return {
        rules: [
          { label: examples.high, when: { field: 'monetary', op: '>=', value: 1000 } },
          { label: examples.low },
        ],
      };
    default:
      return {};
  }
}
