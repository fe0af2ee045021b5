// One condition, shown as a readable line and edited as JSON in a text area. Text that is not
// JSON is not put into the draft: it is reported as a problem at its path
// (`tiers[1].when: …`), and the last readable condition stays in force until it is fixed.

import { el } from '../dom.js';
import { strings } from '../strings.js';
import { describeCondition } from './condition-text.js';
import { textArea, uniqueId } from './controls.js';

/**
 * @param {object} how
 * @param {object} how.owner the tier, rule or node whose condition this is
 * @param {string} how.label what the text area is, e.g. "Condition of tier 2"
 * @param {string} how.path the condition's path in the policy, for messages
 * @param {import('./policy-editor-view.js').EditorContext} how.context
 * @param {string} [how.emptyText] what an absent condition means here (e.g. "every customer
 *   left"); absent means the condition is required
 */
export function conditionEditor({ owner, label, path, context, emptyText }) {
  const id = uniqueId('condition');
  const readable = el('p', { class: 'condition-text', id: `${id}-text`, 'aria-live': 'polite', 'data-testid': 'condition-text' });
  const showReadable = () => {
    readable.textContent = owner.when === undefined
      ? (emptyText ?? strings.policy.conditionMissing)
      : describeCondition(owner.when);
  };

  const area = textArea({
    id,
    rows: 2,
    testid: 'condition-json',
    value: owner.when === undefined ? '' : formatCondition(owner.when),
    onInput: (text) => {
      const result = parseCondition(text);
      if (result.error) {
        context.problem(area, `${path}: ${strings.policy.notJson(result.error)}`);
      } else {
        context.problem(area, null);
        if (result.condition === undefined) delete owner.when;
        else owner.when = result.condition;
        showReadable();
      }
      context.edited();
    },
  });
  area.setAttribute('aria-describedby', readable.id);
  // Sized to what it holds (about 56 characters fit a line of the narrowest card), so a long
  // `all` list is not hidden behind a scroll bar.
  const lines = area.value.split('\n').reduce((total, line) => total + Math.max(1, Math.ceil(line.length / 56)), 0);
  area.rows = Math.min(8, Math.max(2, lines));
  showReadable();

  return el('div', { class: 'condition-editor' },
    el('label', { for: id, class: 'condition-label', text: label }),
    readable,
    area);
}

/**
 * One line per comparison, groups (`all`, `any`, `not`) indented around them, so that an
 * `in` list stays on its line and a nested group can still be read.
 */
export function formatCondition(condition, indent = '') {
  const group = groupOf(condition);
  if (!group) return oneLine(condition);
  const [key, parts] = group;
  if (key === 'not') return `{"not": ${formatCondition(parts, indent)}}`;
  const inner = `${indent}  `;
  return `{"${key}": [\n${parts.map((part) => inner + formatCondition(part, inner)).join(',\n')}\n${indent}]}`;
}

function groupOf(condition) {
  if (!condition || typeof condition !== 'object' || Array.isArray(condition)) return null;
  const keys = Object.keys(condition);
  if (keys.length !== 1) return null;
  const [key] = keys;
  if ((key === 'all' || key === 'any') && Array.isArray(condition[key])) return [key, condition[key]];
  if (key === 'not') return [key, condition.not];
  return null;
}

/** `{"field": "industry", "op": "in", "value": ["制造业", "电子"]}`: JSON on one line with a
 *  space after each colon and comma, built from the structure so text values stay untouched. */
function oneLine(value) {
  if (Array.isArray(value)) return `[${value.map(oneLine).join(', ')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${oneLine(item)}`).join(', ')}}`;
  }
  return JSON.stringify(value);
}

function parseCondition(text) {
  if (text.trim() === '') return { condition: undefined };
  try {
    return { condition: JSON.parse(text) };
  } catch (error) {
    return { error: error.message };
  }
}
