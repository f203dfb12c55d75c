/** The designs behind the estimators: Morris trajectories, Saltelli matrices, bootstrap. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bootstrapHalfWidths, morrisDelta, morrisDesign, normalQuantile, planSensitivity, saltelliDesign, sensitivity } from '../../../src/analysis/sensitivity/index.js';

test('Morris uses Δ = p / (2(p − 1)): 2/3 for the default 4 levels', () => {
  assert.is(morrisDelta(4), 2 / 3);
  assert.is(morrisDelta(6), 0.6);
  assert.throws(() => morrisDesign(3, 2, 1, 5), /even/);
});

test('each Morris trajectory moves every factor once, by ±Δ, between grid levels', () => {
  const k = 5;
  const d = morrisDesign(k, 20, 42);
  assert.is(d.unit.length, 20 * (k + 1));
  for (let t = 0; t < d.trajectories; t++) {
    const rows = d.unit.slice(t * (k + 1), (t + 1) * (k + 1));
    for (const row of rows) for (const x of row) assert.ok([0, 1 / 3, 2 / 3, 1].some((l) => Math.abs(x - l) < 1e-12), `level ${x}`);
    const moved = new Set<number>();
    for (let m = 1; m <= k; m++) {
      const changed = rows[m].map((x, i) => x - rows[m - 1][i]).map((dx, i) => [dx, i]).filter(([dx]) => Math.abs(dx) > 1e-12);
      assert.is(changed.length, 1);
      assert.ok(Math.abs(Math.abs(changed[0][0]) - 2 / 3) < 1e-12);
      moved.add(changed[0][1]);
    }
    assert.is(moved.size, k);
  }
});

test('more Morris trajectories keep the earlier ones (one seeded stream per trajectory)', () => {
  assert.equal(morrisDesign(3, 4, 9).unit, morrisDesign(3, 7, 9).unit.slice(0, 16));
  assert.not.equal(morrisDesign(3, 4, 9).unit, morrisDesign(3, 4, 10).unit);
});

test('Saltelli rows are A, B, then A with column i from B', () => {
  const n = 8;
  const k = 3;
  const d = saltelliDesign(n, k, 1);
  assert.is(d.unit.length, n * (k + 2));
  const A = d.unit.slice(0, n);
  const B = d.unit.slice(n, 2 * n);
  for (let i = 0; i < k; i++) {
    const AB = d.unit.slice((2 + i) * n, (3 + i) * n);
    AB.forEach((row, j) => row.forEach((x, c) => assert.is(x, c === i ? B[j][c] : A[j][c])));
  }
  for (let c = 0; c < k; c++) {
    const strata = A.map((row) => Math.floor(row[c] * n)).sort((a, b) => a - b);
    assert.equal(strata, [...Array(n).keys()], 'A is a Latin hypercube');
  }
});

test('the same seed gives the same indices, a different seed different ones', () => {
  const f = (x: readonly number[]) => x[0] + x[1] * x[2];
  const factors = ['a', 'b', 'c'].map((name) => ({ name, lo: 0, hi: 1 }));
  const once = JSON.stringify(sensitivity(f, factors, { method: 'sobol', samples: 64, seed: 11 }));
  assert.is(JSON.stringify(sensitivity(f, factors, { method: 'sobol', samples: 64, seed: 11 })), once);
  assert.is.not(JSON.stringify(sensitivity(f, factors, { method: 'sobol', samples: 64, seed: 12 })), once);
});

test('factor values follow the uncertainty distribution (loguniform stays inside and spreads by decades)', () => {
  const plan = planSensitivity([{ name: 'k', lo: 1, hi: 100, distribution: 'loguniform' }], { method: 'sobol', samples: 400 });
  const ks = plan.rows.map((r) => r[0]);
  assert.ok(ks.every((k) => k >= 1 && k <= 100));
  const below10 = ks.filter((k) => k < 10).length / ks.length;
  assert.ok(Math.abs(below10 - 0.5) < 0.1, `half the draws below 10 (got ${below10})`);
});

test('bootstrap half-widths use the normal quantile of the confidence level', () => {
  assert.ok(Math.abs(normalQuantile(0.975) - 1.959964) < 1e-6);
  assert.ok(Math.abs(normalQuantile(0.05) + 1.644854) < 1e-6);
  const data = Array.from({ length: 400 }, (_, i) => (i % 2 ? 1 : -1));
  const [hw] = bootstrapHalfWidths(data.length, (idx) => [Array.from(idx).reduce((s, j) => s + data[j], 0) / idx.length], { resamples: 200, confidence: 0.95, seed: 1 });
  // sd of a mean of 400 ±1 values is 1/20; the 95 % half-width ≈ 1.96 / 20.
  assert.ok(Math.abs(hw - 1.96 / 20) < 0.02, `half-width ${hw}`);
});

test('unknown methods and bad sizes are refused', () => {
  const factors = [{ name: 'a', lo: 0, hi: 1 }];
  assert.throws(() => planSensitivity(factors, { method: 'fast' }), /unknown sensitivity method/);
  assert.throws(() => planSensitivity(factors, { method: 'sobol', samples: 1 }), /at least 2/);
  assert.throws(() => planSensitivity(factors, { method: 'oat', samples: 1 }), /at least 2 levels/);
});

test.run();
