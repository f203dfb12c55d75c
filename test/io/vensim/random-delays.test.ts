/**
 * Vensim RANDOM … functions and the discrete delays DELAY MATERIAL, DELAY INFORMATION and
 * DELAY CONVEYOR, read from inline .mdl texts and run; the functions stockflow refuses give
 * located diagnostics. Expected delay outputs are worked out by hand in the comments.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readVensim } from '../../../src/io/vensim/index.js';
import { writeXmile } from '../../../src/io/xmile/index.js';
import { trySimulate } from '../../../src/sim/simulate.js';
import type { SimulateOptions } from '../../../src/sim/simulate.js';
import type { Model } from '../../../src/model/types.js';
import { close } from '../../helpers.js';
import { diags, eq, mdl } from './helpers.js';

/** Reads equations with a control section of our own (time 0 to `stop`, step `dt`). */
function model(equations: string, stop = 6, dt = 1): Model {
  const control = `INITIAL TIME = 0 ~ ~ |\nFINAL TIME = ${stop} ~ ~ |\nTIME STEP = ${dt} ~ ~ |\nSAVEPER = TIME STEP ~ ~ |\n`;
  const { model: m, diagnostics } = readVensim(`{UTF-8}\n${equations}\n${control}`, 'test.mdl');
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!m || errors.length) throw new Error(errors.map((d) => `${d.line}:${d.column} ${d.message}`).join('; '));
  return m;
}

function series(m: Model, name: string, options: SimulateOptions = {}): number[] {
  const s = trySimulate(m, options);
  if (!s.result) throw new Error(s.diagnostics.map((d) => d.message).join('; '));
  return Array.from(s.result.series(name));
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

test('RANDOM … become the native truncated draws with Vensim\'s arguments; stream 0 is the run\'s stream', () => {
  const m = mdl(`a = RANDOM POISSON(0, 100, 3, 0, 1, 0) ~ ~ |
b = RANDOM TRIANGULAR(0, 10, 1, 2, 8, 5) ~ ~ |
c = RANDOM NEGATIVE BINOMIAL(0, 100, 0.5, 3, 1, 2, s) ~ ~ |
s = 7 ~ ~ |
d = RANDOM 0 1() ~ ~ |
e = RANDOM NORMAL(-1, 1, 0, 2, 0) ~ ~ |`);
  assert.is(eq(m, 'a'), 'random_poisson(0, 100, 3, 0, 1)');
  // stream 5 is mixed with the variable's name: a seed of b's own, fixed for every run
  assert.match(eq(m, 'b'), /^random_triangular\(0, 10, 1, 2, 8, \d+\)$/);
  assert.is.not(eq(m, 'b'), 'random_triangular(0, 10, 1, 2, 8, 5)');
  assert.match(eq(m, 'c'), /^random_negative_binomial\(0, 100, 0\.5, 3, 1, 2, if s == 0 then -1 else s \+ \d+\)$/);
  assert.is(eq(m, 'd'), 'random(0, 1)');
  assert.is(eq(m, 'e'), 'random_normal(-1, 1, 0, 2)');
});

test('every RANDOM function stays inside its bounds; discrete ones give whole numbers', () => {
  const m = model(`po = RANDOM POISSON(1, 6, 4, 0, 1, 0) ~ ~ |
ga = RANDOM GAMMA(0.5, 3, 2, 0, 1, 0) ~ ~ |
we = RANDOM WEIBULL(0, 1.5, 2, 0, 1, 0) ~ ~ |
be = RANDOM BETA(0.2, 0.8, 2, 3, 0, 1, 0) ~ ~ |
bi = RANDOM BINOMIAL(2, 8, 0.4, 10, 0, 1, 0) ~ ~ |
nb = RANDOM NEGATIVE BINOMIAL(3, 10, 0.5, 3, 0, 1, 0) ~ ~ |
tr = RANDOM TRIANGULAR(2, 6, 0, 4, 10, 0) ~ ~ |
ex = RANDOM EXPONENTIAL(1, 4, 1, 2, 0) ~ ~ |`, 500);
  const bounds: Record<string, [number, number, boolean]> = {
    po: [1, 6, true], ga: [0.5, 3, false], we: [0, 1.5, false], be: [0.2, 0.8, false], bi: [2, 8, true],
    nb: [3, 10, true], tr: [2, 6, false], ex: [1, 4, false],
  };
  for (const [name, [lo, hi, whole]] of Object.entries(bounds)) {
    const xs = series(m, name);
    assert.ok(xs.every((x) => x >= lo && x <= hi && (!whole || Number.isInteger(x))), name);
    assert.ok(new Set(xs).size > 2, `${name} varies`);
  }
});

test('RANDOM NORMAL is truncated, not clipped: within [0, 10] it is half-normal, never exactly 0', () => {
  // 2001 draws; half-normal mean √(2/π) ≈ 0.798, sd √(1 − 2/π) ≈ 0.603; 4.5 standard errors
  const xs = series(model('x = RANDOM NORMAL(0, 10, 0, 1, 0) ~ ~ |', 2000), 'x');
  assert.ok(xs.every((x) => x > 0 && x <= 10));
  close(mean(xs), Math.sqrt(2 / Math.PI), 4.5 * 0.603 / Math.sqrt(xs.length));
});

test('RANDOM POISSON stretched and shifted: 10 + 2·Poisson(4) has mean 18', () => {
  // unbounded in practice ([0, 1e6]); mean 10 + 2·4, sd 2·√4 = 4; 2001 draws, 4.5 standard errors
  const xs = series(model('x = RANDOM POISSON(0, 1e6, 4, 10, 2, 0) ~ ~ |', 2000), 'x');
  assert.ok(xs.every((x) => Number.isInteger(x) && x % 2 === 0));
  close(mean(xs), 18, 4.5 * 4 / Math.sqrt(xs.length));
});

test('the same run seed repeats; another differs; a stream ID of its own ignores the run seed; stream-0 sites differ', () => {
  const m = model('a = RANDOM GAMMA(0, 100, 2, 0, 1, 0) ~ ~ |\nb = RANDOM GAMMA(0, 100, 2, 0, 1, 0) ~ ~ |\nc = RANDOM GAMMA(0, 100, 2, 0, 1, 3) ~ ~ |', 20);
  assert.equal(series(m, 'a'), series(m, 'a'));
  assert.not.equal(series(m, 'a', { seed: 9 }), series(m, 'a'));
  assert.equal(series(m, 'c', { seed: 9 }), series(m, 'c'));
  assert.not.equal(series(m, 'a'), series(m, 'b'));
});

test('calls sharing a stream ID are coupled, "not the same" (Vensim reference, Stream ID): each element and each variable draws its own numbers, the same in every run', () => {
  const m = model('Dim: a, b, c ~ ~ |\nx[Dim] = RANDOM UNIFORM(0, 1, 7) ~ ~ |\ny[Dim] = RANDOM NORMAL(-5, 5, 0, 1, 7) ~ ~ |\nz = RANDOM UNIFORM(0, 1, 7) ~ ~ |', 20);
  const all = ['x[a]', 'x[b]', 'x[c]', 'y[a]', 'y[b]', 'y[c]', 'z'].map((n) => series(m, n));
  for (let i = 0; i < all.length; i++) for (let j = 0; j < i; j++) assert.not.equal(all[i], all[j], `${i} and ${j} draw the same numbers`);
  // a stream ID of its own: the run seed does not move it, and a second run repeats it
  assert.equal(series(m, 'x[b]', { seed: 9 }), all[1]);
  assert.equal(series(m, 'x[b]'), all[1]);
});

test('a stream ID read from a constant variable is mixed with the element name too: the elements of an array differ, and 0 draws from the run seed', () => {
  const m = model('Dim: a, b, c ~ ~ |\nsid = 7 ~ ~ |\nx[Dim] = RANDOM UNIFORM(0, 1, sid) ~ ~ |', 20);
  const all = ['x[a]', 'x[b]', 'x[c]'].map((n) => series(m, n));
  for (let i = 0; i < all.length; i++) for (let j = 0; j < i; j++) assert.not.equal(all[i], all[j], `${i} and ${j} draw the same numbers`);
  assert.equal(series(m, 'x[b]', { seed: 9 }), all[1]);
  const zero = model('Dim: a, b ~ ~ |\nsid = 0 ~ ~ |\nx[Dim] = RANDOM UNIFORM(0, 1, sid) ~ ~ |', 20);
  assert.not.equal(series(zero, 'x[a]', { seed: 9 }), series(zero, 'x[a]', { seed: 10 }));
});

test('DELAY MATERIAL with a constant delay time is DELAY FIXED', () => {
  // input = 0, 0, 10, 10 … (STEP at 2); delay 3: the initial value 1 for t = 0, 1, 2, then input(t − 3): 0, 0, 10, 10
  const m = model('input = STEP(10, 2) ~ ~ |\ndelay = 3 ~ ~ |\nout = DELAY MATERIAL(input, delay, 1, 0) ~ ~ |');
  assert.is(eq(m, 'out'), 'delay_fixed(input, delay, 1)');
  assert.equal(series(m, 'out'), [1, 1, 1, 0, 0, 10, 10]);
  // a delay time fixed by INITIAL is constant too: INITIAL(3 + STEP(1, 2)) = 3
  const fixed = model('input = STEP(10, 2) ~ ~ |\ndelay = INITIAL(3 + STEP(1, 2)) ~ ~ |\nout = DELAY MATERIAL(input, delay, 1, 0) ~ ~ |');
  assert.equal(series(fixed, 'out'), [1, 1, 1, 0, 0, 10, 10]);
});

test('DELAY INFORMATION with a constant delay time is DELAY FIXED', () => {
  // delay 2 (an expression of constants), initial 5: 5, 5, then input(t − 2) = 0, 0, 10, 10, 10
  const m = model('input = STEP(10, 2) ~ ~ |\nout = DELAY INFORMATION(input, 4 / 2, 5) ~ ~ |');
  assert.equal(series(m, 'out'), [5, 5, 0, 0, 10, 10, 10]);
});

test('DELAY CONVEYOR with a constant time, no leak and a flat profile releases the initial contents evenly, then the input', () => {
  // ctime 2, 8 units on the belt: 8/2 = 4 per time for t = 0, 1; then input(t − 2); dt 0.5 gives the same at half steps
  const m = model('input = STEP(10, 2) ~ ~ |\nflat((0, 1), (1, 1)) ~ ~ |\nout = DELAY CONVEYOR(input, 2, 0, flat, 8, 2) ~ ~ |', 5, 0.5);
  assert.equal(series(m, 'out'), [4, 4, 4, 4, 0, 0, 0, 0, 10, 10, 10]);
});

test('DELAY CONVEYOR with a conveyance time of 0 or less is a located error, not a NaN run (inittot/initctime would divide by it)', () => {
  const d = diags('input = 10 ~ ~ |\nflat((0, 1), (1, 1)) ~ ~ |\nc = DELAY CONVEYOR(input, 0, 0.1, flat, 0, 0) ~ ~ |\nn = DELAY CONVEYOR(input, -2, 0, flat, 30, -2) ~ ~ |');
  const refused = d.filter((x) => x.code === 'unsupported-construct');
  assert.equal(refused.map((x) => [x.variable, x.line, x.column]), [['c', 4, 5], ['n', 5, 5]]);
  assert.match(refused[0].message, /DELAY CONVEYOR: a conveyance time of 0 \(not a positive number\)/);
  assert.match(refused[1].message, /conveyance time of -2/);
  assert.match(refused[0].hint ?? '', /at least one TIME STEP/);
});

test('bad arity is a located error', () => {
  const d = diags('a = RANDOM POISSON(0, 100, 3, 0, 1) ~ ~ |\nb = DELAY MATERIAL(a, 3, 1) ~ ~ |');
  const arity = d.filter((x) => x.code === 'wrong-arity');
  assert.equal(arity.map((x) => [x.line, x.column, x.variable]), [[2, 5, 'a'], [3, 5, 'b']]);
  assert.match(arity[0].message, /RANDOM POISSON takes 6 arguments, not 5/);
});

test('what cannot be run faithfully is refused with a located unsupported-construct naming what is missing', () => {
  const d = diags(`input = STEP(10, 2) ~ ~ |
vt = 3 + STEP(1, 2) ~ ~ |
m = DELAY MATERIAL(input, vt, 1, 0) ~ ~ |
i = DELAY INFORMATION(input, RANDOM UNIFORM(1, 2, 0), 0) ~ ~ |
shaped((0, 1), (1, 2)) ~ ~ |
c = DELAY CONVEYOR(input, vt, vt / 10, shaped, 8, 3) ~ ~ |
p = DELAY PROFILE(shaped, input, 3, 0, 0) ~ ~ |
age : a1, a2, a3 ~ ~ |
pop[age] = INTEG(0, 1) ~ ~ |
s = SHIFT IF TRUE(pop[a1], 1, 3, 0, 0) ~ ~ |`);
  const refused = d.filter((x) => x.code === 'unsupported-construct');
  const at = (variable: string) => refused.filter((x) => x.variable === variable);
  assert.match(at('m')[0].message, /DELAY MATERIAL: a delay time that changes during the run/);
  assert.is(at('m')[0].line, 4);
  assert.is(at('m')[0].column, 5);
  assert.ok(at('m')[0].hint);
  assert.match(at('i')[0].message, /DELAY INFORMATION: a delay time that changes/);
  assert.equal(at('c').map((x) => x.message.replace(/^DELAY CONVEYOR: /, '').split(' is not supported')[0]), [
    'a conveyance time that changes during the run', 'a leak rate that changes during the run', 'an initial profile that is not flat',
  ]);
  assert.match(at('p')[0].message, /DELAY PROFILE: delay profiles are not supported/);
  assert.match(at('s')[0].message, /SHIFT IF TRUE: shifting the elements of a level in place/);
  assert.is(at('s')[0].line, 11);
});

test('RANDOM LOGNORMAL is not a Vensim function (not in the reference\'s list) and stays unknown', () => {
  const d = diags('x = RANDOM LOGNORMAL(0, 10, 1, 1, 0) ~ ~ |');
  assert.ok(d.some((x) => x.code === 'unknown-function' && x.line === 2 && x.column === 5));
});

test('the XMILE writer writes the draws in the stockflow namespace and the delays as DELAY', () => {
  const m = model('input = STEP(10, 2) ~ ~ |\nx = RANDOM POISSON(0, 100, 3, 0, 1, 0) ~ ~ |\nout = DELAY MATERIAL(input, 3, 1, 0) ~ ~ |');
  const text = writeXmile(m);
  assert.match(text, '<eqn>stockflow.random_poisson(0, 100, 3, 0, 1)</eqn>');
  assert.match(text, '<eqn>DELAY(input, 3, 1)</eqn>');
});

test.run();
