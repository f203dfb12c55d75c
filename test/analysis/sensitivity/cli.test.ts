/** `stockflow sensitivity` as a user runs it (the built CLI; npm test builds first). */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cli } from '../../cli/cli-helpers.js';
import { parseMetric, parseParams } from '../../../src/cli/commands/sensitivity.js';
import { modelFrom } from '../../helpers.js';

test("sensitivity --json=- writes { method, metric, indices } for the model's first metric", () => {
  const r = cli('sensitivity', 'models/teacup.yaml', '--design', 'morris', '--samples', '4', '--seed', '3', '--workers', '1', '--json=-');
  assert.is(r.code, 0, r.stderr);
  assert.is(r.stderr, '', 'no progress bar when stderr is not a terminal');
  const out = JSON.parse(r.stdout);
  assert.is(out.method, 'morris');
  assert.is(out.metric, 'Teacup Temperature:final');
  assert.equal(Object.keys(out.indices).sort(), ['Characteristic Time', 'Room Temperature']);
  for (const x of Object.values(out.indices) as Record<string, number>[]) for (const k of ['mu', 'mu_star', 'sigma']) assert.type(x[k], 'number');
  assert.is(out.runs, 4 * 3);
});

test('the integrator is --method as in every command; --integrator still works with a warning; --design is the analysis', () => {
  const base = ['sensitivity', 'models/teacup.yaml', '--design', 'oat', '--samples', '3', '--workers', '1', '--json=-'];
  const euler = cli(...base, '--method', 'euler');
  const rk4 = cli(...base, '--method', 'rk4');
  assert.is(euler.code, 0, euler.stderr);
  assert.is(rk4.code, 0, rk4.stderr);
  assert.is(JSON.parse(euler.stdout).method, 'oat');
  assert.is.not(euler.stdout, rk4.stdout, 'the integrator changes the indices');
  const old = cli(...base, '--integrator', 'rk4');
  assert.is(old.code, 0, old.stderr);
  assert.is(old.stdout, rk4.stdout);
  assert.match(old.stderr, /--integrator is deprecated; use --method/);
  const design = cli('sensitivity', 'models/teacup.yaml', '--method', 'sobol');
  assert.is(design.code, 2);
  assert.match(design.stderr, /the sensitivity design is --design sobol/);
  assert.is(cli(...base, '--method', 'rk4', '--integrator', 'euler').code, 2);
});

test('an unknown parameter is a model error (exit 1) with a suggestion, not a stack trace', () => {
  const r = cli('sensitivity', 'models/teacup.yaml', '--design', 'oat', '--param', 'Room Temprature=60:80', '--metric', 'Teacup Temperature:max', '--workers', '1');
  assert.is(r.code, 1);
  assert.match(r.stderr, /error\[unknown-variable\].*did you mean 'Room Temperature'/);
  assert.not.match(r.stderr, /at .*\.js/);
});

test('--param NAME=LO:HI and --metric VAR[:aggregate][@threshold] are parsed, bad ones are usage errors', () => {
  assert.equal(parseParams(['Room Temperature=-5:1e2', 'Characteristic Time']), [{ name: 'Room Temperature', lo: -5, hi: 100 }, { name: 'Characteristic Time' }]);
  assert.throws(() => parseParams(['x=3:1']), /range 3:1 is empty/);
  assert.throws(() => parseParams(['x=a:b']), /NAME=LO:HI/);
  const model = modelFrom('sim: { start: 0, stop: 1, dt: 1 }\nconstants:\n  c: { value: 1 }\nmetrics:\n  Peak C: { variable: c, aggregate: max, better: lower }\n');
  assert.equal(parseMetric(model, undefined), { variable: 'c', aggregate: 'max', threshold: undefined });
  assert.equal(parseMetric(model, 'peak c'), { variable: 'c', aggregate: 'max', threshold: undefined });
  assert.equal(parseMetric(model, 'Stock A'), { variable: 'Stock A', aggregate: 'final' });
  assert.equal(parseMetric(model, 'Stock A:integral'), { variable: 'Stock A', aggregate: 'integral' });
  assert.equal(parseMetric(model, 'Stock A:first_time_above@120'), { variable: 'Stock A', aggregate: 'first_time_above', threshold: 120 });
  assert.throws(() => parseMetric(model, 'Stock A:median'), /unknown aggregate 'median'/);
});

test.run();
