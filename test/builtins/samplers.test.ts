/**
 * The variates behind Vensim's RANDOM … functions (src/builtins/samplers.ts and the
 * truncation of vensim-random.ts), checked by their moments over many seeded draws.
 *
 * Tolerances come from standard errors, not from trial and error: over N draws the sample
 * mean is within Z·σ/√N of the true mean, and the sample variance within Z·√((m4 − s⁴)/N)
 * of the true variance (m4 the sample fourth central moment: the asymptotic standard error
 * of a variance), with Z = 4.5, so a correct sampler fails a check with probability below
 * 1e-5. The draws are seeded, so each run of the test sees the same numbers.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createRng } from '../../src/core/random.js';
import {
  beta, binomial, gamma, logGamma, negativeBinomialTrials, poisson, standardExponential, standardLogistic, standardNormal,
  standardWeibull, triangular, weibullMeanOne, type Uniform,
} from '../../src/builtins/samplers.js';
import { truncatedDraw, VENSIM_RANDOM, vensimRandomMean } from '../../src/builtins/vensim-random.js';
import { close } from '../helpers.js';

const N = 20_000;
const Z = 4.5;

function draws(sample: (u: Uniform) => number, seed = 1): Float64Array {
  const u = createRng(seed);
  return Float64Array.from({ length: N }, () => sample(u));
}

/** Checks the sample mean and variance against the distribution's, within Z standard errors. */
function moments(xs: Float64Array, mean: number, variance: number, what: string): void {
  const n = xs.length;
  const m = xs.reduce((s, x) => s + x, 0) / n;
  const s2 = xs.reduce((s, x) => s + (x - m) ** 2, 0) / (n - 1);
  const m4 = xs.reduce((s, x) => s + (x - m) ** 4, 0) / n;
  close(m, mean, Z * Math.sqrt(variance / n), `${what} mean`);
  close(s2, variance, Z * Math.sqrt(Math.max(m4 - s2 * s2, 0) / n), `${what} variance`);
}

const G = (x: number) => Math.exp(logGamma(x));

test('logGamma is ln Γ to 1e-13 (Γ(5) = 24, Γ(1/2) = √π, Γ(10.5))', () => {
  close(logGamma(5), Math.log(24), 1e-13);
  close(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-13);
  close(logGamma(1), 0, 1e-13);
  // Γ(10.5) = (19!!/2^10)·√π = 654729075/1024·√π
  close(logGamma(10.5), Math.log(654729075 / 1024 * Math.sqrt(Math.PI)), 1e-12);
});

test('standard normal and exponential have their means and variances', () => {
  moments(draws(standardNormal), 0, 1, 'normal');
  moments(draws(standardExponential), 1, 1, 'exponential');
});

test('poisson: product method below mean 10, PTRS above; integers with mean = variance = λ', () => {
  for (const lambda of [0.5, 3, 12, 250, 1e5]) {
    const xs = draws((u) => poisson(u, lambda), 7);
    assert.ok(xs.every((x) => Number.isInteger(x) && x >= 0), `λ = ${lambda}`);
    moments(xs, lambda, lambda, `poisson(${lambda})`);
  }
  assert.is(poisson(createRng(1), 0), 0);
  assert.ok(Number.isNaN(poisson(createRng(1), -1)));
});

test('gamma of shape k (scale 1) has mean and variance k, below and above k = 1', () => {
  for (const k of [0.3, 1, 2.5, 40]) moments(draws((u) => gamma(u, k), 3), k, k, `gamma(${k})`);
  assert.ok(Number.isNaN(gamma(createRng(1), 0)));
});

test('beta(a, b) has mean a/(a+b) and variance ab/((a+b)²(a+b+1))', () => {
  for (const [a, b] of [[2, 3], [0.5, 0.5], [30, 4]]) {
    const xs = draws((u) => beta(u, a, b), 5);
    assert.ok(xs.every((x) => x >= 0 && x <= 1));
    moments(xs, a / (a + b), (a * b) / ((a + b) ** 2 * (a + b + 1)), `beta(${a}, ${b})`);
  }
});

test('binomial(n, p): Bernoulli counts for small n, Knuth\'s beta splitting for large n', () => {
  for (const [n, p] of [[10, 0.3], [64, 0.9], [1000, 0.3], [100_000, 0.01]]) {
    const xs = draws((u) => binomial(u, n, p), 11);
    assert.ok(xs.every((x) => Number.isInteger(x) && x >= 0 && x <= n), `n = ${n}`);
    moments(xs, n * p, n * p * (1 - p), `binomial(${n}, ${p})`);
  }
  assert.is(binomial(createRng(1), 5, 1), 5);
  assert.ok(Number.isNaN(binomial(createRng(1), 2.5, 0.5)));
});

test('negative binomial counts the trials up to the n-th success: mean n/p, variance n(1−p)/p²', () => {
  for (const [n, p] of [[1, 0.5], [3, 0.5], [50, 0.2]]) {
    const xs = draws((u) => negativeBinomialTrials(u, n, p), 13);
    assert.ok(xs.every((x) => Number.isInteger(x) && x >= n), `n = ${n}`);
    moments(xs, n / p, (n * (1 - p)) / (p * p), `negative binomial(${n}, ${p})`);
  }
  assert.is(negativeBinomialTrials(createRng(1), 4, 1), 4);
});

test('weibull of shape k scaled to mean 1: variance Γ(1+2/k)/Γ(1+1/k)² − 1', () => {
  for (const k of [0.7, 2, 5]) {
    moments(draws((u) => weibullMeanOne(u, k), 17), 1, G(1 + 2 / k) / G(1 + 1 / k) ** 2 - 1, `weibull(${k})`);
  }
});

test('standard Weibull and logistic invert their CDFs: the median of each from U = 1/2', () => {
  // Weibull CDF 1 − exp(−x^k) is 1/2 at x = (ln 2)^(1/k); logistic CDF 1/(1 + e^−x) at x = 0.
  const half: Uniform = () => 0.5;
  close(standardWeibull(half, 2), Math.sqrt(Math.LN2), 1e-15);
  close(standardWeibull(half, 1), Math.LN2, 1e-15);
  assert.is(standardLogistic(half), 0);
  // U = 0.9 gives the 90 % quantile ln 9 of the logistic; a draw of exactly 0 is drawn again.
  close(standardLogistic(() => 0.9), Math.log(9), 1e-12);
  const seq = [0, 0.25];
  assert.is(standardLogistic(() => seq.shift()!), Math.log(1 / 3));
  assert.ok(Number.isNaN(standardWeibull(half, 0)));
});

test('triangular(a, c, b): mean (a+b+c)/3, variance (a²+b²+c²−ab−ac−bc)/18', () => {
  for (const [a, c, b] of [[1, 2, 8], [0, 0, 1], [-3, 5, 5]]) {
    const xs = draws((u) => triangular(u, a, c, b), 19);
    assert.ok(xs.every((x) => x >= a && x <= b));
    moments(xs, (a + b + c) / 3, (a * a + b * b + c * c - a * b - a * c - b * c) / 18, `triangular(${a}, ${c}, ${b})`);
  }
  assert.is(triangular(createRng(1), 4, 4, 4), 4);
  assert.ok(Number.isNaN(triangular(createRng(1), 0, 5, 1)));
});

test('the same seed repeats the same draws; another seed gives others', () => {
  const params: Record<string, [number, number, number]> = {
    random_poisson: [4, 0, 0], random_gamma: [2, 0, 0], random_weibull: [2, 0, 0], random_beta: [2, 3, 0],
    random_binomial: [0.3, 10, 0], random_negative_binomial: [0.5, 3, 0], random_triangular: [1, 2, 8],
  };
  for (const [name, f] of Object.entries(VENSIM_RANDOM)) {
    const [p1, p2, p3] = params[name] ?? [0, 0, 0];
    const run = (seed: number) => {
      const u = createRng(seed);
      return Array.from({ length: 50 }, () => truncatedDraw(u, f, -1e9, 1e9, 0, 1, p1, p2, p3));
    };
    assert.ok(run(42).every(Number.isFinite), name);
    assert.equal(run(42), run(42), name);
    assert.not.equal(run(42), run(43), name);
  }
});

test('truncation redraws, it does not clip: a normal truncated to [0, ∞) is half-normal', () => {
  const f = VENSIM_RANDOM.random_normal;
  const xs = draws((u) => truncatedDraw(u, f, 0, Infinity, 0, 1, 0, 0, 0), 23);
  assert.ok(xs.every((x) => x >= 0));
  // half-normal: mean √(2/π) ≈ 0.798 (clipping would give 0.399 and an atom at 0), variance 1 − 2/π
  moments(xs, Math.sqrt(2 / Math.PI), 1 - 2 / Math.PI, 'half-normal');
  assert.ok(xs.filter((x) => x === 0).length === 0);
});

test('stretch, then shift, then truncation: 1 + 2·Poisson(3) within [3, 9] is odd and inside', () => {
  const f = VENSIM_RANDOM.random_poisson;
  const xs = draws((u) => truncatedDraw(u, f, 3, 9, 1, 2, 3, 0, 0), 29);
  assert.ok(xs.every((x) => x >= 3 && x <= 9 && (x - 1) % 2 === 0));
  // Poisson(3) conditioned on 1 ≤ k ≤ 4: weights 3, 4.5, 4.5, 3.375 → mean of 1 + 2k
  const w = [3, 4.5, 4.5, 3.375];
  const total = w.reduce((s, p) => s + p, 0);
  const mean = w.reduce((s, p, i) => s + p * (3 + 2 * i), 0) / total;
  const variance = w.reduce((s, p, i) => s + p * (3 + 2 * i - mean) ** 2, 0) / total;
  moments(xs, mean, variance, 'truncated poisson');
});

test('bounds that exclude the distribution clip the last draw; min > max gives NaN', () => {
  const f = VENSIM_RANDOM.random_exponential;
  assert.is(truncatedDraw(createRng(1), f, -5, -4, 0, 1, 0, 0, 0), -4);
  assert.is(truncatedDraw(createRng(1), f, 2, 2, 0, 1, 0, 0, 0), 2);
  assert.ok(Number.isNaN(truncatedDraw(createRng(1), f, 1, 0, 0, 1, 0, 0, 0)));
});

test('re-evaluation uses the untruncated mean, clipped into the bounds', () => {
  assert.is(vensimRandomMean('random_poisson', [0, 100, 3, 1, 2]), 7);
  assert.is(vensimRandomMean('random_triangular', [0, 10, 1, 2, 6]), 3);
  assert.is(vensimRandomMean('random_binomial', [0, 2, 0.5, 10, 0, 1]), 2);
});

test.run();
