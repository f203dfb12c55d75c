import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { auxModel, close, runYaml } from '../helpers.js';
import { runtime } from '../../src/builtins/runtime.js';

const series = (equation: string, extra = '', sim?: string) => Array.from(runYaml(auxModel(equation, extra, sim)).series('out'));
const value = (equation: string) => series(equation)[0];

test('arithmetic, power and precedence follow the usual rules', () => {
  assert.is(value('1 + 2 * 3 ^ 2'), 19);
  assert.is(value('-2 ^ 2'), -4);
  assert.is(value('2 ^ 3 ^ 2'), 512);
  assert.is(value('(1 + 2) * 3'), 9);
});

test('mod is floored: the sign follows the divisor', () => {
  assert.is(value('mod(-5, 3)'), 1);
  assert.is(value('5 mod -3'), -1);
  assert.is(value('7 % 3'), 1);
});

test('comparisons and logic give 0 or 1', () => {
  assert.equal([value('2 > 1'), value('2 <= 1'), value('1 == 1'), value('1 <> 1')], [1, 0, 1, 0]);
  assert.equal([value('1 and 0'), value('1 or 0'), value('not 0'), value('1 xor 1')], [0, 1, 1, 0]);
});

test('if-then-else and the ternary choose branches', () => {
  assert.equal(series('if time >= 2 then 10 else 20'), [20, 20, 10, 10, 10]);
  assert.equal(series('time > 2 ? 1 : 0'), [0, 0, 0, 1, 1]);
});

test('min, max, sum, prod take any number of arguments', () => {
  assert.equal([value('min(3, 1, 2)'), value('max(3, 1, 2)'), value('sum(1, 2, 3)'), value('prod(2, 3, 4)')], [1, 3, 6, 24]);
});

test('math functions match JavaScript Math', () => {
  close(value('exp(1)'), Math.E, 1e-15);
  close(value('ln(e)'), 1, 1e-15);
  close(value('log10(1000)'), 3, 1e-15);
  close(value('log(8, 2)'), 3, 1e-12);
  close(value('sqrt(2) * sqrt(2)'), 2, 1e-12);
  close(value('sin(pi / 2) + cos(0) + tan(0) + arctan(1) * 4 / pi'), 3, 1e-12);
  assert.equal([value('floor(-1.5)'), value('ceil(-1.5)'), value('int(2.7)'), value('trunc(-2.7)')], [-2, -1, 2, -2]);
  assert.equal([value('round(2.5)'), value('round(-2.5)'), value('abs(-3)'), value('sign(-3)')], [3, -3, 3, -1]);
});

test('gammaln is ln |Γ(x)|: Γ(10) = 9!, Γ(1/2) = √π, Γ(−1/2) = −2√π; poles give +∞', () => {
  // mathjs' Lanczos lgamma is good to a few 1e-12 (0.5 → 3.4e-12 off); Vensim's own GAMMA LN(1) is −3.4e-11.
  const near = (a: number, b: number) => Math.abs(a - b) < 1e-10 * Math.max(1, Math.abs(b));
  assert.ok(near(value('gammaln(10)'), Math.log(362880)));
  assert.ok(near(value('gammaln(0.5)'), Math.log(Math.sqrt(Math.PI))));
  assert.ok(near(value('gammaln(1)'), 0));
  assert.ok(near(value('gammaln(-0.5)'), Math.log(2 * Math.sqrt(Math.PI))));
  assert.equal([runtime.gammaLn(0), runtime.gammaLn(-2)], [Infinity, Infinity]);
});

test('xidz and zidz guard division by zero', () => {
  assert.equal([value('xidz(1, 0, 7)'), value('xidz(6, 3, 7)'), value('zidz(1, 0)'), value('zidz(6, 3)')], [7, 2, 0, 2]);
  assert.is(value('quantum(7.5, 2)'), 6);
});

test('step and ramp start at their times', () => {
  assert.equal(series('step(5, 2)'), [0, 0, 5, 5, 5]);
  assert.equal(series('ramp(2, 1)'), [0, 0, 2, 4, 6]);
  assert.equal(series('ramp(2, 1, 2)'), [0, 0, 2, 2, 2]);
});

test('pulse has area `magnitude` over one dt and repeats with an interval', () => {
  const sim = 'start: 0\n  stop: 3\n  dt: 0.5';
  assert.equal(series('pulse(3, 1)', '', sim), [0, 0, 6, 0, 0, 0, 0]);
  assert.equal(series('pulse(1, 0.5, 1)', '', sim), [0, 2, 0, 2, 0, 2, 0]);
});

test('pulse_train is on for `width` out of every `interval` until `end`', () => {
  const sim = 'start: 0\n  stop: 8\n  dt: 1';
  assert.equal(series('pulse_train(1, 2, 3, 6)', '', sim), [0, 1, 1, 0, 1, 1, 0, 0, 0]);
});

test('time, dt, starttime and stoptime are available', () => {
  assert.equal(series('time * 10 + dt + starttime + stoptime', '', 'start: 1\n  stop: 3\n  dt: 1'), [15, 25, 35]);
});

const table = (interpolation: string) => `lookups:\n  tab:\n    points: [[0, 0], [1, 10], [2, 0]]\n    interpolation: ${interpolation}\n`;

test('lookups interpolate, clamp, step or extrapolate as declared', () => {
  const sim = 'start: -1\n  stop: 3\n  dt: 0.5';
  assert.equal(series('tab(time)', table('continuous'), sim), [0, 0, 0, 5, 10, 5, 0, 0, 0]);
  assert.equal(series('tab(time)', table('discrete'), sim), [0, 0, 0, 0, 10, 10, 0, 0, 0]);
  assert.equal(series('lookup(tab, time)', table('extrapolate'), sim), [-10, -5, 0, 5, 10, 5, 0, -5, -10]);
});

test('an auxiliary with a graphical function applies it to its equation', () => {
  const yaml = `sim:\n  start: 0\n  stop: 2\n  dt: 0.5\nauxiliaries:\n  out:\n    equation: time\n    lookup: { points: [[0, 1], [2, 3]] }\n`;
  assert.equal(Array.from(runYaml(yaml).series('out')), [1, 1.5, 2, 2.5, 3]);
});

test.run();
