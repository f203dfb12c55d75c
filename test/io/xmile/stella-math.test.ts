/**
 * Stella's mathematical and statistical builtins beyond XMILE 1.0 §3.5, read from .stmx
 * equations: ROOTN(x, n), GAMMALN(x), FACTORIAL(n), COMBINATIONS(n, r), PERMUTATIONS(n, r),
 * NORMALCDF(left, right[, mean, sd]), INVNORM(p[, mean, sd]), LOOKUPINV(gf, y) and
 * LOOKUPAREA(gf, x) (its values are those of BPTK-Py's test model, at the test). Expected
 * values are the definitions the names give, worked by hand: the real cube root of −27 is
 * −3; ln Γ(5) = ln 4! = ln 24; 5! = 120, C(5, 2) = 10, P(5, 2) = 20; the standard normal
 * puts 0.5 below 0 and 0.341345 between 0 and 1 (Φ(1) = 0.841345, tables); its 97.5 %
 * quantile is 1.959964; the inverse of the graphical function through (0, 0), (1, 1),
 * (2, 4) takes y = 2.5 at x = 1.5 (halfway up the second segment).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { trySimulate } from '../../../src/sim/simulate.js';
import { cli, tempFile } from '../../cli/cli-helpers.js';
import { readFails, readOk, run, xmileDoc } from './helpers.js';
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

test('LOOKUPAREA(gf, x): the area under the graphical function from its first point to x (BPTK-Py test_lookuparea.stmx)', () => {
  // BPTK-Py's test model, saved by Stella Architect 1.9.2, and the 49 values its test holds
  // AREA = LOOKUPAREA(gf, TIME) to (3 decimals), DT 1/4 from 1 to 13.
  const expected = [0.0, 12.625, 25.25, 37.875, 50.5, 63.125, 75.75, 88.375, 101.0, 113.616, 126.212, 138.791,
    151.35, 163.9, 176.45, 189.0, 201.55, 214.1, 226.65, 239.2, 251.75, 265.353, 281.063, 298.878,
    318.8, 339.55, 359.85, 379.7, 399.1, 418.147, 436.938, 455.472, 473.75, 491.9, 510.05, 528.2,
    546.35, 564.488, 582.6, 600.687, 618.75, 636.712, 654.5, 672.112, 689.55, 706.534, 722.787,
    738.309, 753.1];
  const r = run(readOk(xmileDoc(`
  <aux name="gf"><eqn>TIME</eqn><gf><xscale min="1" max="13"/><yscale min="0" max="100"/>
    <ypts>50.5,50.5,50.5,50.2,50.2,50.2,83.9,76.7,72.6,72.6,72.2,69.4,57.7</ypts></gf></aux>
  <aux name="AREA"><eqn>LOOKUPAREA(gf, TIME)</eqn></aux>`,
  { sim: '<sim_specs method="euler"><start>1</start><stop>13</stop><dt reciprocal="true">4</dt></sim_specs>' })));
  // Printed to 3 decimals: each value within half a unit of the last place (126.2125 is 126.212 there).
  r.series('area').forEach((v, i) => assert.ok(Math.abs(v - expected[i]) <= 5e-4 + 1e-9, `step ${i}: ${v} vs ${expected[i]}`));
  assert.is(r.series('area').length, expected.length);
  // Before the first point the first value is held, so the area is negative: 1 unit of 50.5.
  close(run(readOk(xmileDoc(`<aux name="gf"><eqn>TIME</eqn><gf><xscale min="1" max="13"/>
    <ypts>50.5,50.5,50.5,50.2,50.2,50.2,83.9,76.7,72.6,72.6,72.2,69.4,57.7</ypts></gf></aux>
  <aux name="x"><eqn>LOOKUPAREA(gf, 0)</eqn></aux>`))).series('x')[0], -50.5);
});

test('LOOKUPAREA of an expression is one located error that names LOOKUPAREA', () => {
  const d = readFails(xmileDoc(`<aux name="gf"><eqn>TIME</eqn><gf><xscale min="0" max="1"/><ypts>0,1</ypts></gf></aux>
  <aux name="x"><eqn>LOOKUPAREA(gf + 1, 2)</eqn></aux>`)).filter((e) => e.severity === 'error');
  assert.is(d.length, 1);
  assert.is(d[0].code, 'not-a-lookup');
  assert.is(d[0].variable, 'x');
  assert.ok(d[0].line! > 0);
  assert.match(d[0].message, /LOOKUPAREA must name a variable with a graphical function/);
});

test('the CLI runs LOOKUPAREA: the last value of BPTK-Py\'s test model, 753.1', () => {
  const file = tempFile('area.stmx', xmileDoc(`
  <aux name="gf"><eqn>TIME</eqn><gf><xscale min="1" max="13"/>
    <ypts>50.5,50.5,50.5,50.2,50.2,50.2,83.9,76.7,72.6,72.6,72.2,69.4,57.7</ypts></gf></aux>
  <aux name="area"><eqn>LOOKUPAREA(gf, TIME)</eqn></aux>`,
  { sim: '<sim_specs method="euler"><start>1</start><stop>13</stop><dt>0.25</dt></sim_specs>' }));
  const r = cli('run', file);
  assert.is(r.code, 0, r.stderr);
  const rows = r.stdout.trim().split('\n').map((l) => l.split(','));
  close(Number(rows[rows.length - 1][rows[0].findIndex((h) => h.toLowerCase() === 'area')]), 753.1, 1e-6);
});

test('wrong use is a located diagnostic', () => {
  const d = trySimulate(readOk(xmileDoc('<aux name="x"><eqn>NORMALCDF(0, 1, 0)</eqn></aux>'))).diagnostics;
  assert.ok(d.some((x) => x.code === 'wrong-arity' && /mean and sd/.test(x.message) && x.line), d.map((x) => `${x.code} ${x.message}`).join('\n'));
  const e = trySimulate(readOk(xmileDoc('<aux name="x"><eqn>LOOKUPINV(3, 2)</eqn></aux>'))).diagnostics;
  assert.ok(e.some((x) => x.code === 'not-a-lookup' && x.line), e.map((x) => `${x.code} ${x.message}`).join('\n'));
});

test('written back to XMILE under their Stella names, with no vendor warning, and the same values', () => {
  const eqns = ['ROOTN(-27, 3)', 'GAMMALN(5)', 'FACTORIAL(5)', 'COMBINATIONS(5, 2)', 'PERMUTATIONS(5, 2)',
    'NORMALCDF(-1, 1, 0, 2)', 'INVNORM(0.9, 1, 2)', 'LOOKUPINV(g, 2.5)', 'LOOKUPAREA(g, 1.5)'];
  const model = readOk(xmileDoc(`<aux name="g"><eqn>TIME</eqn><gf><xpts>0,1,2</xpts><ypts>0,1,4</ypts></gf></aux>
  ${eqns.map((e, i) => `<aux name="x${i}"><eqn>${e}</eqn></aux>`).join('\n')}`));
  const { text, notes } = writeXmileWithNotes(model);
  assert.equal(notes.filter((d) => d.code === 'xmile-vendor-function'), []);
  for (const e of eqns) assert.ok(text.includes(`<eqn>${e}</eqn>`), `${e} not written as Stella writes it`);
  const [before, after] = [run(model), run(readOk(text))];
  eqns.forEach((_, i) => assert.is(after.series(`x${i}`)[0], before.series(`x${i}`)[0]));
});

test.run();
