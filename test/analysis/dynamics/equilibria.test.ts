/**
 * Equilibria, eigenvalues and stability against closed forms. Tolerances: Newton polishes
 * each root until its step is below 1e-10 of the state's scale (equilibria.ts), so states
 * are checked to 1e-7 relative; eigenvalues come from a central-difference Jacobian with
 * relative step 6e-6, whose error is about 1e-10 relative for these smooth rates
 * (newton.ts, FD_STEP), so they are checked to 1e-6 relative.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { findEquilibria, modelEquilibria, type Equilibrium } from '../../../src/analysis/dynamics/index.js';
import { loadModel } from '../../../src/io/load.js';
import { close, modelFrom } from '../../helpers.js';
import { A2, FIXTURES, system } from './fixtures.js';

const only = (e: Equilibrium, name: string) => e.stocks[name];
const realParts = (e: Equilibrium) => e.eigenvalues.map(([re]) => re);

test('logistic growth has 0 (unstable, eigenvalue r) and K (stable, eigenvalue −r)', () => {
  const { equilibria } = findEquilibria(system('logistic'));
  assert.is(equilibria.length, 2);
  const [zero, k] = equilibria;
  close(only(zero, 'Population'), 0, 1e-9);
  close(only(k, 'Population'), 100, 1e-5);
  assert.is(zero.stable, false);
  assert.is(k.stable, true);
  close(zero.eigenvalues[0][0], 0.5, 0.5e-6);
  close(k.eigenvalues[0][0], -0.5, 0.5e-6);
  assert.is(k.eigenvalues[0][1], 0);
  close(k.flows['Net Growth'], 0, 1e-9);
});

test('logistic equilibria follow the constants set for the run', () => {
  const { equilibria } = findEquilibria(system('logistic', { overrides: { 'Carrying Capacity': 40, 'Growth Rate': 2 } }));
  assert.equal(equilibria.map((e) => Math.round(only(e, 'Population') * 1e6) / 1e6), [0, 40]);
  close(equilibria[1].eigenvalues[0][0], -2, 2e-6);
});

test('the Allee model has three equilibria with eigenvalues −r, r(1 − A/K) and −r(K/A − 1)', () => {
  const { equilibria } = findEquilibria(system('allee'));
  assert.equal(equilibria.map((e) => e.stable), [true, false, true]);
  [0, 20, 100].forEach((n, i) => close(only(equilibria[i], 'Population'), n, 1e-7 * 100));
  [-1, 1 - 20 / 100, -(100 / 20 - 1)].forEach((l, i) => close(realParts(equilibria[i])[0], l, 1e-6 * Math.abs(l)));
});

test('the toggle switch has two stable states and a saddle; eigenvalues match the analytic Jacobian', () => {
  const a1 = 3.5;
  const { equilibria } = findEquilibria(system('toggle'));
  assert.is(equilibria.length, 3);
  assert.equal(equilibria.map((e) => e.stable), [true, false, true]);
  for (const e of equilibria) {
    const u = only(e, 'U'), v = only(e, 'V');
    close(u, a1 / (1 + v * v), 1e-8, 'U = a1/(1+V²)');
    close(v, A2 / (1 + u * u), 1e-8, 'V = a2/(1+U²)');
    // J = [[-1, b], [c, -1]], b = -2 a1 V/(1+V²)², c = -2 a2 U/(1+U²)²: eigenvalues -1 ± sqrt(bc).
    const bc = (2 * a1 * v / (1 + v * v) ** 2) * (2 * A2 * u / (1 + u * u) ** 2);
    const expected = [-1 + Math.sqrt(bc), -1 - Math.sqrt(bc)];
    expected.forEach((l, i) => close(e.eigenvalues[i][0], l, 1e-6 * Math.max(1, Math.abs(l))));
  }
});

test('a focus has a complex pair: the Brusselator at (a, b/a) has eigenvalues (b − 1 − a² ± sqrt(…))/2', () => {
  const { equilibria } = findEquilibria(system('brusselator'));
  assert.is(equilibria.length, 1);
  const [e] = equilibria;
  close(only(e, 'X'), 1, 1e-8);
  close(only(e, 'Y'), 1.5, 1e-8);
  // trace b − 1 − a² = −0.5, determinant a² = 1: −0.25 ± i·sqrt(1 − 0.0625).
  close(e.eigenvalues[0][0], -0.25, 1e-6);
  close(Math.abs(e.eigenvalues[0][1]), Math.sqrt(0.9375), 1e-6);
  assert.is(e.stable, true);
});

test('a line of equilibria is flagged as non-hyperbolic, not called stable', () => {
  const r = modelEquilibria(loadModel('models/sir-epidemic.xmile'));
  assert.ok(r.search!.equilibria.length > 0);
  assert.ok(r.search!.equilibria.every((e) => !e.hyperbolic && !e.stable));
  assert.ok(r.diagnostics.some((d) => d.code === 'non-hyperbolic-equilibria' && d.severity === 'warning'));
});

test('internal stocks of stateful builtins are part of the state', () => {
  const yaml = `${FIXTURES}logistic.yaml`;
  const m = loadModel(yaml);
  const smoothed = { ...m, variables: [...m.variables, { kind: 'aux' as const, name: 'Perceived', id: 'perceived', equation: 'smooth3(Population, 2)' }] };
  const r = modelEquilibria(smoothed);
  const names = r.system!.stockNames;
  assert.is(names.length, 4);
  const k = r.search!.equilibria.find((e) => e.stable)!;
  for (const n of names) close(k.stocks[n], 100, 1e-5, n);
  assert.ok(k.eigenvalues.some(([re]) => Math.abs(re + 1.5) < 1e-5), 'each smooth stage has eigenvalue −3/2');
});

test('fixed delays and rates that still move with time are refused, located at the variable', () => {
  const delay = modelEquilibria(loadModel(`${FIXTURES}fixed-delay.yaml`));
  assert.is(delay.search, undefined);
  assert.is(delay.diagnostics[0].code, 'no-equilibrium-state');
  assert.is(delay.diagnostics[0].variable, 'Outflow');
  assert.is(delay.diagnostics[0].line, 7);
  const seasonal = modelEquilibria(loadModel(`${FIXTURES}seasonal.yaml`));
  assert.equal(seasonal.diagnostics.map((d) => [d.code, d.variable]), [['time-dependent-rates', 'Inflow']]);
  const settled = modelEquilibria(loadModel(`${FIXTURES}seasonal.yaml`), { overrides: { Inflow: 1 } });
  assert.equal(settled.search!.equilibria.map((e) => e.stocks.Stock), [2]);
});

test('the hint of a refused model fits what holds the state: a conveyor or previous() is not told to replace a fixed delay', () => {
  const yaml = (out: string) => `sim: { start: 0, stop: 8, dt: 1 }
stocks:
  s: { initial: 0, inflows: [fill], outflows: [out] }
flows:
  fill: { equation: "5" }
  out: { equation: "${out}" }
`;
  const hint = (out: string) => modelEquilibria(modelFrom(yaml(out))).diagnostics.find((d) => d.code === 'no-equilibrium-state')?.hint ?? '';
  assert.match(hint('conveyor(0, fill, 3, 0, 0, 1, 0)'), /replace the conveyor by delay3\/delayn/);
  assert.match(hint('previous(s, 0)'), /replace previous\(\) by a stock/);
  assert.match(hint('delay_fixed(fill, 3, 0)'), /replace the fixed delay by delay3\/delayn/);
});

test.run();
