// How the engine's labels read on screen. The RFM segment names are the engine's English words
// (downloads and data-* attributes keep them); the page shows them in its language. Every
// other label is the policy's own word and is shown as written.

import { strings } from './strings.js';

/**
 * @param {{type: string}|null|undefined} dimension the dimension the label belongs to
 * @param {string} label as the engine gave it
 */
export const labelText = (dimension, label) => (dimension?.type === 'rfm_segments' && label ? strings.segmentName(label) : label);
