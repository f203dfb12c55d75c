import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cli, tempFile } from './cli-helpers.js';

test('check exits 0 on a clean model', () => {
  const r = cli('check', 'models/teacup.yaml');
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /ok/);
});

test('check reports every problem, one per line, and exits 1', () => {
  const model = tempFile('many.yaml', [
    'sim: { start: 0, stop: 5, dt: 1 }',
    'stocks:',
    '  s: { initial: 1, outflows: [drian] }',
    'flows:',
    '  drain: { equation: s * 0.1 }',
    'auxiliaries:',
    '  a: { equation: b + 1 }',
    '  b: { equation: a }',
    '  c: { equation: "smooth(a)" }',
  ].join('\n'));
  const r = cli('check', model);
  assert.is(r.code, 1);
  const lines = r.stderr.trim().split('\n');
  assert.is(lines.length, 2, r.stderr);
  assert.match(r.stderr, /unknown-flow.*did you mean 'drain'/);
  assert.match(r.stderr, /wrong-arity/);
});

test('check finds algebraic loops once names resolve', () => {
  const model = tempFile('loop.yaml', 'sim: { start: 0, stop: 5, dt: 1 }\nauxiliaries:\n  a: { equation: b + 1 }\n  b: { equation: a }\n');
  const r = cli('check', model);
  assert.is(r.code, 1);
  assert.match(r.stderr, /algebraic-loop.*a → b → a|b → a → b/);
});

test('check reports unit mismatches as warnings, and --strict-units makes them fail', () => {
  const model = tempFile('units.yaml', [
    'sim: { start: 0, stop: 5, dt: 1, time_unit: minute }',
    'stocks:',
    '  Tea: { initial: 180, outflows: [Loss], units: degF }',
    'flows:',
    '  Loss: { equation: Tea / Tau, units: degF/hour }',
    'constants:',
    '  Tau: { value: 10, units: minute }',
  ].join('\n'));
  const r = cli('check', model);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stderr, /unit-mismatch/);
  assert.match(r.stderr, /degF\/hour/);
  assert.is(cli('check', model, '--strict-units').code, 1);
});

test.run();
