import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { getIntegrator, integratorNames, integrators } from '../../src/sim/integrators/index.js';
import {
  CAP,
  NO_ERROR_CONTROL,
  W,
  closedPair,
  decay,
  decayExact,
  logistic,
  logisticExact,
  observedOrders,
  oscillator,
  solve,
} from './odes.js';

const ALL = ['euler', 'rk2', 'rk2-midpoint', 'rk4', 'rk45', 'rosenbrock', 'rk4-auto', 'rk2-auto'];
/** Max error expected after 200 steps of h = 0.01 (tolerances 1e-6/1e-9 for adaptive ones). */
// The midpoint rule's error constant is larger than Heun's on the oscillator (2.0e−4 measured, with the same order).
const ACCURACY: Record<string, number> = { euler: 2e-2, rk2: 1e-4, 'rk2-midpoint': 3e-4, rk4: 1e-8, rk45: 1e-5, rosenbrock: 1e-5, 'rk4-auto': 1e-8, 'rk2-auto': 1e-4 };

test('the registry lists every integrator once under its canonical name', () => {
  assert.equal(integratorNames(), ALL);
  assert.equal([...integrators.keys()], ALL);
  for (const [name, integrator] of integrators) {
    assert.is(integrator.name, name);
    assert.ok(integrator.description.length > 0);
  }
  assert.equal(
    ALL.map((n) => integrators.get(n)!.order),
    [1, 2, 2, 4, 5, 3, 4, 2],
  );
  assert.equal(
    ALL.filter((n) => integrators.get(n)!.adaptive),
    ['rk45', 'rosenbrock', 'rk4-auto', 'rk2-auto'],
  );
});

test('integrators are found by name or alias regardless of case', () => {
  const expect: Record<string, string> = {
    Euler: 'euler',
    RK2: 'rk2',
    heun: 'rk2',
    midpoint: 'rk2-midpoint',
    rk4: 'rk4',
    'Runge-Kutta': 'rk4',
    'runge kutta': 'rk4',
    RK45: 'rk45',
    dopri: 'rk45',
    'Dormand-Prince': 'rk45',
    rosenbrock: 'rosenbrock',
    STIFF: 'rosenbrock',
    Gear: 'rosenbrock',
    '  rk4 ': 'rk4',
    'RK4 Auto': 'rk4-auto',
    rk4auto: 'rk4-auto',
    'rk2_auto': 'rk2-auto',
  };
  for (const [alias, name] of Object.entries(expect)) {
    assert.is(getIntegrator(alias)?.name, name, alias);
  }
});

test('unknown integrator names return undefined', () => {
  assert.is(getIntegrator('rk3'), undefined);
  assert.is(getIntegrator(''), undefined);
  assert.is(getIntegrator('toString'), undefined);
});

test('every method follows exponential decay to its analytic solution', () => {
  for (const name of ALL) {
    const { y } = solve(name, decay, [5], 2, 200);
    const exact = decayExact(2, 5);
    assert.ok(Math.abs(y[0] - exact) / exact < ACCURACY[name], `${name}: ${y[0]} vs ${exact}`);
  }
});

test('every method follows logistic growth to its analytic solution', () => {
  for (const name of ALL) {
    const { y } = solve(name, logistic, [0.5], 2, 200);
    const exact = logisticExact(2, 0.5);
    assert.ok(Math.abs(y[0] - exact) / CAP < ACCURACY[name], `${name}: ${y[0]} vs ${exact}`);
  }
});

test('every method keeps the harmonic oscillator on its analytic solution', () => {
  for (const name of ALL) {
    const { y } = solve(name, oscillator, [1, 0], 2, 200);
    const x = Math.cos(W * 2);
    const v = -W * Math.sin(W * 2);
    const err = Math.max(Math.abs(y[0] - x), Math.abs(y[1] - v) / W);
    assert.ok(err < 2 * ACCURACY[name], `${name}: error ${err}`);
  }
});

test('fixed-step methods count their derivative evaluations per step', () => {
  const perStep: Record<string, number> = { euler: 1, rk2: 2, rk4: 4 };
  for (const [name, count] of Object.entries(perStep)) {
    assert.is(solve(name, decay, [1], 1, 10).evals, 10 * count, name);
  }
});

/** Errors at t = 2 on the oscillator for h = 0.2, 0.1, 0.05, … (`halvings` + 1 runs). */
function errorsOnHalving(name: string, firstSteps: number, halvings: number): number[] {
  const errors: number[] = [];
  for (let k = 0, steps = firstSteps; k <= halvings; k++, steps *= 2) {
    const { y } = solve(name, oscillator, [1, 0], 2, steps, NO_ERROR_CONTROL);
    errors.push(Math.abs(y[0] - Math.cos(W * 2)));
  }
  return errors;
}

test('euler, rk2, rk2-midpoint and rk4 converge with orders 1, 2, 2 and 4', () => {
  for (const [name, order] of [['euler', 1], ['rk2', 2], ['rk2-midpoint', 2], ['rk4', 4]] as const) {
    // Start where h is small enough for the asymptotic regime (|h·w| ≤ 0.1).
    const orders = observedOrders(errorsOnHalving(name, 40, 3));
    for (const p of orders) assert.ok(Math.abs(p - order) < 0.2, `${name}: observed ${orders.join(', ')}`);
  }
});

test('with error control off rk45 and rosenbrock show orders 5 and 3', () => {
  // Every step then spans one interval, so this checks the tableaus themselves.
  const rk45 = observedOrders(errorsOnHalving('rk45', 20, 3));
  const ros = observedOrders(errorsOnHalving('rosenbrock', 40, 3));
  for (const p of rk45) assert.ok(Math.abs(p - 5) < 0.2, `rk45: observed ${rk45.join(', ')}`);
  for (const p of ros) assert.ok(Math.abs(p - 3) < 0.2, `rosenbrock: observed ${ros.join(', ')}`);
});

test('a closed two-stock system keeps its total to round-off with every method', () => {
  for (const name of ALL) {
    for (const steps of [10, 1000]) {
      const { y } = solve(name, closedPair, [3, 7], 10, steps);
      const drift = Math.abs(y[0] + y[1] - 10) / 10;
      assert.ok(drift < 1e-12, `${name} with ${steps} steps: relative drift ${drift}`);
      assert.ok(Math.abs(y[0] - 20 / 9) < 0.01, `${name}: a settles at m/(k+m)·total = 20/9, got ${y[0]}`);
    }
  }
});

test('rk2-midpoint half-steps as Vensim\'s RK2 does, where Heun\'s rk2 takes a whole trial step', () => {
  // y' = −y² from 1, one step of 1. Midpoint: k1 = −1, y(½) = 0.5, k2 = −0.25, y = 0.75.
  // Heun: k1 = −1, trial y = 0, k2 = 0, y = 1 + (−1 + 0)/2 = 0.5. Exactly 1/(1 + t) = 0.5.
  const square = { size: 1, derivatives: (_t: number, y: Float64Array, d: Float64Array) => { d[0] = -y[0] * y[0]; } };
  for (const [name, want] of [['rk2-midpoint', 0.75], ['rk2', 0.5]] as const) {
    const y = Float64Array.of(1);
    integrators.get(name)!.create(square, NO_ERROR_CONTROL).advance(0, y, 1);
    assert.is(y[0], want, name);
  }
});

test.run();
