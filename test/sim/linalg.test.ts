import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { luFactor, luSolve } from '../../src/sim/integrators/linalg.js';

test('LU with partial pivoting solves a system whose first pivot is zero', () => {
  const a = Float64Array.of(0, 2, 1, 1, 1, 1, 2, 1, 3);
  const pivot = new Int32Array(3);
  assert.ok(luFactor(a, 3, pivot));
  const b = Float64Array.of(7, 6, 13); // A·(1, 2, 3)
  luSolve(a, 3, pivot, b);
  const expected = [1, 2, 3];
  for (let i = 0; i < 3; i++) assert.ok(Math.abs(b[i] - expected[i]) < 1e-14, `x${i} = ${b[i]}`);
});

test('LU solves a larger system that needs row exchanges to round-off', () => {
  const n = 12;
  const a = new Float64Array(n * n);
  // Dominant entries off the diagonal (row i, column i − 5 mod n) force pivoting.
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) a[i * n + j] = 1 / (1 + ((i * 7 + j * 3) % n)) + (i === (j + 5) % n ? n : 0);
  }
  const copy = a.slice();
  const x = Float64Array.from({ length: n }, (_, i) => i - 4.5);
  const b = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) b[i] += copy[i * n + j] * x[j];
  const pivot = new Int32Array(n);
  assert.ok(luFactor(a, n, pivot));
  luSolve(a, n, pivot, b);
  for (let i = 0; i < n; i++) assert.ok(Math.abs(b[i] - x[i]) < 1e-10, `x${i} = ${b[i]} vs ${x[i]}`);
});

test('LU reports singular and NaN-poisoned matrices', () => {
  const pivot = new Int32Array(2);
  assert.not.ok(luFactor(Float64Array.of(1, 2, 2, 4), 2, pivot));
  assert.not.ok(luFactor(Float64Array.of(Number.NaN, 0, 0, 1), 2, pivot));
});

test.run();
