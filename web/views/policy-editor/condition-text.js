// A condition (core/POLICY.md, "Conditions") as one readable line, for the editor to show
// above its JSON: `employees ≥ 500 and industry in 制造业, 电子`. The words come from
// strings.js; field names and values are shown as written. The summary's own `rule` text
// stays the authority for what the core did; this only helps while editing.

import { strings } from '../strings.js';

const SYMBOLS = { '>=': '≥', '<=': '≤', '!=': '≠' };

/**
 * @param {unknown} condition
 * @returns {string} the line, or a note that the condition is not of a known shape
 */
export function describeCondition(condition) {
  return describe(condition, true);
}

function describe(condition, outermost) {
  const words = strings.policy.conditionWords;
  if (!condition || typeof condition !== 'object' || Array.isArray(condition)) return words.unreadable;
  if (Array.isArray(condition.all)) return group(condition.all, words.and, outermost);
  if (Array.isArray(condition.any)) return group(condition.any, words.or, outermost);
  if ('not' in condition) return `${words.not} (${describe(condition.not, true)})`;
  if (typeof condition.field !== 'string' || typeof condition.op !== 'string') return words.unreadable;

  const { field, op, value } = condition;
  switch (op) {
    case 'in':
      return `${field} ${words.in} ${Array.isArray(value) ? showList(value) : show(value)}`;
    case 'between':
      return Array.isArray(value) && value.length === 2
        ? words.between(field, show(value[0]), show(value[1]))
        : `${field} ${words.betweenWord} ${show(value)}`;
    case 'contains':
      return `${field} ${words.contains} ${show(value)}`;
    default:
      return `${field} ${SYMBOLS[op] ?? op} ${show(value)}`;
  }
}

function group(parts, joiner, outermost) {
  if (parts.length === 0) return strings.policy.conditionWords.always;
  const text = parts.map((part) => describe(part, false)).join(` ${joiner} `);
  return outermost || parts.length === 1 ? text : `(${text})`;
}

/** Text values in quotes only when they would otherwise read ambiguously (spaces, empty). */
function show(value, quote = needsQuotes(value)) {
  if (typeof value === 'string') return quote ? `“${value}”` : value;
  return JSON.stringify(value);
}

/** A list quotes all its texts or none, so the reader can tell where each one ends. */
function showList(values) {
  const quote = values.some(needsQuotes);
  return values.map((value) => show(value, quote)).join(', ');
}

function needsQuotes(value) {
  return typeof value === 'string' && (value === '' || /[\s,]/.test(value));
}
