import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { eigenvalues } from '../../../src/analysis/dynamics/index.js';
import { close } from '../../helpers.js';

test('eigenvalues of a rotation are ±i', () => {
  assert.equal(eigenvalues([[0, 1], [-1, 0]]), [[0, 1], [0, -1]]);
});

test('eigenvalues of a companion matrix are the roots of its polynomial', () => {
  // (x−1)(x−2)(x−3)(x−4)(x−5) = x⁵ − 15x⁴ + 85x³ − 225x² + 274x − 120; backward error of QR ~ 1e-13 here.
  const e = eigenvalues([[15, -85, 225, -274, 120], [1, 0, 0, 0, 0], [0, 1, 0, 0, 0], [0, 0, 1, 0, 0], [0, 0, 0, 1, 0]]);
  [5, 4, 3, 2, 1].forEach((r, i) => { close(e[i][0], r, 1e-9); close(e[i][1], 0, 1e-12); });
});

test('eigenvalues of a badly scaled non-normal matrix keep trace and determinant', () => {
  const A = [[1e4, 2, 0, 0], [-3e-4, 1, 5, 0], [0, 7, -2, 1e-3], [1e2, 0, 3, -1]];
  const e = eigenvalues(A);
  const trace = A.reduce((s, r, i) => s + r[i], 0);
  close(e.reduce((s, [re]) => s + re, 0), trace, 1e-9 * Math.abs(trace));
  close(e.reduce((s, [, im]) => s + im, 0), 0, 1e-9);
});

test('a 3×3 block with a complex pair and a real eigenvalue', () => {
  // [[a, -b, 0], [b, a, 0], [0, 0, c]] has a ± ib and c.
  const e = eigenvalues([[-0.5, -2, 0], [2, -0.5, 0], [0, 0, 3]]);
  close(e[0][0], 3, 1e-12);
  close(e[1][0], -0.5, 1e-12); close(Math.abs(e[1][1]), 2, 1e-12);
  assert.is(e[1][1], -e[2][1]);
});

test.run();
