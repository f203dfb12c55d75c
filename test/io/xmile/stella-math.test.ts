/**
 * Stella's mathematical and statistical builtins beyond XMILE 1.0 §3.5, read from .stmx
 * equations: ROOTN(x, n), GAMMALN(x), FACTORIAL(n), COMBINATIONS(n, r), PERMUTATIONS(n, r),
 * NORMALCDF(left, right[, mean, sd]), INVNORM(p[, mean, sd]) and LOOKUPINV(gf, y). Expected
 * values are the definitions the names give, worked by hand: the real cube root of −27 is
 * −3; ln Γ(5) = ln 4! = ln 24; 5! = 120, C(5, 2) = 10, P(5, 2) = 20; the standard normal
 * puts 0.5 below 0 and 0.341345 between 0 and 1 (Φ(1) = 0.841345, tables); its 97.5 %
 * quantile is 1.959964; the inverse of the graphical function through (0, 0), (1, 1),
 * (2, 4) takes y = 2.5 at x = 1.5 (halfway up the second segment).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { trySimulate } from '../../../src/sim/simulate.js';
import { readOk, run, xmileDoc } from './helpers.js';
import { writeXmileWithNotes } from '../../../src/io/xmile/index.js';

const at0 = (eqn: string): number => {
  const r = run(readOk(xmileDoc(`
  <aux name="g"><eqn>TIME</eqn><gf><xpts>0,1,2</xpts><ypts>0,1,4</ypts></gf></aux>
  <aux name="x"><eqn>${eqn}</eqn></aux>`)));
  return r.series('x')[0];
};
const close = (a: number, b: number, tol = 1e-9) => assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} is not ${b}`);

test('ROOTN: the real n-th root, negative for odd roots of negative numbers', () => {
  close(at0('ROOTN(-27, 3)'), -3);
  close(at0('ROOTN(144, 2)'), 12);
  const even = trySimulate(readOk(xmileDoc('<aux name="x"><eqn>ROOTN(-4, 2)</eqn></aux>')), { allowNonFinite: true });
  assert.ok(Number.isNaN(even.result!.series('x')[0]));
});

test('GAMMALN, FACTORIAL, COMBINATIONS and PERMUTATIONS', () => {
  close(at0('GAMMALN(5)'), Math.log(24));
  assert.is(at0('FACTORIAL(5)'), 120);
  assert.is(at0('FACTORIAL(0)'), 1);
  assert.is(at0('COMBINATIONS(5, 2)'), 10);
  assert.is(at0('PERMUTATIONS(5, 2)'), 20);
  assert.is(at0('COMBINATIONS(2, 5)'), 0);
});

test('COMBINATIONS and PERMUTATIONS of huge counts overflow to ∞ at once instead of looping r times', () => {
  // 1e12 factors would take hours; the product passes 1.8e308 within ~200 of them.
  // (a run stops on a non-finite value, so the test asks whether the result passed 1e308)
  assert.is(at0('IF PERMUTATIONS(1e12, 1e12) > 1e308 THEN 1 ELSE 0'), 1);
  assert.is(at0('IF COMBINATIONS(1e12, 5e11) > 1e308 THEN 1 ELSE 0'), 1);
  assert.is(at0('PERMUTATIONS(1e12, 1)'), 1e12);
  assert.is(at0('COMBINATIONS(1e12, 1e12 - 1)'), 1e12);
});

test('NORMALCDF is the probability between two bounds; INVNORM the quantile', () => {
  close(at0('NORMALCDF(-99, 0)'), 0.5);
  close(at0('NORMALCDF(0, 1)'), 0.341344746, 1e-8);
  close(at0('NORMALCDF(10, 12, 10, 2)'), 0.341344746, 1e-8);
  close(at0('INVNORM(0.975)'), 1.959963985, 1e-8);
  close(at0('INVNORM(0.5, 10, 2)'), 10);
  close(at0('INVNORM(NORMALCDF(-99, 0.3))'), 0.3, 1e-12);
});

test('LOOKUPINV gives the x where a graphical function takes y', () => {
  close(at0('LOOKUPINV(g, 2.5)'), 1.5);
});

test('wrong use is a located diagnostic', () => {
  const d = trySimulate(readOk(xmileDoc('<aux name="x"><eqn>NORMALCDF(0, 1, 0)</eqn></aux>'))).diagnostics;
  assert.ok(d.some((x) => x.code === 'wrong-argument-count' && /mean and sd/.test(x.message) && x.line), d.map((x) => `${x.code} ${x.message}`).join('\n'));
  const e = trySimulate(readOk(xmileDoc('<aux name="x"><eqn>LOOKUPINV(3, 2)</eqn></aux>'))).diagnostics;
  assert.ok(e.some((x) => x.code === 'not-a-lookup' && x.line), e.map((x) => `${x.code} ${x.message}`).join('\n'));
});

test('written back to XMILE under their Stella names, with no vendor warning, and the same values', () => {
  const eqns = ['ROOTN(-27, 3)', 'GAMMALN(5)', 'FACTORIAL(5)', 'COMBINATIONS(5, 2)', 'PERMUTATIONS(5, 2)',
    'NORMALCDF(-1, 1, 0, 2)', 'INVNORM(0.9, 1, 2)', 'LOOKUPINV(g, 2.5)'];
  const model = readOk(xmileDoc(`<aux name="g"><eqn>TIME</eqn><gf><xpts>0,1,2</xpts><ypts>0,1,4</ypts></gf></aux>
  ${eqns.map((e, i) => `<aux name="x${i}"><eqn>${e}</eqn></aux>`).join('\n')}`));
  const { text, notes } = writeXmileWithNotes(model);
  assert.equal(notes.filter((d) => d.code === 'xmile-vendor-function'), []);
  for (const e of eqns) assert.ok(text.includes(`<eqn>${e}</eqn>`), `${e} not written as Stella writes it`);
  const [before, after] = [run(model), run(readOk(text))];
  eqns.forEach((_, i) => assert.is(after.series(`x${i}`)[0], before.series(`x${i}`)[0]));
});

test.run();
