// The Sankey option of a comparison (web/views/migration/migration-sankey.js) is a pure
// function, for the page and for the HTML report's server-side rendering: the hand-made
// comparison of tests/core/migration_test.cpp gives known nodes, flows and kinds.
//
// Run: node --test tests/web/

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { FLOW_COLOURS, flowKind, migrationSankeyOption } from '../../web/views/migration/migration-sankey.js';

// Rows key, normal, new; columns key, normal, gone: A normal → key (up), B key → normal (down),
// D stays normal, C is new (key), E is gone (was key).
const migration = { labels: ['key', 'normal'], matrix: [[0, 1, 1], [1, 1, 0], [1, 0, 0]] };
const words = {
  labelText: (label) => label.toUpperCase(),
  newCustomers: 'New',
  goneCustomers: 'Gone',
  flowText: (before, after, count) => `${before} → ${after}: ${count}`,
  nodeText: (label, count) => `${label}: ${count}`,
  description: 'flows',
};

test('a flow per non-empty cell, coloured by its kind, between the nodes of both sides', () => {
  const option = migrationSankeyOption(migration, words);
  const [series] = option.series;
  assert.equal(series.type, 'sankey');
  assert.equal(series.layoutIterations, 0); // the labels stay in their order, best first
  assert.deepEqual(series.data.map(({ id, name, depth, value, tip }) => [id, name, depth, value, tip]), [
    ['before-0', 'KEY', 0, 2, 'KEY: 2'],
    ['before-1', 'NORMAL', 0, 2, 'NORMAL: 2'],
    ['before-2', 'New', 0, 1, 'New: 1'],
    ['after-0', 'KEY', 1, 2, 'KEY: 2'],
    ['after-1', 'NORMAL', 1, 2, 'NORMAL: 2'],
    ['after-2', 'Gone', 1, 1, 'Gone: 1'],
  ]);
  assert.deepEqual(series.links.map(({ source, target, value, kind, lineStyle, tip }) => [source, target, value, kind, lineStyle.color, tip]), [
    ['before-0', 'after-1', 1, 'down', FLOW_COLOURS.down, 'KEY → NORMAL: 1'],
    ['before-0', 'after-2', 1, 'gone', FLOW_COLOURS.gone, 'KEY → Gone: 1'],
    ['before-1', 'after-0', 1, 'up', FLOW_COLOURS.up, 'NORMAL → KEY: 1'],
    ['before-1', 'after-1', 1, 'same', FLOW_COLOURS.same, 'NORMAL → NORMAL: 1'],
    ['before-2', 'after-0', 1, 'new', FLOW_COLOURS.new, 'New → KEY: 1'],
  ]);
  // Names and tooltips come from the data, never from a template a label could disturb.
  assert.equal(series.label.formatter({ data: { name: '{b} {a|x}' } }), '{b} {a|x}');
  assert.equal(option.tooltip.renderMode, 'richText'); // an HTML tooltip would need inline styles
  assert.equal(option.tooltip.formatter({ data: series.links[2] }), 'NORMAL → KEY: 1');
  assert.deepEqual(option.aria, { enabled: true, label: { description: 'flows' } });
});

test('a label nobody has on one side has no node there, and the same input gives the same option', () => {
  const lopsided = { labels: ['a', 'b'], matrix: [[3, 0, 0], [0, 0, 0], [0, 2, 0]] };
  const option = migrationSankeyOption(lopsided, words);
  assert.deepEqual(option.series[0].data.map(({ id }) => id), ['before-0', 'before-2', 'after-0', 'after-1']);
  assert.equal(JSON.stringify(migrationSankeyOption(lopsided, words)), JSON.stringify(option));
  assert.deepEqual([flowKind(0, 0, 2), flowKind(1, 0, 2), flowKind(0, 1, 2), flowKind(2, 1, 2), flowKind(1, 2, 2)],
    ['same', 'up', 'down', 'new', 'gone']);
});
