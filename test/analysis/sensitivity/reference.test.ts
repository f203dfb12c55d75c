/**
 * Reference checks of references/analysis-methods.md §0: analytic Sobol' indices of the
 * Ishigami (S1) and Sobol G (S2) functions, and the Morris fixtures S3 and S4.
 *
 * Tolerances: A and B are Latin hypercubes, so the estimators converge like Monte Carlo,
 * ~1/sqrt(N). Over 30 seeds the largest error was 0.022 (Ishigami, N = 16384) and 0.028
 * (G, N = 8192), with bootstrap half-widths (95 %) of 0.01–0.03, i.e. standard errors of
 * ~0.005–0.015. The absolute tolerances below are about 4 standard errors; each index must
 * also lie within 2.5 of its own bootstrap half-widths of the analytic value, which checks
 * that the intervals are honest.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { sensitivity, type MorrisIndex, type SobolIndex } from '../../../src/analysis/sensitivity/index.js';

const PI = Math.PI;
const ishigami = (x: readonly number[]) => Math.sin(x[0]) + 7 * Math.sin(x[1]) ** 2 + 0.1 * x[2] ** 4 * Math.sin(x[0]);
const ishigamiFactors = ['x1', 'x2', 'x3'].map((name) => ({ name, lo: -PI, hi: PI }));

const gA = [0, 1, 4.5, 9, 99, 99, 99, 99];
const sobolG = (x: readonly number[]) => x.reduce((p, xi, i) => p * (Math.abs(4 * xi - 2) + gA[i]) / (1 + gA[i]), 1);
const gFactors = gA.map((_, i) => ({ name: `x${i + 1}`, lo: 0, hi: 1 }));

function checkSobol(indices: Record<string, unknown>, names: string[], S1: number[], ST: number[], atol: number) {
  names.forEach((name, i) => {
    const x = indices[name] as SobolIndex;
    assert.ok(Math.abs(x.S1 - S1[i]) <= atol, `S1(${name}) = ${x.S1}, expected ${S1[i]} ± ${atol}`);
    assert.ok(Math.abs(x.ST - ST[i]) <= atol, `ST(${name}) = ${x.ST}, expected ${ST[i]} ± ${atol}`);
    assert.ok(Math.abs(x.S1 - S1[i]) <= 2.5 * x.S1_conf + 1e-3, `S1(${name}) ${x.S1} is outside 2.5 × its interval ±${x.S1_conf}`);
    assert.ok(Math.abs(x.ST - ST[i]) <= 2.5 * x.ST_conf + 1e-3, `ST(${name}) ${x.ST} is outside 2.5 × its interval ±${x.ST_conf}`);
  });
}

test('Sobol indices of Ishigami (a = 7, b = 0.1) match the analytic values at N = 16384 within 0.04 (S1)', () => {
  const r = sensitivity(ishigami, ishigamiFactors, { method: 'sobol', samples: 16384, seed: 7 });
  assert.is(r.runs, 16384 * 5);
  checkSobol(r.indices, ['x1', 'x2', 'x3'], [0.3139, 0.4424, 0], [0.5576, 0.4424, 0.2437], 0.04);
  assert.equal(r.ranking, ['x1', 'x2', 'x3']);
});

test('Sobol indices of the Sobol G function match the analytic values at N = 8192 within 0.05 (S2)', () => {
  const Vi = gA.map((a) => 1 / (3 * (1 + a) ** 2));
  const V = Vi.reduce((p, v) => p * (1 + v), 1) - 1;
  const S1 = Vi.map((v) => v / V);
  const ST = Vi.map((v, i) => (v * Vi.reduce((p, w, j) => (j === i ? p : p * (1 + w)), 1)) / V);
  assert.ok(Math.abs(S1[0] - 0.7162) < 1e-4 && Math.abs(ST[1] - 0.2422) < 1e-4, 'the analytic formula reproduces §0 row S2');
  const r = sensitivity(sobolG, gFactors, { method: 'sobol', samples: 8192, seed: 3 });
  checkSobol(r.indices, gFactors.map((f) => f.name), S1, ST, 0.05);
  assert.equal(r.ranking.slice(0, 4), ['x1', 'x2', 'x3', 'x4']);
});

test("Morris on Ishigami with p = 4 gives mu*(x2) = 7.875 exactly, whatever the seed (S3)", () => {
  for (const seed of [1, 2, 99]) {
    const r = sensitivity(ishigami, ishigamiFactors, { method: 'morris', samples: 12, seed });
    const x2 = r.indices.x2 as MorrisIndex;
    assert.ok(Math.abs(x2.mu_star - 7.875) < 1e-9, `seed ${seed}: mu*(x2) = ${x2.mu_star}`);
    assert.ok(Math.abs(x2.mu) < x2.mu_star, 'jumps of 7 sin² x2 go both ways, so |mu| < mu*');
  }
});

test('Morris on a linear function gives mu* = |b| and sigma = 0 (S4)', () => {
  const b = [3, -2, 0.5, 0];
  const linear = (x: readonly number[]) => x.reduce((s, xi, i) => s + b[i] * xi, 0);
  const factors = b.map((_, i) => ({ name: `x${i}`, lo: 0, hi: 1 }));
  for (const levels of [4, 6]) {
    const r = sensitivity(linear, factors, { method: 'morris', samples: 8, seed: 5, levels });
    b.forEach((bi, i) => {
      const x = r.indices[`x${i}`] as MorrisIndex;
      assert.ok(Math.abs(x.mu_star - Math.abs(bi)) < 1e-9, `p=${levels}: mu*(x${i}) = ${x.mu_star}`);
      assert.ok(Math.abs(x.mu - bi) < 1e-9, `p=${levels}: mu(x${i}) = ${x.mu}`);
      assert.ok(Math.abs(x.sigma) < 1e-9, `p=${levels}: sigma(x${i}) = ${x.sigma}`);
    });
    assert.equal(r.ranking, ['x0', 'x1', 'x2', 'x3']);
  }
});

test('one-at-a-time sweeps of a linear function report the swing |b|·range', () => {
  const linear = (x: readonly number[]) => 2 * x[0] - 5 * x[1];
  const r = sensitivity(linear, [{ name: 'a', lo: 0, hi: 10 }, { name: 'b', lo: 1, hi: 2 }], { method: 'oat', samples: 3 });
  assert.is(r.runs, 7);
  assert.equal(r.indices.a, { low: -7.5, high: 12.5, min: -7.5, max: 12.5, swing: 20, x: [0, 5, 10], y: [-7.5, 2.5, 12.5] });
  assert.is((r.indices.b as { swing: number }).swing, 5);
  assert.is(r.nominal, 10 - 7.5);
  assert.equal(r.ranking, ['a', 'b']);
});

test.run();
