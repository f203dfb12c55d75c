/** R̂ and ESS against chains whose answer is known. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createRng } from '../../../src/core/random.js';
import { standardNormal } from '../../../src/builtins/samplers.js';
import { chainDiagnostics, ess, rhat, splitChains } from '../../../src/analysis/posterior/convergence.js';

const normals = (n: number, seed: number) => { const r = createRng(seed); return Array.from({ length: n }, () => standardNormal(r)); };

/** AR(1) chain x_t = φ x_{t−1} + e_t: its ESS is n(1 − φ)/(1 + φ). */
function ar1(n: number, phi: number, seed: number): number[] {
  const e = normals(n, seed);
  const x = [e[0] / Math.sqrt(1 - phi * phi)];
  for (let t = 1; t < n; t++) x.push(phi * x[t - 1] + e[t]);
  return x;
}

test('independent normal chains have R̂ ≈ 1 and ESS ≈ the number of draws', () => {
  const chains = [1, 2, 3, 4].map((s) => normals(1000, s));
  const d = chainDiagnostics(chains);
  assert.ok(Math.abs(d.rhat - 1) < 0.01, `R̂ ${d.rhat}`);
  // iid draws: ESS = 4000 up to Monte Carlo error (about ±10 %)
  assert.ok(d.ess > 3400 && d.ess < 4600, `ESS ${d.ess}`);
});

test('chains stuck at different values have a large R̂', () => {
  const chains = [0, 1, 2, 3].map((k) => normals(500, k + 10).map((z) => 5 * k + 0.1 * z));
  // rank normalisation bounds R̂ for fully separated chains (about 2.8 for 4 chains), far past 1.1
  const r = chainDiagnostics(chains).rhat;
  assert.ok(r > 2.5, String(r));
});

test('a chain with a trend shows in split R̂ though each chain covers the same range', () => {
  const trend = [0, 1, 2, 3].map((s) => normals(1000, s + 20).map((z, i) => 0.3 * z + i / 250));
  assert.ok(chainDiagnostics(trend).rhat > 1.1);
  assert.equal(splitChains([[1, 2, 3, 4, 5]]), [[1, 2], [4, 5]]);
});

test('ESS of autocorrelated AR(1) chains matches n(1 − φ)/(1 + φ)', () => {
  const phi = 0.8;
  const chains = [1, 2, 3, 4].map((s) => ar1(5000, phi, s + 30));
  const expected = (4 * 5000 * (1 - phi)) / (1 + phi); // 2222
  const got = ess(chains);
  assert.ok(Math.abs(got - expected) / expected < 0.15, `ESS ${got}, expected ${expected}`);
  assert.ok(Math.abs(rhat(chains) - 1) < 0.01);
});

test.run();
