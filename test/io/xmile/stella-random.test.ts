/**
 * Stella's BETA(alpha, beta[, seed]) and BINOMIAL(trials, success probability[, seed]) (isee
 * help, "Statistical builtins": a beta distribution with two shape parameters; the number of
 * successes in a sequence of trials, a probability outside 0…1 set to 1). One draw per DT,
 * reproducible with a seed. Moments are the closed forms: Beta(α, β) has mean α/(α+β) and
 * variance αβ/((α+β)²(α+β+1)); Binomial(n, p) mean np, variance np(1−p). Tolerances: the
 * mean within 4 standard errors σ/√N, the variance within 5 of its standard errors, taken
 * as σ²·√(2/N) (the normal-theory value; both distributions here have excess kurtosis
 * near 0: −0.12 for Beta(2, 5), −0.12 for Binomial(10, 0.3)).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFails, readOk, run, xmileDoc } from './helpers.js';

const N = 20001;
const draws = (eqn: string): Float64Array => run(readOk(xmileDoc(`<aux name="x"><eqn>${eqn}</eqn></aux>`,
  { sim: `<sim_specs method="euler"><start>0</start><stop>${N - 1}</stop><dt>1</dt></sim_specs>` }))).series('x');

const moments = (xs: Float64Array) => {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1);
  return { mean, variance };
};

const checkMoments = (xs: Float64Array, mean: number, variance: number) => {
  const m = moments(xs);
  const seMean = Math.sqrt(variance / xs.length);
  const seVar = variance * Math.sqrt(2 / xs.length);
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

test('a wrong argument count is a located diagnostic', () => {
  const d = readFails(xmileDoc('<aux name="x"><eqn>BINOMIAL(10)</eqn></aux>'));
  assert.ok(d.some((x) => x.code === 'wrong-arguments' && x.line && /BINOMIAL takes 2 to 3/.test(x.message)), d.map((x) => `${x.code} ${x.message}`).join('\n'));
});

test.run();
