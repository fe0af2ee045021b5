// Fills the page's static text from strings.js: index.html marks each text with
// `data-string="key"` (dotted keys reach into nested groups), so it holds no text of its own.
// Called again when the language changes.

import { strings } from './strings.js';

/** @param {ParentNode} root */
export function applyStaticText(root = document) {
  document.documentElement.lang = strings.locale; // en-US, zh-CN: also picks the CJK glyphs
  document.title = strings.pageTitle;
  for (const node of root.querySelectorAll('[data-string]')) {
    const text = lookUp(node.dataset.string);
    if (typeof text !== 'string') throw new Error(`strings.js has no text “${node.dataset.string}”`);
    node.textContent = text;
  }
}

function lookUp(dottedKey) {
  return dottedKey.split('.').reduce((group, key) => group?.[key], strings);
}
