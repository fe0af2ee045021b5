// The same wasm engine the page runs, loaded under Node, as the reference the page's numbers
// are held to: what the page shows for a policy must be what the engine computes for it.

import { readFileSync } from 'node:fs';

import { loadEngine } from '../../web/engine/tierlens-engine.js';
import { wasmPath } from '../support/paths.mjs';

export const SAMPLE_FILE_NAME = 'tierlens-sample-orders.csv';

/** @returns {Promise<import('../../web/engine/tierlens-engine.js').TierLensEngine>} */
export function loadReferenceEngine() {
  return loadEngine({ wasmBinary: readFileSync(wasmPath) });
}

/** Classifies the built-in sample under `policy` (an object, or null for the default). */
export function classifySample(engine, policy) {
  const bytes = engine.sampleOrdersCsv().slice(); // our own copy, not a view of the heap
  engine.begin(SAMPLE_FILE_NAME, policy);
  engine.feed(bytes);
  return engine.finish();
}

/** The tiers as the page's tier summary shows them (see page-driver readTierSummary). */
export const tierNumbers = (summary) => summary.tiers.map(({ name, rule, customers, customer_share, revenue, revenue_share }) =>
  ({ name, rule, customers, customer_share, revenue, revenue_share }));

/** The dimensions as the page's label tables show them (see page-driver readDimensionLabels). */
export const dimensionNumbers = (summary) => summary.dimensions.map(({ id, name, labels }) => ({
  id,
  name,
  labels: labels.map(({ label, customers, customer_share, revenue, revenue_share }) =>
    ({ label, customers, customer_share, revenue, revenue_share })),
}));

/** The message the engine refuses `policy` with, or null when it accepts it. */
export function policyProblem(engine, policy) {
  try {
    engine.checkPolicy(policy);
    return null;
  } catch (error) {
    return error.message;
  }
}
