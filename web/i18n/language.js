// Which language the page speaks. A first visit follows the browser (the first of
// navigator.languages that TierLens speaks: zh* → 简体中文, en* → English; else English); a
// choice made in the header's switch is remembered in localStorage and wins from then on.
// Using a language copies its table into `strings` (views/strings.js), so every view drawn
// afterwards reads its words; the page then draws what is on screen again (app.js).

import { en, strings } from '../views/strings.js';
import { zhCN } from './zh-CN.js';

/** The tables by language id (the switch's option values and what localStorage keeps). */
export const LANGUAGES = Object.freeze({ en, 'zh-CN': zhCN });

const STORAGE_KEY = 'tierlens.language';

let current = 'en';

/** The id of the language in use. */
export const currentLanguage = () => current;

/** The language a visit opens in: the one chosen before, else the browser's. */
export function initialLanguage() {
  const remembered = rememberedLanguage();
  if (remembered) return remembered;
  return languageFor(navigator.languages?.length ? navigator.languages : [navigator.language]);
}

/** ['zh-TW', 'en'] → 'zh-CN'; ['fr', 'en-GB'] → 'en'; nothing TierLens speaks → 'en'. */
export function languageFor(preferences) {
  for (const tag of preferences) {
    const lower = String(tag ?? '').toLowerCase();
    if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-CN';
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
  }
  return 'en';
}

/** Makes `id` the language of `strings`. */
export function useLanguage(id) {
  if (!Object.hasOwn(LANGUAGES, id)) throw new Error(`TierLens has no language “${id}”`);
  Object.assign(strings, LANGUAGES[id]);
  current = id;
}

/** Keeps the user's choice for the next visit (silently not, where storage is refused). */
export function rememberLanguage(id) {
  try {
    storage()?.setItem(STORAGE_KEY, id);
  } catch {
    // Storage full or refused: the choice lasts for this visit only.
  }
}

/** The language chosen on an earlier visit, or null. */
function rememberedLanguage() {
  try {
    const id = storage()?.getItem(STORAGE_KEY) ?? '';
    return Object.hasOwn(LANGUAGES, id) ? id : null;
  } catch {
    return null;
  }
}

/** localStorage, or null where reading it throws (some browsers, for file:// pages). */
function storage() {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
