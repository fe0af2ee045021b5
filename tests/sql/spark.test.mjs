// Spark SQL is printed from the same plan as the DuckDB and PostgreSQL scripts but no Spark runs
// here: for every preset it must be produced, and hold together as Spark reads SQL — strings
// with backslash escapes, identifiers in backticks, no recursive CTE, parentheses balanced,
// every step defined once before it is read.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { runCli, writeSampleWithCli } from '../support/cli.mjs';

const sample = writeSampleWithCli();

/** The script with comments, strings and identifiers blanked, as Spark's lexer splits them. */
function sparkCode(script) {
  let code = '';
  for (let i = 0; i < script.length; i++) {
    const c = script[i];
    if (c === '-' && script[i + 1] === '-') {
      while (i < script.length && script[i] !== '\n') i++;
      code += '\n';
    } else if (c === "'" || c === '`') {
      let j = i + 1;
      for (; j < script.length; j++) {
        if (c === "'" && script[j] === '\\') j++;
        else if (script[j] === c && c === '`' && script[j + 1] === '`') j++;
        else if (script[j] === c) break;
      }
      assert.ok(j < script.length, `an open quote at ${i}: ${script.slice(i, i + 40)}`);
      code += c === "'" ? "'s'" : 'ident';
      i = j;
    } else {
      code += c;
    }
  }
  return code;
}

const dir = mkdtempSync(join(tmpdir(), 'tierlens-spark-'));
const ids = runCli(['presets', '--out', dir]).trim().split('\n').map((line) => line.split(/\s+/)[0]);

for (const id of ids) {
  test(`Spark SQL for ${id} is produced and holds together`, () => {
    const policy = readFileSync(join(dir, `${id}.json`), 'utf8');
    const fit = /"type": "(clv|clusters)"/.test(policy) ? ['--fit', sample] : [sample];
    const script = runCli(['sql', '--dialect', 'spark', '--preset', id, ...fit]);
    assert.match(script, /-- This script: Spark SQL\./);
    const code = sparkCode(script);
    assert.doesNotMatch(code, /"/, 'identifiers are quoted with backticks in Spark');
    assert.doesNotMatch(code, /RECURSIVE/);
    assert.doesNotMatch(code, / \/\/ /, 'integer division is DIV in Spark');
    let depth = 0;
    for (const c of code) {
      depth += c === '(' ? 1 : c === ')' ? -1 : 0;
      assert.ok(depth >= 0, 'a parenthesis closed before it opened');
    }
    assert.equal(depth, 0, 'parentheses balanced');
    assert.equal(code.trimEnd().at(-1), ';');
    assert.equal(code.split(';').length, 2, 'one statement');
    const defined = new Set();
    const steps = [...code.matchAll(/(?:^|\n)([a-z_][a-z0-9_]*) AS \(/g)];
    let from = 0;
    for (const step of steps) {
      for (const read of code.slice(from, step.index).matchAll(/(?:FROM|JOIN) ([a-z_][a-z0-9_]*)/g)) {
        assert.ok(defined.has(read[1]) || read[1] === 'ident' || read[1].length === 1, `${read[1]} read before it is defined`);
      }
      assert.ok(!defined.has(step[1]), `${step[1]} defined twice`);
      defined.add(step[1]);
      from = step.index;
    }
    for (const step of ['order_lines', 'customers', 'metrics', 'rfm_scores', 'segments']) assert.ok(defined.has(step), step);
    if (fit[0] === '--fit') assert.match(code, /aggregate\(sequence\(0, 5000\)/);
  });
}
