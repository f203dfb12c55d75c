/**
 * Vensim's RK4 Auto and RK2 Auto (sim/integrators/rk-auto.ts): Runge–Kutta whose step is
 * TIME STEP or a halving of it, decreased "until for every Level, the error in its
 * computation is less than ABSOLUTE TOLERANCE or RELATIVE TOLERANCE * Base Level Value"
 * (Vensim Help, "Special Model Variables"; both default to 0.001).
 *
 * The fast decay y' = −2y from 100 with a step of 1 is hand-checkable: one classical RK4 step
 * multiplies y by 1 + z + z²/2 + z³/6 + z⁴/24 at z = −2, that is by 1/3, where the exact
 * factor is e^−2 = 0.1353; one Heun step multiplies by 1 + z + z²/2 = 1.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { getIntegrator } from '../../src/sim/integrators/index.js';
import type { IntegratorOptions, OdeSystem } from '../../src/sim/types.js';
import { TIGHT, decay, solve } from './odes.js';

const fast: OdeSystem = { size: 1, derivatives: (_t, y, d) => { d[0] = -2 * y[0]; } };
const VENSIM: IntegratorOptions = { rtol: 0.001, atol: 0.001 };

/** y at t = 1, 2, … `steps` after advancing by 1 each time from y0. */
function run(method: string, y0: number, steps: number, options = VENSIM): { ys: number[]; evals: number } {
  const stepper = getIntegrator(method)!.create(fast, options);
  const y = Float64Array.of(y0);
  const ys: number[] = [];
  let evals = 0;
  for (let i = 0; i < steps; i++) {
    evals += stepper.advance(i, y, 1);
    ys.push(y[0]);
  }
  return { ys, evals };
}

test('the fixed methods miss the fast decay at a step of 1 (RK4 by the hand-computed factor 1/3, Heun not at all)', () => {
  assert.ok(Math.abs(run('rk4', 100, 1).ys[0] - 100 / 3) < 1e-12);
  assert.is(run('rk2', 100, 1).ys[0], 100);
});

test('RK4 Auto and RK2 Auto halve the step until each step is within tolerance, and land on the exact decay', () => {
  for (const method of ['rk4-auto', 'rk2-auto']) {
    const { ys } = run(method, 100, 5);
    ys.forEach((y, i) => {
      const exact = 100 * Math.exp(-2 * (i + 1));
      // The allowance of the first step is RELATIVE TOLERANCE × 100 = 0.1; later steps allow less.
      assert.ok(Math.abs(y - exact) < 0.1, `${method} at t=${i + 1}: ${y} vs ${exact}`);
    });
  }
  // Tighter tolerances, closer answers: RK4 Auto with 1e-6/1e-9 is within 1e-4 relative.
  const tight = run('rk4-auto', 100, 5, TIGHT).ys;
  tight.forEach((y, i) => {
    const exact = 100 * Math.exp(-2 * (i + 1));
    assert.ok(Math.abs(y - exact) / exact < 1e-4, `t=${i + 1}: ${y} vs ${exact}`);
  });
});

test('a step already within tolerance is kept: RK4 Auto then gives the fixed-step RK4 answer bit for bit', () => {
  const auto = solve('rk4-auto', decay, [5], 2, 200, TIGHT);
  const fixed = solve('rk4', decay, [5], 2, 200);
  assert.is(auto.y[0], fixed.y[0]);
  // One step of h and two of h/2 from a shared first slope: 1 + 3 + 4 + 3 evaluations.
  assert.is(auto.evals, 200 * 11);
});

test('a level is within tolerance when its error is under ABSOLUTE TOLERANCE, even if over RELATIVE TOLERANCE × its value', () => {
  // From 1e-4 the one-step RK4 error is about 0.2·1e-4·e^−2 ≈ 2e-5: over 0.001 × 1e-4, under 0.001.
  assert.ok(Math.abs(run('rk4-auto', 1e-4, 1).ys[0] - 1e-4 / 3) < 1e-18, 'accepted at the whole step');
  assert.ok(Math.abs(run('rk4-auto', 1e-4, 1, { rtol: 0.001, atol: 1e-9 }).ys[0] - 1e-4 * Math.exp(-2)) < 1e-7, 'halved under a small atol');
});

test('the step grows back after a fast transient, so the slow tail costs little', () => {
  // y' = −50y², y = 1/(1 + 50t): fast at first (rate −100 per unit), slow later.
  const transient: OdeSystem = { size: 1, derivatives: (_t, y, d) => { d[0] = -50 * y[0] * y[0]; } };
  const stepper = getIntegrator('rk4-auto')!.create(transient, VENSIM);
  const y = Float64Array.of(1);
  const evals: number[] = [];
  for (let i = 0; i < 20; i++) evals.push(stepper.advance(i * 0.5, y, 0.5));
  assert.ok(Math.abs(y[0] - 1 / 501) < 1e-3, `${y[0]}`);
  assert.ok(evals[0] > 10 * evals[19], `first step ${evals[0]} evaluations, last ${evals[19]}`);
  assert.is(evals[19], 11, 'the last TIME STEP is taken whole');
});

test('a singular model makes the step fall below TIME STEP × 2^−40 and stops with an error naming the time', () => {
  const blowUp: OdeSystem = { size: 1, derivatives: (_t, y, d) => { d[0] = y[0] * y[0]; } }; // y = 1/(1 − t)
  const stepper = getIntegrator('rk4-auto')!.create(blowUp, VENSIM);
  assert.throws(() => stepper.advance(0, Float64Array.of(1), 2), /rk4-auto: step size .* at t=1\.0/);
});

test('tolerances that make error control meaningless are refused when the stepper is made', () => {
  assert.throws(() => getIntegrator('rk2-auto')!.create(fast, { rtol: 0, atol: 0 }), /rk2-auto: rtol and atol cannot both be zero/);
  assert.equal(getIntegrator('rk4-auto')!.tolerances, VENSIM);
});

test.run();
