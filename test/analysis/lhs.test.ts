import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { latinHypercube, quantile, sampleConstants } from '../../src/analysis/lhs.js';
import type { Constant } from '../../src/model/types.js';

test('each factor is stratified: one point in each of the n equal-probability strata', () => {
  const n = 37;
  const rows = latinHypercube(n, 5, 42);
  assert.is(rows.length, n);
  for (let j = 0; j < 5; j++) {
    const strata = rows.map((r) => Math.floor(r[j] * n)).sort((a, b) => a - b);
    assert.equal(strata, Array.from({ length: n }, (_, i) => i));
    assert.ok(rows.every((r) => r[j] >= 0 && r[j] < 1));
    const mean = rows.reduce((s, r) => s + r[j], 0) / n;
    assert.ok(Math.abs(mean - 0.5) < 0.5 / n, 'a stratified margin has mean within half a stratum of 1/2');
  }
});

test('the same seed gives the same design; another seed another one', () => {
  assert.equal(latinHypercube(20, 3, 7), latinHypercube(20, 3, 7));
  assert.not.equal(latinHypercube(20, 3, 7), latinHypercube(20, 3, 8));
});

test('adding a factor leaves the other factors draws unchanged', () => {
  const two = latinHypercube(10, 2, 3);
  const three = latinHypercube(10, 3, 3);
  assert.equal(three.map((r) => r.slice(0, 2)), two);
});

test('factors are paired by independent permutations, not in lockstep', () => {
  const rows = latinHypercube(50, 2, 11);
  const same = rows.filter((r) => Math.floor(r[0] * 50) === Math.floor(r[1] * 50)).length;
  assert.ok(same < 10);
});

test('quantiles of uniform, loguniform and triangular ranges', () => {
  assert.is(quantile({ min: 2, max: 4, distribution: 'uniform' }, 0.25), 2.5);
  const lu = { min: 1, max: 100, distribution: 'loguniform' as const };
  assert.ok(Math.abs(quantile(lu, 0.5) - 10) < 1e-12);
  assert.is(quantile(lu, 0), 1);
  const tri = { min: 0, max: 10, distribution: 'triangular' as const, mode: 2 };
  assert.ok(Math.abs(quantile(tri, 0.2) - 2) < 1e-12, 'the CDF at the mode is (mode-min)/(max-min)');
  assert.ok(Math.abs(quantile({ min: 0, max: 1, distribution: 'triangular' }, 0.5, 0.5) - 0.5) < 1e-12, 'mode defaults to the value');
  assert.is(quantile({ min: 3, max: 3, distribution: 'uniform' }, 0.7), 3);
});

test('sampleConstants draws only constants with an uncertainty range, inside it', () => {
  const c = (name: string, value: number, u?: Constant['uncertainty']): Constant => ({ kind: 'constant', name, id: name.toLowerCase(), value, uncertainty: u });
  const design = sampleConstants([c('A', 1, { min: 0, max: 2, distribution: 'uniform' }), c('B', 5), c('C', 10, { min: 1, max: 100, distribution: 'loguniform' })], 16, 9);
  assert.equal(design.names, ['A', 'C']);
  assert.is(design.rows.length, 16);
  for (const [a, cc] of design.rows) assert.ok(a >= 0 && a < 2 && cc >= 1 && cc < 100);
  const strata = design.rows.map((r) => Math.floor((Math.log(r[1]) / Math.log(100)) * 16)).sort((x, y) => x - y);
  assert.equal(strata, Array.from({ length: 16 }, (_, i) => i), 'stratified in probability, not in value');
});

test.run();
