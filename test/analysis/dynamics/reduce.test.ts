/**
 * Held stocks (--freeze, --only) and equilibria on a switch of the rates, against closed
 * forms. Tolerances as in equilibria.test.ts: states to 1e-7 relative (Newton polishes to
 * 1e-10 of the scale), eigenvalues to 1e-6 from central differences. One-sided differences
 * (switches.ts, step FD_STEP/8 of the scale) are exact for the linear pieces of kink.yaml, but
 * the root lies within rounding (~1e-13) of the corner, a fraction 1e-5 of that step, which
 * leaks that fraction of the other side's slope in: one-sided eigenvalues are checked to 1e-4.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { dynamicalSystem, findEquilibria } from '../../../src/analysis/dynamics/index.js';
import { loadModel } from '../../../src/io/load.js';
import { simulate } from '../../../src/sim/simulate.js';
import { close } from '../../helpers.js';
import { FIXTURES, system } from './fixtures.js';

const A1 = 3.5, A2 = 3.3709993123162105;

test('--freeze holds a stock: the toggle with V = 0.5 has U = a1 / (1 + 0.25), eigenvalue −1', () => {
  const s = system('toggle', { freeze: { V: 0.5 } });
  assert.equal(s.stockNames, ['U']);
  const { equilibria } = findEquilibria(s);
  assert.is(equilibria.length, 1);
  const [e] = equilibria;
  close(e.stocks.U, A1 / 1.25, 1e-7);
  close(e.eigenvalues[0][0], -1, 1e-6);
  assert.is(e.stable, true);
  assert.is(e.switch, undefined);
  // V's own rate there: a2 / (1 + U²) − V, reported beside the held value.
  close(e.held.V.value, 0.5, 0);
  close(e.held.V.rate, A2 / (1 + (A1 / 1.25) ** 2) - 0.5, 1e-7);
});

test('--only holds the other stocks at their values in the run at t*', () => {
  const model = loadModel(`${FIXTURES}toggle.yaml`);
  const run = simulate(model);
  const v = run.final('V');
  const s = system('toggle', { only: ['u'] });
  assert.equal(s.stockNames, ['U']);
  assert.equal(s.held.map((h) => h.name), ['V']);
  close(s.held[0].value, v, 0);
  const [e] = findEquilibria(s).equilibria;
  close(e.stocks.U, A1 / (1 + v * v), 1e-7);
});

test('held stocks: unknown names, a stock both free and held, and nothing left are located errors', () => {
  const model = loadModel(`${FIXTURES}toggle.yaml`);
  const unknown = dynamicalSystem(model, { freeze: { W: 1 } });
  assert.is(unknown.system, undefined);
  assert.is(unknown.diagnostics[0].code, 'unknown-variable');
  assert.match(unknown.diagnostics[0].message, /--freeze names 'W'/);
  assert.match(unknown.diagnostics[0].hint!, /stocks: U, V/);
  const both = dynamicalSystem(model, { freeze: { U: 1 }, only: ['U'] });
  assert.is(both.diagnostics[0].code, 'frozen-and-free');
  const none = dynamicalSystem(model, { freeze: { U: 1, V: 1 } });
  assert.is(none.diagnostics[0].code, 'nothing-free');
});

test('an equilibrium on a min() switch: no single Jacobian, each side\'s eigenvalues (−2, −3 above; −1, −3 below)', () => {
  const found = findEquilibria(system('kink'));
  assert.is(found.equilibria.length, 1);
  const [e] = found.equilibria;
  close(e.stocks.X, 1, 1e-7);
  close(e.stocks.Y, 1 / 3, 1e-7);
  assert.ok(e.switch, 'the switch is detected');
  assert.equal(e.eigenvalues, []);
  assert.equal(e.switch!.stocks, [{ stock: 'X', rates: ['X'] }]);
  const bySide = Object.fromEntries(e.switch!.sides.map((s) => [s.sides.X, s.eigenvalues.map(([re]) => re).sort((a, b) => a - b)]));
  close(bySide.above[0], -3, 1e-4); close(bySide.above[1], -2, 1e-4);
  close(bySide.below[0], -3, 1e-4); close(bySide.below[1], -1, 1e-4);
  assert.is(e.stable, true);
  assert.is(e.hyperbolic, false);
  assert.ok(found.diagnostics.some((d) => d.code === 'jacobian-at-switch' && /'X'/.test(d.message)));
  assert.not.ok(found.diagnostics.some((d) => d.code === 'non-hyperbolic-equilibria'));
});

test('smooth rates are never taken for a switch, even where a slope is zero (Allee, toggle, Brusselator)', () => {
  for (const name of ['logistic', 'allee', 'toggle', 'brusselator']) {
    for (const e of findEquilibria(system(name)).equilibria) assert.is(e.switch, undefined, `${name} at ${JSON.stringify(e.stocks)}`);
  }
});

test.run();
