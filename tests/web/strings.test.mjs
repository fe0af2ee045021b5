// The page's languages: every table has exactly the keys of the English one (web/views/strings.js),
// a text where it has a text and a function of the same arity where it has a function; every
// `data-string` of index.html names a text; the words the engine names by a fixed key (its
// RFM segments, skip reasons and presets, read from core/src) all have a Chinese display.
//
// Run: node --test tests/web/

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';

import { LANGUAGES, languageFor } from '../../web/i18n/language.js';
import { zhCN } from '../../web/i18n/zh-CN.js';
import { en } from '../../web/views/strings.js';
import { repoRoot } from '../support/paths.mjs';

const source = (relative) => readFileSync(path.join(repoRoot, relative), 'utf8');

/** Every leaf of a table as `[dotted key, value]`. */
function leaves(table, prefix = '') {
  return Object.entries(table).flatMap(([key, value]) => (value && typeof value === 'object'
    ? leaves(value, `${prefix}${key}.`)
    : [[`${prefix}${key}`, value]]));
}

/** A leaf's shape: 'string', 'function/2' … */
const shape = (value) => (typeof value === 'function' ? `function/${value.length}` : typeof value);

describe('every language has the keys of the English table', () => {
  const english = new Map(leaves(en).map(([key, value]) => [key, shape(value)]));

  for (const [id, table] of Object.entries(LANGUAGES)) {
    test(`${id}: the same keys, texts and function arities`, () => {
      const other = new Map(leaves(table).map(([key, value]) => [key, shape(value)]));
      assert.deepEqual([...other.keys()].filter((key) => !english.has(key)), [], `keys ${id} has and English has not`);
      assert.deepEqual([...english.keys()].filter((key) => !other.has(key)), [], `keys English has and ${id} has not`);
      const differ = [...english].filter(([key, kind]) => other.get(key) !== kind).map(([key, kind]) => `${key}: ${kind} in English, ${other.get(key)} in ${id}`);
      assert.deepEqual(differ, []);
    });
  }

  test('zh-CN: the functions answer text for text arguments', () => {
    for (const [key, value] of leaves(zhCN)) {
      if (typeof value !== 'function') continue;
      const answer = value(...Array.from({ length: value.length }, (_, i) => (key.endsWith('countWithExamples') && i === 1 ? ['a'] : `x${i}`)));
      assert.equal(typeof answer, 'string', key);
      assert.ok(!answer.includes('undefined'), `${key} says “${answer}”`);
    }
  });

  test('zh-CN formats numbers and dates for zh-CN', () => {
    assert.equal(zhCN.locale, 'zh-CN');
    assert.equal(en.locale, 'en-US');
  });
});

test('every data-string of index.html names a text in every language', () => {
  const keys = [...source('web/index.html').matchAll(/data-string="([^"]+)"/g)].map((match) => match[1]);
  assert.ok(keys.length > 10);
  for (const [id, table] of Object.entries(LANGUAGES)) {
    for (const key of keys) {
      const text = key.split('.').reduce((group, part) => group?.[part], table);
      assert.equal(typeof text, 'string', `${id} has no text “${key}”`);
    }
  }
});

describe('words the engine names by a fixed key have a Chinese display', () => {
  test('the 11 RFM segments (core/src/segments.cpp)', () => {
    const names = [...source('core/src/segments.cpp').matchAll(/\{"([^"]+)", \{"\d\d"/g)].map((match) => match[1]);
    assert.equal(names.length, 11);
    for (const name of names) {
      assert.equal(en.segmentName(name), name, 'English shows the engine’s name');
      assert.match(zhCN.segmentName(name), /^[\u4e00-\u9fff]+$/, `${name} has a Chinese name`);
    }
    assert.equal(new Set(names.map(zhCN.segmentName)).size, names.length, 'no two segments read the same');
    assert.equal(zhCN.segmentName('Something new'), 'Something new', 'a name the table does not know shows as written');
  });

  test('the skip reasons (core/src/skipped_rows.cpp)', () => {
    const codes = [...source('core/src/skipped_rows.cpp').matchAll(/return "([a-z_]+)";/g)].map((match) => match[1])
      .filter((code) => code !== 'unknown');
    assert.ok(codes.length >= 15);
    for (const code of codes) {
      assert.equal(en.skipReason(code, 'engine words'), 'engine words');
      assert.match(zhCN.skipReason(code, 'engine words'), /[\u4e00-\u9fff]/, `${code} has a Chinese description`);
    }
    assert.equal(zhCN.skipReason('new_reason', 'engine words'), 'engine words');
  });

  test('the presets (core/src/presets.cpp)', () => {
    const ids = [...source('core/src/presets.cpp').matchAll(/^\s+\{"([a-z0-9_]+)", "/gm)].map((match) => match[1]);
    assert.ok(ids.length >= 7);
    for (const id of ids) {
      assert.equal(en.policy.presetName(id, 'engine name'), 'engine name');
      assert.notEqual(zhCN.policy.presetName(id, 'engine name'), 'engine name', `${id} has a Chinese name`);
      assert.notEqual(zhCN.policy.presetDescription(id, 'engine words'), 'engine words', `${id} has a Chinese description`);
    }
  });
});

test('the browser’s languages pick the page’s: zh* is 简体中文, anything else English', () => {
  assert.equal(languageFor(['zh-CN']), 'zh-CN');
  assert.equal(languageFor(['zh']), 'zh-CN');
  assert.equal(languageFor(['zh-TW', 'en']), 'zh-CN');
  assert.equal(languageFor(['en-US', 'zh-CN']), 'en');
  assert.equal(languageFor(['fr-FR', 'zh-CN']), 'zh-CN', 'the first language TierLens speaks');
  assert.equal(languageFor(['fr-FR', 'de']), 'en');
  assert.equal(languageFor([]), 'en');
  assert.equal(languageFor(['zhx']), 'en');
});
