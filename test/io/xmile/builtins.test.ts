/**
 * The XMILE 1.0 standard library (§3.3.1 operators, §3.5 builtins, §3.1.4 graphical
 * functions, §3.1.5 integration methods) read from XMILE and run: each expected number is
 * the spec's own example or computed by hand in the comment next to it (Euler, dt = 1
 * unless said otherwise), exact unless a tolerance is given.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readXmile, writeXmile } from '../../../src/io/xmile/index.js';
import { aux, readOk, run, xmileDoc } from './helpers.js';

const sim = (stop: number, dt: number, method = 'euler') => `<sim_specs method="${method}"><start>0</start><stop>${stop}</stop><dt>${dt}</dt></sim_specs>`;

/** Every saved value of each named variable. */
function series(variables: string, names: readonly string[], simSpecs = sim(4, 1)): Record<string, number[]> {
  const r = run(readOk(xmileDoc(variables, { sim: simSpecs })));
  return Object.fromEntries(names.map((n) => [n, Array.from(r.series(n))]));
}

const first = (variables: string, names: readonly string[]) => names.map((n) => series(variables, [n])[n][0]);

test('§3.5.1 INT is the floor, LOG10, PI and INF are the standard ones', () => {
  assert.equal(first(`${aux('i1', 'INT(-1.5)')}${aux('i2', 'INT(2.7)')}${aux('i3', 'INT(-3)')}`, ['i1', 'i2', 'i3']), [-2, 2, -3]);
  const [l, p, big, tiny] = first(`${aux('l', 'LOG10(1000)')}${aux('p', 'PI')}${aux('big', 'MIN(5, INF)')}${aux('tiny', '1 / INF')}`, ['l', 'p', 'big', 'tiny']);
  assert.equal([l, p, big, tiny], [3, Math.PI, 5, 0]);
});

test('§3.3.1 MOD is floored (sign of the divisor), so a = INT(a/b)*b + a MOD b', () => {
  const [a, b, c, d, e] = first(`${aux('a', '7 MOD -3')}${aux('b', '-7 MOD 3')}${aux('c', '5.5 MOD 2')}${aux('d', 'MOD(-7, -3)')}${aux('e', 'INT(-7 / 2) * 2 + -7 MOD 2')}`, ['a', 'b', 'c', 'd', 'e']);
  assert.equal([a, b, c, d, e], [-2, 2, 1.5, -1, -7]);
});

test('§3.3.1 operators: ^ is right-associative, unary minus binds looser than ^, logic gives 0/1', () => {
  assert.equal(first(`${aux('p', '2^3^2')}${aux('n', '-2^2')}${aux('l', 'NOT 0 AND 2 &gt; 1')}${aux('m', 'MIN(3, 2) + MAX(3, 2) * 10')}`, ['p', 'n', 'l', 'm']), [512, -4, 1, 32]);
});

test('§3.5.2 a seeded random function repeats the same sequence; different seeds differ', () => {
  const vars = `${aux('a', 'RANDOM(2, 4, 7)')}${aux('b', 'RANDOM(2, 4, 7)')}${aux('c', 'RANDOM(2, 4, 8)')}${aux('n', 'NORMAL(0, 1, 3)')}${aux('n2', 'NORMAL(0, 1, 3)')}`
    + `${aux('e', 'EXPRND(2, 5)')}${aux('ln', 'LOGNORMAL(1, 0.5, 5)')}${aux('po', 'POISSON(3, 5)')}`;
  const s1 = series(vars, ['a', 'b', 'c', 'n', 'n2', 'e', 'ln', 'po'], sim(50, 1));
  const s2 = series(vars, ['a', 'e', 'po'], sim(50, 1));
  assert.equal(s1.a, s1.b);
  assert.equal(s1.n, s1.n2);
  assert.equal(s1.a, s2.a);
  assert.equal(s1.e, s2.e);
  assert.equal(s1.po, s2.po);
  assert.not.equal(s1.a, s1.c);
  assert.ok(s1.a.every((x) => x >= 2 && x < 4));
  assert.ok(s1.e.every((x) => x >= 0) && s1.ln.every((x) => x > 0));
  assert.ok(s1.po.every((x) => Number.isInteger(x) && x >= 0));
  assert.ok(new Set(s1.a).size > 40, 'one draw per step');
});

test('§3.5.3 SMTH1 and DELAY1 start at the input, or at the initial value when given', () => {
  // x = TIME + 1. SMTH1(x, 2): S += (x - S)/2 from S = 1 → 1, 1, 1.5, 2.25, 3.125.
  // SMTH1(x, 2, 5) → 5, 3, 2.5, 2.75, 3.375. DELAY1 (L = i·T, out L/T) equals SMTH1 here;
  // DELAY1(x, 2, 0): L = 0, 1, 2.5, 4.25, 6.125 → out 0, 0.5, 1.25, 2.125, 3.0625.
  const s = series(`${aux('x', 'TIME + 1')}${aux('s', 'SMTH1(x, 2)')}${aux('si', 'SMTH1(x, 2, 5)')}${aux('d', 'DELAY1(x, 2)')}${aux('di', 'DELAY1(x, 2, 0)')}`, ['s', 'si', 'd', 'di']);
  assert.equal(s.s, [1, 1, 1.5, 2.25, 3.125]);
  assert.equal(s.si, [5, 3, 2.5, 2.75, 3.375]);
  assert.equal(s.d, [1, 1, 1.5, 2.25, 3.125]);
  assert.equal(s.di, [0, 0.5, 1.25, 2.125, 3.0625]);
});

test('§3.5.3 DELAY is a pipeline: the input DT·k ago, the initial value (default: the input) before', () => {
  const s = series(`${aux('x', 'TIME + 1')}${aux('d', 'DELAY(x, 2)')}${aux('di', 'DELAY(x, 2, 0)')}`, ['d', 'di']);
  assert.equal(s.d, [1, 1, 1, 2, 3]);
  assert.equal(s.di, [0, 0, 1, 2, 3]);
});

test('§3.5.3 third- and n-th-order delays and smooths: stages of T/n, each starting at the initial value', () => {
  // Input 10, T = 3, initial 4: three stages of time 1; the step reaches the output after
  // three DTs (4, 4, 4, 10, 10), the same for DELAY3, DELAYN(·, 3), SMTH3 and SMTHN(·, 3).
  const vars = `${aux('d3', 'DELAY3(10, 3, 4)')}${aux('dn', 'DELAYN(10, 3, 3, 4)')}${aux('s3', 'SMTH3(10, 3, 4)')}${aux('sn', 'SMTHN(10, 3, 3, 4)')}`
    + `${aux('x', 'TIME + 1')}${aux('d3x', 'DELAY3(x, 3)')}${aux('snx', 'SMTHN(x, 3, 3)')}${aux('d1', 'DELAYN(x, 2, 1)')}`;
  const s = series(vars, ['d3', 'dn', 's3', 'sn', 'd3x', 'snx', 'd1']);
  for (const n of ['d3', 'dn', 's3', 'sn']) assert.equal(s[n], [4, 4, 4, 10, 10], n);
  // Without an initial value every stage starts at x = 1; x rises 1 per DT: 1, 1, 1, 1, 2.
  assert.equal(s.d3x, [1, 1, 1, 1, 2]);
  assert.equal(s.snx, [1, 1, 1, 1, 2]);
  assert.equal(s.d1, [1, 1, 1.5, 2.25, 3.125]);
});

test('§3.5.3 TREND (initial trend default 0) and FORCST = input·(1 + TREND·horizon)', () => {
  // TREND(5, 2, 0.1): average A starts at 5/(1 + 0.1·2), so the trend starts at 0.1; then
  // A += (5 − A)/2 → trend (5 − A)/(2·A) = 0.1, 1/22, 1/46 …; FORCST(5, 2, 10, 0.1) = 5·(1 + 10·trend).
  const s = series(`${aux('t0', 'TREND(5, 2)')}${aux('t', 'TREND(5, 2, 0.1)')}${aux('f', 'FORCST(5, 2, 10, 0.1)')}${aux('f0', 'FORCST(5, 2, 10)')}`, ['t0', 't', 'f', 'f0']);
  assert.equal(s.t0, [0, 0, 0, 0, 0]);
  assert.equal(s.f0, [5, 5, 5, 5, 5]);
  const trend = [0.1, 1 / 22, 1 / 46];
  trend.forEach((g, i) => {
    assert.ok(Math.abs(s.t[i] - g) < 1e-12, `trend ${i}`);
    assert.ok(Math.abs(s.f[i] - 5 * (1 + 10 * g)) < 1e-11, `forecast ${i}`);
  });
});

test('§3.5.4 PULSE(20, 12, 5) is 20/DT at 12, 17, 22; without an interval (or 0) it fires once', () => {
  const s = series(`${aux('p', 'PULSE(20, 12, 5)')}${aux('once', 'PULSE(3, 2)')}${aux('zero', 'PULSE(3, 2, 0)')}${aux('early', 'PULSE(1, -1, 5)')}`
    + '<stock name="acc"><eqn>0</eqn><inflow>f</inflow></stock><flow name="f"><eqn>PULSE(10, 1)</eqn></flow>', ['p', 'once', 'zero', 'early', 'acc'], sim(24, 0.5));
  const at = (xs: number[]) => xs.flatMap((x, i) => (x !== 0 ? [i * 0.5] : []));
  assert.equal(at(s.p), [12, 17, 22]);
  assert.ok(s.p.every((x) => x === 0 || x === 40));
  assert.equal(at(s.once), [2]);
  assert.equal(at(s.zero), [2]);
  assert.equal(at(s.early), [4, 9, 14, 19, 24]);
  assert.is(s.acc[s.acc.length - 1], 10); // the pulse moves exactly its magnitude
});

test('§3.5.4 RAMP(2, 5) rises with slope 2 from time 5; STEP(6, 3) steps from 0 to 6 at time 3', () => {
  const s = series(`${aux('r', 'RAMP(2, 5)')}${aux('s', 'STEP(6, 3)')}`, ['r', 's'], sim(8, 1));
  assert.equal(s.r, [0, 0, 0, 0, 0, 0, 2, 4, 6]);
  assert.equal(s.s, [0, 0, 0, 6, 6, 6, 6, 6, 6]);
});

test('§3.5.5 TIME, DT, STARTTIME and STOPTIME', () => {
  const s = series(`${aux('t', 'TIME')}${aux('c', 'DT + STARTTIME * 10 + STOPTIME * 100')}`, ['t', 'c'], '<sim_specs><start>1</start><stop>3</stop><dt>0.5</dt></sim_specs>');
  assert.equal(s.t, [1, 1.5, 2, 2.5, 3]);
  assert.equal(s.c, [310.5, 310.5, 310.5, 310.5, 310.5]);
});

test('§3.5.6 INIT, PREVIOUS (also with SELF), and SIZE(SELF)', () => {
  const top = '<dimensions><dim name="D" size="3"/></dimensions>';
  const vars = `${aux('x', 'TIME + 1')}${aux('i', 'INIT(x)')}${aux('p', 'PREVIOUS(x, 0)')}${aux('count', 'PREVIOUS(SELF, 0) + 1')}
      <aux name="a"><dimensions><dim name="D"/></dimensions><eqn>PREVIOUS(SELF, D) + SIZE(SELF)</eqn></aux>`;
  const r = run(readOk(xmileDoc(vars, { top })));
  const s = (n: string) => Array.from(r.series(n));
  assert.equal(s('i'), [1, 1, 1, 1, 1]);
  assert.equal(s('p'), [0, 1, 2, 3, 4]);
  assert.equal(s('count'), [1, 2, 3, 4, 5]);
  assert.equal(s('a[2]'), [5, 8, 11, 14, 17]);
});

test('§3.1.4 graphical functions: continuous clamps, extrapolate extends, discrete steps', () => {
  const pts = '<xpts>0,1,2</xpts><ypts>0,10,5</ypts>';
  const vars = ['continuous', 'extrapolate', 'discrete'].map((t) => `<gf name="${t}" type="${t}">${pts.replace('0,10,5', t === 'discrete' ? '0,10,10' : '0,10,5')}</gf>`).join('')
    + ['-1', '0.5', '1.5', '3'].map((x, i) => `${aux(`c${i}`, `continuous(${x})`)}${aux(`e${i}`, `extrapolate(${x})`)}${aux(`d${i}`, `discrete(${x})`)}`).join('');
  const v = (p: string) => [0, 1, 2, 3].map((i) => series(vars, [`${p}${i}`])[`${p}${i}`][0]);
  assert.equal(v('c'), [0, 5, 7.5, 5]);
  assert.equal(v('e'), [-10, 5, 7.5, 0]);
  assert.equal(v('d'), [0, 0, 10, 10]);
});

test('§3.1.4 a discrete graphical function whose last two y values differ is read with a warning', () => {
  const r = readXmile(xmileDoc(`<gf name="g" type="discrete"><xpts>0,1,2</xpts><ypts>0,10,5</ypts></gf>${aux('a', 'g(1.5) + g(2) * 100')}`), 'test.xmile');
  assert.ok(r.model);
  assert.ok(r.diagnostics.some((d) => d.code === 'discrete-gf-end' && d.severity === 'warning' && d.line));
  assert.is(run(r.model!).series('a')[0], 10 + 500);
});

test('§3.3.2 a named graphical function is called as f(x), also through LOOKUP', () => {
  const vars = `<gf name="cost f"><xpts>2000,2010</xpts><ypts>100,200</ypts></gf>${aux('a', 'cost_f(2003)')}${aux('b', 'LOOKUP(cost_f, 2005)')}`;
  assert.equal(first(vars, ['a', 'b']), [130, 150]);
});

test('§3.1.5 integration methods: euler, rk4, rk2, rk45 and gear by name or preference list', () => {
  const method = (m: string) => readOk(xmileDoc(aux('a', '1'), { sim: sim(1, 1, m) })).sim.method;
  assert.equal(['euler', 'RK4', 'rk2', 'rk45', 'gear', 'gear, rk4', 'isee.special, rk4'].map(method), ['euler', 'rk4', 'rk2', 'rk45', 'rosenbrock', 'rosenbrock', 'rk4']);
  // dS/dt = S from S = 1 over one unit: Euler with dt 0.5 gives 1.5² = 2.25; RK4 is e to 1e-3.
  const grow = '<stock name="S"><eqn>1</eqn><inflow>g</inflow></stock><flow name="g"><eqn>S</eqn></flow>';
  assert.is(series(grow, ['S'], sim(1, 0.5)).S[2], 2.25);
  assert.ok(Math.abs(series(grow, ['S'], sim(1, 0.5, 'rk4')).S[2] - Math.E) < 1e-3);
});

test('isee HISTORY (also as isee.HISTORY) reads the value at an earlier time and is written back as HISTORY', () => {
  // f = TIME, dt = 1: s = 0, 0, 1, 3, 6 at times 0…4; HISTORY(s, TIME - 2) = s(max(0, t − 2)).
  const vars = `<stock name="s"><eqn>0</eqn><inflow>f</inflow></stock><flow name="f"><eqn>TIME</eqn></flow>${aux('h', 'HISTORY(s, TIME - 2)')}${aux('v', 'isee.HISTORY(s, 1)')}`;
  const r = series(vars, ['h', 'v']);
  assert.equal(r.h, [0, 0, 0, 0, 1]);
  assert.equal(r.v, [0, 0, 0, 0, 0]);
  const back = run(readOk(writeXmile(readOk(xmileDoc(vars, { sim: sim(4, 1) })))));
  assert.equal(Array.from(back.series('h')), r.h);
});

test.run();
