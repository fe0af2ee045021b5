// Which settings form each dimension type has. `rfm_segments` has none: it follows the RFM
// scoring settings of the whole policy.

import { abcForm } from './abc-form.js';
import { bandsForm } from './bands-form.js';
import { clustersForm } from './clusters-form.js';
import { clvForm } from './clv-form.js';
import { lifecycleForm } from './lifecycle-form.js';
import { mappingForm } from './mapping-form.js';
import { rfmClassesForm } from './rfm-classes-form.js';
import { rulesForm } from './rules-form.js';
import { scoreForm } from './score-form.js';
import { treeForm } from './tree-form.js';

/** The dimension types, in the order the "add a dimension" list offers them. */
export const DIMENSION_TYPES = [
  'rfm_segments', 'rfm_classes', 'abc', 'bands', 'mapping', 'lifecycle', 'score', 'tree', 'rules', 'clv', 'clusters',
];

const FORMS = {
  rfm_segments: null,
  rfm_classes: rfmClassesForm,
  abc: abcForm,
  bands: bandsForm,
  mapping: mappingForm,
  lifecycle: lifecycleForm,
  score: scoreForm,
  tree: treeForm,
  rules: rulesForm,
  clv: clvForm,
  clusters: clustersForm,
};

/**
 * The settings form of `dimension`, or null when its type has no settings (or is unknown to
 * this page: the policy check then names it).
 */
export function settingsForm(dimension, context, path) {
  const form = FORMS[dimension.type];
  return form ? form(dimension, context, path) : null;
}
