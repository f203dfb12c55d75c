/**
 * Stella's distribution builtins (isee help, "Statistical builtins"; the parameterisation of
 * each and its source are in docs/builtins.md): BETA(alpha, beta), BINOMIAL(trials, p),
 * GAMMA(shape, scale), WEIBULL(shape, scale), LOGISTIC(mean, scale), TRIANGULAR(lower, mode,
 * upper), UNIFORM(min, max), each with an optional seed, and MONTECARLO(probability[, seed]),
 * 1 with probability probability·DT/100 per step. One draw per DT, reproducible with a seed.
 * Moments are the closed forms (listed at each test). Tolerances: the mean within 4 standard
 * errors σ/√N, the variance within 5 of its standard errors σ²·√((2 + κ)/N), κ the
 * distribution's excess kurtosis (the large-sample variance of a sample variance).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { writeXmileWithNotes } from '../../../src/io/xmile/index.js';
import { cli, tempFile } from '../../cli/cli-helpers.js';
import { readFails, readOk, run, xmileDoc } from './helpers.js';

const N = 20001;
const draws = (eqn: string): Float64Array => run(readOk(xmileDoc(`<aux name="x"><eqn>${eqn}</eqn></aux>`,
  { sim: `<sim_specs method="euler"><start>0</start><stop>${N - 1}</stop><dt>1</dt></sim_specs>` }))).series('x');

const moments = (xs: Float64Array) => {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1);
  return { mean, variance };
};

const checkMoments = (xs: Float64Array, mean: number, variance: number, kurtosis = 0) => {
  const m = moments(xs);
  const seMean = Math.sqrt(variance / xs.length);
  const seVar = variance * Math.sqrt((2 + kurtosis) / xs.length);
  assert.ok(Math.abs(m.mean - mean) <= 4 * seMean, `mean ${m.mean} vs ${mean} (±${4 * seMean})`);
  assert.ok(Math.abs(m.variance - variance) <= 5 * seVar, `variance ${m.variance} vs ${variance} (±${5 * seVar})`);
};

test('BETA(2, 5) lies in [0, 1] with mean 2/7 and variance 10/392', () => {
  const x = draws('BETA(2, 5, 11)');
  assert.ok(x.every((v) => v >= 0 && v <= 1));
  checkMoments(x, 2 / 7, 10 / (49 * 8));
});

test('BINOMIAL(10, 0.3) counts successes: whole numbers 0…10, mean 3, variance 2.1', () => {
  const x = draws('BINOMIAL(10, 0.3, 5)');
  assert.ok(x.every((v) => Number.isInteger(v) && v >= 0 && v <= 10));
  checkMoments(x, 3, 2.1);
  // Many trials take the splitting branch of the sampler (over 64 trials).
  checkMoments(draws('BINOMIAL(200, 0.25, 3)'), 50, 37.5);
});

test('a success probability outside 0…1 is set to 1: every trial succeeds', () => {
  assert.ok(draws('BINOMIAL(10, 1.5)').every((v) => v === 10));
  assert.ok(draws('BINOMIAL(10, -0.2)').every((v) => v === 10));
});

test('a seed makes the stream replicable; different seeds give different streams', () => {
  const a = draws('BETA(2, 5, 7)');
  assert.equal(Array.from(draws('BETA(2, 5, 7)')), Array.from(a));
  assert.not.equal(Array.from(draws('BETA(2, 5, 8)')).slice(0, 20), Array.from(a).slice(0, 20));
});

test('a seeded draw in an arrayed variable gives every element the seed\'s stream, the same numbers; unseeded elements differ (docs/builtins.md, "Seeds")', () => {
  const dims = '<dimensions><dim name="d"><elem name="a"/><elem name="b"/></dim></dimensions>';
  const arrayed = (eqn: string) => `<aux name="x"><dimensions><dim name="d"/></dimensions><eqn>${eqn}</eqn></aux>`;
  const seeded = run(readOk(xmileDoc(arrayed('RANDOM(0, 1, 7)'), { top: dims })));
  assert.equal(Array.from(seeded.series('x[a]')), Array.from(seeded.series('x[b]')));
  assert.equal(Array.from(seeded.series('x[a]')), Array.from(run(readOk(xmileDoc('<aux name="y"><eqn>RANDOM(0, 1, 7)</eqn></aux>'))).series('y')));
  const free = run(readOk(xmileDoc(arrayed('RANDOM(0, 1)'), { top: dims })));
  assert.not.equal(Array.from(free.series('x[a]')), Array.from(free.series('x[b]')));
});

/** Γ(1.1) and Γ(1.2) (Abramowitz & Stegun, Table 6.1). */
const G11 = 0.9513507699;
const G12 = 0.9181687424;

test('GAMMA(shape, scale): mean kθ, variance kθ² (GAMMA(2, 3): 6 and 18; excess kurtosis 6/k)', () => {
  const x = draws('GAMMA(2, 3, 17)');
  assert.ok(x.every((v) => v > 0));
  checkMoments(x, 6, 18, 3);
  checkMoments(draws('GAMMA(0.5, 2, 4)'), 1, 2, 12);
});

test('WEIBULL(shape, scale): mean λΓ(1 + 1/k); WEIBULL(1, λ) is exponential of mean λ', () => {
  // BPTK-Py's test model test_weibull.stmx: WEIBULL(10, 10) has mean 10·Γ(1.1) = 9.5135
  // (its test accepts 9.4 to 10); variance 100·(Γ(1.2) − Γ(1.1)²) = 1.3108; excess kurtosis 0.57.
  checkMoments(draws('WEIBULL(10, 10, 5)'), 10 * G11, 100 * (G12 - G11 * G11), 0.57);
  checkMoments(draws('WEIBULL(1, 2, 9)'), 2, 4, 6);
  // A scale of 0 puts every draw at 0, as BPTK-Py's test model expects of WEIBULL(shape, 0).
  assert.ok(draws('WEIBULL(10, 0)').every((v) => v === 0));
});

test('LOGISTIC(mean, scale): mean μ, variance s²π²/3, excess kurtosis 1.2', () => {
  checkMoments(draws('LOGISTIC(5, 2, 21)'), 5, (4 * Math.PI ** 2) / 3, 1.2);
});

test('TRIANGULAR(lower, mode, upper): within the bounds, mean (a + b + c)/3, variance (a² + b² + c² − ab − ac − bc)/18', () => {
  const x = draws('TRIANGULAR(1, 2, 6, 3)');
  assert.ok(x.every((v) => v >= 1 && v <= 6));
  checkMoments(x, 3, 21 / 18, -0.6);
});

test('UNIFORM(min, max) is RANDOM(min, max): the same stream for the same seed', () => {
  const x = draws('UNIFORM(2, 4, 8)');
  assert.equal(Array.from(x), Array.from(draws('RANDOM(2, 4, 8)')));
  assert.ok(x.every((v) => v >= 2 && v < 4));
  checkMoments(x, 3, 4 / 12, -1.2);
});

test('MONTECARLO(probability): 0 or 1, an event with probability probability·DT/100 each step', () => {
  const x = draws('MONTECARLO(20, 6)');
  assert.ok(x.every((v) => v === 0 || v === 1));
  checkMoments(x, 0.2, 0.16, (1 - 6 * 0.2 * 0.8) / (0.2 * 0.8));
  // The probability is per unit time: with DT = 1/4 each step has 5 %, still 0.2 events a unit time.
  const quarter = run(readOk(xmileDoc('<aux name="x"><eqn>MONTECARLO(20, 6)</eqn></aux>',
    { sim: `<sim_specs method="euler"><start>0</start><stop>${(N - 1) / 4}</stop><dt>0.25</dt></sim_specs>` }))).series('x');
  checkMoments(quarter, 0.05, 0.0475, (1 - 6 * 0.05 * 0.95) / (0.05 * 0.95));
  assert.ok(draws('MONTECARLO(0)').every((v) => v === 0));
  assert.ok(draws('MONTECARLO(100)').every((v) => v === 1));
});

test('the CLI runs a Stella model with GAMMA, WEIBULL, LOGISTIC, TRIANGULAR, UNIFORM and MONTECARLO', () => {
  const file = tempFile('draws.stmx', xmileDoc(['GAMMA(2, 3, 1)', 'WEIBULL(2, 1, 2)', 'LOGISTIC(0, 1, 3)',
    'TRIANGULAR(0, 1, 2, 4)', 'UNIFORM(0, 1, 5)', 'MONTECARLO(50, 6)'].map((e, i) => `<aux name="d${i}"><eqn>${e}</eqn></aux>`).join(''),
  { sim: '<sim_specs method="euler"><start>0</start><stop>2000</stop><dt>1</dt></sim_specs>' }));
  const r = cli('run', file);
  assert.is(r.code, 0, r.stderr);
  const rows = r.stdout.trim().split('\n').map((l) => l.split(','));
  const col = (name: string) => rows.slice(1).map((row) => Number(row[rows[0].findIndex((h) => h.toLowerCase() === name)]));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  // 2001 draws each; the bounds are 5 standard errors: GAMMA mean 6 (sd 4.24), WEIBULL(2, 1)
  // mean Γ(1.5) = 0.8862 (sd 0.4633), LOGISTIC 0 (sd 1.814), TRIANGULAR 1 (sd 0.408),
  // UNIFORM 0.5 (sd 0.289), MONTECARLO(50) with DT 1 an event half the time (sd 0.5).
  const expect: [string, number, number][] = [['d0', 6, 4.243], ['d1', 0.8862, 0.4633], ['d2', 0, 1.814], ['d3', 1, 0.408], ['d4', 0.5, 0.289], ['d5', 0.5, 0.5]];
  for (const [name, m, sd] of expect) {
    const xs = col(name);
    assert.is(xs.length, 2001, name);
    assert.ok(Math.abs(mean(xs) - m) <= 5 * sd / Math.sqrt(xs.length), `${name}: mean ${mean(xs)} vs ${m}`);
  }
  // Seeded, so a second run prints the same numbers.
  assert.is(cli('run', file).stdout, r.stdout);
});

test('a shape of 0 is refused before the run, a shape that becomes 0 stops it: exit 1, naming the function, the parameter, the variable', () => {
  const file = tempFile('bad-shape.stmx', xmileDoc('<aux name="d"><eqn>GAMMA(0, 1)</eqn></aux>'));
  const r = cli('run', file);
  assert.is(r.code, 1);
  assert.match(r.stderr, /bad-shape\.stmx:\d+:\d+: error\[bad-argument\] 'd' \(equation\): gamma\(\): its shape is 0; it must be greater than 0/);
  assert.not.match(r.stderr, /\n\s+at /, 'no stack trace');
  const later = tempFile('later-shape.stmx', xmileDoc('<aux name="d"><eqn>GAMMA(2 - TIME, 1)</eqn></aux>'));
  const s = cli('run', later);
  assert.is(s.code, 1);
  assert.match(s.stderr, /later-shape\.stmx:\d+:\d+: error\[bad-argument\] 'd': GAMMA at time 2: its shape is 0; it must be greater than 0/);
});

test('written back to XMILE under their Stella names, with no vendor warning, drawing the same numbers', () => {
  const eqns = ['GAMMA(2, 3, 1)', 'WEIBULL(2, 1, 2)', 'LOGISTIC(0, 1, 3)', 'TRIANGULAR(0, 1, 2, 4)', 'MONTECARLO(50, 6)'];
  const model = readOk(xmileDoc(eqns.map((e, i) => `<aux name="x${i}"><eqn>${e}</eqn></aux>`).join('\n')));
  const { text, notes } = writeXmileWithNotes(model);
  assert.equal(notes.filter((d) => d.code === 'xmile-vendor-function'), []);
  for (const e of eqns) assert.ok(text.includes(`<eqn>${e}</eqn>`), `${e} not written as Stella writes it`);
  const [before, after] = [run(model), run(readOk(text))];
  eqns.forEach((_, i) => assert.equal(Array.from(after.series(`x${i}`)), Array.from(before.series(`x${i}`))));
});

test('the Stella builtins that are not read are refused where they stand, saying why', () => {
  for (const [eqn, why] of [['GEOMETRIC(0.5)', /trials up to the first success or the failures/], ['PARETO(2, 1)', /start at 0 or at the scale/],
    ['IRR(TIME - 1)', /before the stream changes sign/], ['DERIVN(TIME, 1)', /not at hand/], ['ENDVAL(TIME)', /previous run/]] as const) {
    const d = readFails(xmileDoc(`<aux name="x"><eqn>${eqn}</eqn></aux>`));
    assert.ok(d.some((x) => x.code === 'unknown-function' && x.line && /is not read/.test(x.message) && why.test(x.message)), `${eqn}: ${d.map((x) => `${x.code} ${x.message}`).join('\n')}`);
  }
  const t = readFails(xmileDoc('<aux name="x"><eqn>NORMAL(0, 1, 5, -1, 1)</eqn></aux>'));
  assert.ok(t.some((x) => x.code === 'wrong-arity' && x.line && /truncation/.test(x.hint ?? '')), t.map((x) => `${x.code} ${x.message} ${x.hint}`).join('\n'));
});

test('a wrong argument count is a located diagnostic', () => {
  const d = readFails(xmileDoc('<aux name="x"><eqn>BINOMIAL(10)</eqn></aux>'));
  assert.ok(d.some((x) => x.code === 'wrong-arity' && x.line && /BINOMIAL takes 2 to 3/.test(x.message)), d.map((x) => `${x.code} ${x.message}`).join('\n'));
  const t = readFails(xmileDoc('<aux name="x"><eqn>TRIANGULAR(1, 2)</eqn></aux>'));
  assert.ok(t.some((x) => x.code === 'wrong-arity' && x.line && /TRIANGULAR takes 3 to 4/.test(x.message)), t.map((x) => `${x.code} ${x.message}`).join('\n'));
});

test.run();
